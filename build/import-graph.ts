import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

// The repo's own import graph, read with the TypeScript compiler: every static import, export-from,
// type import and dynamic import() of the source folders, resolved the way tsc resolves it
// (tsconfig.json), keeping only arrows between the repo's own files. Type-only imports count: a
// cycle through types still ties two modules together for whoever reads or moves them.

/** File (repo-relative, forward slashes) → the repo files it imports. */
export type ImportGraph = Map<string, Set<string>>;

const SOURCE_FILE = /\.tsx?$/;

function sourceFilesUnder(root: string, folder: string): string[] {
  const entries = readdirSync(join(root, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.split('/').includes('node_modules'));
}

function compilerOptionsOf(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}

export function importGraph(root: string, folders: readonly string[]): ImportGraph {
  const absoluteRoot = resolve(root);
  const options = compilerOptionsOf(absoluteRoot);
  const graph: ImportGraph = new Map();
  for (const file of folders.flatMap((folder) => sourceFilesUnder(absoluteRoot, folder))) {
    const absolute = join(absoluteRoot, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName: specifier } of importedFiles) {
      const resolved = ts.resolveModuleName(specifier, absolute, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = relative(absoluteRoot, resolved.resolvedFileName).split(sep).join('/');
      if (!target.startsWith('..') && !target.split('/').includes('node_modules')) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle's files in import order, first file repeated at the end; one cycle per strongly connected group. */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      const seen = state.get(target);
      if (seen === 'open') cycles.push([...path.slice(path.indexOf(target)), target]);
      else if (seen === undefined) visit(target);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** Arrows from a file under `from` to a file under `to` (folder prefixes like 'e2e/'). */
export function arrowsBetween(graph: ImportGraph, from: string, to: string): string[] {
  return [...graph].flatMap(([file, targets]) =>
    file.startsWith(from) ? [...targets].filter((target) => target.startsWith(to)).map((t) => `${file} → ${t}`) : [],
  );
}
