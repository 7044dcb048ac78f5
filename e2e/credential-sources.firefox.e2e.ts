import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeCredentialSources } from './scenarios/credential-sources';

describeCredentialSources('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
