import type { Plugin } from 'vite';

// Vite wraps every dynamic import() in `__vitePreload`, a helper (~0.7 KB gzip) that first fetches
// the imported chunk's CSS and nested imports. The popup's lazy chunks import no CSS and only
// chunks the popup has already loaded, so there is nothing to preload: the helper becomes a plain
// call of the import. A lazy chunk that needed CSS would show unstyled, so the unit test
// build/plain-dynamic-import-plugin.test.ts keeps that assumption checked on the built popup.
const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

export function plainDynamicImport(): Plugin {
  return {
    name: 'plain-dynamic-import',
    enforce: 'pre',
    load(id) {
      return id === PRELOAD_HELPER_ID ? 'export const __vitePreload = (load) => load();' : null;
    },
  };
}
