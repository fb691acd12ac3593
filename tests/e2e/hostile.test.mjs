// Hostile hosts: pages that are old, careless or broken in ways the practice's web
// person does not control. On each the guide must render, work (open a section, go to
// the next step, tick a box) and raise no uncaught error, and nothing may leave the
// page's own origin. (embedding.test.mjs covers the ordinary embeddings: several
// guides, the script twice, late elements, hostile CSS pixels, a strict CSP.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, watchErrors } from "./support.mjs";

const KEY = "kyphoplasty-guide:v1:default";
const BACKUP = KEY + ":unreadable";
const DIST_FILE = /^\/kyphoplasty-guide[^/]*\.(js|css|wasm|json)$/;

// The strictest policy a portal might send: no inline anything, Trusted Types with no
// policy at all (any string-to-script or string-to-HTML sink throws), no plugins, no <base>.
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

let server, cdn, browser;
before(async () => {
  server = await startServer({
    headers: (path) => (path === "/fixtures/hostile-trusted-types.html" ? { "content-security-policy": STRICT_CSP } : {}),
  });
  // The same files served as a CDN serves them: with CORS, which a page whose origin is
  // opaque (a sandboxed iframe) needs for the module import, the wasm fetch and the
  // stylesheet (all three requested in CORS mode).
  cdn = await startServer({
    headers: (path) => (DIST_FILE.test(path) ? { "access-control-allow-origin": "*" } : {}),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await cdn?.close();
});

/** Opens a page that records errors and every request, for the privacy check at the end. */
async function open(path, { origin = server.origin, context } = {}) {
  const ctx = context ?? (await browser.newContext());
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(origin + path);
  return {
    ctx,
    page,
    errors,
    /** No request to another origin, no cookie. */
    async assertPrivate() {
      const foreign = requests.filter((url) => !url.startsWith(origin + "/") && !url.startsWith("data:") && url !== "about:blank");
      assert.deepEqual(foreign, [], "requests to another origin");
      assert.deepEqual(await ctx.cookies(), [], "cookies set");
    },
    async close() {
      if (!context) await ctx.close();
      else await page.close();
    },
  };
}

/** What a patient does first: open the procedure, go to step 2, open Before, tick a box. */
async function exercise(scope, selector = "kyphoplasty-guide") {
  const host = scope.locator(selector);
  const nav = host.locator(".kg-nav");
  await nav.getByRole("button", { name: "The procedure", exact: true }).click();
  await host.getByText("Step 1 of 8").first().waitFor();
  await host.getByRole("button", { name: "Next step" }).click();
  await host.getByText("Step 2 of 8").first().waitFor();
  await nav.getByRole("button", { name: "Before", exact: true }).click();
  const box = host.locator("input.kg-checkbox").first();
  await box.check();
  assert.equal(await box.isChecked(), true);
  assert.match(await host.locator(".kg-progress-text").first().textContent(), /^1 of/);
  return host;
}

const checkedCount = (scope, selector = "kyphoplasty-guide") =>
  scope.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll("input.kg-checkbox")].filter((b) => b.checked).length, selector);

test("a page in quirks mode (no doctype)", async () => {
  const p = await open("/fixtures/hostile-quirks.html");
  assert.equal(await p.page.evaluate(() => document.compatMode), "BackCompat");
  await widgetReady(p.page);
  await exercise(p.page);
  assert.deepEqual(p.errors, []);
  await p.assertPrivate();
  await p.close();
});

test("a page that changes built-ins before the loader runs", async () => {
  const p = await open("/fixtures/hostile-prototypes.html");
  await widgetReady(p.page);
  await exercise(p.page);
  const calls = await p.page.evaluate(() => ({ ...window.hostileCalls, foo: {}.foo }));
  // The wrapped define is what registered the element; the page's changes were in force.
  assert.equal(calls.define, 1, JSON.stringify(calls));
  assert.equal(calls.foo, 1);
  assert.equal(await p.page.evaluate(() => customElements.get("kyphoplasty-guide") !== undefined), true);
  assert.deepEqual(p.errors, []);
  await p.assertPrivate();
  await p.close();
});

test("huge fonts and !important on everything", async () => {
  const p = await open("/fixtures/hostile-fonts.html");
  await widgetReady(p.page);
  await exercise(p.page);
  assert.deepEqual(p.errors, []);
  await p.assertPrivate();
  await p.close();
});

/** Computed font sizes of the guide's body text and title on a page. */
async function guideFontSizes(path) {
  const page = await browser.newPage();
  await page.goto(server.origin + path);
  await widgetReady(page);
  const size = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const px = (sel) => parseFloat(getComputedStyle(root.querySelector(sel)).fontSize);
    return { kg: px(".kg"), title: px(".kg-title") };
  });
  await page.close();
  return size;
}

test("a page's root font-size does not change the guide's text size (README: your site's CSS does not change it)", async (t) => {
  const plain = await guideFontSizes("/fixtures/plain.html");
  const huge = await guideFontSizes("/fixtures/hostile-fonts.html");
  t.diagnostic(`font sizes (px): plain page ${JSON.stringify(plain)}, huge-font page ${JSON.stringify(huge)}`);
  assert.deepEqual(huge, plain);
});

test("a strict CSP with Trusted Types and no policy: works with zero violations", async () => {
  const p = await open("/fixtures/hostile-trusted-types.html");
  await widgetReady(p.page);
  const host = await exercise(p.page);
  await host.locator(".kg-nav").getByRole("button", { name: "Aftercare", exact: true }).click();
  await host.locator('input[type="date"]').fill("2026-11-24");
  await host.locator(".kg-download").waitFor();
  assert.deepEqual(await p.page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(p.errors, []);
  await p.assertPrivate();
  await p.close();
});

test("inside a same-origin iframe", async () => {
  const p = await open("/fixtures/hostile-iframe.html");
  const frame = p.page.frame({ url: /\/fixtures\/plain\.html$/ });
  assert.ok(frame, "the iframe loaded");
  await widgetReady(frame);
  await exercise(frame);
  // Remembered in the frame's (same-origin) storage.
  const saved = await frame.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  assert.equal(saved.ticks.length, 1);
  assert.deepEqual(p.errors, []);
  await p.assertPrivate();
  await p.close();
});

test("inside a sandboxed iframe (opaque origin, storage throws), files served with CORS: works and says ticks are not kept", async () => {
  const p = await open("/fixtures/hostile-sandbox.html", { origin: cdn.origin });
  const frame = p.page.frame({ url: /hostile-storage\.html$/ });
  assert.ok(frame, "the iframe loaded");
  assert.equal(await frame.evaluate(() => origin), "null", "the frame's origin is opaque");
  assert.equal(await frame.evaluate(() => { try { localStorage.length; return "ok"; } catch (e) { return e.name; } }), "SecurityError");
  await widgetReady(frame);
  const host = await exercise(frame);
  await host.getByText("not saving your ticks", { exact: false }).first().waitFor();
  assert.deepEqual(p.errors, []);
  await p.assertPrivate();
  await p.close();
});

test("inside a sandboxed iframe, files served without CORS headers: the practice's fallback stays, nothing uncaught", async (t) => {
  // A page cannot fix this; the README's serving notes must (CORS for cross-origin use).
  const p = await open("/fixtures/hostile-sandbox.html");
  const frame = p.page.frame({ url: /hostile-storage\.html$/ });
  await p.page.waitForTimeout(1500);
  const state = await frame.evaluate(() => {
    const el = document.querySelector("kyphoplasty-guide");
    return { rendered: !!el.shadowRoot?.querySelector(".kg"), fallback: el.querySelector("p").checkVisibility() };
  });
  assert.deepEqual(state, { rendered: false, fallback: true });
  t.diagnostic(`console: ${JSON.stringify(p.errors.map((e) => e.slice(0, 140)))}`);
  // The loader's one console.error ("could not start") and the browser's CORS messages
  // are expected; an uncaught exception is not.
  const uncaught = p.errors.filter((e) => !/could not start|stylesheet did not load|CORS|Failed to load resource|Failed to fetch dynamically imported module/i.test(e));
  assert.deepEqual(uncaught, []);
  await p.assertPrivate();
  await p.close();
});

test("another tab overwrites the saved ticks with garbage: this tab keeps showing the patient's ticks", async () => {
  const ctx = await browser.newContext();
  const a = await open("/fixtures/hostile-storage.html", { context: ctx });
  await widgetReady(a.page);
  const host = a.page.locator("kyphoplasty-guide");
  await host.locator("input.kg-checkbox").nth(0).check();
  await host.locator("input.kg-checkbox").nth(1).check();
  const b = await open("/fixtures/hostile-storage.html", { context: ctx });
  await widgetReady(b.page);
  for (const garbage of ["{garbage", "[]", "null", '{"version":1,"ticks":5}', '{"version":99}', "x".repeat(100_000)]) {
    await b.page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, garbage]);
    await a.page.waitForTimeout(150);
    assert.equal(await checkedCount(a.page), 2, `after ${garbage.slice(0, 20)}`);
    assert.match(await host.locator(".kg-progress-text").first().textContent(), /^2 of/);
  }
  // The next tick saves the list again, over the garbage.
  await host.locator("input.kg-checkbox").nth(2).check();
  const saved = await a.page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  assert.equal(saved.ticks.length, 3);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.assertPrivate();
  await ctx.close();
});

test("garbage from another tab, then a reload before any new tick: the ticks the patient saw are kept", async () => {
  const ctx = await browser.newContext();
  const a = await open("/fixtures/hostile-storage.html", { context: ctx });
  await widgetReady(a.page);
  await a.page.locator("kyphoplasty-guide").locator("input.kg-checkbox").nth(0).check();
  const b = await open("/fixtures/hostile-storage.html", { context: ctx });
  await widgetReady(b.page);
  await b.page.evaluate((key) => localStorage.setItem(key, "{garbage"), KEY);
  await a.page.waitForTimeout(300);
  await b.page.close();
  await a.page.reload();
  await widgetReady(a.page);
  assert.equal(await checkedCount(a.page), 1);
  await ctx.close();
});

for (const [label, raw] of [
  ["without a version", '{"ticks":["before/allergies"],"procedureDate":"2026-11-24"}'],
  ["version 0", '{"version":0,"ticks":["before/allergies"]}'],
  ["a bare array", '["before/allergies"]'],
]) {
  test(`storage written by an older version (${label}): a note, the raw data kept under :unreadable, ticking works`, async () => {
    const ctx = await browser.newContext();
    const p = await open("/fixtures/hostile-storage.html", { context: ctx });
    await widgetReady(p.page);
    await p.page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, raw]);
    await p.page.reload();
    const host = await widgetReady(p.page);
    await host.getByText("could not read the ticks saved earlier", { exact: false }).first().waitFor();
    const stored = await p.page.evaluate(([k, b]) => ({ main: localStorage.getItem(k), backup: localStorage.getItem(b) }), [KEY, BACKUP]);
    assert.deepEqual(stored, { main: raw, backup: raw });
    await exercise(p.page);
    const after = await p.page.evaluate(([k, b]) => ({ main: JSON.parse(localStorage.getItem(k)), backup: localStorage.getItem(b) }), [KEY, BACKUP]);
    assert.equal(after.main.version, 1);
    assert.equal(after.main.ticks.length, 1);
    assert.equal(after.backup, raw, "the old data stays recoverable");
    assert.deepEqual(p.errors, []);
    await p.assertPrivate();
    await ctx.close();
  });
}

test("a broken instance (page-attached closed shadow root) and a 10 MB wording block beside a working guide", async (t) => {
  const p = await open("/fixtures/hostile-broken.html");
  await widgetReady(p.page, "#working");
  await exercise(p.page, "#working");
  // The host page's own controls still work.
  await p.page.click("#host-button");
  assert.equal(await p.page.textContent("#host-output"), "clicked 1");

  // The 10 MB wording is refused with a warning; the guide renders with its own wording.
  await widgetReady(p.page, "#huge");
  const hugeHost = p.page.locator("#huge");
  await hugeHost.locator("input.kg-checkbox").first().check();
  assert.match(await hugeHost.locator(".kg-progress-text").first().textContent(), /^1 of/);

  // The closed root: the loader cannot attach its own, so nothing renders there. Observed:
  const closed = await p.page.evaluate(() => {
    const el = document.getElementById("closed");
    return {
      upgraded: el instanceof customElements.get("kyphoplasty-guide"),
      shadowRootVisible: el.shadowRoot !== null,
      fallbackVisible: document.getElementById("closed-fallback").checkVisibility(),
    };
  });
  t.diagnostic(`closed-root instance: ${JSON.stringify(closed)}; errors: ${JSON.stringify(p.errors.map((e) => e.slice(0, 160)))}`);
  assert.equal(closed.shadowRootVisible, false);
  // A shadow root without a <slot> hides the light DOM: the page itself hid the fallback.
  assert.equal(closed.fallbackVisible, false);
  await p.assertPrivate();
  await p.close();
});

test("a page-attached closed shadow root makes no uncaught exception (the loader reports it once)", async () => {
  const p = await open("/fixtures/hostile-broken.html");
  await widgetReady(p.page, "#working");
  await p.page.waitForTimeout(300);
  const reports = p.errors.filter((e) => /cannot attach the guide/.test(e));
  const others = p.errors.filter((e) => !/could not start|cannot attach the guide/.test(e));
  assert.equal(reports.length, 1, "reported once");
  assert.deepEqual(others, []);
  await p.close();
});

test("a page that forces every shadow root closed: the guide still mounts in the root it attached", async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (options) {
      return attach.call(this, { ...options, mode: "closed" });
    };
  });
  const p = await open("/fixtures/plain.html", { context: ctx });
  await p.page.waitForTimeout(1500);
  assert.deepEqual(p.errors, []);
  // Inside a closed root the guide cannot be queried, but it takes up room on the page.
  const height = await p.page.evaluate(() => document.querySelector("kyphoplasty-guide").getBoundingClientRect().height);
  assert.ok(height > 300, `the element is ${height}px high`);
  await ctx.close();
});

test("Clear my ticks leaves no earlier ticks or procedure date on the device", async () => {
  const ctx = await browser.newContext();
  const p = await open("/fixtures/hostile-storage.html", { context: ctx });
  await widgetReady(p.page);
  const old = '{"ticks":["before/allergies"],"procedureDate":"2026-11-24"}';
  await p.page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, old]);
  await p.page.reload();
  const host = await widgetReady(p.page);
  await host.locator("input.kg-checkbox").first().check();
  await host.getByRole("button", { name: "Clear my ticks" }).click();
  await host.getByRole("button", { name: "Yes, clear them" }).click();
  await host.locator(".kg-progress-text").first().waitFor();
  const stored = await p.page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  const leftovers = stored.filter(([, v]) => /before\/|aftercare\/|\d{4}-\d{2}-\d{2}/.test(v));
  assert.deepEqual(leftovers, []);
  await ctx.close();
});
