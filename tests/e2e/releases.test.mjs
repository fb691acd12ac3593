// Updates: a page still running the previous loader keeps working after a release, as
// long as the host keeps the previous release's hashed files beside the new ones.
//
// The second release is made the way the build makes one: the release step of the
// post-build (scripts/release.mjs) runs on this build's files with two of them altered
// (the stylesheet and the English document), as a content or style fix would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, launchBrowser, widgetReady, watchErrors, builtFiles, DIST } from "./support.mjs";
import { LOADER, loadedFiles, loaderLanguages, release } from "../../scripts/release.mjs";

let browser;
const temp = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-release-"));
  temp.push(dir);
  return dir;
};

/** A host folder holding this build (release A), and release B made from it by the build's release step. */
function twoReleases() {
  const folder = tempDir();
  fs.cpSync(DIST, folder, { recursive: true });
  const a = builtFiles(folder);
  const staging = tempDir();
  const LOADED = loadedFiles(loaderLanguages(fs.readFileSync(path.join(folder, LOADER), "utf8")));
  for (const [key, { path: name }] of Object.entries(a)) fs.copyFileSync(path.join(folder, name), path.join(staging, LOADED[key]));
  fs.copyFileSync(path.join(folder, LOADER), path.join(staging, LOADER));
  fs.appendFileSync(path.join(staging, LOADED.css), "\n/* release B */\n");
  const doc = path.join(staging, LOADED["document-en"]);
  const text = fs.readFileSync(doc, "utf8");
  assert.ok(text.includes("Your guide to balloon kyphoplasty"));
  fs.writeFileSync(doc, text.replace("Your guide to balloon kyphoplasty", "Your guide to balloon kyphoplasty (updated)"));
  const b = release(staging);
  /** Puts release B in the host folder; `keepPrevious: false` also deletes what only release A used. */
  const deploy = ({ keepPrevious }) => {
    for (const name of fs.readdirSync(staging)) fs.copyFileSync(path.join(staging, name), path.join(folder, name));
    const kept = new Set(Object.values(b).map((f) => f.path));
    if (!keepPrevious) for (const { path: name } of Object.values(a)) if (!kept.has(name)) fs.rmSync(path.join(folder, name));
  };
  return { folder, a, b, deploy };
}

const requested = (server, file) => server.requests.filter((r) => r.path === "/" + file.path).map((r) => r.status);

/**
 * A patient's browser caches the loader on one of the practice's pages (release A), the
 * practice deploys release B, and within the loader's lifetime the patient opens the
 * guide: the browser runs the cached old loader, which asks for release A's files.
 */
async function oldLoaderAfterDeploy({ keepPrevious }) {
  const { folder, a, b, deploy } = twoReleases();
  const server = await startServer({ root: folder });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.origin + "/fixtures/loader-only.html");
    await page.waitForFunction(() => !!customElements.get("kyphoplasty-guide"));
    assert.deepEqual(requested(server, { path: LOADER }), [200]);
    deploy({ keepPrevious });
    server.requests.length = 0;
    await page.goto(server.origin + "/fixtures/plain.html");
    return { page, errors, server, a, b, context };
  } catch (error) {
    await context.close();
    await server.close();
    throw error;
  }
}

test("the second release renames only the files whose bytes changed", () => {
  const { a, b } = twoReleases();
  assert.notEqual(b.css.path, a.css.path);
  assert.notEqual(b["document-en"].path, a["document-en"].path);
  assert.notEqual(b.css.integrity, a.css.integrity);
  // Unchanged files keep their names, so returning patients keep them cached across the release.
  for (const key of ["glue", "wasm", "document-es"]) assert.deepEqual(b[key], a[key], key);
});

test("an old loader still finds its files after an update, when the host keeps the previous release", async () => {
  const { page, errors, server, a, b, context } = await oldLoaderAfterDeploy({ keepPrevious: true });
  try {
    await widgetReady(page);
    assert.deepEqual(requested(server, { path: LOADER }), [], "the old loader came from the browser's cache");
    assert.deepEqual(requested(server, a.css), [200]);
    assert.deepEqual(requested(server, a["document-en"]), [200]);
    assert.deepEqual([...requested(server, b.css), ...requested(server, b["document-en"])], [], "nothing of release B's");
    assert.deepEqual(errors, []);

    // A new visitor gets the new loader and release B's files from the same folder.
    const fresh = await browser.newPage();
    server.requests.length = 0;
    await fresh.goto(server.origin + "/fixtures/plain.html");
    await widgetReady(fresh);
    assert.deepEqual(requested(server, { path: LOADER }), [200]);
    assert.deepEqual(requested(server, b.css), [200]);
    assert.deepEqual(requested(server, b["document-en"]), [200]);
    await fresh.close();
  } finally {
    await context.close();
    await server.close();
  }
});

test("without the previous release's files, a page still running the old loader shows only its fallback", async () => {
  // Why the README says to keep them: the old loader's stylesheet is gone.
  const { page, errors, server, a, context } = await oldLoaderAfterDeploy({ keepPrevious: false });
  try {
    const gaveUp = () => errors.some((e) => /could not start; showing the fallback content/.test(e));
    for (let i = 0; i < 200 && !gaveUp(); i++) await page.waitForTimeout(100);
    assert.ok(gaveUp(), JSON.stringify(errors));
    assert.deepEqual(requested(server, a.css), [404]);
    assert.equal(await page.evaluate(() => !!document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")), false);
  } finally {
    await context.close();
    await server.close();
  }
});
