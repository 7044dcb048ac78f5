import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeVerifyAfterResync } from './scenarios/verify-after-resync';

// The Chromium run also writes the README's screenshots of the check (docs/screenshots).
describeVerifyAfterResync('Chromium', (dir) => launchChromium(dir, { fixedRendering: true }), CHROME_SANDBOX_BUILD, {
  screenshots: true,
});
