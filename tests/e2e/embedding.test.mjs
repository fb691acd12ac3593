// Embedding as practices and portals do it: several guides per page, the script twice,
// an element added late, attributes changed after load, hostile CSS, a strict CSP,
// no third-party requests or cookies, and the fallback when WebAssembly cannot run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady, watchErrors, builtFiles, chooseLanguage } from "./support.mjs";

// The build's hashed file names, from the loader's table.
const FILES = builtFiles();
const at = (key) => "/" + FILES[key].path;

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, browser;
before(async () => {
  server = await startServer({
    headers: (path) => (path === "/fixtures/csp.html" ? { "content-security-policy": CSP } : {}),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const shadowText = (page, id, selector) =>
  page.evaluate(([id, selector]) => document.getElementById(id).shadowRoot.querySelector(selector)?.textContent ?? null, [id, selector]);

test("two guides on one page keep their own ticks; the script twice and a late element all work", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.origin + "/fixtures/multi.html");
  await widgetReady(page, "#first");
  await widgetReady(page, "#second");
  await page.locator("#first").locator("input.kg-checkbox").first().check();
  await page.locator("#first").locator("input.kg-checkbox").nth(1).check();
  await page.locator("#second").locator("input.kg-checkbox").first().check();
  assert.match(await shadowText(page, "first", ".kg-progress-text"), /^2 of/);
  assert.match(await shadowText(page, "second", ".kg-progress-text"), /^1 of/);

  await widgetReady(page, "#late");
  assert.match(await shadowText(page, "late", ".kg-card-emergency"), /Call 911 now if/);
  assert.equal(await page.evaluate(() => customElements.get("kyphoplasty-guide") !== undefined), true);

  await page.reload();
  await widgetReady(page, "#first");
  await widgetReady(page, "#second");
  assert.match(await shadowText(page, "first", ".kg-progress-text"), /^2 of/);
  assert.match(await shadowText(page, "second", ".kg-progress-text"), /^1 of/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("removing an element releases its instance; the others keep working", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/fixtures/multi.html");
  await widgetReady(page, "#first");
  await widgetReady(page, "#second");
  const released = await page.evaluate(async () => {
    const first = document.getElementById("first");
    first.remove();
    await new Promise((r) => setTimeout(r, 50));
    return first._widget === null;
  });
  assert.equal(released, true);
  await page.locator("#second").locator("input.kg-checkbox").first().check();
  assert.match(await shadowText(page, "second", ".kg-progress-text"), /^1 of/);
  await page.close();
});

test("changing attributes after load updates the guide", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/fixtures/plain.html");
  const host = await widgetReady(page);
  await page.evaluate(() => {
    const el = document.querySelector("kyphoplasty-guide");
    el.setAttribute("lang", "es");
    el.setAttribute("practice-name", "Clínica Norte");
    el.setAttribute("emergency-number", "112");
  });
  await host.getByText("Su guía sobre la cifoplastia con balón").waitFor();
  await host.getByText("Comuníquese con Clínica Norte si:").first().waitFor();
  await host.getByText("Llame al 112 ahora si:").first().waitFor();
  await page.close();
});

test("hostile global CSS changes no pixel of the guide", async () => {
  const shot = async (path) => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
    await page.goto(server.origin + path);
    await widgetReady(page);
    await page.waitForTimeout(300);
    const png = await page.locator("kyphoplasty-guide").locator(".kg").screenshot({ animations: "disabled" });
    await page.close();
    return png;
  };
  const plain = await shot("/fixtures/plain.html");
  const hostile = await shot("/fixtures/hostile.html");
  assert.ok(plain.length > 10000, "the screenshot shows something");
  assert.ok(plain.equals(hostile), "the guide must look the same on the hostile page");
});

test("a strict Content-Security-Policy page works with zero violations", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.origin + "/fixtures/csp.html");
  const host = await widgetReady(page);
  await host.getByRole("button", { name: "El procedimiento" }).click();
  await host.getByRole("button", { name: "Paso siguiente" }).click();
  await host.getByText("Paso 2 de 8").first().waitFor();
  await host.getByRole("button", { name: "Antes", exact: true }).click();
  await host.locator("input.kg-checkbox").first().check();
  const accent = await page.evaluate(() =>
    getComputedStyle(document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")).getPropertyValue("--kg-accent").trim());
  assert.equal(accent, "#7a3e9d", "the accent is applied without a style attribute");
  const violations = await page.evaluate(() => window.cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors.filter((e) => /Content Security Policy/i.test(e)), []);
  await page.close();
});

test("no request leaves the assets' origin and no cookie is set", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  for (const name of ["The procedure", "Before", "Aftercare", "Warning signs", "Risks and benefits", "Questions", "Sources"]) {
    await host.locator(".kg-nav").getByRole("button", { name, exact: true }).click();
  }
  await host.locator(".kg-nav").getByRole("button", { name: "Before", exact: true }).click();
  await host.locator("input.kg-checkbox").first().check();
  const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith("data:"));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => document.cookie), "");
  await context.close();
});

test("when WebAssembly cannot run, the whole guide stays as a document, with the practice's phone", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    delete window.WebAssembly;
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.origin + "/");
  const host = page.locator("kyphoplasty-guide");
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "static");
  // The document replaced the fallback, filled in with the practice's name and phone.
  assert.equal(await page.getByText("needs JavaScript", { exact: false }).isVisible(), false);
  await host.getByText("From Riverside Spine", { exact: false }).waitFor();
  await host.getByRole("button", { name: "Warning signs", exact: true }).first().click();
  assert.equal(await host.getByRole("link", { name: /Call Riverside Spine.*555/ }).getAttribute("href"), "tel:5550100199");
  // One message says why the guide is not interactive.
  assert.equal(errors.filter((e) => /works as a document/.test(e)).length, 1, JSON.stringify(errors));
  await context.close();
});

test("a wasm file altered on its way is refused (Subresource Integrity) and the document stays", async () => {
  const tampering = await startServer({
    body: (path, bytes) => {
      if (!path.endsWith(".wasm")) return bytes;
      const copy = Buffer.from(bytes);
      copy[copy.length - 1] ^= 0xff;
      return copy;
    },
  });
  const page = await browser.newPage();
  await page.goto(tampering.origin + "/");
  await page.waitForFunction(() => document.querySelector("kyphoplasty-guide").getAttribute("data-kg-state") === "static");
  assert.equal(await page.getByText("needs JavaScript", { exact: false }).isVisible(), false);
  assert.equal(await page.evaluate(() => !!document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-mount[data-kg-document] .kg")), true);
  await page.close();
  await tampering.close();
});

test("with neither the document nor the wasm, the practice's fallback stays visible", async () => {
  const page = await browser.newPage();
  await page.route((url) => [at("document-en"), at("document-es"), at("wasm")].includes(url.pathname), (route) => route.abort());
  await page.goto(server.origin + "/");
  await page.waitForTimeout(1000);
  assert.equal(await page.getByText("needs JavaScript", { exact: false }).isVisible(), true);
  assert.equal(await page.getByRole("link", { name: "(555) 010-0199" }).first().isVisible(), true);
  assert.equal(await page.evaluate(() => !!document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")), false);
  await page.close();
});

test("a document altered on its way is refused: nothing of it shows, and the practice's fallback stays", async () => {
  // The document is the guide, and its shell is the loader's: the wasm brings only its
  // islands to life (issue 24), so without a document to trust there is nothing for it
  // to do, and it is not asked for.
  const tampering = await startServer({
    body: (path, bytes) => (path === at("document-en") ? Buffer.from(String(bytes).replace("Overview", "Hacked")) : bytes),
  });
  const page = await browser.newPage();
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(tampering.origin + "/");
  await page.waitForFunction(() => !document.querySelector("kyphoplasty-guide").hasAttribute("data-kg-reserved"));
  await page.waitForFunction(() => !document.querySelector("kyphoplasty-guide")._loading, null, { timeout: 10000 });
  await page.waitForTimeout(500);
  assert.equal(await page.getByText("Hacked").count(), 0);
  assert.equal(await page.evaluate(() => !!document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")), false);
  assert.equal(await page.getByText("needs JavaScript", { exact: false }).isVisible(), true);
  assert.equal(await page.getByRole("link", { name: "(555) 010-0199" }).first().isVisible(), true);
  assert.ok(!requested.includes(at("wasm")), "the wasm is not asked for");
  assert.ok(errors.some((text) => /could not start; showing the fallback content/.test(text)), errors.join("\n"));
  await page.close();
  await tampering.close();
});

test("a document and a text table both altered on their way are refused: nothing of them shows, and the practice's fallback stays", async () => {
  // The wasm carries no text of its own (one language per visitor): with both files
  // refused there is no text to trust, so the practice's fallback stays, never altered words.
  const altered = new Set([at("document-en"), at("text-en")]);
  const tampering = await startServer({
    body: (path, bytes) => (altered.has(path) ? Buffer.from(String(bytes).replace("Overview", "Hacked")) : bytes),
  });
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(tampering.origin + "/");
  await page.waitForFunction(() => !document.querySelector("kyphoplasty-guide").hasAttribute("data-kg-reserved"));
  // The wasm is asked for after an idle moment (up to a second) and then refused.
  await page.waitForFunction(() => !document.querySelector("kyphoplasty-guide")._loading, null, { timeout: 10000 });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => !!document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg")), false);
  assert.equal(await page.getByText("Hacked").count(), 0);
  assert.equal(await page.getByText("needs JavaScript", { exact: false }).isVisible(), true);
  assert.equal(await page.getByRole("link", { name: "(555) 010-0199" }).first().isVisible(), true);
  assert.ok(errors.some((text) => /could not start/.test(text)), errors.join("\n"));
  await page.close();
  await tampering.close();
});

test("the static HTML guide shows the whole guide with no script", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [lang, emergency] of [["en", "Call 911 now if:"], ["es", "Llame al 911 ahora si:"]]) {
    await page.goto(`${server.origin}/guide-${lang}.html`);
    assert.equal(await page.locator("figure.kg-ill").count(), 8);
    assert.equal(await page.locator("script").count(), 0);
    assert.equal(await page.getByText(emergency).isVisible(), true);
  }
  await context.close();
});

test("the page does not jump when the guide appears (the element reserves its space)", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(server.origin + "/");
  await widgetReady(page);
  await page.waitForTimeout(500);
  const shift = await page.evaluate(() => window.layoutShift);
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  assert.equal(await page.evaluate(() => document.querySelector("kyphoplasty-guide").style.minHeight), "", "the reservation is released");
  await page.close();
});

test("served from another origin and folder (a CDN), the loader finds its files next to itself", async () => {
  const cdn = await startServer({ headers: () => ({ "access-control-allow-origin": "*" }) });
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/fixtures/cdn.html?cdn=${encodeURIComponent(cdn.origin)}`);
  const host = await widgetReady(page);
  await host.getByText("Contact Riverside Spine if:", { exact: false }).first().waitFor({ state: "attached" });
  const assets = requests.filter((url) => url.startsWith(cdn.origin)).map((url) => new URL(url).pathname).sort();
  assert.deepEqual(
    assets,
    ["glue", "wasm", "document-en", "rest-en", "text-en", "css"].map((key) => "/assets/v1" + at(key)).concat("/assets/v1/kyphoplasty-guide.js").sort(),
  );
  await page.close();
  await cdn.close();
});

test("the host page receives step, tick and section events", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.guideEvents = [];
    for (const name of ["kyphoplasty-guide:step", "kyphoplasty-guide:tick", "kyphoplasty-guide:section"]) {
      document.addEventListener(name, (e) => window.guideEvents.push({ type: e.type, detail: e.detail }));
    }
  });
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.locator(".kg-nav").getByRole("button", { name: "The procedure" }).click();
  await host.getByRole("button", { name: "Next step" }).click();
  await host.locator(".kg-nav").getByRole("button", { name: "Before", exact: true }).click();
  await host.locator("input.kg-checkbox").first().check();
  const events = await page.evaluate(() => window.guideEvents);
  assert.deepEqual(events.map((e) => e.type), [
    "kyphoplasty-guide:section",
    "kyphoplasty-guide:step",
    "kyphoplasty-guide:section",
    "kyphoplasty-guide:tick",
  ]);
  assert.deepEqual(events[0].detail, { section: "procedure" });
  assert.equal(events[1].detail.step, 2);
  assert.equal(events[1].detail.total, 8);
  assert.equal(events[3].detail.list, "before");
  assert.equal(events[3].detail.checked, true);
  await context.close();
});

test("changing start-step after load opens that step", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/fixtures/plain.html");
  const host = await widgetReady(page);
  await host.locator(".kg-nav").getByRole("button", { name: "The procedure" }).click();
  await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("start-step", "6"));
  await host.locator(".kg-step-title").getByText("Step 6 of 8").waitFor();
  await page.close();
});

test("a practice instruction shows only in the language it was written for", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("driving", "Do not drive for 2 weeks."));
  await host.locator(".kg-nav").getByRole("button", { name: "Aftercare", exact: true }).click();
  // The part shown (the document keeps every part; the others are hidden).
  const body = host.locator(".kg-body:not([hidden])");
  await body.getByText("Do not drive for 2 weeks.").first().waitFor();
  await body.getByText("When your care team says").first().waitFor();
  await chooseLanguage(host, "es");
  await host.getByText("Su guía sobre la cifoplastia con balón").waitFor();
  const spanish = await body.textContent();
  assert.ok(!spanish.includes("Do not drive"), "no English inside the Spanish guide");
  assert.ok(spanish.includes("48 horas"), "the guide's own Spanish wording instead");
  await context.close();
});
