// How far down a phone the guide's text starts: the top of the first paragraph of the
// open part, in px from the top of the guide, at 390 px wide, in each language, in the
// document (no wasm) and the live widget. Issue 25's rule: within 360 px.
// Usage: node scripts/header-height.mjs (needs a built dist/).
import { readFileSync } from "node:fs";
import path from "node:path";
import { startServer, launchBrowser, widgetReady, documentShown, a11yHost, DIST } from "../tests/e2e/support.mjs";
import { LOADER, loaderLanguages } from "./release.mjs";

/** The first paragraph's top and the header's parts, relative to the guide's top (px). */
export function firstParagraph(page) {
  return page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const kg = root.querySelector(".kg-mount:not([hidden]) .kg") || root.querySelector(".kg");
    const top = kg.getBoundingClientRect().top;
    const rel = (el) => (el ? Math.round(el.getBoundingClientRect().top - top) : null);
    const body = kg.querySelector(".kg-body:not([hidden])");
    const first = body && [...body.querySelectorAll("p, li")].find((p) => p.checkVisibility() && p.textContent.trim().length > 20);
    return {
      firstParagraph: rel(first),
      strip: rel(kg.querySelector(".kg-emergency-strip")),
      nav: rel(kg.querySelector(".kg-nav")),
    };
  });
}

const main = async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const lang of loaderLanguages(readFileSync(path.join(DIST, LOADER), "utf8"))) {
      for (const mode of ["document", "live"]) {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        if (mode === "document") await page.route(/\.wasm$/, (route) => route.abort());
        await page.goto(server.origin + a11yHost(`lang=${lang}${process.env.PRACTICE ? "&practice-name=Riverside%20Spine%20Center" : ""}`));
        if (mode === "document") await documentShown(page);
        else await widgetReady(page);
        await page.waitForTimeout(200);
        const at = await firstParagraph(page);
        console.log(`390 px ${lang} ${mode.padEnd(8)}: first paragraph at ${at.firstParagraph} px (emergency strip ${at.strip}, contents ${at.nav})`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await main();
