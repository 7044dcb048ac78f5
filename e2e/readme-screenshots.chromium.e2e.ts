import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeReadmeScreenshots } from './scenarios/readme-screenshots';

describeReadmeScreenshots('Chromium', (dir) => launchChromium(dir, { fixedRendering: true }), CHROME_SANDBOX_BUILD);
