import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The builds the bench measures. Sizes come from `npm run build` itself (dist/chrome, dist/firefox);
// everything else the bench needs is built into a scratch directory outside the project, so it never
// races with someone's e2e run reading dist/chrome-sandbox, and prettier, tsc and git never see it.

export const ROOT = resolve(import.meta.dirname, '..');
export const TMP = join(tmpdir(), 'mfa-resync-bench');

export type Browser = 'chrome' | 'firefox';

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    // A build is quiet on success; its output only matters when it fails.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? 'signal'})`);
  }
}

/** The release builds users install, exactly as `npm run build` makes them. */
export function npmBuild(): { chrome: string; firefox: string } {
  run('npm', ['run', '--silent', 'build']);
  return { chrome: resolve(ROOT, 'dist', 'chrome'), firefox: resolve(ROOT, 'dist', 'firefox') };
}

export interface ViteBuildOptions {
  browser: Browser;
  variant: 'release' | 'sandbox';
  /** 'hidden' writes .map files without a sourceMappingURL comment, so the JS bytes are unchanged. */
  sourcemap?: 'hidden';
  outDir: string;
}

/** One vite build with the project's own config, overridden only by CLI flags. */
export function viteBuild(options: ViteBuildOptions): string {
  const args = ['build', '--logLevel', 'error', '--outDir', options.outDir, '--emptyOutDir'];
  if (options.sourcemap) args.push('--sourcemap', options.sourcemap);
  run(resolve(ROOT, 'node_modules', '.bin', 'vite'), args, {
    TARGET_BROWSER: options.browser,
    BUILD_VARIANT: options.variant,
  });
  return options.outDir;
}
