import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeVaultLifetime } from './scenarios/vault-lifetime';

describeVaultLifetime('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
