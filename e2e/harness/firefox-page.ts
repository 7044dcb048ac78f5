import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import type { ExtensionPage } from './driver';
import { settledFrame } from './fixed-rendering';

// ExtensionPage over a puppeteer-core page in Firefox (WebDriver BiDi). Semantics follow the
// Playwright-based Chromium driver, so a scenario behaves the same in both browsers.

const DEFAULT_TIMEOUT_MS = 20_000;
const POLL_MS = 50;

const byTestId = (testId: string): string => `[data-testid="${testId.replace(/["\\]/g, '\\$&')}"]`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// The part of puppeteer's BiDi internals used for browser-wide settings (a pref, the clipboard):
// the raw session, from which Firefox's chrome-scope window (allowed by
// --remote-allow-system-access) runs privileged code such as `Services.prefs`.
interface BidiSession {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface BidiSessionFrame {
  browsingContext: { userContext: { browser: { session: BidiSession } } };
}

/** 0 = dark, 1 = light: what every content document, extension pages included, then matches. */
const COLOR_SCHEME_PREF = 'layout.css.prefers-color-scheme.content-override';

async function runPrivileged(page: Page, expression: string): Promise<void> {
  const { session } = (page.mainFrame() as unknown as BidiSessionFrame).browsingContext.userContext.browser;
  const { result } = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const window = (result as { contexts: Array<{ context: string }> }).contexts[0];
  if (!window) throw new Error('Firefox has no chrome window to run privileged code in');
  const answer = await session.send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: false,
  });
  if ((answer.result as { type?: string }).type !== 'success') {
    throw new Error(`${expression}: ${JSON.stringify(answer.result)}`);
  }
}

/** Playwright's key syntax, 'Shift+Tab' included: modifiers are held around the last key. */
async function pressKeys(page: Page, combo: string): Promise<void> {
  const keys = combo.length > 1 ? combo.split('+') : [combo];
  const key = keys.pop() ?? combo;
  for (const modifier of keys) await page.keyboard.down(modifier as KeyInput);
  await page.keyboard.press(key as KeyInput);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier as KeyInput);
}

/**
 * Navigates `page` to a moz-extension:// URL. Firefox's BiDi emits no navigation events for
 * extension documents, so puppeteer's goto() would wait for them until its timeout; instead the
 * navigation is fired without waiting and the document itself is polled until it has loaded.
 */
export async function openExtensionUrl(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const target = new URL(url).href;
  // The pending goto rejects later (timeout, or "frame detached" on close); nothing waits for it.
  page.goto(target).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  let seen = 'nothing yet';
  while (Date.now() < deadline) {
    try {
      const [href, state] = await page.evaluate(() => [location.href, document.readyState] as const);
      seen = `${href} (${state})`;
      if (href === target && state === 'complete') return;
    } catch (error) {
      // The old document's realm goes away mid-navigation; the next poll uses the new one.
      seen = error instanceof Error ? error.message : String(error);
    }
    await sleep(POLL_MS);
  }
  throw new Error(`Firefox did not load ${target} within ${timeoutMs} ms; last seen: ${seen}`);
}

// Puppeteer's `visible` (non-empty box, not visibility:hidden) matches Playwright's definition.
async function visibleHandle(page: Page, testId: string, timeoutMs: number): Promise<ElementHandle> {
  const handle = await page.waitForSelector(byTestId(testId), { visible: true, timeout: timeoutMs });
  if (!handle) throw new Error(`no element [data-testid=${testId}]`);
  return handle;
}

async function attachedHandle(page: Page, testId: string): Promise<ElementHandle> {
  const handle = await page.waitForSelector(byTestId(testId), { timeout: DEFAULT_TIMEOUT_MS });
  if (!handle) throw new Error(`no element [data-testid=${testId}]`);
  return handle;
}

export function firefoxPage(page: Page): ExtensionPage {
  return {
    fill: async (testId, value) => {
      const handle = await visibleHandle(page, testId, DEFAULT_TIMEOUT_MS);
      // Setting the value and dispatching one `input` event is what Playwright's fill() amounts to
      // and what Preact's onInput listens for. Typing key by key would be slow over BiDi and would
      // turn a newline in pasted text into Enter (a form submit in an <input>).
      await handle.evaluate((element, text) => {
        const field = element as HTMLInputElement | HTMLTextAreaElement;
        field.focus();
        // The prototype's setter, in case a framework shadows `value` on the instance.
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
        if (setter) setter.call(field, text);
        else field.value = text;
        field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      }, value);
      await handle.dispose();
    },
    click: async (testId) => {
      // Locators wait until the element is visible, enabled and stable, like Playwright's click.
      await page.locator(byTestId(testId)).setTimeout(DEFAULT_TIMEOUT_MS).click();
    },
    clickLabel: async (text) => {
      const found = await page.waitForFunction(
        (wanted: string) =>
          [...document.querySelectorAll('label')].find((label) => label.textContent?.includes(wanted)),
        { timeout: DEFAULT_TIMEOUT_MS, polling: 'mutation' },
        text,
      );
      // asElement() is typed for any Node; the function above only ever yields a <label>.
      const label = found.asElement() as ElementHandle<HTMLLabelElement> | null;
      if (!label) throw new Error(`no <label> containing "${text}"`);
      await label.click();
      await label.dispose();
    },
    textOf: async (testId, timeoutMs = DEFAULT_TIMEOUT_MS) => {
      const handle = await visibleHandle(page, testId, timeoutMs);
      const text = await handle.evaluate((element) => element.textContent ?? '');
      await handle.dispose();
      return text;
    },
    attributeOf: async (testId, name) => {
      const handle = await attachedHandle(page, testId);
      const value = await handle.evaluate((element, attribute) => element.getAttribute(attribute), name);
      await handle.dispose();
      return value;
    },
    isVisible: async (testId) => {
      // No waiting, like Playwright's isVisible(): absent counts as not visible.
      const handle = await page.$(byTestId(testId));
      if (!handle) return false;
      const visible = await handle.isVisible();
      await handle.dispose();
      return visible;
    },
    valueOf: async (testId) => {
      const handle = await attachedHandle(page, testId);
      const value = await handle.evaluate((element) => (element as HTMLInputElement).value);
      await handle.dispose();
      return value;
    },
    evaluate: async <R>(fn: (arg: unknown) => R | Promise<R>, arg?: unknown): Promise<R> =>
      (await page.evaluate(fn, arg)) as R,
    press: (key) => pressKeys(page, key),
    focusedTestId: () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
    // A string goes out as BiDi script.evaluate, which the page's CSP does not govern; `void 0`
    // keeps the script's completion value (possibly not serializable) from being sent back.
    runScript: async (source) => {
      await page.evaluate(`${source}\n;void 0`);
    },
    paste: async (text) => {
      // The clipboard helper writes the system clipboard (headless Firefox keeps its own).
      const helper = 'Cc["@mozilla.org/widget/clipboardhelper;1"].getService(Ci.nsIClipboardHelper)';
      await runPrivileged(page, `${helper}.copyString(${JSON.stringify(text)})`);
      await pressKeys(page, 'Control+v');
    },
    setColorScheme: async (scheme) => {
      await runPrivileged(page, `Services.prefs.setIntPref('${COLOR_SCHEME_PREF}', ${scheme === 'dark' ? 0 : 1})`);
      // The pref reaches content documents asynchronously.
      await page.waitForFunction(
        (s: string) => matchMedia(`(prefers-color-scheme: ${s})`).matches,
        { timeout: 5_000 },
        scheme,
      );
    },
    screenshot: async (path) => {
      // Off every control: a hover style left by the last click would differ from a fresh page's.
      await page.mouse.move(0, 0);
      await page.evaluate(settledFrame);
      // Written by hand because puppeteer's `path` option only accepts a literal-typed extension.
      const png = await page.screenshot({ type: 'png', fullPage: true });
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, png);
    },
    close: () => page.close(),
  };
}
