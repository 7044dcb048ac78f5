// The popup in every state it can show, each checked the same way (axe-core in light and dark, no
// sideways scroll at the popup's 360 px), and in German and Japanese. Registered into the one
// describe of popup-ux.ts so that it shares its browser and sandbox.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../sandbox/server';
import { SANDBOX_ACCOUNT_ID, seededRootKeys } from '../sandbox/seed';
import { axeViolations, formatViolations } from '../harness/axe';
import type { ExtensionDriver, ExtensionPage } from '../harness/driver';
import { bashExport } from '../harness/paste-samples';
import { SCREENSHOTS } from '../harness/paths';
import { freezeClockForScreenshots } from '../harness/readme-screenshot';
import type { SharedClock } from '../harness/test-clock';
import {
  answerTo,
  configureExtension,
  errorOf,
  openLockedPopup,
  resyncWith,
  submitPaste,
  unlockWith,
} from '../harness/popup-flow';
import { injectFault } from '../harness/sandbox-control';
import { phoneCodes } from '../harness/sandbox-client';

export const ALICE_PHONE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/alice-phone`;
/** Made-up codes: fixed so that screenshots and CLI text are the same every run. */
export const FIXED: [string, string] = ['123456', '654321'];
const WIDTH = 360;

export interface PopupUxOptions {
  /** The same browser, launched with this UI language ('de', 'ja'). */
  launchInLocale: (extensionDir: string, locale: string) => Promise<ExtensionDriver>;
  /** Writes docs/screenshots/<state>-<scheme>.png (one browser is enough for the README). */
  screenshots?: boolean;
}

/** What popup-ux.ts shares: its browser and sandbox (set in its beforeAll, hence getters). */
export interface PopupUxContext {
  extensionDir: string;
  options: PopupUxOptions;
  driver(): ExtensionDriver;
  sandbox(): RunningSandbox;
  /** The sandbox's and the extension's clock, frozen while the README screenshots are taken. */
  clock: SharedClock;
  aliceKeys(): string;
  /** alice unlocked, her phone preselected, the codes form showing. */
  unlockAlice(): Promise<ExtensionPage>;
}

type Messages = Record<string, { message: string }>;

function messagesOf(extensionDir: string, locale: string): Messages {
  return JSON.parse(readFileSync(join(extensionDir, '_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

/** Words shaped like a message key (credentials_label), unless the locale's own texts use them (credential_process). */
function rawKeysIn(text: string, messages: Messages): string[] {
  const legit = new Set(Object.values(messages).flatMap((m) => m.message.split(/[^A-Za-z0-9_]+/)));
  return text.split(/[^A-Za-z0-9_]+/).filter((w) => /^[a-z]+(_[A-Za-z0-9]+)+$/.test(w) && !legit.has(w));
}

export function describePopupStates(ctx: PopupUxContext): void {
  it('every state, light and dark: axe finds no violations and nothing scrolls sideways at 360 px', async () => {
    const check = async (popup: ExtensionPage, state: string, screenshot = false) => {
      for (const scheme of ['light', 'dark'] as const) {
        await popup.setColorScheme(scheme);
        const violations = await axeViolations(popup);
        expect.soft(violations, `axe, ${state} (${scheme}):\n${formatViolations(violations)}`).toEqual([]);
        const scrollWidth = await popup.evaluate(() => document.documentElement.scrollWidth);
        expect.soft(scrollWidth, `scrollWidth, ${state} (${scheme})`).toBeLessThanOrEqual(WIDTH);
        if (screenshot && ctx.options.screenshots) await popup.screenshot(join(SCREENSHOTS, `${state}-${scheme}.png`));
      }
    };
    if (ctx.options.screenshots) mkdirSync(SCREENSHOTS, { recursive: true });
    await freezeClockForScreenshots(ctx.options.screenshots, ctx.clock, ctx.driver());
    try {
      const locked = await openLockedPopup(ctx.driver());
      await check(locked, 'locked', true);
      expect((await submitPaste(locked, 'not a credential')).shown).toBe('error');
      await check(locked, 'paste-error');
      await locked.close();

      const popup = await ctx.unlockAlice();
      await check(popup, 'devices');
      await popup.fill('code1', '12a');
      await popup.click('resync');
      await popup.textOf('code2-problem');
      await check(popup, 'field-errors');
      await popup.fill('code1', FIXED[0]);
      await popup.fill('code2', FIXED[1]);
      await check(popup, 'codes', true);
      errorOf(await answerTo(popup, () => popup.click('resync'), ['outcome-success']));
      await check(popup, 'error', true);
      const { codes } = await phoneCodes(ctx.sandbox().url, ALICE_PHONE);
      expect((await resyncWith(popup, codes[0], codes[1])).shown).toBe('outcome-success');
      await check(popup, 'success', true);
      await popup.close();

      const root = await unlockWith(ctx.driver(), bashExport(seededRootKeys()));
      await root.textOf('root-guidance');
      await check(root, 'root-guidance');
      await root.close();

      await injectFault(ctx.sandbox().url, { dateSkewSeconds: 120, times: 20 });
      const skewed = await ctx.unlockAlice();
      await skewed.textOf('clock-skew');
      await check(skewed, 'clock-skew');
      await skewed.close();
    } finally {
      // Firefox's scheme is a browser-wide pref: leave it as the next test expects.
      const page = await ctx.driver().openPage('options/index.html');
      await page.setColorScheme('light');
      await page.close();
    }
  });

  describe.each(['de', 'ja'])('with the browser in %s', (locale) => {
    let local: ExtensionDriver | undefined;
    const messages = messagesOf(ctx.extensionDir, locale);
    beforeAll(async () => {
      local = await ctx.options.launchInLocale(ctx.extensionDir, locale);
      await configureExtension(local, ctx.sandbox().url);
    });
    afterAll(async () => {
      await local?.close();
    });
    const visibleText = (popup: ExtensionPage) => popup.evaluate(() => document.body.innerText);

    it('shows every string translated, no raw message keys', async () => {
      if (!local) throw new Error('no browser');
      const popup = await openLockedPopup(local);
      await popup.click('credentials-help');
      const locked = await visibleText(popup);
      expect(locked).toContain(messages['credentials_label']?.message);
      expect(rawKeysIn(locked, messages)).toEqual([]);
      expect((await submitPaste(popup, ctx.aliceKeys())).shown).toBe('session');
      await popup.click('copy-as-cli');
      await popup.click('resync');
      await popup.textOf('code1-problem');
      expect(rawKeysIn(await visibleText(popup), messages)).toEqual([]);
      await popup.close();
    });

    it('marks the page with the UI language (<html lang>), so screen readers pronounce it right', async () => {
      if (!local) throw new Error('no browser');
      const popup = await openLockedPopup(local);
      expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${locale}\\b`));
      await popup.close();
    });
  });
}
