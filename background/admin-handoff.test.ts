import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser, popupSender, signInContentSender, unlockedRecord } from './fuzz-fake-browser';

// "Ask an admin", the background's part: the sign-in prompt's request, and the policy's ticket URL
// template handed to the popup (which fills it, src/shared/ticket-template.ts).

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');
const { storeInVault } = await import('./vault');
const noPolicy = fake.storage.managed.get;
afterEach(() => {
  fake.reset();
  fake.storage.managed.get = noPolicy;
});

const TEMPLATE = 'https://tickets.example.com/new?user={user}&serial={serial}#req={request}';

describe('ask an admin', () => {
  it("the sign-in prompt's Ask an admin stores the page's hints and opens the request form", async () => {
    const hints = { account: '123456789012', userName: 'alice', partition: 'aws', isRoot: false };
    expect(await routeMessage({ type: 'content/ask-admin', hints }, signInContentSender)).toEqual({
      ok: true,
      value: null,
    });
    expect(fake.storage.session.items.get('prefill')).toMatchObject({ hints, askAdmin: true });
    expect(fake.calls).toContain('action.openPopup');
    const status = (await routeMessage({ type: 'vault/status' }, popupSender)) as { value: { prefill?: unknown } };
    expect(status.value.prefill).toMatchObject({ askAdmin: true, hints });
  });

  it('tells the prompt to offer it only to a user with no credentials here, unless the policy hides it', async () => {
    const seen = { type: 'content/mfa-failure-seen', consecutive: 2, hints: { isRoot: false } };
    const offered = async (type: string) => {
      await routeMessage({ type: 'content/mfa-code-submitted' }, signInContentSender);
      const message = type === 'content/mfa-failure-seen' ? seen : { type };
      const reply = (await routeMessage(message, signInContentSender)) as { value: { askAdmin?: boolean } };
      return reply.value.askAdmin;
    };
    expect(await offered('content/mfa-failure-seen')).toBe(true);
    expect(await offered('content/mfa-error-at-load')).toBe(true);
    // The submit itself is answered before anything is shown: it does not say.
    expect(await routeMessage({ type: 'content/mfa-code-submitted' }, signInContentSender)).toEqual({
      ok: true,
      value: expect.not.objectContaining({ askAdmin: expect.anything() }),
    });
    fake.storage.managed.get = async () => ({ askAdminEnabled: false });
    expect(await offered('content/mfa-failure-seen')).toBe(false);
    fake.storage.managed.get = noPolicy;
    await storeInVault(unlockedRecord());
    expect(await offered('content/mfa-failure-seen')).toBe(false);
  });

  it('a prompt drawn before the policy hid it opens the plain resync flow', async () => {
    fake.storage.managed.get = async () => ({ askAdminEnabled: false });
    const hints = { userName: 'alice', isRoot: false };
    expect(await routeMessage({ type: 'content/ask-admin', hints }, signInContentSender)).toEqual({
      ok: true,
      value: null,
    });
    expect(fake.storage.session.items.get('prefill')).toEqual({
      hints,
      createdAt: expect.any(Number),
      returnUrl: expect.any(String),
    });
  });

  it('refuses a prompt request with anything but hints (never credentials)', async () => {
    const hints = { isRoot: false };
    for (const bad of [
      { type: 'content/ask-admin', hints, password: 'x' },
      { type: 'content/ask-admin', hints: { ...hints, secretAccessKey: 'x' } },
    ]) {
      expect(await routeMessage(bad, signInContentSender)).toEqual({ ok: false, error: { code: 'Refused' } });
    }
  });

  it('gives the popup a valid ticket template, and none for a refused one', async () => {
    fake.storage.managed.get = async () => ({ helpdeskTicketUrlTemplate: TEMPLATE });
    const allowed = (await routeMessage({ type: 'vault/status' }, popupSender)) as { value: Record<string, unknown> };
    expect(allowed.value['ticketUrlTemplate']).toBe(TEMPLATE);
    fake.storage.managed.get = async () => ({ helpdeskTicketUrlTemplate: 'http://tickets.example.com/{user}' });
    const refused = (await routeMessage({ type: 'vault/status' }, popupSender)) as { value: Record<string, unknown> };
    expect(refused.value['ticketUrlTemplate']).toBeUndefined();
  });
});
