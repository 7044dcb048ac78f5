import { ext } from '../src/shared/browser';
import type { ResyncOutcome } from '../src/shared/messages';

// Every resync is recorded in storage.session *before* it is sent: if the worker is stopped or the
// popup asks again, the same attempt id returns the recorded outcome instead of a second send, and
// a code pair that was already sent is refused (IAM codes are single-use).
const ATTEMPTS_KEY = 'resyncAttempts';
// Stryker disable next-line StringLiteral: equivalent — a storage key only this module reads; any other name that does not clash behaves the same
const USED_PAIRS_KEY = 'usedCodePairs';
const LAST_OUTCOME_KEY = 'lastOutcome';
/** Enough history to catch a re-sent pair; older pairs have long expired anyway. */
const MAX_REMEMBERED = 20;

/**
 * Identifies this run of the background. A request cannot outlive the worker that sent it, so a
 * 'pending' attempt recorded by an earlier run is settled as unknown at once.
 */
const WORKER_RUN = crypto.randomUUID();

type StoredOutcome = ResyncOutcome & { sentBy?: string };
type AttemptMap = Record<string, StoredOutcome>;

export async function findAttempt(attemptId: string): Promise<ResyncOutcome | undefined> {
  const attempts = ((await ext.storage.session.get(ATTEMPTS_KEY))[ATTEMPTS_KEY] ?? {}) as AttemptMap;
  const attempt = attempts[attemptId];
  return attempt && settled(attempt, Date.now());
}

/** A one-way fingerprint, so the codes themselves are not kept once sent. */
export async function codePairFingerprint(serialNumber: string, code1: string, code2: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${serialNumber}\n${code1}\n${code2}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The tail of the read-modify-write steps in progress in this worker; see inTurn. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs read-modify-write steps on the attempt records one after another. Two messages handled at
 * once (two popups, a double click) would otherwise both read before either wrote. Only this worker
 * can interleave; a restarted worker sees what was stored.
 */
function inTurn<T>(step: () => Promise<T>): Promise<T> {
  const run = queue.then(step);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Checks and records a pair in one step: true if this caller may send it, false if it was sent (or
 * claimed) before — so the same pair submitted twice at once is sent once. The `pending` attempt
 * is recorded in the same write: one storage round trip less before the request is sent, and no
 * moment in which the pair is claimed but the attempt is not on record.
 */
export function claimPair(fingerprint: string, pending: ResyncOutcome): Promise<boolean> {
  return inTurn(async () => {
    // One read for the check and the write: inTurn keeps anyone else's write out in between.
    const stored = await ext.storage.session.get([USED_PAIRS_KEY, ATTEMPTS_KEY]);
    const used = (stored[USED_PAIRS_KEY] ?? []) as string[];
    if (used.includes(fingerprint)) return false;
    await ext.storage.session.set({
      [USED_PAIRS_KEY]: [...used, fingerprint].slice(-MAX_REMEMBERED),
      ...outcomeItems((stored[ATTEMPTS_KEY] ?? {}) as AttemptMap, pending),
    });
    return true;
  });
}

export function recordOutcome(outcome: ResyncOutcome): Promise<void> {
  return inTurn(async () => {
    const attempts = ((await ext.storage.session.get(ATTEMPTS_KEY))[ATTEMPTS_KEY] ?? {}) as AttemptMap;
    await ext.storage.session.set(outcomeItems(attempts, outcome));
  });
}

/** The storage items that record `outcome`: the attempts (the latest MAX_REMEMBERED) and the last outcome. */
function outcomeItems(attempts: AttemptMap, outcome: ResyncOutcome): Record<string, unknown> {
  const stored: StoredOutcome = { ...outcome, sentBy: WORKER_RUN };
  const kept = Object.values({ ...attempts, [outcome.attemptId]: stored })
    .sort((a, b) => a.startedAt - b.startedAt)
    .slice(-MAX_REMEMBERED);
  return { [ATTEMPTS_KEY]: Object.fromEntries(kept.map((a) => [a.attemptId, a])), [LAST_OUTCOME_KEY]: stored };
}

/**
 * Longer than any request can take (15 s timeout, no retries): a 'pending' attempt older than this
 * was cut off by a stopped worker. It is reported as unknown, never re-sent.
 */
const PENDING_LIMIT_MS = 30_000;

/** The outcome as the popup may see it: cut-off attempts settled, internal fields dropped. */
function settled(stored: StoredOutcome, now: number): ResyncOutcome {
  const { sentBy, ...outcome } = stored;
  const cutOff = sentBy !== WORKER_RUN || now - outcome.startedAt > PENDING_LIMIT_MS;
  return outcome.status === 'pending' && cutOff ? { ...outcome, status: 'unknown' } : outcome;
}

/** Lock and Done start afresh: a reopened popup no longer shows the last outcome. */
export async function forgetLastOutcome(): Promise<void> {
  await ext.storage.session.remove(LAST_OUTCOME_KEY);
}

export async function readLastOutcome(now = Date.now()): Promise<ResyncOutcome | undefined> {
  const outcome = (await ext.storage.session.get(LAST_OUTCOME_KEY))[LAST_OUTCOME_KEY] as StoredOutcome | undefined;
  return outcome && settled(outcome, now);
}
