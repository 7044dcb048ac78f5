import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeFaults } from './scenarios/faults';

describeFaults('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
