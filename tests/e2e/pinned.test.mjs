// Pinned versions: a portal's page links one exact version, v<major>.<minor>.<patch>/,
// from a CDN (another origin), with Subresource Integrity and crossorigin on its script
// tag, as README's pinned snippet says. The files are served with the headers
// dist/_headers gives them (scripts/caching.mjs: cache and CORS).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, widgetReady, watchErrors, openSection, builtFiles, DIST } from "./support.mjs";
import { corsAllowed } from "../../scripts/caching.mjs";
import { LOADER, loadedFiles, loaderLanguages, crateVersion, pin, release, sri, versionFolders } from "../../scripts/release.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { pinned, alias } = versionFolders(crateVersion(root));
const loaderBytes = fs.readFileSync(path.join(DIST, pinned, LOADER));
const INTEGRITY = sri(loaderBytes);
const FALLBACK = "Questions about your procedure? Call us on";
const cors = (urlPath) => (corsAllowed(urlPath) ? { "access-control-allow-origin": "*" } : {});

/** A practice's page (its own origin) whose script tag loads `src` from the CDN, with `attrs` (integrity, crossorigin). */
const practicePage = (src, attrs = "") => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Riverside Spine Center</title><link rel="icon" href="data:,">
<script src="${src}" ${attrs} defer></script></head>
<body><main><h1>Your procedure</h1>
<kyphoplasty-guide practice-name="Riverside Spine Center" practice-phone="(555) 010-0199">
  <p id="fallback">${FALLBACK} <a href="tel:+15550100199">(555) 010-0199</a>.</p>
</kyphoplasty-guide></main></body></html>`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens the practice's page, whose script comes from a CDN server (`cdn` options: headers, body). */
async function visit(folder, attrs, cdnOptions = { headers: cors }) {
  const cdn = await startServer({ headers: cors, ...cdnOptions });
  const src = `${cdn.origin}/${folder}/${LOADER}`;
  const site = await startServer({ pages: new Map([["/practice.html", { body: practicePage(src, attrs) }]]) });
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const close = async () => {
    await page.close();
    await site.close();
    await cdn.close();
  };
  try {
    await page.goto(site.origin + "/practice.html");
  } catch (error) {
    await close();
    throw error;
  }
  return { page, errors, cdn, close };
}

const pinnedAttrs = `integrity="${INTEGRITY}" crossorigin="anonymous"`;

test("the version folders hold this release's loader and files, byte for byte", () => {
  const files = builtFiles();
  for (const folder of [pinned, alias]) {
    assert.ok(fs.readFileSync(path.join(DIST, folder, LOADER)).equals(fs.readFileSync(path.join(DIST, LOADER))), folder);
    for (const { path: name } of Object.values(files)) {
      assert.ok(fs.readFileSync(path.join(DIST, folder, name)).equals(fs.readFileSync(path.join(DIST, name))), `${folder}/${name}`);
    }
  }
  assert.match(fs.readFileSync(path.join(DIST, "snippet.html"), "utf8"), new RegExp(`${pinned}/${LOADER}"\\s+integrity="${INTEGRITY.replace(/[+/]/g, "\\$&")}" crossorigin="anonymous"`));
});

test("README, SECURITY.md and the demo's snippet builder show the folders of this version (Cargo.toml's)", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  assert.ok(readme.includes(`(\`${pinned.slice(1)}\` today)`), "README names the current version");
  for (const folder of [pinned, alias]) assert.ok(readme.includes(`path/${folder}/${LOADER}`), `README's snippet links ${folder}/`);
  assert.match(readme, new RegExp(`${pinned}/${LOADER}"\\s+integrity="sha384-…" crossorigin="anonymous"`));
  assert.ok(fs.readFileSync(path.join(root, "SECURITY.md"), "utf8").includes(`path/${pinned}/${LOADER}`));
  assert.ok(fs.readFileSync(path.join(root, "demo", "snippet-builder.js"), "utf8").includes(`path/${alias}/${LOADER}`), "the demo's snippet builder writes the evergreen folder");
});

test("a page pinning the versioned loader with integrity and crossorigin: the guide renders from that folder and works", async () => {
  const { page, errors, cdn, close } = await visit(pinned, pinnedAttrs);
  try {
    const host = await widgetReady(page);
    await openSection(host, "aftercare");
    await host.locator(".kg-body .kg-section[data-section='aftercare'] input[type=checkbox]").first().check();
    assert.equal(await host.locator(".kg-body .kg-section[data-section='aftercare'] input[type=checkbox]:checked").count(), 1);
    assert.equal(await page.locator("#fallback").isVisible(), false, "the guide replaced the fallback");
    const asked = cdn.requests.map((r) => r.path);
    assert.ok(asked.length >= 5, JSON.stringify(asked));
    for (const p of asked) assert.ok(p.startsWith(`/${pinned}/`), `${p} comes from ${pinned}/`);
    assert.ok(cdn.requests.every((r) => r.status === 200), JSON.stringify(cdn.requests));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("the evergreen v<major>/ loader, without integrity, loads the files of its own folder", async () => {
  const { page, errors, cdn, close } = await visit(alias, "");
  try {
    await widgetReady(page);
    for (const { path: p } of cdn.requests) assert.ok(p.startsWith(`/${alias}/`), `${p} comes from ${alias}/`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

/** The element never got defined: the practice's fallback is what the patient sees, nothing else was fetched, no script error. */
async function refused(page, errors, cdn, why) {
  for (let i = 0; i < 100 && !errors.some((e) => why.test(e)); i++) await page.waitForTimeout(100);
  assert.ok(errors.some((e) => why.test(e)), JSON.stringify(errors));
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => customElements.get("kyphoplasty-guide") === undefined), true, "the loader did not run");
  assert.equal(await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot), null);
  assert.equal(await page.locator("#fallback").isVisible(), true);
  assert.ok((await page.locator("#fallback").textContent()).includes(FALLBACK));
  assert.deepEqual(cdn.requests.map((r) => r.path), [`/${pinned}/${LOADER}`], "nothing but the loader was fetched");
  assert.deepEqual(errors.filter((e) => !why.test(e) && !/Failed to load resource/.test(e)), [], "no other error");
}

test("a pinned loader whose bytes were changed is refused: the practice's fallback stays, nothing crashes", async () => {
  const changed = (urlPath, bytes) => (urlPath === `/${pinned}/${LOADER}` ? Buffer.concat([bytes, Buffer.from("\n;window.kgChanged = 1;\n")]) : bytes);
  const { page, errors, cdn, close } = await visit(pinned, pinnedAttrs, { headers: cors, body: changed });
  try {
    await refused(page, errors, cdn, /integrity/i);
    assert.equal(await page.evaluate(() => window.kgChanged), undefined, "the changed script never ran");
  } finally {
    await close();
  }
});

test("served without Access-Control-Allow-Origin, a pinned cross-origin loader is blocked (why _headers sends it)", async () => {
  const { page, errors, cdn, close } = await visit(pinned, pinnedAttrs, { headers: () => ({}) });
  try {
    await refused(page, errors, cdn, /CORS|Access-Control-Allow-Origin/);
  } finally {
    await close();
  }
});

/**
 * A host folder with this build (this version) and, copied over it without deleting, the
 * next version made by the build's release step from the same files with the stylesheet
 * changed: as a host updates. Returns the folder, the next version's FILES and its folders.
 */
function nextVersionDeployed() {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "kg-pinned-"));
  const folder = path.join(temp, "site");
  const staging = path.join(temp, "staging");
  fs.cpSync(DIST, folder, { recursive: true });
  fs.mkdirSync(staging);
  const LOADED = loadedFiles(loaderLanguages(fs.readFileSync(path.join(DIST, LOADER), "utf8")));
  for (const [key, { path: name }] of Object.entries(builtFiles())) fs.copyFileSync(path.join(DIST, name), path.join(staging, LOADED[key]));
  fs.copyFileSync(path.join(DIST, LOADER), path.join(staging, LOADER));
  fs.appendFileSync(path.join(staging, LOADED.css), "\n/* the next version */\n");
  const files = release(staging);
  const [major, minor] = pinned.slice(1).split(".").map(Number);
  const next = pin(staging, files, `${major}.${minor + 1}.0`);
  fs.cpSync(staging, folder, { recursive: true });
  return { temp, folder, files, next };
}

test("after the next version is deployed, v<major>/ serves it and a page pinned to this version keeps this version", async () => {
  const { temp, folder, files, next } = nextVersionDeployed();
  const before = builtFiles();
  try {
    assert.equal(next.alias, alias);
    assert.ok(fs.readFileSync(path.join(folder, pinned, LOADER)).equals(loaderBytes), `${pinned}/ is untouched`);
    assert.ok(fs.existsSync(path.join(folder, next.pinned, files.css.path)));
    const cases = [
      [pinned, pinnedAttrs, before.css.path],
      [alias, "", files.css.path],
      [next.pinned, `integrity="${sri(fs.readFileSync(path.join(folder, next.pinned, LOADER)))}" crossorigin="anonymous"`, files.css.path],
    ];
    for (const [dir, attrs, css] of cases) {
      const { page, errors, cdn, close } = await visit(dir, attrs, { root: folder });
      try {
        await widgetReady(page);
        assert.deepEqual(cdn.requests.filter((r) => r.path.endsWith(".css")).map((r) => r.path), [`/${dir}/${css}`], dir);
        assert.deepEqual(errors, [], dir);
      } finally {
        await close();
      }
    }
    assert.notEqual(before.css.path, files.css.path);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
});
