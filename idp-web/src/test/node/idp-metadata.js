// What a portal takes from the IdP's metadata, derived the way an SP administrator's tooling does it without OpenSAML:
// the signature checked with xml-crypto against the metadata-signing certificate the portal was given, validUntil in
// the future, then every signing certificate and the SSO endpoints as node-saml settings.
'use strict';
const { SignedXml } = require('xml-crypto');
const { DOMParser } = require('@xmldom/xmldom');
const xpath = require('xpath');

const select = xpath.useNamespaces({
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
});

function pem(base64) {
  const body = base64.replace(/\s+/g, '').match(/.{1,64}/g).join('\n');
  return '-----BEGIN CERTIFICATE-----\n' + body + '\n-----END CERTIFICATE-----\n';
}

/** Throws unless the metadata is signed by signerPem over its root and still valid; returns the derived settings. */
function settingsFromMetadata(metadataXml, signerPem, now) {
  const doc = new DOMParser().parseFromString(metadataXml, 'text/xml');
  const root = doc.documentElement;
  const signatures = select('/md:EntityDescriptor/ds:Signature', doc);
  if (signatures.length !== 1) {
    throw new Error('metadata is not signed');
  }
  const sig = new SignedXml({ publicCert: signerPem });
  sig.loadSignature(signatures[0]);
  let verified;
  try {
    verified = sig.checkSignature(metadataXml);
  } catch (err) {
    verified = false;
  }
  if (!verified) {
    throw new Error('metadata signature does not verify with the given certificate');
  }
  const references = sig.getReferences();
  if (references.length !== 1 || references[0].uri !== '#' + root.getAttribute('ID')) {
    throw new Error('metadata signature does not cover the root element');
  }
  const validUntil = new Date(root.getAttribute('validUntil'));
  if (!(validUntil > (now || new Date()))) {
    throw new Error('metadata validUntil ' + root.getAttribute('validUntil') + ' has passed');
  }
  const certs = select("//md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use='signing']//ds:X509Certificate/text()", doc)
    .map((n) => pem(n.nodeValue));
  const sso = (binding) => {
    const found = select("//md:IDPSSODescriptor/md:SingleSignOnService[@Binding='" + binding + "']/@Location", doc);
    return found.length ? found[0].nodeValue : null;
  };
  return {
    entityID: root.getAttribute('entityID'),
    idpCert: certs,
    entryPoint: sso('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect'),
    postEntryPoint: sso('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'),
    validUntil: root.getAttribute('validUntil'),
  };
}

module.exports = { settingsFromMetadata };
