import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeVaultLifetime } from './scenarios/vault-lifetime';

describeVaultLifetime('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
