// The procedure stepper end to end: every step in both languages, each with its scene.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, watchErrors } from "./support.mjs";

const SCENES = ["fracture", "incision", "needle", "balloon", "inflate", "cavity", "cement", "closed"];
let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [lang, labels] of Object.entries({
  en: { section: "The procedure", next: "Next step", progress: (n) => `Step ${n} of 8` },
  es: { section: "El procedimiento", next: "Paso siguiente", progress: (n) => `Paso ${n} de 8` },
})) {
  test(`all eight steps, in order, each with its scene and text (${lang})`, async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.origin + "/");
    const host = await widgetReady(page);
    await page.evaluate((l) => document.querySelector("kyphoplasty-guide").setAttribute("lang", l), lang);
    await host.locator(".kg-nav").getByRole("button", { name: labels.section }).click();
    const titles = new Set();
    for (let n = 1; n <= 8; n++) {
      await host.locator(".kg-step-title").getByText(labels.progress(n)).waitFor();
      const scene = await host.locator(".kg-body figure.kg-ill").getAttribute("class");
      assert.match(scene, new RegExp(`kg-ill-scene-${SCENES[n - 1]}`), `step ${n}`);
      const title = await host.locator(".kg-step-title").textContent();
      const body = await host.locator(".kg-step-text p").first().textContent();
      assert.ok(body.length > 20, `step ${n} has text`);
      titles.add(title);
      const desc = await host.locator(".kg-body svg desc").textContent();
      assert.ok(desc.length > 20, `step ${n} has a text alternative`);
      if (n < 8) await host.getByRole("button", { name: labels.next }).click();
    }
    assert.equal(titles.size, 8);
    assert.equal(await host.getByRole("button", { name: labels.next }).getAttribute("aria-disabled"), "true");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("under prefers-reduced-motion nothing animates", async () => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.locator(".kg-nav").getByRole("button", { name: "The procedure" }).click();
  const durations = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    return [...root.querySelectorAll(".kg-ill *")].map((el) => getComputedStyle(el).transitionDuration);
  });
  assert.ok(durations.length > 10);
  assert.ok(durations.every((d) => d.split(",").every((x) => parseFloat(x) === 0)), durations.join(" "));
  await context.close();
});
