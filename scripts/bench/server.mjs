// A tiny static server for the benchmark: serves a build directory (the bench's own
// dist, never the project's dist/) plus generated pages held in memory.
// The MIME types of tests/e2e/support.mjs; no compression (localhost), no caching.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";

import { TYPES } from "../../tests/e2e/support.mjs";

/**
 * `root`: directory served at /. `pages`: Map of URL path → { body, type? } served
 * from memory (checked first). Returns { origin, close }.
 */
export async function startBenchServer({ root, pages = new Map(), port = 0 }) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { "content-type": page.type || TYPES[".html"], "cache-control": "no-store" });
      res.end(page.body);
      return;
    }
    const file = path.join(base, decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname));
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = server.address().port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(r);
      }),
  };
}
