import * as v from 'valibot';
import type { MessageSender } from '../src/shared/browser';
import { RESPONSE_VALUE, replySchema, type ExtensionPageRequest } from '../src/shared/messages';
import type { VaultRecord } from './vault';

// The smallest `browser` namespace the background modules touch, in memory, for unit tests that
// import the real router and resync code (src/shared/browser.ts reads globalThis.browser once, at
// import, so install it once before importing them — a top-level `await import()` after the call —
// and reset() it between tests). Test-only: never bundled.

export const FAKE_EXTENSION_ID = 'fuzzextensionidaaaaaaaaaaaaaaaaa';
const BASE = `chrome-extension://${FAKE_EXTENSION_ID}/`;

type Items = Record<string, unknown>;

/**
 * Awaited by every storage call. Tests replace it to let other work run in between, as the real,
 * IPC-backed storage does: that is where concurrent message handlers interleave.
 */
export const storageLatency: { pause: () => Promise<void> } = { pause: async () => undefined };

function area(initial: Items = {}) {
  const items = new Map(Object.entries(structuredClone(initial)));
  return {
    items,
    async get(keys?: string | string[] | null): Promise<Items> {
      await storageLatency.pause();
      const wanted = keys === undefined || keys === null ? [...items.keys()] : Array.isArray(keys) ? keys : [keys];
      // A copy, as the real storage returns: callers must not share objects with what is stored.
      return Object.fromEntries(wanted.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]));
    },
    async set(values: Items): Promise<void> {
      await storageLatency.pause();
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]): Promise<void> {
      await storageLatency.pause();
      for (const k of Array.isArray(keys) ? keys : [keys]) items.delete(k);
    },
  };
}

export interface FakeBrowser {
  storage: {
    session: ReturnType<typeof area>;
    local: ReturnType<typeof area>;
    managed: { get(): Promise<Items> };
    onChanged: { hasListener(): boolean; addListener(): void };
  };
  calls: string[];
  /** Alarm name → when it fires, as alarms.create/clear left them. */
  scheduledAlarms: Map<string, number | undefined>;
  /** Empties storage, the alarms and the call log; `localItems` become storage.local. */
  reset(localItems?: Items): void;
}

/** Installs the fake as globalThis.browser (plus the build flag the background reads). */
export function installFakeBrowser(localItems: Items = {}): FakeBrowser {
  const calls: string[] = [];
  const scheduledAlarms = new Map<string, number | undefined>();
  const record =
    (name: string) =>
    async (..._args: unknown[]): Promise<void> => {
      calls.push(name);
    };
  const fake = {
    runtime: {
      id: FAKE_EXTENSION_ID,
      getURL: (path: string) => BASE + path.replace(/^\//, ''),
      onMessage: { addListener: () => undefined },
      onConnect: { addListener: () => undefined },
    },
    storage: {
      session: area(),
      local: area(localItems),
      // Firefox's answer when no policy is installed: "no policy", not an error.
      managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) },
      onChanged: { hasListener: () => false, addListener: () => undefined },
    },
    alarms: {
      create: (name: string, info: { when?: number }) => void scheduledAlarms.set(name, info.when),
      clear: async (name: string) => scheduledAlarms.delete(name),
    },
    action: { openPopup: record('action.openPopup'), setBadgeText: record('action.setBadgeText') },
    tabs: {
      create: record('tabs.create'),
      onUpdated: { hasListener: () => false, addListener: () => undefined, removeListener: () => undefined },
    },
    notifications: { create: record('notifications.create') },
    i18n: { getMessage: (key: string) => key },
    calls,
    scheduledAlarms,
    reset(items: Items = {}): void {
      scheduledAlarms.clear();
      fake.storage.session.items.clear();
      fake.storage.local.items.clear();
      for (const [k, v] of Object.entries(structuredClone(items))) fake.storage.local.items.set(k, v);
      calls.length = 0;
    },
  };
  const scope = globalThis as unknown as { browser: unknown; __SANDBOX_BUILD__: boolean };
  scope.browser = fake;
  scope.__SANDBOX_BUILD__ = false;
  return fake;
}

const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false };

/** The popup (or any page of this extension). */
export const popupSender: MessageSender = { id: FAKE_EXTENSION_ID, url: `${BASE}popup/index.html` };

type ReplyType = ExtensionPageRequest['type'];
const isReplyType = (type: unknown): type is ReplyType =>
  typeof type === 'string' && Object.hasOwn(RESPONSE_VALUE, type);

/**
 * Sends as the popup and takes the reply as the popup would: one that breaks the protocol's reply
 * schema (which the popup's build-time reply checks enforce, build/reply-checks-plugin.ts) throws,
 * so every router test also holds the background to what the popup accepts.
 */
export function popupSend(route: (message: unknown, sender: MessageSender) => Promise<unknown>) {
  return async (message: unknown): Promise<unknown> => {
    const reply = await route(message, popupSender);
    const type = (message as { type?: unknown } | null)?.type;
    if (isReplyType(type)) {
      const checked = v.safeParse(replySchema(type), reply);
      if (!checked.success) {
        throw new Error(`reply to ${type} breaks the protocol: ${JSON.stringify(v.flatten(checked.issues))}`);
      }
    }
    return reply;
  };
}

/** Our content script in the top frame of an AWS sign-in page. */
export const signInContentSender: MessageSender = {
  id: FAKE_EXTENSION_ID,
  url: 'https://signin.aws.amazon.com/oauth?redirect_uri=x',
  tab: { ...tab, url: 'https://signin.aws.amazon.com/oauth' },
  frameId: 0,
};

/** Senders that must be refused whatever they send. */
export const foreignSenders: Record<string, MessageSender> = {
  'content script in a sub-frame': { ...signInContentSender, frameId: 3 },
  'content script on plain http': { ...signInContentSender, url: 'http://signin.aws.amazon.com/' },
  'content script on a look-alike host': { ...signInContentSender, url: 'https://signin.aws.amazon.com.evil.example/' },
  'content script on a web page': { ...signInContentSender, url: 'http://127.0.0.1:8080/hostile.html' },
  'another extension': {
    id: 'otherextensionidbbbbbbbbbbbbbbbb',
    url: 'chrome-extension://otherextensionidbbbbbbbbbbbbbbbb/x.html',
  },
  "another extension claiming our page's URL": {
    id: 'otherextensionidbbbbbbbbbbbbbbbb',
    url: `${BASE}popup/index.html`,
  },
  'our id without a URL': { id: FAKE_EXTENSION_ID },
  'our id with a web URL and no tab': { id: FAKE_EXTENSION_ID, url: 'https://evil.example/' },
  'no id at all': { url: `${BASE}popup/index.html` },
};

/**
 * What the vault holds after alice unlocked with temporary credentials at `now`: for tests that
 * need an unlocked vault (storeInVault(unlockedRecord())), not the unlock itself.
 */
export function unlockedRecord(now = Date.now()): VaultRecord {
  return {
    secret: { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'example-secret', sessionToken: 'token' },
    kind: 'temporary',
    identity: { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', userId: 'AIDAEXAMPLE' },
    partition: 'aws',
    unlockedAt: now,
    idleLockAt: now + 60_000,
  };
}
