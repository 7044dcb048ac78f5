import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describePopupLayout } from './scenarios/popup-layout';

// The de/ja runs need Debian's language packs (firefox-esr-l10n-de, firefox-esr-l10n-ja).
describePopupLayout('Firefox ESR', FIREFOX_SANDBOX_BUILD, (dir, locale) =>
  locale ? launchFirefox(dir, { uiLocale: locale }) : launchFirefox(dir),
);
