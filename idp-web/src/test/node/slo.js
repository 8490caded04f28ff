// Plays a portal's part in single logout with node-saml (no OpenSAML): makes the portal's signed HTTP-Redirect
// LogoutRequest, checks a LogoutRequest or LogoutResponse the IdP sent over HTTP-Redirect (query signature against
// the IdP's certificate, issuer, times), and makes the portal's signed LogoutResponse. Reads one JSON object on
// stdin ({action, ...}), prints one JSON object on stdout.
'use strict';
const zlib = require('zlib');
const { SAML } = require('@node-saml/node-saml');
const samlXml = require('@node-saml/node-saml/lib/xml');
const { DOMParser } = require('@xmldom/xmldom');
const { readJson, select, one: first } = require('./saml-io');

function portal(input) {
  return new SAML({
    issuer: input.spEntityId,
    audience: input.spEntityId,
    callbackUrl: input.spEntityId + '/acs',
    entryPoint: input.idpSloUrl,
    logoutUrl: input.idpSloUrl,
    idpCert: input.idpCert,
    idpIssuer: input.idpEntityId,
    privateKey: input.spKeyPem,
    signatureAlgorithm: 'sha256',
    validateInResponseTo: 'never',
    acceptedClockSkewMs: 1000,
  });
}

function messageXml(url, parameter) {
  const value = new URL(url).searchParams.get(parameter);
  return zlib.inflateRawSync(Buffer.from(value, 'base64')).toString('utf8');
}

function values(xml) {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const one = (path) => first(doc, path);
  return {
    kind: doc.documentElement.localName,
    id: one('/*/@ID'),
    inResponseTo: one('/*/@InResponseTo'),
    destination: one('/*/@Destination'),
    status: one('/samlp:LogoutResponse/samlp:Status/samlp:StatusCode/@Value'),
    subStatus: one('/samlp:LogoutResponse/samlp:Status/samlp:StatusCode/samlp:StatusCode/@Value'),
    nameID: one('/samlp:LogoutRequest/saml:NameID/text()'),
    nameIDFormat: one('/samlp:LogoutRequest/saml:NameID/@Format'),
    sessionIndex: one('/samlp:LogoutRequest/samlp:SessionIndex/text()'),
    hasXmlSignature: select('/*/*[local-name()="Signature"]', doc).length > 0,
  };
}

async function main() {
  const input = await readJson(process.stdin);
  const saml = portal(input);
  try {
    if (input.action === 'logout-request') {
      const url = await saml.getLogoutUrlAsync({
        nameID: input.nameID, nameIDFormat: input.nameIDFormat, sessionIndex: input.sessionIndex,
      }, input.relayState);
      process.stdout.write(JSON.stringify({ ok: true, url, id: values(messageXml(url, 'SAMLRequest')).id }));
    } else if (input.action === 'check') {
      // node-saml refuses any LogoutResponse whose status is not Success; an error answer is still checked for its
      // query signature, so a refusal is proved to come from the IdP.
      const query = input.query;
      const container = Object.fromEntries(new URLSearchParams(query));
      let result = { profile: null };
      let accepted = true;
      let refusal = null;
      try {
        result = await saml.validateRedirectAsync(container, query);
      } catch (err) {
        accepted = false;
        refusal = String(err && err.message ? err.message : err);
      }
      const signatureValid = Boolean(container.Signature)
        && await saml.hasValidSignatureForRedirect(container, query).then(() => true, () => false);
      const parameter = container.SAMLRequest ? 'SAMLRequest' : 'SAMLResponse';
      const message = values(messageXml('https://x/?' + query, parameter));
      process.stdout.write(JSON.stringify({
        ok: signatureValid && (accepted || refusal.startsWith('Bad status code')),
        accepted,
        refusal,
        querySigned: Boolean(container.Signature),
        sigAlg: container.SigAlg || null,
        relayState: container.RelayState || null,
        profileNameID: result.profile ? result.profile.nameID : null,
        ...message,
      }));
    } else if (input.action === 'check-post') {
      // HTTP-POST binding: the enveloped XML signature, checked with node-saml's own verifier against the IdP's key.
      const xml = Buffer.from(input.samlMessage, 'base64').toString('utf8');
      const dom = await samlXml.parseDomFromString(xml);
      const pem = saml.options.idpCert;
      const signed = samlXml.getVerifiedXml(xml, dom.documentElement, [pem]);
      process.stdout.write(JSON.stringify({ ok: signed !== null, ...values(xml) }));
    } else if (input.action === 'logout-response') {
      const url = await saml.getLogoutResponseUrlAsync({ ID: input.requestId }, input.relayState, {}, input.success);
      process.stdout.write(JSON.stringify({ ok: true, url }));
    } else {
      throw new Error('unknown action ' + input.action);
    }
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(err && err.message ? err.message : err) }));
  }
}

main();
