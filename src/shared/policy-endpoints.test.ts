import { describe, expect, it } from 'vitest';
import { endpointRefusal } from './partitions';
import { mergePolicy } from './effective-settings';
import { parsePolicy } from './policy';

// A policy that asks for an endpoint its partition does not have: reported, and kept as written,
// so every call is refused instead of going to a standard host the admin did not ask for.
const parse = (raw: unknown) => parsePolicy(raw, { sandboxBuild: false });

describe('policy endpoints a partition does not offer', () => {
  it('reports FIPS in aws-cn and keeps it, so nothing is sent', () => {
    const { policy, errors } = parse({ partition: 'aws-cn', endpoints: { fips: true } });
    expect(errors).toEqual([{ key: 'endpoints.fips', problem: 'endpoint-not-offered' }]);
    expect(policy.endpoints).toEqual({ fips: true });
    const effective = mergePolicy({}, policy);
    expect(endpointRefusal({ ...effective })).toBe('no-fips');
  });

  it('reports FIPS with dual-stack in aws-us-gov', () => {
    const { errors } = parse({ partition: 'aws-us-gov', endpoints: { fips: true, dualStack: true } });
    expect(errors).toEqual([{ key: 'endpoints', problem: 'endpoint-not-offered' }]);
  });

  it('accepts every combination the partition has, and any combination with an override', () => {
    for (const raw of [
      { partition: 'aws', endpoints: { fips: true, dualStack: true } },
      { partition: 'aws-us-gov', endpoints: { fips: true } },
      { partition: 'aws-us-gov', endpoints: { dualStack: true } },
      { partition: 'aws-cn', endpoints: { dualStack: true } },
      { partition: 'aws-cn', endpoints: { fips: true, override: 'https://gw.example.com' } },
      // The partition is the user's (or the credentials'): refused at call time, not here.
      { endpoints: { fips: true } },
    ]) {
      expect(parse(raw).errors, JSON.stringify(raw)).toEqual([]);
    }
  });
});
