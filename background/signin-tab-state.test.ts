import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser, signInContentSender, storageLatency } from './fuzz-fake-browser';
import { SUBMIT_ANSWER_WINDOW_MS, TAB_RECORD_TTL_MS } from './signin-tab-rules';

// The tab's record through the real router and storage code: what a sign-in tab's content script
// gets back, that messages of one tab do not interleave, and that ended records are swept.

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');
const { SWEEP_ALARM, sweepTabRecords } = await import('./signin-tab-state');

const send = (type: string) => routeMessage({ type }, signInContentSender);
const KEY = `signinTab:${signInContentSender.tab?.id}`;

afterEach(() => {
  fake.reset();
  storageLatency.pause = async () => undefined;
});

describe("a sign-in tab's record", () => {
  it('a page that loads with an error after this tab’s submit is a rejection; a fresh one is not, and leaves nothing', async () => {
    expect(await send('content/mfa-error-at-load')).toEqual({
      ok: true,
      value: { counted: false, rejections: 0, askAdmin: true },
    });
    expect(fake.storage.session.items.has(KEY)).toBe(false);
    await send('content/mfa-code-submitted');
    expect(await send('content/mfa-error-at-load')).toEqual({
      ok: true,
      value: { counted: true, rejections: 1, askAdmin: true },
    });
    await send('content/mfa-code-submitted');
    expect(await send('content/mfa-error-at-load')).toEqual({
      ok: true,
      value: { counted: true, rejections: 2, askAdmin: true },
    });
    expect(Object.keys(fake.storage.session.items.get(KEY) as object).sort()).toEqual(['rejections', 'updatedAt']);
  });

  it('the old page’s submit and the new page’s question, arriving together, are applied in order', async () => {
    // Every storage call yields, as the real IPC-backed storage does: unserialized handlers would
    // both read the empty record and the question would miss the submit.
    storageLatency.pause = () => new Promise((done) => setTimeout(done, 5));
    const [, answer] = await Promise.all([send('content/mfa-code-submitted'), send('content/mfa-error-at-load')]);
    expect(answer).toEqual({ ok: true, value: { counted: true, rejections: 1, askAdmin: true } });
  });

  it('the sweep removes ended records (an unanswered submit, an old count) and keeps the rest', async () => {
    const now = Date.now();
    fake.storage.session.items.set('signinTab:1', {
      rejections: 1,
      submittedAt: now - SUBMIT_ANSWER_WINDOW_MS,
      updatedAt: now - 1,
    });
    fake.storage.session.items.set('signinTab:2', { rejections: 2, updatedAt: now - TAB_RECORD_TTL_MS });
    fake.storage.session.items.set('signinTab:3', { rejections: 1, updatedAt: now - 1_000 });
    fake.storage.session.items.set('prefill', { hints: { isRoot: false }, createdAt: now });
    fake.storage.session.items.set('signinTab:4', { rejections: 1, updatedAt: now - 500 });
    await sweepTabRecords(now);
    expect([...fake.storage.session.items.keys()].sort()).toEqual(['prefill', 'signinTab:3', 'signinTab:4']);
    // Re-armed for the earliest end still to come, a second after it.
    expect(fake.scheduledAlarms.get(SWEEP_ALARM)).toBe(now - 1_000 + TAB_RECORD_TTL_MS + 1_000);
  });

  it('arms the sweep a second after a record ends, and not at all once none is left', async () => {
    await send('content/mfa-code-submitted');
    const record = fake.storage.session.items.get(KEY) as { submittedAt: number };
    expect(fake.scheduledAlarms.get(SWEEP_ALARM)).toBe(record.submittedAt + SUBMIT_ANSWER_WINDOW_MS + 1_000);
    fake.scheduledAlarms.clear();
    await sweepTabRecords(record.submittedAt + SUBMIT_ANSWER_WINDOW_MS);
    expect(fake.storage.session.items.has(KEY)).toBe(false);
    expect(fake.scheduledAlarms.size).toBe(0);
  });
});
