import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeEndpointChoice } from './scenarios/endpoint-choice';

describeEndpointChoice('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
