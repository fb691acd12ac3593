// "My visit": the pain diary and the questions, as a patient meets them in the browser:
// entries added, changed and deleted, kept across reloads and tabs, blocked, full and
// damaged storage, the safety line, the chart's table, hostile text, the CSV, print, axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { startServer, launchBrowser, widgetReady, watchErrors, axeAudit, describeViolations, chooseLanguage } from "./support.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const DIARY_KEY = "kyphoplasty-guide:diary:v1:default";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The patient's local date `days` from today, as the widget writes it. */
function dayScript(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Saves a diary (and optionally a procedure date) before the page loads. */
async function seed(context, diary, procedureDate) {
  await context.addInitScript(([key, diary, procedureDate]) => {
    if (sessionStorage.getItem("kg-seeded")) return;
    sessionStorage.setItem("kg-seeded", "1");
    localStorage.setItem(key, typeof diary === "string" ? diary : JSON.stringify(diary));
    if (procedureDate) localStorage.setItem("kyphoplasty-guide:v1:default", JSON.stringify({ version: 1, ticks: [], procedureDate }));
  }, [DIARY_KEY, diary, procedureDate]);
}

async function openVisit(page, lang = "en") {
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  if (lang === "es") {
    await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("lang", "es"));
    await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg").getAttribute("lang") === "es");
  }
  await host.locator('.kg-nav-button[data-section="visit"]').click();
  await host.locator(".kg-visit").waitFor();
  return host;
}

async function saveDay(host, pain, { mobility, medicine, note } = {}) {
  await host.locator(`label[for="kg-pain-${pain}"]`).click();
  if (mobility) await host.locator(`label[for="kg-mobility-${mobility}"]`).click();
  if (medicine !== undefined) await host.locator(`label[for="kg-medicine-${medicine}"]`).click();
  if (note !== undefined) await host.locator("#kg-diary-note").fill(note);
  await host.locator(".kg-diary-save").click();
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), DIARY_KEY);

test("an entry is added, changed and deleted, kept across a reload, and host events carry no content", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.kgEvents = [];
    document.addEventListener("kyphoplasty-guide:diary", (e) => window.kgEvents.push(e.detail), true);
  });
  let host = await openVisit(page);
  assert.equal(await host.locator(".kg-diary-empty").count(), 1);
  await saveDay(host, 4, { mobility: "less", medicine: "true", note: "Walked to the shop" });
  await host.locator(".kg-diary-entry").getByText("Pain 4 of 10: Moderate").waitFor();
  assert.match(await host.locator(".kg-visually-hidden[aria-live]").last().textContent(), /^Saved your entry for /);
  const saved = JSON.parse(await stored(page));
  assert.equal(saved.version, 1);
  assert.equal(saved.entries[0].pain, 4);

  await page.reload();
  host = await widgetReady(page);
  await host.locator('.kg-nav-button[data-section="visit"]').click();
  await host.locator(".kg-diary-entry").getByText("Pain 4 of 10: Moderate").waitFor();
  assert.equal(await host.locator(".kg-diary-entry").getByText("Walked to the shop").count(), 1);

  // Change it: the form opens on that day with its values, and saving replaces the entry.
  await host.locator(".kg-diary-edit").click();
  assert.equal(await host.locator("#kg-pain-4").isChecked(), true);
  assert.equal(await host.locator("#kg-pain-0").evaluate((el) => el === el.getRootNode().activeElement), true, "focus moved to the form");
  await saveDay(host, 2);
  await host.locator(".kg-diary-entry").getByText("Pain 2 of 10: Mild").waitFor();
  assert.equal(await host.locator(".kg-diary-entry").count(), 1, "one entry a day");

  await host.locator(".kg-diary-delete").click();
  await host.locator(".kg-diary-empty").waitFor();
  assert.equal(await host.locator(".kg-entries-heading").evaluate((el) => el === el.getRootNode().activeElement), true);
  assert.equal(await stored(page), null, "an empty diary leaves no key behind");

  const events = await page.evaluate(() => window.kgEvents);
  // Since the reload: the change and the delete.
  assert.deepEqual(events.map((e) => e.action), ["entry", "delete"]);
  for (const detail of events) assert.deepEqual(Object.keys(detail), ["action"], JSON.stringify(detail));
  assert.ok(!JSON.stringify(events).match(/Walked|\d/), "no pain value, date or note in an event");
  assert.deepEqual(errors, []);
  await context.close();
});

test("without a pain number the form says so and saves nothing", async () => {
  const page = await browser.newPage();
  const host = await openVisit(page);
  await host.locator(".kg-diary-save").click();
  await host.getByRole("alert").getByText("Choose a number for your pain first.").waitFor();
  assert.equal(await stored(page), null);
  await page.close();
});

test("days read from the procedure date, in Spanish too", async () => {
  const context = await browser.newContext({ locale: "es-MX" });
  await seed(context, { version: 1, entries: [{ date: dayScript(-3), pain: 7 }, { date: dayScript(0), pain: 5 }] }, dayScript(-5));
  const page = await context.newPage();
  const host = await openVisit(page, "es");
  await host.getByText("Día 2 después").first().waitFor();
  await host.getByText("Día 5 después").first().waitFor();
  assert.equal(await host.getByRole("heading", { name: "Mi diario y mis preguntas" }).count(), 1);
  await context.close();
});

test("when storage is blocked, the diary works for the visit and says so", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const host = await openVisit(page);
  await host.getByText("This browser is not saving your diary.", { exact: false }).waitFor();
  await saveDay(host, 3);
  await host.locator(".kg-diary-entry").getByText("Pain 3 of 10: Mild").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("when storage is full, the diary says it lasts only for this visit", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
  });
  const page = await context.newPage();
  const host = await openVisit(page);
  assert.equal(await host.getByText("This browser is not saving your diary.", { exact: false }).count(), 0);
  await saveDay(host, 6);
  await host.getByText("This browser is not saving your diary.", { exact: false }).waitFor();
  assert.equal(await host.locator(".kg-diary-entry").count(), 1);
  await context.close();
});

test("a damaged diary is kept aside, the patient is told, and the ticks are untouched", async () => {
  const context = await browser.newContext();
  await seed(context, "{\"version\":1,\"entries\":[{\"date\":");
  await context.addInitScript(() => {
    if (!localStorage.getItem("kyphoplasty-guide:v1:default")) localStorage.setItem("kyphoplasty-guide:v1:default", '{"version":1,"ticks":["before/allergies"]}');
  });
  const page = await context.newPage();
  const host = await openVisit(page);
  await host.getByText("We could not read the diary saved earlier", { exact: false }).waitFor();
  const backup = await page.evaluate((key) => localStorage.getItem(key + ":unreadable"), DIARY_KEY);
  assert.equal(backup, "{\"version\":1,\"entries\":[{\"date\":");
  await saveDay(host, 2);
  assert.equal(JSON.parse(await stored(page)).entries.length, 1);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key + ":unreadable"), DIARY_KEY), backup, "the backup stays");
  assert.match(await page.evaluate(() => localStorage.getItem("kyphoplasty-guide:v1:default")), /before\/allergies/);
  await context.close();
});

test("an entry and a question made in one tab appear in another", async () => {
  const context = await browser.newContext();
  const one = await context.newPage();
  const two = await context.newPage();
  const hostOne = await openVisit(one);
  const hostTwo = await openVisit(two);
  await saveDay(hostOne, 5);
  await hostOne.locator("#kg-own-input").fill("Can I swim?");
  await hostOne.locator(".kg-own-add-button").click();
  await hostTwo.locator(".kg-diary-entry").getByText("Pain 5 of 10: Moderate").waitFor();
  await hostTwo.locator(".kg-own-text").getByText("Can I swim?").waitFor();
  await context.close();
});

test("the safety line appears when today's pain is higher than the last entry, and not otherwise", async () => {
  const context = await browser.newContext();
  await seed(context, { version: 1, entries: [{ date: dayScript(-1), pain: 4 }] });
  const page = await context.newPage();
  const host = await openVisit(page);
  const line = host.locator(".kg-safety");
  const today = host.locator(`.kg-diary-entry[data-date="${await page.evaluate(dayScript, 0)}"]`);
  await saveDay(host, 3);
  await today.getByText("Pain 3 of 10: Mild").waitFor();
  assert.equal(await line.count(), 0, "lower: no line");
  await saveDay(host, 4);
  await today.getByText("Pain 4 of 10: Moderate").waitFor();
  assert.equal(await line.count(), 0, "the same: no line");
  await saveDay(host, 6);
  await line.waitFor();
  assert.match(await line.innerText(), /Your pain grows stronger, or the medicine you take for it does not work\./);
  assert.match(await line.innerText(), /\(555\)\s010.0199/);
  await line.getByRole("button", { name: "Warning signs" }).click();
  await host.locator('[data-kg-panel="warnings"]').waitFor();
  await context.close();
});

test("the chart has a table alternative with every entry", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  await seed(context, { version: 1, entries: [{ date: dayScript(-6), pain: 8 }, { date: dayScript(-2), pain: 5, mobility: "hardly" }, { date: dayScript(0), pain: 3 }] }, dayScript(-4));
  const page = await context.newPage();
  const host = await openVisit(page);
  const chart = host.getByRole("img", { name: /Chart of your pain by day/ });
  assert.equal(await chart.count(), 1);
  assert.equal(await host.locator(".kg-chart-dot").count(), 3);
  assert.equal(await host.locator(".kg-chart-procedure").count(), 1);
  const table = host.getByRole("table", { name: "Pain by day" });
  assert.equal(await table.getByRole("row").count(), 4);
  assert.deepEqual(await table.getByRole("columnheader").allTextContents(), ["Date", "Day", "Pain (0 to 10)", "Getting around", "Pain medicine", "Note"]);
  const second = await table.getByRole("row").nth(2).getByRole("cell").allTextContents();
  assert.deepEqual(second, ["Day 2 after", "5", "Hardly at all", "", ""]);
  await context.close();
});

test("hostile own questions and notes are shown as text only", async () => {
  const page = await browser.newPage();
  const host = await openVisit(page);
  const hostile = ["<img src=x onerror=\"window.pwned=1\">", "\u202Eevil\u202C text", "Q".repeat(5000)];
  for (const text of hostile) {
    await host.locator("#kg-own-input").fill(text);
    await host.locator("#kg-own-input").press("Enter");
  }
  await saveDay(host, 1, { note: "<script>window.pwned=2</script>" });
  const own = await host.locator(".kg-own-text").allTextContents();
  assert.equal(own.length, 3);
  assert.equal(own[0], hostile[0]);
  assert.equal(own[1], "evil text", "direction overrides removed");
  assert.ok(own[2].length <= 200, `${own[2].length} characters`);
  const found = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    return { img: root.querySelectorAll(".kg-visit img, .kg-visit script").length, pwned: window.pwned ?? null };
  });
  assert.deepEqual(found, { img: 0, pwned: null });
  assert.equal(await host.locator(".kg-diary-note").textContent(), "<script>window.pwned=2</script>");
  // Up to twenty, each removable.
  for (let i = 0; i < 20; i++) {
    if (await host.locator("#kg-own-input").count() === 0) break;
    await host.locator("#kg-own-input").fill(`Question ${i}`);
    await host.locator(".kg-own-add-button").click();
  }
  assert.equal(await host.locator(".kg-own").count(), 20);
  await host.getByText("You have added 20 questions.", { exact: false }).waitFor();
  await host.getByRole("button", { name: `Remove: ${hostile[0]}` }).click();
  assert.equal(await host.locator(".kg-own").count(), 19);
  await page.close();
});

/** A small RFC 4180 reader: the test reads the file back rather than trusting its look. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  assert.equal(field + row.join(""), "", "the file ends with CRLF");
  return rows;
}

test("the CSV download parses back, with quotes, commas and formulas kept as text", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await seed(context, { version: 1, entries: [
    { date: dayScript(-2), pain: 7, mobility: "less", medicine: true, note: "Sore, \"very\" sore" },
    { date: dayScript(0), pain: 2, note: "=SUM(A1:A2)" },
  ] }, dayScript(-1));
  const page = await context.newPage();
  const host = await openVisit(page);
  const link = host.locator(".kg-visit-csv");
  assert.equal(await link.getAttribute("download"), "my-pain-diary.csv");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = fs.readFileSync(await download.path(), "utf8");
  assert.equal(file.charCodeAt(0), 0xfeff, "a byte-order mark for spreadsheets");
  const rows = parseCsv(file.slice(1));
  assert.deepEqual(rows[0], ["Date", "Day", "Pain (0 to 10)", "Getting around", "Pain medicine", "Note"]);
  assert.deepEqual(rows[1], [await page.evaluate(dayScript, -2), "1 day before", "7", "Less than usual", "Yes", "Sore, \"very\" sore"]);
  assert.deepEqual(rows[2].slice(1), ["Day 1 after", "2", "", "", "'=SUM(A1:A2)"]);
  await context.close();
});

test("clearing the diary asks first, and leaves no diary or backup behind", async () => {
  const context = await browser.newContext();
  await seed(context, { version: 1, entries: [{ date: dayScript(0), pain: 3 }], own: ["Mine"] });
  await context.addInitScript((key) => localStorage.setItem(key + ":unreadable", "old"), DIARY_KEY);
  const page = await context.newPage();
  const host = await openVisit(page);
  await host.getByRole("button", { name: "Clear my diary and questions" }).click();
  await host.getByRole("button", { name: "No, keep them" }).click();
  assert.equal(await host.locator(".kg-diary-entry").count(), 1);
  await host.getByRole("button", { name: "Clear my diary and questions" }).click();
  await host.getByRole("button", { name: "Yes, delete them" }).click();
  await host.locator(".kg-diary-empty").waitFor();
  assert.equal(await host.locator(".kg-own").count(), 0);
  assert.equal(await page.evaluate((key) => [localStorage.getItem(key), localStorage.getItem(key + ":unreadable")].join(""), DIARY_KEY), "");
  await context.close();
});

test("printing the diary and questions: the chart, the table and the chosen questions on one or two pages", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const entries = [];
  for (let d = -9; d <= 0; d++) entries.push({ date: dayScript(d), pain: Math.max(0, 8 - Math.abs(d + 4)), note: d === -2 ? "Walked to the end of the street" : undefined });
  await seed(context, { version: 1, entries, questions: ["driving", "lifting"], own: ["Can I swim?"] }, dayScript(-5));
  const page = await context.newPage();
  await page.addInitScript(() => { window.print = () => { window.kgPrinted = true; }; });
  const host = await openVisit(page);
  await host.getByRole("button", { name: "Print my diary and questions" }).click();
  assert.equal(await page.evaluate(() => window.kgPrinted), true);
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const visible = (el) => el.getClientRects().length > 0;
    return {
      buttons: [...root.querySelectorAll("button, input:not([type=checkbox])")].filter(visible).length,
      text: root.querySelector(".kg").innerText,
      sheet: visible(root.querySelector(".kg-print-sheet")),
    };
  });
  assert.equal(printed.buttons, 0);
  assert.equal(printed.sheet, false, "not the aftercare sheet");
  assert.match(printed.text, /My diary and questions/);
  assert.match(printed.text, /Riverside Spine & Pain Center/, "the practice, so the page stands on its own");
  assert.match(printed.text, /Procedure date: /);
  assert.match(printed.text, /Pain by day/);
  assert.match(printed.text, /When may I drive again\?/);
  assert.match(printed.text, /Can I swim\?/);
  assert.doesNotMatch(printed.text, /When is my follow-up visit\?/, "unchosen questions stay off the paper");
  const pdf = await page.pdf({ format: "Letter" });
  if (process.env.KG_PDF) fs.writeFileSync(process.env.KG_PDF, pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  // After printing, the guide prints its aftercare sheet again.
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  assert.equal(await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg").hasAttribute("data-kg-printing")), false);
  await context.close();
});

test("without the wasm, My visit explains itself and offers a blank diary to print", async () => {
  const page = await browser.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide")?.getAttribute("data-kg-state") === "static");
  const host = page.locator("kyphoplasty-guide");
  await host.locator('.kg-nav-button[data-section="visit"]').click();
  const panel = host.locator('[data-kg-panel="visit"]');
  await panel.getByText("Print the blank diary below", { exact: false }).waitFor();
  assert.equal(await panel.locator(".kg-blank-diary tbody tr").count(), 14);
  assert.equal(await panel.locator(".kg-diary-form:visible, .kg-visit-tools:visible").count(), 0);
  await page.emulateMedia({ media: "print" });
  assert.equal(await panel.locator(".kg-blank-diary").isVisible(), true, "printing on My visit prints the blank diary");
  await page.close();
});

test("axe: every state of My visit, in both languages, and the document without the wasm", async () => {
  const results = [];
  for (const lang of ["en", "es"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const host = await openVisit(page, lang);
    results.push({ state: `${lang} empty`, ...(await axeAudit(page, AXE_TAGS)) });
    await host.locator(".kg-diary-save").click();
    results.push({ state: `${lang} pain missing`, ...(await axeAudit(page, AXE_TAGS)) });
    await page.evaluate(([key, entries]) => localStorage.setItem(key, JSON.stringify({ version: 1, entries })), [DIARY_KEY, [{ date: dayScript(-1), pain: 2 }]]);
    await page.reload();
    await widgetReady(page);
    if (lang === "es") await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("lang", "es"));
    await host.locator('.kg-nav-button[data-section="visit"]').click();
    await saveDay(host, 7, { mobility: "hardly", medicine: "false", note: "Bad night" });
    await host.locator(".kg-safety").waitFor();
    results.push({ state: `${lang} entries, chart and safety line`, ...(await axeAudit(page, AXE_TAGS)) });
    await host.locator(".kg-pick-box").first().check();
    await host.locator("#kg-own-input").fill("<b>Mine</b>");
    await host.locator(".kg-own-add-button").click();
    results.push({ state: `${lang} questions`, ...(await axeAudit(page, AXE_TAGS)) });
    await host.locator(".kg-visit-clear").click();
    results.push({ state: `${lang} clear asked`, ...(await axeAudit(page, AXE_TAGS)) });
    await context.close();
    const blocked = await browser.newContext();
    await blocked.addInitScript(() => {
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
    });
    const page2 = await blocked.newPage();
    await openVisit(page2, lang);
    results.push({ state: `${lang} storage blocked`, ...(await axeAudit(page2, AXE_TAGS)) });
    await blocked.close();
  }
  const page = await browser.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide")?.getAttribute("data-kg-state") === "static");
  const host = page.locator("kyphoplasty-guide");
  await host.locator('.kg-nav-button[data-section="visit"]').click();
  results.push({ state: "document en", ...(await axeAudit(page, AXE_TAGS)) });
  await chooseLanguage(host, "es");
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg").getAttribute("lang") === "es");
  results.push({ state: "document es", ...(await axeAudit(page, AXE_TAGS)) });
  await page.close();
  assert.equal(describeViolations(results), "", "axe violations");
});
