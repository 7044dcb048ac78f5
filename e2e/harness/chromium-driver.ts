/// <reference types="chrome" />
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { ExtensionDriver, ExtensionPage, StorageArea } from './driver';
import { browserExecutable, requireBuild } from './paths';

// Chromium through Playwright, headless. Playwright adds --disable-extensions by default, so both
// extension flags are needed. Background networking is off because this machine has no internet
// and Chromium's own update/metrics traffic only adds noise and delay.
const VIEWPORT = { width: 360, height: 640 };

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
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => page.close(),
  };
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

export async function launchChromium(extensionDir: string, options: { headless?: boolean } = {}): Promise<ExtensionDriver> {
  const dir = requireBuild(extensionDir);
  const context = await chromium.launchPersistentContext('', {
    executablePath: browserExecutable('chromium'),
    headless: options.headless ?? true,
    viewport: VIEWPORT,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const lines: string[] = [];
  const worker = await extensionWorker(context);
  worker.on('console', (message) => lines.push(`[worker] ${message.text()}`));
  context.on('page', (page) => page.on('console', (message) => lines.push(`[page] ${message.text()}`)));
  // URL.origin is "null" for non-special schemes such as chrome-extension:, so build it from host.
  const extensionBaseUrl = `chrome-extension://${new URL(worker.url()).host}`;

  return {
    browserName: 'chromium',
    extensionBaseUrl,
    openPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`${extensionBaseUrl}/${path}`);
      return pageOf(page);
    },
    readStorage: (area: StorageArea) =>
      (worker.evaluate((a) => chrome.storage[a as StorageArea].get(null), area) as Promise<Record<string, unknown>>),
    writeStorage: async (area, items) => {
      await worker.evaluate(([a, i]) => chrome.storage[a as StorageArea].set(i as Record<string, unknown>), [area, items] as const);
    },
    consoleLines: () => [...lines],
    close: () => context.close(),
  };
}
