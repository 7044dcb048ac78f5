import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeHostilePage } from './scenarios/hostile-page';

// A PAC script sends only the sign-in hostnames through the fixture server's CONNECT proxy; the
// hostile page on 127.0.0.1 is reached directly. The fixture certificate is a throwaway.
describeHostilePage(
  'Firefox ESR',
  (dir, server) => launchFirefox(dir, { prefs: server.firefoxPrefs, acceptInsecureCerts: true }),
  FIREFOX_SANDBOX_BUILD,
);
