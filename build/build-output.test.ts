import { describe, expect, it } from 'vitest';
import { quietBuildOutput } from './build-output';

// The output of `vite build --logLevel warn` for one browser as vite 8.3 + crxjs 3.0 print it today.
const TODAY = [
  '',
  '\u001b[36m[crx:content-scripts-iife] Building 1 content script(s) as IIFE...\u001b[39m',
  '',
  ' WARN  inlineDynamicImports option is ignored because codeSplitting: false is set.',
  '',
  '\u001b[32m  ✓ index.iife.ts → src/content/index.iife.js\u001b[39m',
  '\u001b[36m[crx:content-scripts-iife] IIFE build complete\u001b[39m',
  '',
].join('\n');

describe('quietBuildOutput', () => {
  it('drops the known crxjs sub-build noise, leaving nothing for a clean build', () => {
    expect(quietBuildOutput(TODAY)).toBe('');
  });

  it('keeps any other warning, and every error, word for word', () => {
    const other = ' WARN  `advancedChunks` option is ignored because `codeSplitting` is set to `false`.';
    const error = 'error during build:\n[vite]: Rollup failed to resolve import "x" from "popup/main.tsx".';
    const out = quietBuildOutput(`${TODAY}\n${other}\n\n\n\n${error}\n`);
    expect(out).toBe(`${other}\n\n${error}`);
  });

  it('keeps a failed content-script build, which crxjs reports with a cross', () => {
    const failed = '  ✗ Failed to build src/content/index.iife.ts: SyntaxError';
    expect(quietBuildOutput(`${TODAY}${failed}`)).toBe(failed);
  });
});
