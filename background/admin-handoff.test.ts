import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser, popupSender, signInContentSender } from './fuzz-fake-browser';

// "Ask an admin" through the message router: the popup's requests, the sign-in prompt's request,
// and the policy's ticket URL.

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');
const noPolicy = fake.storage.managed.get;
afterEach(() => {
  fake.reset();
  fake.storage.managed.get = noPolicy;
});

const FIELDS = {
  partition: 'aws',
  account: '123456789012',
  userName: 'alice',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  codes: { code1: '123456', code2: '654321', readAt: 1_796_000_000_000 },
};
const create = (extra: Record<string, unknown> = {}) =>
  routeMessage({ type: 'handoff/create', ...FIELDS, ...extra }, popupSender) as Promise<{
    ok: boolean;
    value: { token: string; ticketUrl?: string };
    error?: { code: string; problem?: string };
  }>;

describe('handoff messages', () => {
  it('creates a token that handoff/open reads back, exactly', async () => {
    const created = await create();
    expect(created.ok).toBe(true);
    expect(created.value.ticketUrl).toBeUndefined();
    const opened = await routeMessage(
      { type: 'handoff/open', text: `Please help\n${created.value.token}` },
      popupSender,
    );
    expect(opened).toEqual({ ok: true, value: FIELDS });
  });

  it('fills the policy ticket template with encoded values', async () => {
    fake.storage.managed.get = async () => ({
      helpdeskTicketUrlTemplate: 'https://tickets.example.com/new?user={user}&serial={serial}#req={request}',
    });
    const created = await create();
    const url = new URL(created.value.ticketUrl ?? '');
    expect(url.origin).toBe('https://tickets.example.com');
    expect(url.searchParams.get('serial')).toBe(FIELDS.serialNumber);
    expect(`mfa-resync-request=${url.hash.slice('#req='.length)}`).toBe(created.value.token);
  });

  it('refuses fields IAM would refuse, a field for secrets, and requests from a web page', async () => {
    expect(await create({ userName: 'alice smith' })).toEqual({
      ok: false,
      error: { code: 'HandoffInvalid', problem: 'fields' },
    });
    expect(await create({ secretAccessKey: 'x' })).toEqual({ ok: false, error: { code: 'Refused' } });
    const fromPage = await routeMessage({ type: 'handoff/open', text: 'x' }, signInContentSender);
    expect(fromPage).toEqual({ ok: false, error: { code: 'Refused' } });
  });

  it('says why a pasted request prefills nothing', async () => {
    const opened = await routeMessage({ type: 'handoff/open', text: 'mfa-resync-request=AAAA' }, popupSender);
    expect(opened).toEqual({ ok: false, error: { code: 'HandoffInvalid', problem: 'malformed' } });
  });

  it("the sign-in prompt's Ask an admin stores the page's hints and opens the request form", async () => {
    const hints = { account: '123456789012', userName: 'alice', partition: 'aws', isRoot: false };
    expect(await routeMessage({ type: 'content/ask-admin', hints }, signInContentSender)).toEqual({
      ok: true,
      value: null,
    });
    expect(fake.storage.session.items.get('prefill')).toMatchObject({ hints, askAdmin: true });
    expect(fake.calls).toContain('action.openPopup');
  });
});
