// Lighthouse in the benchmark (issue 24): what PageSpeed Insights shows a practice.
// The npm `lighthouse` package, with its default (mobile) configuration, which is the
// preset PageSpeed Insights uses: a Moto G Power-sized screen, simulated slow 4G
// (150 ms RTT, 1.6 Mbit/s) and 4x CPU slow-down, performance category only. It drives
// Debian's Chromium through chrome-launcher (a dependency of lighthouse), one fresh
// headless browser per run, so no run warms another's caches.
//
// Run `runs` times each on the widget page (the host page as a practice embeds the guide,
// no probe) and on the static floor (the same host page, the guide as plain HTML, no
// script); the report shows the medians side by side and judges the budgets:
// widget score ≥ 0.95 and within 0.03 of the floor's, LCP ≤ 1.15x the floor's, TBT ≤ 100 ms.
import { summarize, fmtMs, table } from "./util.mjs";
import { log } from "./util.mjs";

/** The pages Lighthouse loads, served by the bench server. */
export const LIGHTHOUSE_PAGES = { widget: "/bench-plain.html", static: "/bench-static.html" };

const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

/**
 * One Lighthouse run of `url`: { score, lcp, tbt, cls, fcp, si } (ms for times, 0–1 for
 * the score), or { error } when Lighthouse could not measure.
 */
async function lighthouseOnce(url) {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM || "/usr/bin/chromium", chromeFlags: FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const lhr = result.lhr;
    if (lhr.runtimeError) return { error: lhr.runtimeError.message };
    const value = (id) => lhr.audits[id]?.numericValue ?? null;
    return {
      score: lhr.categories.performance.score,
      lcp: value("largest-contentful-paint"),
      tbt: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      fcp: value("first-contentful-paint"),
      si: value("speed-index"),
      version: lhr.lighthouseVersion,
    };
  } finally {
    await chrome.kill();
  }
}

/** `runs` Lighthouse runs on each page, interleaved: { widget: [...], static: [...], version }. */
export async function lighthouseRuns(origin, runs) {
  const out = { widget: [], static: [], version: null };
  for (let i = 0; i < runs; i++) {
    for (const kind of ["static", "widget"]) {
      log(`lighthouse run ${i + 1}/${runs} (${kind} page, mobile preset)...`);
      const r = await lighthouseOnce(origin + LIGHTHOUSE_PAGES[kind]);
      if (r.error) log(`lighthouse could not measure the ${kind} page: ${r.error}`);
      out.version ??= r.version ?? null;
      out[kind].push(r);
    }
  }
  return out;
}

const med = (list, key) => summarize(list.map((r) => r[key]))?.median ?? null;
const fmtScore = (x) => (x == null ? "n/a" : x.toFixed(2));
const fmtCls = (x) => (x == null ? "n/a" : x.toFixed(3));
const verdict = (ok) => (ok == null ? "n/a" : ok ? "pass" : "**FAIL**");

/** The report's Lighthouse section; adds its budget rows to `budgets`. */
export function lighthouseSection(lh, budgets) {
  if (!lh) return [];
  const figure = (key) => [med(lh.widget, key), med(lh.static, key)];
  const [score, scoreFloor] = figure("score");
  const [lcp, lcpFloor] = figure("lcp");
  const [tbt] = figure("tbt");
  const known = (...xs) => xs.every((x) => x != null);
  budgets.push(
    ["Lighthouse score (mobile), widget page", `${fmtScore(score)} (floor ${fmtScore(scoreFloor)})`, "≥ 0.95 and within 0.03 of the floor", verdict(known(score, scoreFloor) ? score >= 0.95 && scoreFloor - score <= 0.03 : null)],
    ["Lighthouse LCP, widget ÷ floor", known(lcp, lcpFloor) ? `${(lcp / lcpFloor).toFixed(2)}x (${fmtMs(lcp)} vs ${fmtMs(lcpFloor)})` : "n/a", "≤ 1.15x", verdict(known(lcp, lcpFloor) ? lcp <= 1.15 * lcpFloor : null)],
    ["Lighthouse TBT, widget page", fmtMs(tbt), "≤ 100 ms", verdict(known(tbt) ? tbt <= 100 : null)],
  );
  const row = (label, key, fmt) => [label, fmt(med(lh.widget, key)), fmt(med(lh.static, key)), lh.widget.map((r) => fmt(r[key])).join(" / ")];
  return [
    "### Lighthouse (mobile preset, as PageSpeed Insights)",
    "",
    `Lighthouse ${lh.version || "?"} (npm \`lighthouse\`, default mobile configuration: simulated slow 4G, 4x CPU), performance only, ${lh.widget.length} runs each on \`${LIGHTHOUSE_PAGES.widget}\` (the host page as a practice embeds the guide) and on the static floor, each in a fresh headless Chromium; medians.`,
    "",
    table(
      ["figure", "widget page", "static floor", "widget page, each run"],
      [
        row("performance score", "score", fmtScore),
        row("first contentful paint", "fcp", fmtMs),
        row("largest contentful paint", "lcp", fmtMs),
        row("total blocking time", "tbt", fmtMs),
        row("cumulative layout shift", "cls", fmtCls),
        row("speed index", "si", fmtMs),
      ],
      ["l", "r", "r", "l"],
    ),
  ];
}
