import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

// Which source module (and so which npm package) each byte of a minified chunk came from, read
// from a hidden-sourcemap build. A small VLQ decoder instead of a source-map dependency: only
// package.json scripts may change here, and the format is tiny.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment ("AAgBC") into its signed integers. */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`invalid base64 VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

interface RawSourceMap {
  sources: string[];
  mappings: string;
}

/** Source index of every generated segment, line by line: [startColumn, sourceIndex | -1]. */
function segmentsByLine(map: RawSourceMap): Array<Array<[number, number]>> {
  let source = 0;
  return map.mappings.split(';').map((line) => {
    let column = 0;
    const segments: Array<[number, number]> = [];
    for (const text of line.split(',')) {
      if (text === '') continue;
      const fields = decodeVlq(text);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        segments.push([column, source]);
      } else segments.push([column, -1]);
    }
    return segments;
  });
}

/** Generated UTF-8 bytes per source file ('(unmapped)' for bytes no segment claims). */
export function bytesPerSource(code: string, map: RawSourceMap): Map<string, number> {
  const totals = new Map<string, number>();
  const add = (source: string, text: string) => {
    if (text.length > 0) totals.set(source, (totals.get(source) ?? 0) + Buffer.byteLength(text));
  };
  const lines = code.split('\n');
  const segments = segmentsByLine(map);
  lines.forEach((line, index) => {
    const row = segments[index] ?? [];
    add('(unmapped)', line.slice(0, row[0]?.[0] ?? line.length));
    row.forEach(([start, source], i) => {
      const end = row[i + 1]?.[0] ?? line.length;
      add(source >= 0 ? (map.sources[source] ?? '(unmapped)') : '(unmapped)', line.slice(start, end));
    });
    if (index < lines.length - 1) add('(unmapped)', '\n');
  });
  return totals;
}

/**
 * `node_modules/@smithy/core/dist-es/submodules/serde/x.js` → '@smithy/core/serde' (the SDK's
 * core packages bundle several submodules; which ones are in matters for shrinking); our own
 * files → their top folder. `source` is relative to the project root.
 */
export function packageOf(source: string): string {
  const path = source.replace(/\\/g, '/');
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? path);
    const sub = /\/dist-[a-z]+\/submodules\/([^/]+)\//.exec(path)?.[1];
    return sub ? `${name}/${sub}` : name;
  }
  if (path === '(unmapped)' || path.startsWith('..') || !path.includes('/')) return '(bundler runtime/unmapped)';
  const top = path.split('/');
  return `ours: ${top[0] === 'src' ? `src/${top[1] ?? ''}` : (top[0] ?? path)}/`;
}

/** A short readable module name: the path after the last node_modules/, or under the project. */
export function shortModule(source: string): string {
  const path = source.replace(/\\/g, '/');
  const at = path.lastIndexOf('node_modules/');
  return at >= 0 ? path.slice(at + 'node_modules/'.length).replace('/dist-es/', '/') : path;
}

/** Drops the content hash rolldown adds (`index.ts-CD3Cv2cT.js` → `index.ts`) to pair builds. */
export function chunkStem(file: string): string {
  return basename(file).replace(/-[A-Za-z0-9_-]{8}\.(m?js|css)$/, '');
}

/**
 * A map source as a project-relative path. Sources are meant to be relative to the map file, but
 * the crx plugin's IIFE content-script maps are relative to `assets/`; when the direct reading
 * lands outside the project, the longest path suffix that exists in the project wins.
 */
export function projectRelative(mapSource: string, chunkFile: string, projectRoot: string): string {
  const direct = resolve(dirname(chunkFile), mapSource);
  if (direct.startsWith(projectRoot + sep) && existsSync(direct))
    return relative(projectRoot, direct).replace(/\\/g, '/');
  const parts = mapSource
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '..' && p !== '.' && p !== '');
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (existsSync(join(projectRoot, candidate))) return candidate;
  }
  return mapSource;
}

export interface Attribution {
  /** minified bytes per package, largest first */
  packages: Array<{ name: string; bytes: number }>;
  modules: Array<{ name: string; bytes: number }>;
  /** chunks with no sourcemap counterpart (CSS, loaders): counted under their own name */
  unmatched: string[];
  /** true when every attributed chunk was byte-identical to the measured build */
  sameBytes: boolean;
}

const sortDesc = (m: Map<string, number>) =>
  [...m].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);

/**
 * The map build's chunk for a measured chunk. Several chunks can share a stem (every HTML entry
 * is `index.html-HASH.js`): identical content wins, else the closest size.
 */
function twinChunk(code: string, options: string[]): string | undefined {
  const identical = options.find((path) => readFileSync(path, 'utf8') === code);
  if (identical) return identical;
  const distance = (path: string) => Math.abs(readFileSync(path).length - Buffer.byteLength(code));
  return [...options].sort((a, b) => distance(a) - distance(b))[0];
}

/**
 * Attributes the given files of the measured build (`buildDir`) using the maps in `mapDir`, a
 * hidden-sourcemap build of the same tree. Chunks are paired by name without the hash; if a
 * concurrent edit changed a chunk between the two builds the attribution is flagged, not wrong
 * by much: it describes the map build's chunk.
 */
export function attribute(buildDir: string, files: string[], mapDir: string, projectRoot: string): Attribution {
  const candidates = new Map<string, string[]>();
  const assetsDir = join(mapDir, 'assets');
  for (const name of existsSync(assetsDir) ? readdirSync(assetsDir) : []) {
    if (!name.endsWith('.js')) continue;
    const stem = chunkStem(name);
    candidates.set(stem, [...(candidates.get(stem) ?? []), join(assetsDir, name)]);
  }
  const packages = new Map<string, number>();
  const modules = new Map<string, number>();
  const unmatched: string[] = [];
  let sameBytes = true;
  for (const file of files) {
    const measured = join(buildDir, file);
    const twin = file.startsWith('assets/')
      ? twinChunk(readFileSync(measured, 'utf8'), candidates.get(chunkStem(file)) ?? [])
      : join(mapDir, file); // fixed names (an IIFE content script) pair by path
    if (!twin || !existsSync(`${twin}.map`)) {
      unmatched.push(file);
      const bytes = readFileSync(measured).length;
      const label = file.endsWith('.css') ? 'ours: CSS' : `(no sourcemap) ${file}`;
      packages.set(label, (packages.get(label) ?? 0) + bytes);
      modules.set(file, bytes);
      continue;
    }
    const code = readFileSync(twin, 'utf8');
    if (code !== readFileSync(measured, 'utf8')) sameBytes = false;
    const map = JSON.parse(readFileSync(`${twin}.map`, 'utf8')) as RawSourceMap;
    for (const [mapSource, bytes] of bytesPerSource(code, map)) {
      // Map sources are relative to the map file; make them project-relative to name packages.
      const source = mapSource === '(unmapped)' ? mapSource : projectRelative(mapSource, twin, projectRoot);
      const pkg = packageOf(source);
      packages.set(pkg, (packages.get(pkg) ?? 0) + bytes);
      const mod = shortModule(source);
      modules.set(mod, (modules.get(mod) ?? 0) + bytes);
    }
  }
  return { packages: sortDesc(packages), modules: sortDesc(modules), unmatched, sameBytes };
}
