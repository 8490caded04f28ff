// What both checkers share: one JSON object in on stdin, and XPath over SAML documents.
'use strict';
const xpath = require('xpath');

function readJson(stream) {
  return new Promise((resolve) => {
    let data = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => { data += chunk; });
    stream.on('end', () => resolve(JSON.parse(data)));
  });
}

const select = xpath.useNamespaces({
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
});

/** The value or text of the first node at path, or null. */
function one(doc, path) {
  const nodes = select(path, doc);
  return nodes.length ? nodes[0].nodeValue || nodes[0].textContent : null;
}

module.exports = { readJson, select, one };
