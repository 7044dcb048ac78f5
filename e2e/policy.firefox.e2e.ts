import { launchFirefox } from './harness/firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './harness/paths';
import { firefoxPolicyBuild } from './harness/policy-build';
import { writeFirefoxExtensionPolicy } from './harness/policy-files';
import { describePolicy } from './scenarios/policy';

// Through /etc/firefox/policies/policies.json, which Firefox ESR reads once, at startup.
describePolicy({
  name: 'Firefox ESR',
  prepareBuild: () => firefoxPolicyBuild(FIREFOX_SANDBOX_BUILD),
  launch: (dir) => launchFirefox(dir),
  writePolicy: (id, policy) => writeFirefoxExtensionPolicy(id, policy),
  appliesChangesLive: false,
  dropsSchemaViolations: false,
});
