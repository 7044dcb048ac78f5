import { ext } from '../src/shared/browser';

/** Every user-visible string comes from _locales via browser.i18n; a missing key shows the key. */
export function t(key: string, substitutions?: string | string[]): string {
  return ext.i18n.getMessage(key, substitutions) || key;
}
