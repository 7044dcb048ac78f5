import { ext, type MessageSender } from '../src/shared/browser';
import { isSignInUrl } from '../src/shared/signin-hosts';

/**
 * Only the extension's own pages (popup, options, the popup opened as a tab) may use the vault or
 * start a resync. Content scripts run in web pages: their sender URL is the page's, so they fail
 * this check whatever they send.
 */
export function isExtensionPage(sender: MessageSender | undefined): boolean {
  if (!sender || sender.id !== ext.runtime.id || !sender.url) return false;
  try {
    // URL.origin is "null" for chrome-extension:/moz-extension: URLs, so compare scheme + host.
    const page = new URL(sender.url);
    // getURL('') and getURL('/') are both the extension's root URL.
    // Stryker disable next-line StringLiteral: equivalent, see above
    const own = new URL(ext.runtime.getURL('/'));
    return page.protocol === own.protocol && page.host === own.host;
  } catch {
    return false;
  }
}

/** A content script may only speak from a top-level AWS sign-in page in a tab. */
export function isSignInContentScript(sender: MessageSender): boolean {
  // Any non-URL fallback for a missing sender URL is refused by isSignInUrl alike.
  // Stryker disable next-line StringLiteral: equivalent, see above
  return (
    sender.id === ext.runtime.id && sender.tab !== undefined && sender.frameId === 0 && isSignInUrl(sender.url ?? '')
  );
}
