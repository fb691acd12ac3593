#!/usr/bin/env node
// Performance benchmark for the embeddable guide. Builds a release into its own
// directory, serves it, measures it in headless Chromium, analyses the wasm, prints
// a report, and writes it into BENCHMARKS.md (between the "bench:results" markers).
// Reports only: exits 0 when a budget is missed; non-zero only when it cannot measure.
//
//   node scripts/bench.mjs [options]
//     --runs N              timed runs per figure (default 7; at least 5 recommended)
//     --throttle R          CPU slow-down for the start-up and budget figures (default 4)
//     --dist DIR            where to build and what to serve (default /tmp/kg-bench-dist)
//     --cargo-target-dir D  cargo target dir for the bench's builds (default /tmp/kg-bench-target;
//                           kept apart from target/ so a build running alongside cannot race it)
//     --analysis-dir DIR    named wasm copies for twiggy (default /tmp/kg-bench-analysis)
//     --no-build            use what is already in --dist (and the artifact in --cargo-target-dir)
//     --static PATH         a static-HTML version of the guide to use as the floor (a whole page,
//                           or a fragment put where the element goes); default: the widget's own
//                           rendered markup, captured from a live page
//     --no-twiggy           skip the function/crate breakdown
//     --no-install          do not `cargo install twiggy` when it is missing
//     --no-browser          sizes and wasm breakdown only
//     --cache MODE          how the server caches the build's files: "headers" (default: the rules of
//                           dist/_headers), "no-cache" (every file revalidated, as the README advised
//                           before the files had hashed names) or "no-store" (a host that sends every
//                           file in full on every visit); the repeat visit shows the difference
//     --wait-idle S         before the browser runs, wait up to S seconds (default 60) for the CPUs
//                           to be mostly idle (other builds and tests running alongside skew timings)
//     --no-write            print only; leave BENCHMARKS.md alone
//     --out FILE            the Markdown file to update (default BENCHMARKS.md)
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchBrowser, builtFiles } from "../tests/e2e/support.mjs";
import { LOADER } from "./release.mjs";
import { IMMUTABLE } from "./caching.mjs";
import { REPEAT_LOADER_MAX_AGE, repeatInteractive, repeatStatic, repeatSection } from "./bench/repeat.mjs";
import { startBenchServer } from "./bench/serving.mjs";
import { widgetPage, emptyPage, staticPage, staticFromFile, cssForStatic } from "./bench/pages.mjs";
import { embedSizes } from "./bench/sizes.mjs";
import { wasmSections, dataText, analyze } from "./bench/wasm.mjs";
import * as B from "./bench/browser.mjs";
import { summarize, fmtMs, fmtStat, fmtBytes, fmtInt, table, run, log, KB, MB } from "./bench/util.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, "..");

// --- options ---------------------------------------------------------------------------

// Every option with its default; `parseArgs` from node:util reads them (strict: an
// unknown option or a missing value is an error).
const OPTIONS = {
  runs: { type: "string", default: "7" },
  throttle: { type: "string", default: "4" },
  dist: { type: "string", default: "/tmp/kg-bench-dist" },
  "cargo-target-dir": { type: "string", default: "/tmp/kg-bench-target" },
  "analysis-dir": { type: "string", default: "/tmp/kg-bench-analysis" },
  static: { type: "string" },
  "wait-idle": { type: "string", default: "60" },
  cache: { type: "string", default: "headers" },
  out: { type: "string", default: path.join(ROOT, "BENCHMARKS.md") },
  "no-build": { type: "boolean", default: false },
  "no-twiggy": { type: "boolean", default: false },
  "no-install": { type: "boolean", default: false },
  "no-browser": { type: "boolean", default: false },
  "no-write": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
};
const CACHE_MODES = ["headers", "no-cache", "no-store"];

function readOptions(args) {
  const { values: v, tokens } = parseArgs({ args, options: OPTIONS, strict: true, tokens: true });
  if (!CACHE_MODES.includes(v.cache)) throw new Error(`--cache takes headers, no-cache or no-store, not ${v.cache}`);
  // The command as given, for the report's first line (where it writes is not part of it).
  const given = tokens
    .filter((t) => t.kind === "option" && !["no-write", "out", "help"].includes(t.name))
    .map((t) => (t.value === undefined ? t.rawName : `${t.rawName} ${t.value}`));
  return {
    runs: Math.max(1, parseInt(v.runs, 10)),
    throttle: Math.max(1, Number(v.throttle)),
    dist: path.resolve(v.dist),
    targetDir: path.resolve(v["cargo-target-dir"]),
    analysisDir: path.resolve(v["analysis-dir"]),
    static: v.static === undefined ? null : path.resolve(v.static),
    waitIdle: Math.max(0, Number(v["wait-idle"])),
    cache: v.cache,
    out: path.resolve(v.out),
    build: !v["no-build"],
    twiggy: !v["no-twiggy"],
    install: !v["no-install"],
    browser: !v["no-browser"],
    write: !v["no-write"],
    help: v.help,
    command: ["node scripts/bench.mjs", ...given].join(" "),
  };
}

// --- build --------------------------------------------------------------------------------

function toolEnv(o) {
  const home = os.homedir();
  return {
    ...process.env,
    PATH: [path.join(ROOT, "node_modules/.bin"), path.join(home, ".cargo/bin"), process.env.PATH].join(path.delimiter),
    CARGO_TARGET_DIR: o.targetDir,
  };
}

async function build(o, env) {
  log(`trunk build --release --dist ${o.dist} (CARGO_TARGET_DIR=${o.targetDir}) ...`);
  const t = Date.now();
  const r = await run("trunk", ["build", "--release", "--dist", o.dist], { cwd: ROOT, env });
  if (r.code !== 0) {
    process.stderr.write(r.stdout.slice(-4000) + r.stderr.slice(-4000));
    throw new Error(
      r.code === -1
        ? "trunk not found: run `source scripts/setup.sh` first (it installs the tools)"
        : `trunk build failed${existsSync(path.join(o.dist, LOADER)) ? ` (to measure the previous build in ${o.dist}, add --no-build)` : ""}`,
    );
  }
  log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

// --- measurements ----------------------------------------------------------------------

/**
 * Fraction of CPU time (all cores) spent busy over `ms`. Niced work (background builds
 * run with `nice`) is left out: it yields the CPU to the browser.
 */
async function cpuBusy(ms = 2000) {
  const snap = () => os.cpus().reduce((a, c) => {
    const t = c.times;
    a.busy += t.user + t.sys + t.irq;
    a.all += t.user + t.nice + t.sys + t.irq + t.idle;
    return a;
  }, { busy: 0, all: 0 });
  const a = snap();
  await new Promise((r) => setTimeout(r, ms));
  const b = snap();
  return (b.busy - a.busy) / Math.max(1, b.all - a.all);
}

/** Waits (up to `seconds`) until the machine is mostly idle; returns the last busy fraction seen. */
async function waitForIdle(seconds) {
  const until = Date.now() + seconds * 1000;
  let busy = await cpuBusy();
  while (busy > 0.25 && Date.now() < until) {
    log(`CPUs ${Math.round(busy * 100)}% busy with other work; waiting (up to ${Math.round((until - Date.now()) / 1000)} s more)...`);
    busy = await cpuBusy(5000);
  }
  return busy;
}

async function browserFigures(o, pages, server, embed) {
  const idle = o.waitIdle > 0 ? await waitForIdle(o.waitIdle) : await cpuBusy(1000);
  const browser = await launchBrowser();
  const res = { version: browser.version(), loadBefore: os.loadavg()[0], busyBefore: idle };
  try {
    log("calibrating CPU throttling...");
    res.calibration = { 1: await B.calibrate(browser, server.origin, 1), [o.throttle]: await B.calibrate(browser, server.origin, o.throttle) };

    // The static floor: a given file, or the widget's own markup captured from a live page.
    const cssHref = "/kyphoplasty-guide.static.css";
    if (o.static) {
      pages.set("/bench-static.html", { body: staticFromFile({ text: await fs.readFile(o.static, "utf8"), cssHref }) });
      const rel = path.relative(ROOT, o.static);
      res.staticSource = `${rel && !rel.startsWith("..") ? rel : o.static} (--static)`;
    } else {
      const markup = await B.captureMarkup(browser, server.origin);
      // elementtiming on the title lets the page report when the guide's own text is painted.
      const timed = markup.replace(/class="kg-title"/, 'class="kg-title" elementtiming="kg-title"');
      pages.set("/bench-static.html", { body: staticPage({ markup: timed, cssHref }) });
      res.staticSource = `the widget's rendered markup (${fmtBytes(markup.length)} of HTML, captured from a live page)`;
    }

    const rate = o.throttle;
    const r = (res.runs = { static: [], probe: [], traced: [], traced1: [], static4g: [], probe4g: [] });
    for (let i = 0; i < o.runs; i++) {
      log(`start-up run ${i + 1}/${o.runs} (static, widget, both also on slow 4G, traced ${rate}x, traced 1x)...`);
      r.static.push(await B.loadStatic(browser, server.origin, rate));
      r.probe.push(await B.loadInteractive(browser, server.origin, rate));
      r.static4g.push(await B.loadStatic(browser, server.origin, rate, B.SLOW_4G));
      r.probe4g.push(await B.loadInteractive(browser, server.origin, rate, B.SLOW_4G));
      r.traced.push(await B.loadStartupTraced(browser, server.origin, rate));
      if (rate !== 1) r.traced1.push(await B.loadStartupTraced(browser, server.origin, 1));
    }
    if (rate === 1) r.traced1 = r.traced;

    const rep = (res.repeat = { [`${rate}x CPU, no network throttling`]: { widget: [], static: [] }, [`${rate}x CPU, slow 4G`]: { widget: [], static: [] } });
    const profiles = Object.values(rep);
    for (let i = 0; i < o.runs; i++) {
      log(`repeat-visit run ${i + 1}/${o.runs} (static and widget, load then reload; also on slow 4G)...`);
      for (const [k, network] of [[0, null], [1, B.SLOW_4G]]) {
        profiles[k].static.push(await repeatStatic(browser, server, rate, embed, network));
        profiles[k].widget.push(await repeatInteractive(browser, server, rate, embed, network));
      }
    }

    log(`interactions at ${rate}x...`);
    res.inter = await B.interactions(browser, server.origin, rate, o.runs);
    if (rate !== 1) {
      log("interactions at 1x...");
      res.inter1 = await B.interactions(browser, server.origin, 1, o.runs);
    } else res.inter1 = res.inter;

    log("memory...");
    const memRuns = Math.max(3, Math.min(o.runs, 5));
    res.memory = { 0: [], 1: [], 10: [] };
    for (let i = 0; i < memRuns; i++) {
      res.memory[0].push(await B.memory(browser, server.origin, "/bench-empty.html", 0));
      res.memory[1].push(await B.memory(browser, server.origin, "/bench-startup-1.html", 1));
      res.memory[10].push(await B.memory(browser, server.origin, "/bench-startup-10.html", 10));
    }
  } finally {
    await browser.close();
  }
  res.loadAfter = os.loadavg()[0];
  return res;
}

// --- report ---------------------------------------------------------------------------------

const CACHING = {
  headers: "the rules of `dist/_headers` (scripts/caching.mjs): the loader `public, max-age=300` with an ETag, the hashed files `public, max-age=31536000, immutable`",
  "no-cache": "`--cache no-cache`: every file `no-cache` with an ETag (revalidated on every use, as the README advised before the files had hashed names)",
  "no-store": "`--cache no-store`: every file `no-store` (sent in full on every visit, as by a host that answers no revalidation)",
};

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const col = (rows, key) => rows.map((x) => (typeof key === "function" ? key(x) : x[key]));
const sum3 = (s, fmt = fmtMs) => (s ? [fmt(s.min), fmt(s.median), fmt(s.max)] : ["n/a", "n/a", "n/a"]);

function categoriesLine(list) {
  // Median self time per category across runs, largest first.
  const keys = [...new Set(list.flatMap((c) => Object.keys(c)))];
  return keys
    .map((k) => [k, summarize(list.map((c) => (c[k] || 0) / 1000))?.median || 0])
    .filter(([, v]) => v >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(", ");
}

/**
 * The guide's text first (its document), then interactive: both profiles side by side.
 * "Guide text shown" is when the document (or, without one, the live widget) is first in
 * the shadow root, plus the next frame; the floor is the static page's first contentful paint.
 */
function firstPaintSection(o, r, T, budgets, P) {
  const profiles = [
    [`${T}, no network throttling`, r.static, r.probe],
    [`${T}, slow 4G (1.6 Mbit/s, 150 ms RTT)`, r.static4g, r.probe4g],
  ];
  const rows = [];
  for (const [label, stat, probe] of profiles) {
    if (!stat.length || !probe.length) continue;
    const floor = summarize(col(stat, "fcp"));
    const text = summarize(col(probe, "firstKg"));
    const inter = summarize(col(probe, "interactive"));
    const paintRatio = text && floor ? text.median / floor.median : null;
    const interRatio = inter && floor ? inter.median / floor.median : null;
    rows.push([label, fmtMs(floor?.median), fmtMs(text?.median), paintRatio ? paintRatio.toFixed(2) + "x" : "n/a", fmtMs(inter?.median), interRatio ? interRatio.toFixed(2) + "x" : "n/a"]);
    budgets.push([`guide text shown ÷ static FCP (${label})`, paintRatio ? `${paintRatio.toFixed(2)}x (${fmtMs(text.median)} vs ${fmtMs(floor.median)})` : "n/a", "≤ 1.25x", P(paintRatio != null ? paintRatio <= 1.25 : null)]);
    budgets.push([`interactive ÷ static FCP (${label})`, interRatio ? `${interRatio.toFixed(2)}x` : "n/a", "≤ 2x", P(interRatio != null ? interRatio <= 2 : null)]);
  }
  return [
    "#### Guide text first, then interactive (medians, ms since navigation start)",
    "",
    table(["profile", "static page FCP", "guide text in the shadow root", "÷ static", "interactive", "÷ static"], rows, ["l", "r", "r", "r", "r", "r"]),
  ];
}

function report(o, ctx) {
  const { sizes, wasm, sections, data, br } = ctx;
  const out = [];
  const budgets = [];
  const P = (ok) => (ok == null ? "n/a" : ok ? "pass" : "**FAIL**");

  out.push(`Generated by \`${o.command}\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`);
  out.push("");
  const env = [
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model?.trim() || "?"}), Node ${process.version}`,
    br ? `browser: Chromium ${br.version} headless (tests/e2e/support.mjs launchBrowser), viewport 1280×800, files served from localhost with brotli (as a host or CDN would)` : null,
    `build: \`trunk build --release --dist ${o.dist}\` (CARGO_TARGET_DIR=${o.targetDir})${o.build ? "" : ", made before this run (--no-build)"}; wasm sha256 ${ctx.wasmHash.slice(0, 16)}…`,
    br ? `CPU throttling: ${o.throttle}x via CDP Emulation.setCPUThrottlingRate; calibration loop ${fmtMs(br.calibration[1])} at 1x, ${fmtMs(br.calibration[o.throttle])} at ${o.throttle}x (effective ${(br.calibration[o.throttle] / br.calibration[1]).toFixed(1)}x)` : null,
    br ? `runs: ${o.runs} per timed figure (min / median / max shown); every page load in a fresh browser context (the repeat visit: a load and a reload in one)` : null,
    br ? `caching: ${CACHING[o.cache]}` : null,
    br
      ? `other work on the machine: CPUs ${Math.round(br.busyBefore * 100)}% busy (not counting niced work) just before the browser runs; load average (1 min) ${br.loadBefore.toFixed(2)} before, ${br.loadAfter.toFixed(2)} after` +
        (br.busyBefore > 0.25 || br.calibration[o.throttle] / br.calibration[1] < o.throttle * 0.6
          ? " — **busy machine: other work skewed these timings; rerun when idle**"
          : "")
      : null,
  ].filter(Boolean);
  out.push(...env.map((l) => `- ${l}`));
  out.push("");

  // 1. sizes
  const sec1 = [];
  sec1.push("### 1. Transfer size of what the embed loads");
  sec1.push("");
  sec1.push(
    table(
      ["file", "what", "raw", "gzip -9", "brotli q11"],
      [...sizes.rows, sizes.total].map((r) => [r.file, r.role, fmtInt(r.raw), fmtInt(r.gzip), fmtInt(r.brotli)]),
      ["l", "l", "r", "r", "r"],
    ),
  );
  sec1.push("");
  sec1.push(`Bytes. Total gzip ${fmtBytes(sizes.total.gzip)}, brotli ${fmtBytes(sizes.total.brotli)} (1 KB = 1024 B).`);
  budgets.push(["embed total, gzip -9", fmtBytes(sizes.total.gzip), "≤ 100 KB", P(sizes.total.gzip <= 100 * KB)]);

  const sec2 = [];
  const sec3 = [];
  const sec4 = [];
  const sec5 = [];
  if (br) {
    const r = br.runs;
    const T = `${o.throttle}x CPU`;
    // 2. start-up
    const st = {
      fcp: summarize(col(r.static, "fcp")),
      lcp: summarize(col(r.static, "lcp")),
      title: summarize(col(r.static, "title")),
      hostFcp: summarize(col(r.probe, "hostFcp")),
      loader: summarize(col(r.probe, "loaderStart")),
      wasm: summarize(col(r.probe, (x) => x.resources.find((q) => q.name.endsWith(".wasm"))?.end)),
      css: summarize(col(r.probe, (x) => x.resources.find((q) => q.name === ctx.cssName)?.end)),
      kg: summarize(col(r.probe, "firstKg")),
      handled: summarize(col(r.probe, "clickHandled")),
      inter: summarize(col(r.probe, "interactive")),
      interFrame: summarize(col(r.probe, "interactiveFrame")),
      fromLoader: summarize(col(r.probe, (x) => x.interactive - x.loaderStart)),
      attempts: summarize(col(r.probe, "attempts")),
    };
    const ratioRuns = summarize(r.probe.map((p, i) => p.interactive / r.static[i].fcp));
    const ratio = st.inter && st.fcp ? st.inter.median / st.fcp.median : null;
    sec2.push(`### 2. Start-up on a sample host page (${T})`);
    sec2.push("");
    sec2.push(
      table(
        ["page / moment (ms since navigation start)", "min", "median", "max"],
        [
          ["static page: first contentful paint", ...sum3(st.fcp)],
          ["static page: guide title painted (element timing)", ...sum3(st.title)],
          ["static page: largest contentful paint", ...sum3(st.lcp)],
          ["widget page: host page first contentful paint", ...sum3(st.hostFcp)],
          ["widget page: loader requested", ...sum3(st.loader)],
          ["widget page: wasm downloaded (responseEnd)", ...sum3(st.wasm)],
          ["widget page: stylesheet downloaded (responseEnd)", ...sum3(st.css)],
          ["widget page: `.kg` in the shadow root", ...sum3(st.kg)],
          ["widget page: probe click handled", ...sum3(st.handled)],
          ["widget page: **interactive** (click's result in the DOM)", ...sum3(st.inter)],
          ["widget page: interactive + next frame", ...sum3(st.interFrame)],
          ["widget page: loader requested → interactive", ...sum3(st.fromLoader)],
        ],
        ["l", "r", "r", "r"],
      ),
    );
    sec2.push("");
    sec2.push(
      `Ratio interactive ÷ static FCP: **${ratio ? ratio.toFixed(2) + "x" : "n/a"}** (medians; per-run ratios ${ratioRuns ? `${ratioRuns.min.toFixed(2)}–${ratioRuns.max.toFixed(2)}x` : "n/a"}). ` +
        `Static floor: ${br.staticSource}; it ran ${r.static[0]?.scripts ?? "?"} scripts. ` +
        `Probe clicks needed: ${st.attempts ? st.attempts.max : "?"} at most (1 = the first click after \`.kg\` appeared was handled).`,
    );
    budgets.push([`interactive ÷ static FCP (${T})`, ratio ? `${ratio.toFixed(2)}x (${fmtMs(st.inter.median)} vs ${fmtMs(st.fcp.median)})` : "n/a", "≤ 2x", P(ratio != null ? ratio <= 2 : null)]);
    sec2.push("");
    sec2.push(...firstPaintSection(o, r, T, budgets, P));
    sec2.push("");
    sec2.push(...repeatSection({ runs: br.repeat, caching: CACHING[o.cache], budgets, P }));

    // 3. interactions
    sec3.push("### 3. Main-thread time of an interaction");
    sec3.push("");
    const rows = [];
    const cats = [];
    const figure = (label, list, cold, throttle) => {
      const s = summarize(col(list, "ms"));
      rows.push([
        label,
        throttle,
        ...sum3(s),
        s ? String(summarize(col(list, "tasks")).median) : "n/a",
        fmtMs(summarize(col(list, "latencyMs"))?.median),
        fmtMs(summarize(col(list, "widgetMs"))?.median),
        fmtMs(summarize(col(list, "clickTaskMs"))?.median),
        cold ? fmtMs(cold.ms) : "n/a",
      ]);
      cats.push(`- ${label}, ${throttle}: ${categoriesLine(col(list, "categories"))} ms`);
      return s;
    };
    const step4 = figure("step change (`.kg-next`)", br.inter.step, br.inter.cold.step, T);
    const tick4 = figure("tick a checkbox (`input.kg-checkbox`)", br.inter.tick, br.inter.cold.tick, T);
    figure("click on host text (browser's own cost)", br.inter.null, null, T);
    let step1, tick1;
    if (o.throttle !== 1) {
      step1 = figure("step change (`.kg-next`)", br.inter1.step, br.inter1.cold.step, "1x CPU");
      tick1 = figure("tick a checkbox (`input.kg-checkbox`)", br.inter1.tick, br.inter1.cold.tick, "1x CPU");
      figure("click on host text (browser's own cost)", br.inter1.null, null, "1x CPU");
    }
    sec3.push(
      table(
        ["interaction", "CPU", "min", "median", "max", "tasks", "press → quiet", "in widget code", "click task", "first click (cold)"],
        rows,
        ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r"],
      ),
    );
    sec3.push("");
    sec3.push("Median self time by category (ms):");
    sec3.push("");
    sec3.push(...cats);
    budgets.push([`step change main thread (${T})`, fmtMs(step4?.median), "≤ 8 ms", P(step4 ? step4.median <= 8 : null)]);
    budgets.push([`checkbox tick main thread (${T})`, fmtMs(tick4?.median), "≤ 8 ms", P(tick4 ? tick4.median <= 8 : null)]);
    if (step1) {
      budgets.push(["step change main thread (1x CPU, for reference)", fmtMs(step1.median), "≤ 8 ms", P(step1.median <= 8)]);
      budgets.push(["checkbox tick main thread (1x CPU, for reference)", fmtMs(tick1.median), "≤ 8 ms", P(tick1.median <= 8)]);
    }

    // 4. long tasks and CLS
    sec4.push("### 4. Longest main-thread task during start-up, and layout shift");
    sec4.push("");
    const lt = [];
    const longestFig = {};
    for (const [label, list] of [
      [T, r.traced],
      ...(o.throttle !== 1 ? [["1x CPU", r.traced1]] : []),
    ]) {
      const s = summarize(col(list, "longestMs"));
      longestFig[label] = s;
      const med = list.slice().sort((a, b) => a.longestMs - b.longestMs)[Math.floor((list.length - 1) / 2)];
      lt.push([
        label,
        ...sum3(s),
        String(summarize(col(list, "tasksOver50"))?.median ?? "n/a"),
        fmtMs(summarize(col(list, "busyMs"))?.median),
        fmtMs(summarize(col(list, "longestBeforeMs"))?.median),
        fmtMs(summarize(col(list, "firstKg"))?.median),
      ]);
      sec4.push(`- ${label}, the median run's longest tasks:`);
      for (const t of med?.top || []) sec4.push(`  - ${fmtMs(t.ms)} at ${fmtMs(t.at)}: ${t.what}`);
      sec4.push(`- ${label}, main-thread self time from the loader to ready + 500 ms (median, ms): ${categoriesLine(col(list, "categories"))}`);
      const api = summarize(list.map((x) => Math.max(0, ...x.longtasksAfterLoader.map((l) => l.duration))));
      sec4.push(`- ${label}, PerformanceObserver('longtask') after the loader started: longest ${api && api.median > 0 ? fmtMs(api.median) : "none ≥ 50 ms"} (median of runs; the API only reports tasks ≥ 50 ms)`);
    }
    sec4.unshift(
      table(
        ["CPU", "longest task min", "median", "max", "tasks ≥ 50 ms", "main-thread busy", "host page's own longest (before the loader)", "`.kg` at (traced)"],
        lt,
        ["l", "r", "r", "r", "r", "r", "r", "r"],
      ),
      "",
    );
    const clsS = summarize(col(r.traced, "cls"));
    const clsStatic = summarize(col(r.static, "cls"));
    const shiftSources = [...new Set(r.traced.flatMap((x) => x.shifts.filter((s) => !s.hadRecentInput).flatMap((s) => s.sources)))];
    sec4.push("");
    sec4.push(
      `Cumulative Layout Shift on the widget page (${T}): median **${clsS ? clsS.median.toFixed(4) : "n/a"}** (min ${clsS?.min.toFixed(4)}, max ${clsS?.max.toFixed(4)}); ` +
        `moved: ${shiftSources.join(", ") || "nothing"}. Static page: ${clsStatic ? clsStatic.median.toFixed(4) : "n/a"}.`,
    );
    budgets.push([`longest start-up task (${T})`, fmtMs(longestFig[T]?.median), "≤ 50 ms", P(longestFig[T] ? longestFig[T].median <= 50 : null)]);
    if (o.throttle !== 1)
      budgets.push(["longest start-up task (1x CPU, for reference)", fmtMs(longestFig["1x CPU"]?.median), "≤ 50 ms", P(longestFig["1x CPU"] ? longestFig["1x CPU"].median <= 50 : null)]);
    budgets.push(["CLS caused by the widget", clsS ? clsS.median.toFixed(4) : "n/a", "0", P(clsS ? clsS.median === 0 : null)]);

    // 5. memory
    sec5.push("### 5. Memory (after two forced GCs, 1x CPU)");
    sec5.push("");
    const m = br.memory;
    const med = (list, k) => summarize(col(list, k))?.median ?? null;
    const total = (list) => summarize(list.map((x) => x.jsHeap + x.blinkHeap + x.wasmMemory))?.median ?? null;
    const base = total(m[0]);
    const memRows = [
      ["host page, no guide", m[0]],
      ["1 guide", m[1]],
      ["10 guides", m[10]],
    ].map(([label, list]) => [
      label,
      fmtBytes(med(list, "jsHeap")),
      fmtBytes(med(list, "blinkHeap")),
      fmtBytes(med(list, "wasmMemory")),
      fmtBytes(total(list)),
      fmtBytes(total(list) - base),
      fmtInt(med(list, "nodes") ?? 0),
      String(med(list, "rendered")),
    ]);
    sec5.push(
      table(
        ["page", "JS heap", "Blink heap", "wasm linear memory", "total", "over the empty page", "DOM nodes", "guides rendered"],
        memRows,
        ["l", "r", "r", "r", "r", "r", "r", "r"],
      ),
    );
    sec5.push("");
    sec5.push(`Medians of ${m[0].length} loads each. Total = JS heap + Blink heap + wasm linear memory (compiled code not included; see below).`);
    const ten = total(m[10]);
    budgets.push(["memory, 10 guides on one page (total)", fmtBytes(ten), "≤ 30 MB", P(ten != null ? ten <= 30 * MB : null)]);
  }

  // 6. wasm breakdown
  const sec6 = [];
  sec6.push("### 6. What the wasm is made of");
  sec6.push("");
  sec6.push(`Sections of the shipped \`kyphoplasty-guide-core_bg.wasm\` (each compressed on its own, so the parts add up to a little more than the whole):`);
  sec6.push("");
  sec6.push(
    table(
      ["section", "raw", "gzip -9", "brotli q11"],
      sections.filter((s) => s.raw >= 64).map((s) => [s.name, fmtInt(s.raw), fmtInt(s.gzip), fmtInt(s.brotli)]),
      ["l", "r", "r", "r"],
    ),
  );
  if (data) {
    sec6.push("");
    sec6.push(
      `Data section: ${data.segments} segments, ${fmtBytes(data.bytes)}; ${fmtBytes(data.text)} of it is runs of text ` +
        `(≥ 24 printable/UTF-8 bytes: mostly the guide's English and Spanish content, ${fmtBytes(data.textGzip)} gzipped on its own).`,
    );
  }
  if (wasm) {
    sec6.push("");
    for (const n of wasm.notes) sec6.push(`> ${n.replace(/\n/g, "\n> ")}`, "");
    if (wasm.namedSize) {
      sec6.push(
        `Names: the shipped wasm ${wasm.shippedHasNames ? "has" : "has **no**"} name section (wasm-opt drops it), so twiggy reads a copy made from the same cargo artifact: ` +
          `\`wasm-bindgen --target web\` (keeps names: ${fmtBytes(wasm.preOptSize)}) then \`wasm-opt -Oz -g\` (${fmtBytes(wasm.namedSize)} = shipped code + name section). ` +
          `The same copy optimised without \`-g\` is ${wasm.identical ? "byte-identical to" : "**not** identical to"} the shipped wasm.`,
      );
    }
    if (wasm.crates) {
      const shippedBytes = ctx.wasmSize;
      sec6.push("");
      sec6.push("By crate (twiggy shallow sizes of the named, optimised copy; generic code counts for the crate of its self type, or else of its trait; `drop_in_place<T>` for T's crate):");
      sec6.push("");
      sec6.push(
        table(
          ["crate / part", "bytes", "% of shipped wasm", "items", "before wasm-opt"],
          wasm.crates.slice(0, 22).map((c) => [
            c.crate,
            fmtInt(c.bytes),
            c.crate.startsWith("[name section") ? "—" : pct(c.bytes / shippedBytes),
            fmtInt(c.items),
            wasm.cratesPre.has(c.crate) ? fmtInt(wasm.cratesPre.get(c.crate)) : "",
          ]),
          ["l", "r", "r", "r", "r"],
        ),
      );
      if (wasm.modulesPre?.length) {
        sec6.push("");
        sec6.push("The project crate by module, before wasm-opt (after it, most of this is inlined into the `<COMP>` generics above):");
        sec6.push("");
        sec6.push(table(["module", "bytes"], wasm.modulesPre.slice(0, 15).map((x) => [x.module, fmtInt(x.bytes)]), ["l", "r"]));
      }
      if (wasm.generics?.length) {
        sec6.push("");
        sec6.push("Generic functions with the most copies (monomorphisations):");
        sec6.push("");
        sec6.push(
          table(
            ["generic function", "copies", "bytes"],
            wasm.generics.map((g) => [g.name.length > 110 ? g.name.slice(0, 109) + "…" : g.name, g.copies, fmtInt(g.bytes)]),
            ["l", "r", "r"],
          ),
        );
      }
      sec6.push("");
      sec6.push("`twiggy top -n 25` (named, optimised copy):");
      sec6.push("", "```text", wasm.top, "```", "");
      sec6.push("`twiggy dominators -d 3 -r 200` (first 30 lines):");
      sec6.push("", "```text", wasm.dominators, "```", "");
      sec6.push("`twiggy monos -m 8 -n 2`:");
      sec6.push("", "```text", wasm.monos, "```");
    }
  } else sec6.push("", "(twiggy breakdown skipped: --no-twiggy)");

  const budgetTable = table(["figure", "measured", "budget", "result"], budgets, ["l", "l", "l", "l"]);
  return [
    ...out,
    "### Budgets",
    "",
    budgetTable,
    "",
    ...sec1,
    "",
    ...(sec2.length ? [...sec2, ""] : []),
    ...(sec3.length ? [...sec3, ""] : []),
    ...(sec4.length ? [...sec4, ""] : []),
    ...(sec5.length ? [...sec5, ""] : []),
    ...sec6,
  ].join("\n");
}

const START = "<!-- bench:results:start (generated by scripts/bench.mjs; edits here are overwritten) -->";
const END = "<!-- bench:results:end -->";

async function writeMarkdown(file, body) {
  const block = `${START}\n\n${body}\n\n${END}`;
  let text;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    text = `# Benchmarks\n\nRun \`node scripts/bench.mjs\` to measure; it rewrites the block below.\n\n${block}\n`;
    await fs.writeFile(file, text);
    return;
  }
  const a = text.indexOf("<!-- bench:results:start");
  const b = text.indexOf(END);
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + END.length);
  else text = `${text.trimEnd()}\n\n## Results\n\n${block}\n`;
  await fs.writeFile(file, text);
}

// --- main ---------------------------------------------------------------------------------

async function main() {
  const o = readOptions(process.argv.slice(2));
  if (o.help) {
    // The usage is the comment block at the top of this file.
    const self = await fs.readFile(fileURLToPath(import.meta.url), "utf8");
    const lines = self.split("\n").slice(1);
    process.stdout.write(lines.slice(0, lines.findIndex((l) => !l.startsWith("//"))).map((l) => l.replace(/^\/\/ ?/, "")).join("\n") + "\n");
    return;
  }
  const started = Date.now();
  const env = toolEnv(o);
  if (o.build) await build(o, env);
  if (!existsSync(path.join(o.dist, LOADER))) throw new Error(`${path.join(o.dist, LOADER)} missing: build first (drop --no-build)`);
  // The build's names (hashed by content in this release; plain in a build from before).
  const files = builtFiles(o.dist);
  const wasmFile = path.join(o.dist, files.wasm.path);

  log("sizes...");
  const sizes = await embedSizes(o.dist);
  const wasmBuf = await fs.readFile(wasmFile);
  const sections = wasmSections(wasmBuf);
  const data = dataText(sections.find((s) => s.name === "data")?.body);
  const ctx = {
    sizes,
    sections,
    data,
    wasmSize: wasmBuf.length,
    wasmHash: crypto.createHash("sha256").update(wasmBuf).digest("hex"),
    cssName: files.css.path,
  };

  if (o.twiggy) {
    log("wasm analysis (named copy, twiggy)...");
    ctx.wasm = await analyze({
      root: ROOT,
      env,
      targetDir: o.targetDir,
      dir: o.analysisDir,
      shipped: wasmFile,
      install: o.install,
    });
  }

  if (o.browser) {
    const css = await fs.readFile(path.join(o.dist, files.css.path), "utf8");
    const static_ = { body: cssForStatic(css), type: "text/css; charset=utf-8", cache: IMMUTABLE };
    const pages = new Map([
      ["/bench-probe.html", { body: widgetPage({ probe: true }) }],
      ["/bench-startup-1.html", { body: widgetPage({ probe: false }) }],
      ["/bench-startup-10.html", { body: widgetPage({ instances: 10 }) }],
      ["/bench-plain.html", { body: widgetPage({ instrument: false }) }],
      ["/bench-empty.html", { body: emptyPage() }],
      // The floor's stylesheet, cached as a static site would cache a hashed one (its repeat
      // visit is then as cheap as a static page's can be); also under the plain name, for
      // --static pages written against it.
      ["/kyphoplasty-guide.static.css", static_],
      ["/kyphoplasty-guide.css", { body: css, type: static_.type, cache: IMMUTABLE }],
    ]);
    const server = await startBenchServer({ root: o.dist, pages, caching: o.cache, loaderMaxAge: REPEAT_LOADER_MAX_AGE });
    const embed = { loader: "/" + LOADER, embed: new Set(["/" + LOADER, ...Object.values(files).map((f) => "/" + f.path)]) };
    try {
      ctx.br = await browserFigures(o, pages, server, embed);
    } finally {
      await server.close();
    }
  }

  const body = report(o, ctx);
  process.stdout.write(body + "\n");
  if (o.write) {
    await writeMarkdown(o.out, body);
    log(`wrote ${path.relative(process.cwd(), o.out) || o.out}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  process.stderr.write(`[bench] error: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
