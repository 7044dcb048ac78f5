import { describe, expect, it } from 'vitest';
import {
  FAKE_EXTENSION_ID,
  foreignSenders,
  installFakeBrowser,
  popupSender,
  signInContentSender,
} from './fuzz-fake-browser';

// Who may talk to the background, one condition at a time: each case breaks exactly one part of
// the check, so a check that lost a condition lets that sender through here.

installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { isExtensionPage, isSignInContentScript } = await import('./sender-checks');

describe('isExtensionPage', () => {
  it('accepts this extension’s own pages', () => {
    expect(isExtensionPage(popupSender)).toBe(true);
    expect(
      isExtensionPage({ id: FAKE_EXTENSION_ID, url: `chrome-extension://${FAKE_EXTENSION_ID}/options/index.html` }),
    ).toBe(true);
  });

  it.each([
    ['no sender', undefined],
    [
      'the same host under another scheme',
      { id: FAKE_EXTENSION_ID, url: `moz-extension://${FAKE_EXTENSION_ID}/popup/index.html` },
    ],
    [
      'our scheme on another extension’s host',
      { id: FAKE_EXTENSION_ID, url: 'chrome-extension://otherextensionidbbbbbbbbbbbbbbbb/x.html' },
    ],
    ['a URL that does not parse', { id: FAKE_EXTENSION_ID, url: 'not a url' }],
    ...Object.entries(foreignSenders),
  ])('refuses %s', (_name, sender) => {
    expect(isExtensionPage(sender)).toBe(false);
  });
});

describe('isSignInContentScript', () => {
  it('accepts our content script in the top frame of a sign-in tab', () => {
    expect(isSignInContentScript(signInContentSender)).toBe(true);
  });

  it.each([
    ['another extension', { ...signInContentSender, id: 'otherextensionidbbbbbbbbbbbbbbbb' }],
    ['no tab', { ...signInContentSender, tab: undefined }],
    ['a sub-frame', { ...signInContentSender, frameId: 3 }],
    ['a page that is not a sign-in page', { ...signInContentSender, url: 'https://evil.example/' }],
    ['no URL', { ...signInContentSender, url: undefined }],
    ['an extension page', popupSender],
  ])('refuses %s', (_name, sender) => {
    expect(isSignInContentScript(sender)).toBe(false);
  });
});
