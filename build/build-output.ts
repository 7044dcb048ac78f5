// What `npm run build` shows of vite's own output. A clean build should print only what was built
// and its sizes, so lines known to be harmless noise are dropped; anything else (a new warning,
// an error) passes through unchanged.

const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');

/**
 * Lines that are not problems, each with why it cannot be switched off where it starts:
 * - @crxjs/vite-plugin 3.0.0 builds the `.iife` content script in a vite sub-build of its own
 *   (`createIifeConfig`, `configFile: false`) that sets `output.inlineDynamicImports` although vite 8
 *   already sets `codeSplitting: false` for the iife format. Rolldown then prints its deprecation
 *   notice straight to its console logger (not through `onLog`), so no config of ours reaches it.
 *   The bundle is the one crxjs intends: one file, no chunks.
 * - The same sub-build's progress lines, which `npm run build`'s own summary replaces.
 */
const NOISE: RegExp[] = [
  /^\s*WARN\s+`?inlineDynamicImports`? option is ignored because `?codeSplitting: false`? is set\.\s*$/,
  /^\s*\[crx:content-scripts-iife\] (Building \d+ content script\(s\) as IIFE\.\.\.|IIFE build complete)\s*$/,
  /^\s*✓ \S+ → \S+\.js\s*$/,
];

/** vite's output without the known noise and the blank lines around it. */
export function quietBuildOutput(output: string): string {
  const kept = output.split('\n').filter((line) => !NOISE.some((noise) => noise.test(line.replace(ANSI, ''))));
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}
