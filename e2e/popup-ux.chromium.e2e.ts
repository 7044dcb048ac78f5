import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describePopupUx } from './scenarios/popup-ux';

// The Chromium run also writes the README's screenshots (docs/screenshots), from a browser launched
// for them (fixed fonts, UTC, reduced motion) on a frozen clock (readme-screenshot.ts).
describePopupUx('Chromium', (dir) => launchChromium(dir, { fixedRendering: true }), CHROME_SANDBOX_BUILD, {
  launchInLocale: (dir, locale) => launchChromium(dir, { uiLocale: locale }),
  screenshots: true,
});
