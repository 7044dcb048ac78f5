/// <reference types="chrome" />
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium-driver';
import { serveCrx, type CrxServer } from './harness/crx-server';
import type { ExtensionDriver } from './harness/driver';
import { CHROME_SANDBOX_BUILD } from './harness/paths';
import { chromiumPolicyBuild, type PolicyTestBuild } from './harness/policy-build';
import {
  chromiumExtensionPolicy,
  writeChromiumExtensionPolicy,
  writeChromiumPolicy,
  type PolicyFile,
} from './harness/policy-files';
import { readManaged, sendStatus } from './harness/policy-pages';
import { waitUntil } from './harness/sandbox-control';
import { describePolicy } from './scenarios/policy';

// Real policy files under /etc/chromium/policies/managed/ (CI runs as root).
describePolicy({
  name: 'Chromium',
  prepareBuild: () => chromiumPolicyBuild(CHROME_SANDBOX_BUILD),
  launch: (dir) => launchChromium(dir),
  writePolicy: (id, policy) => writeChromiumExtensionPolicy(id, policy, 'managed-storage'),
  appliesChangesLive: true,
  dropsSchemaViolations: true,
});

// Chromium only: Firefox force-installs only signed add-ons unless signature checks are turned off,
// which would test a set-up no admin should use.
describe('force-install from a self-hosted update URL in Chromium', () => {
  const FORCED_TEXT = 'Installed by your IT department.';
  let build: PolicyTestBuild | undefined;
  let server: CrxServer | undefined;
  let policy: PolicyFile | undefined;
  let driver: ExtensionDriver | undefined;

  beforeAll(async () => {
    build = chromiumPolicyBuild(CHROME_SANDBOX_BUILD);
    server = await serveCrx(build.dir, build.keyPath ?? '', join(build.dir, '..', 'release'));
    policy = writeChromiumPolicy(
      {
        ExtensionInstallForcelist: [`${build.extensionId};${server.updatesUrl}`],
        // Chromium's default keeps DevTools (so the test driver) away from force-installed extensions.
        DeveloperToolsAvailability: 1,
        ...chromiumExtensionPolicy(build.extensionId, { helpdeskText: FORCED_TEXT }),
      },
      'force-install',
    );
    // By id: Chromium's own extensions, or another run's force-install, may start workers too.
    driver = await launchChromium(build.dir, { forceInstalled: true, extensionId: build.extensionId });
  });
  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    policy?.remove();
    await server?.close();
    build?.remove();
  });

  it('installs the packed CRX under the id of its key, as an admin install, and gives it its policy', async () => {
    const { extensionId } = build as PolicyTestBuild;
    const served = server as CrxServer;
    expect(served.packed.id).toBe(extensionId);
    expect(driver?.extensionBaseUrl).toBe(`chrome-extension://${extensionId}`);
    expect(served.requests).toEqual(expect.arrayContaining(['/updates.xml', new URL(served.packed.crxUrl).pathname]));
    const page = await (driver as ExtensionDriver).openPage('options/index.html');
    expect(await page.evaluate(() => chrome.management.getSelf().then((self) => self.installType))).toBe('admin');
    // Managed storage of a freshly force-installed extension arrives seconds after the install.
    await waitUntil(
      'the policy to reach the force-installed extension',
      async () => (await readManaged(page, 'helpdeskText'))['helpdeskText'] === FORCED_TEXT,
      20_000,
      200,
    );
    expect((await sendStatus(page)).helpdeskText).toBe(FORCED_TEXT);
  });
});
