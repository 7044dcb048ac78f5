import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describeContentPrompt } from './scenarios/content-prompt';

// The sign-in hostnames resolve to the local fixture server; its certificate is a throwaway.
describeContentPrompt(
  'Chromium',
  (dir, server) =>
    launchChromium(dir, { hostResolverRules: server.chromiumHostResolverRules, ignoreHttpsErrors: true }),
  CHROME_SANDBOX_BUILD,
);
