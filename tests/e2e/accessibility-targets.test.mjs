// Accessibility (WCAG 2.2 A and AA), touch targets: every visible control, in every
// section and state, measured at 375 CSS px against 44×44 (2.5.8 asks 24×24).
// ACCESSIBILITY.md maps each success criterion to the tests in the accessibility-*.test.mjs
// files and in keyboard.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, exampleQuery, a11yHost, SECTIONS, openGuide, openSection, goToStep } from "./support.mjs";
import { interactiveBoxes } from "./measure.mjs";

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

test("touch targets: every visible control is at least 44×44 CSS px (2.5.8 asks 24×24)", async (t) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "en-US" });
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, a11yHost(CONFIGURED));
  const seen = new Map();
  const collect = async (state) => {
    for (const b of await interactiveBoxes(page)) {
      const key = `${b.what} ${b.width}×${b.height}`;
      if (!seen.has(key)) seen.set(key, { ...b, state });
    }
  };
  for (const section of SECTIONS) {
    await openSection(host, section);
    await collect(section);
    if (section === "procedure") { await goToStep(host, 5); await collect("procedure step 5"); }
    if (section === "aftercare") {
      await host.locator("input.kg-date-input").fill("2026-03-15");
      await host.locator(".kg-download").waitFor();
      await collect("aftercare dated");
      await host.getByRole("button", { name: "Clear my ticks" }).click();
      await collect("aftercare clear confirmation");
      await host.getByRole("button", { name: "No, keep them" }).click();
    }
  }
  // On this small screen the part buttons fold behind "Contents": measured with the list open.
  await host.locator(".kg-nav-toggle").click();
  await collect("contents open");
  const all = [...seen.values()];
  // The element itself, and for an input its hit area including its label.
  const small = all.filter((b) => b.width < 44 || b.height < 44);
  const offenders = all.filter((b) => b.hitWidth < 44 || b.hitHeight < 44);
  const under24 = all.filter((b) => b.hitWidth < 24 || b.hitHeight < 24);
  t.diagnostic(`${all.length} distinct controls measured at 375px`);
  for (const b of small) {
    t.diagnostic(`element under 44×44: ${b.what} ${b.width}×${b.height} (with its label ${b.hitWidth}×${b.hitHeight}) in ${b.state}`);
  }
  assert.deepEqual(under24.map((b) => `${b.what} ${b.hitWidth}×${b.hitHeight}`), [], "2.5.8 minimum");
  assert.deepEqual(offenders.map((b) => `${b.what} ${b.hitWidth}×${b.hitHeight} (${b.state})`), [], "44×44 target");
  await context.close();
});
