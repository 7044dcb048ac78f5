import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describePopupUx } from './scenarios/popup-ux';

// The locale tests need Debian's language packs (firefox-esr-l10n-de, firefox-esr-l10n-ja).
describePopupUx('Firefox ESR', (dir) => launchFirefox(dir), FIREFOX_SANDBOX_BUILD, {
  launchInLocale: (dir, locale) => launchFirefox(dir, { uiLocale: locale }),
});
