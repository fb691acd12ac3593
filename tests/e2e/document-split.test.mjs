// The document in two files (issue 24, src/document/split.rs): the head (the shell and
// the part shown first) is all the guide waits for before it is readable; the rest (every
// part hidden at first) is asked for after the head has painted, and read one part per
// task. A part opened before the rest is here says it is loading; a rest that does not
// load says so in that part and is asked for again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, documentShown, widgetReady, builtFiles, watchErrors } from "./support.mjs";

const FILES = builtFiles();
const at = (key) => "/" + FILES[key].path;
const isRest = (url) => url.pathname === at("rest-en");
const isWasm = (url) => url.pathname === at("wasm");

/** Presses a part's button (at desktop width the list of parts always shows); unlike
 * support's openSection, it does not wait for the part's content, which may not be here yet. */
const choose = (host, section) => host.locator(`.kg-nav-button[data-section="${section}"]`).click();

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs first in the page: when the document first showed and when it first painted. */
function probe() {
  const kg = (window.__kgSplit = { documentAt: null, paintedAt: null });
  new MutationObserver(() => {
    const el = document.querySelector("kyphoplasty-guide");
    if (kg.documentAt === null && el && el.getAttribute("data-kg-state") === "document") {
      kg.documentAt = performance.now();
      requestAnimationFrame(() => setTimeout(() => (kg.paintedAt = performance.now()), 0));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-kg-state"] });
}

test("the rest of the document is asked for only after the head has painted, and the head is the smaller part", async () => {
  const page = await browser.newPage();
  await page.addInitScript(probe);
  await page.goto(server.origin + "/");
  await widgetReady(page);
  const timing = await page.evaluate(([head, rest]) => {
    const entry = (path) => performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === path);
    return { ...window.__kgSplit, head: entry(head)?.startTime, rest: entry(rest)?.startTime };
  }, [at("document-en"), at("rest-en")]);
  assert.ok(timing.head !== undefined && timing.rest !== undefined, JSON.stringify(timing));
  assert.ok(timing.paintedAt !== null, "the document painted");
  assert.ok(timing.rest >= timing.paintedAt, `the rest was asked for at ${timing.rest} ms, the head painted at ${timing.paintedAt} ms`);
  const head = await (await fetch(server.origin + at("document-en"))).text();
  const rest = await (await fetch(server.origin + at("rest-en"))).text();
  assert.ok(head.length * 5 < rest.length, `head ${head.length} B, rest ${rest.length} B`);
  await page.close();
});

test("a part opened before the rest arrives says it is loading, then shows; the steps work in it", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(isRest, async (route) => {
    await held;
    await route.continue();
  });
  await page.route(isWasm, (route) => route.abort()); // the loader's document alone
  await page.goto(server.origin + "/");
  const host = await documentShown(page);
  await host.getByRole("heading", { name: "Overview" }).waitFor();
  await choose(host, "procedure");
  const status = host.locator(".kg-rest-status");
  await status.getByText("Loading this part of the guide…").waitFor();
  assert.equal(await status.locator("[role=status]").count(), 1, "the line is a status message, read out politely");
  release();
  await host.getByRole("heading", { name: /Step 1 of 8/ }).waitFor();
  assert.equal(await status.isVisible(), false, "the status line goes once the part is here");
  await host.getByRole("button", { name: "Next step" }).click();
  await host.getByRole("heading", { name: /Step 2 of 8/ }).waitFor();
  assert.deepEqual(errors.filter((e) => !/WebAssembly|wasm|Failed to load resource/i.test(e)), []);
  await page.close();
});

test("a rest that does not load says so in the part, and choosing a part again asks for it again", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  let refuse = true;
  await page.route(isRest, (route) => (refuse ? route.abort() : route.continue()));
  await page.route(isWasm, (route) => route.abort());
  await page.goto(server.origin + "/");
  const host = await documentShown(page);
  await choose(host, "risks");
  await host.locator(".kg-rest-status").getByText("This part did not load. Check your internet connection, then choose it again.").waitFor();
  refuse = false;
  await choose(host, "warnings");
  await host.getByRole("heading", { name: "Warning signs" }).first().waitFor();
  assert.equal(await host.locator(".kg-rest-status").isVisible(), false);
  await page.close();
});

test("a practice's own first part, which is in the rest, is on screen at the first paint with no status line", async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__kgFirst = null;
    new MutationObserver(() => {
      const el = document.querySelector("kyphoplasty-guide");
      if (window.__kgFirst === null && el && el.getAttribute("data-kg-state") === "document") {
        const root = el.shadowRoot;
        window.__kgFirst = {
          open: root.querySelector(".kg > [data-kg-panel]:not([hidden])")?.getAttribute("data-kg-panel"),
          built: !!root.querySelector(".kg > [data-kg-panel='warnings'] h3"),
          status: !root.querySelector(".kg-rest-status").hidden,
        };
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-kg-state"] });
  });
  await page.goto(server.origin + "/fixtures/plain.html"); // sections="warnings before procedure"
  await widgetReady(page);
  assert.deepEqual(await page.evaluate(() => window.__kgFirst), { open: "warnings", built: true, status: false });
  await page.close();
});
