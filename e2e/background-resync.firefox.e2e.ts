import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeBackgroundResync } from './scenarios/background-resync';

describeBackgroundResync('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
