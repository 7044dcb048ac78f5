import { ext } from '../shared/browser';
import { startContentScript } from './content-controller';

// Entry point, injected into the top frame of the AWS sign-in hosts only (manifest.json
// content_scripts). Everything else waits for the user to submit an MFA code. The `.iife` name
// makes crxjs emit one self-contained classic script: no loader, no chunk exposed to the page as a
// web-accessible resource, and it really runs at document_start.
if (ext?.runtime?.id && window.top === window) {
  void startContentScript({ document, pageUrl: () => location.href, api: ext });
}
