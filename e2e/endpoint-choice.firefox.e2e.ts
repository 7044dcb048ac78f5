import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeEndpointChoice } from './scenarios/endpoint-choice';

describeEndpointChoice('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD);
