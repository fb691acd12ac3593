// Static first: the guide shows as a document before the WebAssembly arrives, stays
// whole where it cannot run (a CSP without 'wasm-unsafe-eval', a blocked file, a
// panic), and the live widget takes over without a visible change.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startServer, launchBrowser, widgetReady, documentShown, watchErrors, axeAudit, describeViolations, builtFiles, settledScreenshot, chooseLanguage } from "./support.mjs";

// The build's hashed file names, from the loader's table.
const FILES = builtFiles();
const at = (key) => "/" + FILES[key].path;
const isWasm = (url) => url.pathname === at("wasm");

const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
let server, browser;
before(async () => {
  server = await startServer({
    headers: (path) => (path === "/fixtures/csp.html" ? { "content-security-policy": NO_WASM_CSP } : {}),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const state = (page, sel = "kyphoplasty-guide") => page.evaluate((s) => document.querySelector(s).getAttribute("data-kg-state"), sel);
const waitState = (page, value, sel = "kyphoplasty-guide") =>
  page.waitForFunction(([s, v]) => document.querySelector(s)?.getAttribute("data-kg-state") === v, [sel, value], { timeout: 20000 });

/** Opens the demo with the wasm response held back until `release()`. */
async function withWasmHeld(url = "/", viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const requests = [];
  page.on("requestfinished", (r) => requests.push(new URL(r.url()).pathname));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(isWasm, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.origin + url);
  return { page, requests, release };
}

test("the document, with the practice's name, is on screen before the wasm arrives", async () => {
  const { page, requests, release } = await withWasmHeld();
  const host = await documentShown(page);
  assert.equal(await state(page), "document");
  await host.getByRole("heading", { name: "Overview" }).waitFor();
  await host.getByText("From Riverside Spine & Pain Center").waitFor();
  assert.ok(!requests.some((p) => p.endsWith(".wasm")), "the wasm has not arrived");
  assert.ok(requests.includes(at("document-en")), "the English document was fetched");
  assert.ok(!requests.includes(at("document-es")), "the other language is not fetched");
  // Its section buttons and steps work before the wasm.
  await host.getByRole("button", { name: "The procedure" }).click();
  await host.getByRole("button", { name: "Next step" }).click();
  await host.getByRole("heading", { name: /Step 2 of 8/ }).waitFor();
  assert.equal(await host.getByRole("button", { name: "Next step" }).count(), 1, "one step shows at a time");
  release();
  await widgetReady(page);
  // The live widget opened where the patient was.
  await host.getByRole("heading", { name: /Step 2 of 8/ }).waitFor();
  await page.close();
});

for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  test(`no visible change when the wasm takes over (${name})`, async () => {
    const { page, release } = await withWasmHeld("/", viewport);
    await documentShown(page);
    await page.evaluate(() => document.fonts.ready);
    const scroll = await page.evaluate(() => window.scrollY);
    const before = await settledScreenshot(page);
    release();
    await widgetReady(page);
    const after = await settledScreenshot(page);
    assert.equal(await page.evaluate(() => window.scrollY), scroll);
    if (!before.equals(after)) {
      // Kept for a person to look at: what moved.
      await fs.writeFile(path.join(os.tmpdir(), `kg-takeover-${name}-before.png`), before);
      await fs.writeFile(path.join(os.tmpdir(), `kg-takeover-${name}-after.png`), after);
    }
    assert.ok(before.equals(after), `the screenshots before and after the takeover differ (saved in ${os.tmpdir()}/kg-takeover-${name}-*.png)`);
    await page.close();
  });
}

test("a language chosen in the document is kept when the wasm takes over", async () => {
  const { page, release } = await withWasmHeld();
  const host = await documentShown(page);
  await chooseLanguage(host, "es");
  await host.getByRole("heading", { name: "Resumen" }).waitFor();
  release();
  await widgetReady(page);
  await page.waitForTimeout(300);
  assert.equal(await host.locator("section.kg").getAttribute("lang"), "es");
  await host.getByRole("heading", { name: "Resumen" }).waitFor();
  await page.close();
});

test("focus stays on the same control when the wasm takes over", async () => {
  const { page, release } = await withWasmHeld();
  const host = await documentShown(page);
  await host.getByRole("button", { name: "Before" }).focus();
  release();
  await widgetReady(page);
  const focused = await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.activeElement?.textContent);
  assert.equal(focused, "Before");
  await page.close();
});

test("a tick made in the document is kept by the live widget", async () => {
  const { page, release } = await withWasmHeld();
  const host = await documentShown(page);
  await host.getByRole("button", { name: "Before" }).click();
  const first = host.locator("input.kg-checkbox").first();
  await first.check();
  release();
  await widgetReady(page);
  assert.equal(await host.locator("input.kg-checkbox").first().isChecked(), true);
  assert.match(await host.locator(".kg-progress-text").first().textContent(), /^1 of/);
  await page.close();
});

test("a CSP without 'wasm-unsafe-eval': the whole guide reads as a document, and the console says why once", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const violations = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await page.goto(server.origin + "/fixtures/csp.html");
  await waitState(page, "static");
  const host = page.locator("kyphoplasty-guide");
  // Every section (this portal page is in Spanish) and every step with its picture.
  for (const name of ["procedure", "before", "aftercare", "warnings", "risks", "questions", "understanding", "sources"]) {
    await host.locator(`.kg-nav-button[data-section="${name}"]`).click();
    const panel = host.locator(`[data-kg-panel="${name}"]`);
    assert.equal(await panel.isVisible(), true, name);
    assert.ok((await panel.locator("h3").first().textContent()).length > 0, name);
  }
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  for (let step = 2; step <= 8; step++) {
    await host.locator(".kg-stepper:not([hidden]) .kg-next").click();
    assert.equal(await host.locator(`.kg-stepper[data-kg-step="${step}"]`).isVisible(), true);
    assert.equal(await host.locator(".kg-stepper:not([hidden]) figure svg").count(), 1);
  }
  // Controls that need the wasm are not offered.
  assert.equal(await host.locator(".kg-read-aloud:visible, .kg-stage-controls:visible").count(), 0);
  assert.equal(errors.filter((e) => /works as a document/.test(e) && /wasm-unsafe-eval/.test(e)).length, 1, JSON.stringify(errors));
  await page.close();
});

test("a blocked wasm: the document stays, and the other language is fetched only when asked for", async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.route(isWasm, (route) => route.abort());
  await page.goto(server.origin + "/");
  await waitState(page, "static");
  const host = page.locator("kyphoplasty-guide");
  assert.ok(!fetched.includes(at("document-es")));
  await chooseLanguage(host, "es");
  await host.getByRole("heading", { name: "Resumen" }).waitFor();
  assert.ok(fetched.includes(at("document-es")));
  // The practice's name is kept in the other language.
  await host.getByText("De Riverside Spine & Pain Center", { exact: false }).waitFor();
  await page.close();
});

test("the live widget switches language, and the other language is never fetched up front", async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  assert.ok(!fetched.includes(at("document-es")) && !fetched.includes(at("text-es")));
  await chooseLanguage(host, "es");
  await host.getByRole("heading", { name: "Resumen" }).waitFor();
  assert.equal(await state(page), "interactive", "the live widget switched");
  // The shell is the document's in both states: the live widget needs the other
  // language's document and its text table, each once.
  assert.equal(fetched.filter((p) => p === at("text-es")).length, 1);
  assert.equal(fetched.filter((p) => p === at("document-es")).length, 1);
  await page.close();
});

test("one language per visitor: the wasm carries no guide text, and a failed switch keeps the patient's language", async () => {
  const wasm = await fs.readFile(path.join(import.meta.dirname, "../../dist", FILES.wasm.path));
  for (const sentence of ["Your guide to balloon kyphoplasty", "Su guía sobre la cifoplastia con balón"]) {
    assert.equal(wasm.includes(Buffer.from(sentence)), false, `the wasm holds "${sentence}"`);
  }
  const page = await browser.newPage();
  const errors = watchErrors(page);
  let offline = true;
  await page.route((url) => url.pathname === at("text-es"), (route) => (offline ? route.abort() : route.continue()));
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await chooseLanguage(host, "es");
  await host.getByRole("heading", { name: "Overview" }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await host.getByRole("heading", { name: "Resumen" }).count(), 0);
  assert.ok(errors.some((text) => /did not load; staying in this one/.test(text)), errors.join("\n"));
  // The network is back: the same choice works.
  offline = false;
  await chooseLanguage(host, "es");
  await host.getByRole("heading", { name: "Resumen" }).waitFor();
  await page.close();
});

test("a panic: every guide goes back to its document, and the console says so once", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.origin + "/fixtures/multi.html");
  // Each guide's wasm waits for it to come near the screen: widgetReady scrolls to each.
  for (const id of ["#first", "#second", "#late"]) await widgetReady(page, id);
  await page.waitForFunction(() => {
    const guides = [...document.querySelectorAll("kyphoplasty-guide")];
    return guides.length === 3 && guides.every((g) => g.getAttribute("data-kg-state") === "interactive");
  });
  await page.evaluate(async (glueUrl) => {
    const glue = await import(new URL(glueUrl, location.href).href);
    try { glue.__kgPanicForTests(); } catch (trap) { /* the wasm traps after the panic hook ran */ }
  }, at("glue"));
  await page.waitForFunction(() => [...document.querySelectorAll("kyphoplasty-guide")].every((g) => g.getAttribute("data-kg-state") === "static"));
  const shown = await page.evaluate(() => [...document.querySelectorAll("kyphoplasty-guide")].map((g) => ({
    document: !!g.shadowRoot.querySelector(".kg-mount[data-kg-document] .kg")?.checkVisibility(),
    live: g.shadowRoot.querySelectorAll(".kg-mount:not([data-kg-document])").length,
  })));
  for (const guide of shown) assert.deepEqual(guide, { document: true, live: 0 });
  // A guide added after the panic shows its document rather than mount on a broken instance.
  await page.evaluate(() => {
    const more = document.createElement("kyphoplasty-guide");
    more.id = "after-panic";
    document.body.append(more);
  });
  await waitState(page, "static", "#after-panic");
  const host = page.locator("kyphoplasty-guide").first();
  await host.getByRole("button", { name: "Warning signs", exact: true }).first().click();
  await host.getByRole("heading", { name: /Call 911 now if/ }).waitFor();
  assert.equal(errors.filter((e) => /internal error stopped the guide/.test(e)).length, 1, JSON.stringify(errors));
  assert.equal(errors.filter((e) => /works as a document/.test(e)).length, 1, JSON.stringify(errors));
  await page.close();
});

test("the document carries the practice's configuration: sections, heading level, start step, instructions", async () => {
  const page = await browser.newPage();
  await page.route(isWasm, (route) => route.abort());
  await page.goto(server.origin + "/fixtures/plain.html");
  await page.evaluate(() => {
    const el = document.createElement("kyphoplasty-guide");
    el.id = "configured";
    el.setAttribute("practice-name", "Lakeside Spine");
    el.setAttribute("practice-phone", "+1 (555) 222-3333");
    el.setAttribute("emergency-number", "112");
    el.setAttribute("sections", "procedure, aftercare");
    el.setAttribute("heading-level", "3");
    el.setAttribute("start-step", "4");
    el.setAttribute("driving", "No driving for 2 weeks.");
    document.body.append(el);
  });
  // Below the page's first guide: the loader asks for the wasm (here refused, so the
  // guide says "static") only once the guide is near the screen, as a patient scrolls to
  // it once it shows (scrolled to before the first guide has grown to its height, it could
  // be pushed a screen away again).
  await waitState(page, "document", "#configured");
  await page.evaluate(() => document.querySelector("#configured").scrollIntoView());
  await waitState(page, "static", "#configured");
  const host = page.locator("#configured");
  const nav = await host.locator(".kg-nav-button").allTextContents();
  assert.deepEqual(nav, ["The procedure", "Aftercare", "Warning signs"]);
  assert.equal(await host.locator("h3.kg-title").count(), 1);
  await host.getByRole("heading", { name: /Step 4 of 8/, level: 5 }).waitFor();
  await host.locator(".kg-emergency-strip").getByText("In an emergency, call 112.").waitFor();
  assert.equal(await host.locator(".kg-call").getAttribute("href"), "tel:112");
  await host.locator('.kg-nav-button[data-section="aftercare"]').click();
  await host.getByText("No driving for 2 weeks.").first().waitFor();
  await host.getByRole("button", { name: "Warning signs", exact: true }).first().click();
  await host.locator("[data-kg-panel=warnings]").getByText("Contact Lakeside Spine if:").waitFor();
  assert.equal(await host.locator("[data-kg-panel=warnings]").getByRole("link", { name: /Call Lakeside Spine/ }).getAttribute("href"), "tel:+15552223333");
  await page.close();
});

test("axe: the document without the wasm, every section and every step, in both languages", async () => {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const page = await browser.newPage();
  await page.route(isWasm, (route) => route.abort());
  await page.goto(server.origin + "/");
  await waitState(page, "static");
  const host = page.locator("kyphoplasty-guide");
  const results = [];
  for (const lang of ["en", "es"]) {
    if (lang === "es") {
      await chooseLanguage(host, "es");
      await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg").getAttribute("lang") === "es");
    }
    for (const name of ["overview", "procedure", "before", "aftercare", "warnings", "risks", "questions", "understanding", "sources"]) {
      await host.locator(`.kg-nav-button[data-section="${name}"]`).click();
      results.push({ state: `document ${lang} ${name}`, ...(await axeAudit(page, tags)) });
    }
    await host.locator('.kg-nav-button[data-section="procedure"]').click();
    await host.locator('[data-kg-goto="1"]').click(); // the language switch kept the step
    for (let step = 2; step <= 8; step++) {
      await host.locator(".kg-stepper:not([hidden]) .kg-next").click();
      results.push({ state: `document ${lang} step ${step}`, ...(await axeAudit(page, tags)) });
    }
  }
  assert.equal(describeViolations(results), "", "axe violations");
  await page.close();
});
