// Checklists that remember, the recovery timeline, the calendar file and the printed
// sheet, as a patient meets them in the browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, watchErrors } from "./support.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page, section) {
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.locator(".kg-nav").getByRole("button", { name: section, exact: true }).click();
  return host;
}

test("when storage is blocked, ticking still works and the patient is told", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const host = await open(page, "Before");
  await host.getByText("not saving your ticks", { exact: false }).waitFor();
  await host.locator("input.kg-checkbox").first().check();
  assert.match(await host.locator(".kg-progress-text").first().textContent(), /^1 of/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("when storage is full, the patient is told the ticks last only for this visit", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
  });
  const page = await context.newPage();
  const host = await open(page, "Before");
  await host.locator("input.kg-checkbox").first().check();
  await host.getByText("not saving your ticks", { exact: false }).waitFor();
  assert.equal(await host.locator("input.kg-checkbox").first().isChecked(), true);
  await context.close();
});

test("ticks made in one tab appear in another", async () => {
  const context = await browser.newContext();
  const one = await context.newPage();
  const two = await context.newPage();
  const hostOne = await open(one, "Before");
  const hostTwo = await open(two, "Before");
  await hostOne.locator("input.kg-checkbox").nth(2).check();
  await two.waitForFunction(() =>
    document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll("input.kg-checkbox")[2].checked);
  assert.equal(await hostTwo.locator("input.kg-checkbox").nth(2).isChecked(), true);
  await context.close();
});

test("clearing ticks asks first", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const host = await open(page, "Before");
  await host.locator("input.kg-checkbox").first().check();
  await host.getByRole("button", { name: "Clear my ticks" }).click();
  await host.getByRole("button", { name: "No, keep them" }).click();
  assert.equal(await host.locator("input.kg-checkbox").first().isChecked(), true);
  await host.getByRole("button", { name: "Clear my ticks" }).click();
  await host.getByRole("button", { name: "Yes, clear them" }).click();
  assert.equal(await host.locator("input.kg-checkbox").first().isChecked(), false);
  await context.close();
});

test("the timeline shows relative times, then calendar dates once a date is given, and offers an .ics file", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const host = await open(page, "Aftercare");
  assert.equal(await host.locator(".kg-milestone-date").count(), 0);
  await host.getByText("Day 3", { exact: true }).first().waitFor();
  assert.equal(await host.locator(".kg-download").count(), 0);

  await host.getByLabel("Date of your procedure (optional)").fill("2026-11-24");
  await host.getByText("Friday, November 27").first().waitFor();
  const href = await host.locator(".kg-download").getAttribute("href");
  const ics = decodeURIComponent(href.slice(href.indexOf(",") + 1));
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20261127\r\n/);
  assert.ok(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75));

  // The date is remembered.
  await page.reload();
  const again = await widgetReady(page);
  await again.locator(".kg-nav").getByRole("button", { name: "Aftercare", exact: true }).click();
  await again.getByText("Friday, November 27").first().waitFor();
  await context.close();
});

test("Spanish dates are written in Spanish", async () => {
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("lang", "es"));
  await host.locator(".kg-nav").getByRole("button", { name: "Después", exact: true }).click();
  await host.getByLabel("Fecha de su procedimiento (opcional)").fill("2026-11-24");
  await host.getByText("viernes, 27 de noviembre").first().waitFor();
  await context.close();
});

test("the printed sheet has the aftercare list, timeline, warning signs and phone, and no buttons", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  // The live widget draws the print sheet (never on screen) in the tasks after it takes over.
  await host.locator(".kg-print-sheet .kg-review-stamp").waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const visible = (el) => el.getClientRects().length > 0;
    return {
      buttons: [...root.querySelectorAll("button")].filter(visible).length,
      boxes: [...root.querySelectorAll(".kg-print-box")].filter(visible).length,
      text: root.querySelector(".kg-print-sheet").innerText,
    };
  });
  assert.equal(printed.buttons, 0);
  assert.ok(printed.boxes >= 10, `${printed.boxes} boxes`);
  assert.match(printed.text, /Call 911 now if/);
  assert.match(printed.text, /\(555\) 010-0199/);
  assert.match(printed.text, /Your recovery/);
  // The two warning cards' headings come out black and bold on paper (printers drop the red fill).
  const headings = await page.evaluate(() => [...document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll(".kg-print-sheet .kg-card-heading")]
    .map((h) => { const s = getComputedStyle(h); return { text: h.textContent.trim(), color: s.color, weight: s.fontWeight, background: s.backgroundImage + " " + s.backgroundColor }; }));
  assert.equal(headings.length, 2);
  for (const h of headings) {
    assert.equal(h.color, "rgb(0, 0, 0)", h.text);
    assert.equal(h.weight, "700", h.text);
    assert.equal(h.background, "none rgba(0, 0, 0, 0)", h.text);
  }
  assert.match(headings.map((h) => h.text).join(" | "), /Call 911 now if:.*\| .*Contact Riverside Spine & Pain Center if:/);
  const pdf = await page.pdf({ format: "Letter" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  await page.close();
});
