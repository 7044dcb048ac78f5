import polyfill from 'webextension-polyfill';

// The one place that chooses the WebExtension namespace. Firefox and Chrome >= 148 expose a
// promise-based `browser` global already; webextension-polyfill covers older Chrome. Everything
// else imports `ext` from here, so dropping the polyfill later is a one-line change.
export const ext = polyfill;
export type Runtime = typeof polyfill.runtime;
export type MessageSender = polyfill.Runtime.MessageSender;
