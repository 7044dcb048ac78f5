import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { BuildVariant, TargetBrowser } from './manifest-for-target.ts';

// One vite build of the extension with the project's own config (vite.config.ts), chosen by the
// env it reads and overridden only by CLI flags. `npm run build`, the bench, the release and the
// licence check all build through here, so they build the same thing the same way.

export const ROOT = resolve(import.meta.dirname, '..');

/** Where vite.config.ts puts a build unless told otherwise: dist/chrome, dist/firefox-sandbox, … */
export function distDir(browser: TargetBrowser, variant: BuildVariant): string {
  return resolve(ROOT, 'dist', variant === 'sandbox' ? `${browser}-sandbox` : browser);
}

export interface ViteBuildOptions {
  browser: TargetBrowser;
  variant: BuildVariant;
  /** Default: distDir(browser, variant). */
  outDir?: string;
  /** 'hidden' writes .map files without a sourceMappingURL comment, so the JS bytes are unchanged. */
  sourcemap?: 'hidden';
  logLevel?: 'warn' | 'error';
}

export interface ViteBuildResult {
  dir: string;
  ok: boolean;
  /** vite's stdout and stderr: empty on a quiet success, the reason on a failure. */
  output: string;
  exit: string;
}

export function viteBuild(options: ViteBuildOptions): ViteBuildResult {
  const dir = options.outDir ?? distDir(options.browser, options.variant);
  const args = ['build', '--logLevel', options.logLevel ?? 'error', '--outDir', dir, '--emptyOutDir'];
  if (options.sourcemap) args.push('--sourcemap', options.sourcemap);
  const result = spawnSync(resolve(ROOT, 'node_modules', '.bin', 'vite'), args, {
    cwd: ROOT,
    encoding: 'utf8',
    // Captured, not inherited: a build's output only matters when it fails (or warns).
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TARGET_BROWSER: options.browser, BUILD_VARIANT: options.variant },
  });
  return {
    dir,
    ok: result.status === 0,
    output: `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim(),
    exit: result.status === null ? `signal ${result.signal ?? '?'}` : `exit ${result.status}`,
  };
}

/** viteBuild that throws with vite's output when the build fails; returns the build's directory. */
export function buildOrThrow(options: ViteBuildOptions): string {
  const result = viteBuild(options);
  if (!result.ok) {
    throw new Error(`vite build (${options.browser}, ${options.variant}) failed (${result.exit}):\n${result.output}`);
  }
  return result.dir;
}
