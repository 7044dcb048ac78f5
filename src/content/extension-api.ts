import type { ContentScriptRequest } from '../shared/messages';

// The few WebExtension calls the content script makes. The entry point passes the shared `ext`
// (src/shared/browser.ts: the native `browser` namespace, no polyfill at runtime); tests pass a
// fake that records what would reach the background.

interface StorageAreaApi {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ContentApi {
  runtime: { sendMessage(message: ContentScriptRequest): Promise<unknown> };
  storage: { local: StorageAreaApi; managed?: Pick<StorageAreaApi, 'get'> };
  i18n: { getMessage(key: string): string };
}
