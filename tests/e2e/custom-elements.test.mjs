// dist/custom-elements.json, the Custom Elements Manifest the build writes
// (scripts/manifest.mjs): valid against the schema of the `custom-elements-manifest`
// package, and complete against the places the public contract is written or used:
// src/embed/attributes.toml, README's events and custom-property tables, the event names
// in src/embed/events.rs, the custom properties' defaults in styles/base.css, the loader.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { parse } from "smol-toml";
import { DIST } from "./support.mjs";
import { MANIFEST, SCHEMA_VERSION } from "../../scripts/manifest.mjs";
import { LOADER, crateVersion, versionFolders } from "../../scripts/release.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (...parts) => fs.readFileSync(path.join(root, ...parts), "utf8");
const require = createRequire(import.meta.url);
const schemaFile = require.resolve("custom-elements-manifest/schema.json");

const text = fs.readFileSync(path.join(DIST, MANIFEST), "utf8");
const manifest = JSON.parse(text);
const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.customElement);
const names = (list) => list.map((x) => x.name).sort();

/** The first column's code names (`…`) of the table under README's heading `heading`. */
function readmeTable(heading) {
  const readme = read("README.md");
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has ${heading}`);
  const section = readme.slice(start + heading.length + 2).split(/\n#+ /)[0];
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
}

test("custom-elements.json is valid against the custom-elements-manifest schema", () => {
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(schemaFile), "package.json"), "utf8")).version;
  assert.equal(manifest.schemaVersion, SCHEMA_VERSION);
  assert.equal(version, SCHEMA_VERSION, "the manifest says the version of the schema it is checked against");
  // strict: false only for the schema's own `type: [...]` unions (ajv's strictTypes).
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema, "cem");
  const check = (ref, value) => {
    const validate = ajv.getSchema(`cem${ref}`);
    assert.ok(validate(value), `${ref}: ${JSON.stringify(validate.errors, null, 2)}`);
  };
  check("", manifest);
  // A declaration may match any of the schema's kinds (anyOf, with no additionalProperties),
  // so a plain ClassDeclaration would accept a broken attribute list: check the element
  // against CustomElementDeclaration itself.
  check("#/definitions/CustomElementDeclaration", element);
  check("#/definitions/CustomElementExport", manifest.modules[0].exports[0]);
  const broken = structuredClone(element);
  broken.attributes[0].name = 5;
  assert.equal(ajv.getSchema("cem#/definitions/CustomElementDeclaration")(broken), false, "the schema catches a broken attribute");
});

test("it describes the element the loader defines, at this version", () => {
  assert.equal(element.tagName, "kyphoplasty-guide");
  const loader = read("loader", LOADER);
  assert.match(loader, new RegExp(`class ${element.name} extends HTMLElement`));
  assert.match(loader, /var TAG = "kyphoplasty-guide";/);
  assert.equal(manifest.modules[0].path, LOADER);
  assert.deepEqual(manifest.modules[0].exports, [
    { kind: "custom-element-definition", name: "kyphoplasty-guide", declaration: { name: element.name, module: LOADER } },
  ]);
  assert.match(element.description, new RegExp(`Version ${crateVersion(root).replace(/\./g, "\\.")}\\.`));
});

test("it lists every attribute in attributes.toml, and no other", () => {
  const attributes = parse(read("src", "embed", "attributes.toml")).attribute;
  assert.deepEqual(names(element.attributes), names(attributes));
  for (const a of element.attributes) assert.ok(a.description.length > 20 && a.type.text, a.name);
});

test("it lists every event in README's events table and in src/embed/events.rs, and no other", () => {
  const events = names(element.events);
  assert.deepEqual(events, readmeTable("### Events"));
  const sent = [...read("src", "embed", "events.rs").matchAll(/=> "(kyphoplasty-guide:[a-z-]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(events, sent);
  for (const e of element.events) assert.match(e.type.text, /^CustomEvent<\{ .+ \}>$/, e.name);
});

test("it lists the slot, the CSS part and README's custom properties with the stylesheet's defaults", () => {
  assert.deepEqual(names(element.slots), [""]);
  assert.deepEqual(names(element.cssParts), ["kg-title"]);
  assert.match(read("README.md"), /::part\(kg-title\)/);
  assert.match(read("src", "components", "shell", "header.rs"), /part="kg-title"/);
  assert.deepEqual(names(element.cssProperties), readmeTable("### Styling"));
  const css = read("styles", "base.css");
  for (const p of element.cssProperties) assert.ok(css.includes(`${p.name}: ${p.default};`), `styles/base.css sets ${p.name}: ${p.default}`);
});

test("each version folder carries the same manifest beside its loader", () => {
  for (const folder of Object.values(versionFolders(crateVersion(root)))) {
    assert.equal(fs.readFileSync(path.join(DIST, folder, MANIFEST), "utf8"), text, folder);
  }
});
