import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBrowser, popupSend, signInContentSender, unlockedRecord } from './fuzz-fake-browser';

// The router's own work, message by message: what the status view carries, what lock wipes, that
// every page message reaches its handler, that a failing handler answers 'Unknown' without the
// error's text, and which type a refusal log line names (never the payload).

const USER = { settings: { endpointOverride: 'https://127.0.0.1:1' } };
const fake = installFakeBrowser(USER);
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');
const { storeInVault } = await import('./vault');
const { recordServerDate } = await import('./clock-skew');

const send = popupSend(routeMessage);
const unlocked = () => storeInVault(unlockedRecord());

// Tests below replace these to make a handler fail or a policy appear; each test starts with the originals.
const originals = { get: fake.storage.session.get, managed: fake.storage.managed.get, action: { ...fakeAction() } };
function fakeAction(): { setBadgeText: () => Promise<void> } {
  return (fake as unknown as { action: { setBadgeText: () => Promise<void> } }).action;
}

afterEach(() => {
  fake.storage.session.get = originals.get;
  fake.storage.managed.get = originals.managed;
  fakeAction().setBadgeText = originals.action.setBadgeText;
  fake.reset(USER);
  vi.restoreAllMocks();
});

describe('status', () => {
  it('carries the clock skew only once one was measured', async () => {
    expect(await send({ type: 'vault/status' })).not.toHaveProperty('value.clockSkewMs');
    await recordServerDate(new Date(Date.now() + 45_000).toUTCString());
    const reply = (await send({ type: 'vault/status' })) as { value: { clockSkewMs: number } };
    expect(reply.value.clockSkewMs).toBeGreaterThan(40_000);
    expect(reply.value.clockSkewMs).toBeLessThan(46_000);
  });

  it('names the settings the policy manages, and none without a policy', async () => {
    expect(await send({ type: 'vault/status' })).not.toHaveProperty('value.managedSettings');
    fake.storage.managed.get = async () => ({ allowLongTermKeys: false, helpdeskUrl: 'https://help.example/' });
    const reply = (await send({ type: 'vault/status' })) as {
      value: { managedSettings: string[]; helpdeskUrl: string };
    };
    expect(reply.value.managedSettings).toContain('allowLongTermKeys');
    expect(reply.value.helpdeskUrl).toBe('https://help.example/');
  });

  it('answers resync/last-outcome with the same view as vault/status', async () => {
    await unlocked();
    const status = await send({ type: 'vault/status' });
    expect(status).toMatchObject({ ok: true, value: { session: { userName: 'alice' } } });
    expect(await send({ type: 'resync/last-outcome' })).toEqual(status);
  });
});

describe('page messages', () => {
  it('vault/lock wipes the vault and the last outcome and answers with the locked view', async () => {
    await unlocked();
    await fake.storage.session.set({ lastOutcome: { status: 'succeeded' } });
    const reply = await send({ type: 'vault/lock' });
    expect(reply).toMatchObject({ ok: true, value: { endpoints: { fips: false, dualStack: false } } });
    expect(reply).not.toHaveProperty('value.session');
    expect(fake.storage.session.items.size).toBe(0);
  });

  it('vault/elevate reaches its handler (locked: it says so, not a refusal)', async () => {
    const reply = await send({
      type: 'vault/elevate',
      serialNumber: 'arn:aws:iam::123456789012:mfa/a',
      tokenCode: '123456',
    });
    expect(reply).toMatchObject({ ok: false });
    expect(reply).not.toEqual({ ok: false, error: { code: 'Refused' } });
  });

  it('a handler that throws answers Unknown and logs only the error’s name', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.storage.session.get = async () => {
      throw new TypeError('storage broke with example-secret');
    };
    expect(await send({ type: 'vault/lock' })).toEqual({ ok: false, error: { code: 'Unknown' } });
    expect(logged).toHaveBeenCalledWith('[mfa-resync] handler failed', 'TypeError');
  });

  it('a content handler that throws answers Unknown and logs only the error’s name', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fakeAction().setBadgeText = async () => {
      throw new RangeError('no such tab');
    };
    const seen = { type: 'content/mfa-failure-seen', consecutive: 1, hints: { isRoot: false } };
    expect(await routeMessage(seen, signInContentSender)).toEqual({ ok: false, error: { code: 'Unknown' } });
    expect(logged).toHaveBeenCalledWith('[mfa-resync] content request failed', 'RangeError');
  });
});

describe('refusal log lines', () => {
  it.each([
    [{ type: 'vault/unlock', paste: 42 }, 'type vault/unlock'],
    [{ type: 'vault/steal', paste: 'x' }, 'type unknown string'],
    [{ paste: 'x' }, 'type unknown undefined'],
    [null, 'type object'],
    ['vault/status', 'type string'],
  ])('%j is logged as %s, nothing more', async (message, expected) => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await send(message)).toEqual({ ok: false, error: { code: 'Refused' } });
    expect(warned).toHaveBeenCalledWith(`[mfa-resync] refused a malformed message (${expected})`);
  });

  it('says a sender outside the extension pages was refused', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await routeMessage({ type: 'vault/status' }, { id: 'other', url: 'https://evil.example/' });
    expect(warned).toHaveBeenCalledWith('[mfa-resync] refused a message from outside the extension pages');
  });
});
