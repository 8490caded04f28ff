// Reads the IdP's signed metadata as a portal would (idp-metadata.js) and prints the derived node-saml settings, or
// the reason the metadata is not accepted. One JSON object on stdin ({ metadata, signerCert }), one on stdout.
'use strict';
const { readJson } = require('./saml-io');
const { settingsFromMetadata } = require('./idp-metadata');

readJson(process.stdin).then((input) => {
  try {
    process.stdout.write(JSON.stringify({ ok: true, ...settingsFromMetadata(input.metadata, input.signerCert) }));
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(err.message || err) }));
  }
});
