// "Check your understanding" as a patient meets it: answering and the feedback at once,
// keyboard alone, answers kept across a reload (and cleared with the ticks), the host
// event's counts (never the answers), the answers behind <details> where the wasm cannot
// run, both languages, print leaving the part out, and axe in each state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, watchErrors, openSection, audit, describeViolations, chooseLanguage } from "./support.mjs";

const KEY = "kyphoplasty-guide:understanding:v1:default";
const QUESTIONS = 8;

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The demo with the quiz open; `lang` switches the element's language first. */
async function openQuiz(page, { lang = "en", url = "/" } = {}) {
  await page.goto(server.origin + url);
  const host = await widgetReady(page);
  if (lang !== "en") {
    await page.evaluate((l) => document.querySelector("kyphoplasty-guide").setAttribute("lang", l), lang);
    await host.locator(`.kg[lang="${lang}"]`).waitFor();
  }
  await openSection(host, "understanding");
  return host;
}

/** Records every `kyphoplasty-guide:understanding` event's detail in `window.__quiz`. */
async function recordEvents(page) {
  await page.evaluate(() => {
    window.__quiz = [];
    document.addEventListener("kyphoplasty-guide:understanding", (e) => window.__quiz.push(e.detail));
  });
  return () => page.evaluate(() => window.__quiz.map((d) => JSON.parse(JSON.stringify(d))));
}

const question = (host, n) => host.locator(".kg-quiz-question").nth(n);

test("each question is a fieldset with a legend and radio buttons; an answer gets feedback at once, politely announced", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const host = await openQuiz(page);
  assert.equal(await host.locator("fieldset.kg-quiz-question").count(), QUESTIONS);
  assert.equal(await host.locator("fieldset.kg-quiz-question > legend").count(), QUESTIONS);
  assert.equal(await question(host, 0).getByRole("radio").count(), 3);
  const feedback = question(host, 0).locator(".kg-quiz-feedback");
  assert.equal(await feedback.getAttribute("aria-live"), "polite");
  assert.equal((await feedback.textContent()).trim(), "", "no feedback before an answer");

  // A wrong one says so, gives the right answer, and says why that pick is wrong.
  await question(host, 0).getByRole("radio", { name: "Lie down and see if it goes away." }).check();
  await feedback.getByText("Not quite.", { exact: false }).waitFor();
  assert.match(await feedback.textContent(), /The answer is: Call 911 now\./);
  assert.match(await feedback.textContent(), /Do not wait to see if it passes\./);
  // The right answer gets its own feedback, not the wrong one's.
  await question(host, 0).getByRole("radio", { name: "Call 911 now." }).check();
  await feedback.getByText("Right.").waitFor();
  assert.match(await feedback.textContent(), /an emergency, even if it came on slowly/);
  assert.doesNotMatch(await feedback.textContent(), /Do not wait to see/);
  const second = question(host, 1).locator(".kg-quiz-feedback");
  await question(host, 1).getByRole("radio", { name: "Wait for your next visit." }).check();
  await second.getByText("Not quite.", { exact: false }).waitFor();
  assert.match(await second.textContent(), /The answer is: Call .+ today\./);
  assert.match(await second.textContent(), /so do not wait/);
  // Changing the answer changes the feedback.
  await question(host, 1).getByRole("radio", { name: /today\.$/ }).check();
  await second.getByText("Right.").waitFor();
  assert.match(await second.textContent(), /red, warm or swollen is a reason to call too/);
  assert.doesNotMatch(await second.textContent(), /so do not wait/);
  assert.match(await host.locator(".kg-quiz-score").textContent(), /You answered 2 of 8 questions\. Right answers: 2 of 2\./);

  // The link opens the part of the guide that says it, with focus on its heading.
  await question(host, 0).getByRole("link", { name: 'Read more in the part "Warning signs"' }).click();
  await host.locator('.kg-body .kg-section[data-section="warnings"]').waitFor();
  await page.waitForFunction(() => {
    const active = document.querySelector("kyphoplasty-guide").shadowRoot.activeElement;
    return active && /^H[1-6]$/.test(active.tagName);
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard alone: Tab to a question, arrows to pick, Tab to the link, Enter to follow it", async () => {
  const page = await browser.newPage();
  const host = await openQuiz(page);
  await host.locator(".kg-quiz > h3, .kg-quiz > h2, .kg-quiz > h4").first().focus();
  // Tab from the heading reaches the first question's first option.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.activeElement?.getAttribute("name"));
    if (name === "kg-quiz-legs-weak") break;
  }
  const active = () => page.evaluate(() => {
    const el = document.querySelector("kyphoplasty-guide").shadowRoot.activeElement;
    return { name: el?.getAttribute("name"), value: el?.value, checked: el?.checked, text: el?.textContent };
  });
  assert.equal((await active()).name, "kg-quiz-legs-weak");
  await page.keyboard.press("Space");
  await question(host, 0).getByText("Right.").waitFor();
  await page.keyboard.press("ArrowDown");
  await question(host, 0).getByText("Not quite.", { exact: false }).waitFor();
  assert.deepEqual(await active().then((a) => [a.value, a.checked]), ["wait-morning", true]);
  // The next Tab leaves the radio group for the feedback's link.
  await page.keyboard.press("Tab");
  assert.equal((await active()).text, 'Read more in the part "Warning signs"');
  await page.keyboard.press("Enter");
  await host.locator('.kg-body .kg-section[data-section="warnings"]').waitFor();
  await page.close();
});

test("answers are kept across a reload, ids only, and Start again clears them", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let host = await openQuiz(page);
  await question(host, 2).getByRole("radio").nth(2).check();
  await question(host, 6).getByRole("radio").nth(0).check();
  await question(host, 6).getByText("Not quite.", { exact: false }).waitFor();
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.deepEqual(saved, { version: 1, answers: { "ride-home": "someone-drives", cement: "whole-spine" } });

  await page.reload();
  host = await openQuiz(page);
  assert.equal(await question(host, 2).getByRole("radio").nth(2).isChecked(), true);
  assert.equal(await question(host, 6).getByRole("radio").nth(0).isChecked(), true);
  await question(host, 2).getByText("Right.").waitFor();
  await question(host, 6).getByText("Not quite.", { exact: false }).waitFor();

  const events = await recordEvents(page);
  await host.getByRole("button", { name: "Start again" }).click();
  await host.getByText("Your answers are cleared.", { exact: false }).waitFor();
  assert.equal(await host.locator(".kg-quiz input:checked").count(), 0);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  assert.deepEqual(await events(), [{ answered: 0, correct: 0, total: QUESTIONS }]);
  // Focus is not lost with the button: it goes to the part's heading.
  assert.match(await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.activeElement?.tagName), /^H[1-6]$/);
  await context.close();
});

test("Clear my ticks clears the answers too, and tells the host", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const host = await openQuiz(page);
  await question(host, 0).getByRole("radio").nth(0).check();
  await question(host, 0).getByText("Right.").waitFor();
  const events = await recordEvents(page);
  await openSection(host, "before");
  await host.locator("input.kg-checkbox").first().check();
  await host.getByRole("button", { name: "Clear my ticks" }).click();
  await host.getByText("your quiz answers", { exact: false }).waitFor();
  await host.getByRole("button", { name: "Yes, clear them" }).click();
  await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY);
  assert.deepEqual(await events(), [{ answered: 0, correct: 0, total: QUESTIONS }]);
  await openSection(host, "understanding");
  assert.equal(await host.locator(".kg-quiz input:checked").count(), 0);
  await context.close();
});

test("the host event carries the counts, never the answers", async () => {
  const page = await browser.newPage();
  const host = await openQuiz(page);
  const events = await recordEvents(page);
  await question(host, 0).getByRole("radio").nth(0).check(); // right
  await question(host, 1).getByRole("radio").nth(0).check(); // wrong
  await question(host, 1).getByRole("radio").nth(1).check(); // changed to right
  await page.waitForFunction(() => window.__quiz.length === 3);
  assert.deepEqual(await events(), [
    { answered: 1, correct: 1, total: QUESTIONS },
    { answered: 2, correct: 1, total: QUESTIONS },
    { answered: 2, correct: 2, total: QUESTIONS },
  ]);
  await page.close();
});

test("unreadable saved answers are kept aside, the quiz starts afresh and says so", async () => {
  const context = await browser.newContext();
  await context.addInitScript((k) => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem(k, "{not json");
    }
  }, KEY);
  const page = await context.newPage();
  const host = await openQuiz(page);
  await host.locator(".kg-quiz .kg-notice").getByText("We could not read the answers saved earlier, so the questions start fresh.").waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k + ":unreadable"), KEY), "{not json");
  await context.close();
});

test("in Spanish: the questions, the feedback and the link are Spanish", async () => {
  const page = await browser.newPage();
  const host = await openQuiz(page, { lang: "es" });
  await host.getByRole("heading", { name: "Repase lo que aprendió" }).waitFor();
  const first = question(host, 0);
  assert.match(await first.locator("legend").textContent(), /Pregunta 1 de 8.*pierna/);
  await first.getByRole("radio", { name: "Llamar al 911 ahora." }).check();
  await first.getByText("¡Correcto!").waitFor();
  assert.match(await first.locator(".kg-quiz-feedback").textContent(), /aunque haya empezado poco a poco/);
  await first.getByRole("link", { name: "Lea más en la parte «Señales de alarma»" }).waitFor();
  await question(host, 3).getByRole("radio").nth(0).check();
  await question(host, 3).getByText("No exactamente. La respuesta correcta es:", { exact: false }).waitFor();
  assert.match(await question(host, 3).locator(".kg-quiz-feedback").textContent(), /Sentirse bien no basta/);
  assert.match(await host.locator(".kg-quiz-score").textContent(), /Contestó 2 de 8 preguntas\. Respuestas correctas: 1 de 2\./);
  await page.close();
});

test("every option, the link and Start again are targets of at least 44 px; print leaves the part out", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const host = await openQuiz(page);
  await question(host, 0).getByRole("radio").nth(1).check();
  await question(host, 0).locator(".kg-quiz-link").waitFor();
  const small = await page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    return [...root.querySelectorAll(".kg-quiz-option label, .kg-quiz-link, .kg-quiz-again button")]
      .map((el) => ({ text: el.textContent.trim(), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ text, box }) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`);
  });
  assert.deepEqual(small, []);
  await page.emulateMedia({ media: "print" });
  assert.equal(await host.locator(".kg-quiz").isVisible(), false);
  await page.close();
});

test("without the wasm, each question keeps its answer behind <details>, in both languages", async () => {
  for (const lang of ["en", "es"]) {
    const page = await browser.newPage();
    await page.route((url) => url.pathname.endsWith(".wasm"), (route) => route.abort());
    await page.goto(server.origin + "/");
    await page.waitForFunction(() => document.querySelector("kyphoplasty-guide")?.getAttribute("data-kg-state") === "static", null, { timeout: 20000 });
    const host = page.locator("kyphoplasty-guide");
    if (lang === "es") {
      await chooseLanguage(host, "es");
      await host.getByRole("heading", { name: "Resumen" }).waitFor();
    }
    await host.locator('.kg-nav-button[data-section="understanding"]').click();
    const panel = host.locator('[data-kg-panel="understanding"]');
    assert.equal(await panel.isVisible(), true);
    assert.equal(await panel.locator("fieldset.kg-quiz-question").count(), QUESTIONS);
    assert.equal(await panel.locator("details.kg-quiz-answer").count(), QUESTIONS);
    assert.equal(await panel.locator(".kg-quiz-feedback").count(), 0);
    const details = panel.locator("details.kg-quiz-answer").first();
    const answer = lang === "en" ? "The answer: Call 911 now." : "Respuesta correcta: Llamar al 911 ahora.";
    const why = lang === "en" ? /an emergency, even if it came on slowly/ : /aunque haya empezado poco a poco/;
    assert.equal(await details.getByText(answer).isVisible(), false, "hidden until asked for");
    await details.locator("summary").click();
    assert.equal(await details.getByText(answer).isVisible(), true);
    // The right answer's own feedback says why, and only that one: no wrong option's.
    assert.match(await details.locator(".kg-quiz-why").textContent(), why);
    assert.equal(await details.locator(".kg-quiz-why").count(), 1);
    // Its link opens the part of the guide it rests on, as the document's other buttons do.
    await details.locator(".kg-quiz-link").click();
    assert.equal(await host.locator('[data-kg-panel="warnings"]').isVisible(), true);
    const result = await audit(page, `no wasm, ${lang}, warnings after the quiz`);
    assert.equal(describeViolations([result]), "");
    await page.close();
  }
});

test("axe: the quiz fresh, answered right and wrong, cleared, in Spanish, and without the wasm with every answer open", async () => {
  const results = [];
  const page = await browser.newPage();
  let host = await openQuiz(page);
  results.push(await audit(page, "quiz fresh"));
  await question(host, 0).getByRole("radio").nth(0).check();
  await question(host, 1).getByRole("radio").nth(0).check();
  await question(host, 1).getByText("Not quite.", { exact: false }).waitFor();
  results.push(await audit(page, "quiz answered, right and wrong"));
  await host.getByRole("button", { name: "Start again" }).click();
  await host.getByText("Your answers are cleared.", { exact: false }).waitFor();
  results.push(await audit(page, "quiz cleared"));
  await page.close();

  const spanish = await browser.newPage();
  host = await openQuiz(spanish, { lang: "es" });
  await question(host, 4).getByRole("radio").nth(2).check();
  await question(host, 4).getByText("¡Correcto!").waitFor();
  results.push(await audit(spanish, "quiz in Spanish, answered"));
  await spanish.close();

  const still = await browser.newPage();
  await still.route((url) => url.pathname.endsWith(".wasm"), (route) => route.abort());
  await still.goto(server.origin + "/");
  await still.waitForFunction(() => document.querySelector("kyphoplasty-guide")?.getAttribute("data-kg-state") === "static", null, { timeout: 20000 });
  const doc = still.locator("kyphoplasty-guide");
  await doc.locator('.kg-nav-button[data-section="understanding"]').click();
  for (const summary of await doc.locator("details.kg-quiz-answer summary").all()) await summary.click();
  await doc.locator('[data-kg-panel="understanding"] input[type="radio"]').first().check();
  results.push(await audit(still, "quiz without the wasm, answers open"));
  await still.close();
  assert.equal(describeViolations(results), "");
});

test("an answer picked in the document before the wasm arrives is the live widget's answer, even with another answer open", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route((url) => url.pathname.endsWith(".wasm"), async (route) => {
    await held;
    await route.continue();
  });
  const events = [];
  await page.exposeFunction("__quizEvent", (detail) => events.push(detail));
  await page.addInitScript(() => document.addEventListener("kyphoplasty-guide:understanding", (e) => window.__quizEvent({ ...e.detail })));
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide")?.shadowRoot?.querySelector(".kg-mount[data-kg-document] .kg"));
  const host = page.locator("kyphoplasty-guide");
  await host.locator('.kg-nav-button[data-section="understanding"]').click();
  const panel = host.locator('[data-kg-panel="understanding"]');
  // An answer opened (its link is now a control before the next question's options)...
  await panel.locator("details.kg-quiz-answer summary").first().click();
  // ...and the second option of the second question picked.
  await panel.locator(".kg-quiz-question").nth(1).getByRole("radio").nth(1).check();
  release();
  await widgetReady(page);
  const live = host.locator(".kg-body .kg-quiz");
  await live.locator(".kg-quiz-question").nth(1).getByText("Right.").waitFor();
  assert.equal(await live.locator(".kg-quiz-question").nth(1).getByRole("radio").nth(1).isChecked(), true);
  assert.equal(await live.locator("input:checked").count(), 1);
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).answers, { fever: "call-team" });
  assert.deepEqual(events, [{ answered: 1, correct: 1, total: QUESTIONS }]);
  await context.close();
});
