import { describe, expect, it } from 'vitest';
import { mergePolicy, sessionEndsAt } from './effective-settings';

describe('mergePolicy', () => {
  const user = {
    idleLockMinutes: 30,
    partition: 'aws-cn',
    fips: false,
    endpointOverride: 'https://mine.example',
    copyAsCliEnabled: false,
  };

  it('uses the user settings (and defaults) when there is no policy', () => {
    expect(mergePolicy(user, {})).toMatchObject({
      ...user,
      allowLongTermKeys: true,
      contentPromptEnabled: true,
      managed: [],
    });
    expect(mergePolicy(undefined, {})).toMatchObject({ idleLockMinutes: 15, partition: 'aws', copyAsCliEnabled: true });
  });

  it('lets the policy win key by key and names the managed settings', () => {
    const merged = mergePolicy(user, {
      partition: 'aws',
      allowLongTermKeys: false,
      contentPromptEnabled: false,
      copyAsCliEnabled: true,
      endpoints: { fips: true },
      helpdeskText: 'Ring 1234',
      allowedAccountIds: ['123456789012'],
      sessionMaxMinutes: 20,
    });
    expect(merged).toMatchObject({
      partition: 'aws',
      allowLongTermKeys: false,
      contentPromptEnabled: false,
      copyAsCliEnabled: true,
      fips: true,
      dualStack: false,
      helpdeskText: 'Ring 1234',
      allowedAccountIds: ['123456789012'],
      sessionMaxMinutes: 20,
    });
    // A policy that decides endpoints removes the user's own override too.
    expect(merged.endpointOverride).toBeUndefined();
    expect(new Set(merged.managed)).toEqual(
      new Set([
        'partition',
        'allowLongTermKeys',
        'contentPromptEnabled',
        'copyAsCliEnabled',
        'fips',
        'dualStack',
        'endpointOverride',
      ]),
    );
  });

  // The settings travel to the popup and options page as they are; a key the policy leaves unset is
  // absent (not present as undefined), so "is there a helpdesk link" reads as the policy meant it.
  it('carries only the policy keys the policy sets', () => {
    const optional = [
      'endpointOverride',
      'allowedAccountIds',
      'sessionMaxMinutes',
      'helpdeskUrl',
      'helpdeskText',
      'helpdeskTicketUrlTemplate',
    ];
    const { endpointOverride: _, ...withoutOverride } = user;
    const bare = mergePolicy(withoutOverride, { endpoints: { fips: true } });
    expect(optional.filter((key) => key in bare)).toEqual([]);
    const full = mergePolicy(withoutOverride, {
      endpoints: { override: 'https://gateway.example' },
      allowedAccountIds: ['123456789012'],
      sessionMaxMinutes: 20,
      helpdeskUrl: 'https://help.example',
      helpdeskText: 'Ring 1234',
      helpdeskTicketUrlTemplate: 'https://help.example/new?user={user}',
    });
    expect(optional.filter((key) => !(key in full))).toEqual([]);
  });

  it('caps the idle lock rather than raising it', () => {
    expect(mergePolicy(user, { idleLockMinutes: 5 }).idleLockMinutes).toBe(5);
    expect(mergePolicy({ idleLockMinutes: 2 }, { idleLockMinutes: 5 }).idleLockMinutes).toBe(2);
    expect(mergePolicy(user, { idleLockMinutes: 5 }).managed).toEqual(['idleLockMinutes']);
  });
});

describe('sessionEndsAt', () => {
  const unlockedAt = Date.parse('2026-01-01T10:00:00Z');
  it('keeps the credential expiry without a policy maximum', () => {
    expect(sessionEndsAt({}, unlockedAt, '2026-01-01T11:00:00.000Z')).toBe('2026-01-01T11:00:00.000Z');
    expect(sessionEndsAt({}, unlockedAt)).toBeUndefined();
  });
  it('ends the session at the policy maximum when that comes first', () => {
    expect(sessionEndsAt({ sessionMaxMinutes: 30 }, unlockedAt)).toBe('2026-01-01T10:30:00.000Z');
    expect(sessionEndsAt({ sessionMaxMinutes: 30 }, unlockedAt, '2026-01-01T11:00:00.000Z')).toBe(
      '2026-01-01T10:30:00.000Z',
    );
    expect(sessionEndsAt({ sessionMaxMinutes: 90 }, unlockedAt, '2026-01-01T11:00:00.000Z')).toBe(
      '2026-01-01T11:00:00.000Z',
    );
    // At the same instant the credentials' own expiry stands, as written.
    expect(sessionEndsAt({ sessionMaxMinutes: 60 }, unlockedAt, '2026-01-01T11:00:00Z')).toBe('2026-01-01T11:00:00Z');
  });
});
