import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAccountAllowed, mergePolicy } from './effective-settings';
import { ENDPOINT_POLICY_KEYS, parsePolicy, POLICY_KEYS, type PolicyError } from './policy';

const release = { sandboxBuild: false };
const sandbox = { sandboxBuild: true };
const parse = (raw: unknown) => parsePolicy(raw, release);

describe('parsePolicy: every key, valid values', () => {
  it('accepts a complete, valid policy unchanged', () => {
    const raw = {
      allowedAccountIds: ['123456789012', '000011112222'],
      partition: 'aws-us-gov',
      endpoints: { override: 'https://iam-gateway.corp.example', fips: true, dualStack: false },
      allowLongTermKeys: false,
      sessionMaxMinutes: 60,
      idleLockMinutes: 10,
      contentPromptEnabled: false,
      helpdeskUrl: 'https://help.corp.example/mfa',
      helpdeskText: 'Call the IT helpdesk on 1234.',
      askAdminEnabled: false,
      copyAsCliEnabled: false,
    };
    expect(parse(raw)).toEqual({ policy: raw, errors: [] });
  });

  it('treats no policy (undefined, null, {}) as no policy', () => {
    for (const raw of [undefined, null, {}]) expect(parse(raw)).toEqual({ policy: {}, errors: [] });
  });

  it('normalizes console-style account ids and drops duplicates', () => {
    expect(parse({ allowedAccountIds: ['1234-5678-9012', ' 123456789012 '] }).policy.allowedAccountIds).toEqual([
      '123456789012',
    ]);
  });

  it('accepts each partition, mailto helpdesk links and trims texts', () => {
    for (const partition of ['aws', 'aws-us-gov', 'aws-cn'])
      expect(parse({ partition }).policy.partition).toBe(partition);
    expect(parse({ helpdeskUrl: 'mailto:it@corp.example' }).policy.helpdeskUrl).toBe('mailto:it@corp.example');
    expect(parse({ helpdeskText: '  Ring 1234  ' }).policy.helpdeskText).toBe('Ring 1234');
  });

  it('accepts minute limits at both ends of their ranges', () => {
    expect(parse({ idleLockMinutes: 1, sessionMaxMinutes: 1 }).errors).toEqual([]);
    expect(parse({ idleLockMinutes: 240, sessionMaxMinutes: 1440 }).errors).toEqual([]);
  });

  it('accepts a loopback http endpoint only in the sandbox build', () => {
    const raw = { endpoints: { override: 'http://127.0.0.1:4566' } };
    expect(parsePolicy(raw, sandbox).policy.endpoints).toEqual({ override: 'http://127.0.0.1:4566' });
    expect(parsePolicy(raw, release)).toEqual({
      policy: {},
      errors: [{ key: 'endpoints.override', problem: 'endpoint-not-allowed' }],
    });
  });
});

describe('parsePolicy: wrong types are reported and ignored key by key', () => {
  const wrong: Array<[string, unknown]> = [
    ['partition', 1],
    ['sessionMaxMinutes', '30'],
    ['idleLockMinutes', true],
    ['contentPromptEnabled', 'false'],
    ['helpdeskUrl', 42],
    ['helpdeskText', ['x']],
    ['copyAsCliEnabled', 0],
    ['askAdminEnabled', 'false'],
    ['endpoints', 'https://x.example'],
  ];
  it.each(wrong)('%s = %j → wrong-type, the other keys still apply', (key, value) => {
    const { policy, errors } = parse({ [key]: value, copyAsCliEnabled: key === 'copyAsCliEnabled' ? value : true });
    expect(errors).toEqual([{ key, problem: 'wrong-type' }]);
    expect(key in policy).toBe(false);
    if (key !== 'copyAsCliEnabled') expect(policy.copyAsCliEnabled).toBe(true);
  });

  it('reports values of the right type but out of range or not allowed', () => {
    const { policy, errors } = parse({
      partition: 'aws-mars',
      idleLockMinutes: 0,
      sessionMaxMinutes: 100_000,
      helpdeskUrl: 'javascript:alert(1)',
      helpdeskText: '   ',
      contentPromptEnabled: false,
    });
    expect(errors).toEqual<PolicyError[]>([
      { key: 'partition', problem: 'unknown-partition' },
      { key: 'idleLockMinutes', problem: 'out-of-range' },
      { key: 'sessionMaxMinutes', problem: 'out-of-range' },
      { key: 'helpdeskUrl', problem: 'url-not-allowed' },
      { key: 'helpdeskText', problem: 'empty' },
    ]);
    expect(policy).toEqual({ contentPromptEnabled: false });
  });

  it('rejects fractional minutes, over-long texts, and helpdesk URLs that are not https or carry credentials', () => {
    expect(parse({ idleLockMinutes: 2.5 }).errors).toEqual([{ key: 'idleLockMinutes', problem: 'not-whole-minutes' }]);
    expect(parse({ helpdeskText: 'x'.repeat(501) }).errors).toEqual([{ key: 'helpdeskText', problem: 'too-long' }]);
    for (const url of ['http://help.example', 'data:text/html,x', 'https://user:pw@help.example', 'not a url']) {
      expect(parse({ helpdeskUrl: url }).errors).toEqual([{ key: 'helpdeskUrl', problem: 'url-not-allowed' }]);
    }
  });

  it('checks endpoint sub-keys one by one', () => {
    const { policy, errors } = parse({ endpoints: { fips: 'yes', dualStack: true, override: 7, region: 'x' } });
    expect(policy.endpoints).toEqual({ dualStack: true });
    expect(errors).toEqual([
      { key: 'endpoints.fips', problem: 'wrong-type' },
      { key: 'endpoints.override', problem: 'wrong-type' },
      { key: 'endpoints.region', problem: 'unknown-key' },
    ]);
    expect(parse({ endpoints: { override: 'ftp://x.example' } }).errors).toEqual([
      { key: 'endpoints.override', problem: 'endpoint-not-allowed' },
    ]);
  });

  it('reports unknown keys without applying anything for them', () => {
    const { policy, errors } = parse({ allowedAccountIDs: ['123456789012'], colour: 'red', idleLockMinutes: 5 });
    expect(policy).toEqual({ idleLockMinutes: 5 });
    expect(errors).toEqual([
      { key: 'allowedAccountIDs', problem: 'unknown-key' },
      { key: 'colour', problem: 'unknown-key' },
    ]);
  });

  it('treats keys named like Object.prototype members as unknown, never as settings', () => {
    const raw = JSON.parse('{"constructor": 1, "toString": "x", "__proto__": {"allowLongTermKeys": true}}') as unknown;
    const { policy, errors } = parse(raw);
    expect(policy).toEqual({});
    expect(errors.map((e) => e.key).sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('reports a policy that is not an object at all', () => {
    for (const raw of ['x', 3, [], true])
      expect(parse(raw)).toEqual({ policy: {}, errors: [{ key: '*', problem: 'not-an-object' }] });
  });
});

describe('parsePolicy: restrictions fail closed', () => {
  it('keeps the valid account ids and reports each invalid entry', () => {
    const { policy, errors } = parse({ allowedAccountIds: ['123456789012', '12345', 123456789013, null] });
    expect(policy.allowedAccountIds).toEqual(['123456789012']);
    expect(errors.map((e) => e.key)).toEqual(['allowedAccountIds[1]', 'allowedAccountIds[2]', 'allowedAccountIds[3]']);
    expect(new Set(errors.map((e) => e.problem))).toEqual(new Set(['not-an-account-id']));
  });

  it('allows no account when the allowlist is malformed or has no valid id', () => {
    expect(parse({ allowedAccountIds: '123456789012' }).policy.allowedAccountIds).toEqual([]);
    expect(parse({ allowedAccountIds: ['nope'] }).policy.allowedAccountIds).toEqual([]);
    expect(isAccountAllowed({ allowedAccountIds: [] }, '123456789012')).toBe(false);
  });

  it('refuses long-term keys when allowLongTermKeys is not a boolean', () => {
    for (const value of ['false', 'true', 1, null]) {
      const { policy, errors } = parse({ allowLongTermKeys: value });
      expect(policy.allowLongTermKeys).toBe(false);
      expect(errors).toEqual([{ key: 'allowLongTermKeys', problem: 'wrong-type' }]);
    }
  });

  it('turns the check after a resync off when verifyAfterResyncEnabled is not a boolean', () => {
    for (const value of ['true', 1, null, {}]) {
      const { policy, errors } = parse({ verifyAfterResyncEnabled: value });
      expect(policy.verifyAfterResyncEnabled).toBe(false);
      expect(errors).toEqual([{ key: 'verifyAfterResyncEnabled', problem: 'wrong-type' }]);
      expect(mergePolicy(undefined, policy).verifyAfterResyncEnabled).toBe(false);
    }
    expect(mergePolicy(undefined, parse({ verifyAfterResyncEnabled: true }).policy).verifyAfterResyncEnabled).toBe(
      true,
    );
    // On unless an admin says otherwise; users have no setting for it.
    expect(mergePolicy({ verifyAfterResyncEnabled: false }, {}).verifyAfterResyncEnabled).toBe(true);
  });

  it('offers "Ask an admin" unless the policy says askAdminEnabled: false', () => {
    expect(mergePolicy(undefined, parse({ askAdminEnabled: false }).policy).askAdminEnabled).toBe(false);
    expect(mergePolicy(undefined, parse({ askAdminEnabled: true }).policy).askAdminEnabled).toBe(true);
    // Not a restriction on credentials: a malformed value is reported and the default stands.
    expect(mergePolicy(undefined, parse({ askAdminEnabled: 'no' }).policy).askAdminEnabled).toBe(true);
    expect(mergePolicy({ askAdminEnabled: false }, {}).askAdminEnabled).toBe(true);
  });
});

describe('managed_schema.json (Chrome) matches the parser', () => {
  const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed_schema.json'), 'utf8')) as {
    type: string;
    properties: Record<string, { type: string; properties?: Record<string, { type: string }> }>;
  };

  it('declares exactly the policy keys, and the endpoint sub-keys', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(Object.keys(schema.properties['endpoints']?.properties ?? {}).sort()).toEqual(
      [...ENDPOINT_POLICY_KEYS].sort(),
    );
  });

  it('declares types the parser accepts (Chrome drops values of any other type)', () => {
    const sample: Record<string, unknown> = { array: ['123456789012'], boolean: true, integer: 5, string: 'aws' };
    const valueFor = (key: string, type: string): unknown =>
      key === 'helpdeskUrl'
        ? 'https://help.example'
        : key === 'helpdeskTicketUrlTemplate'
          ? 'https://help.example/new?user={user}'
          : key === 'endpoints'
            ? { fips: true }
            : sample[type];
    for (const [key, { type }] of Object.entries(schema.properties)) {
      expect(parse({ [key]: valueFor(key, type) }).errors, key).toEqual([]);
    }
  });
});
