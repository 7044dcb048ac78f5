import { useExtensionSuite } from '../harness/extension-suite';
import { expectNoSecretsLeaked, SecretSet } from '../harness/secret-scan';
import { describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT_ID } from '../sandbox/seed';
import type { DriverFactory } from '../harness/driver';
import {
  bashExport,
  carolSession,
  cmdSet,
  credentialProcessJson,
  credentialsFile,
  expiredSession,
  longTermKeys,
  powershellEnv,
  ssoOption2,
  stsJson,
  stsTimestamp,
  type PasteCredentials,
} from '../harness/paste-samples';
import {
  closeLocked,
  configureExtension,
  errorOf,
  localeMessages,
  openLockedPopup,
  selectOption,
  sessionKind,
  submitPaste,
} from '../harness/popup-flow';
import { markCalls } from '../harness/sandbox-control';

const userArn = (userName: string) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/${userName}`;

/**
 * Every credential format the paste box accepts unlocks against the sandbox (STS GetCallerIdentity
 * signed with the pasted keys); broken, expired and disallowed credentials are refused with the
 * catalog's message; and afterwards no pasted secret is found anywhere it could leak.
 */
export function describeCredentialSources(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`credential sources in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir);
    const msg = localeMessages(extensionDir);
    const ledger = new SecretSet();

    const alice = longTermKeys('alice');
    const bob = longTermKeys('bob');
    const carol = carolSession();

    interface FormatCase {
      format: string;
      paste: () => string;
      creds: PasteCredentials;
      user: string;
      kind: 'long-term' | 'temporary';
      showsExpiry?: boolean;
    }
    const formats: FormatCase[] = [
      {
        format: 'bash export with double quotes',
        paste: () => bashExport(alice, 'double'),
        creds: alice,
        user: 'alice',
        kind: 'long-term',
      },
      {
        format: 'bash export without quotes',
        paste: () => bashExport(carol, 'none'),
        creds: carol,
        user: 'carol-admin',
        kind: 'temporary',
      },
      {
        format: 'bash export with single quotes',
        paste: () => bashExport(bob, 'single'),
        creds: bob,
        user: 'bob',
        kind: 'long-term',
      },
      { format: 'PowerShell $Env:', paste: () => powershellEnv(bob), creds: bob, user: 'bob', kind: 'long-term' },
      { format: 'cmd set', paste: () => cmdSet(carol), creds: carol, user: 'carol-admin', kind: 'temporary' },
      {
        format: 'aws sts get-session-token JSON',
        paste: () => stsJson(carol, stsTimestamp(3600)),
        creds: carol,
        user: 'carol-admin',
        kind: 'temporary',
        showsExpiry: true,
      },
      {
        format: 'credential_process JSON',
        paste: () => credentialProcessJson(carol, new Date(Date.now() + 3_600_000).toISOString()),
        creds: carol,
        user: 'carol-admin',
        kind: 'temporary',
        showsExpiry: true,
      },
      {
        format: 'IAM Identity Center "Option 2" block',
        paste: () => ssoOption2(carol),
        creds: carol,
        user: 'carol-admin',
        kind: 'temporary',
      },
    ];

    it.each(formats)('unlocks with a $format paste', async ({ format, paste, creds, user, kind, showsExpiry }) => {
      ledger.addCredentials(`${format} paste`, creds);
      const popup = await openLockedPopup(suite.driver);
      const callsSince = await markCalls(suite.sandbox.url);
      expect((await submitPaste(popup, paste())).shown).toBe('session');
      expect(await popup.textOf('caller-arn')).toBe(userArn(user));
      expect(await sessionKind(popup, msg)).toBe(kind);
      if (showsExpiry) expect(await popup.textOf('session')).toContain(msg('expires_at').replace('$TIME$', '').trim());
      // The paste box, and the secret in it, are gone once the background holds the credentials.
      expect(await popup.isVisible('paste')).toBe(false);
      // IAM accepts them too: the caller's own devices are listed.
      expect(await popup.textOf('devices')).toContain(`mfa/${user === 'carol-admin' ? 'carol' : user}-`);
      // The sandbox checked SigV4 signatures made with exactly these keys.
      const calls = await callsSince();
      expect(calls.map((c) => [c.action, c.status, c.accessKeyId])).toEqual([
        ['GetCallerIdentity', 200, creds.accessKeyId],
        ['ListMFADevices', 200, creds.accessKeyId],
      ]);
      await closeLocked(popup);
    });

    it('asks which profile to use when a credentials file has several, and unlocks with the chosen one', async () => {
      ledger.addCredentials('credentials file alice', alice);
      ledger.addCredentials('credentials file bob', bob);
      const paste = credentialsFile([
        { name: 'default', creds: alice, region: 'us-east-1' },
        { name: 'bob', creds: bob },
      ]);
      const popup = await openLockedPopup(suite.driver);
      const callsSince = await markCalls(suite.sandbox.url);
      await popup.fill('paste', paste);
      await popup.click('unlock');
      // Guessing would resync with the wrong identity: nothing is sent until the user picks.
      await selectOption(popup, 'profile-select', 'bob');
      expect(await popup.textOf('caller-arn')).toBe(userArn('bob'));
      expect(await popup.textOf('devices')).toContain('mfa/bob-tablet');
      const identity = await callsSince('GetCallerIdentity');
      expect(identity.map((c) => c.accessKeyId)).toEqual([bob.accessKeyId]);
      await closeLocked(popup);
    });

    interface MalformedCase {
      what: string;
      paste: string;
      secrets: string[];
      mentions: string[];
    }
    const malformed: MalformedCase[] = [
      {
        what: 'PowerShell lines without the access key id',
        paste: powershellEnv(bob).split('\n').slice(1).join('\n'),
        secrets: [bob.secretAccessKey],
        // "The PowerShell text is missing: access key id."
        mentions: [msg('format_powershell'), msg('credential_field_accessKeyId')],
      },
      {
        what: 'a bash block whose secret was cut off',
        paste: `export AWS_ACCESS_KEY_ID=${alice.accessKeyId}\nexport AWS_SECRET_ACCESS_KEY=`,
        secrets: [alice.accessKeyId],
        mentions: [msg('format_bash'), msg('credential_field_secretAccessKey')],
      },
      {
        what: 'text that is not credentials',
        paste: 'my MFA code stopped working, help',
        secrets: [],
        mentions: [msg('paste_unrecognized')],
      },
    ];

    it.each(malformed)(
      'refuses $what with InvalidPaste, keeps the paste, sends nothing',
      async ({ what, paste, secrets, mentions }) => {
        secrets.forEach((value, i) => ledger.addCredential(`malformed paste (${what}) [${i}]`, value));
        const popup = await openLockedPopup(suite.driver);
        const callsSince = await markCalls(suite.sandbox.url);
        const error = errorOf(await submitPaste(popup, paste));
        expect(error.code).toBe('InvalidPaste');
        for (const text of mentions) expect(error.text).toContain(text);
        // The message says what is wrong without repeating any value from the paste.
        for (const secret of secrets) expect(error.text).not.toContain(secret);
        // A rejected paste stays in the box so the user can fix it.
        expect(await popup.valueOf('paste')).toBe(paste);
        expect(await callsSince()).toEqual([]);
        await popup.close();
      },
    );

    it('refuses temporary credentials whose pasted expiry has passed, without calling AWS', async () => {
      const expired = expiredSession();
      ledger.addCredentials('expired session (STS JSON)', expired);
      const popup = await openLockedPopup(suite.driver);
      const callsSince = await markCalls(suite.sandbox.url);
      const error = errorOf(await submitPaste(popup, stsJson(expired, stsTimestamp(-3600))));
      expect(error.code).toBe('InvalidPaste');
      expect(error.text).toContain(msg('paste_expired'));
      expect(await callsSince()).toEqual([]);
      await popup.close();
    });

    it('shows ExpiredToken when AWS says the pasted session has expired', async () => {
      const expired = expiredSession();
      ledger.addCredentials('expired session (bash)', expired);
      const popup = await openLockedPopup(suite.driver);
      const callsSince = await markCalls(suite.sandbox.url);
      // No expiry in an export block, so only AWS can tell.
      const error = errorOf(await submitPaste(popup, bashExport(expired)));
      expect(error.code).toBe('ExpiredToken');
      expect(error.text).toContain(msg('error_ExpiredToken_title'));
      expect(error.text).toContain(msg('error_ExpiredToken_next'));
      const identity = await callsSince('GetCallerIdentity');
      expect(identity.at(-1)).toMatchObject({ status: 403, code: 'ExpiredToken' });
      expect((await suite.driver.readStorage('session'))['vault']).toBeUndefined();
      await popup.close();
    });

    it('refuses long-term keys when settings disallow them, before anything reaches AWS', async () => {
      await configureExtension(suite.driver, suite.sandbox.url, { allowLongTermKeys: false });
      try {
        ledger.addCredentials('long-term keys while disallowed', alice);
        const popup = await openLockedPopup(suite.driver);
        const callsSince = await markCalls(suite.sandbox.url);
        const error = errorOf(await submitPaste(popup, bashExport(alice)));
        expect(error.code).toBe('LongTermKeysNotAllowed');
        expect(error.text).toContain(msg('error_LongTermKeysNotAllowed_title'));
        expect(await callsSince()).toEqual([]);
        expect((await suite.driver.readStorage('session'))['vault']).toBeUndefined();
        await popup.close();
        // Temporary credentials are still welcome.
        const again = await openLockedPopup(suite.driver);
        expect((await submitPaste(again, ssoOption2(carol))).shown).toBe('session');
        expect(await again.textOf('caller-arn')).toBe(userArn('carol-admin'));
        await again.textOf('devices');
        await closeLocked(again);
      } finally {
        await configureExtension(suite.driver, suite.sandbox.url);
      }
    });

    // Runs last: searches what the flows above left behind.
    it('leaves no pasted secret in storage.local/sync, the locked popup, or any console', async () => {
      expect(ledger.size).toBeGreaterThan(5);
      await expectNoSecretsLeaked(suite.driver, ledger, { lockFirst: true });
    });
  });
}
