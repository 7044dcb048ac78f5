import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeReadmeScreenshots } from './scenarios/readme-screenshots';

describeReadmeScreenshots('Firefox ESR', (dir) => launchFirefox(dir, { fixedRendering: true }), FIREFOX_SANDBOX_BUILD);
