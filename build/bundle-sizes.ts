import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

// What each extension context loads, read from the built manifest and the built files themselves
// (not from the bundler's metadata), so the numbers describe exactly what a browser would fetch.

/** The extension contexts whose code the size budgets count (bench/budgets.ts). */
export type BundleContext = 'popup' | 'background' | 'content';

export interface FileSize {
  /** Path relative to the build directory, with forward slashes. */
  file: string;
  minBytes: number;
  gzipBytes: number;
  /** Reached only through a dynamic import(): fetched when that code path first runs. */
  lazy: boolean;
}

export interface ContextSize {
  context: BundleContext;
  /** everything the context can load, lazy chunks included: what the budget counts */
  minBytes: number;
  gzipBytes: number;
  /** only what loads when the context starts: no chunk reached only through a dynamic import() */
  eagerGzipBytes: number;
  files: FileSize[];
}

interface ManifestShape {
  action?: { default_popup?: string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

/** gzip level 9 per file: each file is stored and fetched on its own, so sizes add per file. */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(data, { level: 9 }).length;
}

const toPosix = (path: string): string => path.split(sep).join('/');

interface ImportRef {
  specifier: string;
  dynamic: boolean;
}

/**
 * Module references in minified ESM output. Static: `import"x"`, `from"x"`. Dynamic: `import("x")`.
 * `getURL("x")` is how the crx content-script loader pulls its module in, right away. Bare
 * specifiers that happen to sit in strings (an SDK error text mentions `import "@aws-sdk/…"`)
 * are dropped later because they resolve to no file in the build.
 */
export function importRefs(code: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const quoted = String.raw`(["'\x60])([^"'\x60\s]+)\1`;
  for (const m of code.matchAll(new RegExp(String.raw`(?:\bfrom|\bimport)\s*${quoted}`, 'g'))) {
    if (m[2]) refs.push({ specifier: m[2], dynamic: false });
  }
  for (const m of code.matchAll(new RegExp(String.raw`\bimport\(\s*${quoted}\s*\)`, 'g'))) {
    if (m[2]) refs.push({ specifier: m[2], dynamic: true });
  }
  for (const m of code.matchAll(new RegExp(String.raw`\bgetURL\(\s*${quoted}`, 'g'))) {
    if (m[2]) refs.push({ specifier: m[2], dynamic: false });
  }
  return refs;
}

/** The built file a specifier names, or undefined for bare names and anything outside the build. */
function resolveRef(root: string, fromFile: string, specifier: string, fromGetUrl: boolean): string | undefined {
  let target: string;
  if (specifier.startsWith('./') || specifier.startsWith('../')) target = resolve(dirname(fromFile), specifier);
  else if (specifier.startsWith('/')) target = resolve(root, `.${specifier}`);
  else if (fromGetUrl || specifier.startsWith('assets/')) target = resolve(root, specifier);
  else return undefined;
  target = normalize(target.split('?')[0] ?? target);
  // Only code and styles count: getURL() also names icons and pages the context never executes.
  if (!/\.(m?js|css)$/.test(target)) return undefined;
  return target.startsWith(root + sep) && existsSync(target) ? target : undefined;
}

/** Every file reachable from `entries`; a file is lazy only if no static path reaches it. */
export function reachableFiles(root: string, entries: string[]): Map<string, boolean> {
  const lazyOf = new Map<string, boolean>();
  const queue: Array<{ file: string; lazy: boolean }> = entries.map((file) => ({ file, lazy: false }));
  while (queue.length > 0) {
    const { file, lazy } = queue.shift() ?? { file: '', lazy: false };
    const known = lazyOf.get(file);
    if (known !== undefined && (known === lazy || !known)) continue;
    lazyOf.set(file, lazy);
    if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
    const code = readFileSync(file, 'utf8');
    const getUrlSpecs = new Set([...code.matchAll(/\bgetURL\(\s*(["'`])([^"'`\s]+)\1/g)].map((m) => m[2]));
    for (const ref of importRefs(code)) {
      const target = resolveRef(root, file, ref.specifier, getUrlSpecs.has(ref.specifier));
      if (target) queue.push({ file: target, lazy: lazy || ref.dynamic });
    }
  }
  return lazyOf;
}

/**
 * The files an extension HTML page loads as it opens: its scripts, stylesheets and modulepreloads
 * (fetched with the page, so they count at start even if no static import named them).
 */
export function htmlEntries(root: string, htmlPath: string): string[] {
  const html = readFileSync(htmlPath, 'utf8');
  const linkHrefs = [...html.matchAll(/<link\b[^>]*>/gi)].flatMap(([tag]) => {
    const rel = /\brel=["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    return href && (rel === 'stylesheet' || rel === 'modulepreload') ? [href] : [];
  });
  const refs = [...[...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]), ...linkHrefs];
  return refs.flatMap((ref) => {
    if (!ref || /^[a-z]+:/i.test(ref)) return [];
    const target = ref.startsWith('/') ? resolve(root, `.${ref}`) : resolve(dirname(htmlPath), ref);
    return existsSync(target) ? [target] : [];
  });
}

export function contextEntries(root: string): Record<BundleContext, string[]> {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as ManifestShape;
  const popupHtml = manifest.action?.default_popup;
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  const content = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  return {
    popup: popupHtml ? htmlEntries(root, join(root, popupHtml)) : [],
    background: background.map((f) => join(root, f)),
    content: [...new Set(content)].map((f) => join(root, f)),
  };
}

export function measureContexts(buildDir: string): ContextSize[] {
  const root = resolve(buildDir);
  const entries = contextEntries(root);
  return (Object.keys(entries) as BundleContext[]).map((context) => {
    const files = [...reachableFiles(root, entries[context])].map(([path, lazy]): FileSize => {
      const data = readFileSync(path);
      return { file: toPosix(relative(root, path)), minBytes: data.length, gzipBytes: gzipSize(data), lazy };
    });
    files.sort((a, b) => b.minBytes - a.minBytes);
    return {
      context,
      minBytes: files.reduce((n, f) => n + f.minBytes, 0),
      gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      eagerGzipBytes: files.filter((f) => !f.lazy).reduce((n, f) => n + f.gzipBytes, 0),
      files,
    };
  });
}

/** Files that more than one context loads (a shared chunk is paid for in each). */
export function sharedFiles(
  contexts: ContextSize[],
): Array<{ file: string; contexts: BundleContext[]; minBytes: number }> {
  const byFile = new Map<string, { contexts: BundleContext[]; minBytes: number }>();
  for (const c of contexts) {
    for (const f of c.files) {
      const entry = byFile.get(f.file) ?? { contexts: [], minBytes: f.minBytes };
      entry.contexts.push(c.context);
      byFile.set(f.file, entry);
    }
  }
  return [...byFile].filter(([, e]) => e.contexts.length > 1).map(([file, e]) => ({ file, ...e }));
}
