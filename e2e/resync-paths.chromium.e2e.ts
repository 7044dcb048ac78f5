import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeResyncPaths } from './scenarios/resync-paths';

describeResyncPaths('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
