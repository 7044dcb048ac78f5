import { launchChromium } from './harness/chromium-driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { describePromptAskAdmin } from './scenarios/prompt-ask-admin';

// The sign-in hostnames resolve to the local fixture server; its certificate is a throwaway.
describePromptAskAdmin(
  'Chromium',
  (dir, server) =>
    launchChromium(dir, { hostResolverRules: server.chromiumHostResolverRules, ignoreHttpsErrors: true }),
  CHROME_SANDBOX_BUILD,
);
