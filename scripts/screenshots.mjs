// Screenshots of the demo for people to look at: every section, desktop and phone
// widths (390 and 320 px), each language. Usage: node scripts/screenshots.mjs [outdir]
// (needs a built dist/: scripts/demo.sh or trunk build). STEPS=1 adds every procedure
// step; ZOOM=1 sets the browser's text to 200%; PRINT=1 shows print media; SECTIONS=a,b
// limits the sections, LANGS=en,ar the languages (default: every language of the build),
// WIDTHS=small,desktop the widths.
import fs from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startServer, launchBrowser, widgetReady, DIST } from "../tests/e2e/support.mjs";
import { LOADER, loaderLanguages } from "./release.mjs";

const out = process.argv[2] || "screenshots";
await fs.mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
const allWidths = { desktop: 1200, phone: 390, small: 320 };
const widths = Object.entries(allWidths).filter(([name]) => !process.env.WIDTHS || process.env.WIDTHS.split(",").includes(name));
const only = process.env.SECTIONS ? process.env.SECTIONS.split(",") : null;
const langs = process.env.LANGS ? process.env.LANGS.split(",") : loaderLanguages(readFileSync(path.join(DIST, LOADER), "utf8"));
try {
  for (const lang of langs) {
    for (const [name, width] of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      if (process.env.ZOOM) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
      }
      if (process.env.PRINT) await page.emulateMedia({ media: "print" });
      await page.goto(server.origin + "/");
      await widgetReady(page);
      if (lang !== "en") {
        await page.evaluate((tag) => document.querySelector("kyphoplasty-guide").setAttribute("lang", tag), lang);
        await page.waitForFunction((tag) => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")?.getAttribute("lang") === tag, lang);
      }
      const sections = await page.evaluate(() =>
        [...document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll("[data-section].kg-nav-button")].map((b) => b.dataset.section));
      for (const section of sections) {
        if (only && !only.includes(section)) continue;
        await page.evaluate((s) => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(`.kg-nav-button[data-section="${s}"]`).click(), section);
        await page.waitForTimeout(150);
        const zoom = (process.env.ZOOM ? "-200pct" : "") + (process.env.PRINT ? "-print" : "");
        const file = `${out}/${lang}-${name}${zoom}-${section}.png`;
        await page.locator("kyphoplasty-guide").screenshot({ path: file });
        console.log(file);
        if (section === "procedure" && process.env.STEPS) {
          // Every step of the procedure: the procedure section only (on a phone the
          // stepper's own box is dropped, so that its stage can stay on screen).
          for (let step = 1; step <= 8; step++) {
            const stepFile = `${out}/${lang}-${name}${zoom}-step${step}.png`;
            await page.locator("kyphoplasty-guide").locator(".kg-body .kg-procedure").screenshot({ path: stepFile });
            console.log(stepFile);
            await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-stepper:not([hidden]) .kg-next").click());
            await page.waitForTimeout(700);
          }
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
