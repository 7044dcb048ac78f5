import { join } from 'node:path';
import type { ExtensionDriver, ExtensionPage } from './driver';
import { SCREENSHOTS } from './paths';
import { SCREENSHOT_TIME, type SharedClock } from './test-clock';

/** One README screenshot, light theme, as docs/screenshots/<file>; nothing when this run writes none. */
export async function readmeScreenshot(page: ExtensionPage, file: string, enabled: boolean | undefined): Promise<void> {
  if (!enabled) return;
  await page.setColorScheme('light');
  await page.screenshot(join(SCREENSHOTS, file));
}

/**
 * Runs a flow that takes README screenshots with the sandbox's and the extension's clock frozen at
 * SCREENSHOT_TIME, so the ring, the countdowns, the codes and the dates they show are the same
 * every run; the real clock again afterwards. A run that writes no screenshots runs `flow` as is.
 * The browser must be launched with `fixedRendering` too (fonts, time zone, motion).
 */
export async function onScreenshotClock<T>(
  enabled: boolean | undefined,
  clock: SharedClock,
  driver: ExtensionDriver,
  flow: () => Promise<T>,
): Promise<T> {
  if (!enabled) return flow();
  await clock.freeze(driver, SCREENSHOT_TIME);
  try {
    return await flow();
  } finally {
    await clock.release(driver);
  }
}
