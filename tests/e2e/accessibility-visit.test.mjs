// Accessibility (WCAG 2.2 A and AA) of My visit, the pain diary and questions, which the
// section-by-section reflow, target and keyboard tests do not walk through (support.mjs
// SECTIONS): reflow at 320 CSS px and with 200% text (1.4.10, 1.4.4), text spacing
// (1.4.12), target sizes (2.5.8), and the keyboard: every stop reached with Tab with a
// visible focus (2.1.1, 2.4.7), an entry and a question made with keys only.
// axe on My visit is in diary.test.mjs. ACCESSIBILITY.md and ACR.md cite this file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, exampleQuery, a11yHost, openGuide, openSection } from "./support.mjs";
import { overflow, clippedText, interactiveBoxes, TEXT_SPACING } from "./measure.mjs";

const CONFIGURED = exampleQuery("practice");
const DIARY_KEY = "kyphoplasty-guide:diary:v1:default";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Three days of entries (chart, table and safety line showing), saved before the page loads. */
async function withEntries(context) {
  await context.addInitScript((key) => {
    if (sessionStorage.getItem("kg-seeded")) return;
    sessionStorage.setItem("kg-seeded", "1");
    const day = (n) => {
      const d = new Date();
      d.setDate(d.getDate() - n);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    };
    localStorage.setItem(key, JSON.stringify({ version: 1, entries: [{ date: day(3), pain: 6 }, { date: day(2), pain: 4 }, { date: day(1), pain: 2 }] }));
  }, DIARY_KEY);
}

/** My visit in `lang`, with entries, a question of the patient's own and the missing-pain message showing. */
async function openFullVisit(page, lang) {
  const host = await openGuide(page, server.origin, a11yHost(CONFIGURED + (lang === "es" ? "&lang=es" : "")));
  await openSection(host, "visit");
  await host.locator(".kg-pick-box").first().check();
  await host.locator("#kg-own-input").fill(lang === "es" ? "¿Cuándo puedo volver a nadar en la piscina del barrio?" : "When can I go back to swimming at the community pool?");
  await host.locator(".kg-own-add-button").click();
  await host.locator(".kg-diary-save").click();
  await host.getByRole("alert").waitFor();
  return host;
}

const MODES = [
  { name: "320px", viewport: { width: 320, height: 720 } },
  { name: "200pct-text-640px", viewport: { width: 640, height: 900 }, bigText: true },
  { name: "text-spacing-360px", viewport: { width: 360, height: 720 }, spacing: true },
];

for (const { name, viewport, bigText, spacing } of MODES) {
  test(`My visit (${name}): nothing overflows sideways or is cut off, in English and Spanish`, async () => {
    const problems = [];
    for (const lang of ["en", "es"]) {
      const context = await browser.newContext({ viewport });
      await withEntries(context);
      const page = await context.newPage();
      if (bigText) await (await context.newCDPSession(page)).send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
      await openFullVisit(page, lang);
      if (spacing) {
        await page.evaluate((css) => {
          const style = document.createElement("style");
          style.textContent = css;
          document.querySelector("kyphoplasty-guide").shadowRoot.append(style);
        }, TEXT_SPACING);
        for (const c of await clippedText(page)) problems.push(`[${lang}] clipped: ${c}`);
      }
      for (const p of await overflow(page)) problems.push(`[${lang}] ${p}`);
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}

test("My visit: every control's hit area is at least 24×24 CSS px at 375 px (2.5.8); those under the guide's 44×44 goal are listed", async (t) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  await withEntries(context);
  const page = await context.newPage();
  const host = await openFullVisit(page, "en");
  const boxes = (await interactiveBoxes(page)).filter((b) => !/kg-nav|kg-call|kg-lang|kg-print|kg-sources-toggle|kg-emergency/.test(b.what));
  await host.locator(".kg-visit-clear").click();
  boxes.push(...(await interactiveBoxes(page)).filter((b) => /kg-visit|Yes|No/.test(b.what)));
  t.diagnostic(`${boxes.length} controls of My visit measured`);
  for (const b of boxes.filter((x) => x.hitWidth < 44 || x.hitHeight < 44)) t.diagnostic(`under 44×44: ${b.what} ${b.hitWidth}×${b.hitHeight}`);
  assert.ok(boxes.length > 15, "My visit's controls were found");
  assert.deepEqual(boxes.filter((b) => b.hitWidth < 24 || b.hitHeight < 24).map((b) => `${b.what} ${b.hitWidth}×${b.hitHeight}`), [], "2.5.8 minimum");
  await context.close();
});

/** Records the unfocused look of My visit's tabbable controls and their labels (window.__kgVisit), to compare with when focused. */
function recordLooks(page) {
  return page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const look = (e) => {
      const s = getComputedStyle(e);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor, s.color].join(" ");
    };
    const list = [...root.querySelectorAll(".kg-visit :is(a[href], button, input, select, textarea, summary)")];
    window.__kgVisit = { list, looks: list.map((el) => [el, ...(el.labels || [])].map(look)), look };
    return list.length;
  });
}

/** The deepest focused element: what it is, whether it is in My visit, and whether it (or its label) looks different from unfocused. */
function focusState(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const { list, looks, look } = window.__kgVisit;
    const i = list.indexOf(el);
    const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${String(el.className).trim().split(/\s+/).join(".")}`;
    const now = [el, ...(el.labels || [])].map(look);
    return { what, inVisit: i >= 0, visible: i >= 0 && now.some((v, k) => v !== looks[i][k]), inWidget: el.getRootNode() !== document };
  });
}

/** Presses Tab until the focused element's description includes `fragment` (at most 40 times). */
async function tabUntil(page, fragment) {
  for (let i = 0; i < 40; i++) {
    if ((await focusState(page)).what.includes(fragment)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${fragment}`);
}

test("My visit by keyboard: Tab reaches each control with a visible focus, and an entry and a question are made with keys only", async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await withEntries(context);
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, a11yHost(CONFIGURED));
  await openSection(host, "visit");
  await recordLooks(page);
  await host.locator('.kg-nav-button[data-section="visit"]').focus();
  const stops = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const f = await focusState(page);
    if (!f.inWidget) break;
    if (f.inVisit && stops.at(-1)?.what !== f.what) stops.push(f); // a date field's parts are one stop
  }
  const names = stops.map((s) => s.what);
  t.diagnostic(`${stops.length} tab stops in My visit: ${names.join(" | ")}`);
  const expected = ["#kg-diary-date", "#kg-pain-", "#kg-mobility-", "#kg-medicine-", "#kg-diary-note", "kg-diary-save", "kg-diary-edit", "kg-diary-delete",
    "kg-pick-box", "#kg-own-input", "kg-own-add-button", "kg-visit-print", "kg-visit-csv", "kg-visit-clear"];
  for (const id of expected) {
    assert.ok(names.some((n) => n.includes(id)), `Tab reaches ${id}: ${names.join(" | ")}`);
  }
  assert.deepEqual(stops.filter((s) => !s.visible).map((s) => s.what), [], "every stop shows focus");

  // Keys only: the pain score with the arrow keys, a note typed, Save with Enter; a question with Enter.
  await host.locator("#kg-pain-0").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await tabUntil(page, "#kg-diary-note");
  await page.keyboard.type("Walked to the shop");
  await tabUntil(page, "kg-diary-save");
  await page.keyboard.press("Enter");
  await page.waitForFunction((key) => (localStorage.getItem(key) || "").includes("Walked to the shop"), DIARY_KEY);
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), DIARY_KEY));
  assert.equal(saved.entries.at(-1).pain, 3, "three presses of the right arrow from 0");
  await host.locator("#kg-own-input").focus();
  await page.keyboard.type("Can I sleep on my side?");
  await page.keyboard.press("Enter");
  await host.getByText("Can I sleep on my side?").first().waitFor();
  await context.close();
});
