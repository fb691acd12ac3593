// Measurements the accessibility tests make in the page, shared by
// accessibility-reflow.test.mjs, accessibility-targets.test.mjs and
// accessibility-visit.test.mjs: sideways overflow (1.4.10, 1.4.4), text cut off under the
// WCAG text-spacing overrides (1.4.12), and the hit areas of controls (2.5.8).

/** What is not on screen on purpose: the print sheet, text for screen readers only (the pain chart's table too), SVG. */
const OFF_SCREEN = ".kg-print-sheet, .kg-visually-hidden, .kg-chart .kg-diary-table, svg";

/** The WCAG 1.4.12 text-spacing overrides, as a stylesheet for the widget's shadow root. */
export const TEXT_SPACING = `.kg * { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
      .kg p { margin-bottom: 2em !important; }`;

/**
 * Horizontal overflow inside the widget: the root and each section must not scroll
 * sideways, and no visible element may stick out of the widget's box.
 */
export function overflow(page) {
  return page.evaluate((off) => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const kg = root.querySelector(".kg");
    const box = kg.getBoundingClientRect();
    const problems = [];
    for (const el of [kg, ...root.querySelectorAll(".kg-section, .kg-header, .kg-nav, .kg-emergency-strip, .kg-footer")]) {
      if (el.closest(".kg-print-sheet")) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.className}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    }
    for (const el of kg.querySelectorAll("*")) {
      if (el.closest(off)) continue;
      if (!el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        problems.push(`${el.tagName.toLowerCase()}.${String(el.className).replace(/\s+/g, ".")} "${(el.textContent || "").trim().slice(0, 30)}" spans ${Math.round(r.left)}..${Math.round(r.right)}, widget ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
    }
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    return problems;
  }, OFF_SCREEN);
}

/** Visible elements of the widget whose content is taller or wider than their box and clipped (text cut off). */
export function clippedText(page) {
  return page.evaluate((off) => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    return [...root.querySelectorAll(".kg *")]
      .filter((el) => !el.closest(off) && el.checkVisibility())
      .filter((el) => {
        const s = getComputedStyle(el);
        return /hidden|clip/.test(s.overflowX + s.overflowY) && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  }, OFF_SCREEN);
}

/** Visible interactive elements in the widget (not the print sheet). */
export function interactiveBoxes(page) {
  return page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const sel = "button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}` +
      `${el.type ? `[type=${el.type}]` : ""} "${(el.getAttribute("aria-label") || el.textContent || el.id || "").trim().slice(0, 40)}"`;
    return [...root.querySelectorAll(sel)]
      .filter((el) => !el.closest(".kg-print-sheet") && el.checkVisibility({ visibilityProperty: true }))
      .map((el) => {
        const r = el.getBoundingClientRect();
        // The hit area of an input includes its label(s): a click on the label operates it.
        let hit = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        for (const label of el.labels || []) {
          const l = label.getBoundingClientRect();
          hit = { left: Math.min(hit.left, l.left), top: Math.min(hit.top, l.top), right: Math.max(hit.right, l.right), bottom: Math.max(hit.bottom, l.bottom) };
        }
        return {
          what: describe(el),
          width: Math.round(r.width * 10) / 10,
          height: Math.round(r.height * 10) / 10,
          hitWidth: Math.round((hit.right - hit.left) * 10) / 10,
          hitHeight: Math.round((hit.bottom - hit.top) * 10) / 10,
          labelled: (el.labels || []).length > 0,
        };
      });
  });
}
