// Accessibility (WCAG 2.2 A and AA), the patient's preferences: reduced motion, forced
// colours, a dark colour scheme where the practice has not opted in, and dark mode where
// it has (color-scheme=auto).
// ACCESSIBILITY.md maps each success criterion to the tests in the accessibility-*.test.mjs
// files and in keyboard.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { startServer, launchBrowser, describeViolations, exampleQuery, a11yHost, SECTIONS, SHOTS, openGuide, openSection, goToStep, shot, audit } from "./support.mjs";

const CONFIGURED = exampleQuery("practice");

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await fs.mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("reduced motion: illustration parts do not animate", async (t) => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, a11yHost(CONFIGURED));
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
  const h2 = await openGuide(normal, server.origin, a11yHost(CONFIGURED));
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
  const host = await openGuide(page, server.origin, a11yHost(CONFIGURED));
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
  const host = await openGuide(page, server.origin, a11yHost(CONFIGURED));
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

test("dark mode where the practice allows it (color-scheme=auto): dark palette, zero axe violations", async (t) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  const host = await openGuide(page, server.origin, a11yHost(`${CONFIGURED}&color-scheme=auto`));
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
