import { describe, expect, it } from 'vitest';
import { isAllowedEndpointOverride, parseSettings } from './settings';

// The endpoint override decides where signed requests go: only https, never credentials, a query or
// a fragment in the URL, and plain http to loopback only in the sandbox build.

describe('isAllowedEndpointOverride', () => {
  it('accepts an https endpoint in either build', () => {
    expect(isAllowedEndpointOverride('https://iam.gateway.example.com', false)).toBe(true);
    expect(isAllowedEndpointOverride('https://iam.gateway.example.com/prefix/', true)).toBe(true);
  });

  it('refuses what is not a URL', () => {
    expect(isAllowedEndpointOverride('iam.amazonaws.com', true)).toBe(false);
    expect(isAllowedEndpointOverride('', true)).toBe(false);
  });

  // One part at a time: each is refused on its own, not only together with the others.
  it.each([
    ['a user name', 'https://user@iam.gateway.example.com'],
    ['a password', 'https://:secret@iam.gateway.example.com'],
    ['a query', 'https://iam.gateway.example.com/?token=1'],
    ['a fragment', 'https://iam.gateway.example.com/#part'],
  ])('refuses an https URL with %s', (_, url) => {
    expect(isAllowedEndpointOverride(url, true)).toBe(false);
  });

  it('accepts plain http to 127.0.0.1 or localhost only in the sandbox build', () => {
    for (const url of ['http://127.0.0.1:4566', 'http://localhost:4566/']) {
      expect(isAllowedEndpointOverride(url, true), url).toBe(true);
      expect(isAllowedEndpointOverride(url, false), url).toBe(false);
    }
  });

  it('refuses plain http to any other host, and other schemes to loopback, even in the sandbox build', () => {
    expect(isAllowedEndpointOverride('http://iam.gateway.example.com', true)).toBe(false);
    expect(isAllowedEndpointOverride('http://10.0.0.1:4566', true)).toBe(false);
    expect(isAllowedEndpointOverride('ftp://localhost:4566', true)).toBe(false);
    expect(isAllowedEndpointOverride('ws://127.0.0.1:4566', true)).toBe(false);
  });
});

describe('parseSettings', () => {
  const DEFAULTS = {
    idleLockMinutes: 15,
    partition: 'aws',
    fips: false,
    dualStack: false,
    allowLongTermKeys: true,
    contentPromptEnabled: true,
  };

  it('fills every setting the store lacks with its default', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULTS);
    expect(parseSettings({ partition: 'aws-cn', idleLockMinutes: 5 })).toEqual({
      ...DEFAULTS,
      partition: 'aws-cn',
      idleLockMinutes: 5,
    });
  });

  it('falls back to all defaults when the stored value is invalid, instead of breaking', () => {
    expect(parseSettings({ idleLockMinutes: 0 })).toEqual(DEFAULTS);
    expect(parseSettings({ idleLockMinutes: 241 })).toEqual(DEFAULTS);
    expect(parseSettings({ partition: 'aws-mars' })).toEqual(DEFAULTS);
    expect(parseSettings({ endpointOverride: `https://${'a'.repeat(2_048)}` })).toEqual(DEFAULTS);
    expect(parseSettings('settings')).toEqual(DEFAULTS);
  });

  it('keeps the edges of the idle-lock range and an endpoint override as stored', () => {
    expect(parseSettings({ idleLockMinutes: 0.1 }).idleLockMinutes).toBe(0.1);
    expect(parseSettings({ idleLockMinutes: 240 }).idleLockMinutes).toBe(240);
    expect(parseSettings({ endpointOverride: 'https://iam.gateway.example.com' }).endpointOverride).toBe(
      'https://iam.gateway.example.com',
    );
  });
});
