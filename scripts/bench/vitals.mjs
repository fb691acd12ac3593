// Cumulative Layout Shift from the web-vitals library (onCLS), on the widget page.
//
// The library runs from the start of the page, as an init script (CDP: no <script> element,
// allowed under any CSP), so that it sees each layout shift as it happens. Evaluated late it
// would get every buffered shift in one batch, and it updates its value only after a batch:
// it would report the last session window, not the largest (0.020 instead of 0.022 on a test
// page with two windows). Running from the start, it adds its own work to the page's first
// task, so it gets loads of its own (browser.mjs, loadLayoutShift), and the static floor
// keeps the hand-written count (browser.mjs, `cls`): the floor must run no script.
import { readFileSync } from "node:fs";

// The classic-script build (the package exports only its modules, so by path, as support.mjs loads axe-core).
const WEB_VITALS = readFileSync(new URL("../../node_modules/web-vitals/dist/web-vitals.iife.js", import.meta.url), "utf8");

// reportAllChanges: a value as soon as it is known, and each change, rather than one report
// when the page is hidden. No report comes before the first contentful paint (as in CrUX).
const ON_CLS = "webVitals.onCLS((metric) => { window.__benchCls = metric.value; }, { reportAllChanges: true });";

/** Starts web-vitals' CLS on every document `page` loads from now on. */
export function observeLayoutShift(page) {
  return page.addInitScript({ content: `${WEB_VITALS}\n${ON_CLS}` });
}

/** The page's CLS as web-vitals reports it so far (largest session window of shifts without recent input), or null. */
export function layoutShiftScore(page) {
  return page.evaluate(() => window.__benchCls ?? null);
}
