// The repeat visit: a patient comes back to the guide. A page is loaded, then reloaded
// in the same browser context with the cache warm, after the loader's cache lifetime
// has passed (the bench server shortens it to REPEAT_LOADER_MAX_AGE seconds, so the
// reload comes after it, as the next day's visit does: the loader is revalidated).
// Measured on the widget page (interactive, as the probe in pages.mjs defines it) and on
// the static floor (first contentful paint), with what the reload sent over the network.
import { freshPage, consoleSignal, paintEntries } from "./browser.mjs";
import { watchNetwork } from "../../tests/e2e/support.mjs";
import { summarize, fmtMs, fmtBytes, table, sleep } from "./util.mjs";

export const REPEAT_LOADER_MAX_AGE = 1;
const EXPIRED = REPEAT_LOADER_MAX_AGE * 1000 + 500;
const TIMEOUT = 30000;

/**
 * What went over the network on the reload. Requests and 304s from the server's log (the
 * browser reports a fetch() revalidated with 304 as a 200); bytes from the browser (CDP:
 * headers and body of what did not come from its cache). `embed`: the guide's URL paths.
 */
function traffic(list, log, embed, loader) {
  const sent = list.filter((r) => !r.fromCache);
  const bytes = (rs) => rs.reduce((s, r) => s + (r.bytes || 0), 0);
  const ours = log.filter((r) => embed.has(r.path));
  return {
    requests: log.length,
    revalidated: log.filter((r) => r.status === 304).length,
    bytes: bytes(sent),
    guideAsked: list.filter((r) => embed.has(r.path)).length,
    guideRequests: ours.length,
    guideConditional: ours.filter((r) => r.conditional && r.status === 304).length,
    onlyLoader: ours.every((r) => r.path === loader && r.status === 304),
    guideBytes: bytes(sent.filter((r) => embed.has(r.path))),
    otherGuideBytes: bytes(sent.filter((r) => embed.has(r.path) && r.path !== loader)),
    guideOverNetwork: ours.map((r) => `${r.path.split("/").pop()} ${r.status}`),
  };
}

/** Load and reload the widget page; interactive on the reload. */
export async function repeatInteractive(browser, server, rate, { embed, loader }, network = null) {
  const { origin } = server;
  const { context, page, cdp } = await freshPage(browser, rate, network);
  try {
    const first = consoleSignal(page, "bench:interactive");
    await page.goto(origin + "/bench-probe.html", { waitUntil: "load", timeout: TIMEOUT });
    await first;
    await sleep(EXPIRED);
    const net = await watchNetwork(page, cdp);
    server.requests.length = 0;
    const again = consoleSignal(page, "bench:interactive");
    await page.reload({ waitUntil: "load", timeout: TIMEOUT });
    await again;
    const bench = await page.evaluate(() => window.__bench);
    await sleep(200); // a late request would show here
    return { interactive: bench.t.interactive, ...traffic(net.list(), server.requests, embed, loader) };
  } finally {
    await context.close();
  }
}

/** Load and reload the static floor; first contentful paint on the reload. */
export async function repeatStatic(browser, server, rate, { embed, loader }, network = null) {
  const { origin } = server;
  const { context, page, cdp } = await freshPage(browser, rate, network);
  try {
    await page.goto(origin + "/bench-static.html", { waitUntil: "load", timeout: TIMEOUT });
    await sleep(EXPIRED);
    const net = await watchNetwork(page, cdp);
    server.requests.length = 0;
    await page.reload({ waitUntil: "load", timeout: TIMEOUT });
    await sleep(300);
    const m = await page.evaluate(paintEntries);
    return { fcp: m.fcp, ...traffic(net.list(), server.requests, embed, loader) };
  } finally {
    await context.close();
  }
}

/** The report's repeat-visit table, and its budgets. `runs`: { [profile label]: { widget: [...], static: [...] } }. */
export function repeatSection({ runs, caching, budgets, P }) {
  const rows = [];
  let first = true;
  for (const [label, { widget, static: floor }] of Object.entries(runs)) {
    if (!widget.length || !floor.length) continue;
    const med = (list, k) => summarize(list.map((x) => x[k]))?.median;
    const max = (list, k) => Math.max(...list.map((x) => x[k]));
    const inter = med(widget, "interactive");
    const fcp = med(floor, "fcp");
    const ratio = inter && fcp ? inter / fcp : null;
    const guide = `${max(widget, "guideRequests")} of ${max(widget, "guideAsked")} (${max(widget, "guideConditional")} conditional)`;
    rows.push([label, "static page (floor)", `${max(floor, "requests")} (${max(floor, "revalidated")} × 304)`, "", fmtBytes(max(floor, "bytes")), "", `FCP ${fmtMs(fcp)}`, ""]);
    rows.push([label, "widget page", `${max(widget, "requests")} (${max(widget, "revalidated")} × 304)`, guide, fmtBytes(max(widget, "bytes")), fmtBytes(max(widget, "guideBytes")), `interactive ${fmtMs(inter)}`, ratio ? `${ratio.toFixed(2)}x` : "n/a"]);
    if (first) {
      // The budgets are judged on the first profile (no network throttling).
      first = false;
      const onlyLoader = widget.every((w) => w.guideRequests <= 1 && w.onlyLoader && w.guideConditional === w.guideRequests);
      budgets.push([`repeat visit: the guide's requests to the network (${label})`, guide + " at most, per run", "≤ 1, conditional (the loader)", P(onlyLoader)]);
      budgets.push([`repeat visit: bytes of the guide's files other than the loader's 304 (${label})`, fmtBytes(max(widget, "otherGuideBytes")), "0", P(max(widget, "otherGuideBytes") === 0)]);
      budgets.push([`repeat visit: interactive ÷ static repeat-visit FCP (${label})`, ratio ? `${ratio.toFixed(2)}x (${fmtMs(inter)} vs ${fmtMs(fcp)})` : "n/a", "≤ 1.2x", P(ratio != null ? ratio <= 1.2 : null)]);
    }
  }
  const over = [...new Set(Object.values(runs).flatMap((r) => r.widget.flatMap((w) => w.guideOverNetwork)))];
  return [
    `#### Repeat visit: load, then reload in the same browser context (medians, ms since navigation start; requests and bytes: the most of any run)`,
    "",
    table(["profile", "page", "requests to the network", "the guide's files from the network", "bytes transferred", "of it the guide's", "ready", "÷ static"], rows, ["l", "l", "r", "r", "r", "r", "r", "r"]),
    "",
    `Caching: ${caching}. The reload comes ${EXPIRED / 1000} s after the first load, once the loader's lifetime (shortened to ${REPEAT_LOADER_MAX_AGE} s for the bench) has passed, as on the next day's visit. ` +
      `Requests "to the network" are those that reached the server (a 304 is a round trip of headers only); the host page (no-store) and its \`practice.css\` (no-cache) count on both pages. ` +
      `The guide's files that went to the network: ${over.join(", ") || "none"}.`,
  ];
}
