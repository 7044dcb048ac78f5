import { relative } from 'node:path';
import { measureContexts } from '../build/bundle-sizes';
import { quietBuildOutput } from '../build/build-output';
import { ROOT, viteBuild } from '../build/vite-build';

// Builds the extension for both browsers from the one manifest. `--sandbox` builds the variant
// that may also reach the loopback sandbox (tests and the demo); nothing else differs.
// A clean build prints one line per browser: where it went, how long it took, what each context
// loads (gzip is what the size budgets count, `npm run bench:check`).
const variant = process.argv.includes('--sandbox') ? 'sandbox' : 'release';
const browsers = ['chrome', 'firefox'] as const;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

for (const browser of browsers) {
  const started = Date.now();
  const result = viteBuild({ browser, variant, logLevel: 'warn' });
  const output = quietBuildOutput(result.output);
  if (output) console.error(output);
  if (!result.ok) {
    console.error(`build: vite failed for ${browser} (${variant}), ${result.exit}`);
    process.exit(1);
  }
  const sizes = measureContexts(result.dir)
    .map((c) => `${c.context} ${kb(c.minBytes)} (${kb(c.gzipBytes)} gzip)`)
    .join(', ');
  console.log(`built ${relative(ROOT, result.dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${sizes}`);
}
