import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { WebPage } from './driver';
import { ROOT } from './paths';

// What the sign-in prompt scenarios share: the prompt read through the accessibility tree (its
// shadow root is closed), a wrong code submitted through the page, and the English UI texts.

export const PROMPT = 'mfa-resync-prompt';
type Messages = Record<string, { message: string }>;
const messages = JSON.parse(readFileSync(resolve(ROOT, '_locales', 'en', 'messages.json'), 'utf8')) as Messages;
export const text = (key: string): string => messages[key]?.message ?? key;

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export const hasPrompt = (page: WebPage) => page.evaluate(() => document.querySelector('mfa-resync-prompt') !== null);
export const focusInPrompt = (page: WebPage) =>
  page.evaluate(() => document.activeElement?.tagName.toLowerCase() === 'mfa-resync-prompt');
export const activeElementId = (page: WebPage) => page.evaluate(() => document.activeElement?.id ?? '');
/** The quiet hint (a status line) is showing. */
export const showsHint = async (page: WebPage) => (await page.countInShadow(PROMPT, 'status')) === 1;
/** The clear prompt (an alertdialog) is showing. */
export const showsPrompt = async (page: WebPage) => (await page.countInShadow(PROMPT, 'alertdialog')) === 1;

/** Types a wrong code and submits it through the page, then waits for the page's own answer. */
export async function submitWrongCode(page: WebPage, code = '000000'): Promise<void> {
  await page.fill('mfa-code', code);
  await page.click('mfa-submit-button');
  await page.textOf('signin-error', 5_000);
}

/**
 * A code the page accepts (legacy/success.html): "Signing in…", a live region and no error, for a
 * moment, then the console; no prompt while it signs in.
 */
export async function expectQuietSignIn(page: WebPage): Promise<void> {
  await page.fill('mfa-code', '123456');
  await page.click('mfa-submit-button');
  expect(await page.textOf('signing-in', 5_000)).toBe('Signing in…');
  await sleep(600);
  expect(await hasPrompt(page)).toBe(false);
  expect(await page.textOf('console-home')).toBe('Console Home');
}

/** Long enough that a prompt would have appeared: the positive cases show it well within this. */
export const QUIET_MS = 1_500;

/**
 * The content script watches only once it has read the settings (it must do nothing at all when
 * the prompt is off), 60-270 ms into a page in Firefox (measured). People take longer than that to
 * type a code; a test that clicks at once must wait for it, or a busy machine drops its first submit.
 */
export const settleIn = () => sleep(600);
