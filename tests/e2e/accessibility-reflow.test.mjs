// Accessibility (WCAG 2.2 A and AA), reflow and text size: nothing overflows sideways at
// 320 CSS px (1.4.10) or with text at 200% (1.4.4), in English and Spanish, and nothing is
// cut off with the WCAG text spacing overrides (1.4.12).
// ACCESSIBILITY.md maps each success criterion to the tests in the accessibility-*.test.mjs
// files and in keyboard.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs/promises";
import { startServer, launchBrowser, exampleQuery, a11yHost, SECTIONS, SHOTS, openGuide, openSection } from "./support.mjs";
import { overflow, clippedText, TEXT_SPACING } from "./measure.mjs";

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
      const host = await openGuide(page, server.origin, a11yHost(CONFIGURED));
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
  const host = await openGuide(page, server.origin, a11yHost(CONFIGURED));
  await page.evaluate((css) => {
    const style = document.createElement("style");
    style.textContent = css;
    document.querySelector("kyphoplasty-guide").shadowRoot.append(style);
  }, TEXT_SPACING);
  const problems = [];
  for (const section of SECTIONS) {
    await openSection(host, section);
    for (const p of await overflow(page)) problems.push(`[${section}] ${p}`);
    // Text cut off inside a fixed-size box: an element whose content is taller/wider than it and clips.
    const clipped = await clippedText(page);
    for (const c of clipped) problems.push(`[${section}] clipped: ${c}`);
  }
  await page.screenshot({ path: path.join(SHOTS, "text-spacing-360px.png"), fullPage: true, animations: "disabled" });
  assert.deepEqual(problems, []);
  await context.close();
});
