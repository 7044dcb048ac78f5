import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeResyncErrors } from './scenarios/resync-errors';

describeResyncErrors('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
