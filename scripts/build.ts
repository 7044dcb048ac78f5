import { spawnSync } from 'node:child_process';

// Builds the extension for both browsers from the one manifest. `--sandbox` builds the variant
// that may also reach the loopback sandbox (tests and the demo); nothing else differs.
const variant = process.argv.includes('--sandbox') ? 'sandbox' : 'release';
const browsers = ['chrome', 'firefox'] as const;

for (const browser of browsers) {
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, TARGET_BROWSER: browser, BUILD_VARIANT: variant },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  const dir = variant === 'sandbox' ? `dist/${browser}-sandbox` : `dist/${browser}`;
  console.log(`built ${dir} in ${Date.now() - started} ms`);
}
