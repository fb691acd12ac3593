// The evidence pack (issue 23): evidence-en.html and evidence-es.html, built beside the
// standalone guides, list every statement of the guide with the passages it rests on,
// so a practice's clinician can review the whole guide in one sitting. Each citation is
// a <cite> naming the document, then its section and the passage's first words; a
// public document's citation links to the passage itself (a text fragment).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, axeAudit, describeViolations, AXE_TAGS } from "./support.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the pack shows: its statements, and for each its citations. */
function readPack(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".kg-evidence-list > li")].map((li) => ({
      key: li.dataset.key,
      text: li.querySelector(":scope > p:not(.kg-evidence-label)")?.textContent || "",
      cites: [...li.querySelectorAll(".kg-evidence-cites > li")].map((c) => ({
        document: c.querySelector("cite")?.textContent || "",
        line: c.textContent,
        href: c.querySelector("a")?.getAttribute("href") || null,
      })),
    })),
  );
}

for (const lang of ["en", "es"]) {
  test(`evidence-${lang}.html lists every statement with a cited passage, linked where public`, async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.origin}/evidence-${lang}.html`);
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    const pack = await readPack(page);
    assert.ok(pack.length > 100, `only ${pack.length} statements`);
    const keys = pack.map((s) => s.key);
    for (const key of ["warnings/fever", "intro/key-point/emergency", "steps/needle"]) {
      assert.ok(keys.some((k) => k === key || k.startsWith(key)), `${key} missing`);
    }
    for (const statement of pack) {
      assert.ok(statement.text.trim(), `${statement.key} has no text`);
      assert.ok(!/\{[a-z_]+\}/.test(statement.text), `${statement.key} shows a placeholder`);
      assert.ok(statement.cites.length > 0, `${statement.key} cites nothing`);
      for (const cite of statement.cites) {
        assert.ok(cite.document.trim(), `${statement.key}: a citation names no document`);
        assert.match(cite.line, /[“«].+…/, `${statement.key}: no passage words in "${cite.line}"`);
        if (cite.href) assert.match(cite.href, /^https:\/\/[^#]+#:~:text=[^,]+,[^,]+$/, cite.href);
      }
    }
    const linked = pack.flatMap((s) => s.cites).filter((c) => c.href).length;
    assert.ok(linked > 20, `only ${linked} citations link to a public passage`);
    const results = await axeAudit(page, AXE_TAGS, "main");
    assert.equal(describeViolations([{ state: `evidence-${lang}`, ...results }]), "");
    await page.close();
  });
}

test("the two packs hold the same statements, since the languages share their evidence", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/evidence-en.html`);
  const en = await readPack(page);
  await page.goto(`${server.origin}/evidence-es.html`);
  const es = await readPack(page);
  assert.deepEqual(es.map((s) => s.key), en.map((s) => s.key));
  assert.deepEqual(es.map((s) => s.cites.map((c) => c.href)), en.map((s) => s.cites.map((c) => c.href)));
  await page.close();
});
