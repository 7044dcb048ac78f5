import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { describePromptAskAdmin } from './scenarios/prompt-ask-admin';

// A PAC script sends only the sign-in hostnames through the fixture server's CONNECT proxy.
describePromptAskAdmin(
  'Firefox ESR',
  (dir, server) => launchFirefox(dir, { prefs: server.firefoxPrefs, acceptInsecureCerts: true }),
  FIREFOX_SANDBOX_BUILD,
);
