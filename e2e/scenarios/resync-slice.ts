import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/server';
import type { DriverFactory, ExtensionDriver } from '../harness/driver';
import { bashExportPaste, seedUser, virtualDeviceOf } from '../harness/demo-users';
import { phoneCodes, sandboxCalls, signInWouldAccept } from '../harness/sandbox-client';

/**
 * The walking skeleton, end to end in a real browser: paste keys → GetCallerIdentity →
 * ListMFADevices → two consecutive codes → ResyncMFADevice, against the sandbox, which must then
 * accept the device's next sign-in code.
 */
export function describeResyncSlice(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`resync slice in ${name}`, () => {
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    let driver: ExtensionDriver;

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0 });
      driver = await launch(extensionDir);
      await driver.writeStorage('local', { settings: { endpointOverride: sandbox.url } });
    });
    afterAll(async () => {
      await driver?.close();
      await sandbox?.close();
    });

    it('resyncs a drifted virtual MFA device through the popup', async () => {
      const alice = seedUser('alice');
      const serial = virtualDeviceOf(alice);
      expect(await signInWouldAccept(sandbox.url, serial)).toBe(false);

      const popup = await driver.openPage('popup/index.html');
      await popup.fill('paste', bashExportPaste(alice));
      await popup.click('unlock');
      expect(await popup.textOf('caller-arn')).toBe('arn:aws:iam::123456789012:user/alice');
      // The popup never holds the secret after hand-off: the paste box is gone with its text.
      expect(await popup.isVisible('paste')).toBe(false);
      expect(await popup.evaluate(() => document.documentElement.outerHTML)).not.toContain(alice.secretAccessKey);

      const deviceList = await popup.textOf('devices');
      expect(deviceList).toContain('mfa/alice-phone');
      expect(deviceList).toContain('u2f/user/alice/yubikey-EXAMPLE1');
      await popup.clickLabel('mfa/alice-phone');

      const { codes } = await phoneCodes(sandbox.url, serial);
      await popup.fill('code1', codes[0]);
      await popup.fill('code2', codes[1]);
      await popup.click('resync');
      expect(await popup.textOf('outcome-success')).not.toBe('');

      const resyncs = (await sandboxCalls(sandbox.url)).filter((c) => c.action === 'ResyncMFADevice');
      expect(resyncs).toHaveLength(1);
      expect(resyncs[0]?.status).toBe(200);
      expect(await signInWouldAccept(sandbox.url, serial)).toBe(true);

      // Long-term keys outlive a success only for the check with the next code: narrowed to it,
      // for three minutes at most, and gone at once with Done.
      const kept = (await driver.readStorage('session'))['vault'] as { checkOnly?: boolean; idleLockAt: number };
      expect(kept.checkOnly).toBe(true);
      expect(kept.idleLockAt).toBeLessThanOrEqual(Date.now() + 3 * 60_000);
      expect(JSON.stringify(await driver.readStorage('local'))).not.toContain(alice.secretAccessKey);
      await popup.click('done');
      await popup.textOf('credentials-form');
      expect((await driver.readStorage('session'))['vault']).toBeUndefined();
      await popup.close();
    });

    it('shows the API error and sends nothing twice when the codes are wrong', async () => {
      const dave = seedUser('dave');
      const popup = await driver.openPage('popup/index.html');
      await popup.fill('paste', bashExportPaste(dave));
      await popup.click('unlock');
      await popup.textOf('devices');
      const before = (await sandboxCalls(sandbox.url)).length;
      // Two valid-looking but non-consecutive codes: IAM answers InvalidAuthenticationCode.
      await popup.fill('code1', '000000');
      await popup.fill('code2', '999999');
      await popup.click('resync');
      await popup.textOf('error');
      expect(await popup.attributeOf('error', 'data-code')).toBe('InvalidAuthenticationCode');
      const after = await sandboxCalls(sandbox.url);
      expect(after.slice(before).filter((c) => c.action === 'ResyncMFADevice')).toHaveLength(1);
      await popup.close();
    });
  });
}
