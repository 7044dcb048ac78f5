import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeVerifyAfterResync } from './scenarios/verify-after-resync';

describeVerifyAfterResync('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
