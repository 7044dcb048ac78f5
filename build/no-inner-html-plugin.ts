import type { Plugin } from 'vite';

// Preact's renderer assigns `dom.innerHTML` for `dangerouslySetInnerHTML`, which this extension
// never uses; it is the one place in the bundles that writes HTML from a string, and the only
// warning `web-ext lint` (UNSAFE_VAR_ASSIGNMENT) has about the build. Instead of suppressing the
// warning, the build replaces that assignment with a throw: the capability is gone, not hidden,
// and a component that ever tried it fails loudly. If a Preact upgrade changes the code, the build
// stops here rather than silently shipping the assignment again.
const PREACT_CORE = /\/node_modules\/preact\/dist\/preact\.mjs$/;
const ASSIGNMENT = /\(\s*(\w+)\.innerHTML\s*=\s*(\w+)\.__html\s*\)/g;

export function noInnerHtml(): Plugin {
  return {
    name: 'no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_CORE.test(id.split('?')[0] ?? id)) return null;
      const found = code.match(ASSIGNMENT) ?? [];
      if (found.length !== 1) {
        this.error(
          `expected one innerHTML assignment in ${id}, found ${found.length}: update build/no-inner-html-plugin.ts`,
        );
      }
      return {
        code: code.replace(ASSIGNMENT, '(()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()'),
        map: null,
      };
    },
  };
}
