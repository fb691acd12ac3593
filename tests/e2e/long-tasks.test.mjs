// No long task from the widget (issue 24): at 4x CPU throttling (Lighthouse's mobile
// preset), none of the widget's script runs over 50 ms at a stretch, from the loader
// showing the document or from the wasm taking over.
//
// Measured with the Long Animation Frames API, which names each script that ran in a
// slow frame (its entry point: the loader's evaluation, a promise callback, a timer in
// the glue) with its duration, forced layouts included. The host page
// (fixtures/plain.html, which opens on the practice's own first part, the warning signs)
// runs no script of its own.
// The frame that first paints the guide's text also has a long style-and-layout step
// (about 100 ms at 4x here, with a cold font cache); a static page of the same text pays
// it as well (dist/guide-en.html shows one of 110 to 170 ms), so it is the browser
// rendering the text, not the widget's work, and is printed but not judged.
//
// Since the islands (issue 24) the wasm never renders the whole guide again, and since the
// document's split (src/document/split.rs) the loader shows the head (the shell and the
// part shown first) and reads the rest one part per task after the paint. The loader's
// start is a task per step (its evaluation; the stylesheet; the document's request; the
// document built; the first part built and placed), the wasm is compiled while it
// streams and instantiated from a task of its own, and each island renders in a task of
// its own.
//
// Only the widget's own files are judged: Playwright's helper, which `widgetReady` runs
// in the page while it waits, has no source file and is not the widget's. A single load at
// 4x on a shared 2-core machine jitters by half either way, so the page is loaded five
// times and each budget is judged on the median load (as Lighthouse and the benchmark
// take medians); every load's figures are printed.
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

const LOADS = 5;
let measured;
/** Three loads' figures, measured once for the tests below. */
const figures = async () => {
  if (!measured) {
    measured = [];
    for (let i = 0; i < LOADS; i++) measured.push(await measure());
  }
  return measured;
};
const widgetsOwn = (scripts) => scripts.filter((s) => /^kyphoplasty-guide/.test(s.source));
const longest = (scripts) => Math.max(0, ...scripts.map((s) => s.duration));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test("at 4x CPU, the slow frames name the widget's scripts by their files", async () => {
  // The loader's scripts are in a slow frame in most loads at 4x, so the measure is seen
  // to name the widget's scripts by their files; the glue runs only after the document.
  const loads = await figures();
  assert.ok(loads.every((load) => load.documentAt !== null), "the document was shown");
  const all = loads.flatMap((load) => widgetsOwn(load.scripts));
  assert.ok(all.some((s) => s.source === "kyphoplasty-guide.js"), `the loader's scripts: ${JSON.stringify(all)}`);
  for (const load of loads) {
    const glue = load.scripts.filter((s) => /^kyphoplasty-guide-core\./.test(s.source));
    console.log(`the glue's scripts in slow frames at ${CPU_SLOWDOWN}x: ${JSON.stringify(glue)}`);
    assert.ok(glue.every((s) => s.start > load.documentAt), "the glue runs only after the document shows");
  }
});

test("at 4x CPU, none of the loader's scripts runs over 50 ms before the document shows (median of five loads)", async () => {
  const loads = await figures();
  const perLoad = loads.map((load) => widgetsOwn(load.scripts.filter((s) => s.start <= load.documentAt)));
  perLoad.forEach((scripts, i) => console.log(`load ${i + 1}, the widget's scripts of slow frames up to the document: ${JSON.stringify(scripts)}`));
  const worst = perLoad.map(longest);
  console.log(`longest per load (ms): ${worst.join(", ")}; median ${median(worst)}`);
  assert.ok(median(worst) <= BUDGET_MS, `the loader's longest script at ${CPU_SLOWDOWN}x: ${worst.join(", ")} ms`);
});

test("at 4x CPU, none of the widget's scripts runs over 50 ms while the wasm takes over (median of five loads)", async () => {
  const loads = await figures();
  const perLoad = loads.map((load) => widgetsOwn(load.scripts.filter((s) => s.start > load.documentAt)));
  loads.forEach((load, i) => {
    console.log(`load ${i + 1}, slow frames at ${CPU_SLOWDOWN}x (ms): ${JSON.stringify(load.frames.map((f) => [f.start, f.duration]))}`);
    console.log(`load ${i + 1}, the widget's scripts in them after the document: ${JSON.stringify(perLoad[i])}`);
  });
  const worst = perLoad.map(longest);
  console.log(`longest per load (ms): ${worst.join(", ")}; median ${median(worst)}`);
  assert.ok(median(worst) <= BUDGET_MS, `the takeover's longest script at ${CPU_SLOWDOWN}x: ${worst.join(", ")} ms`);
});
