import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describePopupLayout } from './scenarios/popup-layout';

describePopupLayout('Chromium', CHROME_SANDBOX_BUILD, (dir, locale) =>
  locale ? launchChromium(dir, { uiLocale: locale }) : launchChromium(dir),
);
