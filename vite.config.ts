import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { awsXmlParserWithoutDomParser } from './build/aws-xml-parser-plugin.ts';
import { compactSdkErrors } from './build/compact-sdk-errors-plugin.ts';
import { explicitEndpointsOnly } from './build/explicit-endpoints-plugin.ts';
import { noEventStreams } from './build/no-event-streams-plugin.ts';
import { plainDynamicImport } from './build/plain-dynamic-import-plugin.ts';
import { replyChecksModule } from './build/reply-checks-plugin.ts';
import { sandboxClock } from './build/sandbox-clock-plugin.ts';
import { noInnerHtml } from './build/no-inner-html-plugin.ts';
import { unreachableSdkFallbacks } from './build/unreachable-sdk-fallbacks-plugin.ts';
import { distDir } from './build/vite-build.ts';
import { manifestForTarget, type BuildVariant, type TargetBrowser } from './build/manifest-for-target.ts';

// One config, selected by env: TARGET_BROWSER=chrome|firefox, BUILD_VARIANT=release|sandbox.
// `npm run build` runs it for both browsers (scripts/build.ts).
const browser: TargetBrowser = process.env.TARGET_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const variant: BuildVariant = process.env.BUILD_VARIANT === 'sandbox' ? 'sandbox' : 'release';
const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const sourceManifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));

// --- Popup chunking (issue 17) ---
// The popup's on-demand views are one chunk by construction (popup/on-demand-views.ts). The small
// shared modules the popup needs at start and the background imports too (browser, partitions, the
// reply checks, Vite's preload helper) are one chunk instead of two: one modulepreload less for the
// popup. Without following dependencies (includeDependenciesRecursively: false below) the group
// takes only those modules, not Preact.
const popupChunkGroups = [
  {
    name: 'shared',
    test: /[\\/]src[\\/]shared[\\/](browser|partitions|serial-kind|resync-validation)\.ts$|vite[\\/]preload-helper/,
  },
];
// --- end popup chunking ---

export default defineConfig({
  root,
  define: {
    __SANDBOX_BUILD__: JSON.stringify(variant === 'sandbox'),
    __TARGET_BROWSER__: JSON.stringify(browser),
  },
  plugins: [
    awsXmlParserWithoutDomParser(),
    noEventStreams(),
    explicitEndpointsOnly(),
    compactSdkErrors(),
    unreachableSdkFallbacks(),
    replyChecksModule(),
    plainDynamicImport(),
    noInnerHtml(),
    ...(variant === 'sandbox' ? [sandboxClock()] : []),
    preact(),
    crx({ manifest: manifestForTarget(sourceManifest, pkg.version, browser, variant), browser }),
  ],
  build: {
    outDir: distDir(browser, variant),
    emptyOutDir: true,
    target: browser === 'chrome' ? 'chrome120' : 'firefox128',
    sourcemap: false,
    // Readable stack traces matter less than size here; the SDK is the bulk of the background, and
    // terser with two passes packs it ~4% tighter than the default minifier (npm run bench).
    minify: 'terser',
    terserOptions: { ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } },
    // Terser is that deliberate cost, and it is what rolldown's PLUGIN_TIMINGS notice reports on every
    // build over 3 s; switched off with its documented check (rolldown.rs/reference/InputOptions.checks).
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // Without following dependencies a group takes only the views it names, not Preact or the shared
      // modules the background imports too (rolldown requires allow-extension for that).
      preserveEntrySignatures: false,
      output: { codeSplitting: { groups: popupChunkGroups, includeDependenciesRecursively: false } },
    },
    // The popup's HTML names the chunks its entry imports, so they load in parallel with it instead
    // of after it (~4 ms sooner interactive, npm run bench); never from JS: the worker has no DOM.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
  },
});
