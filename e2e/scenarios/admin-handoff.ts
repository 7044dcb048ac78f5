import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../harness/axe';
import type { ExtensionPage } from '../harness/driver';
import { useExtensionSuite } from '../harness/extension-suite';
import { tabTo } from '../harness/keyboard';
import { bashExport, longTermKeys } from '../harness/paste-samples';
import { firstVisible, openLockedPopup, POPUP, resyncWith, unlockWith } from '../harness/popup-flow';
import { phoneCodes, signInWouldAccept } from '../harness/sandbox-client';
import { callsOf, waitUntil } from '../harness/sandbox-control';
import { SANDBOX_ACCOUNT_ID } from '../sandbox/seed';
import { freezeClockForScreenshots, readmeScreenshot, type ScreenshotScenario } from '../harness/readme-screenshot';

const ALICE_PHONE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/alice-phone`;

/**
 * "Ask an admin", round trip in the built extension: a locked-out user makes a request, an admin
 * (carol-admin, her own keys) opens it prefilled and resyncs the device in the sandbox. A request
 * altered on its way prefills nothing.
 */
export const describeAdminHandoff: ScreenshotScenario = (name, launch, extensionDir, options = {}) => {
  // Writes docs/screenshots/handoff-*.png when options.screenshots is set.
  const screenshot = (popup: ExtensionPage, file: string) => readmeScreenshot(popup, file, options.screenshots);
  describe(`ask an admin in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir, { resetBeforeEach: true });

    const expectAxeClean = async (popup: ExtensionPage, state: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await popup.setColorScheme(scheme);
        const violations = await axeViolations(popup);
        expect.soft(violations, `axe, ${state} (${scheme}):\n${formatViolations(violations)}`).toEqual([]);
      }
    };

    /** alice, locked out, makes a request with the phone's two codes; returns its text. */
    async function aliceAsks(withScreenshot = false): Promise<string> {
      const popup = await openLockedPopup(suite.driver);
      await popup.click('ask-admin');
      await popup.textOf('ask-admin-form');
      await popup.fill('ask-account', SANDBOX_ACCOUNT_ID);
      await popup.fill('ask-userName', 'alice');
      await popup.fill('ask-serialNumber', ALICE_PHONE);
      const { codes } = await phoneCodes(suite.sandbox.url, ALICE_PHONE);
      await popup.fill('ask-code1', codes[0]);
      await popup.fill('ask-code2', codes[1]);
      await popup.click('ask-make');
      const text = await popup.valueOf('ask-text');
      expect(text).toContain('alice');
      expect(text).toMatch(/mfa-resync-request=[A-Za-z0-9_-]+/);
      expect(await popup.attributeOf('ask-email', 'href')).toMatch(/^mailto:\?subject=/);
      await expectAxeClean(popup, 'request made');
      if (withScreenshot) await screenshot(popup, 'handoff-request-light.png');
      await popup.close();
      return text;
    }

    it('user makes a request → admin opens it prefilled → the resync succeeds', async () => {
      // The one test that writes the hand-off screenshots.
      await freezeClockForScreenshots(options.screenshots, suite.clock, suite.driver);
      const text = await aliceAsks(true);
      const admin = await unlockWith(suite.driver, bashExport(longTermKeys('carol-admin')));
      await admin.click('admin-import-open');
      await admin.fill('import-text', text);
      await admin.click('import-read');
      expect(await admin.textOf('import-summary')).toContain('alice');
      expect(await admin.attributeOf('import-code-age', 'data-fresh')).toBe('true');
      await expectAxeClean(admin, 'request read');
      await screenshot(admin, 'handoff-admin-light.png');
      await admin.click('import-use');
      expect(await admin.valueOf('user-name')).toBe('alice');
      await waitUntil('the codes to be prefilled', async () => (await admin.valueOf('code1')) !== '', 10_000, 50);
      expect((await resyncWith(admin, await admin.valueOf('code1'), await admin.valueOf('code2'))).shown).toBe(
        'outcome-success',
      );
      const resyncs = await callsOf(suite.sandbox.url, 'ResyncMFADevice');
      expect(resyncs.map((c) => [c.status, c.params['UserName'], c.params['SerialNumber']])).toEqual([
        [200, 'alice', ALICE_PHONE],
      ]);
      expect(await signInWouldAccept(suite.sandbox.url, ALICE_PHONE)).toBe(true);
      await admin.close();
    });

    it('the admin’s side by keyboard only: Tab to each control, Enter to act, the request pasted', async () => {
      const text = await aliceAsks();
      const admin = await unlockWith(suite.driver, bashExport(longTermKeys('carol-admin')));
      await tabTo(admin, 'admin-import-open');
      await admin.press('Enter');
      // The button goes away with the form's opening: focus moves into the form's field.
      await waitUntil('focus in the request field', async () => (await admin.focusedTestId()) === 'import-text');
      await admin.paste(text);
      expect(await tabTo(admin, 'import-read')).toEqual(['import-read']);
      await admin.press('Enter');
      expect(await admin.textOf('import-summary')).toContain('alice');
      expect(await tabTo(admin, 'import-use')).toEqual(['import-use']);
      await admin.press('Enter');
      await waitUntil(
        'the user to be prefilled',
        async () => (await admin.valueOf('user-name')) === 'alice',
        10_000,
        50,
      );
      await waitUntil('the codes to be prefilled', async () => (await admin.valueOf('code1')) !== '', 10_000, 50);
      expect(await admin.isVisible('admin-import')).toBe(false);
      await admin.close();
    });

    it('an altered request, or a link to one, prefills nothing and says why', async () => {
      const text = await aliceAsks();
      const token = /mfa-resync-request=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
      // The request as JSON with the user name changed, re-encoded: the checksum no longer matches.
      const json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
      const altered = Buffer.from(JSON.stringify({ ...json, userName: 'mallory' })).toString('base64url');
      const admin = await unlockWith(suite.driver, bashExport(longTermKeys('carol-admin')));
      await admin.close();
      const linked = await suite.driver.openPage(`${POPUP}#mfa-resync-request=${altered}`);
      await firstVisible(linked, ['import-error']);
      expect(await linked.attributeOf('import-error', 'data-problem')).toBe('altered');
      expect(await linked.isVisible('import-use')).toBe(false);
      expect(await linked.valueOf('user-name')).toBe('carol-admin');
      await expectAxeClean(linked, 'request refused');
      await linked.fill('import-text', text);
      await linked.click('import-read');
      expect(await linked.textOf('import-summary')).toContain('alice');
      await linked.close();
    });
  });
};
