// A tiny static server for the benchmark: serves a build directory (the bench's own
// dist, never the project's dist/) plus generated pages held in memory.
// The MIME types of tests/e2e/support.mjs, the caching of scripts/caching.mjs (what
// dist/_headers tells a host; ETag and 304), and compression as a host or CDN serves it
// (brotli, else gzip, when the browser asks), so the throttled-network profile moves
// the bytes a patient's phone would; compressed once per file.
import http from "node:http";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";

import { TYPES } from "../../tests/e2e/support.mjs";
import { cacheControl, LOADER_MAX_AGE, REVALIDATE } from "../caching.mjs";

const cache = new Map();
/** The file's bytes in the best encoding the request accepts (brotli q11, gzip -9, or none). */
async function compressed(file, accept) {
  const raw = await fs.readFile(file);
  const key = `${file}:${raw.length}`;
  if (!cache.has(key)) {
    const text = !file.endsWith(".wasm");
    cache.set(key, {
      br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC } }),
      gzip: zlib.gzipSync(raw, { level: 9 }),
      etag: `"${crypto.createHash("sha256").update(raw).digest("base64url").slice(0, 27)}"`,
    });
  }
  const c = cache.get(key);
  if (/\bbr\b/.test(accept)) return { body: c.br, encoding: "br", etag: c.etag };
  if (/\bgzip\b/.test(accept)) return { body: c.gzip, encoding: "gzip", etag: c.etag };
  return { body: raw, encoding: null, etag: c.etag };
}

/**
 * `root`: directory served at /. `pages`: Map of URL path → { body, type?, cache? }
 * served from memory (checked first; never cached unless `cache` says otherwise).
 * `caching`: "headers" (scripts/caching.mjs, with the loader's max-age set to
 * `loaderMaxAge`), "no-cache" (every file revalidated: what the README advised before
 * the files had hashed names) or "no-store" (every file in full, every time).
 * Returns { origin, close, requests }: `requests` logs each request that reached the
 * server ({ path, status, conditional }).
 */
export async function startBenchServer({ root, pages = new Map(), port = 0, caching = "headers", loaderMaxAge = LOADER_MAX_AGE }) {
  const base = path.resolve(root);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const page = pages.get(url.pathname);
    if (page) {
      requests.push({ path: url.pathname, status: 200, conditional: false });
      res.writeHead(200, { "content-type": page.type || TYPES[".html"], "cache-control": page.cache || "no-store" });
      res.end(page.body);
      return;
    }
    const file = path.join(base, decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname));
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const { body, encoding, etag } = await compressed(file, req.headers["accept-encoding"] || "");
      const cache = caching === "headers" ? cacheControl(url.pathname, { loaderMaxAge }) : caching === "no-cache" ? REVALIDATE : "no-store";
      const common = { "cache-control": cache, etag, ...(encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {}) };
      const conditional = "if-none-match" in req.headers;
      if (conditional && req.headers["if-none-match"].split(/\s*,\s*/).includes(etag)) {
        requests.push({ path: url.pathname, status: 304, conditional });
        res.writeHead(304, common).end();
        return;
      }
      requests.push({ path: url.pathname, status: 200, conditional });
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", ...common });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = server.address().port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(r);
      }),
  };
}
