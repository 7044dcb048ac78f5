import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeSigninRejections } from './scenarios/signin-rejections';

// The sign-in hostnames resolve to the local fixture server; its certificate is a throwaway.
describeSigninRejections(
  'Chromium',
  (dir, server) =>
    launchChromium(dir, { hostResolverRules: server.chromiumHostResolverRules, ignoreHttpsErrors: true }),
  CHROME_SANDBOX_BUILD,
);
