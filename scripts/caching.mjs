// How the files in dist/ are cached: one set of rules for the `_headers` file the build
// writes (Netlify / Cloudflare Pages format) and the demo, test and benchmark server
// (tests/e2e/support.mjs), so the tests exercise what a host is told to send.
//
//  - The loader keeps its public name, so it is cached briefly and then revalidated (the
//    servers send an ETag; a host's usually does too): a release reaches every page
//    within LOADER_MAX_AGE, and a repeat visit costs one conditional request (304).
//  - What it loads is named by its content (scripts/release.mjs): a name never gets new
//    bytes, so it is cached for a year, `immutable` (not revalidated even on reload).
//  - The standalone pages (guide-*.html) link the hashed stylesheet: cached like the loader.
//  - Anything else (the demo page and its own files) is revalidated on every use.
//  - The version folders (scripts/release.mjs): `v<major>/` as the root; everything in
//    `v<major>.<minor>.<patch>/` for a year, as its files never change.
import { SHARED, LOADER, versionFolders } from "./release.mjs";

export const LOADER_MAX_AGE = 300;
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";
export const shortCache = (seconds = LOADER_MAX_AGE) => `public, max-age=${seconds}`;

/** `kyphoplasty-guide.css` → `/kyphoplasty-guide.*.css`: every hashed name of it and nothing else (one splat, as Cloudflare allows). */
const hashedPattern = (plain) => "/" + plain.replace(/(\.[a-z]+)$/, ".*$1");

/**
 * The rules for the root of dist/, most specific first. No path matches two rules: hosts
 * that read `_headers` apply every matching rule and join repeated headers with a comma.
 * `short` rules use the loader's lifetime (shortened by the tests and the bench only).
 */
export const RULES = [
  { path: "/" + LOADER, short: true, cors: true, why: "The loader: its name never changes, so a short cache, then revalidation." },
  ...Object.values(SHARED).map((plain, i) => ({
    path: hashedPattern(plain),
    cache: IMMUTABLE,
    cors: true,
    why: i === 0 ? "Named by their content (a new release adds new names): cached for a year." : null,
  })),
  // Every language's document and text table (kyphoplasty-guide-<lang>.<hash>.json,
  // kyphoplasty-guide-text-<lang>.<hash>.json): one rule, so a language added to the
  // guide needs no new line here. The release leaves no unhashed .json of these names.
  { path: "/kyphoplasty-guide-*.json", cache: IMMUTABLE, cors: true, why: null },
  { path: "/guide-*.html", short: true, why: "The standalone guide pages: stable names, they link the hashed stylesheet." },
];

/**
 * The rules of a release of `version` (scripts/release.mjs, versionFolders): the root's,
 * the same for the embed files in `v<major>/` (a moving alias: its loader changes with each
 * release), and everything in `v<major>.<minor>.<patch>/` cached for a year, loader
 * included: that folder's files never change, so a page can pin its loader with `integrity`.
 */
export function rules(version) {
  const { pinned, alias } = versionFolders(version);
  const embed = RULES.filter((rule) => rule.cors);
  return [
    ...RULES,
    ...embed.map((rule, i) => ({
      ...rule,
      path: `/${alias}${rule.path}`,
      why: i === 0 ? `The moving alias ${alias}/: the next release of major version ${alias.slice(1)} overwrites its loader.` : null,
    })),
    { path: `/${pinned}/*`, cache: IMMUTABLE, cors: true, why: `This version, ${pinned}/: its files never change, the loader included.` },
  ];
}

const regex = (glob) => new RegExp("^" + glob.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$");
const compiled = new Map();
/** The rules that apply to `urlPath`: those of the version its folder names (any version, for the servers). */
function matching(urlPath) {
  const folder = urlPath.match(/^\/v(\d+)(\.\d+\.\d+)?\//);
  const version = folder ? folder[1] + (folder[2] || ".0.0") : "0.0.0";
  if (!compiled.has(version)) compiled.set(version, rules(version).map((rule) => ({ ...rule, re: regex(rule.path) })));
  return compiled.get(version).filter((rule) => rule.re.test(urlPath));
}

/**
 * The Cache-Control for `urlPath` (a path from the root of dist/), as a host applying
 * `_headers` would send it: every matching rule (there is at most one), else no-cache.
 */
export function cacheControl(urlPath, { loaderMaxAge = LOADER_MAX_AGE } = {}) {
  const values = matching(urlPath).map((r) => (r.short ? shortCache(loaderMaxAge) : r.cache));
  return values.length ? values.join(", ") : REVALIDATE;
}

/** Whether `_headers` gives `urlPath` `Access-Control-Allow-Origin: *` (the files a page on another origin loads). */
export const corsAllowed = (urlPath) => matching(urlPath).some((rule) => rule.cors);

/** The `_headers` file of a release of `version`: paths from the site root (README says how to serve from a folder). */
export function headersFile(version) {
  const lines = [
    "# Cache headers for the kyphoplasty guide (Netlify / Cloudflare Pages format), written by the build.",
    "# Paths are from the site root: serving these files from a folder, put it in front of each path",
    "# (/kyphoplasty-guide.js becomes /your/folder/kyphoplasty-guide.js). Keep the previous release's",
    "# hashed files beside the new ones, and its version folder with its lines below (README, \"Serving the files\").",
  ];
  for (const rule of rules(version)) {
    if (rule.why) lines.push("", `# ${rule.why}`);
    lines.push(rule.path, `  Cache-Control: ${rule.short ? shortCache() : rule.cache}`);
    if (rule.cors) lines.push("  Access-Control-Allow-Origin: *");
  }
  return lines.join("\n") + "\n";
}
