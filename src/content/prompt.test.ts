// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureShadowRoot } from './fixture-dom';
import { createPrompt, PROMPT_HOST_TAG, type PromptAction, type PromptView } from './prompt';

// The closed shadow root stays closed: captureShadowRoot keeps the reference the prompt holds.
let shadowRoot: () => ShadowRoot | undefined;
beforeEach(() => {
  shadowRoot = captureShadowRoot();
  document.body.innerHTML = '<form><input id="mfacode"><button type="submit">Submit</button></form>';
});
afterEach(() => vi.restoreAllMocks());

const t = (key: string) => `«${key}»`;
const view = (overrides: Partial<PromptView> = {}): PromptView => ({
  level: 'prompt',
  root: false,
  canSuppress: true,
  canShowTroubleshoot: false,
  ...overrides,
});

function open(overrides: Partial<PromptView> = {}) {
  const actions: PromptAction[] = [];
  const prompt = createPrompt(document, t, (action) => actions.push(action));
  prompt.show(view(overrides));
  const root = shadowRoot();
  if (!root) throw new Error('no shadow root attached');
  return { prompt, actions, root, host: document.querySelector(PROMPT_HOST_TAG) as HTMLElement };
}

const buttonTexts = (root: ShadowRoot) =>
  [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);

describe('the prompt on the sign-in page', () => {
  it('lives in a closed shadow root, first in <body>, in the page flow rather than over the form', () => {
    const { host } = open();
    expect(host.shadowRoot).toBeNull();
    expect(document.body.firstElementChild).toBe(host);
    expect(host.getAttribute('style')).toContain('display:block!important');
    expect(host.getAttribute('style')).not.toMatch(/position:\s*(fixed|absolute)/);
    expect(host.textContent).toBe('');
  });

  it('asks clearly: a labelled alertdialog with Resync, Not now and Don’t ask', () => {
    const { root } = open();
    const dialog = root.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(root.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('«prompt_title»');
    expect(root.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe('«prompt_body»');
    expect(buttonTexts(root)).toEqual(['«prompt_resync»', '«prompt_not_now»', '«prompt_dont_ask»']);
    expect([...root.querySelectorAll('button')].every((b) => b.type === 'button')).toBe(true);
  });

  it('moves focus to its first button, and Escape closes it and gives focus back to the code field', () => {
    const field = document.getElementById('mfacode') as HTMLInputElement;
    field.focus();
    const { root, host, actions, prompt } = open();
    expect(document.activeElement).toBe(host);
    expect(root.activeElement?.textContent).toBe('«prompt_resync»');
    root.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(actions).toEqual(['dismiss']);
    prompt.close();
    expect(host.isConnected).toBe(false);
    expect(document.activeElement).toBe(field);
  });

  it('reports each button as its action', () => {
    const { root, actions } = open();
    root.querySelectorAll('button').forEach((b) => b.click());
    expect(actions).toEqual(['resync', 'dismiss', 'suppress']);
  });

  it('leaves out "Don’t ask on this account" when the account is unknown', () => {
    const { root } = open({ canSuppress: false });
    expect(buttonTexts(root)).toEqual(['«prompt_resync»', '«prompt_not_now»']);
  });

  it('a quiet hint: a status line that does not take focus', () => {
    const field = document.getElementById('mfacode') as HTMLInputElement;
    field.focus();
    const { root } = open({ level: 'hint' });
    expect(root.querySelector('[role="status"]')?.textContent).toContain('«prompt_hint»');
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect(buttonTexts(root)).toEqual(['«prompt_resync»', '«prompt_close»']);
    expect(document.activeElement).toBe(field);
  });

  it('root user: explains the page’s own troubleshooting flow, with no Resync of ours', () => {
    const { root } = open({ root: true, canSuppress: false, canShowTroubleshoot: true });
    expect(root.querySelector('h2')?.textContent).toBe('«prompt_root_title»');
    expect(root.querySelector('p')?.textContent).toBe('«prompt_root_body»');
    expect(buttonTexts(root)).toEqual(['«prompt_root_show»', '«prompt_not_now»']);
  });

  it('reuses one host: the hint turns into the prompt in place', () => {
    const actions: PromptAction[] = [];
    const prompt = createPrompt(document, t, (action) => actions.push(action));
    prompt.show(view({ level: 'hint' }));
    prompt.show(view({ level: 'prompt' }));
    expect(document.querySelectorAll(PROMPT_HOST_TAG)).toHaveLength(1);
    expect(shadowRoot()?.querySelector('[role="status"]')).toBeNull();
    expect(shadowRoot()?.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(prompt.isOpen()).toBe(true);
  });

  it('brings its own styles inside the shadow root', () => {
    const { root } = open();
    expect(root.querySelector('style')?.textContent).toContain('.box{');
  });
});
