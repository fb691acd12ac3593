// The in-browser measurements: start-up (time to interactive, static floor, longest
// task, layout shift), interactions (main-thread time of a click), memory.
// Every page load gets a fresh browser context (empty cache and storage), a fresh
// page, and a CDP session on it for CPU throttling, GC and metrics.
import {
  TRACE_CATEGORIES,
  parseTrace,
  threadEvents,
  topLevelTasks,
  selfTimeByCategory,
  addCategories,
  describeTask,
  taskHas,
  mainThreadForUrl,
  mainThreadForEvent,
  inside,
  ms,
} from "./trace.mjs";
import { observeLayoutShift, layoutShiftScore } from "./vitals.mjs";
import { sleep, log } from "./util.mjs";

const TIMEOUT = 30000;

/** "Slow 4G": about 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (Lighthouse's mobile profile). */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 };

export async function freshPage(browser, rate, network = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  }
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, cdp, errors };
}

/**
 * Resolves when the page logs `text` (the probe's console.debug signals). Used instead
 * of page.waitForFunction, which injects Playwright's helper script into the page and
 * runs it there — tens of milliseconds of main-thread work in the middle of start-up.
 */
export function consoleSignal(page, text) {
  return page.waitForEvent("console", { predicate: (m) => m.text() === text, timeout: TIMEOUT });
}

/** Busy-loop timing: how much the CPU throttling really slows the renderer. */
export async function calibrate(browser, origin, rate) {
  const { context, page } = await freshPage(browser, rate);
  await page.goto(origin + "/bench-empty.html");
  const times = [];
  for (let i = 0; i < 3; i++) {
    times.push(
      await page.evaluate(() => {
        const t = performance.now();
        let x = 0;
        for (let i = 0; i < 1e7; i++) x = (x + i * 7) % 1000003;
        return performance.now() - t + (x < 0 ? 1 : 0);
      }),
    );
  }
  await context.close();
  return Math.min(...times);
}

/** The live guide's markup (the document's `.kg-mount`, without the <slot> and <link>), from a live page. */
export async function captureMarkup(browser, origin) {
  const { context, page } = await freshPage(browser, 1);
  const ready = consoleSignal(page, "bench:ready");
  await page.goto(origin + "/bench-startup-1.html");
  await ready;
  // The guide once live: the document the loader shows, with the islands the wasm has
  // rendered into it (issue 24: the document stays; the live root's own container is empty).
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "interactive", null, { timeout: TIMEOUT });
  await sleep(300);
  const markup = await page.evaluate(() => {
    const mount = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-mount[data-kg-document]");
    return mount.outerHTML;
  });
  await context.close();
  return markup;
}

export function paintEntries() {
  // Runs in the page: buffered paint / LCP / element-timing / layout-shift entries.
  const read = (type) =>
    new Promise((resolve) => {
      const out = [];
      try {
        const po = new PerformanceObserver((list) => out.push(...list.getEntries()));
        po.observe({ type, buffered: true });
        setTimeout(() => {
          po.disconnect();
          resolve(out);
        }, 50);
      } catch {
        resolve(out);
      }
    });
  return Promise.all([read("largest-contentful-paint"), read("element"), read("layout-shift")]).then(
    ([lcp, element, shifts]) => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      lcp: lcp.length ? lcp[lcp.length - 1].renderTime || lcp[lcp.length - 1].startTime : null,
      title: element.find((e) => e.identifier === "kg-title")?.renderTime ?? null,
      shifts: shifts.map((s) => ({ start: s.startTime, value: s.value, hadRecentInput: s.hadRecentInput })),
      resources: performance.getEntriesByType("resource").map((r) => ({
        name: r.name.split("/").pop(),
        start: r.startTime,
        end: r.responseEnd,
      })),
    }),
  );
}

/**
 * CLS counted as the web-vitals library counts it: the largest session window of shifts
 * without recent input. Kept by hand for the static floor only, which must run no script
 * while it loads (the widget page's CLS comes from web-vitals itself: vitals.mjs).
 */
function cls(shifts) {
  let best = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.hadRecentInput).sort((a, b) => a.start - b.start)) {
    if (s.start - last < 1000 && s.start - first < 5000) current += s.value;
    else {
      current = s.value;
      first = s.start;
    }
    last = s.start;
    best = Math.max(best, current);
  }
  return best;
}

/** The static-HTML floor: FCP (and LCP, and the guide's title painted) of the script-free page. */
export async function loadStatic(browser, origin, rate, network = null) {
  const { context, page, errors } = await freshPage(browser, rate, network);
  await page.goto(origin + "/bench-static.html", { waitUntil: "load", timeout: TIMEOUT });
  await sleep(300);
  const m = await page.evaluate(paintEntries);
  const scripts = await page.evaluate(() => document.scripts.length);
  await context.close();
  return { ...m, cls: cls(m.shifts), scripts, errors };
}

/** Time to interactive (probe mode): see pages.mjs for the exact definition. */
export async function loadInteractive(browser, origin, rate, network = null) {
  const { context, page, errors } = await freshPage(browser, rate, network);
  const done = consoleSignal(page, "bench:interactive");
  await page.goto(origin + "/bench-probe.html", { waitUntil: "load", timeout: TIMEOUT });
  await done;
  const bench = await page.evaluate(() => window.__bench);
  const m = await page.evaluate(paintEntries);
  await context.close();
  const loader = m.resources.find((r) => r.name === "kyphoplasty-guide.js");
  return {
    ...bench.t,
    attempts: bench.attempts,
    hostFcp: m.fcp,
    loaderStart: loader?.start ?? null,
    resources: m.resources,
    errors,
  };
}

/**
 * Start-up, traced: the longest main-thread task from the loader's evaluation until
 * 500 ms after the guide is up, the main-thread time by category in that window, and the
 * long tasks the page itself saw (PerformanceObserver 'longtask').
 */
export async function loadStartupTraced(browser, origin, rate) {
  const { context, page, errors } = await freshPage(browser, rate);
  const url = origin + "/bench-startup-1.html";
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let buffer;
  try {
    const ready = consoleSignal(page, "bench:ready");
    await page.goto(url, { waitUntil: "load", timeout: TIMEOUT });
    await ready;
    await sleep(500);
  } finally {
    buffer = await browser.stopTracing();
  }
  const bench = await page.evaluate(() => window.__bench);
  await context.close();

  const { events } = parseTrace(buffer);
  const thread = mainThreadForUrl(events, url);
  if (!thread) throw new Error("trace: cannot find the page's main thread");
  const evts = threadEvents(events, thread.pid, thread.tid);
  const tasks = topLevelTasks(evts);
  const loaderEval = evts.find((e) => e.name === "EvaluateScript" && /\/kyphoplasty-guide\.js$/.test(e.args?.data?.url || ""));
  const navStart =
    events.find((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url)?.ts ?? tasks[0]?.ts;
  const windowStart = loaderEval ? tasks.find((t) => t.ts <= loaderEval.ts && t.ts + t.dur >= loaderEval.ts)?.ts ?? loaderEval.ts : navStart;
  const inWindow = tasks.filter((t) => t.ts >= windowStart);
  const before = tasks.filter((t) => t.ts < windowStart && t.ts >= navStart);
  const longest = inWindow.reduce((a, t) => (!a || t.dur > a.dur ? t : a), null);
  const longestBefore = before.reduce((a, t) => (!a || t.dur > a.dur ? t : a), null);
  const categories = {};
  for (const t of inWindow) addCategories(categories, selfTimeByCategory(evts, t));
  const busy = inWindow.reduce((s, t) => s + t.dur, 0);
  const longtasksAfterLoader = bench.longtasks.filter((l) => l.start >= ms(windowStart - navStart) - 1);
  return {
    firstKg: bench.t.firstKg,
    longestMs: longest ? ms(longest.dur) : null,
    longestAt: longest ? ms(longest.ts - navStart) : null,
    longestWhat: longest ? describeTask(evts, longest) : "",
    longestCategories: longest ? selfTimeByCategory(evts, longest) : {},
    top: inWindow
      .slice()
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 4)
      .map((t) => ({ at: ms(t.ts - navStart), ms: ms(t.dur), what: describeTask(evts, t) })),
    longestBeforeMs: longestBefore ? ms(longestBefore.dur) : null,
    longestBeforeWhat: longestBefore ? describeTask(evts, longestBefore) : "",
    busyMs: ms(busy),
    tasksOver50: inWindow.filter((t) => t.dur >= 50000).length,
    categories, // µs of self time
    longtasks: bench.longtasks,
    longtasksAfterLoader,
    errors,
  };
}

/**
 * Layout shift on the widget page: CLS from web-vitals (vitals.mjs), and what moved, as the
 * probe described it. Loads of their own: web-vitals runs from the start of the page, and
 * in the traced loads its work would count in the host page's tasks before the loader.
 */
export async function loadLayoutShift(browser, origin, rate) {
  const { context, page, errors } = await freshPage(browser, rate);
  await observeLayoutShift(page);
  const ready = consoleSignal(page, "bench:ready");
  await page.goto(origin + "/bench-startup-1.html", { waitUntil: "load", timeout: TIMEOUT });
  await ready;
  await sleep(500); // as the traced loads: catches shifts from work the widget defers
  const cls = await layoutShiftScore(page);
  const shifts = await page.evaluate(() => window.__bench.shifts);
  await context.close();
  return { cls, shifts, errors };
}

// --- interactions -------------------------------------------------------------

async function ready(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector("kyphoplasty-guide");
      return !!el && !!el.shadowRoot && !!el.shadowRoot.querySelector(".kg");
    },
    null,
    { timeout: TIMEOUT },
  );
}

/** Puts `selector` (in the guide's shadow root, or in the page with `light`) mid-screen; returns its centre. */
async function target(page, selector, index = 0, light = false) {
  const r = await page.evaluate(
    ({ selector, index, light }) => {
      const root = light ? document : document.querySelector("kyphoplasty-guide").shadowRoot;
      const all = root.querySelectorAll(selector);
      let el = all[index % all.length];
      if (!el) return null;
      // A visually hidden checkbox is clicked through its label, as a patient would.
      let box = el.getBoundingClientRect();
      if ((box.width < 4 || box.height < 4) && el.labels && el.labels[0]) el = el.labels[0];
      el.scrollIntoView({ block: "center", inline: "center" });
      box = el.getBoundingClientRect();
      return { x: box.x + Math.min(box.width / 2, 20), y: box.y + box.height / 2, count: all.length };
    },
    { selector, index, light },
  );
  if (!r) throw new Error(`no element for ${selector}`);
  return r;
}

/**
 * One traced click. The mouse is moved onto the target first (untraced, so hover
 * styling is not counted), then press+release is traced. Measured: the sum of the
 * renderer main thread's top-level tasks from the task that dispatches the press
 * until the main thread is quiet again (no task of 1 ms or more starts within 50 ms
 * of the last one; capped at `horizon` ms). That is the input handling, the widget's
 * code (Yew's update and the DOM patch), style, layout, paint and commit of the
 * frames that show the result, and anything the widget schedules (timers).
 * Measured by hand, not as web-vitals' INP: onINP does see these clicks (page.mouse is
 * real input), but INP is one figure per page (its slowest interaction, from the input
 * to the next paint, in steps of 8 ms) and leaves out work after that paint; the budget
 * is on each click's main-thread work, median of runs.
 */
const QUIET_US = 50000;

async function tracedClick(browser, page, point, settleMs) {
  await page.mouse.move(point.x, point.y);
  await sleep(150);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let buffer;
  try {
    await sleep(30);
    await page.mouse.down();
    await page.mouse.up();
    await sleep(settleMs);
  } finally {
    buffer = await browser.stopTracing();
  }
  const { events } = parseTrace(buffer);
  const thread = mainThreadForEvent(events, ["pointerdown", "mousedown", "click"]);
  if (!thread) return null;
  const evts = threadEvents(events, thread.pid, thread.tid);
  const tasks = topLevelTasks(evts);
  const dispatches = (t, re) => inside(evts, t).some((e) => e.name === "EventDispatch" && re.test(e.args?.data?.type));
  const first = tasks.findIndex((t) => dispatches(t, /^(pointerdown|mousedown)$/));
  if (first < 0) return null;
  const start = tasks[first].ts;
  const horizon = start + (settleMs - 40) * 1000;
  const counted = [tasks[first]];
  let end = start + tasks[first].dur;
  for (const t of tasks.slice(first + 1)) {
    if (t.ts >= horizon || t.ts - end >= QUIET_US) break;
    counted.push(t);
    if (t.dur >= 1000) end = Math.max(end, t.ts + t.dur);
  }
  const categories = {};
  for (const t of counted) addCategories(categories, selfTimeByCategory(evts, t));
  const clickTask = counted.find((t) => dispatches(t, /^click$/));
  // Time inside calls into the glue (JS → wasm), outermost calls only.
  let widgetCode = 0;
  for (const t of counted) {
    let until = -Infinity;
    for (const e of inside(evts, t)) {
      if (e.name !== "FunctionCall" || !/kyphoplasty-guide-core/.test(e.args?.data?.url || "") || e.ts < until) continue;
      widgetCode += e.dur;
      until = e.ts + e.dur;
    }
  }
  return {
    ms: ms(counted.reduce((s, t) => s + t.dur, 0)),
    tasks: counted.length,
    latencyMs: ms(end - start),
    clickTaskMs: clickTask ? ms(clickTask.dur) : null,
    widgetMs: ms(widgetCode),
    categories,
  };
}

/**
 * The interactions on one fresh page at `rate`: the first ("cold") and then `runs`
 * measured clicks of each kind. Kinds: 'step' (.kg-next on the procedure section),
 * 'tick' (input.kg-checkbox on the before section), 'null' (the host page's <h1>: a
 * click the widget does not handle — the browser's own cost of a click, for scale).
 */
export async function interactions(browser, origin, rate, runs) {
  const { context, page, errors } = await freshPage(browser, rate);
  await page.goto(origin + "/bench-plain.html", { waitUntil: "load", timeout: TIMEOUT });
  await ready(page);
  await sleep(300);
  const settle = rate > 1 ? 450 : 250;
  const click = async (selector, index = 0, light = false) => tracedClick(browser, page, await target(page, selector, index, light), settle);
  const steps = await stepClicks(page, click, runs);
  const ticks = await tickClicks(page, click, runs);
  const host = await hostClicks(click, runs);
  await context.close();
  return { step: steps.measured, tick: ticks.measured, null: host, cold: { step: steps.cold, tick: ticks.cold }, errors };
}

async function openSection(page, section) {
  await page.evaluate((section) => {
    document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(`.kg-nav-button[data-section="${section}"]`).click();
  }, section);
  await sleep(300);
}

/** { n, total } of the procedure's current step, or null when it is not shown. */
function stepNumber(page) {
  return page.evaluate(() => {
    // "Step 2 of 8" (.kg-step-number / .kg-step-progress), else the step list's aria-current.
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const p = root.querySelector(".kg-step-number, .kg-step-progress");
    const m = p && p.textContent.match(/(\d+)\D+(\d+)/);
    if (m) return { n: Number(m[1]), total: Number(m[2]) };
    const cur = root.querySelector('[aria-current="step"]');
    const item = cur && cur.closest("li");
    if (!item) return null;
    const items = [...item.parentElement.children];
    return { n: items.indexOf(item) + 1, total: items.length };
  });
}

/** Step changes (Next on the procedure section); a click counts only if the step went up by one. */
async function stepClicks(page, click, runs) {
  const out = { cold: undefined, measured: [] };
  await openSection(page, "procedure");
  for (let i = 0; i <= runs; i++) {
    let s = await stepNumber(page);
    if (!s) throw new Error("procedure section did not render");
    if (s.n >= s.total) {
      // Back to step 1 (untimed), so every measured click is a real step change.
      await page.evaluate(() => {
        const root = document.querySelector("kyphoplasty-guide").shadowRoot;
        for (let k = 0; k < 20; k++) root.querySelector(".kg-previous").click();
      });
      await sleep(300);
      s = await stepNumber(page);
    }
    const r = await click(".kg-next");
    const after = await stepNumber(page);
    if (r && after && after.n === s.n + 1) {
      if (i === 0) out.cold = r;
      else out.measured.push(r);
    } else log(`step click ${i} not counted (step ${s.n} → ${after?.n})`);
  }
  return out;
}

/** Checkbox ticks on the before section; a click counts only if the box changed state. */
async function tickClicks(page, click, runs) {
  const out = { cold: undefined, measured: [] };
  await openSection(page, "before");
  for (let i = 0; i <= runs; i++) {
    const checked = () =>
      page.evaluate((i) => {
        const all = document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll("input.kg-checkbox");
        return all[i % all.length].checked;
      }, i);
    const was = await checked();
    const r = await click("input.kg-checkbox", i);
    const now = await checked();
    if (r && now !== was) {
      if (i === 0) out.cold = r;
      else out.measured.push(r);
    } else log(`tick ${i} not counted (checked ${was} → ${now})`);
  }
  return out;
}

/** Clicks on host text the widget does not handle, for scale (the first one left out, as for the others). */
async function hostClicks(click, runs) {
  const measured = [];
  for (let i = 0; i <= runs; i++) {
    const r = await click("h1", 0, true);
    if (r && i > 0) measured.push(r);
  }
  return measured;
}

// --- memory --------------------------------------------------------------------

/**
 * After the page settles and two forced GCs (CDP HeapProfiler.collectGarbage):
 *   jsHeap      Runtime.getHeapUsage usedSize: the page's V8 heap (JS objects,
 *               including the glue's tables and each instance's JS wrappers)
 *   blinkHeap   Runtime.getHeapUsage embedderHeapUsedSize: Blink's (Oilpan) heap —
 *               DOM nodes, shadow roots, style objects the page allocated
 *   wasmMemory  the wasm instance's linear memory (WebAssembly.Memory buffer
 *               byteLength, read through the glue module's exports: the loader's
 *               import() of the glue returns the same module instance to page code)
 *   nodes, listeners, layoutObjects: Performance.getMetrics
 * Not counted: compiled wasm/JS code, layout/paint/GPU memory, the process itself.
 */
export async function memory(browser, origin, page_, instances) {
  const { context, page, cdp, errors } = await freshPage(browser, 1);
  const ready = instances > 0 ? consoleSignal(page, "bench:ready") : null;
  await page.goto(origin + page_, { waitUntil: "load", timeout: TIMEOUT });
  if (ready) await ready;
  await sleep(500);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await cdp.send("Performance.enable");
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const wasmMemory =
    instances > 0
      ? await page.evaluate(async () => {
          // The glue's URL as the loader imported it (its name carries a content hash).
          const url = performance.getEntriesByType("resource").map((r) => r.name).find((n) => /\/kyphoplasty-guide-core[^/]*\.js$/.test(n));
          const glue = await import(url);
          const exports = await glue.default();
          return exports.memory.buffer.byteLength;
        })
      : 0;
  const rendered = await page.evaluate(
    () => [...document.querySelectorAll("kyphoplasty-guide")].filter((e) => e.shadowRoot && e.shadowRoot.querySelector(".kg")).length,
  );
  await context.close();
  return {
    jsHeap: heap.usedSize,
    blinkHeap: heap.embedderHeapUsedSize ?? 0,
    wasmMemory,
    nodes: metrics.Nodes,
    listeners: metrics.JSEventListeners,
    layoutObjects: metrics.LayoutObjects,
    rendered,
    errors,
  };
}
