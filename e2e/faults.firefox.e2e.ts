import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeFaults } from './scenarios/faults';

describeFaults('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
