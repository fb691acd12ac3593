// Accessibility (WCAG 2.2 A and AA) of the guide as older patients with low vision or
// tremor meet it on phones: axe-core on every state, reflow at 320 CSS px and at 200%
// text, touch target sizes, contrast with a pale accent, user preferences (reduced
// motion, forced colours, dark scheme), and the semantics a screen reader relies on.
// ACCESSIBILITY.md maps each success criterion to the tests here and in keyboard.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, widgetReady, watchErrors, contrast, axeAudit, describeViolations } from "./support.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = process.env.KG_A11Y_SHOTS || "/tmp/a11y-shots";
// Every WCAG A/AA tag up to 2.2, and axe's best practices (heading order, landmarks,
// unique names): not WCAG requirements, but cheap to keep clean and they catch
// outline mistakes that 1.3.1 and 2.4.6 care about.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const SECTIONS = ["overview", "procedure", "before", "aftercare", "warnings", "risks", "questions", "sources"];
const CONFIGURED = "practice-name=Riverside%20Spine&practice-phone=(555)%20010-0199";

let server, browser;
// Rule ids axe evaluated (passes, violations, incomplete, inapplicable) and states audited.
const rulesSeen = new Set();
const audited = [];
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await fs.mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------- helpers

/** Opens a page and waits for the widget and its stylesheet (layout checks need both). */
async function openGuide(page, url = "/") {
  await page.goto(server.origin + url);
  const host = await widgetReady(page);
  await page.waitForFunction(() => {
    const kg = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg");
    return getComputedStyle(kg).borderTopStyle === "solid";
  });
  return host;
}

const fixture = (query = "") => `/fixtures/a11y-host.html${query ? "?" + query : ""}`;

/** Opens a section with its part button; on a small screen the parts fold behind the "Contents" button, opened first. */
async function openSection(host, section) {
  const toggle = host.locator(".kg-nav-toggle");
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await host.locator(`.kg-nav-button[data-section="${section}"]`).click();
  await host.locator(`.kg-body .kg-section[data-section="${section}"]`).waitFor();
}

async function goToStep(host, n) {
  await host.locator(".kg-step-list button").nth(n - 1).click();
  await host.getByText(`Step ${n} of 8`).first().waitFor();
}

/** Runs axe on the widget's shadow root; returns the violations and records the state. */
async function audit(page, state) {
  const result = await axeAudit(page, AXE_TAGS);
  for (const id of result.rules) rulesSeen.add(id);
  audited.push(state);
  return { state, ...result };
}



/**
 * axe reports text over pseudo-elements or SVG as "incomplete" for colour contrast.
 * Measures those by hand: the text colour against the nearest opaque background
 * (for SVG text, its halo: paint-order stroke in the illustration's background colour).
 */
async function manualContrast(page, incomplete) {
  const targets = incomplete.filter((v) => v.id === "color-contrast").flatMap((v) => v.nodes.map((n) => n.target[0]));
  return page.evaluate((targets) => targets.map((target) => {
    let root = document;
    let el = null;
    for (const sel of target) {
      el = root.querySelector(sel);
      root = el?.shadowRoot ?? el;
    }
    if (!el) return { target, missing: true };
    const style = getComputedStyle(el);
    const svgText = el instanceof SVGElement;
    let colour = svgText ? style.fill : style.color;
    let background = null;
    if (svgText && style.paintOrder.startsWith("stroke") && parseFloat(style.strokeWidth) >= 3) background = style.stroke;
    for (let n = el; !background && n; n = n.parentElement || n.getRootNode().host) {
      const bg = getComputedStyle(n).backgroundColor;
      if (bg && !/rgba\(.*, 0\)$/.test(bg) && bg !== "transparent") background = bg;
    }
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    return { target: target.join(" "), colour, background: background || "rgb(255, 255, 255)", large: size >= 24 || (bold && size >= 18.66) };
  }), targets);
}

/** Visible interactive elements in the widget (not the print sheet). */
function interactiveBoxes(page) {
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

/**
 * Horizontal overflow inside the widget: the root and each section must not scroll
 * sideways, and no visible element may stick out of the widget's box.
 */
function overflow(page) {
  return page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const kg = root.querySelector(".kg");
    const box = kg.getBoundingClientRect();
    const problems = [];
    for (const el of [kg, ...root.querySelectorAll(".kg-section, .kg-header, .kg-nav, .kg-emergency-strip, .kg-footer")]) {
      if (el.closest(".kg-print-sheet")) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.className}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    }
    for (const el of kg.querySelectorAll("*")) {
      if (el.closest(".kg-print-sheet, .kg-visually-hidden, svg")) continue;
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
  });
}

async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.locator("kyphoplasty-guide").screenshot({ path: file, animations: "disabled" });
  return file;
}

// ---------------------------------------------------------------- 1. axe on every state

test("axe: every section, configured practice, English", async (t) => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const host = await openGuide(page, "/");
  const results = [];
  for (const section of SECTIONS) {
    await openSection(host, section);
    results.push(await audit(page, `demo en ${section}`));
  }
  assert.equal(describeViolations(results), "", "axe violations");
  assert.deepEqual(errors, []);
  await page.close();
});

test("axe: every procedure step with labels shown and hidden, and the inflation slider moved", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, "/");
  await openSection(host, "procedure");
  const results = [];
  for (const labels of [true, false]) {
    if (!labels) await host.locator(".kg-toggle input").uncheck();
    for (let n = 1; n <= 8; n++) {
      await goToStep(host, n);
      if (n === 5) {
        assert.equal(await host.locator('input[type="range"]').count(), 1, "step 5 has the slider");
        await host.locator('input[type="range"]').fill("35");
        assert.equal(await host.locator('input[type="range"]').getAttribute("aria-valuetext"), "35% inflated");
      }
      results.push(await audit(page, `procedure step ${n}, labels ${labels ? "shown" : "hidden"}`));
    }
  }
  assert.equal(describeViolations(results), "", "axe violations");
  await page.close();
});

test("axe: checklists ticked and unticked, clear confirmation, aftercare with and without a date", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const host = await openGuide(page, "/");
  const results = [];
  for (const list of ["before", "aftercare"]) {
    await openSection(host, list);
    results.push(await audit(page, `${list} unticked`));
    const boxes = host.locator("input.kg-checkbox");
    const count = await boxes.count();
    for (let i = 0; i < count; i += 2) await boxes.nth(i).check();
    results.push(await audit(page, `${list} partly ticked`));
    for (let i = 1; i < count; i += 2) await boxes.nth(i).check();
    await host.locator(".kg-progress-complete").first().waitFor();
    results.push(await audit(page, `${list} all ticked`));
    await host.getByRole("button", { name: "Clear my ticks" }).click();
    results.push(await audit(page, `${list} clear confirmation open`));
    await host.getByRole("button", { name: "Yes, clear them" }).click();
  }
  await openSection(host, "aftercare");
  await host.locator("input.kg-date-input").fill("2026-03-15");
  await host.locator(".kg-milestone-date").first().waitFor();
  results.push(await audit(page, "aftercare with a procedure date"));
  assert.equal(describeViolations(results), "", "axe violations");
  await context.close();
});

test("axe: every section in Spanish (switched with the widget's own button)", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, "/");
  await host.locator(".kg-tools button[lang='es']").click();
  await host.getByText("Su guía sobre la cifoplastia con balón").waitFor();
  assert.equal(await host.locator("section.kg").getAttribute("lang"), "es");
  const results = [];
  for (const section of SECTIONS) {
    await openSection(host, section);
    results.push(await audit(page, `demo es ${section}`));
  }
  await openSection(host, "procedure");
  await host.locator(".kg-step-list button").nth(4).click();
  results.push(await audit(page, "demo es procedure step 5"));
  assert.equal(describeViolations(results), "", "axe violations");
  await page.close();
});

test("axe: every section with no practice configured (no name, no phone), and lang=es by attribute", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const host = await openGuide(page, fixture());
  assert.equal(await host.locator(".kg-practice").count(), 0, "no practice line when unconfigured");
  const results = [];
  for (const section of SECTIONS) {
    await openSection(host, section);
    results.push(await audit(page, `unconfigured en ${section}`));
  }
  assert.equal(await host.locator(".kg-card-note").count(), 1, "warning card asks for the number they were given");
  await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("lang", "es"));
  await host.getByText("Su guía sobre la cifoplastia con balón").waitFor();
  for (const section of ["warnings", "aftercare"]) {
    await openSection(host, section);
    results.push(await audit(page, `unconfigured es ${section}`));
  }
  assert.equal(describeViolations(results), "", "axe violations");
  assert.deepEqual(errors, []);
  await page.close();
});

test("axe and contrast: a pale accent (#ffcc00) is darkened until white text on it reads at 4.5:1", async (t) => {
  const page = await browser.newPage();
  const host = await openGuide(page, fixture(`${CONFIGURED}&accent=%23ffcc00`));
  const accent = await page.evaluate(() =>
    getComputedStyle(document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")).getPropertyValue("--kg-accent").trim());
  t.diagnostic(`accent #ffcc00 used as ${accent}`);
  assert.notEqual(accent.toLowerCase(), "#ffcc00", "the pale accent is darkened");
  const results = [];
  for (const section of SECTIONS) {
    await openSection(host, section);
    if (section === "procedure") await goToStep(host, 5);
    results.push(await audit(page, `accent #ffcc00 ${section}`));
    await shot(page, `accent-ffcc00-${section}`);
  }
  assert.equal(describeViolations(results), "", "axe violations");
  // The accent carries text on white (links, secondary buttons, timeline) and white
  // text on the accent (primary buttons, current nav item): both need 4.5:1.
  await openSection(host, "procedure");
  const pairs = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const pick = (sel) => { const s = getComputedStyle(root.querySelector(sel)); return { sel, color: s.color, background: s.backgroundColor }; };
    return [pick(".kg-next"), pick(".kg-previous"), pick('.kg-nav-button[aria-current="true"]')];
  });
  for (const p of pairs) {
    const ratio = contrast(p.color, p.background);
    t.diagnostic(`${p.sel}: ${p.color} on ${p.background} = ${ratio.toFixed(2)}:1`);
    assert.ok(ratio >= 4.5, `${p.sel} text contrast ${ratio.toFixed(2)}:1`);
  }
  await page.close();
});

test("contrast that axe could not decide (text over SVG halos and pseudo-elements) is measured by hand", async (t) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const host = await openGuide(page, "/");
  const measured = [];
  const others = [];
  const check = async (state) => {
    const { incomplete } = await audit(page, state);
    others.push(...incomplete.filter((v) => v.id !== "color-contrast").map((v) => `${state}: ${v.id}`));
    measured.push(...(await manualContrast(page, incomplete)).map((m) => ({ ...m, state })));
  };
  await openSection(host, "procedure");
  for (const n of [1, 5, 7]) {
    await goToStep(host, n);
    await check(`procedure step ${n} (contrast by hand)`);
  }
  await openSection(host, "aftercare");
  await host.locator("input.kg-date-input").fill("2026-03-15");
  await host.locator(".kg-milestone-date").first().waitFor();
  await check("aftercare dated (contrast by hand)");
  const failures = [];
  for (const m of measured) {
    if (m.missing) { failures.push(`${m.state}: ${m.target} not found`); continue; }
    const ratio = contrast(m.colour, m.background);
    if (ratio < (m.large ? 3 : 4.5)) failures.push(`${m.state}: ${m.target}: ${m.colour} on ${m.background} = ${ratio.toFixed(2)}:1`);
  }
  t.diagnostic(`text nodes axe left undecided and measured by hand: ${measured.length}`);
  assert.deepEqual(failures, []);
  assert.deepEqual(others, [], "incomplete results other than colour contrast need a person to check");
  await context.close();
});

test("axe: heading-level 4 inside a host outline that reaches h3", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, fixture(`${CONFIGURED}&heading-level=4`));
  // heading-level is the practice's promise that the page's outline reaches level 3 before the guide.
  await page.evaluate(() => {
    const guide = document.querySelector("kyphoplasty-guide");
    for (const level of [2, 3]) {
      const h = document.createElement(`h${level}`);
      h.textContent = `Host heading ${level}`;
      guide.before(h);
    }
  });
  const results = [];
  for (const section of ["overview", "procedure", "aftercare", "warnings"]) {
    await openSection(host, section);
    results.push(await audit(page, `heading-level 4 ${section}`));
  }
  assert.equal(describeViolations(results), "", "axe violations");
  await page.close();
});

test("axe summary: rules checked and states audited", (t) => {
  t.diagnostic(`axe-core rules checked (unique ids over all states, tags ${AXE_TAGS.join(" ")}): ${rulesSeen.size}`);
  t.diagnostic(`states audited: ${audited.length}`);
  console.log(`axe-core rules checked: ${rulesSeen.size}; states audited: ${audited.length}`);
  assert.ok(rulesSeen.size > 50, "axe ran its rule set");
  assert.ok(audited.length >= 60, `enough states audited (${audited.length})`);
});

// ---------------------------------------------------------------- 3. reflow and text size

const REFLOW = [
  // 1.4.10: 320 CSS px wide, no sideways scrolling.
  { name: "320px", viewport: { width: 320, height: 720 }, rootFont: null },
  // 1.4.4: text at 200%: the browser's default font size doubled (as a patient sets it in the
  // browser's settings), which the widget follows; a host page's root size it ignores.
  { name: "200pct-text-1024px", viewport: { width: 1024, height: 900 }, rootFont: "200%" },
  // A 1280px screen at 200% zoom is 640 CSS px with text at 200%... of the zoomed size:
  // 640px with doubled root font is the stricter combination a phone in landscape meets.
  { name: "200pct-text-640px", viewport: { width: 640, height: 900 }, rootFont: "200%" },
];

// Sections that overflow today, per mode: defects reported to the widget's developer.
const REFLOW_DEFECTS = {
  risks: "defect: .kg-columns uses minmax(16em, 1fr), wider than the widget below ~330px (and at 200% text below ~610px): the Benefits/Risks text runs past the widget's right edge and is clipped by the host's paint containment (1.4.10)",
  procedure: "defect: the inflation slider (input[type=range], width:100% plus Chromium's 2px default margin) is 4px wider than its column on step 5 (1.4.10, minor)",
};
const REFLOW_TODO = { "320px": [], "200pct-text-640px": [], "200pct-text-1024px": [] };

for (const { name, viewport, rootFont } of REFLOW) {
  for (const section of SECTIONS) {
    const todo = REFLOW_TODO[name].includes(section) ? REFLOW_DEFECTS[section] : undefined;
    test(`reflow (${name}): nothing in ${section} overflows the widget sideways, in English and Spanish`, { todo }, async (t) => {
      const context = await browser.newContext({ viewport, locale: "en-US" });
      const page = await context.newPage();
      const host = await openGuide(page, fixture(CONFIGURED));
      if (rootFont) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
        const size = await page.evaluate(() =>
          getComputedStyle(document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")).fontSize);
        assert.equal(size, "36px", "the widget's text follows the browser's text size (1.125em of medium, at 200%)");
      }
      const problems = [];
      for (const lang of ["en", "es"]) {
        if (lang === "es") {
          await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("lang", "es"));
          await host.locator('section.kg[lang="es"]').waitFor();
        }
        await openSection(host, section);
        const states = section === "procedure" ? [1, 5, 8] : section === "aftercare" ? ["plain", "dated"] : ["plain"];
        for (const state of states) {
          if (section === "procedure") await host.locator(".kg-step-list button").nth(state - 1).click();
          if (state === "dated") {
            await host.locator("input.kg-date-input").fill("2026-03-15");
            await host.locator(".kg-milestone-date").first().waitFor();
          }
          if (section === "questions") {
            for (const s of await host.locator("summary").all()) await s.click();
          }
          for (const p of await overflow(page)) problems.push(`[${lang} ${state}] ${p}`);
          if (section === "procedure" && lang === "en") {
            // Illustration labels scale with the picture, not with the text size: record how big they render.
            const px = await page.evaluate(() => {
              const root = document.querySelector("kyphoplasty-guide").shadowRoot;
              const text = root.querySelector(".kg-ill-text");
              return text ? text.getBoundingClientRect().height : null;
            });
            if (px) t.diagnostic(`step ${state}: illustration label text renders ${px.toFixed(1)}px tall (body text ${rootFont ? 36 : 18}px)`);
          }
          await page.screenshot({ path: path.join(SHOTS, `reflow-${name}-${lang}-${section}-${state}.png`), fullPage: true, animations: "disabled" });
        }
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test("text spacing (1.4.12): with the WCAG spacing overrides nothing overflows or is cut off", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 720 } });
  const page = await context.newPage();
  const host = await openGuide(page, fixture(CONFIGURED));
  await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = `.kg * { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
      .kg p { margin-bottom: 2em !important; }`;
    document.querySelector("kyphoplasty-guide").shadowRoot.append(style);
  });
  const problems = [];
  for (const section of SECTIONS) {
    await openSection(host, section);
    for (const p of await overflow(page)) problems.push(`[${section}] ${p}`);
    // Text cut off inside a fixed-size box: an element whose content is taller/wider than it and clips.
    const clipped = await page.evaluate(() => {
      const root = document.querySelector("kyphoplasty-guide").shadowRoot;
      return [...root.querySelectorAll(".kg *")]
        .filter((el) => !el.closest(".kg-print-sheet, .kg-visually-hidden, svg") && el.checkVisibility())
        .filter((el) => {
          const s = getComputedStyle(el);
          return /hidden|clip/.test(s.overflowX + s.overflowY) && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    });
    for (const c of clipped) problems.push(`[${section}] clipped: ${c}`);
  }
  await page.screenshot({ path: path.join(SHOTS, "text-spacing-360px.png"), fullPage: true, animations: "disabled" });
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- 4. touch targets

test("touch targets: every visible control is at least 44×44 CSS px (2.5.8 asks 24×24)", async (t) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "en-US" });
  const page = await context.newPage();
  const host = await openGuide(page, fixture(CONFIGURED));
  const seen = new Map();
  const collect = async (state) => {
    for (const b of await interactiveBoxes(page)) {
      const key = `${b.what} ${b.width}×${b.height}`;
      if (!seen.has(key)) seen.set(key, { ...b, state });
    }
  };
  for (const section of SECTIONS) {
    await openSection(host, section);
    await collect(section);
    if (section === "procedure") { await goToStep(host, 5); await collect("procedure step 5"); }
    if (section === "aftercare") {
      await host.locator("input.kg-date-input").fill("2026-03-15");
      await host.locator(".kg-download").waitFor();
      await collect("aftercare dated");
      await host.getByRole("button", { name: "Clear my ticks" }).click();
      await collect("aftercare clear confirmation");
      await host.getByRole("button", { name: "No, keep them" }).click();
    }
  }
  // On this small screen the part buttons fold behind "Contents": measured with the list open.
  await host.locator(".kg-nav-toggle").click();
  await collect("contents open");
  const all = [...seen.values()];
  // The element itself, and for an input its hit area including its label.
  const small = all.filter((b) => b.width < 44 || b.height < 44);
  const offenders = all.filter((b) => b.hitWidth < 44 || b.hitHeight < 44);
  const under24 = all.filter((b) => b.hitWidth < 24 || b.hitHeight < 24);
  t.diagnostic(`${all.length} distinct controls measured at 375px`);
  for (const b of small) {
    t.diagnostic(`element under 44×44: ${b.what} ${b.width}×${b.height} (with its label ${b.hitWidth}×${b.hitHeight}) in ${b.state}`);
  }
  assert.deepEqual(under24.map((b) => `${b.what} ${b.hitWidth}×${b.hitHeight}`), [], "2.5.8 minimum");
  assert.deepEqual(offenders.map((b) => `${b.what} ${b.hitWidth}×${b.hitHeight} (${b.state})`), [], "44×44 target");
  await context.close();
});

// ---------------------------------------------------------------- 6. user preferences

test("reduced motion: illustration parts do not animate", async (t) => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  const host = await openGuide(page, fixture(CONFIGURED));
  await openSection(host, "procedure");
  await goToStep(host, 5);
  const durations = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const parts = [".kg-ill-upper", ".kg-ill-cap", ".kg-ill-needle", ".kg-ill-balloon", ".kg-ill-cavity", ".kg-ill-cement", ".kg-ill-incision", ".kg-ill-closure", ".kg-ill-top", ".kg-ill-crack"];
    return parts.flatMap((sel) => [...root.querySelectorAll(sel)].map((el) => ({ sel, d: getComputedStyle(el).transitionDuration, a: getComputedStyle(el).animationDuration })));
  });
  assert.ok(durations.length >= 8, "illustration parts found");
  const moving = durations.filter((x) => x.d.split(",").some((d) => parseFloat(d) > 0) || parseFloat(x.a) > 0);
  assert.deepEqual(moving, []);
  await shot(page, "reduced-motion-step5");
  // Without the preference the parts do animate (so the test above means something).
  const normal = await browser.newPage();
  const h2 = await openGuide(normal, fixture(CONFIGURED));
  await openSection(h2, "procedure");
  const d = await normal.evaluate(() => getComputedStyle(document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-ill-balloon")).transitionDuration);
  t.diagnostic(`balloon transition without reduced motion: ${d}`);
  assert.notEqual(d, "0s");
  await normal.close();
  await context.close();
});

test("forced colours: the illustration keeps visible outlines in system colours", async (t) => {
  const context = await browser.newContext({ forcedColors: "active" });
  const page = await context.newPage();
  const host = await openGuide(page, fixture(CONFIGURED));
  await openSection(host, "procedure");
  const results = [];
  for (const n of [1, 5, 7]) {
    await goToStep(host, n);
    const strokes = await page.evaluate(() => {
      const root = document.querySelector("kyphoplasty-guide").shadowRoot;
      const key = [".kg-ill-vb", ".kg-ill-disc", ".kg-ill-post", ".kg-ill-shaft", ".kg-ill-balloon-skin", ".kg-ill-cement", ".kg-ill-skin", ".kg-ill-leader"];
      const bg = getComputedStyle(root.querySelector(".kg-ill")).backgroundColor;
      return { bg, shapes: key.flatMap((sel) => [...root.querySelectorAll(sel)].slice(0, 1).map((el) => {
        const s = getComputedStyle(el);
        return { sel, stroke: s.stroke, width: s.strokeWidth };
      })) };
    });
    for (const s of strokes.shapes) {
      if (s.stroke === "none" || parseFloat(s.width) === 0 || s.stroke === strokes.bg) results.push(`step ${n} ${s.sel}: stroke ${s.stroke} ${s.width} on ${strokes.bg}`);
    }
    await shot(page, `forced-colors-step${n}`);
  }
  await openSection(host, "warnings");
  await shot(page, "forced-colors-warnings");
  await openSection(host, "before");
  await shot(page, "forced-colors-before");
  assert.deepEqual(results, []);
  await context.close();
});

test("dark colour scheme without the practice opting in: the light palette stays readable", async (t) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  const host = await openGuide(page, fixture(CONFIGURED));
  for (const section of ["overview", "procedure", "warnings"]) {
    await openSection(host, section);
    await shot(page, `dark-${section}`);
  }
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")).backgroundColor);
  t.diagnostic(`widget background under prefers-color-scheme: dark: ${bg} (${bg === "rgb(255, 255, 255)" ? "light palette kept: no dark mode" : "dark mode"})`);
  // Whatever the scheme, text must stay readable: axe on the dark-scheme page.
  const results = [await audit(page, "dark scheme warnings")];
  assert.equal(describeViolations(results), "", "axe violations");
  await context.close();
});

// ---------------------------------------------------------------- 7. semantics

test("a named region, and headings that follow heading-level", async () => {
  const page = await browser.newPage();
  for (const level of [2, 4]) {
    const host = await openGuide(page, fixture(`${CONFIGURED}&heading-level=${level}`));
    const region = host.getByRole("region", { name: "Balloon kyphoplasty guide" });
    assert.equal(await region.count(), 1, "section.kg is a named region");
    assert.equal(await host.locator(`.kg-title`).evaluate((el) => el.tagName), `H${level}`);
    for (const section of SECTIONS) {
      await openSection(host, section);
      const levels = await page.evaluate(() => {
        const root = document.querySelector("kyphoplasty-guide").shadowRoot;
        return [...root.querySelectorAll(".kg-body h1, .kg-body h2, .kg-body h3, .kg-body h4, .kg-body h5, .kg-body h6")]
          .map((h) => Number(h.tagName[1]));
      });
      assert.equal(levels[0], level + 1, `${section}: section heading is h${level + 1}`);
      for (const l of levels.slice(1)) assert.ok(l === level + 1 || l === level + 2, `${section}: h${l} within h${level + 1}..h${level + 2}`);
      for (let i = 1; i < levels.length; i++) assert.ok(levels[i] - levels[i - 1] <= 1, `${section}: no skipped level`);
    }
  }
  await page.close();
});

test("every control has an accessible name, and the illustration is an image with a title and description", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, "/");
  await openSection(host, "procedure");
  await goToStep(host, 5);
  // Names as the accessibility tree computes them (through the shadow root).
  const snapshot = await page.locator("kyphoplasty-guide").ariaSnapshot();
  assert.match(snapshot, /button "Next step"/);
  assert.match(snapshot, /button "Previous step"/);
  assert.match(snapshot, /checkbox "Show labels"/);
  assert.match(snapshot, /slider "Balloon inflation"/);
  assert.match(snapshot, /navigation "All steps"/);
  assert.match(snapshot, /navigation "Parts of this guide"/);
  const unnamed = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    return [...root.querySelectorAll("button, a[href], input, summary")]
      .filter((el) => !el.closest(".kg-print-sheet"))
      .filter((el) => !(el.getAttribute("aria-label") || el.textContent.trim() || (el.labels && el.labels.length && [...el.labels].some((l) => l.textContent.trim()))))
      .map((el) => el.outerHTML.slice(0, 80));
  });
  assert.deepEqual(unnamed, []);
  const svg = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const svg = root.querySelector(".kg-stage svg");
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\s+/);
    return {
      role: svg.getAttribute("role"),
      ids: ids.map((id) => root.getElementById(id)?.tagName ?? null),
      text: ids.map((id) => root.getElementById(id)?.textContent.trim() ?? ""),
    };
  });
  assert.equal(svg.role, "img");
  assert.deepEqual(svg.ids, ["title", "desc"]);
  assert.ok(svg.text.every((s) => s.length > 10), "title and description have text");
  assert.match(snapshot, /img "[^"]{20,}"/, "the image's accessible name comes from its title and desc");
  await page.close();
});

test("a polite live region announces step changes", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, "/");
  await openSection(host, "procedure");
  const live = host.locator('.kg-procedure [aria-live="polite"]');
  assert.equal(await live.count(), 1);
  assert.equal(await live.getAttribute("aria-atomic"), "true");
  const before = await live.textContent();
  await host.locator(".kg-next").click();
  await host.getByText("Step 2 of 8").first().waitFor();
  const afterText = await live.textContent();
  assert.notEqual(afterText, before);
  assert.match(afterText, /^Step 2 of 8: /);
  await page.close();
});

test("checklist progress is announced when a box is ticked", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, "/");
  await openSection(host, "before");
  const progress = host.locator(".kg-progress-text").first();
  // It is described (read when focus enters the group)...
  const describedBy = await host.locator("fieldset.kg-group").first().getAttribute("aria-describedby");
  assert.ok(describedBy && describedBy.endsWith("-progress"));
  await host.locator("input.kg-checkbox").first().check();
  assert.match(await progress.textContent(), /^1 of/);
  // ...and each change is announced by the section's polite live region.
  const said = await host.locator('.kg-body .kg-section > [aria-live="polite"]').textContent();
  assert.match(said, /: 1 of \d+ done$/, "the group's progress is announced");
  await page.close();
});

test("dark mode where the practice allows it (color-scheme=auto): dark palette, zero axe violations", async (t) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  const host = await openGuide(page, fixture(`${CONFIGURED}&color-scheme=auto`));
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")).backgroundColor);
  assert.notEqual(bg, "rgb(255, 255, 255)", "the guide turns dark");
  const results = [];
  for (const section of SECTIONS) {
    await openSection(host, section);
    await shot(page, `dark-auto-${section}`);
    results.push(await audit(page, `dark (auto) ${section}`));
  }
  t.diagnostic(`dark mode background: ${bg}`);
  assert.equal(describeViolations(results), "", "axe violations");
  await context.close();
});
