/**
 * Draws images/icon.png (the extension's icon, 256×256): three sliders on a blue tile, for tuning.
 * Drawn here, not with an image tool, so that it is reproducible from the repository alone:
 * `node scripts/generate-icon.ts`. Shapes are sampled 4×4 per pixel for smooth edges.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const BLUE: [number, number, number] = [0x2f, 0x63, 0xd6];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
const SLIDERS = [
  { y: 76, knob: 152 },
  { y: 128, knob: 96 },
  { y: 180, knob: 172 },
];

/** The colour at a point, or undefined outside the tile. */
function colourAt(x: number, y: number): [number, number, number] | undefined {
  // A tile from 8 to 248 with corners of radius 48.
  const r = 48;
  const cx = Math.min(Math.max(x, 8 + r), 248 - r);
  const cy = Math.min(Math.max(y, 8 + r), 248 - r);
  if (x < 8 || x > 248 || y < 8 || y > 248 || Math.hypot(x - cx, y - cy) > r) return undefined;
  for (const slider of SLIDERS) {
    const d = Math.hypot(x - slider.knob, y - slider.y);
    if (d <= 14) return BLUE; // the knob's hole
    if (d <= 26) return WHITE; // its ring
  }
  for (const slider of SLIDERS) {
    const along = Math.min(Math.max(x, 56), 200);
    if (Math.hypot(x - along, y - slider.y) <= 7) return WHITE;
  }
  return BLUE;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

export function renderIcon(): Buffer {
  const rows: Buffer[] = [];
  const samples = 4;
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a++;
        }
      }
      const at = 1 + px * 4;
      if (a > 0) {
        row[at] = Math.round(r / a);
        row[at + 1] = Math.round(g / a);
        row[at + 2] = Math.round(b / a);
        row[at + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(join(import.meta.dirname, '../images/icon.png'), renderIcon());
  console.log('wrote images/icon.png');
}
