import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entriesOf, zipBytes, type ZipEntry } from './deterministic-zip.ts';
import { packCrx } from '../build/crx-package.ts';
import { buildOrThrow } from '../build/vite-build.ts';

// `npm run release`: everything a release needs, in dist/release/, from a clean checkout:
// the Chrome Web Store zip, the AMO xpi with the source archive and build instructions AMO review
// asks for, a signed CRX3 with updates.xml for enterprise self-hosting, and SHA256SUMS. The version
// comes from package.json alone. The zips are reproducible (scripts/deterministic-zip.ts) and the
// builds go to a scratch directory, so a release never disturbs dist/chrome or dist/firefox.
//
//   MFA_RESYNC_CRX_KEY=/secure/key.pem MFA_RESYNC_CRX_CODEBASE=https://intranet.example/mfa/ npm run release
//
// (MFA_RESYNC_CRX_KEY may also hold the PEM text itself, as a CI secret would.)
// The CRX key never lives in the repository (a path inside it is refused). Without one, the CRX is
// signed with a throwaway key made in a temp dir, for a dev run only: it gets another extension id,
// and the command says so.

const ROOT = resolve(import.meta.dirname, '..');
const NAME = 'mfa-resync-assistant';
const DEFAULT_CODEBASE = 'https://extensions.example.com/mfa-resync-assistant/';

export interface ReleaseOptions {
  outDir: string;
  /** Scratch space for the builds; emptied first. */
  workDir: string;
  /** PEM private key outside the repository; undefined signs with a throwaway dev key. */
  crxKeyPath?: string;
  codebase: string;
  log?: (line: string) => void;
}

export interface ReleaseResult {
  version: string;
  files: { chromeZip: string; xpi: string; source: string; instructions: string; crx: string; updatesXml: string };
  checksums: string;
  extensionId: string;
  devKey: boolean;
  dirtyTree: boolean;
}

type Manifest = Record<string, unknown> & { version: string; key?: string };

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Source maps, tests and fixtures never go into a package. */
export const NOT_PACKAGED = /(\.map$|\.test\.|\.e2e\.|(^|\/)e2e\/|(^|\/)fixtures\/)/;

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** `web-ext lint` on the Firefox build, as AMO will run it: any error or warning stops the release. */
function lintFirefox(dir: string): void {
  const result = spawnSync(
    resolve(ROOT, 'node_modules', '.bin', 'web-ext'),
    ['lint', '--source-dir', dir, '--output', 'json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  const report = JSON.parse(result.stdout || '{}') as {
    summary?: { errors: number; warnings: number };
    errors?: Array<{ code: string; message: string; file?: string }>;
    warnings?: Array<{ code: string; message: string; file?: string }>;
  };
  const findings = [...(report.errors ?? []), ...(report.warnings ?? [])];
  if (!report.summary || findings.length > 0) {
    const lines = findings.map((f) => `  ${f.code} ${f.file ?? ''}: ${f.message}`).join('\n');
    throw new Error(`web-ext lint must report 0 errors and 0 warnings:\n${lines || result.stderr}`);
  }
}

function builtManifest(dir: string, version: string): Manifest {
  const manifest = readJson<Manifest>(join(dir, 'manifest.json'));
  if (manifest.version !== version)
    throw new Error(`${dir}: manifest version ${manifest.version}, package.json ${version}`);
  const stray = entriesOf(dir).filter((e) => NOT_PACKAGED.test(e.name));
  if (stray.length > 0) throw new Error(`${dir} holds files no package may: ${stray.map((e) => e.name).join(', ')}`);
  return manifest;
}

/** The Chrome Web Store refuses a manifest `key` (the store assigns the id); the CRX keeps it. */
function withoutKey(entries: ZipEntry[], manifest: Manifest): ZipEntry[] {
  const { key: _key, ...storeManifest } = manifest;
  return entries.map((e) =>
    e.name === 'manifest.json' ? { name: e.name, data: Buffer.from(`${JSON.stringify(storeManifest, null, 2)}\n`) } : e,
  );
}

/** A throwaway signing key for a dev run, and a copy of the build whose manifest does not pin the real id. */
function devSigning(chromeDir: string, workDir: string, manifest: Manifest): { keyPath: string; sourceDir: string } {
  const keyDir = mkdtempSync(join(tmpdir(), 'mfa-resync-dev-key-'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPath = join(keyDir, 'dev-key.pem');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const sourceDir = join(workDir, 'chrome-dev-key');
  cpSync(chromeDir, sourceDir, { recursive: true });
  const { key: _key, ...unpinned } = manifest;
  writeFileSync(join(sourceDir, 'manifest.json'), `${JSON.stringify(unpinned, null, 2)}\n`);
  return { keyPath, sourceDir };
}

export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { version } = readJson<{ version: string }>(join(ROOT, 'package.json'));
  const dirtyTree = git(['status', '--porcelain']).trim() !== '';
  if (dirtyTree) log('release: WARNING the work tree has uncommitted changes; the source archive has them too');
  const keyPath = options.crxKeyPath ? resolve(options.crxKeyPath) : undefined;
  if (keyPath && !relative(ROOT, keyPath).startsWith('..')) {
    throw new Error(`the CRX key ${keyPath} is inside the repository; keep it outside (and never commit it)`);
  }

  rmSync(options.workDir, { recursive: true, force: true });
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  log(`release: building ${version} for Chrome and Firefox`);
  const chromeDir = buildOrThrow({ browser: 'chrome', variant: 'release', outDir: join(options.workDir, 'chrome') });
  const firefoxDir = buildOrThrow({ browser: 'firefox', variant: 'release', outDir: join(options.workDir, 'firefox') });
  const chromeManifest = builtManifest(chromeDir, version);
  builtManifest(firefoxDir, version);
  log('release: web-ext lint');
  lintFirefox(firefoxDir);

  const out = (name: string) => join(options.outDir, name);
  const files = {
    chromeZip: out(`${NAME}-${version}-chrome-web-store.zip`),
    xpi: out(`${NAME}-${version}-firefox.xpi`),
    source: out(`${NAME}-${version}-source.zip`),
    instructions: out(`${NAME}-${version}-amo-build-instructions.md`),
  };
  writeFileSync(files.chromeZip, zipBytes(withoutKey(entriesOf(chromeDir), chromeManifest)));
  writeFileSync(files.xpi, zipBytes(entriesOf(firefoxDir)));
  // A path is listed once per stage while a merge is unresolved: each file once.
  const tracked = [...new Set(git(['ls-files', '-z']).split('\0').filter(Boolean))];
  writeFileSync(files.source, zipBytes(tracked.map((name) => ({ name, data: readFileSync(join(ROOT, name)) }))));
  cpSync(join(ROOT, 'docs', 'store', 'amo-build-instructions.md'), files.instructions);

  const signing = keyPath ? { keyPath, sourceDir: chromeDir } : devSigning(chromeDir, options.workDir, chromeManifest);
  if (!keyPath) {
    log('release: no CRX key given (MFA_RESYNC_CRX_KEY=<path to PEM> or --crx-key <path>, outside the repository):');
    log(`release:   signed the CRX with a THROWAWAY key in ${signing.keyPath}, for a dev run only.`);
    log('release:   Its extension id is not the one policies name; never deploy it (docs/admin.md).');
  }
  const packed = await packCrx({
    sourceDir: signing.sourceDir,
    keyPath: signing.keyPath,
    outDir: options.outDir,
    codebase: options.codebase,
    crxName: `${NAME}-${version}${keyPath ? '' : '-dev-key'}.crx`,
  });

  const artifacts = readdirSync(options.outDir).sort();
  const checksums = out('SHA256SUMS');
  writeFileSync(checksums, artifacts.map((name) => `${sha256(readFileSync(out(name)))}  ${name}\n`).join(''));
  for (const name of [...artifacts, basename(checksums)]) log(`  ${relative(ROOT, out(name)).split(sep).join('/')}`);
  log(
    `release: ${version}, CRX id ${packed.id}${keyPath ? '' : ' (throwaway dev key)'}, updates.xml → ${packed.crxUrl}`,
  );
  return {
    version,
    files: { ...files, crx: packed.crxPath, updatesXml: packed.updatesXmlPath },
    checksums,
    extensionId: packed.id,
    devKey: !keyPath,
    dirtyTree,
  };
}

/**
 * MFA_RESYNC_CRX_KEY is a path, or the PEM itself (a CI secret): then it goes to a 0600 file in a
 * fresh temp dir, removed when the process exits.
 */
function keyFile(value: string | undefined): string | undefined {
  if (!value?.trimStart().startsWith('-----BEGIN')) return value;
  const dir = mkdtempSync(join(tmpdir(), 'mfa-resync-crx-key-'));
  const path = join(dir, 'key.pem');
  writeFileSync(path, value, { mode: 0o600 });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return path;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const codebase = argument('codebase') ?? process.env['MFA_RESYNC_CRX_CODEBASE'];
  if (!codebase) console.log(`release: updates.xml points at ${DEFAULT_CODEBASE} (set MFA_RESYNC_CRX_CODEBASE)`);
  const crxKeyPath = keyFile(argument('crx-key') ?? process.env['MFA_RESYNC_CRX_KEY']);
  release({
    outDir: resolve(ROOT, argument('out') ?? join('dist', 'release')),
    workDir: join(tmpdir(), 'mfa-resync-release-build'),
    ...(crxKeyPath ? { crxKeyPath } : {}),
    codebase: codebase ?? DEFAULT_CODEBASE,
  }).catch((error: unknown) => {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
