// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ContentScriptRequest } from '../shared/messages';
import { startContentScript } from './content-controller';
import type { ContentApi } from './extension-api';
import { captureShadowRoot, loadFixture, submitCode } from './fixture-dom';
import { MFA_CODE_FIELD } from './selectors';

// Proof that the content script never reads what is typed into a password or MFA code field:
// every read of an input's value (and every FormData, which would read them all) is recorded
// while the whole script runs over each fixture — detection, hints, prompt, Resync.

const TYPED_CODE = '424242';
const TYPED_PASSWORD = 'fixture-password-never-read';

// A stack frame in src/content/ that is not a test or the test support.
const CONTENT_SCRIPT_FRAME = /\/src\/content\/(?!fixture-dom\.ts)[\w-]+\.ts(?!\w)/;
let reads: HTMLInputElement[] = [];
let formDatas = 0;
let stop: (() => void) | undefined;
const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

beforeEach(() => {
  reads = [];
  formDatas = 0;
  const read = descriptor?.get;
  if (!descriptor || !read) throw new Error('no value getter to trap');
  Object.defineProperty(HTMLInputElement.prototype, 'value', {
    ...descriptor,
    get(this: HTMLInputElement) {
      // Only reads made by the content script's own modules count: happy-dom itself reads values
      // when a form is submitted, and so may the page.
      if (CONTENT_SCRIPT_FRAME.test(new Error().stack ?? '')) reads.push(this);
      return read.call(this);
    },
  });
  vi.spyOn(globalThis, 'FormData').mockImplementation(function () {
    formDatas += 1;
    throw new Error('FormData reads every field');
  });
});
afterEach(() => {
  if (descriptor) Object.defineProperty(HTMLInputElement.prototype, 'value', descriptor);
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

function secretField(input: HTMLInputElement): boolean {
  return input.type === 'password' || input.matches(MFA_CODE_FIELD);
}

it.each([
  'legacy/iam-mfa.html',
  'legacy/iam-mfa.de.html',
  'legacy/root-mfa.html',
  'legacy/success.html',
  'v2/mfa.html',
  'v2/mfa.ja.html',
])('%s: no password or code field is read, nothing typed leaves the page', async (fixture) => {
  const shadowRoot = captureShadowRoot();
  const sent: ContentScriptRequest[] = [];
  const stored: Record<string, unknown>[] = [];
  const api: ContentApi = {
    runtime: { sendMessage: async (message) => void sent.push(message) },
    storage: { local: { get: async () => ({}), set: async (items) => void stored.push(items) } },
    i18n: { getMessage: (key) => key },
  };
  loadFixture(fixture);
  const password = document.querySelector<HTMLInputElement>('input[type="password"]');
  if (password) password.value = TYPED_PASSWORD;
  stop = await startContentScript({ document, pageUrl: () => location.href, api, settleMs: 30 });
  reads = [];

  for (let attempt = 0; attempt < 2; attempt++) {
    submitCode(TYPED_CODE);
    await new Promise((done) => setTimeout(done, 450));
  }
  // Every button the prompt offers, Resync last.
  const buttons = [...(shadowRoot()?.querySelectorAll('button') ?? [])];
  for (const button of buttons.reverse()) button.click();

  expect(reads.filter(secretField)).toEqual([]);
  // The only fields ever read are the legacy form's account and user-name fields.
  expect(reads.every((input) => ['account', 'username'].includes(input.id))).toBe(true);
  // The trap works: the German page names the user only in the form, so those reads are seen.
  if (fixture === 'legacy/iam-mfa.de.html')
    expect(new Set(reads.map((input) => input.id))).toEqual(new Set(['account', 'username']));
  expect(formDatas).toBe(0);
  const everything = JSON.stringify([sent, stored]);
  expect(everything).not.toContain(TYPED_CODE);
  expect(everything).not.toContain(TYPED_PASSWORD);
  if (fixture !== 'legacy/success.html') expect(sent.length).toBeGreaterThan(0);
});
