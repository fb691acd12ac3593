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
//     --lighthouse-runs N   Lighthouse runs (mobile preset) on the widget page and on the static
//                           floor each (default 3; 0 skips Lighthouse)
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
import { REPEAT_LOADER_MAX_AGE, repeatInteractive, repeatStatic } from "./bench/repeat.mjs";
import { startBenchServer } from "./bench/serving.mjs";
import { widgetPage, emptyPage, staticPage, staticFromFile, cssForStatic } from "./bench/pages.mjs";
import { embedSizes } from "./bench/sizes.mjs";
import { wasmSections, dataText, analyze } from "./bench/wasm.mjs";
import * as B from "./bench/browser.mjs";
import { report } from "./bench/report.mjs";
import { lighthouseRuns } from "./bench/lighthouse.mjs";
import { fmtBytes, run, log } from "./bench/util.mjs";

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
  "lighthouse-runs": { type: "string", default: "3" },
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
    lighthouseRuns: Math.max(0, parseInt(v["lighthouse-runs"], 10) || 0),
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

/** Every in-browser figure, in one browser: calibration, start-up, repeat visit, interactions, memory. */
async function browserFigures(o, pages, server, embed) {
  const idle = o.waitIdle > 0 ? await waitForIdle(o.waitIdle) : await cpuBusy(1000);
  const browser = await launchBrowser();
  const res = { version: browser.version(), loadBefore: os.loadavg()[0], busyBefore: idle };
  try {
    log("calibrating CPU throttling...");
    res.calibration = { 1: await B.calibrate(browser, server.origin, 1), [o.throttle]: await B.calibrate(browser, server.origin, o.throttle) };
    res.staticSource = await serveStaticFloor(o, browser, server, pages);
    res.runs = await startupRuns(o, browser, server.origin);
    res.repeat = await repeatRuns(o, browser, server, embed);
    log(`interactions at ${o.throttle}x...`);
    res.inter = await B.interactions(browser, server.origin, o.throttle, o.runs);
    if (o.throttle !== 1) log("interactions at 1x...");
    res.inter1 = o.throttle !== 1 ? await B.interactions(browser, server.origin, 1, o.runs) : res.inter;
    log("memory...");
    res.memory = await memoryRuns(o, browser, server.origin);
  } finally {
    await browser.close();
  }
  res.loadAfter = os.loadavg()[0];
  return res;
}

/**
 * Puts the static floor at /bench-static.html: the --static file, or else the widget's own
 * markup captured from a live page. Returns where it came from, for the report.
 */
async function serveStaticFloor(o, browser, server, pages) {
  const cssHref = "/kyphoplasty-guide.static.css";
  if (o.static) {
    pages.set("/bench-static.html", { body: staticFromFile({ text: await fs.readFile(o.static, "utf8"), cssHref }) });
    const rel = path.relative(ROOT, o.static);
    return `${rel && !rel.startsWith("..") ? rel : o.static} (--static)`;
  }
  const markup = await B.captureMarkup(browser, server.origin);
  // elementtiming on the title lets the page report when the guide's own text is painted.
  const timed = markup.replace(/class="kg-title"/, 'class="kg-title" elementtiming="kg-title"');
  pages.set("/bench-static.html", { body: staticPage({ markup: timed, cssHref }) });
  return `the widget's rendered markup (${fmtBytes(markup.length)} of HTML, captured from a live page)`;
}

/** The start-up loads, interleaved run by run so drift on the machine hits all kinds alike. */
async function startupRuns(o, browser, origin) {
  const rate = o.throttle;
  const r = { static: [], probe: [], traced: [], traced1: [], static4g: [], probe4g: [], layout: [] };
  for (let i = 0; i < o.runs; i++) {
    log(`start-up run ${i + 1}/${o.runs} (static, widget, both also on slow 4G, traced ${rate}x, traced 1x, layout shift)...`);
    r.static.push(await B.loadStatic(browser, origin, rate));
    r.probe.push(await B.loadInteractive(browser, origin, rate));
    r.static4g.push(await B.loadStatic(browser, origin, rate, B.SLOW_4G));
    r.probe4g.push(await B.loadInteractive(browser, origin, rate, B.SLOW_4G));
    r.traced.push(await B.loadStartupTraced(browser, origin, rate));
    if (rate !== 1) r.traced1.push(await B.loadStartupTraced(browser, origin, 1));
    r.layout.push(await B.loadLayoutShift(browser, origin, rate));
  }
  if (rate === 1) r.traced1 = r.traced;
  return r;
}

/** The repeat visits, without network throttling and on slow 4G: { [profile label]: { widget, static } }. */
async function repeatRuns(o, browser, server, embed) {
  const rate = o.throttle;
  const profiles = [
    [`${rate}x CPU, no network throttling`, null],
    [`${rate}x CPU, slow 4G`, B.SLOW_4G],
  ].map(([label, network]) => ({ label, network, widget: [], static: [] }));
  for (let i = 0; i < o.runs; i++) {
    log(`repeat-visit run ${i + 1}/${o.runs} (static and widget, load then reload; also on slow 4G)...`);
    for (const p of profiles) {
      p.static.push(await repeatStatic(browser, server, rate, embed, p.network));
      p.widget.push(await repeatInteractive(browser, server, rate, embed, p.network));
    }
  }
  return Object.fromEntries(profiles.map((p) => [p.label, { widget: p.widget, static: p.static }]));
}

/** Memory of the empty host page, one guide and ten guides (3 to 5 loads each). */
async function memoryRuns(o, browser, origin) {
  const memory = { 0: [], 1: [], 10: [] };
  for (let i = 0; i < Math.max(3, Math.min(o.runs, 5)); i++) {
    memory[0].push(await B.memory(browser, origin, "/bench-empty.html", 0));
    memory[1].push(await B.memory(browser, origin, "/bench-startup-1.html", 1));
    memory[10].push(await B.memory(browser, origin, "/bench-startup-10.html", 10));
  }
  return memory;
}

// --- BENCHMARKS.md ---------------------------------------------------------------------------

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

/** The usage is the comment block at the top of this file. */
async function printUsage() {
  const self = await fs.readFile(fileURLToPath(import.meta.url), "utf8");
  const lines = self.split("\n").slice(1);
  process.stdout.write(lines.slice(0, lines.findIndex((l) => !l.startsWith("//"))).map((l) => l.replace(/^\/\/ ?/, "")).join("\n") + "\n");
}

/** The figures read from the build's files: transfer sizes, the wasm's sections, the twiggy breakdown. */
async function fileFigures(o, files, env) {
  log("sizes...");
  const wasmFile = path.join(o.dist, files.wasm.path);
  const wasmBuf = await fs.readFile(wasmFile);
  const sections = wasmSections(wasmBuf);
  const ctx = {
    sizes: await embedSizes(o.dist),
    sections,
    data: dataText(sections.find((s) => s.name === "data")?.body),
    wasmSize: wasmBuf.length,
    wasmHash: crypto.createHash("sha256").update(wasmBuf).digest("hex"),
    cssName: files.css.path,
  };
  if (o.twiggy) {
    log("wasm analysis (named copy, twiggy)...");
    ctx.wasm = await analyze({ root: ROOT, env, targetDir: o.targetDir, dir: o.analysisDir, shipped: wasmFile, install: o.install });
  }
  return ctx;
}

/** The generated pages the server answers from memory (the static floor is added once captured). */
function benchPages(css) {
  const cssType = "text/css; charset=utf-8";
  return new Map([
    ["/bench-probe.html", { body: widgetPage({ probe: true }) }],
    ["/bench-startup-1.html", { body: widgetPage({ probe: false }) }],
    ["/bench-startup-10.html", { body: widgetPage({ instances: 10 }) }],
    ["/bench-plain.html", { body: widgetPage({ instrument: false }) }],
    ["/bench-empty.html", { body: emptyPage() }],
    // The floor's stylesheet, cached as a static site would cache a hashed one (its repeat
    // visit is then as cheap as a static page's can be); also under the plain name, for
    // --static pages written against it.
    ["/kyphoplasty-guide.static.css", { body: cssForStatic(css), type: cssType, cache: IMMUTABLE }],
    ["/kyphoplasty-guide.css", { body: css, type: cssType, cache: IMMUTABLE }],
  ]);
}

/** Serves the build and the bench's pages, and takes the in-browser figures. */
async function measureInBrowser(o, files) {
  const pages = benchPages(await fs.readFile(path.join(o.dist, files.css.path), "utf8"));
  const server = await startBenchServer({ root: o.dist, pages, caching: o.cache, loaderMaxAge: REPEAT_LOADER_MAX_AGE });
  const embed = { loader: "/" + LOADER, embed: new Set(["/" + LOADER, ...Object.values(files).map((f) => "/" + f.path)]) };
  try {
    const figures = await browserFigures(o, pages, server, embed);
    // Lighthouse last: it needs the static floor, which browserFigures captures.
    if (o.lighthouseRuns > 0) {
      if (o.waitIdle > 0) await waitForIdle(o.waitIdle);
      figures.lighthouse = await lighthouseRuns(server.origin, o.lighthouseRuns);
    }
    return figures;
  } finally {
    await server.close();
  }
}

async function main() {
  const o = readOptions(process.argv.slice(2));
  if (o.help) return printUsage();
  const started = Date.now();
  const env = toolEnv(o);
  if (o.build) await build(o, env);
  if (!existsSync(path.join(o.dist, LOADER))) throw new Error(`${path.join(o.dist, LOADER)} missing: build first (drop --no-build)`);
  // The build's names (hashed by content in this release; plain in a build from before).
  const files = builtFiles(o.dist);
  const ctx = await fileFigures(o, files, env);
  if (o.browser) ctx.br = await measureInBrowser(o, files);

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
