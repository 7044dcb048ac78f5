import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DriverFactory, ExtensionPage } from '../harness/driver';
import { useExtensionSuite } from '../harness/extension-suite';
import { bashExport, longTermKeys } from '../harness/paste-samples';
import { ARTIFACTS } from '../harness/paths';
import { openPopup, unlockWith } from '../harness/popup-flow';
import { sleep } from '../harness/sandbox-control';
import { freezeClockForScreenshots } from '../harness/readme-screenshot';
import { SCREENSHOT_TIME } from '../harness/test-clock';
import { FIXED } from './popup-ux-states';

/**
 * README screenshots are the same pixels every time (issue 17): with the browser launched for them
 * (fixedRendering: fixed fonts, UTC, reduced motion) and the clock frozen at SCREENSHOT_TIME, the
 * codes form — the ring, the idle countdown, a focused field — captured twice, seconds apart on the
 * real clock and again in a reopened popup, gives identical PNGs. Without the frozen clock the ring
 * and the countdown move between the captures; without the fixed fonts the machine's fonts show.
 */
export function describeReadmeScreenshots(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`README screenshots in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir);
    const dir = join(ARTIFACTS, 'screenshot-determinism');

    /** alice's codes form with the two fixed codes typed, as the README's "codes" screenshot shows it. */
    async function codesForm(popup: ExtensionPage): Promise<ExtensionPage> {
      await popup.textOf('codes-form');
      await popup.fill('code1', FIXED[0]);
      await popup.fill('code2', FIXED[1]);
      return popup;
    }
    async function capture(popup: ExtensionPage, file: string): Promise<string> {
      const path = join(dir, file);
      await popup.screenshot(path);
      return createHash('sha256').update(readFileSync(path)).digest('hex');
    }

    it('two captures of the codes form, 2 s apart and in a reopened popup, are the same pixels', async () => {
      mkdirSync(dir, { recursive: true });
      const browser = suite.driver.browserName;
      await freezeClockForScreenshots(true, suite.clock, suite.driver);
      const popup = await codesForm(await unlockWith(suite.driver, bashExport(longTermKeys('alice'))));
      // The popup runs on the frozen clock: 12 s into the step, and the idle lock 15 min ahead.
      expect(await popup.evaluate(() => Date.now())).toBe(SCREENSHOT_TIME);
      expect(await popup.attributeOf('code-ring', 'data-seconds-left')).toBe('18');
      expect(await popup.textOf('idle-countdown')).toContain('15:00');
      const first = await capture(popup, `${browser}-1.png`);
      const realBefore = Date.now();
      // Long enough for the real-time ring to tick twice and useNow to re-render twice.
      await sleep(2_100);
      const second = await capture(popup, `${browser}-2.png`);
      expect(Date.now() - realBefore).toBeGreaterThanOrEqual(2_000);
      await popup.close();
      const reopened = await codesForm(await openPopup(suite.driver));
      const third = await capture(reopened, `${browser}-3.png`);
      await reopened.close();
      expect({ second, third }, `captures in ${dir}`).toEqual({ second: first, third: first });
    });
  });
}
