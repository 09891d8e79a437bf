#!/usr/bin/env node
// Draws the Teams app icons into manifest/: color.png (192x192, a white shield with a check on the accent colour)
// and outline.png (32x32, the same shield as a white outline on transparency, as Teams requires).
// usage: node tools/manifest/draw-icons.mjs [output-dir]   (default: manifest/ next to tools/)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'manifest');
const accent = [0x0b, 0x5c, 0xad];
const white = [0xff, 0xff, 0xff];

// Shapes live in a unit square (x right, y down); each returns whether a point is inside.
const shieldTop = 0.14;
const shieldShoulder = 0.52;
const shieldTip = 0.9;

function inShield(x, y, inset = 0) {
  const halfWidth = 0.33 - inset;
  const top = shieldTop + inset;
  const tip = shieldTip - inset * 1.6;
  if (y < top || y > tip) {
    return false;
  }
  const dx = Math.abs(x - 0.5);
  if (y <= shieldShoulder) {
    return dx <= halfWidth;
  }
  const t = (y - shieldShoulder) / (tip - shieldShoulder);
  return dx <= halfWidth * Math.sqrt(1 - t * t);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

const check = [[0.37, 0.5], [0.465, 0.6], [0.64, 0.39]];

function inCheck(x, y, halfThickness) {
  return distanceToSegment(x, y, check[0], check[1]) <= halfThickness
    || distanceToSegment(x, y, check[1], check[2]) <= halfThickness;
}

// Each pixel is sampled 4x4 times so edges get partial coverage instead of jaggies.
function draw(size, paint) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (colour) {
            sum[0] += colour[0];
            sum[1] += colour[1];
            sum[2] += colour[2];
            sum[3] += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (sum[3] > 0) {
        rgba[offset] = Math.round(sum[0] / sum[3]);
        rgba[offset + 1] = Math.round(sum[1] / sum[3]);
        rgba[offset + 2] = Math.round(sum[2] / sum[3]);
        rgba[offset + 3] = Math.round((255 * sum[3]) / (samples * samples));
      }
    }
  }
  return rgba;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// A truecolour-with-alpha PNG, 8 bits per channel, every row with filter type 0 (none).
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const color = draw(192, (x, y) => {
  if (inCheck(x, y, 0.045) && inShield(x, y)) {
    return accent;
  }
  return inShield(x, y) ? white : accent;
});

const outline = draw(32, (x, y) => {
  const stroke = inShield(x, y) && !inShield(x, y, 0.075);
  return stroke || inCheck(x, y, 0.05) ? white : undefined;
});

writeFileSync(join(outDir, 'color.png'), png(192, color));
writeFileSync(join(outDir, 'outline.png'), png(32, outline));
process.stdout.write(`wrote ${join(outDir, 'color.png')} and ${join(outDir, 'outline.png')}\n`);
