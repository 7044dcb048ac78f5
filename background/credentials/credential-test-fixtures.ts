// Fake credentials for tests only (AWS's documented example keys and made-up tokens). Imported by
// tests, never by extension code.

export const LONG_TERM_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const TEMPORARY_KEY_ID = 'ASIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
// Real session tokens are several hundred base64 characters, often with '/', '+' and '=' padding.
export const SESSION_TOKEN =
  'IQoJb3JpZ2luX2VjEXAMPLEaCXVzLWVhc3QtMSJHMEUCIQDfakeTOKENfortests+only/NOTREAL1234567890abcdEFGH' +
  'ijklMNOPqrstUVWXyz0987654321/+FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake==';

/** A time before FUTURE_EXPIRY and after PAST_EXPIRY, so expiry tests do not depend on the clock. */
export const NOW = Date.parse('2026-03-01T12:00:00Z');
export const FUTURE_EXPIRY = '2026-03-01T13:00:00+00:00';
export const PAST_EXPIRY = '2026-03-01T11:00:00Z';

export const SSO_HEADER = '123456789012_AdministratorAccess';
