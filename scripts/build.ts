import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { measureContexts } from '../bench/bundle-sizes';
import { quietBuildOutput } from '../build/build-output';

// Builds the extension for both browsers from the one manifest. `--sandbox` builds the variant
// that may also reach the loopback sandbox (tests and the demo); nothing else differs.
// A clean build prints one line per browser: where it went, how long it took, what each context
// loads (gzip is what the size budgets count, `npm run bench:check`).
const variant = process.argv.includes('--sandbox') ? 'sandbox' : 'release';
const browsers = ['chrome', 'firefox'] as const;
const root = resolve(import.meta.dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

for (const browser of browsers) {
  const started = Date.now();
  const result = spawnSync(resolve(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TARGET_BROWSER: browser, BUILD_VARIANT: variant },
  });
  const output = quietBuildOutput(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (output) console.error(output);
  if (result.status !== 0) {
    console.error(`build: vite failed for ${browser} (${variant}), exit ${result.status ?? result.signal}`);
    process.exit(result.status ?? 1);
  }
  const dir = variant === 'sandbox' ? `dist/${browser}-sandbox` : `dist/${browser}`;
  const sizes = measureContexts(resolve(root, dir))
    .map((c) => `${c.context} ${kb(c.minBytes)} (${kb(c.gzipBytes)} gzip)`)
    .join(', ');
  console.log(`built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${sizes}`);
}
