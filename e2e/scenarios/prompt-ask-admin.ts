import { describe, expect, it } from 'vitest';
import type { WebPage } from '../harness/driver';
import { bashExportPaste, seedUser } from '../harness/demo-users';
import { tabTo, typeKeys } from '../harness/keyboard';
import { openLockedPopup, POPUP, unlockWith } from '../harness/popup-flow';
import { focusInPrompt, PROMPT, settleIn, submitWrongCode, text, waitUntil } from '../harness/signin-prompt';
import { useSigninSuite, type ContentPromptLauncher } from '../harness/signin-suite';

/**
 * "Ask an admin" straight from the sign-in prompt, in the built extension, by keyboard only: offered
 * to a user who holds no credentials in the extension, it opens the popup on the request form
 * prefilled with the account, user and device the page shows; with credentials unlocked it is not
 * offered. The form itself is then filled and sent by keyboard (Tab order, Enter).
 */
const HOST = '123456789012.signin.aws.amazon.com';
const PAGE = '/legacy/iam-mfa.html';
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice-phone';

export function describePromptAskAdmin(name: string, launch: ContentPromptLauncher, extensionDir: string): void {
  describe(`"Ask an admin" from the sign-in prompt in ${name}`, () => {
    const suite = useSigninSuite(launch, extensionDir);

    const promptAfterTwoRejections = async (): Promise<WebPage> => {
      const page = await suite.driver.openUrl(suite.server.url(HOST, PAGE));
      await settleIn();
      await submitWrongCode(page);
      await submitWrongCode(page);
      await waitUntil('the prompt to take focus', () => focusInPrompt(page));
      return page;
    };
    const prefill = async () =>
      (await suite.driver.readStorage('session'))['prefill'] as Record<string, unknown> | undefined;

    // First, while no prefill from the prompt would open the popup on the request form.
    it('with credentials unlocked in the extension: no "Ask an admin" on the prompt, Resync still there', async () => {
      const popup = await unlockWith(suite.driver, bashExportPaste(seedUser('alice')));
      await popup.close();
      const page = await promptAfterTwoRejections();
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_resync'))).toBe(1);
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_ask_admin'))).toBe(0);
      await page.close();
      // Locked the way a user does, once the popup's own device listing is done: a listing still in
      // flight when Lock is pressed can store the vault again (reported, background/list-devices.ts).
      await (await openLockedPopup(suite.driver)).close();
      await waitUntil(
        'the vault to be empty',
        async () => (await suite.driver.readStorage('session'))['vault'] === undefined,
      );
    });

    it('locked: Tab, Enter on "Ask an admin" → the popup’s request form, prefilled; the form works by keyboard', async () => {
      const page = await promptAfterTwoRejections();
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_ask_admin'))).toBe(1);
      // Focus starts on Resync; the next stop is Ask an admin.
      await page.press('Tab');
      await page.press('Enter');
      await waitUntil('the ask-admin prefill', async () => (await prefill())?.['askAdmin'] === true);
      expect((await prefill())?.['hints']).toMatchObject({ account: '123456789012', userName: 'alice' });
      await waitUntil('the popup (or its tab) to open', async () =>
        (await suite.driver.extensionViews()).some((view) => view.url.includes('/popup/index.html')),
      );
      await page.close();

      const popup = await suite.driver.openPage(POPUP);
      await popup.textOf('ask-admin-form', 5_000);
      expect(await popup.valueOf('ask-account')).toBe('123456789012');
      expect(await popup.valueOf('ask-userName')).toBe('alice');
      expect(await popup.valueOf('ask-serialNumber')).toBe(SERIAL);
      // No credentials box under the form: the user came to ask, not to paste.
      expect(await popup.isVisible('paste')).toBe(false);

      // Keyboard only. Focus starts in the first field still empty (the page told the rest); the
      // fields before it come back in reading order.
      expect(await popup.focusedTestId()).toBe('ask-code1');
      for (const previous of ['ask-serialNumber', 'ask-userName', 'ask-account', 'ask-partition']) {
        await popup.press('Shift+Tab');
        expect(await popup.focusedTestId()).toBe(previous);
      }
      expect(await tabTo(popup, 'ask-code1')).toEqual(['ask-account', 'ask-userName', 'ask-serialNumber', 'ask-code1']);
      await typeKeys(popup, '654321');
      await popup.press('Tab');
      await typeKeys(popup, '123456');
      expect(await popup.valueOf('ask-code1')).toBe('654321');
      expect(await popup.valueOf('ask-code2')).toBe('123456');
      // Enter in a field sends the form, as its submit button would.
      await popup.press('Enter');
      await popup.textOf('ask-text', 5_000);
      const request = await popup.valueOf('ask-text');
      expect(request).toContain('alice');
      expect(request).toMatch(/mfa-resync-request=[A-Za-z0-9_-]+/);
      // From the second code on: the button, the request text, its routes, then Back.
      expect(await tabTo(popup, 'ask-close')).toEqual(['ask-make', 'ask-text', 'ask-copy', 'ask-email', 'ask-close']);
      await popup.press('Enter');
      await popup.textOf('paste', 5_000);
      await popup.close();
    });
  });
}
