import { ext } from './browser';

/** Every user-visible string comes from _locales via browser.i18n; a missing key shows the key. */
export function t(key: string, substitutions?: string | string[]): string {
  return ext.i18n.getMessage(key, substitutions) || key;
}

/** For keys built from a code (error_X_title): fall back when the catalog has no such entry. */
export function tOr(key: string, fallbackKey: string, substitutions?: string | string[]): string {
  return ext.i18n.getMessage(key, substitutions) || t(fallbackKey, substitutions);
}

/** Message key for a code such as 'missing-fields': Chrome allows only [A-Za-z0-9_] in keys. */
export function codeKey(prefix: string, code: string): string {
  return `${prefix}_${code.replaceAll('-', '_')}`;
}

/**
 * Marks the page with the language its text is actually in (the translation the browser picked),
 * so screen readers pronounce it right. getUILanguage() can disagree with the messages shown.
 */
export function applyDocumentLanguage(): void {
  document.documentElement.lang = t('html_lang');
}
