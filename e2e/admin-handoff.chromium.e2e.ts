import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeAdminHandoff } from './scenarios/admin-handoff';

// The Chromium run also writes the README's screenshots of the hand-off (docs/screenshots).
describeAdminHandoff('Chromium', (dir) => launchChromium(dir, { fixedRendering: true }), CHROME_SANDBOX_BUILD, {
  screenshots: true,
});
