// The illustration read at a glance (../shared/content-notes.md): the fractured body a
// wedge next to its neighbours (front lower than back) and the height the balloon gives
// back visible against the dashed usual height; the needle drawn inside the pedicle,
// not across the spinal canal, with the top view shown whenever a needle is in; every
// label's dot on the part it names, at a phone's width and a desktop's, in both
// languages; labels at least 12 CSS px on screen, inside the picture, never on top of
// each other. Hit-testing in the page (elementsFromPoint), after transitions (reduced motion).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, widgetReady } from "./support.mjs";

const SCENES = ["fracture", "incision", "needle", "balloon", "inflate", "cavity", "cement", "closed"];
// What each label names: the parts (classes) its dot must sit on, in the side view.
const PARTS = {
  disc: [".kg-ill-disc"],
  "vertebral-body": [".kg-ill-vb", ".kg-ill-vb-fill"],
  cortex: [".kg-ill-vb", ".kg-ill-vb-edge"],
  "spongy-bone": [".kg-ill-vb", ".kg-ill-vb-fill"],
  skin: [".kg-ill-skin"],
  pedicle: [".kg-ill-post", ".kg-ill-pedicle-front"],
  "spinal-canal": [".kg-ill-canal"],
  needle: [".kg-ill-shaft", ".kg-ill-handle"],
  balloon: [".kg-ill-balloon-skin"],
  cavity: [".kg-ill-cavity"],
  cement: [".kg-ill-cement"],
  "usual-height": [".kg-ill-usual"],
};

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openStep(page, host, n) {
  await page.evaluate((i) => document.querySelector("kyphoplasty-guide").shadowRoot.querySelectorAll(".kg-step-list button")[i].click(), n - 1);
  await host.locator(`.kg-ill-scene-${SCENES[n - 1]}`).waitFor();
  await page.evaluate(() => document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(".kg-body figure.kg-ill").scrollIntoView({ block: "center" }));
}

/** Each shown label: its dot on its part?, its rendered size, and its text box; and overlaps. */
function checkLabels(page, parts) {
  return page.evaluate((parts) => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const figure = root.querySelector(".kg-body figure.kg-ill");
    const svg = figure.querySelector("svg");
    const scale = svg.getScreenCTM().a;
    const shown = (el) => {
      let opacity = 1;
      for (let n = el; n && n !== svg; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
      return opacity > 0.3;
    };
    const svgBox = svg.getBoundingClientRect();
    // Drawn: in the layout the stylesheet chose (the other layer is display: none).
    const drawn = (el) => {
      for (let n = el; n && n !== svg; n = n.parentElement) if (getComputedStyle(n).display === "none") return false;
      return true;
    };
    const labels = [...svg.querySelectorAll(".kg-ill-label")].filter((g) => drawn(g.querySelector("text")));
    const out = [];
    for (const g of labels) {
      const key = [...g.classList].find((c) => c.startsWith("kg-ill-label-")).slice("kg-ill-label-".length);
      const dot = g.querySelector(".kg-ill-dot").getBoundingClientRect();
      const [cx, cy, r] = [dot.x + dot.width / 2, dot.y + dot.height / 2, dot.width / 2];
      const samples = [[0, 0], ...[...Array(8).keys()].map((i) => [Math.cos(i * Math.PI / 4) * r, Math.sin(i * Math.PI / 4) * r])];
      const hit = samples.some(([dx, dy]) =>
        root.elementsFromPoint(cx + dx, cy + dy).some((el) =>
          !el.closest(".kg-ill-top, .kg-ill-labels") && parts[key].some((sel) => el.matches(sel)) && shown(el)));
      const text = g.querySelector("text");
      const box = text.getBoundingClientRect();
      out.push({
        key,
        text: text.textContent.trim(),
        hit,
        px: parseFloat(getComputedStyle(text).fontSize) * scale,
        inside: box.left >= svgBox.left - 1 && box.right <= svgBox.right + 1 && box.top >= svgBox.top - 1 && box.bottom <= svgBox.bottom + 1,
        box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
      });
    }
    const overlaps = [];
    const texts = [...svg.querySelectorAll(".kg-ill-text")].filter(drawn).map((t) => ({ t: t.textContent.trim(), b: t.getBoundingClientRect() }));
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [a, b] = [texts[i].b, texts[j].b];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(`"${texts[i].t}" and "${texts[j].t}"`);
      }
    }
    return { labels: out, overlaps, width: Math.round(svgBox.width) };
  }, parts);
}

for (const [name, width] of [["320 px", 320], ["390 px", 390], ["desktop", 1280]]) {
  test(`labels (${name}): every dot on the part it names, every label at least 12 CSS px, inside the picture, none on another, every step, both languages`, async (t) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(server.origin + "/");
    const host = await widgetReady(page);
    await host.evaluate((el) => el.shadowRoot.querySelector('.kg-nav-button[data-section="procedure"]').click());
    const problems = [];
    let count = 0;
    for (const lang of ["en", "es"]) {
      if (lang === "es") {
        await page.evaluate(() => document.querySelector("kyphoplasty-guide").setAttribute("lang", "es"));
        await host.locator('section.kg[lang="es"]').waitFor();
      }
      for (let n = 1; n <= 8; n++) {
        await openStep(page, host, n);
        const { labels, overlaps, width: drawn } = await checkLabels(page, PARTS);
        if (n === 1 && lang === "en") t.diagnostic(`picture ${drawn} px wide: ${labels.length} labels at ${labels[0]?.px.toFixed(1)} px`);
        assert.ok(labels.length >= 2, `${lang} step ${n}: labels shown`);
        for (const l of labels) {
          count++;
          if (!l.hit) problems.push(`${lang} step ${n}: "${l.text}" (${l.key}) does not point at its part`);
          if (l.px < 11.95) problems.push(`${lang} step ${n}: "${l.text}" is ${l.px.toFixed(1)} px`);
          if (!l.inside) problems.push(`${lang} step ${n}: "${l.text}" runs out of the picture`);
        }
        for (const o of overlaps) problems.push(`${lang} step ${n}: ${o} overlap`);
      }
    }
    t.diagnostic(`${count} labels checked`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** The middle (treated) body's height at its front and its back, and the lower body's, in SVG units. */
function heights(page) {
  return page.evaluate(() => {
    const root = document.querySelector("kyphoplasty-guide").shadowRoot;
    const svg = root.querySelector(".kg-body figure.kg-ill svg");
    const m = svg.getScreenCTM();
    const at = (x, y) => new DOMPoint(x, y).matrixTransform(m);
    const span = (x, matches) => {
      let top = null;
      let bottom = null;
      for (let y = 20; y <= 340; y += 0.5) {
        const p = at(x, y);
        if (root.elementsFromPoint(p.x, p.y).some(matches)) {
          top ??= y;
          bottom = y;
        }
      }
      return bottom - top;
    };
    // The treated body is drawn in two halves (kg-ill-vb-fill); the lower body is the
    // kg-ill-vb at y 238, below the middle.
    const middle = (el) => el.matches(".kg-ill-vb-fill, .kg-ill-vb-edge");
    const lower = (el) => el.matches(".kg-ill-vb") && !el.closest(".kg-ill-upper, .kg-ill-top") && Number(el.getAttribute("y")) === 238;
    return { front: span(122, middle), back: span(206, middle), lowerFront: span(122, lower), lowerBack: span(206, lower) };
  });
}

test("the fracture is a wedge next to its neighbours, the lift is visible against the usual height, the needle is inside the pedicle", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  const host = await widgetReady(page);
  await host.evaluate((el) => el.shadowRoot.querySelector('.kg-nav-button[data-section="procedure"]').click());
  const opacity = (sel) => page.evaluate((s) => {
    const el = document.querySelector("kyphoplasty-guide").shadowRoot.querySelector(`.kg-body figure ${s}`);
    return Number(getComputedStyle(el).opacity);
  }, sel);
  const seen = {};
  for (let n = 1; n <= 8; n++) {
    await openStep(page, host, n);
    seen[n] = await heights(page);
    const needle = n >= 3 && n <= 7;
    assert.equal((await opacity(".kg-ill-usual")) > 0, n <= 5, `step ${n}: the usual height ${n <= 5 ? "shows" : "is gone"}`);
    assert.equal((await opacity(".kg-ill-top")) > 0, needle, `step ${n}: the top view shows whenever a needle is in`);
    if (needle) {
      // Where the needle crosses the line of the spinal canal, the pedicle is drawn in front of it.
      const front = await page.evaluate(() => {
        const root = document.querySelector("kyphoplasty-guide").shadowRoot;
        const svg = root.querySelector(".kg-body figure.kg-ill svg");
        const p = new DOMPoint(237, 163.8).matrixTransform(svg.getScreenCTM());
        const stack = root.elementsFromPoint(p.x, p.y).filter((el) => !el.closest(".kg-ill-labels") && Number(getComputedStyle(el).opacity) > 0);
        return stack.map((el) => el.getAttribute("class"));
      });
      assert.equal(front[0], "kg-ill-pedicle-front", `step ${n}: ${front.slice(0, 3).join(", ")}`);
      assert.ok(front.indexOf("kg-ill-shaft") < front.indexOf("kg-ill-canal"), `step ${n}: the canal lies behind the needle and the pedicle`);
    }
  }
  const wedge = seen[1];
  const all = JSON.stringify(seen);
  assert.ok(wedge.back - wedge.front >= 20 && wedge.front / wedge.back < 0.7, `step 1: the front is ${wedge.front} units high, the back ${wedge.back}: ${all}`);
  assert.ok(Math.abs(wedge.lowerFront - wedge.lowerBack) < 3, `its neighbour below is not a wedge: ${all}`);
  assert.ok(wedge.back / wedge.lowerBack > 0.88, `at the back it is about as high as its neighbour: ${all}`);
  const lifted = seen[5];
  assert.ok(lifted.front / lifted.back > 0.85 && lifted.front > wedge.front + 15, `step 5: the front rises from ${wedge.front} to ${lifted.front} units`);
  assert.ok(lifted.front < lifted.back, "closer to its usual height, not past it");
  await context.close();
});
