import type { CredentialField, ParseFailure, PasteFormat } from './credential-paste-types';

// i18n keys for showing a paste failure. Chrome refuses to load an extension whose messages.json
// has a key with anything but [A-Za-z0-9_], so codes and formats containing '-' are converted.
// `paste_missing_fields` takes two substitutions: the format's name and the missing fields' names.

function i18nSafe(value: string): string {
  return value.replaceAll('-', '_');
}

export function pasteFailureMessageKey(code: ParseFailure['code']): string {
  return `paste_${i18nSafe(code)}`;
}

export function pasteFormatMessageKey(format: PasteFormat): string {
  return `format_${i18nSafe(format)}`;
}

export function credentialFieldMessageKey(field: CredentialField): string {
  return `credential_field_${field}`;
}
