import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Self-hosting artifacts for Chrome/Edge ExtensionInstallForcelist: a CRX3 package signed with the
// extension's private key, and the update manifest (updates.xml) that points at it. Versioned from
// the built manifest, which the build takes from package.json.
//
//   npm run package:crx -- --key /secure/key.pem --codebase https://intranet.example/mfa-resync/
//
// The private key decides the extension id, and the id is what every policy is keyed on, so this
// never creates a key: signing with a key other than the one behind manifest.json `key` is refused.

interface Crx3Options {
  keyPath: string;
  crxPath: string;
  xmlPath: string;
  crxURL: string;
}
type WriteCrx3 = (files: string[], options: Crx3Options) => Promise<{ appId?: string }>;
// crx3 1.1.3 (2.x needs node >= 22) is CommonJS without type declarations.
const writeCrx3 = createRequire(import.meta.url)('crx3') as WriteCrx3;

/** Chrome's extension id: sha256 of the DER SubjectPublicKeyInfo, first 32 hex digits mapped 0-f → a-p. */
export function chromeExtensionId(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The DER public key of a PEM private key, as manifest.json `key` carries it (base64). */
export function publicKeyDerOf(privateKeyPem: string): Buffer {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
}

export interface PackedCrx {
  id: string;
  version: string;
  crxPath: string;
  updatesXmlPath: string;
  crxUrl: string;
}

export interface PackOptions {
  /** A built Chrome extension directory (dist/chrome). */
  sourceDir: string;
  keyPath: string;
  outDir: string;
  /** Where the .crx will be served from; a URL ending in / gets the file name appended. */
  codebase: string;
  /** The package's file name; by default mfa-resync-assistant-<version>.crx. */
  crxName?: string;
}

export async function packCrx(options: PackOptions): Promise<PackedCrx> {
  if (!existsSync(options.keyPath))
    throw new Error(`no private key at ${options.keyPath} (a new key would change the extension id)`);
  const manifest = JSON.parse(readFileSync(join(options.sourceDir, 'manifest.json'), 'utf8')) as {
    version: string;
    key?: string;
  };
  const id = chromeExtensionId(publicKeyDerOf(readFileSync(options.keyPath, 'utf8')));
  if (manifest.key !== undefined && chromeExtensionId(Buffer.from(manifest.key, 'base64')) !== id) {
    throw new Error(
      `${options.keyPath} is not the key behind manifest.json "key": the package would get another id than ${chromeExtensionId(Buffer.from(manifest.key, 'base64'))}`,
    );
  }
  mkdirSync(options.outDir, { recursive: true });
  const crxName = options.crxName ?? `mfa-resync-assistant-${manifest.version}.crx`;
  const crxUrl = options.codebase.endsWith('/') ? `${options.codebase}${crxName}` : options.codebase;
  const crxPath = resolve(options.outDir, crxName);
  const updatesXmlPath = resolve(options.outDir, 'updates.xml');
  const info = await writeCrx3([resolve(options.sourceDir)], {
    keyPath: resolve(options.keyPath),
    crxPath,
    xmlPath: updatesXmlPath,
    crxURL: crxUrl,
  });
  if (info.appId !== undefined && info.appId !== id) throw new Error(`crx3 signed as ${info.appId}, expected ${id}`);
  return { id, version: manifest.version, crxPath, updatesXmlPath, crxUrl };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const keyPath = argument('key') ?? process.env['CRX_PRIVATE_KEY'];
  const codebase = argument('codebase') ?? process.env['CRX_CODEBASE'];
  if (!keyPath || !codebase) {
    console.error(
      'usage: npm run package:crx -- --key <private key .pem> --codebase <https URL the .crx is served from>',
    );
    console.error('       (or CRX_PRIVATE_KEY / CRX_CODEBASE); see docs/admin.md');
    process.exit(2);
  }
  const packed = await packCrx({
    sourceDir: argument('source') ?? 'dist/chrome',
    keyPath,
    outDir: argument('out') ?? 'artifacts/release',
    codebase,
  });
  console.log(`extension id ${packed.id}, version ${packed.version}`);
  console.log(`  ${packed.crxPath}\n  ${packed.updatesXmlPath} → ${packed.crxUrl}`);
  console.log(`  ExtensionInstallForcelist entry: ${packed.id};<URL of updates.xml>`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
