import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describeSigninRejections } from './scenarios/signin-rejections';

// Firefox cannot map a hostname to another port: a PAC script sends only the sign-in hostnames
// through the fixture server's CONNECT proxy. Its certificate is a throwaway.
describeSigninRejections(
  'Firefox ESR',
  (dir, server) => launchFirefox(dir, { prefs: server.firefoxPrefs, acceptInsecureCerts: true }),
  FIREFOX_SANDBOX_BUILD,
);
