import { ext } from '../src/shared/browser';
import type { TabRejections } from '../src/shared/messages';
import { isSignInUrl } from '../src/shared/signin-hosts';
import {
  afterErrorAtLoad,
  afterRejection,
  afterSubmit,
  current,
  leftSignIn,
  TAB_RECORD_TTL_MS,
  type SignInTabRecord,
} from './signin-tab-rules';

// Each sign-in tab's record (signin-tab-rules.ts) in storage.session: memory only, gone with the
// browser session, one key per tab. Cleared when the tab closes, when the background can see that
// the tab left the sign-in hosts (the console, or anywhere else), and TAB_RECORD_TTL_MS after its
// last change (an alarm sweeps expired records; reads treat them as empty meanwhile).

const KEY_PREFIX = 'signinTab:';
export const SWEEP_ALARM = 'signin-tab-sweep';
const keyOf = (tabId: number) => `${KEY_PREFIX}${tabId}`;

// Two messages of one tab (the old page's submit, the new page's question) must not interleave
// their read-modify-write: one queue per tab.
const queues = new Map<number, Promise<unknown>>();
function serialized<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
  const settled = run.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
  return run;
}

async function update<T>(tabId: number, change: (record: SignInTabRecord | undefined, now: number) => [SignInTabRecord, T]): Promise<T> {
  return serialized(tabId, async () => {
    const key = keyOf(tabId);
    const stored = (await ext.storage.session.get(key))[key] as SignInTabRecord | undefined;
    const [record, result] = change(stored, Date.now());
    await ext.storage.session.set({ [key]: record });
    watch(tabId, true);
    ext.alarms.create(SWEEP_ALARM, { when: record.updatedAt + TAB_RECORD_TTL_MS + 1_000 });
    return result;
  });
}

export function recordSubmit(tabId: number): Promise<null> {
  return update(tabId, (record, now) => [afterSubmit(record, now), null]);
}

export function recordRejection(tabId: number): Promise<TabRejections> {
  return update(tabId, (record, now) => {
    const next = afterRejection(record, now);
    return [next, { counted: true, rejections: next.rejections }];
  });
}

export function recordErrorAtLoad(tabId: number): Promise<TabRejections> {
  return update(tabId, (record, now) => {
    const { record: next, counted } = afterErrorAtLoad(record, now);
    return [next, { counted, rejections: next.rejections }];
  });
}

export function forgetTab(tabId: number): Promise<void> {
  watch(tabId, false);
  return serialized(tabId, () => ext.storage.session.remove(keyOf(tabId)));
}

/** Drops every expired record; re-arms the alarm for the next one to expire. */
export async function sweepTabRecords(now = Date.now()): Promise<void> {
  const all = await ext.storage.session.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(KEY_PREFIX));
  const expired = keys.filter((key) => current(all[key] as SignInTabRecord, now).updatedAt === 0);
  for (const key of expired) watch(Number(key.slice(KEY_PREFIX.length)), false);
  if (expired.length > 0) await ext.storage.session.remove(expired);
  const next = keys
    .filter((key) => !expired.includes(key))
    .map((key) => (all[key] as SignInTabRecord).updatedAt + TAB_RECORD_TTL_MS + 1_000);
  if (next.length > 0) ext.alarms.create(SWEEP_ALARM, { when: Math.min(...next) });
}

/**
 * Whether the browser shows this extension the URLs of sign-in tabs (it needs host access; the
 * content script's matches give it in Firefox, not in Chromium). Asked once per worker life.
 */
let seesSignInUrls: Promise<boolean> | undefined;
function canSeeSignInUrls(): Promise<boolean> {
  seesSignInUrls ??= ext.permissions.contains({ origins: ['https://signin.aws.amazon.com/*'] }).catch(() => false);
  return seesSignInUrls;
}

// Tab updates are watched only while this worker holds records: a top-level onUpdated listener
// would wake the worker on every navigation in every tab, for the rare sign-in tab. A worker that
// was stopped with records left misses the navigation; the expiry clears those.
const watched = new Set<number>();
function onTabUpdated(tabId: number, change: { status?: string; url?: string }, tab: { url?: string }): void {
  if (!watched.has(tabId) || (change.status !== 'loading' && change.url === undefined)) return;
  void canSeeSignInUrls().then((sees) => (leftSignIn(change.url ?? tab.url, isSignInUrl, sees) ? forgetTab(tabId) : undefined));
}
function watch(tabId: number, on: boolean): void {
  if (on) watched.add(tabId);
  else watched.delete(tabId);
  const listening = ext.tabs.onUpdated.hasListener(onTabUpdated);
  if (watched.size > 0 && !listening) ext.tabs.onUpdated.addListener(onTabUpdated);
  if (watched.size === 0 && listening) ext.tabs.onUpdated.removeListener(onTabUpdated);
}

/** Registered at the worker's top level, so a closed tab's record goes even if the worker slept. */
export function watchSignInTabs(): void {
  ext.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
