// ACR.md, the Accessibility Conformance Report (VPAT 2.5, WCAG edition): every WCAG 2.2
// Level A and AA success criterion has a row with a conformance level, the file is what
// scripts/acr.mjs writes from accessibility/conformance.toml, the remarks name test files
// that exist, and ACCESSIBILITY.md's success-criteria tables say the same levels.
// The list of criteria is the W3C's, from the @siteimprove/alfa-wcag package (not typed here).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ACR, DATA, LEVELS, OBSOLETE, ROOT, acrText, readData, wcagCriteria } from "../scripts/acr.mjs";

const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");
const criteria = wcagCriteria();
const data = readData();

test("the W3C list has WCAG 2.2's 31 Level A and 24 Level AA criteria, and 4.1.1", () => {
  const live = criteria.filter((c) => !c.obsolete);
  assert.equal(live.filter((c) => c.level === "A").length, 31);
  assert.equal(live.filter((c) => c.level === "AA").length, 24);
  assert.deepEqual(criteria.filter((c) => c.obsolete).map((c) => c.id), [OBSOLETE]);
  for (const id of ["2.4.11", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8"]) assert.ok(live.some((c) => c.id === id && c.since === "2.2"), id);
});

test("ACR.md has a row with a conformance level for every WCAG 2.2 A and AA criterion, and 4.1.1 noted obsolete", () => {
  const rows = new Map();
  for (const m of read(ACR).matchAll(/^\| \[(\d+\.\d+\.\d+) ([^\]]+)\]\(([^)]+)\) \(Level (A|AA)\b([^)]*)\) \| ([^|]+) \|/gm)) {
    assert.ok(!rows.has(m[1]), `one row for ${m[1]}`);
    rows.set(m[1], { title: m[2], uri: m[3], level: m[4], note: m[5], conformance: m[6].trim() });
  }
  for (const c of criteria) {
    const row = rows.get(c.id);
    assert.ok(row, `ACR.md has ${c.id} ${c.title}`);
    assert.equal(row.title, c.title, c.id);
    assert.equal(row.level, c.level, `${c.id} is Level ${c.level}`);
    assert.ok(LEVELS.includes(row.conformance), `${c.id}: "${row.conformance}" is a VPAT conformance level`);
  }
  assert.equal(rows.size, criteria.length, "no row for anything else");
  assert.match(rows.get(OBSOLETE).note, /obsolete and removed in 2\.2/);
  assert.match(read(ACR), /\*\*Name of Product\/Version:\*\*.*version \d+\.\d+\.\d+/);
  assert.match(read(ACR), /\*\*Report Date:\*\* \d{4}-\d{2}-\d{2}/);
  assert.match(read(ACR), /\*\*Assistive technology:\*\* None\./, "says honestly that no assistive technology was used (change it when one is)");
});

test("ACR.md is what scripts/acr.mjs writes from accessibility/conformance.toml (run node scripts/acr.mjs)", () => {
  assert.equal(read(ACR), acrText());
});

test("every entry names a known criterion once, a level, and test files that exist or a manual check", () => {
  const known = new Set(criteria.map((c) => c.id));
  const seen = new Set();
  for (const entry of data.criterion) {
    assert.ok(known.has(entry.id), `${DATA}: ${entry.id} is a WCAG 2.2 A or AA criterion`);
    assert.ok(!seen.has(entry.id), `${DATA}: ${entry.id} once`);
    seen.add(entry.id);
    assert.ok(LEVELS.includes(entry.level), `${entry.id}: ${entry.level}`);
    assert.ok(entry.remarks?.length > 10, `${entry.id} has remarks`);
    for (const file of entry.tests || []) assert.ok(fs.existsSync(path.join(ROOT, file)), `${entry.id}: ${file} exists`);
    if (entry.level !== "Not Applicable" && entry.id !== OBSOLETE) {
      assert.ok(entry.tests?.length || entry.manual, `${entry.id}: a claim names its tests, or says how it was checked`);
    }
  }
});

/** ACCESSIBILITY.md's "Success criteria" rows: each criterion's level column and status. */
function accessibilityMd() {
  const text = read("ACCESSIBILITY.md");
  const section = text.slice(text.indexOf("\n## Success criteria\n")).split(/\n## (?!#)/)[1];
  const found = new Map();
  for (const m of section.matchAll(/^\| (\d[^|]*) \| ([^|]+) \| ([^|]+) \|/gm)) {
    const ids = m[1].split(" / ").map((part) => part.match(/^(\d+\.\d+\.(?:\d+|x))/)[1]);
    const levels = m[2].trim().split("/");
    const statuses = m[3].trim().split(" / ");
    ids.forEach((id, i) => {
      const expand = id.endsWith(".x") ? criteria.filter((c) => !c.obsolete && c.id.startsWith(id.slice(0, -1))).map((c) => c.id) : [id];
      for (const one of expand) {
        assert.ok(!found.has(one), `ACCESSIBILITY.md lists ${one} once`);
        const level = expand.length > 1 ? null : levels.length === ids.length ? levels[i] : levels[0];
        found.set(one, { level, status: statuses.length === ids.length ? statuses[i] : statuses[0] });
      }
    });
  }
  return found;
}

/** ACCESSIBILITY.md's status words → the VPAT levels they may stand for. */
function vpatLevels(status) {
  if (/^Meets\b/.test(status)) return ["Supports"];
  if (/^N\/A\b/.test(status)) return ["Not Applicable"];
  if (/^Does not yet meet\b/.test(status)) return ["Partially Supports", "Does Not Support"];
  assert.fail(`ACCESSIBILITY.md: unknown status "${status}"`);
}

test("ACCESSIBILITY.md lists every criterion with the same level as accessibility/conformance.toml", () => {
  const doc = accessibilityMd();
  const entries = new Map(data.criterion.map((c) => [c.id, c]));
  for (const c of criteria.filter((x) => !x.obsolete)) {
    const row = doc.get(c.id);
    assert.ok(row, `ACCESSIBILITY.md has a row for ${c.id} ${c.title}`);
    if (row.level) assert.equal(row.level, c.level, `ACCESSIBILITY.md: ${c.id} is Level ${c.level}`);
    const allowed = vpatLevels(row.status);
    assert.ok(allowed.includes(entries.get(c.id).level), `${c.id}: ACCESSIBILITY.md says "${row.status}", ${DATA} says "${entries.get(c.id).level}"`);
  }
  assert.deepEqual([...doc.keys()].filter((id) => !entries.has(id)), [], "nothing in ACCESSIBILITY.md that the ACR lacks");
});
