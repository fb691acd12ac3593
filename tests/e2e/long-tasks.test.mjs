// No long task from the widget (issue 24): at 4x CPU throttling (Lighthouse's mobile
// preset), none of the widget's script runs over 50 ms at a stretch, from the loader
// showing the document or from the wasm taking over.
//
// Measured with the Long Animation Frames API, which names each script that ran in a
// slow frame (its entry point: the loader's evaluation, a promise callback, a timer in
// the glue) with its duration, forced layouts included. The host page
// (fixtures/plain.html) runs no script of its own, so every script entry is the widget's.
// The frame that first paints the guide's text also has a long style-and-layout step
// (about 100 ms at 4x here, with a cold font cache); a static page of the same text pays
// it as well (dist/guide-en.html shows one of 110 to 170 ms), so it is the browser
// rendering the text, not the widget's work, and is printed but not judged.
//
// Both budgets are still todos, printing their figures rather than hiding them. Since the
// islands (issue 24) the wasm no longer renders the whole guide again: the island on
// screen renders in the task that mounts, the others and the print sheet's parts one per
// task, and no single render of the wasm's measured over 76 ms at 4x on this shared
// machine (most runs under 50). What still passes 50 ms in some runs: the loader's
// evaluation and its building of the document (28 to 81 ms), the text table read into
// the wasm (`prepare`, up to 68 ms) and the promise step that instantiates the wasm (15 to
// 147 ms). What is held now: the measure sees the scripts it judges.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady } from "./support.mjs";

const BUDGET_MS = 50;
const CPU_SLOWDOWN = 4;

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs first in the page: every slow frame's scripts, and when the document showed. */
function probe() {
  const kg = (window.__kgFrames = { frames: [], documentAt: null });
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries()) {
      kg.frames.push({
        start: Math.round(frame.startTime),
        duration: Math.round(frame.duration),
        scripts: frame.scripts.map((s) => ({
          start: Math.round(s.startTime),
          duration: Math.round(s.duration),
          invoker: s.invoker,
          source: s.sourceURL.split("/").pop(),
        })),
      });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
  new MutationObserver(() => {
    if (kg.documentAt === null && document.querySelector("kyphoplasty-guide")?.getAttribute("data-kg-state") === "document") {
      kg.documentAt = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-kg-state"] });
}

/** Opens the plain host page at 4x CPU; the scripts of its slow frames until a quiet second after the takeover. */
async function measure() {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.addInitScript(probe);
  await page.goto(server.origin + "/fixtures/plain.html");
  await widgetReady(page);
  await page.waitForTimeout(1500); // the print sheet's parts and any late task
  const kg = await page.evaluate(() => window.__kgFrames);
  await context.close();
  const scripts = kg.frames.flatMap((f) => f.scripts);
  return { documentAt: kg.documentAt, frames: kg.frames, scripts };
}

let measured;
const figures = async () => (measured ??= await measure());
const overBudget = (scripts) => scripts.filter((s) => s.duration > BUDGET_MS);

test("at 4x CPU, the slow frames name the widget's scripts by their files", async () => {
  // The loader's evaluation is always in a slow frame at 4x, so the measure is seen to
  // name the widget's scripts. The glue's used to be too (the whole guide's render); since
  // the islands its tasks are short, and it shows only in the slow frames it still makes.
  const { documentAt, scripts } = await figures();
  assert.ok(documentAt !== null, "the document was shown");
  assert.ok(scripts.some((s) => s.source === "kyphoplasty-guide.js" && s.start <= documentAt), `the loader's scripts: ${JSON.stringify(scripts)}`);
  const glue = scripts.filter((s) => /^kyphoplasty-guide-core\./.test(s.source));
  console.log(`the glue's scripts in slow frames at ${CPU_SLOWDOWN}x: ${JSON.stringify(glue)}`);
  assert.ok(glue.every((s) => s.start > documentAt), "the glue runs only after the document shows");
});

test("at 4x CPU, none of the loader's scripts runs over 50 ms before the document shows", { todo: "the loader's evaluation and build are 28 to 81 ms at 4x on this shared machine" }, async () => {
  const { documentAt, scripts } = await figures();
  const before = scripts.filter((s) => s.start <= documentAt);
  console.log(`scripts of slow frames at ${CPU_SLOWDOWN}x up to the document: ${JSON.stringify(before)}`);
  assert.deepEqual(overBudget(before), [], `the loader's scripts at ${CPU_SLOWDOWN}x`);
});

test("at 4x CPU, none of the widget's scripts runs over 50 ms while the wasm takes over", { todo: "islands render one per task, but reading the text table and instantiating the wasm still pass 50 ms in some runs (up to 68 and 147 ms)" }, async () => {
  const { documentAt, scripts, frames } = await figures();
  const after = scripts.filter((s) => s.start > documentAt);
  console.log(`slow frames at ${CPU_SLOWDOWN}x (ms): ${JSON.stringify(frames.map((f) => [f.start, f.duration]))}`);
  console.log(`their scripts after the document: ${JSON.stringify(after)}`);
  assert.deepEqual(overBudget(after), [], `the takeover's scripts at ${CPU_SLOWDOWN}x`);
});
