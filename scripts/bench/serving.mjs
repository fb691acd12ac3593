// How the benchmark serves its build: the end-to-end tests' server (tests/e2e/support.mjs:
// the MIME types, the caching of scripts/caching.mjs with ETags and 304s), plus the bench's
// generated pages from memory, and compression as a host or CDN serves it (brotli, else
// gzip, when the browser asks), so the throttled-network profile moves the bytes a
// patient's phone would.
import zlib from "node:zlib";

import { startServer } from "../../tests/e2e/support.mjs";
import { REVALIDATE } from "../caching.mjs";

// `--cache` modes other than "headers" (the server's own rules): one Cache-Control for every file.
const CACHE_OVERRIDE = {
  headers: {},
  "no-cache": { "cache-control": REVALIDATE },
  "no-store": { "cache-control": "no-store" },
};

function acceptedEncoding(req) {
  const accept = req.headers["accept-encoding"] || "";
  return /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
}

// Compressed once per file and encoding (brotli q11 takes a while on the wasm).
const compressed = new Map();
function compress(urlPath, bytes, encoding) {
  const key = `${urlPath}:${bytes.length}:${encoding}`;
  if (!compressed.has(key)) {
    const mode = urlPath.endsWith(".wasm") ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT;
    compressed.set(
      key,
      encoding === "br"
        ? zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: mode } })
        : zlib.gzipSync(bytes, { level: 9 }),
    );
  }
  return compressed.get(key);
}

/**
 * `root`: the build, served at /. `pages`: Map of URL path → { body, type?, cache? }, answered
 * first (it may change while the server runs). `caching`: "headers" (scripts/caching.mjs,
 * the loader's max-age set to `loaderMaxAge`), "no-cache" or "no-store" (every file).
 * Returns the tests' server: { origin, requests, close }.
 */
export function startBenchServer({ root, pages, caching, loaderMaxAge }) {
  return startServer({
    root,
    pages,
    loaderMaxAge,
    body: (urlPath, bytes, req) => {
      const encoding = acceptedEncoding(req);
      return encoding ? compress(urlPath, bytes, encoding) : bytes;
    },
    headers: (_urlPath, req) => {
      const encoding = acceptedEncoding(req);
      return { ...CACHE_OVERRIDE[caching], ...(encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {}) };
    },
  });
}
