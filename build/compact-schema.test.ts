import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compactCheck, type CompactCheck } from '../src/shared/compact-check';
import { RESPONSE_VALUE, replySchema, type ExtensionPageRequest } from '../src/shared/messages';
import { checksModuleSource, describeSchema } from './compact-schema';
import { replyChecks } from './reply-checks-plugin';

// The popup's compact reply check must answer exactly as valibot does for every reply schema.
// valibot is the oracle; the values come from an arbitrary that builds mostly-valid replies from
// the description and corrupts some nodes (wrong type, extra key, missing key, one char too long,
// not a URL), so both the accept and the reject paths are exercised deep inside each reply.

const TYPES = Object.keys(RESPONSE_VALUE) as ExtensionPageRequest['type'][];
const CORRUPT = fc.oneof(fc.anything(), fc.constantFrom(undefined, null, NaN, '', 0, true, [], {}, 'x'.repeat(3000)));

function near(check: CompactCheck): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 40, arbitrary: valid(check) }, { weight: 1, arbitrary: CORRUPT });
}

function valid(check: CompactCheck): fc.Arbitrary<unknown> {
  switch (check.k) {
    case 'string': {
      if (check.url)
        return fc.oneof(
          { weight: 20, arbitrary: fc.webUrl() },
          { weight: 1, arbitrary: fc.constantFrom('not a url', 'https://', 'a'.repeat(3000)) },
        );
      const max = check.max ?? 40;
      return fc.oneof(
        { weight: 20, arbitrary: fc.string({ maxLength: Math.min(max, 40) }) },
        { weight: 1, arbitrary: fc.constantFrom('a'.repeat(max), 'a'.repeat(max + 1)) },
      );
    }
    case 'number':
      return fc.oneof(fc.double(), fc.integer());
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constant(check.v);
    case 'picklist':
      return fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...check.o) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      );
    case 'optional':
      return fc.oneof(fc.constant(undefined), near(check.w));
    case 'array':
      return fc.array(near(check.i), { maxLength: 3 });
    case 'variant':
      return fc.oneof(...check.o.map(valid));
    case 'object': {
      const keys = Object.keys(check.e);
      const record = fc.record(Object.fromEntries(keys.map((key) => [key, near(check.e[key] as CompactCheck)])), {
        requiredKeys: keys.filter((key) => check.e[key]?.k !== 'optional'),
      });
      return fc
        .tuple(
          record,
          fc.oneof(
            { weight: 30, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
          ),
          fc.nat(30),
        )
        .map(([value, extraKey, dropIndex]) => {
          const copy: Record<string, unknown> = { ...value };
          if (extraKey !== null) copy[extraKey] = 1;
          if (dropIndex === 0) delete copy[keys[0] as string];
          return copy;
        });
    }
  }
}

describe('compact reply checks', () => {
  for (const type of TYPES) {
    it(`answers like valibot for the ${type} reply`, () => {
      const schema = replySchema(type);
      const check = describeSchema(schema);
      let accepted = 0;
      fc.assert(
        fc.property(near(check), (value) => {
          const expected = v.is(schema, value);
          if (expected) accepted += 1;
          expect(compactCheck(check, value)).toBe(expected);
        }),
        { numRuns: 1500 },
      );
      // Both answers must actually occur, or the property above proves little.
      expect(accepted).toBeGreaterThan(20);
      expect(accepted).toBeLessThan(1500);
    });
  }

  it('refuses a schema it cannot describe, naming the construct and where', () => {
    const schema = v.strictObject({ ok: v.literal(true), value: v.strictObject({ when: v.date() }) });
    expect(() => describeSchema(schema)).toThrow(/schema 'date' at \.value\.when/);
    expect(() => describeSchema(v.object({ a: v.string() }))).toThrow(/schema 'object'/);
    expect(() => describeSchema(v.pipe(v.string(), v.email()))).toThrow(/string action 'email'/);
    expect(() => describeSchema(v.optional(v.string(), 'x'))).toThrow(/optional with a default/);
  });

  it('emits a module whose checks equal the descriptions, sharing repeated parts', async () => {
    const checks = replyChecks();
    const source = checksModuleSource(checks);
    const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
      checks: Record<string, CompactCheck>;
    };
    expect(module.checks).toEqual(checks);
    // The error view appears in every reply but is written out once.
    expect(source.match(/"awsCode"/g)).toHaveLength(1);
  });
});
