import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeHostilePage } from './scenarios/hostile-page';

// The sign-in hostnames resolve to the local fixture server; its certificate is a throwaway.
describeHostilePage(
  'Chromium',
  (dir, server) =>
    launchChromium(dir, { hostResolverRules: server.chromiumHostResolverRules, ignoreHttpsErrors: true }),
  CHROME_SANDBOX_BUILD,
);
