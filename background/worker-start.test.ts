import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResyncOutcome } from '../src/shared/messages';
import {
  FAKE_EXTENSION_ID,
  foreignSenders,
  installFakeBrowser,
  popupSender,
  unlockedRecord,
} from './fuzz-fake-browser';

// The worker's entry point (index.ts) with the listeners it registers in its first turn: messages
// reach the router, the lock alarms and a browser start wipe the vault, the sweep alarm ends old
// sign-in tab records; and the popup's port decides whether a finished resync is a notification.

type Listener = (...args: never[]) => unknown;
function event() {
  const listeners: Listener[] = [];
  return { listeners, addListener: (l: Listener) => void listeners.push(l), hasListener: () => false };
}
const fake = installFakeBrowser();
const events = {
  onMessage: event(),
  onStartup: event(),
  onConnect: event(),
  onAlarm: event(),
  onRemoved: event(),
};
const browser = (globalThis as unknown as { browser: Record<string, Record<string, unknown>> }).browser;
Object.assign(browser['runtime']!, {
  onMessage: events.onMessage,
  onStartup: events.onStartup,
  onConnect: events.onConnect,
});
Object.assign(browser['alarms']!, { onAlarm: events.onAlarm });
Object.assign(browser['tabs']!, { onRemoved: events.onRemoved });
const notify = vi.fn(async (_id: string, _options: Record<string, string>) => '');
Object.assign(browser['notifications']!, { create: notify });
Object.assign(browser['i18n']!, { getMessage: (key: string, sub?: string) => (sub ? `${key}(${sub})` : key) });
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
await import('./index');
const { notifyIfNoPopup } = await import('./popup-presence');
const { storeInVault } = await import('./vault');

const only = (e: { listeners: Listener[] }) => {
  expect(e.listeners).toHaveLength(1);
  return e.listeners[0] as (...args: unknown[]) => unknown;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const unlocked = () => storeInVault(unlockedRecord());
const hasVault = () => fake.storage.session.items.has('vault');

afterEach(() => {
  fake.reset();
  notify.mockClear();
});

describe('the worker’s listeners', () => {
  it('hands every message to the router with its sender', async () => {
    const onMessage = only(events.onMessage);
    expect(await onMessage({ type: 'vault/status' }, popupSender)).toMatchObject({ ok: true });
    const foreign = foreignSenders['another extension'];
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await onMessage({ type: 'vault/status' }, foreign)).toEqual({ ok: false, error: { code: 'Refused' } });
  });

  it.each(['vault-idle', 'vault-expiry'])('the %s alarm wipes the vault', async (name) => {
    await unlocked();
    only(events.onAlarm)({ name });
    await settle();
    expect(hasVault()).toBe(false);
  });

  it('other alarms leave the vault; the sweep alarm removes ended sign-in tab records', async () => {
    await unlocked();
    await fake.storage.session.set({ 'signinTab:3': { updatedAt: 1, rejections: 0 } });
    only(events.onAlarm)({ name: 'some-other-alarm' });
    await settle();
    expect(fake.storage.session.items.has('signinTab:3')).toBe(true);
    only(events.onAlarm)({ name: 'signin-tab-sweep' });
    await settle();
    expect(fake.storage.session.items.has('signinTab:3')).toBe(false);
    expect(hasVault()).toBe(true);
  });

  it('a browser start wipes the vault (and its alarms)', async () => {
    await unlocked();
    only(events.onStartup)();
    await settle();
    expect(hasVault()).toBe(false);
    expect(fake.scheduledAlarms.size).toBe(0);
  });

  it("a closed tab's sign-in record goes with it", async () => {
    await fake.storage.session.set({ 'signinTab:3': { updatedAt: Date.now(), rejections: 1 } });
    only(events.onRemoved)(3);
    await settle();
    expect(fake.storage.session.items.has('signinTab:3')).toBe(false);
  });
});

const outcome = (status: ResyncOutcome['status']): ResyncOutcome => ({
  attemptId: 'a1',
  status,
  userName: 'alice',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  startedAt: 1,
});

/** A port as runtime.onConnect hands it over; `disconnect()` fires its onDisconnect. */
function connect(name: string, sender: unknown): () => void {
  const onDisconnect: Array<() => void> = [];
  only(events.onConnect)({ name, sender, onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) } });
  return () => onDisconnect.forEach((l) => l());
}

describe('a finished resync with no popup open', () => {
  it('is a notification with the device name and the result, nothing more', async () => {
    await notifyIfNoPopup(outcome('succeeded'));
    await notifyIfNoPopup({ ...outcome('failed'), attemptId: 'a2', error: { code: 'MfaCodeRejected' } });
    expect(notify.mock.calls).toEqual([
      [
        'resync-a1',
        {
          type: 'basic',
          iconUrl: `chrome-extension://${FAKE_EXTENSION_ID}/icons/icon-128.png`,
          title: 'notify_success_title',
          message: 'notify_success_message(mfa/alice-phone)',
        },
      ],
      [
        'resync-a2',
        expect.objectContaining({
          title: 'notify_failure_title',
          message: 'notify_failure_message(mfa/alice-phone)',
        }),
      ],
    ]);
  });

  it('is not notified while pending, nor while a popup is open; again once it closed', async () => {
    await notifyIfNoPopup(outcome('pending'));
    const disconnect = connect('popup', popupSender);
    await notifyIfNoPopup(outcome('succeeded'));
    expect(notify).not.toHaveBeenCalled();
    disconnect();
    await notifyIfNoPopup(outcome('succeeded'));
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('counts only a port named popup from an extension page as an open popup', async () => {
    connect('other', popupSender);
    connect('popup', foreignSenders['another extension']);
    await notifyIfNoPopup(outcome('failed'));
    expect(notify).toHaveBeenCalledTimes(1);
  });
});
