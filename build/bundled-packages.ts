import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRelative } from './sourcemap-attribution';

// Where the code in a build came from, read from the source maps of a hidden-sourcemap build
// (`vite build --sourcemap hidden`): the npm packages that actually ship, whatever the dependency
// tree says. docs/licenses.md must name every one of them (build/bundled-licenses.test.ts).

export interface BundleOrigins {
  /** npm package names with code in the build, sorted */
  packages: string[];
  /** map sources that are neither a package nor a file of this project (a bundler helper, say) */
  unknownSources: string[];
  /** scripts with no source map, relative to the build */
  unmappedScripts: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** `…/node_modules/@smithy/core/dist-es/x.js` → '@smithy/core'; the innermost node_modules wins. */
export function packageName(source: string): string | undefined {
  const path = source.replace(/\\/g, '/');
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [first = '', second = ''] = path.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

export function bundleOrigins(buildDir: string, projectRoot: string): BundleOrigins {
  const packages = new Set<string>();
  const unknownSources = new Set<string>();
  const unmappedScripts: string[] = [];
  // Only maps of scripts that exist: a source-map build also leaves maps of chunks it then drops
  // (crxjs's manifest and stub modules), which ship nothing.
  for (const script of filesUnder(buildDir).filter((f) => f.endsWith('.js'))) {
    if (!existsSync(`${script}.map`)) {
      unmappedScripts.push(relative(buildDir, script).replace(/\\/g, '/'));
      continue;
    }
    const { sources } = JSON.parse(readFileSync(`${script}.map`, 'utf8')) as { sources: string[] };
    for (const source of sources) {
      const name = packageName(source);
      if (name) packages.add(name);
      else if (!existsSync(join(projectRoot, projectRelative(source, script, projectRoot)))) unknownSources.add(source);
    }
  }
  return { packages: [...packages].sort(), unknownSources: [...unknownSources].sort(), unmappedScripts };
}
