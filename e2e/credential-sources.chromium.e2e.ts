import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeCredentialSources } from './scenarios/credential-sources';

describeCredentialSources('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
