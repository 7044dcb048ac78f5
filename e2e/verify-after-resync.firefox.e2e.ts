import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeVerifyAfterResync } from './scenarios/verify-after-resync';

describeVerifyAfterResync('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
