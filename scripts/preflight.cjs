// Runs before `npm start` and `npm test`, with plain node, before tsx or any dependency loads: on
// a Node.js the toolchain does not support, or without `npm ci`, those would fail with a stack
// trace. Old syntax on purpose (CommonJS, var, no arrow functions), so any Node can parse it.
'use strict';
var fs = require('fs');
var path = require('path');

var ROOT = path.resolve(__dirname, '..');

function parts(version) {
  return String(version)
    .replace(/^v/, '')
    .split('.')
    .map(function (n) {
      return parseInt(n, 10) || 0;
    });
}

function atLeast(version, floor) {
  var v = parts(version);
  var f = parts(floor);
  for (var i = 0; i < 3; i++) {
    if ((v[i] || 0) !== (f[i] || 0)) return (v[i] || 0) > (f[i] || 0);
  }
  return true;
}

/** Whether `version` is in `range`, for the forms package.json's engines uses: ^X.Y.Z and >=X. */
function supports(version, range) {
  return range.split('||').some(function (alternative) {
    var a = alternative.trim();
    var m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(a);
    if (m) return parts(version)[0] === Number(m[1]) && atLeast(version, a.slice(1));
    m = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(a);
    if (m) return atLeast(version, m[1]);
    throw new Error('preflight: cannot read the engines range "' + range + '" in package.json');
  });
}

function main() {
  var range = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;
  var version = process.versions.node;
  if (!supports(version, range)) {
    var help = 'Install a supported version (a distribution or NodeSource package, or nvm), then run  npm ci  again.';
    console.error('This project needs Node.js ' + range + '; this is Node.js ' + version + '.\n' + help);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'))) {
    console.error('The dependencies are not installed: run  npm ci  first.');
    process.exit(1);
  }
}

if (require.main === module) main();
module.exports = { supports: supports };
