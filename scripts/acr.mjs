// Writes ACR.md, the Accessibility Conformance Report (VPAT 2.5, WCAG edition) that health
// portals' procurement reads, from accessibility/conformance.toml (the level and remarks of
// each criterion: the one source, which ACCESSIBILITY.md must agree with), the W3C's list of
// WCAG criteria (titles, levels, links; carried by the @siteimprove/alfa-wcag package), the
// crate's version (Cargo.toml) and the axe-core version (package.json).
//
//   node scripts/acr.mjs           # writes ACR.md
//   node scripts/acr.mjs --check   # exits 1 if ACR.md is not what this would write
//
// tests/acr.test.mjs checks the result.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { Criteria } from "@siteimprove/alfa-wcag/dist/criterion/data.js";
import { crateVersion } from "./release.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ACR = "ACR.md";
export const DATA = "accessibility/conformance.toml";
/** VPAT 2.5's conformance levels for Level A and AA criteria ("Not Evaluated" is for AAA only). */
export const LEVELS = ["Supports", "Partially Supports", "Does Not Support", "Not Applicable"];
/** 4.1.1 Parsing: in WCAG 2.0 and 2.1, obsolete and removed in 2.2; VPAT 2.5 still lists it. */
export const OBSOLETE = "4.1.1";

const order = (a, b) => {
  const [x, y] = [a.id, b.id].map((id) => id.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/**
 * WCAG 2.2's Level A and AA success criteria, in order, and 4.1.1 (obsolete): { id, title,
 * level, uri, since ("2.0", "2.1" or "2.2": the first version that has it), obsolete }.
 */
export function wcagCriteria() {
  const list = [];
  for (const [id, { title, versions }] of Object.entries(Criteria)) {
    const byVersion = new Map(versions);
    const since = ["2.0", "2.1", "2.2"].find((v) => byVersion.has(v));
    const current = byVersion.get("2.2");
    if (id === OBSOLETE) {
      list.push({ id, title, level: byVersion.get("2.1").level, uri: byVersion.get("2.1").uri, since, obsolete: true });
    } else if (current && (current.level === "A" || current.level === "AA")) {
      list.push({ id, title, level: current.level, uri: current.uri, since, obsolete: false });
    }
  }
  return list.sort(order);
}

/** How VPAT 2.5 names a criterion's level and the versions that have it. */
function levelNote({ level, since, obsolete }) {
  if (obsolete) return `(Level ${level} 2.0 and 2.1; obsolete and removed in 2.2)`;
  return { "2.0": `(Level ${level})`, "2.1": `(Level ${level} 2.1 and 2.2)`, "2.2": `(Level ${level} 2.2 only)` }[since];
}

const cell = (text) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
const code = (file) => `\`${file}\``;

/** One row of a criteria table. */
function row(criterion, entry) {
  const tested = entry.tests?.length ? ` Tested by ${entry.tests.map(code).join(", ")}.` : "";
  const manual = entry.manual ? ` ${entry.manual}` : "";
  const name = `[${criterion.id} ${criterion.title}](${criterion.uri}) ${levelNote(criterion)}`;
  return `| ${name} | ${entry.level} | ${cell(entry.remarks + tested + manual)} |`;
}

/** The report's data: accessibility/conformance.toml, read. */
export function readData(root = ROOT) {
  return parse(fs.readFileSync(path.join(root, DATA), "utf8"));
}

/** The evaluation methods, for the front matter. */
function methods(data, axe) {
  return [
    `- **Automated engine:** axe-core ${axe} (tags \`wcag2a wcag2aa wcag21a wcag21aa wcag22aa best-practice\`), run on the element and its shadow root in every audited state, live and as the document without WebAssembly, in both languages: \`tests/e2e/accessibility-axe.test.mjs\`, \`tests/e2e/compact-nav.test.mjs\`, \`tests/e2e/walkthrough.test.mjs\`, \`tests/e2e/diary.test.mjs\`, \`tests/e2e/static-first.test.mjs\`, \`tests/e2e/accessibility-preferences.test.mjs\`.`,
    "- **Automated checks written for this product**, measured in the browser: reflow at 320 CSS px and with 200% text, text spacing, target sizes, contrast that axe could not decide, the focus indicator of every tab stop, Tab order and keyboard operation, focus not obscured, names and roles from the accessibility tree, live regions, forced colours, reduced motion, dark mode: `tests/e2e/accessibility-*.test.mjs`, `tests/e2e/keyboard.test.mjs`, `tests/e2e/compact-nav.test.mjs`, `tests/e2e/phone-stage.test.mjs`, `tests/e2e/walkthrough.test.mjs`, `tests/e2e/illustration.test.mjs`. Each row below names the files that verify it.",
    `- **Browser:** ${data.browser}. No other browser was tested.`,
    `- **Assistive technology:** ${data.assistive_technology}`,
    `- **Manual checks:** ${data.manual_checks}`,
    "- **To repeat:** `./scripts/test.sh` runs every test; ACCESSIBILITY.md (\"How it is tested\") has the command for the accessibility tests alone.",
  ].join("\n");
}

/** The front matter: product, version, date, description, contact, notes, methods. */
function frontMatter(data, { version, axe, counts }) {
  const summary = LEVELS.filter((l) => counts[l]).map((l) => `${counts[l]} ${l}`).join(", ");
  return `# ${data.product.replace(/ \(.*/, "")}: Accessibility Conformance Report

## WCAG Edition (based on VPAT® Version 2.5)

<!-- Written by scripts/acr.mjs from accessibility/conformance.toml: edit that file (and
ACCESSIBILITY.md, which must agree), then run \`node scripts/acr.mjs\`. -->

**Name of Product/Version:** ${data.product}, version ${version}

**Report Date:** ${data.report_date}

**Product Description:** ${data.description}

**Contact Information:** ${data.contact}

**Notes:** ${data.scope} The reasoning and the defects found for each criterion are in [ACCESSIBILITY.md](ACCESSIBILITY.md). Summary of the ${Object.values(counts).reduce((a, b) => a + b, 0)} rows below: ${summary}.

**Evaluation Methods Used:**

${methods(data, axe)}
`;
}

const STANDARDS = `## Applicable Standards/Guidelines

| Standard/Guideline | Included In Report |
|---|---|
| [Web Content Accessibility Guidelines 2.0](https://www.w3.org/TR/2008/REC-WCAG20-20081211/) | Level A (Yes), Level AA (Yes), Level AAA (No) |
| [Web Content Accessibility Guidelines 2.1](https://www.w3.org/TR/WCAG21/) | Level A (Yes), Level AA (Yes), Level AAA (No) |
| [Web Content Accessibility Guidelines 2.2](https://www.w3.org/TR/WCAG22/) | Level A (Yes), Level AA (Yes), Level AAA (No) |

## Terms

The terms used in the Conformance Level information are defined as follows:

- **Supports**: The functionality of the product has at least one method that meets the criterion without known defects or meets with equivalent facilitation.
- **Partially Supports**: Some functionality of the product does not meet the criterion.
- **Does Not Support**: The majority of product functionality does not meet the criterion.
- **Not Applicable**: The criterion is not relevant to the product.
- **Not Evaluated**: The product has not been evaluated against the criterion. This can only be used in WCAG Level AAA criteria.
`;

const DISCLAIMER = `## Legal Disclaimer

This report describes the version named above, as tested on the report date with the methods
listed; it is not a certification by a third party. "VPAT" is a registered service mark of the
Information Technology Industry Council (ITI).
`;

/** ACR.md's text. `version` and `axe` default to Cargo.toml's and package.json's. */
export function acrText(root = ROOT, data = readData(root)) {
  const version = crateVersion(root);
  const axe = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).devDependencies["axe-core"];
  const entries = new Map(data.criterion.map((c) => [c.id, c]));
  const criteria = wcagCriteria();
  const missing = criteria.filter((c) => !entries.has(c.id)).map((c) => c.id);
  if (missing.length) throw new Error(`${DATA} lacks ${missing.join(", ")}`);
  const counts = {};
  for (const c of criteria) counts[entries.get(c.id).level] = (counts[entries.get(c.id).level] || 0) + 1;
  const table = (level, n) => [
    `### Table ${n}: Success Criteria, Level ${level}`,
    "",
    "| Criteria | Conformance Level | Remarks and Explanations |",
    "|---|---|---|",
    ...criteria.filter((c) => c.level === level).map((c) => row(c, entries.get(c.id))),
  ].join("\n");
  return [
    frontMatter(data, { version, axe, counts }),
    STANDARDS,
    "## WCAG 2.x Report\n\nLevel AAA criteria were not evaluated.\n",
    table("A", 1) + "\n",
    table("AA", 2) + "\n",
    DISCLAIMER,
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(ROOT, ACR);
  const text = acrText();
  if (process.argv.includes("--check")) {
    const same = fs.existsSync(file) && fs.readFileSync(file, "utf8") === text;
    console.log(same ? `${ACR} is up to date` : `${ACR} is out of date: run node scripts/acr.mjs`);
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(file, text);
  console.log(`wrote ${ACR}`);
}
