import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser, popupSend, type FakeBrowser } from './fuzz-fake-browser';

// The first storage.managed read after a browser start takes ~3 s in Chromium. The popup's status
// must not wait for it (it answers with `policyPending` and the popup asks again), while every
// action still waits for the policy and obeys it.

const USER = { settings: { endpointOverride: 'https://127.0.0.1:1', allowLongTermKeys: true, copyAsCliEnabled: true } };
const POLICY = { allowLongTermKeys: false, copyAsCliEnabled: false, helpdeskText: 'Call IT on 1234' };
const LONG_TERM_PASTE =
  '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

const fake: FakeBrowser = installFakeBrowser(USER);
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');

/** Managed storage that answers only when told to, like Chromium right after a start. */
function slowPolicy(): () => void {
  let answer: () => void = () => undefined;
  fake.storage.managed.get = () => new Promise((resolve) => (answer = () => resolve(structuredClone(POLICY))));
  return () => answer();
}

const send = popupSend(routeMessage);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => fake.reset(USER));

describe('vault/status while the policy is slow', () => {
  it('answers within the display wait, with nothing the policy decides, and says the policy is pending', async () => {
    slowPolicy();
    const started = performance.now();
    const reply = await send({ type: 'vault/status' });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(reply).toEqual({ ok: true, value: { policyPending: true } });
  });

  it('answers with the policy once it is there', async () => {
    fake.storage.managed.get = async () => structuredClone(POLICY);
    const reply = await send({ type: 'vault/status' });
    expect(reply).toMatchObject({ ok: true, value: { copyAsCliEnabled: false, helpdeskText: POLICY.helpdeskText } });
    expect(reply).not.toMatchObject({ value: { policyPending: true } });
  });

  it('does not let an unlock through before the policy answers, then applies it', async () => {
    const answer = slowPolicy();
    let settled = false;
    const unlock = send({ type: 'vault/unlock', paste: LONG_TERM_PASTE }).then((reply) => {
      settled = true;
      return reply;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    answer();
    await settle();
    expect(await unlock).toEqual({ ok: false, error: { code: 'LongTermKeysNotAllowed' } });
    expect(fake.storage.session.items.size).toBe(0);
  });
});
