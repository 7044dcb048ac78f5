import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../harness/axe';
import type { ExtensionPage } from '../harness/driver';
import { useExtensionSuite } from '../harness/extension-suite';
import { bashExport, carolSession, longTermKeys, ssoOption2, type PasteCredentials } from '../harness/paste-samples';
import {
  firstVisible,
  localeMessages,
  pickDevice,
  resyncWith,
  unlockWith,
  visibleTestIds,
} from '../harness/popup-flow';
import { phoneCodes } from '../harness/sandbox-client';
import { callsOf } from '../harness/sandbox-control';
import { SANDBOX_ACCOUNT_ID, SANDBOX_SEED } from '../sandbox/seed';
import { codeAtStep } from '../sandbox/totp-devices';
import { freezeClockForScreenshots, readmeScreenshot, type ScreenshotScenario } from '../harness/readme-screenshot';

const ALICE_PHONE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/alice-phone`;

/** Each resync of this file uses its own pair: the extension refuses a pair it has sent before. */
let pairsUsed = 0;

/**
 * Two consecutive codes of alice's phone for the resync, and the code after them. Each call takes
 * a pair a few steps later than the last (the sandbox finds a pair anywhere within ±2 h, as a
 * resync would), so tests within one 30 s step do not send the same pair twice.
 */
async function alicePhoneCodes(sandboxUrl: string): Promise<{ pair: [string, string]; next: string }> {
  const view = (await phoneCodes(sandboxUrl, ALICE_PHONE)) as unknown as { step: number };
  const secret = SANDBOX_SEED.users.flatMap((u) => u.devices).find((d) => d.serial === ALICE_PHONE)?.base32Secret;
  if (!secret) throw new Error('alice-phone has no secret in the seed');
  const step = view.step + 3 * pairsUsed++;
  return { pair: [codeAtStep(secret, step), codeAtStep(secret, step + 1)], next: codeAtStep(secret, step + 2) };
}

/**
 * "Check with the next code" after a resync, in the built extension against the sandbox: the
 * success view names the device and user, claims nothing unchecked, and STS GetSessionToken
 * decides; where STS cannot check (temporary credentials, someone else's device) there is no
 * button but the step that works instead.
 */
export const describeVerifyAfterResync: ScreenshotScenario = (name, launch, extensionDir, options = {}) => {
  // Writes docs/screenshots/verify-*.png when options.screenshots is set.
  const screenshot = (popup: ExtensionPage, file: string) => readmeScreenshot(popup, file, options.screenshots);
  describe(`check with the next code in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir, { resetBeforeEach: true });
    const msg = localeMessages(extensionDir);
    const checks = () => callsOf(suite.sandbox.url, 'GetSessionToken');

    /** Unlocks with `paste`, resyncs alice-phone (typing `alice` for an admin), shows the success. */
    async function resyncAlice(paste: string, asAdmin = false) {
      const popup = await unlockWith(suite.driver, paste);
      if (asAdmin) {
        await popup.fill('user-name', 'alice');
        await popup.click('load-devices');
      }
      await pickDevice(popup, ALICE_PHONE);
      const codes = await alicePhoneCodes(suite.sandbox.url);
      expect((await resyncWith(popup, ...codes.pair)).shown).toBe('outcome-success');
      await popup.textOf('success-view');
      return { popup, ...codes };
    }

    const expectAxeClean = async (popup: ExtensionPage, state: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await popup.setColorScheme(scheme);
        const violations = await axeViolations(popup);
        expect.soft(violations, `axe, ${state} (${scheme}):\n${formatViolations(violations)}`).toEqual([]);
      }
    };

    it('verified: names device and user, no credentials box, keyboard only, STS accepts, nothing kept', async () => {
      await freezeClockForScreenshots(options.screenshots, suite.clock, suite.driver);
      const alice = longTermKeys('alice');
      const { popup, next } = await resyncAlice(bashExport(alice));
      expect(await popup.textOf('success-which')).toBe(
        msg('resync_success_which').replace('$DEVICE$', ALICE_PHONE).replace('$USER$', 'alice'),
      );
      expect(await popup.textOf('not-verified')).toBe(msg('resync_success_next'));
      expect(await visibleTestIds(popup, ['credentials-form', 'paste', 'codes-form', 'session'])).toEqual([]);
      expect(await popup.textOf('check-window')).toMatch(/\d:\d\d/);
      await expectAxeClean(popup, 'check offered');
      await screenshot(popup, 'verify-offered-light.png');

      // Keyboard only: the code field is reachable with Tab, a pasted "123 456" becomes one code.
      for (let i = 0; i < 12 && (await popup.focusedTestId()) !== 'verify-code'; i += 1) await popup.press('Tab');
      expect(await popup.focusedTestId()).toBe('verify-code');
      await popup.paste(`${next.slice(0, 3)} ${next.slice(3)}`);
      expect(await popup.valueOf('verify-code')).toBe(next);
      await popup.press('Enter');
      expect(await popup.textOf('verified')).toBe(msg('verify_verified'));
      expect(await popup.isVisible('verify-form')).toBe(false);
      expect((await checks()).map((c) => [c.status, c.params['SerialNumber'], c.params['TokenCode']])).toEqual([
        [200, ALICE_PHONE, next],
      ]);
      await expectAxeClean(popup, 'verified');
      await screenshot(popup, 'verify-verified-light.png');

      // The session STS issued went nowhere, and the keys kept for the check are gone.
      const session = await suite.driver.readStorage('session');
      expect(session['vault']).toBeUndefined();
      expect(JSON.stringify(session)).not.toMatch(/ASIA/);
      expect(await popup.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/ASIA|SessionToken/);
      expect(await popup.isVisible('success-lock')).toBe(false);
      await popup.click('done');
      await popup.textOf('credentials-form');
      await popup.close();
    });

    it('wrong code: the catalog says what to do, the keys stay for a later code, which then verifies', async () => {
      const { popup, next } = await resyncAlice(bashExport(longTermKeys('alice')));
      await popup.fill('verify-code', '000000');
      await popup.click('verify');
      await firstVisible(popup, ['error']);
      expect(await popup.attributeOf('error', 'data-code')).toBe('MfaCodeRejected');
      expect(await popup.textOf('error')).toContain(msg('error_MfaCodeRejected_next'));
      await expectAxeClean(popup, 'check refused');
      expect(((await suite.driver.readStorage('session'))['vault'] as { checkOnly?: boolean }).checkOnly).toBe(true);
      await popup.fill('verify-code', next);
      await popup.click('verify');
      expect(await popup.textOf('verified')).toBe(msg('verify_verified'));
      expect((await checks()).map((c) => c.status)).toEqual([403, 200]);
      await popup.close();
    });

    it('code already used: refused here without a request, and by STS after a reopen; Lock wipes the keys', async () => {
      const { popup, pair } = await resyncAlice(bashExport(longTermKeys('alice')));
      await popup.fill('verify-code', pair[1]);
      await popup.click('verify');
      await firstVisible(popup, ['error']);
      expect(await popup.attributeOf('error', 'data-code')).toBe('CheckCodeAlreadyUsed');
      expect(await checks()).toEqual([]);
      await popup.close();

      // A reopened popup no longer knows the pair: STS refuses the spent code itself.
      const reopened = await suite.driver.openPage('popup/index.html');
      await reopened.textOf('verify-form');
      await reopened.fill('verify-code', pair[1]);
      await reopened.click('verify');
      await firstVisible(reopened, ['error']);
      expect(await reopened.attributeOf('error', 'data-code')).toBe('MfaCodeRejected');
      expect((await checks()).map((c) => c.status)).toEqual([403]);
      await reopened.click('success-lock');
      expect(await reopened.textOf('verify-unavailable')).toBe(msg('verify_unavailable_locked'));
      expect((await suite.driver.readStorage('session'))['vault']).toBeUndefined();
      await reopened.close();
    });

    it('temporary credentials: no check button, the guidance says why and what to do instead', async () => {
      const carol: PasteCredentials = carolSession();
      const { popup } = await resyncAlice(ssoOption2(carol as Required<PasteCredentials>), true);
      expect(await popup.isVisible('verify-form')).toBe(false);
      expect(await popup.attributeOf('verify-unavailable', 'data-reason')).toBe('temporary-credentials');
      expect(await popup.textOf('verify-unavailable')).toBe(msg('verify_unavailable_temporary'));
      expect(await popup.textOf('not-verified')).toBe(msg('resync_success_next'));
      await expectAxeClean(popup, 'check not possible');
      expect(await checks()).toEqual([]);
      await popup.close();
    });

    it("an admin's long-term keys on alice's device: no check button, ask alice to sign in", async () => {
      const { popup } = await resyncAlice(bashExport(longTermKeys('carol-admin')), true);
      expect(await popup.isVisible('verify-form')).toBe(false);
      expect(await popup.attributeOf('verify-unavailable', 'data-reason')).toBe('other-user');
      expect(await popup.textOf('verify-unavailable')).toBe(
        msg('verify_unavailable_other_user').replaceAll('$USER$', 'alice'),
      );
      expect((await suite.driver.readStorage('session'))['vault']).toBeUndefined();
      expect(await checks()).toEqual([]);
      await popup.close();
    });
  });
};
