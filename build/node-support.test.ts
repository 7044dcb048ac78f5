import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// package.json's engines range is what `npm start` and `npm test` check before anything else loads
// (scripts/preflight.cjs). It must be exactly the Node.js versions every installed package supports,
// and the AWS SDK must stay on its Node 20 line (README, "Node.js support").

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { supports } = require('../scripts/preflight.cjs') as { supports: (version: string, range: string) => boolean };
// semver comes with the toolchain (a dev dependency of several tools), not as our own dependency.
const semver = require('semver') as { satisfies: (version: string, range: string) => boolean };

interface LockEntry {
  version?: string;
  engines?: { node?: string };
  optional?: boolean;
}
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const installed = Object.entries(lock.packages)
  .filter(([path]) => path !== '')
  .map(([path, entry]) => ({ name: path.split('node_modules/').pop() ?? path, ...entry }));
// Platform binaries (optional) that npm skips on this machine would add ranges for other systems.
const required = installed.filter((p) => !p.optional && p.engines?.node);

const VERSIONS = ['16.20.2', '18.20.8', '20.0.0', '20.18.3', '20.19.0', '20.20.2', '21.7.3', '22.12.0'].concat([
  '22.13.0',
  '22.21.1',
  '23.11.1',
  '24.0.0',
  '24.11.1',
  '25.2.1',
  '26.0.0',
]);

describe('supported Node.js versions', () => {
  it.each(VERSIONS)('package.json engines says %s exactly when every installed package supports it', (v) => {
    const everyPackage = required.every((p) => semver.satisfies(v, p.engines?.node ?? '*'));
    expect(supports(v, pkg.engines.node)).toBe(everyPackage);
    expect(semver.satisfies(v, pkg.engines.node)).toBe(everyPackage);
  });

  it('pins the AWS SDK clients exactly, and every @aws-sdk / @smithy package runs on Node 20.19', () => {
    for (const client of ['@aws-sdk/client-iam', '@aws-sdk/client-sts']) {
      expect(pkg.dependencies[client]).toMatch(/^\d+\.\d+\.\d+$/);
    }
    const sdk = installed.filter((p) => /^@(aws-sdk|smithy)\//.test(p.name));
    expect(sdk.length).toBeGreaterThan(10);
    const needsNewer = sdk.filter((p) => !semver.satisfies('20.19.0', p.engines?.node ?? '*'));
    expect(needsNewer.map((p) => `${p.name}@${p.version} ${p.engines?.node}`)).toEqual([]);
  });
});

describe('scripts/preflight.cjs', () => {
  const run = (fakeVersion?: string) => {
    // Pretends to be another Node.js before the script reads process.versions.node.
    const fake = fakeVersion
      ? ['--import', `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${fakeVersion}"})`]
      : [];
    return spawnSync(process.execPath, [...fake, resolve(ROOT, 'scripts', 'preflight.cjs')], { encoding: 'utf8' });
  };

  it('passes silently on this Node.js', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(['18.20.8', '20.18.3', '23.11.1'])('stops on Node.js %s with what is needed, not a stack trace', (v) => {
    const result = run(v);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`needs Node.js ${pkg.engines.node}; this is Node.js ${v}.`);
    expect(result.stderr).toContain('npm ci');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an engines range it cannot read instead of letting every version through', () => {
    expect(() => supports('20.19.0', '~20.19')).toThrow(/cannot read the engines range/);
  });
});
