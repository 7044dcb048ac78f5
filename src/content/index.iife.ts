import { ext } from '../shared/browser';
import { startContentScript } from './content-controller';

// Entry point, injected into the top frame of the AWS sign-in hosts only (manifest.json
// content_scripts). Everything else waits for the user to submit an MFA code. The `.iife` name
// makes crxjs emit one self-contained classic script: no loader, no chunk exposed to the page as a
// web-accessible resource, and it really runs at document_start.
// No extension API is touched here (see startContentScript): a freshly injected script always has
// its extension, and every call it makes later tolerates an extension reloaded under the page.
if (window.top === window) startContentScript({ document, pageUrl: () => location.href, api: ext });
