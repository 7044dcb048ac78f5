import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_ANSWER_WINDOW_MS } from '../../background/signin-tab-rules';
import type { ExtensionDriver, WebPage } from '../harness/driver';
import { setExtensionClock } from '../harness/test-clock';
import type { ContentPromptLauncher } from './content-prompt';
import {
  startSigninFixtureServer,
  type FIXTURE_HOSTS,
  type SigninFixtureServer,
} from '../harness/signin-fixture-server';
import {
  expectQuietSignIn,
  hasPrompt,
  PROMPT,
  QUIET_MS,
  settleIn,
  showsHint,
  showsPrompt,
  sleep,
  submitWrongCode,
  text,
  waitUntil,
} from '../harness/signin-prompt';

/**
 * Every way the sign-in page reports a rejected code, each twice in a row, in the built extension:
 * a quiet hint after the first, the clear prompt after the second, and silence where no code was
 * rejected. The rejection count is the tab's (background storage.session, `signinTab:<id>`), so it
 * survives a form post answered by a new page and a redirect to a GET that shows the error.
 */
type Host = (typeof FIXTURE_HOSTS)[number];
const LANGUAGES = ['en', 'de', 'ja'] as const;

export function describeSigninRejections(name: string, launch: ContentPromptLauncher, extensionDir: string): void {
  describe(`rejected MFA codes, every way the page reports them, in ${name}`, () => {
    let server: SigninFixtureServer;
    let driver: ExtensionDriver;

    const open = async (host: Host, path: string): Promise<WebPage> => {
      const page = await driver.openUrl(server.url(host, path));
      await settleIn();
      return page;
    };
    const tabRecords = async () =>
      Object.entries(await driver.readStorage('session')).filter(([key]) => key.startsWith('signinTab:'));

    /** Two wrong codes: the quiet hint after the first, the clear prompt after the second. */
    async function twoRejections(page: WebPage, what: string, submit = () => submitWrongCode(page)): Promise<void> {
      await submit();
      await waitUntil(`the quiet hint (${what})`, () => showsHint(page));
      expect(await showsPrompt(page)).toBe(false);
      await submit();
      await waitUntil(`the clear prompt (${what})`, () => showsPrompt(page));
    }

    beforeAll(async () => {
      server = await startSigninFixtureServer();
      driver = await launch(extensionDir, server);
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    it('a form post answered by a new page that shows the error at load, in English, German and Japanese', async () => {
      for (const lang of LANGUAGES) {
        const page = await open('signin.aws.amazon.com', `/classic/mfa.html?lang=${lang}`);
        await twoRejections(page, `form post, ${lang}`);
        await page.close();
      }
    });

    it('a redirect to a GET that shows the error, in English, Japanese and French', async () => {
      for (const lang of ['en', 'ja', 'fr']) {
        const page = await open('123456789012.signin.aws.amazon.com', `/classic/mfa.html?then=redirect&lang=${lang}`);
        await twoRejections(page, `redirect, ${lang}`);
        // The page showing the second rejection came by a redirect (a GET), not as the post's answer.
        const redirects = () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).redirectCount;
        expect(await page.evaluate(redirects)).toBe(1);
        await page.close();
      }
    });

    it('after the device chooser, in English, German and Japanese', async () => {
      for (const lang of LANGUAGES) {
        const page = await open('signin.aws.amazon.com', `/v2/device-chooser.html?lang=${lang}`);
        await page.clickLabel('Authenticator app');
        await page.click('mfa-continue-button');
        await page.textOf('mfa-submit-button', 5_000);
        await twoRejections(page, `device chooser, ${lang}`);
        await page.close();
      }
    });

    it('in place on both generations, in English, German and Japanese; GovCloud and China account hosts', async () => {
      for (const [host, path] of [
        ['123456789012.signin.aws.amazon.com', '/legacy/iam-mfa.html'],
        ['example-corp.signin.amazonaws-us-gov.com', '/legacy/iam-mfa.de.html'],
        ['123456789012.signin.amazonaws.cn', '/v2/mfa.ja.html'],
      ] as const) {
        const page = await open(host, path);
        await twoRejections(page, `${host}${path}`);
        await page.close();
      }
    });

    it('the root user: the hint, then the prompt that points to the page’s own troubleshoot flow', async () => {
      const page = await open('signin.aws.amazon.com', '/legacy/root-mfa.html');
      await twoRejections(page, 'root');
      expect(await page.countInShadow(PROMPT, 'alertdialog', text('prompt_root_title'))).toBe(1);
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_resync'))).toBe(0);
      expect(await page.countInShadow(PROMPT, 'button', text('prompt_root_show'))).toBe(1);
      await page.close();
    });

    it('silent: an MFA page opened fresh with an error, the CAPTCHA step, unrelated alerts on success', async () => {
      // Not the answer to a code from this tab: it asks the background once, which says no.
      const fresh = await open('signin.aws.amazon.com', '/classic/mfa.html?rejected=1&lang=de');
      await sleep(QUIET_MS);
      expect(await hasPrompt(fresh)).toBe(false);
      await fresh.close();

      const captcha = await open('signin.aws.amazon.com', '/v2/captcha.html');
      await captcha.fill('mfa-code', '000000');
      await captcha.click('mfa-submit-button');
      await captcha.textOf('signin-error', 5_000);
      for (let i = 0; i < 2; i++) await captcha.click('captcha-submit');
      await sleep(QUIET_MS);
      expect(await hasPrompt(captcha)).toBe(false);
      await captcha.close();

      // Accepted, while the cookie banner and a feedback dialog show ARIA alerts; then the console.
      const success = await open('123456789012.signin.aws.amazon.com', '/legacy/success.html?banner=1');
      await expectQuietSignIn(success);
      await success.close();
    });

    it('the tab’s record: gone when the tab closes, and gone after a successful sign-in', async () => {
      const others = new Set((await tabRecords()).map(([key]) => key));
      const ours = async () => (await tabRecords()).filter(([key]) => !others.has(key));
      const page = await open('signin.aws.amazon.com', '/classic/mfa.html?lang=en');
      await submitWrongCode(page);
      await waitUntil('the quiet hint', () => showsHint(page));
      const records = await ours();
      expect(records).toHaveLength(1);
      // A time and a count, nothing else: never the code.
      expect(Object.keys(records[0]?.[1] as object).sort()).toEqual(['rejections', 'updatedAt']);
      expect(JSON.stringify(records)).not.toContain('000000');
      await page.close();
      await waitUntil('the record to go with the tab', async () => (await ours()).length === 0);

      // One rejection, then the right code: the console is reached and the submit is never answered
      // by a rejection, so the record ends (the browser does not show us the console's URL).
      const again = await open('123456789012.signin.aws.amazon.com', '/legacy/iam-mfa.html');
      await submitWrongCode(again);
      await waitUntil('the quiet hint', () => showsHint(again));
      // The same tab goes on to the MFA step again, where the right code is accepted.
      const successUrl = server.url('123456789012.signin.aws.amazon.com', '/legacy/success.html');
      // The navigation destroys the context the call ran in: its own error is expected.
      await again.evaluate((url) => location.assign(url as string), successUrl).catch(() => undefined);
      const path = () => again.evaluate(() => location.pathname).catch(() => '');
      await waitUntil('the next MFA step', async () => (await path()) === '/legacy/success.html');
      await settleIn();
      await again.fill('mfa-code', '123456');
      await again.click('mfa-submit-button');
      expect(await again.textOf('console-home', 5_000)).toBe('Console Home');
      // Unanswered so far, the submit keeps the record; once its answer window has passed on the
      // extension's clock (moved ahead instead of waited for), the background's own alarm ends it.
      expect(await ours()).toHaveLength(1);
      await setExtensionClock(driver, { offsetMs: SUBMIT_ANSWER_WINDOW_MS });
      try {
        await waitUntil('the record to end after the success', async () => (await ours()).length === 0, 10_000);
      } finally {
        await setExtensionClock(driver, { offsetMs: 0 });
      }
      await again.close();
    });
  });
}
