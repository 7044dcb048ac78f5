import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

// A zip whose bytes depend on the files' names and contents only: entries sorted by name, every
// timestamp 1980-01-01 00:00 (the zip epoch), every file mode 0644, no extra fields, deflate level 9.
// Two builds of the same tree give the same archive, which the stores' reviewers and
// `npm run release`'s test can compare byte for byte. Store zips, xpi and source archives use it.

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const UNIX_FILE_0644 = (0o100644 << 16) >>> 0;
const VERSION_MADE_BY = (3 << 8) | 20; // Unix, zip 2.0: so the external attributes mean a mode
const UTF8_NAMES = 1 << 11;

/** Every file below `dir`, as zip entries named relative to it (directories are implied). */
export function entriesOf(dir: string, keep: (name: string) => boolean = () => true): ZipEntry[] {
  const walk = (at: string): string[] =>
    readdirSync(at).flatMap((name) => {
      const path = join(at, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir)
    .map((path) => ({ name: relative(dir, path).split(sep).join('/'), path }))
    .filter((e) => keep(e.name))
    .map((e) => ({ name: e.name, data: readFileSync(e.path) }));
}

interface SharedFields {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/**
 * The run of fields a local file header and its central directory entry both hold, in the same
 * order (APPNOTE 4.3.7 and 4.3.12): version needed, flags, method, time, date, CRC-32, sizes and
 * the name's length. Written once so the two can never disagree. Extra and comment lengths stay 0.
 */
function writeSharedFields(header: Buffer, at: number, f: SharedFields): void {
  header.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(f.method, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(f.crc, at + 10);
  header.writeUInt32LE(f.compressedSize, at + 14);
  header.writeUInt32LE(f.size, at + 18);
  header.writeUInt16LE(f.nameLength, at + 22);
}

export function zipBytes(entries: ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of sorted) {
    if (names.has(entry.name) || entry.name.startsWith('/') || entry.name.includes('\\'))
      throw new Error(`bad or duplicate zip entry name: ${entry.name}`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // Stored when deflate does not help (icons): the same rule every time, so still deterministic.
    const [method, body] = deflated.length < entry.data.length ? [8, deflated] : [0, entry.data];
    const crc = crc32(entry.data);
    const fields = { method, crc, compressedSize: body.length, size: entry.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    writeSharedFields(central, 6, fields);
    central.writeUInt32LE(UNIX_FILE_0644, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
