#!/usr/bin/env node
/**
 * Draws Moim's app icon (two friends on a blue-teal tile, as src/renderer/src/assets/moim.svg)
 * without any image library and writes build/icon.png (512), build/icons/<size>x<size>.png and
 * build/icon.ico. Run: node build/generate-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** RGBA pixels -> PNG (8-bit RGBA, no filtering, zlib level 9). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const FROM = [0x7c, 0x9c, 0xff]
const TO = [0x4f, 0xd1, 0xc5]
const INK = [0x0f, 0x11, 0x15]

// Shapes in the SVG's 64x64 space.
function insideTile(x, y) {
  const r = 16
  const cx = Math.min(Math.max(x, r), 64 - r)
  const cy = Math.min(Math.max(y, r), 64 - r)
  return x >= 0 && y >= 0 && x <= 64 && y <= 64 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

function inEllipse(x, y, cx, cy, rx, ry) {
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
}

function insidePerson(x, y, cx) {
  if ((x - cx) ** 2 + (y - 27) ** 2 <= 49) return true
  // Shoulders: a 5-wide arc from (cx-10, 50) over (cx, 39) to (cx+10, 50) with round ends.
  const arc = y <= 50 && inEllipse(x, y, cx, 50, 12.5, 13.5) && !inEllipse(x, y, cx, 50, 7.5, 8.5)
  const caps =
    (x - (cx - 10)) ** 2 + (y - 50) ** 2 <= 6.25 || (x - (cx + 10)) ** 2 + (y - 50) ** 2 <= 6.25
  return arc || caps
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let tile = 0
      let ink = 0
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((px + (sx + 0.5) / samples) / size) * 64
          const y = ((py + (sy + 0.5) / samples) / size) * 64
          if (!insideTile(x, y)) continue
          tile += 1
          if (insidePerson(x, y, 22) || insidePerson(x, y, 42)) ink += 1
        }
      }
      const t = (px + py) / (2 * size)
      const base = FROM.map((c, i) => c + (TO[i] - c) * t)
      const mix = tile ? ink / tile : 0
      const o = (py * size + px) * 4
      for (let i = 0; i < 3; i += 1) rgba[o + i] = Math.round(base[i] * (1 - mix) + INK[i] * mix)
      rgba[o + 3] = Math.round((255 * tile) / (samples * samples))
    }
  }
  return encodePng(size, rgba)
}

/** ICO with PNG-compressed images (supported since Windows Vista). */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i
    header[e] = size >= 256 ? 0 : size
    header[e + 1] = size >= 256 ? 0 : size
    header.writeUInt16LE(1, e + 4)
    header.writeUInt16LE(32, e + 6)
    header.writeUInt32LE(png.length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = [16, 32, 48, 64, 128, 256, 512]
  const pngs = new Map(sizes.map((size) => [size, render(size)]))
  mkdirSync(join(here, 'icons'), { recursive: true })
  for (const [size, png] of pngs) writeFileSync(join(here, 'icons', `${size}x${size}.png`), png)
  writeFileSync(join(here, 'icon.png'), pngs.get(512))
  writeFileSync(
    join(here, 'icon.ico'),
    encodeIco([16, 32, 48, 256].map((size) => ({ size, png: pngs.get(size) }))),
  )
  console.log(`wrote build/icon.png, build/icon.ico and build/icons/{${sizes.join(',')}}`)
}
