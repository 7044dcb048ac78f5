/// <reference types="chrome" />
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import {
  extensionBaseUrlOf,
  extensionWorker,
  launchChromiumContext,
  type ChromiumLaunchOptions,
} from './chromium-launch';
import type { ExtensionDriver, ExtensionPage, ExtensionView, StorageArea, WebPage } from './driver';
import { settledFrame } from './fixed-rendering';
import { requireBuild } from './paths';

// Chromium through Playwright, headless, launched by chromium-launch.ts.

function pageOf(page: Page): ExtensionPage {
  const byTestId = (testId: string) => page.getByTestId(testId);
  return {
    fill: (testId, value) => byTestId(testId).fill(value),
    click: (testId) => byTestId(testId).click(),
    clickLabel: (text) => page.locator('label', { hasText: text }).first().click(),
    textOf: async (testId, timeoutMs = 20_000) => {
      await byTestId(testId).waitFor({ state: 'visible', timeout: timeoutMs });
      return (await byTestId(testId).textContent()) ?? '';
    },
    attributeOf: (testId, name) => byTestId(testId).getAttribute(name),
    isVisible: (testId) => byTestId(testId).isVisible(),
    valueOf: (testId) => byTestId(testId).inputValue(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    press: (key) => page.keyboard.press(key),
    focusedTestId: () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
    // A string is run with CDP Runtime.evaluate, outside the page's CSP; `void 0` keeps the
    // script's completion value (possibly not serializable) from being sent back.
    runScript: async (source) => {
      await page.evaluate(`${source}\n;void 0`);
    },
    paste: async (text) => {
      // The focused page may write the clipboard; Ctrl+V then fires a trusted paste.
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.keyboard.press('ControlOrMeta+V');
    },
    setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    screenshot: async (path) => {
      // Off every control: a hover style left by the last click would differ from a fresh page's.
      await page.mouse.move(0, 0);
      await page.evaluate(settledFrame);
      // Playwright hides the caret by default; a CSS animation still running is ended, not caught.
      await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
    },
    close: () => page.close(),
  };
}

/**
 * The e2e driver, plus Playwright's own handles for what the driver interface does not cover
 * (the bench reads CDP performance counters and the worker's heap). restart() replaces both.
 */
export interface ChromiumDriver extends ExtensionDriver {
  readonly context: BrowserContext;
  readonly worker: Worker;
}

export async function launchChromium(
  extensionDir: string,
  options: ChromiumLaunchOptions = {},
): Promise<ChromiumDriver> {
  const dir = requireBuild(extensionDir);
  // Our own profile directory rather than Playwright's throwaway one (''): restart() has to
  // relaunch into the same profile, and only a path we know can be reused and then deleted by
  // close() (or by the exit hook when the test process dies first).
  const profile = mkdtempSync(join(tmpdir(), 'mfa-e2e-chromium-'));
  const removeProfileOnExit = () => rmSync(profile, { recursive: true, force: true });
  process.once('exit', removeProfileOnExit);
  const removeProfile = async () => {
    process.removeListener('exit', removeProfileOnExit);
    await rm(profile, { recursive: true, force: true });
  };
  const lines: string[] = [];

  /** Launches Chromium on `profile` and attaches to the extension's worker (that of `wantedId`, if given). */
  const start = async (wantedId?: string): Promise<{ context: BrowserContext; worker: Worker }> => {
    const context = await launchChromiumContext(profile, dir, options);
    try {
      const worker = await extensionWorker(context, options.forceInstalled ? 45_000 : 15_000, wantedId);
      worker.on('console', (message) => lines.push(`[worker] ${message.text()}`));
      context.on('page', (page) => page.on('console', (message) => lines.push(`[page] ${message.text()}`)));
      return { context, worker };
    } catch (error) {
      // Without the worker the browser is of no use, and it holds the profile directory open.
      await context.close().catch(() => undefined);
      throw error;
    }
  };

  let { context, worker } = await start(options.extensionId).catch(async (error: unknown) => {
    await removeProfile();
    throw error;
  });
  const extensionId = new URL(worker.url()).host;
  const extensionBaseUrl = extensionBaseUrlOf(worker);
  let closing: Promise<void> | undefined;

  return {
    browserName: 'chromium',
    extensionBaseUrl,
    get context() {
      return context;
    },
    get worker() {
      return worker;
    },
    openPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`${extensionBaseUrl}/${path}`);
      return pageOf(page);
    },
    openUrl: async (url): Promise<WebPage> => {
      const page = await context.newPage();
      await page.goto(url);
      return {
        ...pageOf(page),
        press: (key) => page.keyboard.press(key),
        countInShadow: async (hostSelector, role, name) => {
          // Accessibility.queryAXTree walks the node's subtree including closed shadow roots.
          const cdp = await context.newCDPSession(page);
          try {
            const expression = `document.querySelector(${JSON.stringify(hostSelector)})`;
            const { result } = await cdp.send('Runtime.evaluate', { expression });
            if (!result.objectId) return 0;
            const query = { objectId: result.objectId, role, ...(name === undefined ? {} : { accessibleName: name }) };
            return (await cdp.send('Accessibility.queryAXTree', query)).nodes.length;
          } finally {
            await cdp.detach();
          }
        },
      };
    },
    extensionViews: async () => {
      const contexts = await worker.evaluate(() =>
        chrome.runtime
          .getContexts({})
          .then((all) => all.map((c) => ({ type: String(c.contextType), url: c.documentUrl ?? '' }))),
      );
      return contexts.flatMap((c): ExtensionView[] =>
        c.type === 'POPUP' ? [{ kind: 'popup', url: c.url }] : c.type === 'TAB' ? [{ kind: 'tab', url: c.url }] : [],
      );
    },
    readStorage: (area: StorageArea) =>
      worker.evaluate((a) => chrome.storage[a as StorageArea].get(null), area) as Promise<Record<string, unknown>>,
    writeStorage: async (area, items) => {
      await worker.evaluate(([a, i]) => chrome.storage[a as StorageArea].set(i as Record<string, unknown>), [
        area,
        items,
      ] as const);
    },
    consoleLines: () => [...lines],
    stopBackground: async () => {
      // Any page can host the CDP session; the ServiceWorker domain then reaches every worker.
      const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
      await cdp.send('ServiceWorker.enable');
      const stopped = new Promise<void>((resolve) =>
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          const ours = versions.filter((v) => v.scriptURL.startsWith(extensionBaseUrl));
          if (ours.some((v) => v.runningStatus === 'stopped')) resolve();
        }),
      );
      await cdp.send('ServiceWorker.stopAllWorkers');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the extension service worker did not stop within 5 s')), 5_000);
      });
      await Promise.race([stopped, timeout]).finally(() => clearTimeout(timer));
      await cdp.detach();
    },
    restart: async () => {
      if (closing) throw new Error('restart() after close()');
      // Playwright's close() of a persistent context quits Chromium the normal way and waits for
      // the process to exit, so the profile is written out and unlocked before the relaunch.
      await context.close();
      // The same unpacked directory (or the same policy) gives the same extension id, so the
      // worker is looked up by it and extensionBaseUrl stays right. The service worker starts by
      // itself: the background listens for runtime.onStartup.
      ({ context, worker } = await start(extensionId));
    },
    close: () => {
      closing ??= context.close().finally(removeProfile);
      return closing;
    },
  };
}
