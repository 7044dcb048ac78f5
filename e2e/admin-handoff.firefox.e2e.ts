import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeAdminHandoff } from './scenarios/admin-handoff';

describeAdminHandoff('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
