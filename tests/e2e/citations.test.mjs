// Citations as a screen reader meets them (issue 17): after each paragraph one short
// phrase, "Sources 1, 4", whose links are named by the documents' titles, never a
// list with levels, positions and set sizes. Read from Chromium's own accessibility
// tree (CDP Accessibility.getFullAXTree), which is what assistive technology gets.
// Also: a reference opens the Sources entry and focuses it without changing the host
// page's URL, and the "Show sources" switch is remembered with the ticks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady } from "./support.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The full accessibility tree, with each node's children resolved. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.childIds || []) parent.set(c, n.nodeId);
  const role = (n) => n?.role?.value || "";
  const name = (n) => n?.name?.value || "";
  return { nodes, byId, parent, role, name };
}

/** The phrase a screen reader speaks for a node: its role-bearing parts, flattened. */
function spoken(tree, node) {
  const parts = [];
  const walk = (n) => {
    const r = tree.role(n);
    if (r === "StaticText") {
      if (tree.name(n).replace(/[\s,]/g, "")) parts.push(tree.name(n).trim());
    } else if (r === "link") parts.push(`link ${tree.name(n)}`);
    else if (r && !["generic", "none", "InlineTextBox", "paragraph"].includes(r)) parts.push(r);
    if (r !== "link") for (const c of n.childIds || []) walk(tree.byId.get(c));
  };
  walk(node);
  return parts.join(", ");
}

/** Every citation: the paragraph around each "Source N: title" link. */
function citations(tree) {
  const found = new Map();
  for (const n of tree.nodes) {
    if (tree.role(n) !== "link" || !/^(Source|Fuente) \d+: /.test(tree.name(n))) continue;
    let up = tree.byId.get(tree.parent.get(n.nodeId));
    while (up && tree.role(up) !== "paragraph") up = tree.byId.get(tree.parent.get(up.nodeId));
    assert.ok(up, `${tree.name(n)} is not inside a paragraph`);
    found.set(up.nodeId, up);
  }
  return [...found.values()];
}

test("each paragraph's citation is one short phrase of links named by their titles", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/");
  await widgetReady(page);
  const refs = await page.evaluate(
    () => document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll(".kg-body .kg-refs").length,
  );
  const tree = await axTree(page);
  const cited = citations(tree);
  assert.ok(cited.length >= 8, `${cited.length} citations in the overview`);
  assert.equal(cited.length, refs, "every citation is in the tree");
  for (const paragraph of cited) {
    const phrase = spoken(tree, paragraph);
    assert.match(phrase, /^Sources(, link Source \d+: .+?)+$/, phrase);
    // Whole words: a title such as "Specialist medical procedures" is not a list role.
    assert.doesNotMatch(phrase, /\b(list|level|position|set size)\b/, phrase);
    // Short once the titles (the links' names, there for whoever wants them) are left out.
    const bare = phrase.replace(/: [^,]+(, [^l][^,]*)*(?=, link|$)/g, "");
    assert.ok(bare.length < 120, `${bare.length} characters: ${bare}`);
  }
  // The old citation lists are gone from the whole tree.
  const lists = tree.nodes.filter((n) => tree.role(n) === "list" && spoken(tree, n).startsWith("listitem, 1"));
  assert.equal(lists.length, 0, "no numbered list per citation");
  await page.close();
});

test("a reference opens the Sources entry and focuses it, and the host URL stays", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  const before = page.url();
  const link = host.locator(".kg-body .kg-ref").first();
  const label = await link.getAttribute("aria-label");
  const number = label.match(/^Source (\d+):/)[1];
  await link.click();
  await host.locator(`#kg-source-${number}`).waitFor();
  const focused = await page.evaluate(() => {
    const el = document.querySelector("kyphoplasty-guide").shadowRoot.activeElement;
    return el && el.id;
  });
  assert.equal(focused, `kg-source-${number}`);
  assert.equal(page.url(), before, "the host page's URL did not change");
  const entry = await host.locator(`#kg-source-${number}`).innerText();
  assert.ok(entry.startsWith(label.replace(/^Source \d+: /, "")), entry);
  await page.close();
});

test("'Show sources' hides the references on screen, is remembered, and keeps every tick", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.locator(".kg-nav").getByRole("button", { name: "Aftercare", exact: true }).click();
  await host.locator(".kg-checkbox").first().check();
  const toggle = host.getByRole("button", { name: "Show sources" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  assert.equal(await host.locator(".kg-body .kg-refs").first().isVisible(), false);
  assert.equal(citations(await axTree(page)).length, 0, "no citation left in the reading flow");
  await page.reload();
  const again = await widgetReady(page);
  assert.equal(await again.getByRole("button", { name: "Show sources" }).getAttribute("aria-pressed"), "false");
  await again.locator(".kg-nav").getByRole("button", { name: "Aftercare", exact: true }).click();
  assert.equal(await again.locator(".kg-checkbox").first().isChecked(), true, "the tick survived");
  // The Sources section still lists every document.
  await again.locator(".kg-nav").getByRole("button", { name: "Sources", exact: true }).click();
  assert.ok((await again.locator(".kg-sources li").count()) >= 10);
  await context.close();
});
