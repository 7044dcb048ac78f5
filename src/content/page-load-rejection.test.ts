// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ContentApi } from './extension-api';
import { fakeExtension } from './fake-content-api';
import { sleep, submitCode, useContentScript } from './fixture-dom';

// A rejection reported by a new page: each page load is a fresh content script in the same tab,
// and the fake background keeps that tab's record between them.

const { start, shadowRoot } = useContentScript();
const role = () => shadowRoot()?.querySelector('[role]')?.getAttribute('role');
const host = () => document.querySelector('mfa-resync-prompt');

describe('a rejection reported by a new page load (the tab keeps the count)', () => {
  const REJECTED = 'https://signin.aws.amazon.com/classic/mfa.html?rejected=1';

  it('the page after a form post shows the error: counted only after a submit from this tab', async () => {
    const extension = fakeExtension();
    await start('classic/mfa.html', extension, REJECTED);
    await sleep(100);
    expect(extension.sent).toEqual([{ type: 'content/mfa-error-at-load' }]);
    expect(host()).toBeNull();

    await start('classic/mfa.html', extension);
    submitCode();
    await start('classic/mfa.html', extension, REJECTED);
    await vi.waitFor(() => expect(role()).toBe('status'));
    await start('classic/mfa.html', extension);
    submitCode();
    await start('classic/mfa.html', extension, 'https://signin.aws.amazon.com/classic/mfa.html?rejected=1&lang=ja');
    await vi.waitFor(() => expect(role()).toBe('alertdialog'));
  });

  it('a page without an MFA field, or with one and no error, asks nothing', async () => {
    for (const fixture of ['legacy/password-failure.html', 'classic/mfa.html', 'v2/captcha.html']) {
      const extension = fakeExtension();
      const touched: string[] = [];
      extension.api = new Proxy(extension.api, {
        get(target, name: keyof ContentApi) {
          touched.push(String(name));
          return target[name];
        },
      });
      await start(fixture, extension);
      await sleep(100);
      expect(touched).toEqual([]);
    }
  });
});
