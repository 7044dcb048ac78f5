import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allEndpointHosts, endpointRefusal, resolveEndpoints, variantOf } from './partitions';

// The worker's fetch is blocked for any host without a host permission, so the two lists must be
// the same: every host a choice can send to is requested, and no IAM/STS host is requested unused.
const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  host_permissions: string[];
};

describe('endpoint hosts and manifest.json host_permissions', () => {
  it('request exactly the hosts the endpoint table sends to', () => {
    const requested = manifest.host_permissions.map((pattern) => /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1]);
    expect(requested.every((host) => host !== undefined)).toBe(true);
    expect([...requested].sort()).toEqual(allEndpointHosts().sort());
  });
});

describe('choosing a variant', () => {
  it('FIPS and dual-stack pick one of four variants', () => {
    expect(variantOf({})).toBe('standard');
    expect(variantOf({ fips: true })).toBe('fips');
    expect(variantOf({ dualStack: true })).toBe('dualStack');
    expect(variantOf({ fips: true, dualStack: true })).toBe('fipsDualStack');
  });

  it('sends FIPS and dual-stack together in aws instead of dropping dual-stack', () => {
    expect(resolveEndpoints({ partition: 'aws', fips: true, dualStack: true })).toEqual({
      iam: 'https://iam-fips.global.api.aws',
      sts: 'https://sts-fips.us-east-1.api.aws',
      region: 'us-east-1',
    });
  });

  it('refuses what a partition lacks instead of falling back to the standard host', () => {
    expect(endpointRefusal({ partition: 'aws-cn', fips: true })).toBe('no-fips');
    expect(endpointRefusal({ partition: 'aws-us-gov', fips: true, dualStack: true })).toBe('no-fips-dual-stack');
    expect(() => resolveEndpoints({ partition: 'aws-cn', fips: true })).toThrow(/aws-cn has no FIPS/);
    expect(endpointRefusal({ partition: 'aws-cn', fips: true, override: 'https://gw.example.com' })).toBeUndefined();
  });
});

describe('a refusal reaching the user', () => {
  it('maps to its own catalog code, whatever the action', async () => {
    const { mapAwsError } = await import('./map-aws-error');
    const { UnsupportedEndpointError } = await import('./partitions');
    expect(mapAwsError(new UnsupportedEndpointError('aws-cn', 'no-fips'), { action: 'GetCallerIdentity' })).toEqual({
      code: 'EndpointUnsupported',
      detail: 'aws-cn has no FIPS IAM/STS endpoints',
      operation: 'unlock',
    });
  });
});
