// CHANGELOG.md (Keep a Changelog): it has an entry for the version in Cargo.toml (the one the
// build pins in v<version>/), and names everything in the public contract, so an attribute,
// event, part, custom property or loaded file added without an entry fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { publicContract } from "../scripts/manifest.mjs";
import { LOADER, crateLanguages, crateVersion, loadedFiles } from "../scripts/release.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const changelog = fs.readFileSync(path.join(root, "CHANGELOG.md"), "utf8");
const named = (name) => changelog.includes("`" + name + "`");

test("CHANGELOG.md follows Keep a Changelog, with Unreleased first and an entry for Cargo.toml's version", () => {
  assert.match(changelog, /^# Changelog\n/);
  assert.match(changelog, /keepachangelog\.com\/en\/1\.1\.0/);
  const versions = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => ({ version: m[1], date: m[2] }));
  assert.equal(versions[0]?.version, "Unreleased");
  const current = crateVersion(root);
  assert.ok(versions.some((v) => v.version === current && v.date), `an entry "## [${current}] - YYYY-MM-DD"`);
  for (const line of changelog.split("\n").filter((l) => /^### /.test(l))) {
    assert.match(line, /^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/, line);
  }
});

test("it names every attribute, event, part, custom property and file of the public contract", () => {
  const { attributes, element } = publicContract(root);
  const names = [
    ...attributes.map((a) => a.name),
    ...element.event.map((e) => e.name),
    ...element.part.map((p) => p.name),
    ...element.property.map((p) => p.name),
    LOADER,
    ...Object.values(loadedFiles(crateLanguages(root))).map((plain) => plain.replace(/(\.[a-z]+)$/, ".<hash>$1")),
    "custom-elements.json",
  ];
  const missing = names.filter((name) => !named(name));
  assert.deepEqual(missing, [], "CHANGELOG.md should record these");
});
