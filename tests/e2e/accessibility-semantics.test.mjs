// Accessibility (WCAG 2.2 A and AA), the semantics a screen reader relies on: a named
// region, headings that follow heading-level, a name for every control, the illustration
// as an image with a title and description, and live regions for steps and progress.
// ACCESSIBILITY.md maps each success criterion to the tests in the accessibility-*.test.mjs
// files and in keyboard.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, exampleQuery, a11yHost, SECTIONS, openGuide, openSection, goToStep } from "./support.mjs";

const CONFIGURED = exampleQuery("practice");

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("a named region, and headings that follow heading-level", async () => {
  const page = await browser.newPage();
  for (const level of [2, 4]) {
    const host = await openGuide(page, server.origin, a11yHost(`${CONFIGURED}&heading-level=${level}`));
    const region = host.getByRole("region", { name: "Balloon kyphoplasty guide" });
    assert.equal(await region.count(), 1, "section.kg is a named region");
    assert.equal(await host.locator(`.kg-title`).evaluate((el) => el.tagName), `H${level}`);
    for (const section of SECTIONS) {
      await openSection(host, section);
      const levels = await page.evaluate(() => {
        const root = document.querySelector("kyphoplasty-guide").shadowRoot;
        return [...root.querySelectorAll(".kg-body h1, .kg-body h2, .kg-body h3, .kg-body h4, .kg-body h5, .kg-body h6")]
          .map((h) => Number(h.tagName[1]));
      });
      assert.equal(levels[0], level + 1, `${section}: section heading is h${level + 1}`);
      for (const l of levels.slice(1)) assert.ok(l === level + 1 || l === level + 2, `${section}: h${l} within h${level + 1}..h${level + 2}`);
      for (let i = 1; i < levels.length; i++) assert.ok(levels[i] - levels[i - 1] <= 1, `${section}: no skipped level`);
    }
  }
  await page.close();
});

test("every control has an accessible name, and the illustration is an image with a title and description", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, "/");
  await openSection(host, "procedure");
  await goToStep(host, 5);
  // Names as the accessibility tree computes them (through the shadow root).
  const snapshot = await page.locator("kyphoplasty-guide").ariaSnapshot();
  assert.match(snapshot, /button "Next step"/);
  assert.match(snapshot, /button "Previous step"/);
  assert.match(snapshot, /checkbox "Show labels"/);
  assert.match(snapshot, /slider "Balloon inflation"/);
  assert.match(snapshot, /navigation "All steps"/);
  assert.match(snapshot, /navigation "Parts of this guide"/);
  const unnamed = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    return [...root.querySelectorAll("button, a[href], input, summary")]
      .filter((el) => !el.closest(".kg-print-sheet"))
      .filter((el) => !(el.getAttribute("aria-label") || el.textContent.trim() || (el.labels && el.labels.length && [...el.labels].some((l) => l.textContent.trim()))))
      .map((el) => el.outerHTML.slice(0, 80));
  });
  assert.deepEqual(unnamed, []);
  const svg = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const svg = root.querySelector(".kg-stage svg");
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\s+/);
    return {
      role: svg.getAttribute("role"),
      ids: ids.map((id) => root.getElementById(id)?.tagName ?? null),
      text: ids.map((id) => root.getElementById(id)?.textContent.trim() ?? ""),
    };
  });
  assert.equal(svg.role, "img");
  assert.deepEqual(svg.ids, ["title", "desc"]);
  assert.ok(svg.text.every((s) => s.length > 10), "title and description have text");
  assert.match(snapshot, /img "[^"]{20,}"/, "the image's accessible name comes from its title and desc");
  await page.close();
});

test("a polite live region announces step changes", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, "/");
  await openSection(host, "procedure");
  const live = host.locator('.kg-procedure [aria-live="polite"]');
  assert.equal(await live.count(), 1);
  assert.equal(await live.getAttribute("aria-atomic"), "true");
  const before = await live.textContent();
  await host.locator(".kg-next").click();
  await host.getByText("Step 2 of 8").first().waitFor();
  const afterText = await live.textContent();
  assert.notEqual(afterText, before);
  assert.match(afterText, /^Step 2 of 8: /);
  await page.close();
});

test("checklist progress is announced when a box is ticked", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, "/");
  await openSection(host, "before");
  const progress = host.locator(".kg-progress-text").first();
  // It is described (read when focus enters the group)...
  const describedBy = await host.locator("fieldset.kg-group").first().getAttribute("aria-describedby");
  assert.ok(describedBy && describedBy.endsWith("-progress"));
  await host.locator("input.kg-checkbox").first().check();
  assert.match(await progress.textContent(), /^1 of/);
  // ...and each change is announced by the section's polite live region.
  const said = await host.locator('.kg-body .kg-section > [aria-live="polite"]').textContent();
  assert.match(said, /: 1 of \d+ done$/, "the group's progress is announced");
  await page.close();
});
