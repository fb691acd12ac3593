// The wasm waits for the patient (issue 24): it is requested only after the document
// has painted, and only once the guide is on screen or within about one screen of it
// (or at once, when the patient uses a control that needs it); a guide below three
// screens of text costs nothing until it is scrolled to; nothing the patient does in
// the document meanwhile is lost; and the takeover never paints a new LCP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, documentShown, builtFiles } from "./support.mjs";

// The build's hashed file names, from the loader's table.
const FILES = builtFiles();
const at = (key) => "/" + FILES[key].path;
const isWasm = (url) => url.pathname === at("wasm");
const LONG = "/fixtures/long.html";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs first in the page (an init script): records every LCP entry, and when the
 * loader's document first appears in a guide's shadow root, the time of the next two
 * frames (the frame after `frame` has painted the document).
 */
function probe() {
  const kg = (window.__kg = { lcp: [], inserted: null, frame: null, painted: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) kg.lcp.push(entry.startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => {
      if (kg.inserted !== null || !root.querySelector(".kg-mount[data-kg-document] .kg")) return;
      kg.inserted = performance.now();
      requestAnimationFrame(() => {
        kg.frame = performance.now();
        requestAnimationFrame(() => (kg.painted = performance.now()));
      });
    }).observe(root, { childList: true });
    return root;
  };
}

/** When (Resource Timing `startTime`) the glue and the wasm were requested; null if not. */
const requestedAt = (page) =>
  page.evaluate(([glue, wasm]) => {
    const start = (path) => performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === path)?.startTime ?? null;
    return { glue: start(glue), wasm: start(wasm) };
  }, [at("glue"), at("wasm")]);

/** Opens `url` with the wasm's and glue's requests listed in `asked` (as the page makes them). */
async function open(url, { viewport = { width: 1280, height: 800 }, hold = false } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(probe);
  const asked = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path === at("wasm") || path === at("glue")) asked.push(path);
  });
  let release = () => {};
  if (hold) {
    const held = new Promise((resolve) => (release = resolve));
    await page.route(isWasm, async (route) => {
      await held;
      await route.continue();
    });
  }
  await page.goto(server.origin + url);
  return { context, page, asked, release };
}

/** Lets the loader's frame, idle and observer callbacks all run (its idle wait gives up after 1 s). */
const settle = (page) => page.waitForTimeout(2000);

const guideTop = (page) => page.evaluate(() => document.querySelector("kyphoplasty-guide").getBoundingClientRect().top / innerHeight);

test("the wasm is requested only after the document has painted, and the LCP is the document's", async () => {
  const { context, page } = await open("/");
  await widgetReady(page);
  await page.waitForTimeout(1000); // any late LCP entry would be reported by now
  const kg = await page.evaluate(() => window.__kg);
  const requested = await requestedAt(page);
  assert.ok(kg.inserted !== null && kg.frame !== null && kg.painted !== null, JSON.stringify(kg));
  for (const [name, time] of Object.entries(requested)) {
    assert.ok(time !== null, `${name} was requested`);
    // The document's frame (its paint follows its frame callbacks in the same task) came first.
    assert.ok(time > kg.frame, `${name} requested at ${time} ms, before the document's frame at ${kg.frame} ms`);
    for (const lcp of kg.lcp) assert.ok(lcp <= time, `an LCP entry at ${lcp} ms came after the ${name} was requested at ${time} ms`);
  }
  // No LCP entry after the document's paint: the takeover paints nothing new or larger.
  assert.ok(kg.lcp.length > 0, "an LCP entry was reported");
  for (const lcp of kg.lcp) assert.ok(lcp <= kg.painted, `an LCP entry at ${lcp} ms, after the document painted (${kg.painted} ms)`);
  await context.close();
});

test("a guide below three screens of text requests nothing until it is scrolled near", async () => {
  const { context, page, asked } = await open(LONG);
  await documentShown(page);
  assert.ok((await guideTop(page)) > 3, "the guide starts more than three screens down");
  await settle(page);
  assert.deepEqual(asked, [], "no glue or wasm while the guide is off screen");
  assert.equal(await page.locator("kyphoplasty-guide").getAttribute("data-kg-state"), "document");
  // Scrolled to within about a screen of it (its top one and a half screens below the
  // viewport's top): now it is asked for, and takes over.
  await page.evaluate(() => window.scrollBy(0, document.querySelector("kyphoplasty-guide").getBoundingClientRect().top - innerHeight * 1.5));
  await widgetReady(page);
  assert.deepEqual([...asked].sort(), [at("glue"), at("wasm")].sort());
  await context.close();
});

test("off screen, the loader's own controls ask for nothing; a tick asks for the wasm at once, and everything done before it arrives is kept", async () => {
  const { context, page, asked, release } = await open(LONG, { hold: true });
  const host = await documentShown(page);
  await settle(page);
  // Without scrolling (the guide stays three screens down): language, section, step.
  const press = (selector) =>
    page.evaluate((s) => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(s).click(), selector);
  await press('.kg-lang[lang="es"]');
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")?.getAttribute("lang") === "es");
  await press('.kg-nav-button[data-section="procedure"]');
  await press('[data-kg-goto="3"]');
  await press('.kg-nav-button[data-section="before"]');
  await page.waitForTimeout(500);
  assert.deepEqual(asked, [], "the loader's own controls need no wasm");
  // A tick needs it (to be remembered): asked for at once, though the guide is off screen.
  const requested = page.waitForRequest((r) => r.url().endsWith(at("wasm")), { timeout: 3000 });
  await page.evaluate(() => {
    const box = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector('[data-kg-panel="before"] input.kg-checkbox');
    box.focus({ preventScroll: true });
    box.click();
  });
  await requested;
  assert.ok((await guideTop(page)) > 2, "still off screen when the wasm was asked for");
  release();
  await widgetReady(page);
  const guide = host.locator("section.kg");
  assert.equal(await guide.getAttribute("lang"), "es", "language kept");
  assert.equal(await host.locator('.kg-nav-button[aria-current="true"]').getAttribute("data-section"), "before", "section kept");
  assert.equal(await host.locator("input.kg-checkbox").first().isChecked(), true, "tick kept");
  assert.match(await host.locator(".kg-progress-text").first().textContent(), /^1 /);
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  await host.getByRole("heading", { name: /Paso 3 de 8/ }).waitFor();
  // The tick is remembered on this device, not only shown.
  await page.reload();
  await page.evaluate(() => document.querySelector("kyphoplasty-guide").scrollIntoView());
  await widgetReady(page);
  await host.locator('.kg-nav-button[data-section="before"]').click();
  assert.equal(await host.locator("input.kg-checkbox").first().isChecked(), true, "tick remembered after a reload");
  await context.close();
});

test("a control that needs the wasm, used in the document, is asked for at once and its change kept", async () => {
  const { context, page, asked, release } = await open("/", { hold: true });
  const host = await documentShown(page);
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  // "Show labels": on by default; the patient turns it off before the wasm is here.
  const labels = host.locator(".kg-stepper:not([hidden]) .kg-stage-extras .kg-toggle input");
  assert.equal(await labels.isChecked(), true);
  await labels.uncheck();
  await page.waitForTimeout(300);
  assert.ok(asked.includes(at("wasm")), "asked for at once");
  release();
  await widgetReady(page);
  // The live widget hides the labels: its own state changed, not only the box.
  await host.locator(".kg-stepper:not([hidden]) .kg-ill:not(.kg-ill-labelled)").waitFor({ timeout: 5000 });
  assert.equal(await labels.isChecked(), false);
  await context.close();
});

test("before the wasm, the loader sends the same section and step events as the live widget", async () => {
  const { context, page, release } = await open("/", { hold: true });
  await page.evaluate(() => {
    window.guideEvents = [];
    for (const name of ["kyphoplasty-guide:step", "kyphoplasty-guide:section"]) {
      document.addEventListener(name, (e) => window.guideEvents.push({ type: e.type, detail: e.detail, state: e.target.getAttribute("data-kg-state") }));
    }
  });
  const host = await documentShown(page);
  // The patient's moves in the document: a part, the next step, the same step again
  // (no event: nothing changed), and the warning signs' shortcut.
  const moves = async () => {
    await host.locator(".kg-nav").getByRole("button", { name: "The procedure" }).click();
    await host.locator(".kg-stepper:not([hidden])").getByRole("button", { name: "Next step" }).click();
    await host.locator('.kg-step-list [data-kg-goto="2"]').click();
    await host.locator(".kg-nav").getByRole("button", { name: "Before", exact: true }).click();
  };
  await moves();
  const seen = await page.evaluate(() => window.guideEvents.splice(0));
  assert.ok(seen.every((e) => e.state === "document"), JSON.stringify(seen));
  assert.deepEqual(seen.map((e) => [e.type, e.detail.section ?? e.detail.step]), [
    ["kyphoplasty-guide:section", "procedure"],
    ["kyphoplasty-guide:step", 2],
    ["kyphoplasty-guide:section", "before"],
  ]);
  // The live widget, given the same moves from step 1, sends the same details.
  release();
  await widgetReady(page);
  await host.locator(".kg-nav").getByRole("button", { name: "The procedure" }).click();
  await host.getByRole("button", { name: "Previous step" }).click();
  await page.evaluate(() => window.guideEvents.splice(0));
  await moves();
  const live = await page.evaluate(() => window.guideEvents.splice(0));
  assert.ok(live.every((e) => e.state === "interactive"), JSON.stringify(live));
  assert.deepEqual(live.map((e) => ({ type: e.type, detail: e.detail })), seen.map((e) => ({ type: e.type, detail: e.detail })));
  assert.equal(typeof seen[1].detail.id, "string");
  assert.equal(seen[1].detail.total, 8);
  await context.close();
});
