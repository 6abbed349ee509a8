// Draws the Tumbuh app icons (a white sprout on teal) into PNG files without any dependency:
// the pixels are computed here and the PNG chunks are written by hand (zlib from node:zlib).
// Run once after changing the design: `node packages/web/scripts/make-icons.mjs`; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "icons");

const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];
const SOIL = [204, 251, 241];

// ---- PNG encoding -------------------------------------------------------------------------------

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- drawing (unit square coordinates, y down) --------------------------------------------------

function inRoundedRect(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inEllipse(x, y, cx, cy, rx, ry, angle) {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = x - cx;
  const dy = y - cy;
  const u = dx * cos + dy * sin;
  const v = -dx * sin + dy * cos;
  return (u / rx) ** 2 + (v / ry) ** 2 <= 1;
}

/** The sprout, drawn in a box of the given scale centred at (0.5, 0.5). */
function sproutColour(x, y, scale) {
  const sx = (x - 0.5) / scale + 0.5;
  const sy = (y - 0.5) / scale + 0.5;
  // soil mound
  if (inEllipse(sx, sy, 0.5, 0.86, 0.3, 0.07, 0)) return SOIL;
  // stem
  if (Math.abs(sx - 0.5) <= 0.035 && sy >= 0.4 && sy <= 0.84) return WHITE;
  // leaves
  if (inEllipse(sx, sy, 0.34, 0.4, 0.17, 0.085, Math.PI / 6)) return WHITE;
  if (inEllipse(sx, sy, 0.66, 0.3, 0.19, 0.095, -Math.PI / 5)) return WHITE;
  return null;
}

function draw(size, { maskable }) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4; // 4x4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // maskable: full bleed background, sprout inside the 80% safe zone
          const inside = maskable || inRoundedRect(x, y, 0.22);
          if (!inside) continue;
          const c = sproutColour(x, y, maskable ? 0.72 : 0.9) ?? TEAL;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(outDir, { recursive: true });
const files = [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["maskable-512.png", 512, true],
  ["apple-touch-icon-180.png", 180, true],
];
for (const [name, size, maskable] of files) {
  const png = draw(size, { maskable });
  writeFileSync(join(outDir, name), png);
  console.log(`${name}: ${size}x${size}, ${png.length} bytes`);
}
