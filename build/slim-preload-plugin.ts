import type { Plugin } from 'vite';

// Vite wraps every dynamic import() in `__vitePreload(() => import(x), deps)`, a helper that adds
// <link rel=modulepreload> tags for x's imports and CSS at run time (~0.8 KB gzip). This build never
// needs it: vite.config.ts preloads a chunk's imports from the HTML only (resolveDependencies gives
// JS hosts no deps) and all CSS is the popup's one stylesheet, so every call is
// `__vitePreload(load, [])`, which is `load()`. Vite has no option to drop it
// (vitejs/vite#13952, #18551), so this loads the helper's module as just that. If a lazy chunk
// ever needs deps (its own CSS), vite writes `__vite__mapDeps`, and the build stops here instead
// of shipping a chunk whose styles never load.
const PRELOAD_HELPER = '\0vite/preload-helper.js';

export function slimPreloadHelper(): Plugin {
  return {
    name: 'slim-preload-helper',
    enforce: 'pre',
    load(id) {
      if (id !== PRELOAD_HELPER) return null;
      return 'export const __vitePreload = (load) => load();';
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps')) {
            this.error(
              `${chunk.fileName}: a dynamic import needs preloaded deps, which the slim preload helper cannot load`,
            );
          }
        }
      },
    },
  };
}
