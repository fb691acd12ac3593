// Trunk post-build step (see Trunk.toml), run on the staging directory:
//  1. joins styles/ into the one stylesheet the shadow root links;
//  2. writes the document of each language (kyphoplasty-guide-en.json, …) and the
//     standalone pages (guide-en.html, …) with the `static-guide` binary, which
//     renders them with the widget's own components;
//  3. stamps into the loader the name and Subresource Integrity of every file it
//     loads (the glue JS, loaded by dynamic import, cannot carry one: see
//     SECURITY.md) and the attribute rules of src/embed/attributes.toml;
//  4. writes snippet.html: the embed code with the loader's own integrity hash.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) {
  console.error("post-build: no TRUNK_STAGING_DIR");
  process.exit(1);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const sri = (file) => "sha384-" + crypto.createHash("sha384").update(fs.readFileSync(file)).digest("base64");

const styles = ["base", "components", "illustration", "print"].map((name) =>
  fs.readFileSync(path.join(root, "styles", `${name}.css`), "utf8"));
const css = path.join(staging, "kyphoplasty-guide.css");
fs.writeFileSync(css, styles.join("\n"));

const rules = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kg-")), "attributes.json");
execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "static-guide", "--", staging, "--attributes", rules], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
});

const loaded = {
  glue: "kyphoplasty-guide-core.js",
  wasm: "kyphoplasty-guide-core_bg.wasm",
  css: "kyphoplasty-guide.css",
  "document-en": "kyphoplasty-guide-en.json",
  "document-es": "kyphoplasty-guide-es.json",
};
const files = Object.fromEntries(
  Object.entries(loaded).map(([key, name]) => [key, { path: name, integrity: sri(path.join(staging, name)) }]),
);
const loader = path.join(staging, "kyphoplasty-guide.js");
const source = fs.readFileSync(loader, "utf8");
for (const marker of ["/* __KG_FILES__ */ {}", "/* __KG_ATTRIBUTES__ */ []"]) {
  if (!source.includes(marker)) {
    console.error(`post-build: the loader lacks ${marker}`);
    process.exit(1);
  }
}
const stamped = source
  .replace("/* __KG_FILES__ */ {}", JSON.stringify(files))
  .replace("/* __KG_ATTRIBUTES__ */ []", fs.readFileSync(rules, "utf8"));
fs.writeFileSync(loader, stamped);

const snippet = `<script src="https://YOUR-SITE/path/kyphoplasty-guide.js" integrity="${sri(loader)}" crossorigin="anonymous" defer></script>
<kyphoplasty-guide practice-name="Your practice" practice-phone="(555) 010-0199"></kyphoplasty-guide>
`;
fs.writeFileSync(path.join(staging, "snippet.html"), snippet);
console.log("Embed snippet (with Subresource Integrity for this build):\n" + snippet);
for (const file of ["kyphoplasty-guide.js", ...Object.values(loaded)]) {
  console.log(`  ${file.padEnd(32)} ${sri(path.join(staging, file))}`);
}
