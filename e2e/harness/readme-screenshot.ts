import { join } from 'node:path';
import type { ExtensionPage } from './driver';
import { SCREENSHOTS } from './paths';

/** One README screenshot, light theme, as docs/screenshots/<file>; nothing when this run writes none. */
export async function readmeScreenshot(page: ExtensionPage, file: string, enabled: boolean | undefined): Promise<void> {
  if (!enabled) return;
  await page.setColorScheme('light');
  await page.screenshot(join(SCREENSHOTS, file));
}
