import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeResyncSlice } from './scenarios/resync-slice';

describeResyncSlice('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
