import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeResyncSlice } from './scenarios/resync-slice';

describeResyncSlice('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
