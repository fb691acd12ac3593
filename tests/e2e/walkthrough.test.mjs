// "Play the procedure": the narrated walkthrough of the live widget. Speech synthesis is
// stubbed in the page (page.addInitScript), so the test hears what would be said, in
// which language, and decides when each utterance ends. Covered: it never starts by
// itself; start, pause on a manual step change, resume (from the paragraph it was in),
// stop; the last step ends it; leaving the procedure ends it; the host event; the
// fallback without speech (reading times, on a fake clock); no English voice for
// Spanish; reduced motion; axe in every state; it is not offered without the wasm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, watchErrors, axeAudit, describeViolations, chooseLanguage } from "./support.mjs";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A speech synthesis that says nothing: it records each utterance (text, lang) in
 * window.__spoken, fires start at once and end after window.__speechMs (default 150 ms),
 * and cancel() interrupts the one speaking, as Chromium does. `voices` are its voices.
 */
function stubSpeech(voices) {
  const spoken = (window.__spoken = []);
  window.__cancels = 0;
  window.__walk = [];
  document.addEventListener("kyphoplasty-guide:walkthrough", (e) => window.__walk.push(e.detail));
  let current = null;
  let timer = null;
  const fire = (u, type, error) => {
    const event = new Event(type);
    if (error) Object.defineProperty(event, "error", { value: error });
    u.dispatchEvent(event);
  };
  const synth = Object.create(SpeechSynthesis.prototype);
  Object.assign(synth, {
    speak(u) {
      spoken.push({ text: u.text, lang: u.lang });
      current = u;
      setTimeout(() => fire(u, "start"), 5);
      timer = setTimeout(() => {
        if (current === u) {
          current = null;
          fire(u, "end");
        }
      }, window.__speechMs ?? 150);
    },
    cancel() {
      window.__cancels++;
      if (current) {
        const u = current;
        current = null;
        clearTimeout(timer);
        setTimeout(() => fire(u, "error", "interrupted"), 0);
      }
    },
    pause() {},
    resume() {},
    getVoices() {
      return voices;
    },
  });
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
}

const VOICES = [{ lang: "en-US", name: "Stub English" }, { lang: "es-MX", name: "Stub Spanish" }];

async function openProcedure({ voices = VOICES, speech = true, context: options = {} } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  if (speech) await page.addInitScript(stubSpeech, voices);
  else {
    await page.addInitScript(() => {
      window.__walk = [];
      document.addEventListener("kyphoplasty-guide:walkthrough", (e) => window.__walk.push(e.detail));
      Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
    });
  }
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  await host.getByRole("heading", { name: /Step 1 of 8/ }).waitFor();
  return { context, page, host, errors };
}

/** Runs the page's fake clock a second at a time until step `n` shows; the seconds it took. */
async function clockUntilStep(page, host, n, maxSeconds = 120) {
  for (let s = 1; s <= maxSeconds; s++) {
    await page.clock.runFor(1000);
    if ((await host.locator(".kg-step-number").textContent()).match(new RegExp(`^\\D+${n}\\D`))) return s;
  }
  throw new Error(`step ${n} did not show within ${maxSeconds} s`);
}

const spoken = (page) => page.evaluate(() => window.__spoken.map((s) => s.text));
const events = (page) => page.evaluate(() => window.__walk);
const stepNumber = (host) => host.locator(".kg-step-number").textContent();
const status = (host) => host.locator('.kg-walk [role="status"]').textContent();
const live = (host) => host.locator('.kg-procedure > [aria-live="polite"]').textContent();

test("it never starts by itself", async () => {
  const { context, page, host } = await openProcedure();
  await page.waitForTimeout(1500);
  assert.deepEqual(await spoken(page), []);
  assert.deepEqual(await events(page), []);
  assert.equal(await host.getByRole("button", { name: "Play the procedure" }).count(), 1);
  assert.equal(await host.getByRole("button", { name: "Stop" }).count(), 0);
  await context.close();
});

test("start reads each step aloud in the guide's language and moves on when the voice ends; Pause and Stop show while it runs", async () => {
  const { context, page, host, errors } = await openProcedure();
  const titles = await page.evaluate(() =>
    [...document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll(".kg-step-list li")].map((li) => li.textContent.replace(/^\d+/, "")));
  await host.getByRole("button", { name: "Play the procedure" }).click();
  await host.getByRole("button", { name: "Pause" }).waitFor();
  assert.equal(await host.getByRole("button", { name: "Stop" }).isVisible(), true);
  assert.equal(await status(host), "The procedure is playing.");
  assert.deepEqual(await events(page), [{ action: "start", step: 1, total: 8 }]);
  // Step 1: its title first, then each paragraph, in English.
  await host.getByRole("heading", { name: /Step 2 of 8/ }).waitFor({ timeout: 10000 });
  const said = await page.evaluate(() => window.__spoken);
  assert.equal(said[0].text, titles[0]);
  assert.ok(said.every((s) => s.lang === "en"), JSON.stringify(said));
  const paragraphs = await page.evaluate(() => [...document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll(".kg-step-text p")].length);
  assert.ok(paragraphs > 0);
  // The picture shows step 2's change; the live region gives the number, not the title the voice reads.
  assert.match(await host.locator(".kg-body figure.kg-ill").getAttribute("class"), /kg-ill-scene-incision/);
  assert.equal(await live(host), "Step 2 of 8");
  await page.waitForFunction((t) => window.__spoken.some((s) => s.text === t), titles[1]);
  // The patient's own step change does not come from the walkthrough: no step event for it.
  assert.deepEqual(errors, []);
  await context.close();
});

test("a manual step change pauses it; Continue goes on from the step shown; Stop ends it and keeps focus", async () => {
  const { context, page, host } = await openProcedure();
  await page.evaluate(() => (window.__speechMs = 400));
  await host.getByRole("button", { name: "Play the procedure" }).click();
  await host.getByRole("button", { name: "Pause" }).waitFor();
  const cancels = await page.evaluate(() => window.__cancels);
  await host.locator(".kg-stepper:not([hidden]) .kg-next").click();
  assert.equal(await stepNumber(host), "Step 2 of 8");
  await host.getByRole("button", { name: "Continue" }).waitFor();
  assert.equal(await status(host), "Paused.");
  assert.ok((await page.evaluate(() => window.__cancels)) > cancels, "the voice stopped");
  const before = (await spoken(page)).length;
  await page.waitForTimeout(2500);
  assert.equal(await stepNumber(host), "Step 2 of 8", "paused, it does not move on");
  assert.equal((await spoken(page)).length, before, "paused, it says nothing");
  // The step list and the arrow keys pause it too.
  await host.getByRole("button", { name: "Continue" }).click();
  await host.getByRole("button", { name: "Pause" }).waitFor();
  assert.equal(await status(host), "The procedure is playing.");
  const title2 = await host.locator(".kg-step-list li").nth(1).textContent();
  await page.waitForFunction((t) => window.__spoken.at(-1).text === t.replace(/^\d+/, ""), title2);
  await host.locator(".kg-step-list button").nth(4).click();
  await host.getByRole("button", { name: "Continue" }).waitFor();
  assert.equal(await stepNumber(host), "Step 5 of 8");
  await host.getByRole("button", { name: "Continue" }).click();
  await host.getByRole("button", { name: "Pause" }).waitFor();
  await page.keyboard.press("ArrowLeft");
  await host.getByRole("button", { name: "Continue" }).waitFor();
  assert.equal(await stepNumber(host), "Step 4 of 8");
  // Stop: it ends where it is, the main button keeps focus, the host hears why.
  await host.getByRole("button", { name: "Stop" }).click();
  await host.getByRole("button", { name: "Play the procedure" }).waitFor();
  assert.equal(await host.getByRole("button", { name: "Stop" }).count(), 0);
  assert.equal(await status(host), "Stopped.");
  const focused = await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.activeElement?.textContent);
  assert.equal(focused, "Play the procedure");
  assert.deepEqual((await events(page)).at(-1), { action: "end", step: 4, total: 8, reason: "stopped" });
  assert.equal((await events(page)).length, 2, "one start, one end");
  await context.close();
});

test("Pause and Continue in the middle of a step: it goes on from the paragraph it was reading", async () => {
  const { context, page, host } = await openProcedure();
  await page.evaluate(() => (window.__speechMs = 600));
  await host.getByRole("button", { name: "Play the procedure" }).click();
  // Wait for the second utterance (the first paragraph), then pause during it.
  await page.waitForFunction(() => window.__spoken.length === 2);
  const paragraph = (await spoken(page))[1];
  await host.getByRole("button", { name: "Pause" }).click();
  await host.getByRole("button", { name: "Continue" }).waitFor();
  await host.getByRole("button", { name: "Continue" }).click();
  await page.waitForFunction(() => window.__spoken.length === 3);
  assert.equal((await spoken(page))[2], paragraph, "the interrupted paragraph again, not the title");
  assert.equal(await stepNumber(host), "Step 1 of 8");
  await context.close();
});

test("the last step ends it, and leaving the procedure ends it; the host is told each time", async () => {
  const { context, page, host } = await openProcedure();
  await host.locator(".kg-step-list button").nth(6).click();
  await host.getByRole("button", { name: "Play the procedure" }).click();
  await host.getByRole("heading", { name: /Step 8 of 8/ }).waitFor({ timeout: 10000 });
  await host.getByRole("button", { name: "Play the procedure" }).waitFor({ timeout: 10000 });
  assert.equal(await status(host), "That was the last step.");
  assert.deepEqual(await events(page), [
    { action: "start", step: 7, total: 8 },
    { action: "end", step: 8, total: 8, reason: "finished" },
  ]);
  // At the end, Play starts again from the first step.
  await host.getByRole("button", { name: "Play the procedure" }).click();
  await host.getByRole("heading", { name: /Step 1 of 8/ }).waitFor();
  await host.getByRole("button", { name: "Pause" }).waitFor();
  const cancels = await page.evaluate(() => window.__cancels);
  await host.locator('.kg-nav-button[data-section="aftercare"]').click();
  await host.getByRole("heading", { name: "After your procedure" }).waitFor();
  assert.deepEqual((await events(page)).at(-1), { action: "end", step: 1, total: 8, reason: "left" });
  assert.ok((await page.evaluate(() => window.__cancels)) > cancels, "the voice stopped");
  const count = (await spoken(page)).length;
  await page.waitForTimeout(1500);
  assert.equal((await spoken(page)).length, count, "nothing more is said");
  await context.close();
});

test("pressing Read this step aloud pauses it, so two voices never talk at once", async () => {
  const { context, page, host } = await openProcedure();
  await page.evaluate(() => (window.__speechMs = 2000));
  await host.getByRole("button", { name: "Play the procedure" }).click();
  await host.getByRole("button", { name: "Pause" }).waitFor();
  await host.getByRole("button", { name: "Read this step aloud" }).click();
  await host.getByRole("button", { name: "Continue" }).waitFor();
  await host.getByRole("button", { name: "Stop reading" }).waitFor();
  await context.close();
});

test("in Spanish it reads in Spanish; with no Spanish voice it does not read Spanish with an English voice", async () => {
  for (const voices of [VOICES, [{ lang: "en-US", name: "Stub English" }]]) {
    const { context, page, host } = await openProcedure({ voices });
    await chooseLanguage(host, "es");
    await host.getByRole("heading", { name: /Paso 1 de 8/ }).waitFor();
    await page.clock.install();
    await host.getByRole("button", { name: "Reproducir el procedimiento" }).click();
    await host.getByRole("button", { name: "Pausa" }).waitFor();
    // Without a Spanish voice the status says why nothing is heard.
    const silent = " Este dispositivo no tiene una voz en español, así que no puede leer la guía en voz alta.";
    assert.equal(await status(host), "El procedimiento se está reproduciendo." + (voices.length === 2 ? "" : silent));
    if (voices.length === 2) {
      await page.waitForFunction(() => window.__spoken.length > 0);
      assert.ok((await page.evaluate(() => window.__spoken)).every((s) => s.lang === "es"));
    } else {
      // No voice speaks Spanish: the reading time moves it on, and nothing is spoken.
      await clockUntilStep(page, host, 2);
      assert.deepEqual(await spoken(page), []);
      assert.match(await live(host), /^Paso 2 de 8: /, "with no voice, the announcement keeps the title");
    }
    await context.close();
  }
});

test("without speech synthesis it moves on after a reading time, and Pause holds it", async () => {
  const { context, page, host, errors } = await openProcedure({ speech: false });
  assert.equal(await host.getByRole("button", { name: "Read this step aloud" }).count(), 0, "no voice: no Read aloud");
  await page.clock.install();
  await host.getByRole("button", { name: "Play the procedure" }).click();
  await host.getByRole("button", { name: "Pause" }).waitFor();
  // Step 1 has about 500 characters: some 30 seconds at a careful reading pace, not 3.
  const seconds = await clockUntilStep(page, host, 2);
  assert.ok(seconds >= 20 && seconds <= 60, `step 1 took ${seconds} s, a careful reader's pace`);
  assert.match(await live(host), /^Step 2 of 8: Small cuts/, "nothing speaks the title, so the announcement does");
  await host.getByRole("button", { name: "Pause" }).click();
  await host.getByRole("button", { name: "Continue" }).waitFor();
  await page.clock.runFor(120000);
  assert.equal(await stepNumber(host), "Step 2 of 8", "paused, the clock does not move it");
  await host.getByRole("button", { name: "Continue" }).click();
  await clockUntilStep(page, host, 3);
  assert.deepEqual(await events(page), [{ action: "start", step: 1, total: 8 }]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("under prefers-reduced-motion it changes steps without animation", async () => {
  const { context, page, host } = await openProcedure({ context: { reducedMotion: "reduce" } });
  await host.getByRole("button", { name: "Play the procedure" }).click();
  await host.getByRole("heading", { name: /Step 2 of 8/ }).waitFor({ timeout: 10000 });
  const moving = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    return [...root.querySelectorAll(".kg-ill *, .kg-walk, .kg-walk *")]
      .map((el) => getComputedStyle(el))
      .filter((s) => s.transitionDuration.split(",").some((d) => parseFloat(d) > 0) || parseFloat(s.animationDuration) > 0).length;
  });
  assert.equal(moving, 0);
  assert.match(await host.locator(".kg-body figure.kg-ill").getAttribute("class"), /kg-ill-scene-incision/);
  await context.close();
});

test("axe: the walkthrough playing, paused and stopped, in English and Spanish", async () => {
  const { context, page, host } = await openProcedure();
  await page.evaluate(() => (window.__speechMs = 5000));
  const results = [];
  for (const [play, pause, resume, stop] of [["Play the procedure", "Pause", "Continue", "Stop"], ["Reproducir el procedimiento", "Pausa", "Continuar", "Detener"]]) {
    if (play !== "Play the procedure") {
      await chooseLanguage(host, "es");
      await host.getByRole("button", { name: play }).waitFor();
    }
    await host.getByRole("button", { name: play }).click();
    await host.getByRole("button", { name: pause }).waitFor();
    results.push({ state: `${play}: playing`, ...(await axeAudit(page, AXE_TAGS)) });
    await host.getByRole("button", { name: pause }).click();
    await host.getByRole("button", { name: resume }).waitFor();
    results.push({ state: `${play}: paused`, ...(await axeAudit(page, AXE_TAGS)) });
    await host.getByRole("button", { name: stop }).click();
    await host.getByRole("button", { name: play }).waitFor();
    results.push({ state: `${play}: stopped`, ...(await axeAudit(page, AXE_TAGS)) });
  }
  assert.equal(describeViolations(results), "", "axe violations");
  await context.close();
});

test("without the wasm the walkthrough is not offered", async () => {
  const page = await browser.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide")?.getAttribute("data-kg-state") === "static");
  const host = page.locator("kyphoplasty-guide");
  await host.locator('.kg-nav-button[data-section="procedure"]').click();
  await host.getByRole("heading", { name: /Step 1 of 8/ }).waitFor();
  assert.equal(await host.locator(".kg-walk:visible").count(), 0);
  assert.equal(await host.getByRole("button", { name: "Play the procedure" }).count(), 0);
  await page.close();
});
