import type Browser from 'webextension-polyfill';

// The one place that chooses the WebExtension namespace. Firefox and Chrome >= 148 (the manifest's
// minimum) expose the promise-based `browser` global, so no polyfill ships: it cost ~3 KB gzip in
// both the popup and the background. The polyfill package still provides the types.
export const ext: typeof Browser = (globalThis as unknown as { browser: typeof Browser }).browser;
export type Runtime = typeof Browser.runtime;
export type MessageSender = Browser.Runtime.MessageSender;
