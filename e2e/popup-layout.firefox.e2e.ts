import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describePopupLayout } from './scenarios/popup-layout';

// The de/ja runs need Debian's language packs (firefox-esr-l10n-de, firefox-esr-l10n-ja) and a
// Japanese font (fonts-noto-cjk): without one Firefox draws boxes of another size.
describePopupLayout('Firefox ESR', FIREFOX_SANDBOX_BUILD, (dir, locale) =>
  locale ? launchFirefox(dir, { uiLocale: locale }) : launchFirefox(dir),
);
