// Every language of the guide (issue 27): each renders as a document (no wasm) and as the
// live widget, with its own `lang` and `dir`, and downloads no other language's files;
// Arabic mirrors and keeps phone numbers left to right; axe is clean in each language's
// main states; each prints; the language menu works by keyboard alone, in the document and
// the live widget; the `languages` attribute limits it (a bad value warns and offers all);
// the first language follows `lang`, then the page's `lang`; a tick survives a switch;
// reading aloud says so when the device has no voice for the language.
//
// The languages come from the built loader (the Rust list, Lang::ALL), so a language added
// to the guide is tested without a change here.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer, launchBrowser, widgetReady, documentShown, watchErrors, axeAudit, describeViolations, a11yHost, builtFiles, chooseLanguage, openSection, DIST, AXE_TAGS } from "./support.mjs";
import { LOADER, loaderLanguages } from "../../scripts/release.mjs";

const LANGS = loaderLanguages(fs.readFileSync(path.join(DIST, LOADER), "utf8"));
const RTL = ["ar"];
const FILES = builtFiles();
const NAMES = { en: "English", es: "Español", "zh-Hans": "中文（简体）", vi: "Tiếng Việt", ar: "العربية" };

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page on the plain host with `query` as the element's attributes; `wasm: false` refuses the WebAssembly. */
async function open(query, { wasm = true, width = 1000, context = null } = {}) {
  const ctx = context || (await browser.newContext({ viewport: { width, height: 900 } }));
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  const warnings = [];
  page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
  const asked = [];
  page.on("request", (request) => asked.push(new URL(request.url()).pathname.slice(1)));
  if (!wasm) await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.origin + a11yHost(query));
  const host = wasm ? await widgetReady(page) : await documentShown(page);
  return { context: ctx, page, host, errors, warnings, asked };
}

const guideAttributes = (page) => page.evaluate(() => {
  const kg = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-mount:not([hidden]) .kg");
  return { lang: kg.getAttribute("lang"), dir: kg.getAttribute("dir"), direction: getComputedStyle(kg).direction };
});

test("every language renders as a document and as the live widget, with its lang and dir, and downloads only its own files", async () => {
  for (const lang of LANGS) {
    for (const wasm of [false, true]) {
      const { context, page, host, errors, asked } = await open(`lang=${lang}`, { wasm });
      const dir = RTL.includes(lang) ? "rtl" : "ltr";
      assert.deepEqual(await guideAttributes(page), { lang, dir, direction: dir }, `${lang} wasm=${wasm}`);
      assert.ok((await host.locator(".kg-lang-toggle").textContent()).includes(NAMES[lang]), `${lang}: the menu names the language shown`);
      assert.ok((await host.locator(".kg-body").first().textContent()).trim().length > 100, `${lang}: the guide has its text`);
      for (const other of LANGS.filter((l) => l !== lang)) {
        for (const key of [`document-${other}`, `text-${other}`]) {
          assert.ok(!asked.includes(FILES[key].path), `${lang}: ${other}'s ${key} is downloaded only when chosen`);
        }
      }
      assert.ok(asked.includes(FILES[`document-${lang}`].path));
      if (wasm) assert.ok(asked.includes(FILES[`text-${lang}`].path));
      assert.deepEqual(errors.filter((e) => !/WebAssembly|wasm|net::ERR_FAILED/i.test(e)), [], `${lang} wasm=${wasm}`);
      await context.close();
    }
  }
});

/**
 * Where each of `parts` (a number's groups) of the first element matching `selector` whose
 * text holds them all is drawn, from the left. Until the Arabic translation lands, its
 * interface text is the English placeholder, and a number after English words reads left
 * to right anyway; so an Arabic word ("call the number") is put just before the number, or
 * before its isolate (U+2066), as the translation will have it: a number after Arabic
 * letters takes their direction, and its groups come out in reverse, unless it is isolated.
 */
const xOf = (page, selector, parts) => page.evaluate(([selector, parts]) => {
  const root = document.querySelector("kyphoplasty-guide").shadowRoot;
  const el = [...root.querySelectorAll(`.kg-mount:not([hidden]) ${selector}`)].find((e) => parts.every((p) => e.textContent.includes(p)) && e.getClientRects().length);
  if (!el) return null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const found = {};
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.data.indexOf(parts[0]);
    if (at !== -1) {
      if (node.data[at - 1] === "\u2066") at -= 1;
      node.data = node.data.slice(0, at) + "اتصل بالرقم " + node.data.slice(at);
    }
    for (const part of parts) {
      const at = node.data.indexOf(part);
      if (at === -1 || part in found) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + part.length);
      found[part] = range.getBoundingClientRect().left;
    }
  }
  return parts.map((p) => found[p]);
}, [selector, parts]);

test("Arabic mirrors (sections, Previous and Next) and its phone numbers stay left to right, with and without the wasm", async () => {
  for (const wasm of [false, true]) {
    const query = "lang=ar&practice-name=Riverside&practice-phone=%2B1%20555%20010%200199&emergency-number=%2B44%20999%20000";
    const { context, page, host } = await open(query, { wasm });
    const buttons = await host.locator(".kg-nav-button").evaluateAll((list) => list.map((b) => b.getBoundingClientRect().left));
    assert.ok(buttons[0] > buttons[1], `the first part's button is right of the second (${buttons.slice(0, 2)})`);
    // The emergency strip: "+44 999 000" reads left to right inside right-to-left text.
    const strip = await xOf(page, ".kg-emergency-strip .kg-call", ["+44", "999", "000"]);
    assert.ok(strip && strip[0] < strip[1] && strip[1] < strip[2], `emergency number ${strip}`);
    await openSection(host, "warnings");
    const call = await xOf(page, ".kg-card-call-urgent", ["+1", "555", "010", "0199"]);
    assert.ok(call && call[0] < call[1] && call[1] < call[2] && call[2] < call[3], `practice phone ${call}`);
    await openSection(host, "procedure");
    const next = await host.locator(".kg-stepper:not([hidden]) .kg-next").boundingBox();
    const previous = await host.locator(".kg-stepper:not([hidden]) .kg-previous").boundingBox();
    assert.ok(next.x < previous.x, "Next is on the left, where right-to-left reading goes on");
    // The left arrow goes on to the next step, right to left.
    await host.locator(".kg-stepper:not([hidden]) .kg-next").focus();
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-mount:not([hidden]) [aria-current='step']")?.textContent.includes("2"));
    // The illustration is not mirrored: its labels keep the left-to-right anchoring.
    assert.equal(await host.locator(".kg-ill-svg").first().evaluate((svg) => getComputedStyle(svg).direction), "ltr");
    await context.close();
  }
});

test("axe: each language's main states are clean (overview with the menu open, the procedure, the warning signs), and Arabic's document", async () => {
  const results = [];
  for (const lang of LANGS) {
    const { context, page, host } = await open(`lang=${lang}&practice-name=Riverside&practice-phone=555-0100`);
    await host.locator(".kg-lang-toggle").click();
    results.push({ state: `${lang} overview, menu open`, ...(await axeAudit(page, AXE_TAGS)) });
    await host.locator(".kg-lang-toggle").click();
    for (const section of ["procedure", "warnings"]) {
      await openSection(host, section);
      results.push({ state: `${lang} ${section}`, ...(await axeAudit(page, AXE_TAGS)) });
    }
    await context.close();
  }
  const { context, page } = await open("lang=ar", { wasm: false });
  results.push({ state: "ar document", ...(await axeAudit(page, AXE_TAGS)) });
  await context.close();
  assert.equal(describeViolations(results), "");
});

test("each language prints its sheet, in its own direction", async () => {
  for (const lang of LANGS) {
    const { context, page, host } = await open(`lang=${lang}`);
    await host.locator(".kg-print-sheet .kg-review-stamp").waitFor({ state: "attached" });
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const kg = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-mount:not([hidden]) .kg");
      const sheet = kg.querySelector(".kg-print-sheet");
      return {
        sheet: sheet.getClientRects().length > 0 && sheet.textContent.trim().length > 200,
        header: kg.querySelector(".kg-header").getClientRects().length,
        direction: getComputedStyle(sheet).direction,
      };
    });
    assert.deepEqual(printed, { sheet: true, header: 0, direction: RTL.includes(lang) ? "rtl" : "ltr" }, lang);
    await context.close();
  }
});

/** The deepest focused element in the page, through shadow roots. */
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return { text: el.textContent.trim(), lang: el.getAttribute("lang"), cls: el.className };
});

for (const wasm of [false, true]) {
  test(`the language menu works by keyboard alone (${wasm ? "live widget" : "document"}): open, move, Escape, choose`, async () => {
    const { context, page, host } = await open("", { wasm });
    const toggle = host.locator(".kg-lang-toggle");
    assert.equal(await toggle.textContent(), "Language: English");
    const entries = await host.locator(".kg-lang").evaluateAll((list) => list.map((b) => [b.getAttribute("lang"), b.getAttribute("dir"), b.textContent, b.getAttribute("aria-current")]));
    assert.deepEqual(entries, LANGS.map((l) => [l, RTL.includes(l) ? "rtl" : "ltr", NAMES[l], l === "en" ? "true" : null]));
    await page.evaluate(() => document.getElementById("before-widget").focus());
    for (let i = 0; i < 20 && (await focused(page)).cls.indexOf("kg-lang-toggle") === -1; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.equal((await focused(page)).lang, "en", "focus on the current language");
    await page.keyboard.press("ArrowDown");
    assert.equal((await focused(page)).lang, "es");
    await page.keyboard.press("End");
    assert.equal((await focused(page)).lang, LANGS.at(-1));
    await page.keyboard.press("ArrowDown");
    assert.equal((await focused(page)).lang, LANGS[0], "the arrows wrap round");
    const box = await host.locator('.kg-lang[lang="en"]').boundingBox();
    assert.ok(box.height >= 44, `44 px targets (${box.height})`);
    await page.keyboard.press("Escape");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.match((await focused(page)).cls, /kg-lang-toggle/, "Escape gives focus back to the button");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-mount:not([hidden]) .kg")?.getAttribute("lang") === "zh-Hans");
    await page.waitForFunction(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el.classList.contains("kg-lang-toggle") && el.getAttribute("aria-expanded") === "false";
    });
    assert.equal(await host.locator(".kg-lang-toggle").textContent(), "语言：中文（简体）");
    await context.close();
  });
}

test("the languages attribute limits the menu in its order; one language, no menu; a bad value warns once and offers all", async () => {
  for (const wasm of [false, true]) {
    let { context, host } = await open("languages=ar,%20en&lang=es", { wasm });
    assert.deepEqual(await host.locator(".kg-lang").evaluateAll((list) => list.map((b) => b.getAttribute("lang"))), ["ar", "en"]);
    // `lang="es"` is not offered: the page's `lang` (English) is.
    assert.equal(await host.locator(".kg-mount:not([hidden]) .kg").getAttribute("lang"), "en");
    await context.close();
    ({ context, host } = await open("languages=vi", { wasm }));
    assert.equal(await host.locator(".kg-lang-menu").count(), 0);
    assert.equal(await host.locator(".kg-mount:not([hidden]) .kg").getAttribute("lang"), "vi", "the one language offered is shown");
    await context.close();
  }
  const { context, host, warnings } = await open("languages=klingon%20fr");
  assert.equal(await host.locator(".kg-lang").count(), LANGS.length);
  const named = warnings.filter((w) => w.includes("languages="));
  assert.equal(named.length, 1, warnings.join("\n"));
  assert.match(named[0], /offering all/);
  await context.close();
});

test("the page's own lang picks the first language; the element's lang wins over it", async () => {
  const page = await browser.newPage();
  const html = (attrs) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title>
    <script src="/kyphoplasty-guide.js" defer></script></head><body><main><h1>Trang</h1><kyphoplasty-guide ${attrs}></kyphoplasty-guide></main></body></html>`;
  for (const [attrs, expected] of [["", "vi"], ['lang="zh-CN"', "zh-Hans"]]) {
    await page.route("**/fixtures/page-lang.html", (route) => route.fulfill({ contentType: "text/html", body: html(attrs) }));
    await page.goto(server.origin + "/fixtures/page-lang.html");
    await widgetReady(page);
    assert.equal(await page.locator("kyphoplasty-guide .kg").getAttribute("lang"), expected, attrs);
    await page.unroute("**/fixtures/page-lang.html");
  }
  await page.close();
});

test("a tick made in one language survives a switch to another, and back", async () => {
  const { context, host } = await open("");
  await openSection(host, "before");
  const box = host.locator(".kg-body input[type=checkbox]").first();
  const key = await box.getAttribute("data-key");
  await box.check();
  await chooseLanguage(host, "ar");
  await host.locator('.kg[lang="ar"]').waitFor();
  assert.equal(await host.locator(`.kg-body input[data-key="${key}"]`).isChecked(), true);
  await chooseLanguage(host, "vi");
  await host.locator('.kg[lang="vi"]').waitFor();
  assert.equal(await host.locator(`.kg-body input[data-key="${key}"]`).isChecked(), true);
  await context.close();
});

test("with no voice for the language, Read aloud says so and reads nothing in another language's voice", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.addInitScript(() => {
    window.__spoken = [];
    const voices = [{ lang: "en-US", name: "Stub English", localService: true, default: true, voiceURI: "en" }];
    Object.defineProperty(window, "speechSynthesis", {
      configurable: true,
      value: { getVoices: () => voices, speak: (u) => window.__spoken.push(u.text), cancel() {}, pause() {}, resume() {}, addEventListener() {}, removeEventListener() {}, speaking: false, pending: false },
    });
  });
  const { page, host } = await open("lang=vi", { context });
  await openSection(host, "procedure");
  await host.locator(".kg-stepper:not([hidden]) .kg-read-aloud").click();
  const status = host.locator(".kg-stepper:not([hidden]) .kg-voice-status");
  assert.equal(await status.getAttribute("role"), "status");
  assert.match(await status.textContent(), /tiếng Việt/);
  assert.deepEqual(await page.evaluate(() => window.__spoken), []);
  await context.close();
});
