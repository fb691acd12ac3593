// The demo page, as a patient uses it: the widget renders inside the sample practice
// page, in its own shadow root, and the main controls work.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, watchErrors, builtFiles } from "./support.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the widget renders in a shadow root on the demo page", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  const inShadow = await page.evaluate((css) => {
    const el = document.querySelector("kyphoplasty-guide");
    return {
      title: el.shadowRoot.querySelector(".kg-title")?.textContent,
      lightDomHasWidget: !!document.querySelector(".kg"),
      stylesheet: !!el.shadowRoot.querySelector(`link[rel="stylesheet"][href$="/${css}"]`),
    };
  }, builtFiles().css.path);
  assert.equal(inShadow.title, "Your guide to balloon kyphoplasty");
  assert.equal(inShadow.lightDomHasWidget, false, "widget markup must stay inside the shadow root");
  assert.ok(inShadow.stylesheet);
  // The practice's fallback text is hidden once the widget is up.
  assert.equal(await page.getByText("needs JavaScript").isVisible(), false);
  await assert.doesNotReject(host.getByText("Riverside Spine & Pain Center", { exact: false }).first().waitFor());
  assert.deepEqual(errors, []);
  await page.close();
});

test("a patient can step through the procedure", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.getByRole("button", { name: "The procedure" }).click();
  await host.getByText("Step 1 of 8").first().waitFor();
  await host.getByRole("button", { name: "Next step" }).click();
  await host.getByText("Step 2 of 8").first().waitFor();
  await host.getByRole("button", { name: "Previous step" }).click();
  await host.getByText("Step 1 of 8").first().waitFor();
  const current = host.locator('[aria-current="step"]');
  assert.equal(await current.count(), 1);
  await page.close();
});

test("ticks survive a reload", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  let host = await widgetReady(page);
  await host.getByRole("button", { name: "Before", exact: true }).click();
  const first = host.locator('input[type="checkbox"].kg-checkbox').first();
  await first.check();
  await host.getByText("1 of", { exact: false }).first().waitFor();
  await page.reload();
  host = await widgetReady(page);
  await host.getByRole("button", { name: "Before", exact: true }).click();
  assert.equal(await host.locator('input[type="checkbox"].kg-checkbox').first().isChecked(), true);
  await context.close();
});

test("warning signs are one click away and show the emergency number", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.locator(".kg-emergency-strip").getByRole("button", { name: "Warning signs" }).click();
  const emergency = host.locator(".kg-body .kg-card-emergency");
  await emergency.waitFor();
  assert.match(await emergency.textContent(), /Call 911 now if/);
  assert.equal(await host.locator('.kg-body .kg-card-urgent a[href="tel:5550100199"]').count(), 1);
  await page.close();
});

test("the snippet builder updates the guide live and writes the snippet", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await page.getByLabel("Practice name").fill("Lakeside Spine");
  await page.locator("select[name=lang]").selectOption("es");
  // Offering two languages: the attribute in the snippet, and the guide's menu lists them.
  for (const tag of ["zh-Hans", "vi", "ar"]) await page.locator(`input[name=language][value="${tag}"]`).uncheck();
  await host.locator(".kg-lang").nth(1).waitFor({ state: "attached" });
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll(".kg-lang").length === 2);
  await page.getByLabel("Emergency number").fill("112");
  await host.getByText("De Lakeside Spine").waitFor();
  const code = await page.locator("#snippet-code").textContent();
  assert.match(code, /<script src="[^"]+kyphoplasty-guide\.js" defer><\/script>/);
  assert.match(code, /practice-name="Lakeside Spine"/);
  assert.match(code, /lang="es"/);
  assert.match(code, /languages="en es"/);
  assert.match(code, /emergency-number="112"/);
  // The address for the QR code and Send to my phone: into the snippet and onto the guide.
  await page.getByLabel("Address for the QR code and Send to my phone (your guide page)").fill("https://lakeside.example/kyphoplasty");
  assert.match(await page.locator("#snippet-code").textContent(), /share-url="https:\/\/lakeside\.example\/kyphoplasty"/);
  assert.equal(await host.getAttribute("share-url"), "https://lakeside.example/kyphoplasty");
  await page.close();
});
