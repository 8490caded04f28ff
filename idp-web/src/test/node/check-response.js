// Checks a SAML Response the way a portal would, with node-saml (no OpenSAML): signature against the IdP's
// certificate (or every signing certificate of the IdP's signed metadata), audience, InResponseTo, time conditions;
// plus Recipient and Destination, which node-saml leaves to the application. Reads one JSON object on stdin, prints one JSON object on stdout.
'use strict';
const { SAML } = require('@node-saml/node-saml');
const { DOMParser } = require('@xmldom/xmldom');
const { readJson, one } = require('./saml-io');
const { settingsFromMetadata } = require('./idp-metadata');

async function main() {
  const input = await readJson(process.stdin);
  // A portal configured from the IdP's signed metadata trusts every signing key it lists (a key rollover).
  let idpCert = input.idpCert;
  if (input.idpMetadata) {
    try {
      idpCert = settingsFromMetadata(input.idpMetadata, input.metadataSignerCert).idpCert;
    } catch (err) {
      process.stdout.write(JSON.stringify({ ok: false, error: 'metadata: ' + err.message }));
      return;
    }
  }
  const saml = new SAML({
    idpCert,
    issuer: input.audience,
    audience: input.audience,
    callbackUrl: input.acsUrl,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: Boolean(input.wantAuthnResponseSigned),
    validateInResponseTo: input.inResponseTo ? 'always' : 'never',
    decryptionPvk: input.decryptionPvk || undefined,
    acceptedClockSkewMs: 1000,
  });
  if (input.inResponseTo) {
    await saml.cacheProvider.saveAsync(input.inResponseTo, new Date().toISOString());
  }
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: input.samlResponse });
    const response = new DOMParser().parseFromString(Buffer.from(input.samlResponse, 'base64').toString('utf8'), 'text/xml');
    const assertion = new DOMParser().parseFromString(profile.getAssertionXml(), 'text/xml');
    const destination = one(response, '/samlp:Response/@Destination');
    const recipient = one(assertion, '//saml:SubjectConfirmationData/@Recipient');
    if (destination !== input.acsUrl) {
      throw new Error('Destination ' + destination + ' is not the ACS ' + input.acsUrl);
    }
    if (recipient !== input.acsUrl) {
      throw new Error('Recipient ' + recipient + ' is not the ACS ' + input.acsUrl);
    }
    const attributes = {};
    for (const [name, value] of Object.entries(profile.attributes || {})) {
      attributes[name] = value;
    }
    process.stdout.write(JSON.stringify({
      ok: true,
      nameID: profile.nameID,
      nameIDFormat: profile.nameIDFormat,
      sessionIndex: profile.sessionIndex,
      authnContextClassRef: one(assertion, '//saml:AuthnContextClassRef/text()'),
      attributes,
    }));
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(err && err.message ? err.message : err) }));
  }
}

main();
