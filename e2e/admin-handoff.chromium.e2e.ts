import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeAdminHandoff } from './scenarios/admin-handoff';

describeAdminHandoff('Chromium', launchChromium, CHROME_SANDBOX_BUILD);
