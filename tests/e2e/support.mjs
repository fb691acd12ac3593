// Shared helpers for the end-to-end tests: a static server for dist/ (with the
// MIME types the embed needs, the caching of scripts/caching.mjs, and optional
// security headers), the loader's file table, and Chromium.
import http from "node:http";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { cacheControl, LOADER_MAX_AGE } from "../../scripts/caching.mjs";
import { LOADER, loaderFiles } from "../../scripts/release.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// KG_DIST lets a second build (a benchmark, a parallel check) be served instead of dist/.
export const DIST = path.resolve(process.env.KG_DIST || path.resolve(here, "../../dist"));
export const FIXTURES = path.resolve(here, "fixtures");

/** The MIME types the embed needs (wasm must be application/wasm). */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/** The loader's FILES table in `dir` (key → { path, integrity }): the hashed names of this build. */
export function builtFiles(dir = DIST) {
  return loaderFiles(readFileSync(path.join(dir, LOADER), "utf8"));
}

/**
 * Serves `root` (dist/) at /, and test pages from fixtures/ at /fixtures/.
 * Files from `root` are cached as scripts/caching.mjs says (as dist/_headers tells a
 * host), with an ETag and `304 Not Modified` for a matching If-None-Match; fixtures are
 * never cached. `loaderMaxAge` shortens the loader's lifetime, so a test can make a
 * later visit without waiting five minutes.
 * `headers(urlPath)` may add response headers (for example a CSP) per request;
 * `body(urlPath, bytes)` may change what is served (for example to tamper with a file).
 * `requests` lists what reached the server: { path, status, conditional }.
 * Both hooks also get the request, last. `pages` (URL path → { body, type?, cache? }) are
 * answered from memory first, `no-store` unless `cache` says otherwise (the benchmark's pages).
 */
export async function startServer({
  headers = () => ({}),
  port = 0,
  body = (_path, bytes) => bytes,
  root = DIST,
  loaderMaxAge = LOADER_MAX_AGE,
  pages = new Map(),
} = {}) {
  root = path.resolve(root);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const page = pages.get(url.pathname);
    if (page) {
      requests.push({ path: url.pathname, status: 200, conditional: false });
      res.writeHead(200, { "content-type": page.type || TYPES[".html"], "cache-control": page.cache || "no-store" }).end(page.body);
      return;
    }
    let file;
    let cache = "no-store";
    if (url.pathname.startsWith("/fixtures/")) {
      file = path.join(FIXTURES, url.pathname.slice("/fixtures/".length));
    } else {
      // /assets/v1/… serves dist/ too, as a CDN would from a versioned folder.
      const inDist = url.pathname.replace(/^\/assets\/v1\//, "/");
      file = path.join(root, inDist === "/" ? "index.html" : inDist);
      cache = cacheControl(inDist, { loaderMaxAge });
    }
    if (!file.startsWith(root) && !file.startsWith(FIXTURES)) {
      res.writeHead(403).end();
      return;
    }
    const conditional = "if-none-match" in req.headers;
    try {
      const bytes = body(url.pathname, await fs.readFile(file), req);
      const etag = `"${crypto.createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
      const common = { "cache-control": cache, ...(cache === "no-store" ? {} : { etag }), ...headers(url.pathname, req) };
      if (conditional && cache !== "no-store" && req.headers["if-none-match"].split(/\s*,\s*/).includes(etag)) {
        requests.push({ path: url.pathname, status: 304, conditional });
        res.writeHead(304, common).end();
        return;
      }
      requests.push({ path: url.pathname, status: 200, conditional });
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", ...common });
      res.end(bytes);
    } catch {
      requests.push({ path: url.pathname, status: 404, conditional });
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = server.address().port;
  return { origin: `http://127.0.0.1:${bound}`, requests, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Every http(s) request `page` makes, as the browser's network layer reports it (CDP,
 * on `cdp` or a session of its own): { path, status, fromCache, bytes }. `fromCache`:
 * answered from the HTTP or memory cache, nothing sent; `bytes`: what came over the
 * network, headers included (a 304 is headers only). `list()` after the page settles.
 * A fetch() revalidated with 304 shows as a 200 here (a script's 304 shows as 304): count
 * 304s from the server's `requests`.
 */
export async function watchNetwork(page, cdp = null) {
  const session = cdp || (await page.context().newCDPSession(page));
  await session.send("Network.enable");
  const seen = new Map();
  const entry = (id) => seen.get(id) || {};
  session.on("Network.requestWillBeSent", (e) => {
    if (/^https?:/.test(e.request.url) && !seen.has(e.requestId)) {
      seen.set(e.requestId, { path: new URL(e.request.url).pathname, status: null, fromCache: false, bytes: 0 });
    }
  });
  session.on("Network.requestServedFromCache", (e) => (entry(e.requestId).fromCache = true));
  session.on("Network.responseReceived", (e) => {
    const r = entry(e.requestId);
    r.status = e.response.status;
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) r.fromCache = true;
  });
  session.on("Network.loadingFinished", (e) => (entry(e.requestId).bytes = e.encodedDataLength));
  return {
    list: () => [...seen.values()].map((r) => (r.fromCache ? { ...r, bytes: 0 } : r)),
    clear: () => seen.clear(),
  };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/**
 * Waits until the live widget in `host` (a CSS selector) has taken over from the document.
 * The wasm is asked for only once a guide is within about a screen of the viewport
 * (issue 24), so a guide further down (the second of two, one added at the end) is first
 * scrolled to, as a patient would; one already near the screen is left where it is.
 */
export async function widgetReady(page, host = "kyphoplasty-guide") {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (el && el.getAttribute("data-kg-state") === "document") {
        const box = el.getBoundingClientRect();
        if (box.top > 1.5 * innerHeight || box.bottom < -0.5 * innerHeight) el.scrollIntoView();
      }
      return !!el && el.getAttribute("data-kg-state") === "interactive" && !!el.shadowRoot && !!el.shadowRoot.querySelector(".kg");
    },
    host,
    { timeout: 20000 },
  );
  return page.locator(host);
}

/** Waits until the loader shows the document (the guide before, or without, the wasm). */
export async function documentShown(page, host = "kyphoplasty-guide") {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return !!el && !!el.shadowRoot && !!el.shadowRoot.querySelector(".kg-mount[data-kg-document] .kg");
    },
    host,
    { timeout: 20000 },
  );
  return page.locator(host);
}

/** Collects console errors and page errors, so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
  return errors;
}

/** A full-page screenshot once two in a row agree (a busy machine may catch a frame mid-paint). */
export async function settledScreenshot(page) {
  let last = await page.screenshot({ fullPage: true });
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(150);
    const next = await page.screenshot({ fullPage: true });
    if (next.equals(last)) return next;
    last = next;
  }
  return last;
}

// ---------------------------------------------------------------- example configurations

const EXAMPLES = path.resolve(here, "../examples/configs.json");
let examples = null;

/**
 * The example configuration called `name` from tests/examples/configs.json (shared with the
 * native and browser tests): { name, description, attributes }.
 */
export function example(name) {
  examples ??= JSON.parse(readFileSync(EXAMPLES, "utf8")).examples;
  const found = examples.find((e) => e.name === name);
  if (!found) throw new Error(`no example "${name}" in tests/examples/configs.json`);
  return found;
}

/** An example's attributes as a query string for fixtures/a11y-host.html (which sets them on the element). */
export function exampleQuery(name) {
  return Object.entries(example(name).attributes)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}

// ---------------------------------------------------------------- the accessibility host page

/** The parts of the guide the accessibility and keyboard tests walk through (all but My visit). */
export const SECTIONS = ["overview", "procedure", "before", "aftercare", "warnings", "risks", "questions", "understanding", "sources"];

/** fixtures/a11y-host.html, a plain host page; the query string sets the element's attributes. */
export const a11yHost = (query = "") => `/fixtures/a11y-host.html${query ? "?" + query : ""}`;

/** Opens `origin + url` and waits for the widget and its stylesheet (layout checks need both). */
export async function openGuide(page, origin, url = "/") {
  await page.goto(origin + url);
  const host = await widgetReady(page);
  await page.waitForFunction(() => {
    const kg = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg");
    return getComputedStyle(kg).borderTopStyle === "solid";
  });
  return host;
}

/** Opens a section with its part button; on a small screen the parts fold behind the "Contents" button, opened first. */
export async function openSection(host, section) {
  const toggle = host.locator(".kg-nav-toggle");
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await host.locator(`.kg-nav-button[data-section="${section}"]`).click();
  await host.locator(`.kg-body .kg-section[data-section="${section}"]`).waitFor();
}

/**
 * Switches the guide to `tag` with the language menu: opens it (a click on its button),
 * then chooses the language. On a small screen the menu sits in the header's "More"
 * fold, which the caller opens first.
 */
export async function chooseLanguage(host, tag) {
  const toggle = host.locator(".kg-lang-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await host.locator(`.kg-lang[lang="${tag}"]`).click();
}

/** Jumps to procedure step `n` with the step list. */
export async function goToStep(host, n) {
  await host.locator(".kg-step-list button").nth(n - 1).click();
  await host.getByText(`Step ${n} of 8`).first().waitFor();
}

/** Where the accessibility tests put their screenshots. */
export const SHOTS = process.env.KG_A11Y_SHOTS || "/tmp/a11y-shots";

/** A screenshot of the guide's element into SHOTS. */
export async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.locator("kyphoplasty-guide").screenshot({ path: file, animations: "disabled" });
  return file;
}

/**
 * Every WCAG A/AA tag up to 2.2, and axe's best practices (heading order, landmarks,
 * unique names): not WCAG requirements, but cheap to keep clean and they catch
 * outline mistakes that 1.3.1 and 2.4.6 care about.
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Runs axe (AXE_TAGS) on the widget's shadow root; returns the violations with the state's
 * name. `seen` ({ rules: Set, states: [] }), when given, records the rules run and the state.
 */
export async function audit(page, state, seen = null) {
  const result = await axeAudit(page, AXE_TAGS);
  if (seen) {
    for (const id of result.rules) seen.rules.add(id);
    seen.states.push(state);
  }
  return { state, ...result };
}

const AXE = path.resolve(here, "../../node_modules/axe-core/axe.min.js");

/** Runs axe-core (with `tags`) on the guide's element and its shadow root: the rules it ran, its violations and incompletes. */
export async function axeAudit(page, tags, host = "kyphoplasty-guide") {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: AXE });
  }
  return page.evaluate(async ([tags, host]) => {
    const r = await window.axe.run(document.querySelector(host), {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations", "incomplete"],
    });
    const brief = (list) =>
      list.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary || n.any.map((a) => a.message).join("; ") })),
      }));
    return {
      rules: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id),
      violations: brief(r.violations),
      incomplete: brief(r.incomplete),
    };
  }, [tags, host]);
}

/** axe results ({ state, violations }) as one readable message; "" when there are none. */
export function describeViolations(results) {
  return results
    .filter((r) => r.violations.length)
    .flatMap((r) =>
      r.violations.map(
        (v) => `[${r.state}] ${v.id} (${v.impact}): ${v.help}\n` +
          v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.summary.replace(/\s+/g, " ")}`).join("\n"),
      ),
    )
    .join("\n");
}

/** WCAG contrast ratio of two computed "rgb(a)(…)" colours. */
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
