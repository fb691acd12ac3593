// The release step of the build: names every file the loader loads by the hash of its
// content, and stamps those names and their Subresource Integrity into the loader.
// scripts/post-build.mjs runs it on Trunk's staging directory; tests/e2e/releases.test.mjs
// runs it again on altered files to make a second release.
//
// So a release changes the bytes of one name only, the loader's; every other file of a
// release is new beside the previous release's files, which a host keeps for pages that
// still run the previous loader (README, "Serving the files"). A name never gets other
// bytes, which is what lets hosts cache it for a year (scripts/caching.mjs).
//
// It then copies the release into two version folders (pin()): `v<major>.<minor>.<patch>/`,
// which never changes, for pages that pin one version with `integrity` on their script tag,
// and `v<major>/`, a moving alias. The root loader stays where it always was.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The loader: the one public, stable name (a practice links it). */
export const LOADER = "kyphoplasty-guide.js";

/**
 * What the loader loads for every language, by its key in the loader's FILES table,
 * under the name the build gives it before hashing. The wasm comes before the glue,
 * which names it.
 */
export const SHARED = {
  wasm: "kyphoplasty-guide-core_bg.wasm",
  glue: "kyphoplasty-guide-core.js",
  css: "kyphoplasty-guide.css",
};

/**
 * Everything the loader loads: SHARED, and each language's document (its head and its
 * rest, see src/document/split.rs) and text table.
 * `tags` are the languages stamped into the loader (the Rust list, see loaderLanguages).
 */
export function loadedFiles(tags) {
  const files = { ...SHARED };
  for (const tag of tags) {
    files[`document-${tag}`] = `kyphoplasty-guide-${tag}.json`;
    files[`rest-${tag}`] = `kyphoplasty-guide-rest-${tag}.json`;
    files[`text-${tag}`] = `kyphoplasty-guide-text-${tag}.json`;
  }
  return files;
}

// In the loader: `var LANGUAGES = /* __KG_LANGUAGES__ */ [{"tag":"en",…},…];`, stamped
// by scripts/post-build.mjs from the static-guide binary's list (Lang::ALL).
export const LANGUAGES_SLOT = "/* __KG_LANGUAGES__ */ []";

/** The guide's languages as the build reads them (build/content.rs `LANGS`), for checks made before a build. */
export function crateLanguages(root) {
  const m = fs.readFileSync(path.join(root, "build", "content.rs"), "utf8").match(/^pub const LANGS: &\[&str\] = &\[([^\]]*)\];$/m);
  if (!m) throw new Error("build/content.rs has no LANGS list");
  return [...m[1].matchAll(/"([^"]+)"/g)].map((tag) => tag[1]);
}

/** The language tags stamped into a built loader's text. */
export function loaderLanguages(text) {
  const m = text.match(/var LANGUAGES = (?:\/\* __KG_LANGUAGES__ \*\/ )?(\[.*\]);$/m);
  if (!m) throw new Error("the loader has no LANGUAGES list");
  return JSON.parse(m[1]).map((language) => language.tag);
}

/** Hex digits of the content's SHA-384 in a name: 64 bits, far more than releases will ever need. */
export const HASH_LENGTH = 16;

const digest = (bytes) => crypto.createHash("sha384").update(bytes).digest();
export const sri = (bytes) => "sha384-" + digest(bytes).toString("base64");

/** `kyphoplasty-guide.css` and its bytes → `kyphoplasty-guide.<first 16 hex digits of their SHA-384>.css` */
export function hashedName(plain, bytes) {
  const ext = path.extname(plain);
  return `${plain.slice(0, -ext.length)}.${digest(bytes).toString("hex").slice(0, HASH_LENGTH)}${ext}`;
}

/** Matches `plain` and any hashed name made from it (a file that went through a release before). */
export function anyName(plain) {
  const ext = path.extname(plain);
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${esc(plain.slice(0, -ext.length))}(?:\\.[0-9a-f]{${HASH_LENGTH}})?${esc(ext)}`, "g");
}

// In the loader: `var FILES = /* __KG_FILES__ */ {…};`. The marker stays after stamping,
// so a stamped loader can be stamped again (the second release in the tests).
const FILES_SLOT = /(\/\* __KG_FILES__ \*\/ )\{.*\}(?=;$)/m;

/** The FILES table stamped into a built loader's text (also reads a loader built before the marker was kept). */
export function loaderFiles(text) {
  const m = text.match(/var FILES = (?:\/\* __KG_FILES__ \*\/ )?(\{.*\});$/m);
  if (!m) throw new Error("the loader has no FILES table");
  return JSON.parse(m[1]);
}

/**
 * Renames the loaded files (loadedFiles, for the languages stamped into `dir`'s loader) in `dir` (under their plain names) to their hashed names,
 * points the glue at the hashed wasm and the standalone pages (guide-*.html, and the
 * evidence packs evidence-*.html) at the hashed stylesheet, and stamps the names and
 * integrity hashes into `dir`'s loader.
 * Returns the FILES table. No plain name is left behind: anything that linked one would
 * get bytes that change under a name cached for a year.
 */
export function release(dir) {
  const files = {};
  const renamed = {}; // plain name → hashed name
  const loaded = loadedFiles(loaderLanguages(fs.readFileSync(path.join(dir, LOADER), "utf8")));
  for (const [key, plain] of Object.entries(loaded)) {
    const from = path.join(dir, plain);
    let bytes = fs.readFileSync(from);
    if (key === "glue") {
      // wasm-bindgen's default `new URL("…_bg.wasm", import.meta.url)`: the loader
      // always passes the wasm it fetched with integrity, but nothing may name a file
      // that is not there.
      bytes = Buffer.from(bytes.toString("utf8").replace(anyName(SHARED.wasm), renamed[SHARED.wasm]));
    }
    const name = hashedName(plain, bytes);
    fs.writeFileSync(path.join(dir, name), bytes);
    if (name !== plain) fs.rmSync(from);
    renamed[plain] = name;
    files[key] = { path: name, integrity: sri(bytes) };
  }
  for (const page of fs.readdirSync(dir).filter((f) => /^(guide|evidence)-[A-Za-z-]+\.html$/.test(f))) {
    const file = path.join(dir, page);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(anyName(SHARED.css), renamed[SHARED.css]));
  }
  const loader = path.join(dir, LOADER);
  const source = fs.readFileSync(loader, "utf8");
  if (!FILES_SLOT.test(source)) throw new Error("release: the loader lacks /* __KG_FILES__ */ {…}");
  fs.writeFileSync(loader, source.replace(FILES_SLOT, (_, marker) => marker + JSON.stringify(files)));
  return files;
}

// ---------------------------------------------------------------- version folders

/** The crate's version (Cargo.toml's `version`, major.minor.patch): it names a release's folders. */
export function crateVersion(root) {
  const m = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8").match(/^version = "(\d+\.\d+\.\d+)"$/m);
  if (!m) throw new Error("Cargo.toml has no version = \"major.minor.patch\"");
  return m[1];
}

/**
 * `0.1.0` → the folders a release also writes its files into: `pinned`, `v0.1.0/`, whose
 * files never change (cached for a year, loader included, so a page can put `integrity` on
 * its script tag and keep it), and `alias`, `v0/`, which each release of that major
 * version overwrites (its loader cached like the root one).
 */
export const versionFolders = (version) => ({ pinned: `v${version}`, alias: `v${version.split(".")[0]}` });

/**
 * Copies the loader, the files it loads (`files`, release()'s table) and `extra` (names in
 * `dir`, such as the manifest) into both version folders of `dir`. The loader finds its
 * files beside itself (its own URL), so each copy loads the files of its own folder;
 * its bytes are the root loader's, so all three have one integrity hash.
 */
export function pin(dir, files, version, extra = []) {
  const names = [LOADER, ...Object.values(files).map((f) => f.path), ...extra];
  const folders = versionFolders(version);
  for (const folder of Object.values(folders)) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    for (const name of names) fs.copyFileSync(path.join(dir, name), path.join(dir, folder, name));
  }
  return folders;
}
