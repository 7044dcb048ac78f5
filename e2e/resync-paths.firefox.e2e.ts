import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeResyncPaths } from './scenarios/resync-paths';

describeResyncPaths('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
