/**
 * Build step (run by hand when the mark changes; the PNGs are committed): Factmark's icon — a
 * bold check mark over a highlighter stroke, on a navy rounded square — drawn with signed
 * distance functions and written as PNGs at 16, 32, 48 and 128 px with node's zlib. No image
 * library, no network: `node scripts/make-icons.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const SIZES = [16, 32, 48, 128];
// Samples per pixel side: 8×8 keeps the 16 px edges smooth without a blur.
const SUPERSAMPLE = 8;

// Shapes in unit coordinates (0..1, y down), painted in order.
const NAVY = [30, 58, 138];
const YELLOW = [250, 204, 21];
const WHITE = [255, 255, 255];

/** Signed distance to a rounded square filling the unit square (negative inside). */
function roundedSquare(x, y, radius) {
  const qx = Math.abs(x - 0.5) - (0.5 - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Signed distance to a segment a–b drawn with round caps of half-width w. */
function capsule(x, y, ax, ay, bx, by, w) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - w;
}

const LAYERS = [
  { color: NAVY, inside: (x, y) => roundedSquare(x, y, 0.2) <= 0 },
  // The highlighter stroke under the mark.
  { color: YELLOW, inside: (x, y) => capsule(x, y, 0.27, 0.79, 0.73, 0.79, 0.065) <= 0 },
  // The check mark: two thick strokes meeting at the bottom.
  {
    color: WHITE,
    inside: (x, y) =>
      Math.min(
        capsule(x, y, 0.25, 0.47, 0.42, 0.63, 0.085),
        capsule(x, y, 0.42, 0.63, 0.76, 0.24, 0.085),
      ) <= 0,
  },
];

function render(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Straight-alpha "over" compositing of each layer's coverage, front layer last.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of LAYERS) {
        let hits = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy++) {
          for (let sx = 0; sx < SUPERSAMPLE; sx++) {
            const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
            const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
            if (layer.inside(x, y)) hits++;
          }
        }
        const coverage = hits / n;
        if (coverage === 0) continue;
        const outA = coverage + a * (1 - coverage);
        const mix = (c, prev) => (c * coverage + prev * a * (1 - coverage)) / outA;
        r = mix(layer.color[0], r);
        g = mix(layer.color[1], g);
        b = mix(layer.color[2], b);
        a = outA;
      }
      const i = (py * size + px) * 4;
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], i);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter set, no interlace
  // Each scanline starts with its filter type: 0 (none); zlib does the compressing.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT_DIR, `icon-${size}.png`);
  writeFileSync(file, png(size, render(size)));
  console.log(`wrote ${file}`);
}
