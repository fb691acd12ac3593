// Transfer sizes of what the embed loads: gzip level 9 and brotli quality 11 (node's zlib).
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { builtFiles } from "../../tests/e2e/support.mjs";
import { LOADER } from "../release.mjs";

/**
 * What a first visit in one language loads, by the key in the loader's FILES table (the
 * loader itself first). `readable`: loaded before the guide is readable (issue 24's budget
 * of 40 KB gzip); `wasm`: the WebAssembly with its glue (budget 160 KB gzip).
 */
export const EMBED_FILES = [
  [null, "loader", { readable: true }],
  ["glue", "glue (wasm-bindgen)", { wasm: true }],
  ["wasm", "wasm", { wasm: true }],
  ["css", "stylesheet", { readable: true }],
  ["document-en", "document's head, one language (shown first)", { readable: true }],
  ["rest-en", "document's rest (after the first paint)", {}],
  ["text-en", "text table, one language (with the wasm)", {}],
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
  const files = builtFiles(dist);
  for (const [key, role, kind] of EMBED_FILES) {
    // An older build (measured for a before/after comparison) may lack a file.
    const file = key ? files[key]?.path : LOADER;
    const buf = file ? await fs.readFile(path.join(dist, file)).catch(() => null) : null;
    if (!buf) continue;
    rows.push({ file, role, ...kind, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf, !file.endsWith(".wasm")) });
  }
  const sum = (name, pick) => {
    const out = { file: name, role: "", raw: 0, gzip: 0, brotli: 0 };
    for (const r of rows.filter(pick)) for (const k of ["raw", "gzip", "brotli"]) out[k] += r[k];
    return out;
  };
  return { rows, total: sum("total", () => true), readable: sum("before the guide is readable", (r) => r.readable), wasm: sum("the wasm with its glue", (r) => r.wasm) };
}
