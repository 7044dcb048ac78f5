import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

// The SDK's browser build of @aws-sdk/xml-builder parses IAM/STS (Query protocol) responses with
// DOMParser, which a Chrome MV3 service worker does not have: every IAM/STS call would fail there.
// Its node build ships a pure-JS parser with the same export, so the extension loads that file
// wherever the browser file was asked for. Firefox's event page has DOMParser, but one parser for
// both browsers keeps behaviour identical.
const BROWSER_PARSER = /[\\/]@aws-sdk[\\/]xml-builder[\\/]dist-es[\\/]xml-parser\.browser\.js$/;

export function awsXmlParserWithoutDomParser(): Plugin {
  return {
    name: 'aws-xml-parser-without-domparser',
    enforce: 'pre',
    async load(id) {
      if (!BROWSER_PARSER.test(id)) return null;
      return readFile(id.replace(/xml-parser\.browser\.js$/, 'xml-parser.js'), 'utf8');
    },
  };
}
