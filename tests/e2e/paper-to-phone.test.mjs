// Paper to phone (issue 25): the QR code on the printed aftercare sheet and diary,
// decoded with a real decoder (jsQR) from a screenshot under print media and compared
// with share-url (the default, a set value, a bad value's fallback); the address in text
// when the page is printed from the document (no wasm); "Send to my phone" with the Web
// Share API and its clipboard and by-hand fallbacks; the header's "More" fold by
// keyboard, in the document and the live widget; the 360 px rule at 390 px in both
// languages; axe in the new states.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import jsQR from "jsqr";
import { startServer, launchBrowser, widgetReady, documentShown, audit, describeViolations, a11yHost } from "./support.mjs";
import { firstParagraph } from "../../scripts/header-height.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const GUIDE_PAGE = "/fixtures/a11y-host.html";

/** Decodes the QR code in `locator` from a screenshot: the browser turns the PNG into pixels, jsQR reads them. */
async function decode(page, locator) {
  const png = await locator.screenshot();
  const { data, width, height } = await page.evaluate(async (b64) => {
    const blob = await (await fetch("data:image/png;base64," + b64)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext("2d");
    g.drawImage(bitmap, 0, 0);
    return { data: Array.from(g.getImageData(0, 0, bitmap.width, bitmap.height).data), width: bitmap.width, height: bitmap.height };
  }, png.toString("base64"));
  const code = jsQR(Uint8ClampedArray.from(data), width, height, { inversionAttempts: "dontInvert" });
  assert.ok(code, `a QR code is found in the ${width}×${height} screenshot`);
  return code.data;
}

/** The live widget at `query` (with `hash` after it), its print sheet drawn, under print media. */
async function printedLive(query, hash = "") {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const warnings = [];
  page.on("console", (msg) => { if (msg.type() === "warning") warnings.push(msg.text()); });
  await page.goto(server.origin + a11yHost(query) + hash);
  const host = await widgetReady(page);
  await host.locator(".kg-print-sheet .kg-review-stamp").waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  return { context, page, host, warnings };
}

test("the printed aftercare sheet's QR code is the page's address without its query and fragment, by default", async () => {
  const { context, page, host } = await printedLive("practice-name=Riverside", "#aftercare");
  const expected = server.origin + GUIDE_PAGE;
  const code = host.locator(".kg-print-sheet .kg-share-qr");
  assert.equal(await code.isVisible(), true, "the code prints");
  assert.equal(await decode(page, code), expected);
  const words = await host.locator(".kg-print-sheet .kg-share-code").innerText();
  assert.match(words, /Scan to open this guide on your phone/);
  assert.ok(words.includes(expected), "the address in text too");
  // Black on white with a quiet zone of four modules: the SVG's own drawing.
  const shape = await page.evaluate(() => {
    const svg = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-print-sheet .kg-share-qr");
    const side = Number(svg.getAttribute("viewBox").split(" ")[2]);
    const d = svg.querySelector("path").getAttribute("d");
    const xs = [...d.matchAll(/M(\d+),(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    return {
      side, fill: svg.querySelector("path").getAttribute("fill"), background: svg.querySelector("rect").getAttribute("fill"),
      min: Math.min(...xs.flat()), max: Math.max(...xs.flat()),
    };
  });
  assert.equal(shape.fill, "#000");
  assert.equal(shape.background, "#fff");
  assert.equal(shape.min, 4, "four light modules before the first dark one");
  assert.equal(shape.max, shape.side - 5, "and after the last");
  // On screen the code is not shown.
  await page.emulateMedia({ media: "screen" });
  assert.equal(await code.isVisible(), false);
  await context.close();
});

test("a set share-url is the QR code, in Spanish too; a bad one falls back to the page with a console warning", async () => {
  const wanted = "https://www.example-spine.com/kyphoplasty?from=paper";
  for (const lang of ["en", "es"]) {
    const { context, page, host } = await printedLive(`lang=${lang}&share-url=${encodeURIComponent(wanted)}`);
    assert.equal(await decode(page, host.locator(".kg-print-sheet .kg-share-qr")), wanted, lang);
    const words = await host.locator(".kg-print-sheet .kg-share-code").innerText();
    assert.match(words, lang === "es" ? /Escanee para abrir esta guía en su teléfono/ : /Scan to open this guide on your phone/);
    await context.close();
  }
  for (const bad of ["javascript:alert(1)", "ftp://example.org/guide", "https://exa mple.org/"]) {
    const { context, page, host, warnings } = await printedLive(`share-url=${encodeURIComponent(bad)}`);
    assert.equal(await decode(page, host.locator(".kg-print-sheet .kg-share-qr")), server.origin + GUIDE_PAGE, bad);
    assert.ok(warnings.some((w) => w.includes("share-url=") && w.includes("this page's address")), `${bad}: ${warnings.join(" | ")}`);
    await context.close();
  }
});

test("the printed diary carries the same QR code", async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 2 });
  await context.addInitScript(() => {
    const d = new Date();
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    localStorage.setItem("kyphoplasty-guide:diary:v1:default", JSON.stringify({ version: 1, entries: [{ date: day, pain: 3 }] }));
  });
  const page = await context.newPage();
  await page.addInitScript(() => { window.print = () => {}; });
  const wanted = "https://clinic.example/guide";
  await page.goto(server.origin + a11yHost(`share-url=${encodeURIComponent(wanted)}`));
  const host = await widgetReady(page);
  await host.locator('.kg-nav-button[data-section="visit"]').click();
  await host.getByRole("button", { name: "Print my diary and questions" }).click();
  await page.emulateMedia({ media: "print" });
  const code = host.locator(".kg-visit-print-header .kg-share-qr");
  assert.equal(await host.locator(".kg-print-sheet").isVisible(), false, "the diary, not the sheet");
  assert.equal(await decode(page, code), wanted);
  await context.close();
});

test("printed from the document (no wasm), the sheet and the blank diary show the address in text", async () => {
  for (const [query, expected] of [["", () => server.origin + GUIDE_PAGE], ["share-url=" + encodeURIComponent("https://clinic.example/g"), () => "https://clinic.example/g"]]) {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await page.addInitScript(() => { window.print = () => { window.kgPrinted = true; }; });
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(server.origin + a11yHost(query) + "#aftercare");
    const host = await documentShown(page);
    await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "static");
    await host.locator(".kg-print").click();
    assert.equal(await page.evaluate(() => window.kgPrinted), true);
    await page.emulateMedia({ media: "print" });
    const sheet = host.locator(".kg-print-sheet .kg-share-code");
    assert.equal(await sheet.isVisible(), true);
    assert.equal(await host.locator(".kg-print-sheet .kg-share-qr").count(), 0, "no code without the wasm");
    const text = await sheet.innerText();
    assert.match(text, /Open this guide on your phone:/);
    assert.ok(text.includes(expected()), `${text} has ${expected()}`);
    // On My visit the blank diary prints, with the address.
    await page.emulateMedia({ media: "screen" });
    await host.locator('.kg-nav-button[data-section="visit"]').click();
    await page.emulateMedia({ media: "print" });
    const diary = host.locator(".kg-visit-static .kg-share-code");
    assert.equal(await diary.isVisible(), true);
    assert.ok((await diary.innerText()).includes(expected()));
    await page.close();
  }
});

/** A page at `width` with `init` run first, in the document (wasm blocked) or the live widget. */
async function openAt(mode, width, query = "", init = null) {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  if (mode === "document") await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.origin + a11yHost(query));
  const host = mode === "document" ? await documentShown(page) : await widgetReady(page);
  if (mode === "document") await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "static");
  return { context, page, host };
}

for (const mode of ["document", "live widget"]) {
  test(`${mode}: "Send to my phone" uses the Web Share API with the title and share-url`, async () => {
    const { context, page, host } = await openAt(mode, 1000, "share-url=" + encodeURIComponent("https://clinic.example/g"), () => {
      window.kgShared = [];
      Object.defineProperty(Navigator.prototype, "share", { configurable: true, value: (data) => { window.kgShared.push(data); return Promise.resolve(); } });
    });
    await host.getByRole("button", { name: "Send to my phone" }).click();
    await page.waitForFunction(() => window.kgShared.length === 1);
    assert.deepEqual(await page.evaluate(() => window.kgShared), [{ title: "Your guide to balloon kyphoplasty", url: "https://clinic.example/g" }]);
    assert.equal(await host.locator(".kg-share-status").innerText(), "", "the phone's own sheet says the rest");
    await context.close();
  });

  test(`${mode}: without the Web Share API the link is copied and said politely; if copying fails, it is shown to copy by hand`, async () => {
    const noShare = () => { Object.defineProperty(Navigator.prototype, "share", { configurable: true, value: undefined }); };
    const { context, page, host } = await openAt(mode, 1000, "", noShare);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await host.getByRole("button", { name: "Send to my phone" }).click();
    const status = host.getByRole("status").filter({ hasText: "Link copied" });
    await status.waitFor();
    assert.equal(await status.getAttribute("aria-live"), "polite");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), server.origin + GUIDE_PAGE);
    await context.close();

    const failing = await openAt(mode, 1000, "lang=es", () => {
      Object.defineProperty(Navigator.prototype, "share", { configurable: true, value: undefined });
      Object.defineProperty(Clipboard.prototype, "writeText", { configurable: true, value: () => Promise.reject(new DOMException("denied", "NotAllowedError")) });
    });
    await failing.host.getByRole("button", { name: "Enviar a mi teléfono" }).click();
    const field = failing.host.getByRole("textbox", { name: "Enlace a esta guía" });
    await field.waitFor();
    assert.equal(await field.inputValue(), server.origin + GUIDE_PAGE);
    assert.match(await failing.host.locator(".kg-share-status").innerText(), /Copie este enlace/);
    assert.equal(await failing.page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.activeElement?.className), "kg-share-link", "focus on the link, selected to copy");
    const results = await audit(failing.page, `${mode} link to copy by hand`);
    assert.equal(results.violations.length, 0, describeViolations([results]));
    await failing.context.close();
  });
}

/** The deepest focused element's accessible name or text. */
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return (el.getAttribute("aria-label") || el.textContent || "").trim();
});

for (const mode of ["document", "live widget"]) {
  test(`390 px (${mode}): the tools fold behind "More", by keyboard, and the guide's text starts within 360 px in both languages`, async () => {
    for (const [lang, more, print, share, readIn] of [
      ["en", "More", "Print the aftercare sheet", "Send to my phone", "Language: English"],
      ["es", "Más", "Imprimir la hoja de cuidados", "Enviar a mi teléfono", "Idioma: Español"],
    ]) {
      for (const query of [`lang=${lang}`, `lang=${lang}&practice-name=Riverside%20Spine%20Center`]) {
        const { context, page, host } = await openAt(mode, 390, query);
        await page.evaluate(() => document.querySelector("kyphoplasty-guide").scrollIntoView());
        const at = await firstParagraph(page);
        assert.ok(at.firstParagraph <= 360, `${lang} ${query}: the first paragraph starts ${at.firstParagraph} px down`);
        // The emergency number stays on the first screen, a call link, in a line of its own.
        const call = host.locator(".kg-emergency-strip .kg-call");
        assert.equal(await call.isVisible(), true);
        assert.ok((await call.boundingBox()).y < 200, "Call 911 near the top");
        const size = await call.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        assert.ok(size >= 16, `Call 911 at ${size} px`);

        const toggle = host.getByRole("button", { name: more, exact: true });
        assert.equal(await toggle.getAttribute("aria-expanded"), "false");
        assert.equal(await toggle.getAttribute("aria-controls"), "kg-tools");
        assert.equal(await host.getByRole("button", { name: print }).isVisible(), false, "the tools are folded");
        // Keyboard only: Tab to More, Enter opens, the tools follow it, Escape closes and gives focus back.
        await page.evaluate(() => document.getElementById("before-widget").focus());
        for (let i = 0; i < 10 && (await focused(page)) !== more; i++) await page.keyboard.press("Tab");
        assert.equal(await focused(page), more);
        await page.keyboard.press("Enter");
        assert.equal(await toggle.getAttribute("aria-expanded"), "true");
        await page.keyboard.press("Tab");
        assert.equal(await focused(page), print, "the tools come right after their button");
        await page.keyboard.press("Tab");
        assert.equal(await focused(page), share);
        await page.keyboard.press("Tab");
        await page.keyboard.press("Tab");
        assert.equal(await focused(page), readIn);
        if (query.includes("practice")) {
          const results = await audit(page, `${mode} ${lang} More open`);
          assert.equal(results.violations.length, 0, describeViolations([results]));
        }
        await page.keyboard.press("Escape");
        assert.equal(await toggle.getAttribute("aria-expanded"), "false");
        assert.equal(await focused(page), more, "focus back on More");
        // Space opens it too.
        await page.keyboard.press(" ");
        assert.equal(await toggle.getAttribute("aria-expanded"), "true");
        await context.close();
      }
    }
  });
}

test("wide, the tools show without a fold; the More button is not there", async () => {
  const { context, host } = await openAt("live widget", 1000);
  assert.equal(await host.locator(".kg-more").isVisible(), false);
  for (const name of ["Print the aftercare sheet", "Send to my phone", "Show sources", "Language: English"]) {
    assert.equal(await host.getByRole("button", { name }).isVisible(), true, name);
  }
  await context.close();
});

test("More left open in the document stays open when the live widget takes over, with the link to copy by hand focused", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "share", { configurable: true, value: undefined });
    Object.defineProperty(Clipboard.prototype, "writeText", { configurable: true, value: () => Promise.reject(new DOMException("denied", "NotAllowedError")) });
  });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.origin + a11yHost());
  const host = await documentShown(page);
  await host.getByRole("button", { name: "More", exact: true }).click();
  assert.equal(await host.locator(".kg-more").getAttribute("aria-expanded"), "true");
  await host.getByRole("button", { name: "Send to my phone" }).click();
  await host.getByRole("textbox", { name: "Link to this guide" }).waitFor();
  release();
  await widgetReady(page);
  assert.equal(await host.locator(".kg-more").getAttribute("aria-expanded"), "true");
  assert.equal(await host.getByRole("button", { name: "Send to my phone" }).isVisible(), true);
  // The header is the document's for good (issue 24): the same link, still there.
  assert.equal(await host.locator(".kg-share-link").inputValue(), server.origin + GUIDE_PAGE);
  assert.equal(await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.activeElement?.className), "kg-share-link", "focus stays on the link");
  await context.close();
});

for (const mode of ["document", "live widget"]) {
  test(`390 px (${mode}): switching language from inside More keeps it open, with focus on the language menu's button`, async () => {
    const { context, page, host } = await openAt(mode, 390);
    await host.getByRole("button", { name: "More", exact: true }).click();
    await host.getByRole("button", { name: "Language: English" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await host.locator('section.kg[lang="es"]').waitFor();
    await page.waitForFunction(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el.textContent.trim() === "Idioma: Español";
    });
    assert.equal(await host.getByRole("button", { name: "Más", exact: true }).getAttribute("aria-expanded"), "true");
    assert.equal(await host.getByRole("button", { name: "Idioma: Español" }).isVisible(), true);
    await context.close();
  });
}
