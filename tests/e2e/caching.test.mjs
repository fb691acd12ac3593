// Hashed names and caching: every file the loader loads is named by its content and
// cached for good, the loader keeps its name and a short cache, and a repeat visit
// costs at most the loader's revalidation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, widgetReady, watchErrors, watchNetwork, builtFiles, DIST } from "./support.mjs";
import { LOADER, crateVersion, loadedFiles, loaderLanguages, versionFolders } from "../../scripts/release.mjs";

const FILES = builtFiles();
const LOADED = loadedFiles(loaderLanguages(fs.readFileSync(path.join(DIST, LOADER), "utf8")));
const EMBED = ["/" + LOADER, ...Object.values(FILES).map((f) => "/" + f.path)];
const IMMUTABLE = "public, max-age=31536000, immutable";
const sha384 = (bytes) => crypto.createHash("sha384").update(bytes).digest();

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("every file the loader loads is in dist/ under the hash of its content, with the integrity of its content", () => {
  assert.deepEqual(loaderLanguages(fs.readFileSync(path.join(DIST, LOADER), "utf8")), ["en", "es", "zh-Hans", "vi", "ar"]);
  assert.deepEqual(Object.keys(FILES).sort(), Object.keys(LOADED).sort());
  for (const [key, { path: name, integrity }] of Object.entries(FILES)) {
    const bytes = fs.readFileSync(path.join(DIST, name));
    const plain = LOADED[key];
    const ext = path.extname(plain);
    assert.equal(name, `${plain.slice(0, -ext.length)}.${sha384(bytes).toString("hex").slice(0, 16)}${ext}`, key);
    assert.equal(integrity, "sha384-" + sha384(bytes).toString("base64"), key);
    assert.ok(!fs.existsSync(path.join(DIST, plain)), `no unhashed ${plain} left in dist/`);
  }
  // Nothing else by those names: a build leaves only this release's files.
  const ours = fs.readdirSync(DIST).filter((f) => f.startsWith("kyphoplasty-guide")).sort();
  assert.deepEqual(ours, EMBED.map((p) => p.slice(1)).sort());
});

test("nothing the build writes points at an unhashed name", () => {
  const glue = fs.readFileSync(path.join(DIST, FILES.glue.path), "utf8");
  assert.ok(glue.includes(`'${FILES.wasm.path}'`), "the glue's default wasm URL is the hashed wasm");
  assert.doesNotMatch(glue, /kyphoplasty-guide-core_bg\.wasm/);
  for (const lang of ["en", "es"]) {
    const page = fs.readFileSync(path.join(DIST, `guide-${lang}.html`), "utf8");
    assert.ok(page.includes(`href="${FILES.css.path}"`), `guide-${lang}.html links the hashed stylesheet`);
    assert.doesNotMatch(page, /kyphoplasty-guide\.css/);
  }
});

/** dist/_headers read as Netlify and Cloudflare Pages read it: every rule whose path (one `*`, any characters) matches applies. */
function hostHeaders(urlPath) {
  const rules = [];
  for (const line of fs.readFileSync(path.join(DIST, "_headers"), "utf8").split("\n")) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      const [head, tail] = line.trim().split("*");
      rules.push({ match: (p) => (tail === undefined ? p === head : p.length >= head.length + tail.length && p.startsWith(head) && p.endsWith(tail)), headers: [] });
    } else {
      const [, name, value] = line.trim().match(/^([^:]+):\s*(.*)$/);
      rules.at(-1).headers.push([name.toLowerCase(), value]);
    }
  }
  return rules.filter((r) => r.match(urlPath)).flatMap((r) => r.headers);
}

test("the test server sends the cache headers dist/_headers gives a host, and revalidates the loader with 304", async () => {
  const server = await startServer();
  try {
    const expected = {
      ["/" + LOADER]: "public, max-age=300",
      ...Object.fromEntries(Object.values(FILES).map((f) => ["/" + f.path, IMMUTABLE])),
      "/guide-en.html": "public, max-age=300",
      "/guide-es.html": "public, max-age=300",
      "/index.html": "no-cache", // the demo page: not in _headers, the host's usual default
    };
    for (const [urlPath, cache] of Object.entries(expected)) {
      const response = await fetch(server.origin + urlPath);
      assert.equal(response.status, 200, urlPath);
      assert.equal(response.headers.get("cache-control"), cache, urlPath);
      assert.ok(response.headers.get("etag"), `${urlPath} has an ETag`);
      const host = hostHeaders(urlPath);
      const told = host.filter(([name]) => name === "cache-control").map(([, v]) => v);
      assert.deepEqual(told, cache === "no-cache" ? [] : [cache], `_headers says one Cache-Control for ${urlPath}`);
      if (EMBED.includes(urlPath)) assert.deepEqual(host.filter(([n]) => n === "access-control-allow-origin"), [["access-control-allow-origin", "*"]]);
    }
    const loader = await fetch(server.origin + "/" + LOADER);
    const etag = loader.headers.get("etag");
    const again = await fetch(server.origin + "/" + LOADER, { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    assert.equal(again.headers.get("etag"), etag);
    assert.equal(again.headers.get("cache-control"), "public, max-age=300");
    const changed = await fetch(server.origin + "/" + LOADER, { headers: { "if-none-match": '"another-release"' } });
    assert.equal(changed.status, 200);
    assert.equal(Buffer.from(await changed.arrayBuffer()).equals(fs.readFileSync(path.join(DIST, LOADER))), true);
  } finally {
    await server.close();
  }
});

test("the version folders: v<major>.<minor>.<patch>/ is cached for a year, loader included; v<major>/ as the root", async () => {
  const { pinned, alias } = versionFolders(crateVersion(fileURLToPath(new URL("../..", import.meta.url))));
  const server = await startServer();
  try {
    const inFolder = (folder) => [LOADER, ...Object.values(FILES).map((f) => f.path)].map((name) => `/${folder}/${name}`);
    const expected = {
      ...Object.fromEntries(inFolder(pinned).map((p) => [p, IMMUTABLE])),
      ...Object.fromEntries(inFolder(alias).map((p) => [p, p.endsWith("/" + LOADER) ? "public, max-age=300" : IMMUTABLE])),
      [`/${pinned}/custom-elements.json`]: IMMUTABLE,
    };
    for (const [urlPath, cache] of Object.entries(expected)) {
      const response = await fetch(server.origin + urlPath);
      assert.equal(response.status, 200, urlPath);
      assert.equal(response.headers.get("cache-control"), cache, urlPath);
      const host = hostHeaders(urlPath);
      assert.deepEqual(host.filter(([name]) => name === "cache-control").map(([, v]) => v), [cache], `_headers says one Cache-Control for ${urlPath}`);
      assert.deepEqual(host.filter(([n]) => n === "access-control-allow-origin"), [["access-control-allow-origin", "*"]], urlPath);
    }
  } finally {
    await server.close();
  }
});

/** Visits a plain host page twice in one browser context, `wait` ms apart; what the second visit asked for, as the browser and the server saw it. */
async function repeatVisit(server, wait) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const network = await watchNetwork(page);
    await page.goto(server.origin + "/fixtures/plain.html");
    await widgetReady(page);
    const first = network.list().filter((r) => EMBED.includes(r.path));
    // The first visit fetched the loader and all it needs, over the network.
    // (English only: the other languages' files wait until a patient chooses one.)
    const otherLanguages = Object.entries(FILES).filter(([key]) => /^(document|rest|text)-/.test(key) && !/-en$/.test(key)).map(([, f]) => "/" + f.path);
    assert.deepEqual(first.map((r) => r.path).sort(), EMBED.filter((p) => !otherLanguages.includes(p)).sort());
    assert.ok(first.every((r) => !r.fromCache && r.status === 200), JSON.stringify(first));
    await page.waitForTimeout(wait);
    network.clear();
    server.requests.length = 0;
    await page.reload();
    await widgetReady(page);
    await page.waitForTimeout(300); // let late requests (none expected) show
    assert.deepEqual(errors, []);
    return { browser: network.list().filter((r) => EMBED.includes(r.path)), server: server.requests.filter((r) => EMBED.includes(r.path)) };
  } finally {
    await context.close();
  }
}

test("a repeat visit after the loader's lifetime: only the loader is revalidated (304), everything else comes from the cache", async () => {
  // A lifetime of 1 s stands in for five minutes: the reload comes after it, as a visit the next day does.
  const server = await startServer({ loaderMaxAge: 1 });
  try {
    const seen = await repeatVisit(server, 1500);
    const loader = seen.browser.filter((r) => r.path === "/" + LOADER);
    assert.deepEqual(loader.map((r) => [r.status, r.fromCache]), [[304, false]]);
    const rest = seen.browser.filter((r) => r.path !== "/" + LOADER);
    assert.equal(rest.length, 6, "the page asked for the glue, wasm, stylesheet, the document's head and rest and the text table again");
    for (const r of rest) assert.deepEqual([r.path, r.fromCache, r.bytes], [r.path, true, 0]);
    assert.deepEqual(seen.server, [{ path: "/" + LOADER, status: 304, conditional: true }], "one conditional request reached the server");
  } finally {
    await server.close();
  }
});

test("a repeat visit within the loader's lifetime asks the network for nothing of the guide's", async () => {
  const server = await startServer();
  try {
    const seen = await repeatVisit(server, 0);
    assert.equal(seen.browser.length, 7, "loader, glue, wasm, stylesheet, the document's head and rest and text table were asked for");
    assert.ok(seen.browser.every((r) => r.fromCache && r.bytes === 0), JSON.stringify(seen.browser));
    assert.deepEqual(seen.server, []);
  } finally {
    await server.close();
  }
});
