import { afterEach, describe, expect, it, vi } from 'vitest';

// The popup's and options page's message lookup: a missing message shows a fallback, never ''.

const messages: Record<string, string> = { hello: 'Hallo $1', html_lang: 'de', fallback_key: 'Fallback' };
const getMessage = vi.fn((key: string, substitutions?: string | string[]) =>
  (messages[key] ?? '').replace('$1', [substitutions].flat().join(',')),
);
Object.assign(globalThis, { browser: { i18n: { getMessage } } });
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { applyDocumentLanguage, codeKey, t, tOr } = await import('./i18n');

afterEach(() => getMessage.mockClear());

describe('i18n', () => {
  it('t: the message with its substitutions, or the key when there is none', () => {
    expect(t('hello', 'Welt')).toBe('Hallo Welt');
    expect(getMessage).toHaveBeenCalledWith('hello', 'Welt');
    expect(t('missing_key')).toBe('missing_key');
  });

  it('tOr: the message, else the fallback message with the same substitutions, else the fallback key', () => {
    expect(tOr('hello', 'fallback_key', ['a'])).toBe('Hallo a');
    expect(tOr('missing_key', 'fallback_key')).toBe('Fallback');
    expect(tOr('missing_key', 'hello', 'x')).toBe('Hallo x');
    expect(tOr('missing_key', 'also_missing')).toBe('also_missing');
  });

  it('codeKey: every dash becomes an underscore (Chrome allows only [A-Za-z0-9_])', () => {
    expect(codeKey('paste', 'missing-fields')).toBe('paste_missing_fields');
    expect(codeKey('problem', 'a-b-c')).toBe('problem_a_b_c');
  });

  it('marks the document with the language of the messages shown', () => {
    const documentElement = { lang: '' };
    vi.stubGlobal('document', { documentElement });
    applyDocumentLanguage();
    expect(documentElement.lang).toBe('de');
    vi.unstubAllGlobals();
  });
});
