import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResyncOutcome } from '../src/shared/messages';
import { installFakeBrowser } from './fuzz-fake-browser';

// The resync records in storage.session: the one-way fingerprint of a sent code pair, how much
// history is kept, and how an attempt left pending reads once its worker is gone or it is too old.

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const attempts = await import('./resync-attempts');

const SERIAL = 'arn:aws:iam::123456789012:mfa/alice-phone';
const outcome = (changes: Partial<ResyncOutcome> = {}): ResyncOutcome => ({
  attemptId: 'a0',
  status: 'pending',
  userName: 'alice',
  serialNumber: SERIAL,
  startedAt: Date.now(),
  ...changes,
});

afterEach(() => fake.reset());

describe('codePairFingerprint', () => {
  it('is the SHA-256 of serial and codes, one per line, in lower-case hex', async () => {
    const expected = createHash('sha256').update(`${SERIAL}\n123456\n654321`).digest('hex');
    expect(await attempts.codePairFingerprint(SERIAL, '123456', '654321')).toBe(expected);
    // Every byte is two digits, leading zeros included.
    expect(await attempts.codePairFingerprint(SERIAL, '000000', '000001')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('claimPair', () => {
  it('lets each pair be sent once, and forgets a pair after 20 newer ones', async () => {
    const fingerprints = await Promise.all(
      Array.from({ length: 21 }, (_, i) => attempts.codePairFingerprint(SERIAL, '111111', String(100000 + i))),
    );
    const claim = (fingerprint: string, i: number) => attempts.claimPair(fingerprint, outcome({ attemptId: `a${i}` }));
    for (const [i, fingerprint] of fingerprints.entries()) expect(await claim(fingerprint, i)).toBe(true);
    expect(await claim(fingerprints[20]!, 21)).toBe(false);
    expect(await claim(fingerprints[1]!, 22)).toBe(false);
    // The oldest has been forgotten (its codes expired long ago).
    expect(await claim(fingerprints[0]!, 23)).toBe(true);
  });

  it('records the pending attempt with the claim, and nothing when the pair was sent before', async () => {
    const fingerprint = await attempts.codePairFingerprint(SERIAL, '123456', '654321');
    const first = outcome({ attemptId: 'first' });
    expect(await attempts.claimPair(fingerprint, first)).toBe(true);
    expect(await attempts.findAttempt('first')).toEqual(first);
    expect(await attempts.readLastOutcome()).toMatchObject({ attemptId: 'first', status: 'pending' });
    expect(await attempts.claimPair(fingerprint, outcome({ attemptId: 'again' }))).toBe(false);
    expect(await attempts.findAttempt('again')).toBeUndefined();
  });
});

describe('recorded outcomes', () => {
  it('keeps the 20 attempts that started last, whatever order they were recorded in', async () => {
    const now = Date.now();
    const ids = Array.from({ length: 21 }, (_, i) => `a${i}`);
    // Recorded newest first: keeping the last 20 written would drop the newest.
    for (const [i, attemptId] of [...ids.entries()].reverse()) {
      await attempts.recordOutcome(outcome({ attemptId, status: 'failed', startedAt: now - 60_000 + i }));
    }
    expect(await attempts.findAttempt('a0')).toBeUndefined();
    expect(await attempts.findAttempt('a1')).toMatchObject({ attemptId: 'a1', status: 'failed' });
    expect(await attempts.findAttempt('a20')).toMatchObject({ attemptId: 'a20', status: 'failed' });
    expect(await attempts.readLastOutcome()).toMatchObject({ attemptId: 'a0' });
  });

  it('shows a pending attempt of this worker as pending for 30 s, then as unknown (never re-sent)', async () => {
    const startedAt = Date.now();
    await attempts.recordOutcome(outcome({ startedAt }));
    expect(await attempts.readLastOutcome(startedAt + 30_000)).toEqual(outcome({ startedAt }));
    expect(await attempts.readLastOutcome(startedAt + 30_001)).toEqual(outcome({ startedAt, status: 'unknown' }));
    expect(await attempts.findAttempt('a0')).toEqual(outcome({ startedAt }));
  });

  it('shows a pending attempt of an earlier worker as unknown at once', async () => {
    const stored = { ...outcome(), sentBy: 'an earlier worker run' };
    await fake.storage.session.set({ lastOutcome: stored, resyncAttempts: { a0: stored } });
    expect(await attempts.readLastOutcome()).toEqual(outcome({ startedAt: stored.startedAt, status: 'unknown' }));
    expect(await attempts.findAttempt('a0')).toEqual(outcome({ startedAt: stored.startedAt, status: 'unknown' }));
  });

  it('leaves a finished attempt as it is, however old or whoever sent it', async () => {
    const old = { ...outcome({ status: 'succeeded', startedAt: 1, finishedAt: 2 }), sentBy: 'an earlier worker run' };
    await fake.storage.session.set({ lastOutcome: old });
    expect(await attempts.readLastOutcome()).toEqual(outcome({ status: 'succeeded', startedAt: 1, finishedAt: 2 }));
  });

  it('forgets the last outcome on Lock or Done, and keeps the attempts', async () => {
    await attempts.recordOutcome(outcome({ status: 'failed' }));
    await attempts.forgetLastOutcome();
    expect(await attempts.readLastOutcome()).toBeUndefined();
    expect(await attempts.findAttempt('a0')).toMatchObject({ status: 'failed' });
  });
});
