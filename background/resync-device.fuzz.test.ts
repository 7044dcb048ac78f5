import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResyncOutcome } from '../src/shared/messages';
import { installFakeBrowser, storageLatency } from './fuzz-fake-browser';
import type { VaultRecord } from './vault';

// Codes are single-use, so the same pair must reach IAM at most once even when two popups (or a
// double click) start a resync at the same moment. The background handles each message as it
// arrives, and every storage call is an await where another handler can run: this property runs
// 2–4 concurrent resyncs under generated storage timings and counts what would reach IAM.

const sent: Array<{ code1: string; code2: string }> = [];
vi.mock('./aws-clients', () => ({
  iamClient: () => ({
    send: async (command: { input: { AuthenticationCode1: string; AuthenticationCode2: string } }) => {
      sent.push({ code1: command.input.AuthenticationCode1, code2: command.input.AuthenticationCode2 });
      await new Promise((done) => setTimeout(done, 1));
      return {};
    },
  }),
}));

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { resyncDevice } = await import('./resync-device');

const SERIAL = 'arn:aws:iam::123456789012:mfa/alice-phone';
function unlockedVault(): VaultRecord {
  const now = Date.now();
  return {
    secret: { accessKeyId: 'AKIAFUZZFUZZFUZZFUZZ', secretAccessKey: 'fuzz-secret' },
    kind: 'temporary',
    expiration: new Date(now + 3_600_000).toISOString(),
    identity: { arn: 'arn:aws:sts::123456789012:assumed-role/r/alice', account: '123456789012', userId: 'AROAFUZZ' },
    partition: 'aws',
    unlockedAt: now,
    idleLockAt: now + 600_000,
  };
}

/** Yields `ticks` times to the microtask queue, or once to the timer queue for a negative value. */
const pauseFor = async (ticks: number): Promise<void> => {
  if (ticks < 0) await new Promise((done) => setTimeout(done, 0));
  else for (let i = 0; i < ticks; i += 1) await Promise.resolve();
};

describe('concurrent resyncs', () => {
  afterEach(() => {
    storageLatency.pause = async () => undefined;
  });

  it('send each code pair to IAM at most once, whatever the interleaving; the others get CodesAlreadyUsed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 1, maxLength: 64 }),
        fc.boolean(),
        async (count, timings, samePair) => {
          fake.reset();
          await fake.storage.session.set({ vault: unlockedVault() });
          sent.length = 0;
          let step = 0;
          storageLatency.pause = () => pauseFor(timings[step++ % timings.length] ?? 0);

          const pairs = Array.from({ length: count }, (_, i) =>
            samePair ? ['123456', '654321'] : [`10000${i}`, `20000${i}`],
          );
          const outcomes: ResyncOutcome[] = await Promise.all(
            pairs.map(([code1 = '', code2 = ''], i) =>
              resyncDevice({
                type: 'resync/start',
                attemptId: `00000000-0000-4000-8000-00000000000${i}`,
                userName: 'alice',
                serialNumber: SERIAL,
                code1,
                code2,
                keepSession: true,
              }),
            ),
          );

          const distinct = new Set(pairs.map((p) => p.join(','))).size;
          expect(sent).toHaveLength(distinct);
          const succeeded = outcomes.filter((o) => o.status === 'succeeded');
          const refused = outcomes.filter((o) => o.error?.code === 'CodesAlreadyUsed');
          expect(succeeded).toHaveLength(distinct);
          expect(refused).toHaveLength(count - distinct);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a repeated attempt id returns the recorded outcome instead of sending again', async () => {
    fake.reset();
    await fake.storage.session.set({ vault: unlockedVault() });
    sent.length = 0;
    const request = {
      type: 'resync/start' as const,
      attemptId: '00000000-0000-4000-8000-0000000000aa',
      userName: 'alice',
      serialNumber: SERIAL,
      code1: '111111',
      code2: '222222',
      keepSession: true,
    };
    const first = await resyncDevice(request);
    const again = await resyncDevice(request);
    expect(sent).toHaveLength(1);
    expect(again).toEqual(first);
  });
});
