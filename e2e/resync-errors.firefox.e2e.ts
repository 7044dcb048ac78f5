import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeResyncErrors } from './scenarios/resync-errors';

describeResyncErrors('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
