import type { Plugin } from 'vite';

// @aws-sdk/client-iam and client-sts declare every modelled service error (38 for IAM) as its own
// class of a dozen lines that differ only in name, fault, and whether it copies `Message` or carries
// `$retryable`. The schemas register all of them, so none tree-shakes away: ~13 KB minified. This
// rewrites each file as the same classes made by one factory: same export names, `shapeId`, `name`,
// `$fault`, prototype chain (so `instanceof` and `err.name` behave as before), `Message`, and
// `$retryable`. If the SDK ever emits a class of another shape, the build fails instead of dropping
// what that class did.
const ERRORS = /[\\/]@aws-sdk[\\/]client-(iam|sts)[\\/]dist-es[\\/]models[\\/]errors\.js$/;
const HEADER = /^import \{ (\w+) as __BaseException \} from "(\.\/\w+)";\n/;
const CLASS = new RegExp(
  [
    String.raw`export class (\w+) extends __BaseException \{\n`,
    String.raw` {4}static shapeId = "([\w.]+#)\1";\n`,
    String.raw` {4}name = "\1";\n`,
    String.raw` {4}\$fault = "(client|server)";\n`,
    String.raw`( {4}Message;\n)?( {4}\$retryable = \{\};\n)?`,
    String.raw` {4}constructor\(opts\) \{\n`,
    String.raw` {8}super\(\{\n {12}name: "\1",\n {12}\$fault: "\3",\n {12}\.\.\.opts,\n {8}\}\);\n`,
    String.raw` {8}Object\.setPrototypeOf\(this, \1\.prototype\);\n`,
    String.raw`( {8}this\.Message = opts\.Message;\n)?`,
    String.raw` {4}\}\n\}\n`,
  ].join(''),
  'g',
);

/** The compact module for one errors.js, or an Error saying which part did not fit the pattern. */
export function compactErrors(code: string): string {
  const header = HEADER.exec(code);
  if (!header) throw new Error('compact-sdk-errors: unexpected import line');
  const exports: string[] = [];
  let namespace = '';
  const rest = code.slice(header[0].length).replace(CLASS, (_all, name, ns, fault, field, retryable, copy) => {
    if (Boolean(field) !== Boolean(copy)) throw new Error(`compact-sdk-errors: ${name} declares Message oddly`);
    if (namespace && ns !== namespace) throw new Error(`compact-sdk-errors: ${name} has another namespace`);
    namespace = ns;
    const flags = `${copy ? 1 : 0}, ${retryable ? 1 : 0}`;
    exports.push(`export const ${name} = /* @__PURE__ */ serviceError("${name}", "${fault}", ${flags});`);
    return '';
  });
  if (rest.trim() !== '') throw new Error(`compact-sdk-errors: unrecognised code: ${rest.trim().slice(0, 120)}`);
  if (exports.length === 0) throw new Error('compact-sdk-errors: no error classes found');
  return [
    `import { ${header[1]} as __BaseException } from "${header[2]}";`,
    'const serviceError = (errorName, fault, copiesMessage, retryable) => {',
    '  const E = class extends __BaseException {',
    `    static shapeId = "${namespace}" + errorName;`,
    '    static name = errorName;',
    '    name = errorName;',
    '    $fault = fault;',
    '    constructor(opts) {',
    '      super({ name: errorName, $fault: fault, ...opts });',
    '      Object.setPrototypeOf(this, E.prototype);',
    '      if (retryable) this.$retryable = {};',
    '      if (copiesMessage) this.Message = opts.Message;',
    '    }',
    '  };',
    '  return E;',
    '};',
    ...exports,
    '',
  ].join('\n');
}

export function compactSdkErrors(): Plugin {
  return {
    name: 'compact-sdk-errors',
    enforce: 'pre',
    transform(code, id) {
      return ERRORS.test(id) ? { code: compactErrors(code), map: null } : null;
    },
  };
}
