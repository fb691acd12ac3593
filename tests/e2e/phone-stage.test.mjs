// The procedure's stage on a phone: Previous, "Step 3 of 8" and Next right under the
// picture, the stage held at the top of the screen while the text scrolls (a 390 px
// phone held upright), so after Next the picture is in view, in the live widget and in
// the document. At 200% text and in landscape it scrolls with the page instead, and
// the picture and its buttons still sit together; on a desktop, side by side. Focus
// never hides under the held stage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, documentShown } from "./support.mjs";

const PHONE = { width: 390, height: 844 };
let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Where the shown step's picture, its pager and the stage are, in viewport px, as the
 * next frame paints them (the loader keeps the step's text under the held stage in that
 * frame's animation callback, not in the task of the step change). */
function layout(page) {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const stepper = root.querySelector(".kg-stepper:not([hidden])");
    const box = (sel) => {
      const r = stepper.querySelector(sel).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    return {
      figure: box("figure.kg-ill"),
      pager: box(".kg-pager"),
      next: box(".kg-next"),
      text: box(".kg-step-text"),
      stage: box(".kg-stage"),
      position: getComputedStyle(stepper.querySelector(".kg-stage")).position,
      viewport: innerHeight,
      step: stepper.getAttribute("data-kg-step"),
    };
  });
}

const inView = (r, viewport) => r.top >= -1 && r.bottom <= viewport + 1;

/** Opens the procedure on `page` (live widget or document), its top at the top of the screen. */
async function openProcedure(page, host) {
  await host.locator(".kg-nav-toggle").click();
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  await host.getByRole("heading", { name: /Step 1 of 8/ }).waitFor();
  await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-procedure").scrollIntoView());
}

for (const mode of ["live widget", "document"]) {
  test(`390 px (${mode}): the buttons sit under the picture, and after Next the picture is in view, also after reading a step to its end`, async () => {
    const page = await browser.newPage({ viewport: PHONE });
    if (mode === "document") await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(server.origin + "/");
    const host = mode === "document" ? await documentShown(page) : await widgetReady(page);
    if (mode === "document") await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "static");
    await openProcedure(page, host);
    let at = await layout(page);
    assert.equal(at.position, "sticky", "the stage is held on a phone held upright");
    assert.ok(at.pager.top - at.figure.bottom < 40, `the pager is right under the picture (${at.pager.top - at.figure.bottom} px)`);
    assert.ok(at.text.top >= at.stage.bottom - 1, "the step's text follows below");
    for (let step = 2; step <= 8; step++) {
      await host.locator(".kg-stepper:not([hidden]) .kg-next").click();
      at = await layout(page);
      assert.equal(at.step, String(step));
      assert.ok(inView(at.figure, at.viewport), `step ${step}: picture at ${Math.round(at.figure.top)}..${Math.round(at.figure.bottom)} of ${at.viewport}`);
      // Read the step to its end (and past it, into the list of steps), then Next again.
      await page.evaluate(() => {
        const root = document.querySelector("kyphoplasty-guide").shadowRoot;
        root.querySelector(".kg-stepper:not([hidden]) .kg-step-text").lastElementChild.scrollIntoView({ block: "end" });
        window.scrollBy(0, 200);
      });
      at = await layout(page);
      assert.ok(inView(at.next, at.viewport), `step ${step}: Next stays in view while reading`);
      if (step < 8) {
        await host.locator(".kg-stepper:not([hidden]) .kg-next").click();
        at = await layout(page);
        assert.ok(inView(at.figure, at.viewport), `after reading step ${step}: picture at ${Math.round(at.figure.top)}..${Math.round(at.figure.bottom)}`);
        assert.ok(Math.abs(at.text.top - at.stage.bottom) < 30, `after reading step ${step}: the next step's text starts under the stage (${Math.round(at.text.top)} vs ${Math.round(at.stage.bottom)})`);
        await host.locator(".kg-stepper:not([hidden]) .kg-previous").click();
      }
    }
    await page.close();
  });
}

test("390 px: Shift+Tab and Tab through the procedure never leave focus under the held stage (2.4.11)", async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await openProcedure(page, host);
  await host.locator(".kg-step-list button").nth(4).click(); // the step with the most controls
  await host.locator(".kg-step-list button").last().focus();
  const hidden = [];
  for (const key of ["Shift+Tab", "Tab"]) {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press(key);
      const f = await page.evaluate(() => {
        const root = document.querySelector("kyphoplasty-guide").shadowRoot;
        const el = root.activeElement;
        if (!el || !el.closest(".kg-procedure")) return null;
        const stage = root.querySelector(".kg-stepper:not([hidden]) .kg-stage");
        const r = el.getBoundingClientRect();
        const s = stage.getBoundingClientRect();
        return { what: `${el.tagName} ${el.textContent.trim().slice(0, 30)}`, inStage: stage.contains(el), top: r.top, bottom: r.bottom, stageBottom: s.bottom };
      });
      if (!f) break;
      if (!f.inStage && f.top < f.stageBottom - 1) hidden.push(`${key} ${f.what}: top ${Math.round(f.top)} under the stage (bottom ${Math.round(f.stageBottom)})`);
    }
  }
  assert.deepEqual(hidden, []);
  await page.close();
});

test("200% text at 390 px, and a phone in landscape: the stage scrolls with the page, the picture and its buttons together", async () => {
  const big = await browser.newContext({ viewport: PHONE });
  const page = await big.newPage();
  const cdp = await big.newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  await page.goto(server.origin + "/");
  let host = await widgetReady(page);
  await openProcedure(page, host);
  let at = await layout(page);
  assert.notEqual(at.position, "sticky", "at 200% text there is no room to hold the stage");
  assert.ok(at.pager.top - at.figure.bottom < 60, "the pager is right under the picture");
  await big.close();

  const landscape = await browser.newPage({ viewport: { width: 844, height: 390 } });
  await landscape.goto(server.origin + "/");
  host = await widgetReady(landscape);
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  await landscape.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-stepper:not([hidden]) .kg-stage").scrollIntoView());
  at = await layout(landscape);
  assert.notEqual(at.position, "sticky");
  assert.ok(at.pager.bottom - at.figure.top <= at.viewport, `picture and buttons fit the screen together (${Math.round(at.pager.bottom - at.figure.top)} of ${at.viewport} px)`);
  await host.locator(".kg-stepper:not([hidden]) .kg-next").click();
  at = await layout(landscape);
  assert.ok(inView(at.figure, at.viewport) && inView(at.pager, at.viewport), "after Next, the picture and its buttons are in view");
  await landscape.close();
});

test("desktop: the stage and the text side by side, the buttons under the picture", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  const at = await layout(page);
  assert.notEqual(at.position, "sticky");
  assert.ok(at.figure.right <= at.text.left, "the picture is left of the text");
  assert.ok(at.pager.top >= at.figure.bottom - 1 && at.pager.top - at.figure.bottom < 40, "the pager is under the picture");
  assert.ok(at.text.top < at.figure.bottom, "the text starts beside the picture");
  await page.close();
});
