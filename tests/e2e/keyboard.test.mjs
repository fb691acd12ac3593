// The guide with a keyboard only (page.keyboard, never the mouse): Tab reaches every
// control in reading order, each focused control shows a visible focus indicator,
// Tab leaves the widget and Shift+Tab comes back (no trap), and every control works
// with Enter, Space, arrow keys and typing. Where focus goes after a change is checked
// too, so it is never lost to <body>.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, contrast, exampleQuery, a11yHost, SECTIONS, openGuide } from "./support.mjs";

const PAGE = a11yHost(exampleQuery("practice"));

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------- helpers

/**
 * Where focus is: the chain document.activeElement → shadowRoot.activeElement…,
 * and facts about the deepest element.
 */
function focused(page) {
  return page.evaluate(() => {
    const describe = (el) => {
      const name = (el.getAttribute("aria-label") || (el.labels && el.labels[0]?.textContent) || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : ""}` +
        `${el.dataset && el.dataset.section ? `[data-section=${el.dataset.section}]` : ""}${el.type && el.tagName === "INPUT" ? `[type=${el.type}]` : ""}${name ? ` "${name}"` : ""}`;
    };
    const chain = [];
    let el = document.activeElement;
    let deepest = el;
    while (el) {
      chain.push(describe(el));
      deepest = el;
      el = el.shadowRoot ? el.shadowRoot.activeElement : null;
    }
    const inWidget = deepest.getRootNode() !== document;
    const index = window.__kgTabbables ? window.__kgTabbables.indexOf(deepest) : -1;
    return { chain, path: chain.join(" > "), deepest: chain[chain.length - 1], id: deepest.id, inWidget, index,
      lostInWidget: deepest.tagName === "KYPHOPLASTY-GUIDE", body: deepest === document.body };
  });
}

/** Presses Tab (or Shift+Tab) until `match(focusInfo)` is true; fails after `limit` presses. */
async function tabTo(page, match, { shift = false, limit = 80 } = {}) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (match(f)) return f;
    seen.push(f.deepest);
  }
  throw new Error(`focus never matched after ${limit} presses of ${shift ? "Shift+Tab" : "Tab"}; went through: ${seen.slice(0, 30).join(" | ")}`);
}

/**
 * Presses Tab once, then on past the "Sources 1, 4" citation links (links of their own,
 * between a statement and the next control); returns the first stop that is not one.
 */
async function tabPastCitations(page, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f.deepest.startsWith("a.kg-ref")) return f;
  }
  throw new Error(`only citation links after ${limit} presses of Tab`);
}

/** Opens a section by keyboard: Tab to its nav button, press Enter. */
async function openByKeyboard(page, host, section) {
  await page.evaluate(() => document.getElementById("before-widget").focus());
  await tabTo(page, (f) => f.deepest.includes(`[data-section=${section}]`) && f.deepest.startsWith("button.kg-nav-button"));
  await page.keyboard.press("Enter");
  await host.locator(`.kg-body .kg-section[data-section="${section}"]`).waitFor();
}

const stepText = (host) => host.locator(".kg-step-number").textContent();

/**
 * The widget's tabbable controls in DOM order (kept in window.__kgTabbables), with
 * their unfocused look and position. A group of radio buttons is one Tab stop, as
 * browsers make it: its checked button, or its first when none is (arrows move inside).
 */
function recordTabbables(page) {
  return page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const sel = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
    const stopOfGroup = (radio) => {
      const group = [...root.querySelectorAll("input[type=radio]")].filter((r) => r.name === radio.name);
      return group.find((r) => r.checked) || group[0];
    };
    const list = [...root.querySelectorAll(sel)]
      .filter((el) => !el.closest(".kg-print-sheet") && el.checkVisibility({ visibilityProperty: true }))
      .filter((el) => el.type !== "radio" || !el.name || stopOfGroup(el) === el);
    window.__kgTabbables = list;
    window.__kgLook = list.map((el) => {
      const s = getComputedStyle(el);
      return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow, bg: s.backgroundColor, color: s.color, border: s.borderColor };
    });
    return list.length;
  });
}

/** The focused control's look against its unfocused look, its box, and its text contrast when focused. */
function focusLook(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const i = window.__kgTabbables.indexOf(el);
    const s = getComputedStyle(el);
    const now = { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow, bg: s.backgroundColor, color: s.color, border: s.borderColor };
    const was = window.__kgLook[i];
    const visibleOutline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 && !/rgba\(.*, 0\)/.test(s.outlineColor) && s.outlineColor !== "transparent";
    const changed = Object.keys(now).filter((k) => now[k] !== was[k]);
    let bg = null;
    for (let n = el; n && !bg; n = n.parentElement || n.getRootNode().host) {
      const b = getComputedStyle(n).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(b) && b !== "transparent") bg = b;
    }
    const r = el.getBoundingClientRect();
    return { index: i, changed, visibleOutline, color: s.color, bg: bg || "rgb(255, 255, 255)", fontSize: parseFloat(s.fontSize), fontWeight: Number(s.fontWeight),
      hasText: el.tagName !== "INPUT" && el.textContent.trim().length > 0, top: r.top + scrollY, left: r.left };
  });
}


/** Puts a section in the state with the most controls. */
async function prepare(page, host, section) {
  await page.evaluate((s) => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(`.kg-nav-button[data-section="${s}"]`).click(), section);
  await host.locator(`.kg-body .kg-section[data-section="${section}"]`).waitFor();
  if (section === "procedure") {
    await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll(".kg-step-list button")[4].click());
    await host.locator('input[type="range"]').waitFor();
  }
  if (section === "before" || section === "aftercare") {
    await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector("input.kg-checkbox").click());
    await host.locator(".kg-clear button").waitFor();
  }
  if (section === "aftercare") {
    await page.evaluate(() => {
      const input = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector("input.kg-date-input");
      input.value = "2026-03-15";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await host.locator(".kg-download").waitFor();
  }
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
}

// ---------------------------------------------------------------- tab order, focus visible, no trap

for (const section of SECTIONS) {
  test(`Tab order (${section}): every control, in reading order, each with a visible focus indicator; Tab leaves and Shift+Tab returns`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: "en-US" });
    const page = await context.newPage();
    const host = await openGuide(page, server.origin, PAGE);
    await prepare(page, host, section);
    const expected = await recordTabbables(page);

    await page.evaluate(() => document.getElementById("before-widget").focus());
    const forward = [];
    const noIndicator = [];
    const unreadable = [];
    const order = [];
    let reachedAfter = false;
    for (let i = 0; i < expected + 20; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f.id === "after-widget") { reachedAfter = true; break; }
      assert.ok(f.inWidget, `Tab went to ${f.path} before finishing the widget`);
      // A date input takes one Tab per part (month, day, year): one control.
      if (forward.length && forward[forward.length - 1].index === f.index && f.deepest.includes("[type=date]")) continue;
      forward.push(f);
      const look = await focusLook(page);
      order.push(look);
      if (!look.visibleOutline && look.changed.length === 0) noIndicator.push(f.deepest);
      else if (!look.visibleOutline && look.changed.every((k) => k === "border" || k === "color")) noIndicator.push(`${f.deepest} (only ${look.changed.join(", ")} changes)`);
      if (look.hasText) {
        const ratio = contrast(look.color, look.bg);
        const large = look.fontSize >= 24 || (look.fontWeight >= 700 && look.fontSize >= 18.66);
        if (ratio < (large ? 3 : 4.5)) unreadable.push(`${f.deepest}: focused text ${look.color} on ${look.bg} = ${ratio.toFixed(2)}:1`);
      }
    }
    t.diagnostic(`${section}: ${forward.length} tab stops: ${forward.map((f) => f.deepest).join(" | ")}`);
    assert.ok(reachedAfter, "Tab leaves the widget to the page link after it (no keyboard trap)");
    assert.deepEqual(forward.map((f) => f.index), [...Array(expected).keys()], "every control is reached once, in DOM order");
    // Reading order on a phone: each stop is below, or on the same line and right of, the one before.
    const jumps = [];
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      if (b.top < a.top - 2 && !(Math.abs(b.top - a.top) <= 2 && b.left > a.left)) jumps.push(`${forward[i - 1].deepest} → ${forward[i].deepest}`);
    }
    assert.deepEqual(jumps, [], "focus order follows the visual order at 375px");
    assert.deepEqual(noIndicator, [], "every focused control looks different from unfocused");

    // Shift+Tab from the page link after the widget walks the same stops backwards.
    const backward = [];
    for (let i = 0; i < expected + 20; i++) {
      await page.keyboard.press("Shift+Tab");
      const f = await focused(page);
      if (f.id === "before-widget") break;
      if (backward[backward.length - 1] === f.index && f.deepest.includes("[type=date]")) continue;
      backward.push(f.index);
    }
    assert.deepEqual(backward, [...Array(expected).keys()].reverse(), "Shift+Tab returns through every control to the page");
    t.diagnostic(`${section}: focused text contrast problems: ${unreadable.length}`);
    await context.close();
    if (unreadable.length) t.diagnostic(unreadable.join("\n"));
  });
}

test("focused controls keep their text readable (4.5:1) on the yellow focus background", async (t) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  const unreadable = [];
  for (const section of ["warnings", "overview"]) {
    await prepare(page, host, section);
    await recordTabbables(page);
    await page.evaluate(() => document.getElementById("before-widget").focus());
    for (;;) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f.inWidget) break;
      const look = await focusLook(page);
      if (!look.hasText) continue;
      const ratio = contrast(look.color, look.bg);
      const large = look.fontSize >= 24 || (look.fontWeight >= 700 && look.fontSize >= 18.66);
      if (ratio < (large ? 3 : 4.5)) unreadable.push(`${section}: ${f.deepest}: ${look.color} on ${look.bg} = ${ratio.toFixed(2)}:1`);
    }
  }
  t.diagnostic(unreadable.join("\n") || "none");
  assert.deepEqual(unreadable, []);
  await context.close();
});

// ---------------------------------------------------------------- operating the guide

test("sections open with Enter and with Space; focus stays on the nav button", async (t) => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await page.evaluate(() => document.getElementById("before-widget").focus());
  await tabTo(page, (f) => f.deepest.includes("[data-section=before]"));
  await page.keyboard.press("Enter");
  await host.locator('.kg-body .kg-section[data-section="before"]').waitFor();
  let f = await focused(page);
  t.diagnostic(`after Enter on "Before": focus on ${f.path}`);
  assert.ok(f.inWidget && !f.lostInWidget, "focus is not lost");
  assert.equal(await host.locator('.kg-nav-button[data-section="before"]').getAttribute("aria-current"), "true");

  await tabTo(page, (f) => f.deepest.includes("[data-section=risks]"));
  await page.keyboard.press(" ");
  await host.locator('.kg-body .kg-section[data-section="risks"]').waitFor();
  f = await focused(page);
  t.diagnostic(`after Space on "Risks and benefits": focus on ${f.path}`);
  assert.ok(f.inWidget && !f.lostInWidget, "focus is not lost");
  await page.close();
});

test("the emergency strip's Warning signs button, which disappears, moves focus to the section heading", async (t) => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await page.evaluate(() => document.getElementById("before-widget").focus());
  await tabTo(page, (f) => f.deepest.startsWith("button.kg-button.kg-button-warning"));
  await page.keyboard.press("Enter");
  await host.locator('.kg-body .kg-section[data-section="warnings"]').waitFor();
  const f = await focused(page);
  t.diagnostic(`after Enter on the strip's "Warning signs": focus on ${f.path}`);
  assert.ok(!f.body && !f.lostInWidget, "focus is not lost to <body>");
  assert.match(f.deepest, /^h\d/, "the Warning signs heading has focus");
  // The next Tab continues from there, into the section.
  await page.keyboard.press("Tab");
  const next = await focused(page);
  t.diagnostic(`then Tab: ${next.deepest}`);
  assert.ok(next.inWidget);
  await page.close();
});

test("procedure: Next and Previous with Enter; arrow keys change steps when focus is in the procedure", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "procedure");
  assert.equal(await stepText(host), "Step 1 of 8");
  await tabTo(page, (f) => f.deepest.startsWith("button.kg-button.kg-next"));
  await page.keyboard.press("Enter");
  assert.equal(await stepText(host), "Step 2 of 8");
  await page.keyboard.press("Enter");
  assert.equal(await stepText(host), "Step 3 of 8");
  assert.match((await focused(page)).deepest, /kg-next/, "focus stays on Next");
  await tabTo(page, (f) => f.deepest.includes("kg-previous"), { shift: true });
  await page.keyboard.press("Enter");
  assert.equal(await stepText(host), "Step 2 of 8");

  await page.keyboard.press("ArrowRight");
  assert.equal(await stepText(host), "Step 3 of 8");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await stepText(host), "Step 1 of 8");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await stepText(host), "Step 1 of 8", "no step before the first");

  // From the step list too; Enter on a step opens it.
  await tabTo(page, (f) => f.deepest.includes("Adding the bone cement"));
  await page.keyboard.press("Enter");
  assert.equal(await stepText(host), "Step 7 of 8");
  assert.equal(await host.locator('.kg-step-list [aria-current="step"]').textContent(), "7Adding the bone cement");
  await page.keyboard.press("ArrowRight");
  assert.equal(await stepText(host), "Step 8 of 8");
  await page.keyboard.press("ArrowRight");
  assert.equal(await stepText(host), "Step 8 of 8", "no step after the last");
  // Arrow keys outside the procedure do nothing to it.
  await page.evaluate(() => document.getElementById("before-widget").focus());
  await page.keyboard.press("ArrowLeft");
  assert.equal(await stepText(host), "Step 8 of 8");
  await page.close();
});

test("procedure: the inflation slider moves with arrow keys, Home and End; its value text follows", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "procedure");
  await tabTo(page, (f) => f.deepest.includes("Filling the balloon"));
  await page.keyboard.press("Enter");
  assert.equal(await stepText(host), "Step 5 of 8");
  const slider = host.locator('input[type="range"]');
  const f = await tabTo(page, (f) => f.deepest.includes("[type=range]"), { shift: true });
  assert.match(f.deepest, /Balloon inflation/, "the slider is named by its label");
  assert.equal(await slider.inputValue(), "100");
  assert.equal(await slider.getAttribute("aria-valuetext"), "100% inflated");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await slider.inputValue(), "95");
  assert.equal(await slider.getAttribute("aria-valuetext"), "95% inflated");
  await page.keyboard.press("ArrowDown");
  assert.equal(await slider.getAttribute("aria-valuetext"), "90% inflated");
  assert.equal(await stepText(host), "Step 5 of 8", "arrows in the slider do not change the step");
  await page.keyboard.press("Home");
  assert.equal(await slider.getAttribute("aria-valuetext"), "0% inflated");
  await page.keyboard.press("ArrowRight");
  assert.equal(await slider.getAttribute("aria-valuetext"), "5% inflated");
  await page.keyboard.press("End");
  assert.equal(await slider.getAttribute("aria-valuetext"), "100% inflated");
  // The picture follows the slider.
  await page.keyboard.press("Home");
  const inflation = await page.evaluate(() =>
    document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-ill").style.getPropertyValue("--kg-ill-inflation"));
  assert.equal(Number(inflation), 0);
  await page.close();
});

test("procedure: the Show labels checkbox toggles with Space", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "procedure");
  await tabTo(page, (f) => f.deepest.includes("Show labels"));
  assert.equal(await host.locator(".kg-ill-labels").count(), 1);
  await page.keyboard.press(" ");
  assert.equal(await host.locator(".kg-toggle input").isChecked(), false);
  assert.equal(await host.locator(".kg-ill-labels").count(), 0);
  await page.keyboard.press(" ");
  assert.equal(await host.locator(".kg-ill-labels").count(), 1);
  await page.close();
});

test("checklists: boxes toggle with Space and the progress follows", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "before");
  await tabTo(page, (f) => f.deepest.includes(".kg-checkbox[type=checkbox]"));
  const first = host.locator("input.kg-checkbox").first();
  await page.keyboard.press(" ");
  assert.equal(await first.isChecked(), true);
  assert.match(await host.locator(".kg-progress-text").first().textContent(), /^1 of/);
  assert.match((await tabPastCitations(page)).deepest, /^input\S*\.kg-checkbox/, "the next stop after the box's citation is the next box");
  await page.keyboard.press(" ");
  assert.match(await host.locator(".kg-progress-text").first().textContent(), /^2 of/);
  await tabTo(page, (f) => f.deepest.includes("[type=checkbox]") && f.deepest.includes("kg-checkbox"), { shift: true });
  await page.keyboard.press(" ");
  assert.equal(await first.isChecked(), false);
  assert.match(await host.locator(".kg-progress-text").first().textContent(), /^1 of/);
  await context.close();
});

test("clearing ticks by keyboard keeps focus in the confirmation and back on the button", async (t) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "before");
  await tabTo(page, (f) => f.deepest.includes(".kg-checkbox[type=checkbox]"));
  await page.keyboard.press(" ");
  await tabTo(page, (f) => f.deepest.includes("Clear my ticks"));
  await page.keyboard.press("Enter");
  await host.locator(".kg-confirm").waitFor();
  let f = await focused(page);
  t.diagnostic(`after Enter on "Clear my ticks": focus on ${f.path}`);
  assert.ok(!f.body && !f.lostInWidget, "focus moves into the confirmation, not lost");
  await page.keyboard.press("Tab");
  f = await focused(page);
  t.diagnostic(`then Tab: ${f.path}`);
  assert.ok(f.deepest.includes("kg-confirm") || /Yes, clear them|No, keep them/.test(f.deepest), "the next Tab is in the confirmation");
  await context.close();
});

test("aftercare: the procedure date accepts typed input", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "aftercare");
  const f = await tabTo(page, (f) => f.deepest.includes("[type=date]"));
  assert.match(f.deepest, /Date of your procedure|procedure/i, "the date field is named by its label");
  await page.keyboard.type("03152026");
  await host.locator(".kg-milestone-date").first().waitFor();
  assert.equal(await host.locator("input.kg-date-input").inputValue(), "2026-03-15");
  assert.match(await host.locator(".kg-milestone-date").first().textContent(), /March 15/);
  // The clear button and the calendar download come next.
  const next = await tabTo(page, (f) => !f.deepest.includes("[type=date]"));
  assert.match(next.deepest, /^button.*"Remove the date"/);
  assert.match((await tabPastCitations(page)).deepest, /^a.*kg-download/, "after the milestones' citations, the calendar download");
  await context.close();
});

test("aftercare: removing the date by keyboard keeps focus in the date field", async (t) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "aftercare");
  await tabTo(page, (f) => f.deepest.includes("[type=date]"));
  await page.keyboard.type("03152026");
  await host.locator(".kg-milestone-date").first().waitFor();
  await tabTo(page, (f) => f.deepest.includes("Remove the date"));
  await page.keyboard.press("Enter");
  await host.locator(".kg-milestone-date").first().waitFor({ state: "detached" });
  const after = await focused(page);
  t.diagnostic(`after Enter on "Remove the date": focus on ${after.path}`);
  assert.ok(!after.body && !after.lostInWidget, "focus is not lost");
  await context.close();
});

test("questions open and close with Enter and Space", async () => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await openByKeyboard(page, host, "questions");
  await tabTo(page, (f) => f.deepest.startsWith("summary"));
  const details = host.locator("details").first();
  await page.keyboard.press("Enter");
  assert.equal(await details.evaluate((d) => d.open), true);
  await page.keyboard.press(" ");
  assert.equal(await details.evaluate((d) => d.open), false);
  await page.close();
});

test("the language menu works with Enter and the arrows, and keeps focus", async (t) => {
  const page = await browser.newPage();
  const host = await openGuide(page, server.origin, PAGE);
  await page.evaluate(() => document.getElementById("before-widget").focus());
  await tabTo(page, (f) => f.deepest.includes("Language: English"));
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).deepest.includes("Español"), true);
  await page.keyboard.press("Enter");
  await host.getByText("Su guía sobre la cifoplastia con balón").waitFor();
  const f = await focused(page);
  t.diagnostic(`after switching language: focus on ${f.path}`);
  assert.ok(f.inWidget && !f.lostInWidget, "focus is not lost");
  await page.close();
});
