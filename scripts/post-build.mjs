// Trunk post-build step (see Trunk.toml), run on the staging directory:
//  1. joins styles/ into the one stylesheet the shadow root links;
//  2. writes Subresource Integrity hashes of the wasm and the stylesheet into the
//     loader, which fetches both with `integrity` (the glue JS, loaded by dynamic
//     import, cannot carry one: see SECURITY.md);
//  3. writes snippet.html: the embed code with the loader's own integrity hash.
import crypto from "node:crypto";
import fs from "node:fs";
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

const loader = path.join(staging, "kyphoplasty-guide.js");
const stamped = fs
  .readFileSync(loader, "utf8")
  .replace("__KG_WASM_INTEGRITY__", sri(path.join(staging, "kyphoplasty-guide-core_bg.wasm")))
  .replace("__KG_CSS_INTEGRITY__", sri(css));
fs.writeFileSync(loader, stamped);

const snippet = `<script src="https://YOUR-SITE/path/kyphoplasty-guide.js" integrity="${sri(loader)}" crossorigin="anonymous" defer></script>
<kyphoplasty-guide practice-name="Your practice" practice-phone="(555) 010-0199"></kyphoplasty-guide>
`;
fs.writeFileSync(path.join(staging, "snippet.html"), snippet);
console.log("Embed snippet (with Subresource Integrity for this build):\n" + snippet);
for (const file of ["kyphoplasty-guide.js", "kyphoplasty-guide-core.js", "kyphoplasty-guide-core_bg.wasm", "kyphoplasty-guide.css"]) {
  console.log(`  ${file.padEnd(32)} ${sri(path.join(staging, file))}`);
}
