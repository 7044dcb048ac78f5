import { useExtensionSuite } from '../harness/extension-suite';
import { describe, expect, it } from 'vitest';
import type { DriverFactory, ExtensionPage } from '../harness/driver';
import { bashExport, carolSession, credentialProcessJson, longTermKeys } from '../harness/paste-samples';
import {
  configureExtension,
  localeMessages,
  sendToBackground,
  sessionKind,
  unlockWith,
} from '../harness/popup-flow';
import { markCalls, waitUntil } from '../harness/sandbox-control';

/**
 * The vault forgets the credentials when told (Lock), when pasted temporary credentials expire,
 * and when the user is idle; an action after that says Locked and reaches no AWS endpoint.
 */
export function describeVaultLifetime(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`vault lifetime in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir);
    const msg = localeMessages(extensionDir);

    const vaultHeld = async () => (await suite.driver.readStorage('session'))['vault'] !== undefined;

    /** Waits until the vault is wiped by the extension itself; returns when that happened. */
    async function waitForWipe(withinMs: number): Promise<number> {
      await waitUntil('the vault to be wiped', async () => !(await vaultHeld()), withinMs, 200);
      return Date.now();
    }

    /**
     * After a wipe the background answers any action with Locked and calls no AWS endpoint, and the
     * popup, which checks the idle and expiry times once a second, goes back to the paste box by
     * itself (a resync attempt can no longer race it).
     */
    async function expectNextActionLocked(popup: ExtensionPage): Promise<void> {
      const callsSince = await markCalls(suite.sandbox.url);
      const listed = await sendToBackground<{ ok: boolean; error?: { code: string } }>(popup, { type: 'devices/list' });
      expect(listed).toMatchObject({ ok: false, error: { code: 'Locked' } });
      expect(await popup.textOf('credentials-form', 5_000)).not.toBe('');
      expect(await popup.isVisible('codes-form')).toBe(false);
      expect(await callsSince()).toEqual([]);
    }

    it('Lock forgets the credentials at once and shows the empty paste box', async () => {
      const popup = await unlockWith(suite.driver, bashExport(longTermKeys('alice')));
      await popup.textOf('devices');
      expect(await vaultHeld()).toBe(true);
      await popup.click('lock');
      expect(await popup.valueOf('paste')).toBe('');
      expect(await popup.isVisible('paste')).toBe(true);
      expect(await popup.isVisible('session')).toBe(false);
      expect(await vaultHeld()).toBe(false);
      await popup.close();
    });

    it('wipes pasted temporary credentials when their Expiration passes (now + 5 s)', async () => {
      const unlockedAt = Date.now();
      // carol's session is valid for an hour in the sandbox; the paste claims it ends in 5 s.
      const paste = credentialProcessJson(carolSession(), new Date(unlockedAt + 5_000).toISOString());
      const popup = await unlockWith(suite.driver, paste);
      expect(await sessionKind(popup, msg)).toBe('temporary');
      await popup.textOf('devices');
      expect(await vaultHeld()).toBe(true);
      const wipedAt = await waitForWipe(12_000);
      expect(wipedAt - unlockedAt).toBeGreaterThanOrEqual(4_500);
      await expectNextActionLocked(popup);
      await popup.close();
    });

    it('locks after the idle timeout (idleLockMinutes 0.1 = 6 s)', async () => {
      await configureExtension(suite.driver, suite.sandbox.url, { idleLockMinutes: 0.1 });
      try {
        const unlockedAt = Date.now();
        const popup = await unlockWith(suite.driver, bashExport(longTermKeys('bob')));
        await popup.textOf('devices');
        expect(await vaultHeld()).toBe(true);
        const wipedAt = await waitForWipe(14_000);
        expect(wipedAt - unlockedAt).toBeGreaterThanOrEqual(5_500);
        await expectNextActionLocked(popup);
        await popup.close();
      } finally {
        await configureExtension(suite.driver, suite.sandbox.url);
      }
    });
  });
}
