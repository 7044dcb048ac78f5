import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactErrors } from './compact-sdk-errors-plugin';

// The compact errors module must build the same errors as the SDK's own file: both are evaluated
// against one stand-in base class (shaped like smithy's ServiceException) and every export is
// compared: static shapeId and name, instance fields in order, prototype chain, instanceof.

const require = createRequire(import.meta.url);
function sdkErrorsSource(client: 'iam' | 'sts'): string {
  const pkg = require.resolve(`@aws-sdk/client-${client}/package.json`);
  return readFileSync(join(dirname(pkg), 'dist-es', 'models', 'errors.js'), 'utf8');
}

class FakeServiceException extends Error {
  $fault: string;
  $metadata: unknown;
  constructor(options: { name: string; $fault: string; message?: string; $metadata?: unknown }) {
    super(options.message);
    Object.setPrototypeOf(this, Object.getPrototypeOf(this).constructor.prototype);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }
}

type ErrorClass = (new (opts: Record<string, unknown>) => Error) & { shapeId: string };

/** Evaluates an errors module (one import line, then exports) with FakeServiceException as its base. */
function evaluate(source: string): Record<string, ErrorClass> {
  const body = source.replace(/^import .*\n/, '').replace(/^export (class|const) /gm, '$1 ');
  const names = [...source.matchAll(/^export (?:class|const) (\w+)/gm)].map((m) => m[1]);
  const factory = new Function('__BaseException', `${body}\nreturn { ${names.join(', ')} };`);
  return factory(FakeServiceException) as Record<string, ErrorClass>;
}

describe('compact SDK errors', () => {
  for (const client of ['iam', 'sts'] as const) {
    it(`builds the same ${client.toUpperCase()} error classes as the SDK`, () => {
      const original = evaluate(sdkErrorsSource(client));
      const compact = evaluate(compactErrors(sdkErrorsSource(client)));
      expect(Object.keys(compact)).toEqual(Object.keys(original));
      expect(Object.keys(original).length).toBeGreaterThan(client === 'iam' ? 30 : 5);
      for (const [name, Original] of Object.entries(original)) {
        const Compact = compact[name];
        if (!Compact) throw new Error(`${name} is missing from the compact module`);
        expect(Compact.name).toBe(Original.name);
        expect(Compact.shapeId).toBe(Original.shapeId);
        const opts = { message: `m-${name}`, $metadata: { httpStatusCode: 400 }, Message: 'detail' };
        const [a, b] = [new Original(opts), new Compact(opts)];
        expect(b).toBeInstanceOf(Compact);
        expect(b).toBeInstanceOf(FakeServiceException);
        expect(b).toBeInstanceOf(Error);
        expect(Object.getPrototypeOf(b)).toBe(Compact.prototype);
        expect(b.message).toBe(a.message);
        // Own fields, in order, with their values (Message only where the SDK copies it).
        expect(Object.entries(b)).toEqual(Object.entries(a));
      }
    });
  }

  it('refuses an error class of a shape it does not know', () => {
    const source = sdkErrorsSource('sts').replace(
      '    $fault = "client";\n',
      '    $fault = "client";\n    Extra = 1;\n',
    );
    expect(() => compactErrors(source)).toThrow(/unrecognised code/);
  });

  it('refuses a file whose import line changed', () => {
    expect(() => compactErrors(`import { X } from "./X";\n`)).toThrow(/unexpected import line/);
  });
});
