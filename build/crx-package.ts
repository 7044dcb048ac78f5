import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

// Packs a built Chrome extension as a signed CRX3 with its updates.xml, and computes extension ids
// from keys. A library: `npm run package:crx` (scripts/package-crx.ts) and the e2e harness
// (force-install policy tests) both use it, so it lives here and imports nothing from either.

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
