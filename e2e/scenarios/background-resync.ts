import { useExtensionSuite } from '../harness/extension-suite';
import { describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT_ID } from '../sandbox/seed';
import type { DriverFactory, ExtensionPage } from '../harness/driver';
import { bashExport, longTermKeys } from '../harness/paste-samples';
import { firstVisible, openPopup, pickDevice, sendCodes, unlockWith } from '../harness/popup-flow';
import { callsOf, injectFault, sleep, waitForFaultTaken, waitUntil } from '../harness/sandbox-control';
import { phoneCodes, signInWouldAccept } from '../harness/sandbox-client';

const mfa = (device: string) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/${device}`;

/** How long the sandbox holds the resync, so the test can close the popup or stop the worker meanwhile. */
const RESYNC_LATENCY_MS = 3_000;

interface NotificationsApi {
  getAll(): Promise<Record<string, unknown>>;
  onClosed: { addListener(listener: (id: string) => void): void };
}
interface NotificationHost {
  browser?: { notifications: NotificationsApi };
  chrome: { notifications: NotificationsApi };
  closedNotifications?: string[];
}

/**
 * A resync belongs to the background, not to the popup: it completes when the popup closes
 * mid-flight (outcome shown on reopen, plus a notification), and a worker Chrome stops mid-flight
 * never sends the same resync twice.
 */
export function describeBackgroundResync(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`resync in the background in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir, { resetBeforeEach: true });

    /**
     * Unlocks `userName`'s keys, picks `serial`, holds ResyncMFADevice in the sandbox for
     * `latencyMs`, sends the phone's codes and returns once the request is at the suite.sandbox.
     */
    async function resyncInFlight(userName: string, serial: string, latencyMs: number): Promise<ExtensionPage> {
      const popup = await unlockWith(suite.driver, bashExport(longTermKeys(userName)));
      await pickDevice(popup, serial);
      const { codes } = await phoneCodes(suite.sandbox.url, serial);
      await injectFault(suite.sandbox.url, { action: 'ResyncMFADevice', latencyMs });
      await sendCodes(popup, codes[0], codes[1]);
      await waitForFaultTaken(suite.sandbox.url);
      return popup;
    }

    const resyncCalls = () => callsOf(suite.sandbox.url, 'ResyncMFADevice');
    /** The sandbox has answered the held resync, whether or not anyone was still there to hear it. */
    const heldResyncAnswered = (timeoutMs = RESYNC_LATENCY_MS + 5_000) =>
      waitUntil('the held resync to complete at the sandbox', async () => (await resyncCalls()).length > 0, timeoutMs);
    /** Reopens the popup; `shown` is what it settles on: an outcome, or an error. */
    async function reopenForOutcome(timeoutMs: number): Promise<{ reopened: ExtensionPage; shown: string }> {
      const reopened = await openPopup(suite.driver);
      return {
        reopened,
        shown: await firstVisible(reopened, ['outcome-success', 'outcome-unknown', 'error'], timeoutMs),
      };
    }

    it('finishes a resync after the popup is closed mid-flight, and shows the outcome on reopen', async () => {
      const alicePhone = mfa('alice-phone');
      const popup = await resyncInFlight('alice', alicePhone, RESYNC_LATENCY_MS);
      await popup.close();

      await heldResyncAnswered();
      // A popup opened while the outcome is still being recorded shows "pending" and follows it.
      const { reopened, shown } = await reopenForOutcome(10_000);
      expect(shown).toBe('outcome-success');
      const calls = await resyncCalls();
      expect(calls.map((c) => c.status)).toEqual([200]);
      expect(await signInWouldAccept(suite.sandbox.url, alicePhone)).toBe(true);
      await reopened.close();
    });

    it('raises a notification when a resync finishes with no popup open', async () => {
      // Watched from an extension page that is not the popup (so it does not count as an open
      // popup). Headless Firefox closes a notification as soon as it is created (no alert service),
      // so a notification counts when it is listed (getAll) or was reported closed (onClosed).
      const watcher = await suite.driver.openPage('manifest.json');
      const seenBefore = await watcher.evaluate(async () => {
        const g = globalThis as unknown as NotificationHost;
        const api = (g.browser ?? g.chrome).notifications;
        g.closedNotifications = [];
        api.onClosed.addListener((id) => g.closedNotifications?.push(id));
        return Object.keys(await api.getAll());
      });
      const bobTablet = mfa('bob-tablet');
      const popup = await resyncInFlight('bob', bobTablet, 1_000);
      await popup.close();
      await heldResyncAnswered(6_000);
      const created = await waitUntil(
        'a new notification',
        async () => {
          const ids = await watcher.evaluate(async () => {
            const g = globalThis as unknown as NotificationHost;
            const api = (g.browser ?? g.chrome).notifications;
            return [...Object.keys(await api.getAll()), ...(g.closedNotifications ?? [])];
          });
          const fresh = [...new Set(ids)].filter((id) => !seenBefore.includes(id));
          return fresh.length > 0 ? fresh : undefined;
        },
        5_000,
      );
      expect(created).toHaveLength(1);
      await watcher.close();
    });

    it('never sends a resync twice when the browser stops the worker mid-flight', async (ctx) => {
      if (!suite.driver.stopBackground) {
        ctx.skip(
          'Firefox has no way to stop an MV3 event page from a test (Chromium: CDP ServiceWorker.stopAllWorkers)',
        );
      }
      const daveToken = 'GAHT12345678';
      const popup = await resyncInFlight('dave', daveToken, RESYNC_LATENCY_MS);
      // The request is held at the sandbox; the worker that sent it goes away.
      await suite.driver.stopBackground?.();
      await popup.close();
      // The sandbox still finishes the request it got (as IAM would), but nobody hears the answer.
      await heldResyncAnswered();

      // Reopening wakes a fresh worker. It cannot know whether the resync happened: it must say
      // so (outcome-unknown once the attempt is older than any request can take) or, if it can
      // tell, success — and never send the recorded code pair again.
      const { reopened, shown } = await reopenForOutcome(40_000);
      await ctx.annotate(`the reopened popup showed ${shown}`);
      expect(['outcome-success', 'outcome-unknown']).toContain(shown);
      await sleep(1_000);
      expect(await resyncCalls()).toHaveLength(1);
      expect(await signInWouldAccept(suite.sandbox.url, daveToken)).toBe(true);
      await reopened.close();
    });
  });
}
