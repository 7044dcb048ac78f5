import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { keysOf, SERIALS, stsAs } from '../e2e/sandbox/sandbox-test-kit';
import { seededRootKeys } from '../e2e/sandbox/seed';
import { callsTo, injectFault, keysPaste, longTermPaste, routerAgainstSandbox } from './router-sandbox-kit';

// devices/list through the real router and the node SDK, against the sandbox: whose devices are
// asked for, what the popup gets for each, what a reopened popup is shown at once, and the errors.

const { sb, fake, send, unlockAs, vault } = await routerAgainstSandbox();
const listedUsers = async () => (await callsTo(sb.url, 'ListMFADevices')).map((c) => c.params['UserName']);

const ALICE_DEVICES = {
  userName: 'alice',
  devices: [
    { serialNumber: SERIALS.alicePhone, userName: 'alice', enableDate: '2024-03-01T10:00:00.000Z', kind: 'virtual' },
    { serialNumber: SERIALS.aliceYubikey, userName: 'alice', enableDate: '2024-03-02T10:00:00.000Z', kind: 'fido' },
  ],
};

describe('devices/list', () => {
  it("lists the caller's own devices by default, each with its kind and enable date", async () => {
    await unlockAs(longTermPaste('alice'));
    expect(await send({ type: 'devices/list' })).toEqual({ ok: true, value: ALICE_DEVICES });
    expect(await listedUsers()).toEqual(['alice']);
    // A reopened popup shows the list at once.
    const status = (await send({ type: 'vault/status' })) as { value: { devices?: unknown } };
    expect(status.value.devices).toEqual(ALICE_DEVICES);
  });

  it('lists the user an admin typed (trimmed), and falls back to the caller for a blank name', async () => {
    await unlockAs(longTermPaste('carol-admin'));
    const reply = await send({ type: 'devices/list', userName: '  dave ' });
    expect(reply).toEqual({
      ok: true,
      value: {
        userName: 'dave',
        devices: [
          { serialNumber: SERIALS.daveToken, userName: 'dave', enableDate: expect.any(String), kind: 'hardware' },
        ],
      },
    });
    expect(await send({ type: 'devices/list', userName: '   ' })).toMatchObject({
      ok: true,
      value: { userName: 'carol-admin', devices: [{ serialNumber: SERIALS.carolPhone }] },
    });
    expect(await listedUsers()).toEqual(['dave', 'carol-admin']);
  });

  it('pushes the idle lock back: listing is real use', async () => {
    await unlockAs(longTermPaste('alice'));
    await fake.storage.session.set({ vault: { ...vault(), idleLockAt: Date.now() + 1_000 } });
    const before = Date.now();
    await send({ type: 'devices/list' });
    expect(vault()?.idleLockAt).toBeGreaterThanOrEqual(before + 15 * 60_000);
  });

  it('is locked without credentials, and asks for a user name when the caller has none (root)', async () => {
    expect(await send({ type: 'devices/list' })).toEqual({ ok: false, error: { code: 'Locked' } });
    const root = seededRootKeys();
    await unlockAs(keysPaste(root.accessKeyId, root.secretAccessKey));
    expect(await send({ type: 'devices/list' })).toEqual({ ok: false, error: { code: 'UserNameRequired' } });
    expect(await listedUsers()).toEqual([]);
  });

  it('retries a failure that may pass (listing is safe to repeat)', async () => {
    await unlockAs(longTermPaste('alice'));
    await injectFault(sb.url, 'ListMFADevices', 'ServiceUnavailable');
    expect(await send({ type: 'devices/list' })).toEqual({ ok: true, value: ALICE_DEVICES });
    expect((await callsTo(sb.url, 'ListMFADevices')).map((c) => c.status)).toEqual([503, 200]);
  });

  it('maps what IAM refuses: another user without permission, a session made without MFA', async () => {
    await unlockAs(longTermPaste('alice'));
    expect(await send({ type: 'devices/list', userName: 'bob' })).toMatchObject({
      ok: false,
      error: { code: 'AccessDenied', operation: 'list', httpStatus: 403 },
    });
    const session = await stsAs(sb.url, keysOf('bob')).send(new GetSessionTokenCommand({}));
    const credentials = session.Credentials!;
    await unlockAs(keysPaste(credentials.AccessKeyId!, credentials.SecretAccessKey!, credentials.SessionToken));
    expect(await send({ type: 'devices/list' })).toMatchObject({ ok: false, error: { code: 'SessionWithoutMfa' } });
  });
});
