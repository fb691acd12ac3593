// The parts of the guide on small screens: at 320 and 390 px they fold behind one
// "Contents" button (a disclosure), at 768 px the list shows as before. Keyboard only,
// the names a screen reader hears, the open part marked, the emergency number and the
// way to the warning signs one tap away on every part, the first screen showing the
// guide's first words, in the live widget and in the document (which the loader runs),
// and no visible change when the wasm takes over with the list open. axe in each state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startServer, launchBrowser, widgetReady, documentShown, axeAudit, describeViolations, settledScreenshot, exampleQuery, a11yHost, chooseLanguage } from "./support.mjs";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const SECTIONS = ["overview", "procedure", "before", "aftercare", "warnings", "risks", "questions", "visit", "understanding", "sources"];
const NAMES = ["Overview", "The procedure", "Before", "Aftercare", "Warning signs", "Risks and benefits", "Questions", "My visit", "Check your understanding", "Sources"];
const PAGE = a11yHost(exampleQuery("practice"));

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The deepest focused element: its text, or its accessible name if it has an aria-label. */
const focusedName = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return (el.getAttribute("aria-label") || el.textContent || el.id).trim().replace(/\s+/g, " ");
  });

async function tabTo(page, name, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Opens the header's "More" fold (where the language button is on a small screen), if it is closed. */
async function openMore(host) {
  const more = host.locator(".kg-more");
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  await host.locator('.kg-more[aria-expanded="true"]').waitFor();
}

/** Where things are, relative to the top of the widget (px), and how tall the nav is. */
function measure(page) {
  return page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const top = root.querySelector(".kg").getBoundingClientRect().top;
    const rel = (el) => (el ? Math.round(el.getBoundingClientRect().top - top) : null);
    const visible = (el) => !!el && el.checkVisibility();
    const body = root.querySelector(".kg-body:not([hidden])");
    const firstWords = body && [...body.querySelectorAll("p, li")].find((el) => visible(el) && el.textContent.trim().length > 20);
    return {
      nav: Math.round(root.querySelector(".kg-nav").getBoundingClientRect().height),
      navButtons: [...root.querySelectorAll(".kg-nav button")].filter(visible).length,
      call: visible(root.querySelector(".kg-emergency-strip .kg-call")) ? rel(root.querySelector(".kg-emergency-strip .kg-call")) : null,
      tel: root.querySelector(".kg-emergency-strip .kg-call")?.getAttribute("href"),
      shortcut: visible(root.querySelector(".kg-emergency-strip .kg-button-warning")),
      heading: rel(body && body.querySelector("[tabindex='-1']")),
      firstWords: rel(firstWords),
    };
  });
}

for (const width of [320, 390]) {
  for (const mode of ["live widget", "document"]) {
    test(`${width} px (${mode}): the parts fold behind one Contents button, work by keyboard, and the emergency number stays one tap away`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 844 } });
      if (mode === "document") await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto(server.origin + PAGE);
      const host = mode === "document" ? await documentShown(page) : await widgetReady(page);
      if (mode === "document") await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "static");
      await page.evaluate(() => document.querySelector("kyphoplasty-guide").scrollIntoView());
      const nav = host.getByRole("navigation", { name: "Parts of this guide" });
      let at = await measure(page);
      assert.equal(at.navButtons, 1, "one control");
      assert.ok(at.nav <= 64, `the navigation is one line (${at.nav} px)`);
      const toggle = nav.getByRole("button", { name: "Contents: Overview", expanded: false });
      assert.equal(await toggle.count(), 1, "named by what it is and the open part, collapsed");
      assert.equal(await toggle.getAttribute("aria-controls"), "kg-nav-list");
      if (width === 390) {
        // The first screen shows the start of the guide's content.
        assert.ok(at.firstWords < 844 - 60, `the first words of the guide start ${at.firstWords} px down, on the first screen (844 px)`);
      }

      // Keyboard only: Tab to the button, Enter opens, Tab into the list, Enter chooses.
      await page.evaluate(() => document.getElementById("before-widget").focus());
      await tabTo(page, "Contents: Overview");
      await page.keyboard.press("Enter");
      await nav.getByRole("button", { name: "Contents: Overview", expanded: true }).waitFor();
      at = await measure(page);
      assert.equal(at.navButtons, 1 + NAMES.length, "open, every part shows");
      assert.equal(await nav.getByRole("button", { name: "Overview", exact: true }).getAttribute("aria-current"), "true", "the open part is marked");
      await page.keyboard.press("Tab");
      assert.equal(await focusedName(page), "Overview", "the list comes right after its button");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await host.getByRole("heading", { name: "What happens during the procedure" }).waitFor();
      assert.equal(await focusedName(page), "Contents: The procedure", "focus stays on the Contents button");
      assert.equal(await nav.getByRole("button", { name: "Contents: The procedure", expanded: false }).count(), 1, "the list closes");
      // Space opens it, Escape closes it and gives focus back to the button.
      await page.keyboard.press(" ");
      await nav.getByRole("button", { name: "Contents: The procedure", expanded: true }).waitFor();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Escape");
      await nav.getByRole("button", { name: "Contents: The procedure", expanded: false }).waitFor();
      assert.equal(await focusedName(page), "Contents: The procedure");

      // Every part: opened through the list; the emergency number is on the first screen,
      // a call link, and the warning signs are one tap away.
      for (const [i, section] of SECTIONS.entries()) {
        await nav.getByRole("button", { name: /^Contents: / }).click();
        await nav.getByRole("button", { name: NAMES[i], exact: true }).click();
        await host.locator(`.kg-body:not([hidden]) .kg-section[data-section="${section}"]`).waitFor();
        await page.evaluate(() => document.querySelector("kyphoplasty-guide").scrollIntoView());
        at = await measure(page);
        assert.ok(at.call !== null && at.call < 400, `${section}: "Call 911" at ${at.call} px`);
        assert.equal(at.tel, "tel:911", section);
        assert.equal(at.shortcut, section !== "warnings", `${section}: the Warning signs button ${section !== "warnings" ? "shows" : "is not needed there"}`);
        assert.equal(await nav.getByRole("button", { name: `Contents: ${NAMES[i]}` }).count(), 1, `${section}: the button names the open part`);
      }
      await nav.getByRole("button", { name: /^Contents: / }).click();
      await nav.getByRole("button", { name: "Before", exact: true }).click();
      await host.locator(".kg-emergency-strip").getByRole("button", { name: "Warning signs" }).click();
      await host.getByRole("heading", { name: /Call 911 now if/ }).waitFor();
      await page.close();
    });
  }
}

test("768 px: the list shows as before, every part a button; keyboard, names, the open part marked, the emergency number", async () => {
  const page = await browser.newPage({ viewport: { width: 768, height: 900 } });
  await page.goto(server.origin + PAGE);
  const host = await widgetReady(page);
  const nav = host.getByRole("navigation", { name: "Parts of this guide" });
  assert.equal(await nav.locator(".kg-nav-toggle").isVisible(), false, "no Contents button where the list fits");
  for (const name of NAMES) assert.equal(await nav.getByRole("button", { name, exact: true }).isVisible(), true, name);
  await page.evaluate(() => document.getElementById("before-widget").focus());
  await tabTo(page, "Aftercare");
  await page.keyboard.press("Enter");
  await host.getByRole("heading", { name: "After your procedure" }).waitFor();
  assert.equal(await focusedName(page), "Aftercare", "focus stays on the part's button");
  assert.equal(await nav.getByRole("button", { name: "Aftercare", exact: true }).getAttribute("aria-current"), "true");
  const at = await measure(page);
  assert.ok(at.call !== null && at.call < 300, `"Call 911" at ${at.call} px`);
  assert.equal(at.shortcut, true);
  await page.close();
});

test("Spanish: the Contents button speaks Spanish and names the open part", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.origin + PAGE + "&" + exampleQuery("spanish"));
  const host = await widgetReady(page);
  const nav = host.getByRole("navigation", { name: "Partes de esta guía" });
  await nav.getByRole("button", { name: "Contenido: Resumen", expanded: false }).click();
  await nav.getByRole("button", { name: "Antes", exact: true }).click();
  await nav.getByRole("button", { name: "Contenido: Antes", expanded: false }).waitFor();
  await page.close();
});

test("nothing overflows at 320 px with the Contents list open, in English and Spanish", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
  await page.goto(server.origin + PAGE);
  const host = await widgetReady(page);
  for (const lang of ["en", "es"]) {
    if (lang === "es") {
      await openMore(host);
      await chooseLanguage(host, "es");
      await host.locator('section.kg[lang="es"]').waitFor();
    }
    // The header's tools unfolded too: the widest the header gets.
    await openMore(host);
    await host.locator(".kg-nav-toggle").click();
    await host.locator('.kg-nav-toggle[aria-expanded="true"]').waitFor();
    const problems = await page.evaluate(() => {
      const root = document.querySelector("kyphoplasty-guide").shadowRoot;
      const box = root.querySelector(".kg").getBoundingClientRect();
      return [...root.querySelectorAll(".kg-header *, .kg-emergency-strip *, .kg-nav *")]
        .filter((el) => el.checkVisibility())
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.right > box.right + 1 || r.left < box.left - 1)
        .map(({ el }) => `${el.tagName} ${el.textContent.trim().slice(0, 30)}`);
    });
    assert.deepEqual(problems, [], lang);
    await host.locator(".kg-nav-toggle").click();
  }
  await page.close();
});

test("390 px: no visible change when the wasm takes over with the Contents list open on the procedure; focus stays on its button", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.origin + "/");
  const host = await documentShown(page);
  await host.locator(".kg-nav-toggle").click();
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  await host.locator(".kg-nav-toggle").click();
  await host.locator('.kg-nav-toggle[aria-expanded="true"]').waitFor();
  await page.evaluate(() => document.fonts.ready);
  const beforeShot = await settledScreenshot(page);
  release();
  await widgetReady(page);
  const afterShot = await settledScreenshot(page);
  if (!beforeShot.equals(afterShot)) {
    await fs.writeFile(path.join(os.tmpdir(), "kg-takeover-contents-before.png"), beforeShot);
    await fs.writeFile(path.join(os.tmpdir(), "kg-takeover-contents-after.png"), afterShot);
  }
  assert.ok(beforeShot.equals(afterShot), `the screenshots differ (saved in ${os.tmpdir()}/kg-takeover-contents-*.png)`);
  assert.equal(await host.locator(".kg-nav-toggle").getAttribute("aria-expanded"), "true", "the list is still open");
  assert.equal(await focusedName(page), "Contents: The procedure");
  await page.close();
});

test("axe: the Contents button closed and open, at 320 and 390 px, live and as a document, in both languages", async () => {
  const results = [];
  for (const width of [320, 390]) {
    for (const mode of ["live", "document"]) {
      const page = await browser.newPage({ viewport: { width, height: 844 } });
      if (mode === "document") await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto(server.origin + PAGE);
      const host = mode === "document" ? await documentShown(page) : await widgetReady(page);
      if (mode === "document") await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "static");
      for (const lang of ["en", "es"]) {
        if (lang === "es") {
          await openMore(host);
          await chooseLanguage(host, "es");
          await host.locator('section.kg[lang="es"]').waitFor();
        }
        results.push({ state: `${width} ${mode} ${lang} closed`, ...(await axeAudit(page, AXE_TAGS)) });
        await host.locator(".kg-nav-toggle").click();
        await host.locator('.kg-nav-toggle[aria-expanded="true"]').waitFor();
        results.push({ state: `${width} ${mode} ${lang} open`, ...(await axeAudit(page, AXE_TAGS)) });
        await host.locator(".kg-nav-toggle").click();
      }
      await page.close();
    }
  }
  assert.equal(describeViolations(results), "", "axe violations");
});
