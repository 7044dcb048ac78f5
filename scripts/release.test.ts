import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeExtensionId } from '../build/crx-package';
import { NOT_PACKAGED, release, type ReleaseResult } from './release';

// `npm run release`, twice from scratch (two builds each, web-ext lint, a dev-key CRX), then the
// artifacts are read back with readers written here from the formats (zip central directory,
// CRX3 header protobuf), not with the code that wrote them.

const ROOT = resolve(import.meta.dirname, '..');
const sourceManifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** name → bytes, from the central directory of a zip (stored or deflated entries). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength + extra;
  }
  return files;
}

type Fields = Map<number, Buffer[]>;
/** The length-delimited fields of a protobuf message (all the CRX3 header uses). */
function protobufFields(message: Buffer): Fields {
  const fields: Fields = new Map();
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = message[at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < message.length) {
    const tag = varint();
    if ((tag & 7) !== 2) throw new Error(`unexpected wire type in field ${tag >> 3}`);
    const length = varint();
    const list = fields.get(Math.floor(tag / 8)) ?? [];
    list.push(message.subarray(at, at + length));
    fields.set(Math.floor(tag / 8), list);
    at += length;
  }
  return fields;
}

const manifestIn = (files: Map<string, Buffer>) =>
  JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as Record<string, unknown> & { version: string };

let first: ReleaseResult;
let second: ReleaseResult;
const scratch = mkdtempSync(join(tmpdir(), 'mfa-release-test-'));

beforeAll(async () => {
  const run = (name: string) =>
    release({
      outDir: join(scratch, name, 'release'),
      workDir: join(scratch, name, 'work'),
      codebase: 'https://extensions.example.test/mfa/',
      log: () => undefined,
    });
  first = await run('a');
  second = await run('b');
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run release', () => {
  it('gives byte-identical store zip, xpi and source archive from two clean builds', () => {
    for (const key of ['chromeZip', 'xpi', 'source'] as const) {
      expect(basename(first.files[key])).toBe(basename(second.files[key]));
      expect(readFileSync(first.files[key]).equals(readFileSync(second.files[key])), key).toBe(true);
    }
  });

  it('packages the package.json version, the manifest permissions exactly, and no maps or tests', () => {
    const crx = readFileSync(first.files.crx);
    const crxZip = readZip(crx.subarray(12 + crx.readUInt32LE(8)));
    const packages = {
      store: readZip(readFileSync(first.files.chromeZip)),
      xpi: readZip(readFileSync(first.files.xpi)),
      crx: crxZip,
    };
    for (const [label, files] of Object.entries(packages)) {
      const manifest = manifestIn(files);
      expect(manifest.version, label).toBe(version);
      expect(manifest.permissions, label).toEqual(sourceManifest['permissions']);
      expect(manifest.host_permissions, label).toEqual(sourceManifest['host_permissions']);
      expect(manifest.optional_permissions ?? manifest.optional_host_permissions, label).toBeUndefined();
      expect(
        [...files.keys()].filter((name) => NOT_PACKAGED.test(name)),
        label,
      ).toEqual([]);
      expect(
        [...files.keys()].some((name) => name.endsWith('.js')),
        label,
      ).toBe(true);
    }
    // The store assigns its own id and refuses a `key`; the self-hosted CRX is what keeps one.
    expect(manifestIn(packages.store).key).toBeUndefined();
    expect(readFileSync(first.files.updatesXml, 'utf8')).toContain(`version="${version}"`);
  });

  it('signs a CRX3 whose header verifies against its own public key and names its id', () => {
    const crx = readFileSync(first.files.crx);
    expect(crx.toString('latin1', 0, 4)).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerSize = crx.readUInt32LE(8);
    const header = protobufFields(crx.subarray(12, 12 + headerSize));
    const archive = crx.subarray(12 + headerSize);
    const signedData = header.get(10000)?.[0];
    const proof = protobufFields(header.get(2)?.[0] ?? Buffer.alloc(0));
    const publicKey = proof.get(1)?.[0];
    const signature = proof.get(2)?.[0];
    if (!signedData || !publicKey || !signature) throw new Error('CRX3 header lacks a sha256_with_rsa proof');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(signedData.length);
    const signed = Buffer.concat([Buffer.from('CRX3 SignedData\0', 'latin1'), length, signedData, archive]);
    const key = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    expect(verify('sha256', signed, key, signature)).toBe(true);
    // Tampering with one byte of the archive breaks it: the check is not vacuous.
    const tampered = Buffer.from(signed);
    tampered[tampered.length - 30] = (tampered[tampered.length - 30] ?? 0) ^ 1;
    expect(verify('sha256', tampered, key, signature)).toBe(false);
    const crxId = protobufFields(signedData).get(1)?.[0];
    expect(crxId?.equals(createHash('sha256').update(publicKey).digest().subarray(0, 16))).toBe(true);
    expect(chromeExtensionId(publicKey)).toBe(first.extensionId);
    expect(readFileSync(first.files.updatesXml, 'utf8')).toContain(`appid="${first.extensionId}"`);
    expect(first.devKey).toBe(true);
  });

  it('writes SHA256SUMS that match every artifact', () => {
    const lines = readFileSync(first.checksums, 'utf8').trim().split('\n');
    const dir = join(first.checksums, '..');
    const named = lines.map((line) => {
      const [hash, name] = line.split(/\s+/);
      expect(
        createHash('sha256')
          .update(readFileSync(join(dir, name ?? '')))
          .digest('hex'),
      ).toBe(hash);
      return name;
    });
    expect(named.sort()).toEqual(
      Object.values(first.files)
        .map((f) => basename(f))
        .sort(),
    );
  });
});
