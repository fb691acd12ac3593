// Transfer sizes of what the embed loads: gzip level 9 and brotli quality 11 (node's zlib).
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";

export const EMBED_FILES = [
  ["kyphoplasty-guide.js", "loader"],
  ["kyphoplasty-guide-core.js", "glue (wasm-bindgen)"],
  ["kyphoplasty-guide-core_bg.wasm", "wasm"],
  ["kyphoplasty-guide.css", "stylesheet"],
  ["kyphoplasty-guide-en.json", "document, one language (shown first)"],
];

export function gzip(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length;
}

export function brotli(buf, text) {
  return zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
      [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

export async function embedSizes(dist) {
  const rows = [];
  for (const [file, role] of EMBED_FILES) {
    // An older build (measured for a before/after comparison) may lack a file.
    const buf = await fs.readFile(path.join(dist, file)).catch(() => null);
    if (!buf) continue;
    rows.push({ file, role, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf, !file.endsWith(".wasm")) });
  }
  const total = { file: "total", role: "", raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) for (const k of ["raw", "gzip", "brotli"]) total[k] += r[k];
  return { rows, total };
}
