import { join } from 'node:path';
import type { DriverFactory, ExtensionPage } from './driver';
import { SCREENSHOTS } from './paths';

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
