import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { DriverFactory, ExtensionDriver, ExtensionPage } from './driver';
import { SCREENSHOTS } from './paths';
import { SCREENSHOT_TIME, type SharedClock } from './test-clock';

/**
 * An e2e scenario that can write README screenshots: described once per browser by its
 * *.chromium.e2e.ts / *.firefox.e2e.ts file. `screenshots` writes them (one browser is enough).
 */
export type ScreenshotScenario = (
  name: string,
  launch: DriverFactory,
  extensionDir: string,
  options?: { screenshots?: boolean },
) => void;

/** One README screenshot, light theme, as docs/screenshots/<file>; nothing when this run writes none. */
export async function readmeScreenshot(page: ExtensionPage, file: string, enabled: boolean | undefined): Promise<void> {
  if (!enabled) return;
  await page.setColorScheme('light');
  await page.screenshot(join(SCREENSHOTS, file));
}

/**
 * For a test that takes README screenshots: the sandbox's and the extension's clock stand still at
 * SCREENSHOT_TIME until the test ends, so the ring, the countdowns, the codes and the dates they
 * show are the same every run. A run that writes no screenshots keeps the real clock. The browser
 * must be launched with `fixedRendering` too (fonts, time zone, motion).
 */
export async function freezeClockForScreenshots(
  enabled: boolean | undefined,
  clock: SharedClock,
  driver: ExtensionDriver,
): Promise<void> {
  if (!enabled) return;
  await clock.freeze(driver, SCREENSHOT_TIME);
  onTestFinished(() => clock.release(driver));
}
