// Trunk post-build step (see Trunk.toml), run on the staging directory:
//  1. joins styles/ into the one stylesheet the shadow root links;
//  2. writes the document of each language (kyphoplasty-guide-en.json, …) and the
//     standalone pages (guide-en.html, …) with the `static-guide` binary, which
//     renders them with the widget's own components;
//  3. strips the loader's comments and indentation (scripts/strip-comments.mjs) and
//     stamps into it the attribute rules of src/embed/attributes.toml and the languages
//     (Lang::ALL: tag, own name, direction);
//  4. names every file the loader loads by its content hash and stamps those names and
//     their Subresource Integrity into the loader (scripts/release.mjs; the glue JS,
//     loaded by dynamic import, cannot carry an integrity check: see SECURITY.md);
//  5. writes custom-elements.json (scripts/manifest.mjs) and copies the release into its
//     version folders, v<major>.<minor>.<patch>/ (pinned) and v<major>/ (moving alias);
//  6. writes `_headers` (how to cache each file: scripts/caching.mjs) and snippet.html
//     (the embed code: pinned, with the loader's integrity hash, and evergreen).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LANGUAGES_SLOT, LOADER, crateVersion, pin, release, sri } from "./release.mjs";
import { headersFile } from "./caching.mjs";
import { stripComments } from "./strip-comments.mjs";
import { MANIFEST, writeManifest } from "./manifest.mjs";

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) {
  console.error("post-build: no TRUNK_STAGING_DIR");
  process.exit(1);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const styles = ["base", "components", "illustration", "visit", "understanding", "print"].map((name) =>
  fs.readFileSync(path.join(root, "styles", `${name}.css`), "utf8"));
fs.writeFileSync(path.join(staging, "kyphoplasty-guide.css"), styles.join("\n"));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kg-"));
const rules = path.join(scratch, "attributes.json");
const languages = path.join(scratch, "languages.json");
execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "static-guide", "--", staging, "--attributes", rules, "--languages", languages], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
});

const loader = path.join(staging, LOADER);
const ATTRIBUTES = "/* __KG_ATTRIBUTES__ */ []";
const source = stripComments(fs.readFileSync(loader, "utf8"));
if (!source.includes(ATTRIBUTES)) {
  console.error(`post-build: the loader lacks ${ATTRIBUTES}`);
  process.exit(1);
}
if (!source.includes(LANGUAGES_SLOT)) {
  console.error(`post-build: the loader lacks ${LANGUAGES_SLOT}`);
  process.exit(1);
}
fs.writeFileSync(loader, source
  .replace(ATTRIBUTES, fs.readFileSync(rules, "utf8"))
  .replace(LANGUAGES_SLOT, fs.readFileSync(languages, "utf8")));

const files = release(staging);
const version = crateVersion(root);
writeManifest(root, staging, version);
const folders = pin(staging, files, version, [MANIFEST]);
fs.writeFileSync(path.join(staging, "_headers"), headersFile(version));

const loaderSri = sri(fs.readFileSync(loader));
const snippet = `<!-- Pinned: this version only (${folders.pinned}/), checked by the browser against its hash. -->
<script src="https://YOUR-SITE/path/${folders.pinned}/${LOADER}"
        integrity="${loaderSri}" crossorigin="anonymous" defer></script>

<!-- Evergreen: every release of major version ${folders.alias.slice(1)} within 5 minutes (no integrity: its bytes change). -->
<script src="https://YOUR-SITE/path/${folders.alias}/${LOADER}" defer></script>

<kyphoplasty-guide practice-name="Your practice" practice-phone="(555) 010-0199"></kyphoplasty-guide>
`;
fs.writeFileSync(path.join(staging, "snippet.html"), snippet);
console.log(`Embed snippets for version ${version} (use one of the two scripts):\n` + snippet);
console.log(`  ${LOADER.padEnd(48)} ${loaderSri}`);
for (const { path: name, integrity } of Object.values(files)) {
  console.log(`  ${name.padEnd(48)} ${integrity}`);
}
