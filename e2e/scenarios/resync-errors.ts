import { useExtensionSuite } from '../harness/extension-suite';
import { afterAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT_ID } from '../sandbox/seed';
import type { DriverFactory, ExtensionPage } from '../harness/driver';
import { bashExport, longTermKeys } from '../harness/paste-samples';
import {
  errorOf,
  localeMessages,
  pickDevice,
  resyncWith,
  sendToBackground,
  unlockWith,
  visibleTestIds,
  type ShownError,
} from '../harness/popup-flow';
import { callsOf, injectFault } from '../harness/sandbox-control';
import { phoneCodes, signInWouldAccept } from '../harness/sandbox-client';

const BOB_TABLET = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/bob-tablet`;

/**
 * Each outcome the ResyncMFADevice page documents, forced with the sandbox's fault injection (plus
 * the natural InvalidAuthenticationCode): the popup shows the catalog code with a title and a
 * what-to-do-next sentence, and the sandbox saw exactly one ResyncMFADevice per click — the codes
 * are single-use, so neither the SDK nor the extension may retry. Also: clock skew from Date.
 */
export function describeResyncErrors(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`resync errors in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir, { resetBeforeEach: true });
    const msg = localeMessages(extensionDir);
    // Made-up, well-formed codes; a new pair per attempt, because a pair sent once is refused locally.
    let pairs = 0;
    const madeUpPair = (): [string, string] => {
      pairs += 1;
      return [String(100_000 + pairs * 2), String(100_001 + pairs * 2)];
    };

    /**
     * bob's long-term keys unlocked, bob-tablet (drifted 7 steps behind) selected. A failed resync
     * keeps the credentials, so the popup is shared by the tests that only fail: like a user who
     * meets one error after another in the same popup (each new notice must replace the last).
     */
    let shared: ExtensionPage | undefined;
    async function bobAtTablet(): Promise<ExtensionPage> {
      if (shared && (await visibleTestIds(shared, ['codes-form'])).length > 0) return shared;
      await shared?.close().catch(() => undefined);
      shared = await unlockWith(suite.driver, bashExport(longTermKeys('bob')));
      await pickDevice(shared, BOB_TABLET);
      return shared;
    }
    afterAll(async () => {
      await shared?.close().catch(() => undefined);
    });

    function expectCatalogText(error: ShownError, code: string): void {
      const title = msg(`error_${code}_title`);
      const next = msg(`error_${code}_next`);
      expect(title.trim()).not.toBe('');
      expect(next.trim()).not.toBe('');
      expect(error.text).toContain(title);
      expect(error.text).toContain(next);
    }

    const documented = [
      { code: 'NoSuchEntity', status: 404 },
      { code: 'ConcurrentModification', status: 409 },
      { code: 'LimitExceeded', status: 409 },
      { code: 'ServiceFailure', status: 500 },
      { code: 'InvalidClientTokenId', status: 403 },
      { code: 'ExpiredToken', status: 403 },
    ];

    it.each(documented)(
      'shows $code ($status) with what to do next, after exactly one ResyncMFADevice',
      async ({ code, status }) => {
        const popup = await bobAtTablet();
        await injectFault(suite.sandbox.url, { action: 'ResyncMFADevice', status, code });
        const error = errorOf(await resyncWith(popup, ...madeUpPair()));
        expect(error.code).toBe(code);
        expectCatalogText(error, code);
        const resyncs = await callsOf(suite.sandbox.url, 'ResyncMFADevice');
        expect(resyncs.map((c) => [c.status, c.code])).toEqual([[status, code]]);
      },
    );

    it("shows AccessDenied with IAM's text naming iam:ResyncMFADevice", async () => {
      const popup = await bobAtTablet();
      const denial = `User: arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/bob is not authorized to perform: iam:ResyncMFADevice on resource: user bob because no identity-based policy allows the iam:ResyncMFADevice action`;
      await injectFault(suite.sandbox.url, {
        action: 'ResyncMFADevice',
        status: 403,
        code: 'AccessDenied',
        message: denial,
      });
      const error = errorOf(await resyncWith(popup, ...madeUpPair()));
      expect(error.code).toBe('AccessDenied');
      expectCatalogText(error, 'AccessDenied');
      expect(error.text).toContain('iam:ResyncMFADevice');
      expect(await callsOf(suite.sandbox.url, 'ResyncMFADevice')).toHaveLength(1);
    });

    it('shows InvalidAuthenticationCode for two codes that are not consecutive, after exactly one call', async () => {
      const popup = await bobAtTablet();
      const { codes } = await phoneCodes(suite.sandbox.url, BOB_TABLET);
      // A classic slip: the next code typed first. Real codes, wrong order, so IAM refuses them.
      const error = errorOf(await resyncWith(popup, codes[1], codes[0]));
      expect(error.code).toBe('InvalidAuthenticationCode');
      expectCatalogText(error, 'InvalidAuthenticationCode');
      const resyncs = await callsOf(suite.sandbox.url, 'ResyncMFADevice');
      expect(resyncs.map((c) => [c.status, c.code])).toEqual([[403, 'InvalidAuthenticationCode']]);
      expect(await signInWouldAccept(suite.sandbox.url, BOB_TABLET)).toBe(false);
    });

    it('after ServiceFailure, the next attempt with fresh codes resyncs', async () => {
      const popup = await unlockWith(suite.driver, bashExport(longTermKeys('bob')));
      await pickDevice(popup, BOB_TABLET);
      await injectFault(suite.sandbox.url, { action: 'ResyncMFADevice', status: 500, code: 'ServiceFailure' });
      expect(errorOf(await resyncWith(popup, ...madeUpPair())).code).toBe('ServiceFailure');

      const { codes } = await phoneCodes(suite.sandbox.url, BOB_TABLET);
      expect((await resyncWith(popup, codes[0], codes[1])).shown).toBe('outcome-success');
      const resyncs = await callsOf(suite.sandbox.url, 'ResyncMFADevice');
      expect(resyncs.map((c) => c.status)).toEqual([500, 200]);
      expect(await signInWouldAccept(suite.sandbox.url, BOB_TABLET)).toBe(true);
      await popup.close();
    });

    it("measures the clock skew from AWS's Date header (120 s ahead)", async () => {
      // Every response of the unlock (whatever calls it makes) carries a Date 120 s ahead.
      await injectFault(suite.sandbox.url, { dateSkewSeconds: 120, times: 50 });
      const popup = await unlockWith(suite.driver, bashExport(longTermKeys('bob')));
      await popup.textOf('devices');
      const status = await sendToBackground<{ ok: boolean; value?: { clockSkewMs?: number } }>(popup, {
        type: 'vault/status',
      });
      expect(status.ok).toBe(true);
      // The Date header has whole seconds, and the request took a moment: ±5 s.
      expect(status.value?.clockSkewMs).toBeGreaterThan(115_000);
      expect(status.value?.clockSkewMs).toBeLessThan(125_000);
      // The popup warns (beyond 30 s) and says by how many seconds.
      expect(await popup.textOf('clock-skew')).toMatch(/\b1[12]\d\b/);
      // Kept in storage.session, so it survives a stopped worker.
      const stored = (await suite.driver.readStorage('session'))['clockSkewMs'];
      expect(typeof stored === 'number' && Math.abs(stored - 120_000) < 5_000).toBe(true);
      await popup.close();
    });
  });
}
