// Screenshots of the demo for people to look at: every section, desktop and phone
// widths, each language. Usage: node scripts/screenshots.mjs [outdir]
// (needs a built dist/: scripts/demo.sh or trunk build).
import fs from "node:fs/promises";
import { startServer, launchBrowser, widgetReady } from "../tests/e2e/support.mjs";

const out = process.argv[2] || "screenshots";
await fs.mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
const widths = { desktop: 1200, phone: 375 };
const only = process.env.SECTIONS ? process.env.SECTIONS.split(",") : null;
try {
  for (const lang of ["en", "es"]) {
    for (const [name, width] of Object.entries(widths)) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(server.origin + "/");
      await widgetReady(page);
      if (lang === "es") {
        await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("lang", "es"));
      }
      const sections = await page.evaluate(() =>
        [...document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll("[data-section].kg-nav-button")].map((b) => b.dataset.section));
      for (const section of sections) {
        if (only && !only.includes(section)) continue;
        await page.evaluate((s) => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(`.kg-nav-button[data-section="${s}"]`).click(), section);
        await page.waitForTimeout(150);
        const file = `${out}/${lang}-${name}-${section}.png`;
        await page.locator("kyphoplasty-guide").screenshot({ path: file });
        console.log(file);
        if (section === "procedure" && process.env.STEPS) {
          // Every step of the procedure: the stage (illustration and text) only.
          for (let step = 1; step <= 8; step++) {
            const stepFile = `${out}/${lang}-${name}-step${step}.png`;
            await page.locator("kyphoplasty-guide").locator(".kg-stepper").screenshot({ path: stepFile });
            console.log(stepFile);
            await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-next").click());
            await page.waitForTimeout(700);
          }
        }
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
