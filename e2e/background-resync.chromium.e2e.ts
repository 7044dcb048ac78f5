import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeBackgroundResync } from './scenarios/background-resync';

describeBackgroundResync('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
