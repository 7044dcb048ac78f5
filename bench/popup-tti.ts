import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { ChromiumDriver } from '../e2e/harness/chromium-driver';
import { POPUP } from '../e2e/harness/popup-flow';
import { summarize, type Summary } from './stats';

// Popup time to interactive: open popup/index.html in a fresh tab N times and read, relative to
// the navigation start, when the first paint happened and when the field the user needs first
// (the paste box when locked, the first code field when unlocked) existed and accepted focus.
// The popup draws that field only after the background answered `vault/status` (and, unlocked,
// `devices/list`, which calls ListMFADevices), so those round trips are part of the number.

export type PopupField = 'paste' | 'code1';

interface Marks {
  field?: number;
  error?: string;
}

type MarkedWindow = Window & { __benchMarks?: Marks };

/**
 * Runs in the page before any of its scripts. A MutationObserver (not polling) notices the field
 * in the same task that inserts it; focus() proves it is focusable (connected, rendered, not
 * disabled, not inert), then blur() leaves the page as it was. Plain JS source on purpose: tsx
 * wraps named functions in a `__name` helper that does not exist in the page.
 */
function watchForField(testId: string): string {
  return `(() => {
    const marks = {};
    window.__benchMarks = marks;
    const observer = new MutationObserver(() => {
      if (marks.field !== undefined) return;
      const element = document.querySelector('[data-testid="${testId}"]');
      if (!element || element.getClientRects().length === 0) return;
      element.focus({ preventScroll: true });
      if (document.activeElement !== element) return;
      marks.field = performance.now();
      element.blur();
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  })();`;
}

export interface PopupSample {
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  interactiveMs: number;
}

export interface PopupTtiResult {
  field: PopupField;
  firstPaint: Summary;
  firstContentfulPaint: Summary;
  interactive: Summary;
  /** The first open after launch (module compile, cold caches); not in the medians. */
  cold?: PopupSample;
  samples: PopupSample[];
  failures: string[];
}

async function openOnce(browser: ChromiumDriver, field: PopupField): Promise<PopupSample> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript({ content: watchForField(field) });
    await page.goto(`${browser.extensionBaseUrl}/${POPUP}`);
    await page.waitForFunction(() => (window as MarkedWindow).__benchMarks?.field !== undefined, undefined, {
      timeout: 10_000,
    });
    // Paint entries are queued after the frame is presented; wait for them rather than race.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
      timeout: 5_000,
    });
    // No helper functions inside evaluate: tsx's `__name` wrapper would not exist in the page.
    return await page.evaluate(() => ({
      firstPaintMs: performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN,
      firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      interactiveMs: (window as MarkedWindow).__benchMarks?.field ?? Number.NaN,
    }));
  } finally {
    await page.close();
  }
}

export async function measurePopupTti(browser: ChromiumDriver, field: PopupField, n: number): Promise<PopupTtiResult> {
  const samples: PopupSample[] = [];
  const failures: string[] = [];
  // The first open also pays for compiling the popup's modules, which Chromium then caches; it
  // is reported on its own, the medians describe the popup as users reopen it.
  const cold = await openOnce(browser, field).catch((error: unknown) => {
    failures.push(`cold open: ${String(error).split('\n')[0] ?? ''}`);
    return undefined;
  });
  for (let i = 0; i < n; i++) {
    try {
      samples.push(await openOnce(browser, field));
    } catch (error) {
      failures.push(String(error).split('\n')[0] ?? 'unknown');
    }
  }
  return {
    field,
    firstPaint: summarize(samples.map((s) => s.firstPaintMs)),
    firstContentfulPaint: summarize(samples.map((s) => s.firstContentfulPaintMs)),
    interactive: summarize(samples.map((s) => s.interactiveMs)),
    ...(cold ? { cold } : {}),
    samples,
    failures,
  };
}

/**
 * Writes the floor page into a (scratch) build: the built popup HTML with the same stylesheet but
 * no script and no modulepreload, and one line of text to paint. Returns its path in the build.
 */
export function writeFloorPage(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
  };
  const popupPath = manifest.action?.default_popup;
  if (!popupPath) throw new Error(`${buildDir}: the manifest names no popup`);
  const html = readFileSync(join(buildDir, popupPath), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel=["']modulepreload["'][^>]*>/gi, '')
    .replace(/<main id="app"><\/main>/, '<main id="app"><p>floor</p></main>');
  if (/<script\b/i.test(html) || !/rel=["']stylesheet["']/i.test(html)) {
    throw new Error('the floor page must keep the stylesheet and lose every script');
  }
  const floorPath = join(dirname(popupPath), 'bench-floor.html');
  writeFileSync(join(buildDir, floorPath), html);
  return floorPath.split(sep).join('/');
}

/**
 * The same browser's floor: first paint of an extension page that runs no script but loads the
 * popup's stylesheet (writeFloorPage). No popup can be interactive before this; what the popup
 * takes beyond it is its own code and its round trips to the background.
 */
export async function measureDocumentFloor(browser: ChromiumDriver, n: number, floorPath: string): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i <= n; i++) {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${browser.extensionBaseUrl}/${floorPath}`);
      await page.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0, undefined, {
        timeout: 5_000,
      });
      const paint = await page.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN);
      // The first document also pays for the tab process start-up; it is dropped like a warm-up.
      if (i > 0) samples.push(paint);
    } finally {
      await page.close();
    }
  }
  return summarize(samples);
}
