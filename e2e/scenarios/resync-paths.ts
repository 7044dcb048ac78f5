import { useExtensionSuite } from '../harness/extension-suite';
import { expectNoSecretsLeaked, SecretSet } from '../harness/secret-scan';
import { describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT_ID } from '../sandbox/seed';
import type { DriverFactory } from '../harness/driver';
import { bashExport, carolSession, longTermKeys, ssoOption2 } from '../harness/paste-samples';
import {
  answerTo,
  closeLocked,
  errorOf,
  localeMessages,
  pickDevice,
  resyncWith,
  selectOption,
  sessionKind,
  textIfPresent,
  unlockWith,
} from '../harness/popup-flow';
import { callsOf, waitUntil } from '../harness/sandbox-control';
import { phoneCodes, signInWouldAccept } from '../harness/sandbox-client';

const userArn = (userName: string) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/${userName}`;
const mfa = (device: string) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/${device}`;

/**
 * The two resync paths beyond "my own keys, my own device": a helpdesk admin resyncing a
 * colleague's device (and a non-admin being refused), and a user whose IAM policy wants MFA
 * getting a session from a second, working device first. Ends with the secret scan.
 */
export function describeResyncPaths(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`admin and second-device resync in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir, { resetBeforeEach: true });
    const msg = localeMessages(extensionDir);
    const ledger = new SecretSet();

    it("lets carol-admin resync alice's device with her own session", async () => {
      const carol = carolSession();
      ledger.addCredentials('carol session', carol);
      const alicePhone = mfa('alice-phone');
      expect(await signInWouldAccept(suite.sandbox.url, alicePhone)).toBe(false);

      const popup = await unlockWith(suite.driver, ssoOption2(carol));
      expect(await popup.textOf('caller-arn')).toBe(userArn('carol-admin'));
      // Whose devices: defaults to the caller; the admin types the colleague's user name.
      expect(await popup.valueOf('user-name')).toBe('carol-admin');
      await popup.fill('user-name', 'alice');
      await popup.click('load-devices');
      await pickDevice(popup, alicePhone);
      expect(await popup.textOf('devices')).not.toContain('carol-phone');

      const { codes } = await phoneCodes(suite.sandbox.url, alicePhone);
      ledger.addCodes('alice-phone', ...codes);
      expect((await resyncWith(popup, codes[0], codes[1])).shown).toBe('outcome-success');

      const resyncs = await callsOf(suite.sandbox.url, 'ResyncMFADevice');
      expect(resyncs).toHaveLength(1);
      expect(resyncs[0]).toMatchObject({
        status: 200,
        accessKeyId: carol.accessKeyId,
        params: { UserName: 'alice', SerialNumber: alicePhone },
      });
      expect(await signInWouldAccept(suite.sandbox.url, alicePhone)).toBe(true);
      await popup.close();
    });

    it("refuses alice access to bob's devices with AccessDenied naming the missing permission", async () => {
      const alice = longTermKeys('alice');
      ledger.addCredentials('alice keys', alice);
      const popup = await unlockWith(suite.driver, bashExport(alice));
      await popup.textOf('devices');
      const error = errorOf(
        await answerTo(popup, async () => {
          await popup.fill('user-name', 'bob');
          await popup.click('load-devices');
        }, []),
      );
      expect(error.code).toBe('AccessDenied');
      expect(error.text).toContain(msg('error_AccessDenied_title'));
      expect(error.text).toContain(msg('error_AccessDenied_next_list'));
      // IAM's own words, so the admin knows what to grant: who, which action, on what.
      expect(error.text).toContain(userArn('alice'));
      expect(error.text).toContain('iam:ListMFADevices');
      expect(error.text).toContain('user bob');
      // Nothing of bob's is shown, and no resync was attempted.
      expect((await textIfPresent(popup, 'devices')) ?? '').not.toContain('bob-');
      expect(await callsOf(suite.sandbox.url, 'ResyncMFADevice')).toEqual([]);
      const listed = await callsOf(suite.sandbox.url, 'ListMFADevices');
      expect(listed.at(-1)).toMatchObject({ status: 403, code: 'AccessDenied', params: { UserName: 'bob' } });
      await closeLocked(popup);
    });

    it('resyncs bob-tablet with a session bought with a code from bob-phone (second device)', async () => {
      const bob = longTermKeys('bob');
      ledger.addCredentials('bob keys', bob);
      const bobPhone = mfa('bob-phone');
      const bobTablet = mfa('bob-tablet');
      expect(await signInWouldAccept(suite.sandbox.url, bobTablet)).toBe(false);

      const popup = await unlockWith(suite.driver, bashExport(bob));
      expect(await sessionKind(popup, msg)).toBe('long-term');
      await popup.click('use-second-device');
      await selectOption(popup, 'elevate-device', bobPhone);
      const phone = await phoneCodes(suite.sandbox.url, bobPhone);
      ledger.addCodes('bob-phone', phone.codes[0]);
      await popup.fill('elevate-code', phone.codes[0]);
      await popup.click('elevate');
      await waitUntil(
        'the session to become temporary',
        async () => (await sessionKind(popup, msg)) === 'temporary',
        10_000,
      );

      const sessions = await callsOf(suite.sandbox.url, 'GetSessionToken');
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({
        status: 200,
        accessKeyId: bob.accessKeyId,
        params: { SerialNumber: bobPhone, TokenCode: phone.codes[0] },
      });
      // The session the background got is a secret too; read it where only the background keeps it.
      const vault = (await suite.driver.readStorage('session'))['vault'] as
        { secret?: { accessKeyId?: string; secretAccessKey?: string; sessionToken?: string } } | undefined;
      ledger
        .addCredential('bob MFA session access key id', vault?.secret?.accessKeyId)
        .addCredential('bob MFA session secret access key', vault?.secret?.secretAccessKey)
        .addCredential('bob MFA session token', vault?.secret?.sessionToken);
      // The long-term keys were dropped for the session.
      expect(JSON.stringify(vault)).not.toContain(bob.secretAccessKey);

      await pickDevice(popup, bobTablet);
      const tablet = await phoneCodes(suite.sandbox.url, bobTablet);
      ledger.addCodes('bob-tablet', ...tablet.codes);
      expect((await resyncWith(popup, tablet.codes[0], tablet.codes[1])).shown).toBe('outcome-success');

      const resyncs = await callsOf(suite.sandbox.url, 'ResyncMFADevice');
      expect(resyncs).toHaveLength(1);
      expect(resyncs[0]).toMatchObject({ status: 200, params: { UserName: 'bob', SerialNumber: bobTablet } });
      // Signed with the MFA session, not with the long-term key (IAM would want MFA).
      expect(resyncs[0]?.accessKeyId).toMatch(/^ASIA/);
      expect(await signInWouldAccept(suite.sandbox.url, bobTablet)).toBe(true);
      await popup.close();
    });

    // Runs last: searches what the flows above left behind.
    it('leaves no secret or MFA code in storage.local/sync, the locked popup, or any console', async () => {
      expect(ledger.size).toBeGreaterThan(5);
      await expectNoSecretsLeaked(suite.driver, ledger, { lockFirst: true });
    });
  });
}
