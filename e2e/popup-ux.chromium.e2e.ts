import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describePopupUx } from './scenarios/popup-ux';

// The Chromium run also writes the README's screenshots (docs/screenshots).
describePopupUx('Chromium', launchChromium, CHROME_SANDBOX_BUILD, {
  launchInLocale: (dir, locale) => launchChromium(dir, { uiLocale: locale }),
  screenshots: true,
});
