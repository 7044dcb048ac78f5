import { ext } from '../src/shared/browser';
import type { TabRejections } from '../src/shared/messages';
import { endsAt, nextRecord, type SignInTabRecord, type TabEvent } from './signin-tab-rules';

// Each sign-in tab's record (signin-tab-rules.ts) in storage.session: memory only, gone with the
// browser session, one key per tab. It ends when the tab closes (tabs.onRemoved), when its submit
// goes unanswered (the console was reached, or the user went elsewhere), and a few minutes after
// its last change; an alarm removes ended records, and reads treat them as empty meanwhile.
// Why no tabs.onUpdated: Chromium shows an extension no URL of these tabs (neither the sign-in
// pages nor the console: measured, without the "tabs" permission), so it cannot tell "left the
// sign-in hosts" from "next sign-in page"; and a top-level onUpdated listener would wake the
// worker on every navigation of every tab. The unanswered-submit rule covers the console case in
// both browsers.

const KEY_PREFIX = 'signinTab:';
export const SWEEP_ALARM = 'signin-tab-sweep';
const keyOf = (tabId: number) => `${KEY_PREFIX}${tabId}`;
const arm = (end: number) => ext.alarms.create(SWEEP_ALARM, { when: end + 1_000 });

// The old page's "submitted" and the new page's question must not interleave their
// read-modify-write: one chain per worker is enough for a handful of sign-in tabs.
let chain: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = chain.then(work, work);
  chain = run.catch(() => undefined);
  return run;
}

/** Applies one event of the tab to its record; answers with the tab's count. */
export function recordTabEvent(tabId: number, event: TabEvent): Promise<TabRejections> {
  return serialized(async () => {
    const key = keyOf(tabId);
    const { record, counted } = nextRecord(
      (await ext.storage.session.get(key))[key] as SignInTabRecord | undefined,
      event,
      Date.now(),
    );
    // A page that is nobody's answer leaves nothing behind. Arming for this record may postpone
    // another tab's earlier end: the sweep re-arms for the earliest.
    if (record.updatedAt) await ext.storage.session.set({ [key]: record }).then(() => arm(endsAt(record)));
    else await ext.storage.session.remove(key);
    return { counted, rejections: record.rejections };
  });
}

/** Removes every ended record and re-arms the alarm for the earliest end still to come. */
export function sweepTabRecords(now = Date.now()): Promise<void> {
  return serialized(async () => {
    let next = Infinity;
    for (const [key, record] of Object.entries(await ext.storage.session.get(null))) {
      if (!key.startsWith(KEY_PREFIX)) continue;
      const end = endsAt(record as SignInTabRecord);
      if (end <= now) await ext.storage.session.remove(key);
      else next = Math.min(next, end);
    }
    if (next < Infinity) arm(next);
  });
}

/** Registered at the worker's top level, so a closed tab's record goes even if the worker slept. */
export function watchSignInTabs(): void {
  ext.tabs.onRemoved.addListener((tabId) => void serialized(() => ext.storage.session.remove(keyOf(tabId))));
}
