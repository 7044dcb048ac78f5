import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// Draws the extension icon (a circular "resync" arrow around a clock hand on a blue tile) as PNGs.
// Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed under public/icons/.
const SIZES = [16, 32, 48, 128];
const BLUE = [9, 114, 211];
const WHITE = [255, 255, 255];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

function insideTriangle(x: number, y: number, a: number[], b: number[], c: number[]): boolean {
  const side = (p: number[], q: number[]) => (q[0]! - p[0]!) * (y - p[1]!) - (q[1]! - p[1]!) * (x - p[0]!);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** Shape test in unit coordinates (0..1): 0 = outside, 1 = tile, 2 = white mark. */
function shapeAt(x: number, y: number): number {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return 0;
  const cx = x - 0.5;
  const cy = y - 0.5;
  const dist = Math.hypot(cx, cy);
  const angle = Math.atan2(cy, cx);
  // Ring with a gap at the top right, where the arrow head sits.
  const onRing = dist > 0.25 && dist < 0.34 && !(angle > -1.4 && angle < -0.35);
  // A downward arrow head at the ring's open end: the ring turns clockwise, like a resync.
  const head = insideTriangle(x, y, [0.6, 0.3], [0.92, 0.3], [0.76, 0.48]);
  const hand = (Math.abs(cx) < 0.035 && cy > -0.16 && cy < 0.02) || (Math.abs(cy) < 0.035 && cx > -0.02 && cx < 0.12);
  return onRing || head || hand ? 2 : 1;
}

for (const size of SIZES) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const shape = shapeAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (shape >= 1) tile++;
          if (shape === 2) mark++;
        }
      }
      const n = samples * samples;
      const alpha = tile / n;
      const white = tile ? mark / tile : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BLUE[c]! * (1 - white) + WHITE[c]! * white);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  writeFileSync(`public/icons/icon-${size}.png`, png(size, rgba));
}
console.log(`wrote ${SIZES.map((s) => `public/icons/icon-${s}.png`).join(', ')}`);
