import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebPage } from '../harness/driver';
import { bashExportPaste, seedUser, virtualDeviceOf } from '../harness/demo-users';
import { ROOT } from '../harness/paths';
import { useSigninSuite, type ContentPromptLauncher } from '../harness/signin-suite';
import { phoneCodes, signInWouldAccept } from '../harness/sandbox-client';
import {
  activeElementId,
  expectQuietSignIn,
  focusInPrompt,
  hasPrompt,
  PROMPT,
  QUIET_MS,
  settleIn,
  sleep,
  submitWrongCode,
  text,
  waitUntil,
} from '../harness/signin-prompt';
import type { FIXTURE_HOSTS } from '../harness/signin-fixture-server';

/**
 * The content script in a real browser, on the sign-in fixtures served under the real AWS sign-in
 * hostnames (so the built manifest's match patterns decide where it runs): wrong codes submitted
 * through the page, the prompt read through the accessibility tree (its shadow root is closed) and
 * driven by keyboard, Resync into the prefilled popup, and the resync itself against the sandbox.
 */
export type { ContentPromptLauncher } from '../harness/signin-suite';

type Host = (typeof FIXTURE_HOSTS)[number];

/** Whether the prompt's box overlaps any of the page's own controls. */
const overlapsControls = (page: WebPage) =>
  page.evaluate(() => {
    const host = document.querySelector('mfa-resync-prompt');
    if (!host) return false;
    const box = host.getBoundingClientRect();
    return [...document.querySelectorAll('input:not([type="hidden"]), button, a, select, textarea')].some((control) => {
      const r = control.getBoundingClientRect();
      const shown = r.width > 0 && r.height > 0;
      return shown && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
    });
  });

export function describeContentPrompt(name: string, launch: ContentPromptLauncher, extensionDir: string): void {
  describe(`content prompt on the AWS sign-in page in ${name}`, () => {
    const suite = useSigninSuite(launch, extensionDir);

    const open = async (host: Host, path: string): Promise<WebPage> => {
      const page = await suite.driver.openUrl(suite.server.url(host, path));
      await settleIn();
      return page;
    };
    type StoredPrefill = { hints?: unknown; returnUrl?: string; createdAt?: number } | undefined;
    const prefill = async () => (await suite.driver.readStorage('session'))['prefill'] as StoredPrefill;

    it('legacy IAM page: a quiet hint, then the prompt; Resync opens the prefilled flow, which resyncs the device', async () => {
      const page = await open('123456789012.signin.aws.amazon.com', '/legacy/iam-mfa.html');
      await submitWrongCode(page);
      await waitUntil('the quiet hint', () => hasPrompt(page));
      expect(await page.countInShadow(PROMPT, 'status')).toBe(1);
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_resync'))).toBe(1);
      expect(await activeElementId(page)).toBe('mfacode');
      expect(await overlapsControls(page)).toBe(false);

      await submitWrongCode(page);
      await waitUntil('the prompt to take focus', () => focusInPrompt(page));
      expect(await page.countInShadow(PROMPT, 'alertdialog', text('prompt_title'))).toBe(1);
      for (const key of ['prompt_resync', 'prompt_not_now', 'prompt_dont_ask']) {
        expect(await page.countInShadow(PROMPT, 'button', text(key))).toBe(1);
      }
      expect(await overlapsControls(page)).toBe(false);
      await page.screenshot(resolve(ROOT, 'artifacts', `content-prompt-${suite.driver.browserName}.png`));

      // Focus is on Resync: Enter, like a keyboard user.
      await page.press('Enter');
      await waitUntil('the prefill in storage.session', async () => (await prefill()) !== undefined);
      expect(await prefill()).toMatchObject({
        hints: {
          isRoot: false,
          account: '123456789012',
          userName: 'alice',
          partition: 'aws',
          serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
        },
        returnUrl: 'https://123456789012.signin.aws.amazon.com/legacy/iam-mfa.html',
      });
      expect(await hasPrompt(page)).toBe(false);
      // The real popup where action.openPopup() works (both browsers here, measured), else the
      // same UI in a tab.
      await waitUntil('the resync UI to open', async () =>
        (await suite.driver.extensionViews()).some(
          (view) => view.url.includes('/popup/index.html') && (view.kind === 'popup' || view.url.includes('view=tab')),
        ),
      );

      // The flow as the user lands in it, then the resync against the sandbox.
      const popup = await suite.driver.openPage('popup/index.html');
      const notice = await popup.textOf('prefill', 5_000).catch(() => undefined);
      // The popup's prefill notice is the lead's; when it is there it must name who signs in.
      if (notice !== undefined) expect(notice).toMatch(/alice.*123456789012/);
      const alice = seedUser('alice');
      const serial = virtualDeviceOf(alice);
      await popup.fill('paste', bashExportPaste(alice));
      await popup.click('unlock');
      expect(await popup.textOf('devices')).toContain('mfa/alice-phone');
      await popup.clickLabel('mfa/alice-phone');
      const { codes } = await phoneCodes(suite.sandbox.url, serial);
      await popup.fill('code1', codes[0]);
      await popup.fill('code2', codes[1]);
      await popup.click('resync');
      expect(await popup.textOf('outcome-success')).not.toBe('');
      expect(await signInWouldAccept(suite.sandbox.url, serial)).toBe(true);
      await popup.close();
    });

    it('/v2/ app by keyboard: Escape closes and returns focus; Tab reaches "Don’t ask", which is remembered', async () => {
      let page = await open('signin.aws.amazon.com', '/v2/mfa.html');
      await submitWrongCode(page);
      await submitWrongCode(page);
      await waitUntil('the prompt to take focus', () => focusInPrompt(page));
      await page.press('Escape');
      await waitUntil('the prompt to close', async () => !(await hasPrompt(page)));
      expect(await activeElementId(page)).toBe('mfaCode');

      page = await open('signin.aws.amazon.com', '/v2/mfa.html');
      await submitWrongCode(page);
      await submitWrongCode(page);
      await waitUntil('the prompt to take focus', () => focusInPrompt(page));
      await page.press('Tab');
      await page.press('Tab');
      await page.press('Enter');
      await waitUntil('the account to be remembered', async () => {
        const local = await suite.driver.readStorage('local');
        return JSON.stringify(local['promptSuppressedAccounts']) === '["123456789012"]';
      });

      page = await open('signin.aws.amazon.com', '/v2/mfa.html');
      await submitWrongCode(page);
      await submitWrongCode(page);
      await sleep(QUIET_MS);
      expect(await hasPrompt(page)).toBe(false);
      await suite.driver.writeStorage('local', { promptSuppressedAccounts: [] });
    });

    it('no English needed: German and Japanese pages; "code already used" asks at once', async () => {
      for (const [host, path, rejections] of [
        ['signin.aws.amazon.com', '/legacy/iam-mfa.de.html', 2],
        ['signin.aws.amazon.com', '/v2/mfa.ja.html', 2],
        ['signin.aws.amazon.com', '/v2/mfa.html?answer=used', 1],
      ] as const) {
        const page = await open(host, path);
        for (let i = 0; i < rejections; i++) await submitWrongCode(page);
        await waitUntil(`the prompt on ${path}`, () => focusInPrompt(page));
        expect(await page.countInShadow(PROMPT, 'alertdialog', text('prompt_title'))).toBe(1);
      }
    });

    it('the partition comes from the host: China and GovCloud sign-in pages', async () => {
      for (const [host, partition] of [
        ['signin.amazonaws.cn', 'aws-cn'],
        ['signin.amazonaws-us-gov.com', 'aws-us-gov'],
      ] as const) {
        const page = await open(host, '/v2/mfa.ja.html');
        await submitWrongCode(page);
        await submitWrongCode(page);
        await waitUntil(`the prompt on ${host}`, () => focusInPrompt(page));
        await page.press('Enter');
        await waitUntil(`the prefill from ${host}`, async () => {
          const hints = (await prefill())?.hints as { partition?: string } | undefined;
          return hints?.partition === partition;
        });
        expect((await prefill())?.hints).toEqual({
          isRoot: false,
          account: '123456789012',
          userName: 'dave',
          partition,
          serialNumber: 'GAHT12345678',
        });
      }
    });

    it('root user: points to the page’s own troubleshooting link, no Resync of ours', async () => {
      const before = (await prefill())?.createdAt;
      const page = await open('signin.aws.amazon.com', '/legacy/root-mfa.html');
      await submitWrongCode(page);
      await submitWrongCode(page);
      await waitUntil('the root prompt to take focus', () => focusInPrompt(page));
      expect(await page.countInShadow(PROMPT, 'alertdialog', text('prompt_root_title'))).toBe(1);
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_resync'))).toBe(0);
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_root_show'))).toBe(1);
      await page.press('Enter');
      await waitUntil(
        'focus on the troubleshoot link',
        async () => (await activeElementId(page)) === 'mfa_troubleshoot_link',
      );
      expect((await prefill())?.createdAt).toBe(before);
    });

    it('no prompt on a wrong password, on the device chooser, or on a successful sign-in', async () => {
      // Each page is driven and watched while it is the active tab (Firefox throttles the others).
      const password = await open('signin.aws.amazon.com', '/legacy/password-failure.html');
      for (let i = 0; i < 2; i++) {
        await password.fill('username', 'alice');
        await password.fill('password', 'wrong');
        await password.click('signin-button');
        await password.textOf('signin-error', 5_000);
      }
      await sleep(QUIET_MS);
      expect(await hasPrompt(password)).toBe(false);

      const chooser = await open('signin.aws.amazon.com', '/v2/device-chooser.html');
      for (let i = 0; i < 2; i++) {
        await chooser.click('mfa-continue-button');
        await chooser.textOf('signin-error', 5_000);
      }
      await sleep(QUIET_MS);
      expect(await hasPrompt(chooser)).toBe(false);

      // Accepted: "Signing in…" (a live region, no error) for a second, then the console.
      const success = await open('123456789012.signin.aws.amazon.com', '/legacy/success.html');
      await expectQuietSignIn(success);
      expect(await hasPrompt(success)).toBe(false);
    });

    it('not injected outside the sign-in hosts: the same page on example.com and on 127.0.0.1', async () => {
      for (const url of [
        suite.server.url('example.com', '/legacy/iam-mfa.html'),
        suite.server.loopbackUrl('/legacy/iam-mfa.html'),
      ]) {
        // Each page is driven while it is the active tab (Firefox throttles background tabs).
        const page = await suite.driver.openUrl(url);
        await settleIn();
        await submitWrongCode(page);
        await submitWrongCode(page);
        await sleep(QUIET_MS);
        expect(await hasPrompt(page)).toBe(false);
      }
    });

    it('turned off in the settings: the script does nothing at all', async () => {
      await suite.driver.writeStorage('local', {
        settings: { endpointOverride: suite.sandbox.url, contentPromptEnabled: false },
      });
      const page = await open('123456789012.signin.aws.amazon.com', '/legacy/iam-mfa.html');
      await submitWrongCode(page);
      await submitWrongCode(page);
      await sleep(QUIET_MS);
      expect(await hasPrompt(page)).toBe(false);
      await suite.driver.writeStorage('local', { settings: { endpointOverride: suite.sandbox.url } });
    });
  });
}
