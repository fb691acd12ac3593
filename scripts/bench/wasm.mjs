// What the wasm is made of: wasm sections (raw / gzip / brotli, from the shipped file),
// and twiggy's view by function and by crate (from a copy that keeps the name section).
//
// The release wasm has no names: Trunk's wasm-opt -Oz drops the name section. So the
// analysis copy is made from the very same cargo artifact Trunk used:
//   wasm-bindgen --target web  <target>/wasm32-unknown-unknown/release/kyphoplasty_guide_core.wasm
//     → analysis/kyphoplasty-guide-core_bg.wasm        (names kept, before wasm-opt)
//   wasm-opt -Oz -g  → analysis/named-opt.wasm           (names kept, optimised like the release)
//   wasm-opt -Oz     → analysis/check.wasm               (must equal the shipped wasm byte for byte)
// twiggy runs on named-opt.wasm: its code and data are the shipped ones plus a name section.
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { gzip, brotli } from "./sizes.mjs";
import { run, log } from "./util.mjs";

const SECTION_NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];

function leb(buf, p) {
  let result = 0;
  let shift = 0;
  let n = 0;
  for (;;) {
    const b = buf[p + n++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, n];
  }
}

/** The sections of a wasm binary, each with raw, gzip and brotli size (compressed alone). */
export function wasmSections(buf) {
  const out = [];
  let p = 8;
  while (p < buf.length) {
    const start = p;
    const id = buf[p++];
    const [size, n] = leb(buf, p);
    p += n;
    let name = SECTION_NAMES[id] || `section ${id}`;
    if (id === 0) {
      const [len, k] = leb(buf, p);
      name = `custom "${buf.subarray(p + k, p + k + len).toString("utf8")}"`;
    }
    const bytes = buf.subarray(start, p + size);
    out.push({ id, name, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes, false), body: buf.subarray(p, p + size) });
    p += size;
  }
  return out;
}

/** Data section: number of segments, and how many bytes sit in runs of text (≥ 24 printable/UTF-8 bytes). */
export function dataText(dataBody) {
  if (!dataBody) return null;
  let p = 0;
  const [count, n] = leb(dataBody, p);
  p += n;
  let bytes = 0;
  let text = 0;
  const texts = [];
  for (let i = 0; i < count; i++) {
    const [flags, f] = leb(dataBody, p);
    p += f;
    if (flags === 2) p += leb(dataBody, p)[1];
    if (flags === 0 || flags === 2) {
      while (dataBody[p] !== 0x0b) p++; // i32.const <leb> end
      p++;
    }
    const [len, l] = leb(dataBody, p);
    p += l;
    const seg = dataBody.subarray(p, p + len);
    p += len;
    bytes += len;
    let runStart = -1;
    for (let j = 0; j <= seg.length; j++) {
      const b = seg[j];
      const ok = j < seg.length && (b === 0x0a || (b >= 0x20 && b < 0x7f) || b >= 0x80);
      if (ok && runStart < 0) runStart = j;
      if (!ok && runStart >= 0) {
        if (j - runStart >= 24) {
          text += j - runStart;
          texts.push(seg.subarray(runStart, j));
        }
        runStart = -1;
      }
    }
  }
  const textBuf = Buffer.concat(texts);
  return { segments: count, bytes, text, textGzip: gzip(textBuf) };
}

// --- crate attribution ----------------------------------------------------------

const STD = new Set(["core", "alloc", "std", "compiler_builtins", "dlmalloc", "hashbrown", "rustc_demangle", "panic_abort", "libm", "__rustc"]);
const COMP = "yew <COMP> generics: per-component lifecycle, with each component's view code inlined";

function stripHashes(name) {
  return name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{8,}\]/g, "");
}

function leadingCrate(s) {
  s = s.replace(/^(&mut |&|\*const |\*mut |dyn |impl |\(|\[)+/, "");
  const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  if (m) return m[1];
  const prim = s.match(/^(bool|char|str|f32|f64|[iu](8|16|32|64|128|size))\b/);
  if (prim) return "core";
  return null;
}

/** Splits "<Self as Trait>::rest" (or "<Self>::rest") at the top level; null if not of that form. */
function qualified(name) {
  if (!name.startsWith("<")) return null;
  let depth = 0;
  let asAt = -1;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "<") depth++;
    else if (c === ">") {
      depth--;
      if (depth === 0) {
        const inner = name.slice(1, i);
        const self = asAt > 0 ? name.slice(1, asAt) : inner;
        const trait = asAt > 0 ? name.slice(asAt + 4, i) : "";
        return { self, trait };
      }
    } else if (depth === 1 && name.startsWith(" as ", i)) asAt = i;
  }
  return null;
}

/** The crate a twiggy item belongs to (a best guess for generic code: see BENCHMARKS.md). */
export function crateOf(rawName) {
  const name = stripHashes(rawName);
  if (/^"[^"]*" subsection$/.test(name)) return "[name section: analysis copy only, not shipped]";
  if (name.startsWith("data segment")) return "[data segments: strings, guide text, tables]";
  if (/^custom section/.test(name)) return "[custom sections: producers, target_features]";
  if (/^(import|export) /.test(name) || /shim/.test(name) || /^__(wbindgen|wbg|externref|instance_terminated)/.test(name) || /^(widget_|mount$|__wbg_)/.test(name))
    return "[wasm-bindgen: imports, exports, shims]";
  if (/^(code|func)\[\d+\]$/.test(name)) return "[unnamed functions]";
  if (/^<?yew::[^ ]*<COMP>/.test(name)) return COMP;
  if (/^__rustc::/.test(name)) return "std";
  if (/^(type|table|elem|global|memory|start)\[/.test(name) || /^(type|table|elem|global)\[/.test(name)) return "[wasm structure: types, tables, globals]";
  const dropGlue = name.match(/^core::ptr::drop_in_place<(.*)>$/);
  if (dropGlue) {
    const c = leadingCrate(dropGlue[1]) || qualified(dropGlue[1])?.self && leadingCrate(qualified(dropGlue[1]).self);
    if (c && !STD.has(c)) return c;
  }
  const q = qualified(name);
  if (q) {
    const selfCrate = leadingCrate(q.self);
    const traitCrate = q.trait ? leadingCrate(q.trait) : null;
    if (selfCrate && !STD.has(selfCrate)) return selfCrate;
    if (traitCrate && !STD.has(traitCrate)) return traitCrate;
    return selfCrate || traitCrate || "[other]";
  }
  const c = leadingCrate(name);
  if (c) return c;
  if (/^(memcpy|memmove|memset|memcmp|round|floor|ceil|fmod|pow|__\w+)$/.test(name)) return "compiler_builtins";
  return "[other]";
}

export function byCrate(items) {
  const m = new Map();
  for (const it of items) {
    const c = crateOf(it.name);
    const e = m.get(c) || { crate: c, bytes: 0, items: 0 };
    e.bytes += it.shallow_size;
    e.items++;
    m.set(c, e);
  }
  return [...m.values()].sort((a, b) => b.bytes - a.bytes);
}

/**
 * The project crate's code by module, from the copy before wasm-opt: after it, much of
 * this code is inlined into Yew's generic functions and no longer carries its name.
 */
export function projectModules(items) {
  const m = new Map();
  for (const it of items) {
    if (crateOf(it.name) !== "kyphoplasty_guide_core") continue;
    let n = stripHashes(it.name);
    const q = n.match(/^<(kyphoplasty_guide_core::[^ >]+)/);
    if (q) n = q[1];
    const parts = n.split("::");
    const key = parts.slice(1, parts[1] === "components" || parts[1] === "embed" || parts[1] === "content" ? 3 : 2).join("::");
    m.set(key, (m.get(key) || 0) + it.shallow_size);
  }
  return [...m.entries()].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Groups of monomorphisations: the same generic function instantiated many times. */
export function genericGroups(items) {
  const m = new Map();
  for (const it of items) {
    const n = stripHashes(it.name);
    if (!/[<]/.test(n) || n.startsWith("data segment")) continue;
    const e = m.get(n) || { name: n, bytes: 0, copies: 0 };
    e.bytes += it.shallow_size;
    e.copies++;
    m.set(n, e);
  }
  return [...m.values()].filter((e) => e.copies > 1).sort((a, b) => b.bytes - a.bytes);
}

// --- tools -------------------------------------------------------------------------

async function have(cmd, env) {
  const r = await run(cmd, ["--version"], { env });
  return r.code === 0 ? r.stdout.trim() || r.stderr.trim() : null;
}

/** twiggy, installed with `cargo install twiggy` if missing (unless install === false). */
export async function ensureTwiggy(env, install) {
  let v = await have("twiggy", env);
  if (v) return { ok: true, version: v };
  if (!install) return { ok: false, why: "twiggy is not installed (and --no-install was given)" };
  log("twiggy not found: `cargo install twiggy` (a few minutes, once)...");
  const r = await run("cargo", ["install", "twiggy"], { env });
  v = await have("twiggy", env);
  if (v) return { ok: true, version: v, installed: true };
  return { ok: false, why: `cargo install twiggy failed: ${(r.stderr || "").trim().split("\n").slice(-3).join(" / ")}` };
}

/**
 * Builds the named analysis copies next to each other in `dir` and runs twiggy.
 * `artifact`: the cargo output Trunk used; `shipped`: the wasm in the bench's dist.
 */
export async function analyze({ root, env, targetDir, dir, shipped, install }) {
  const result = { notes: [] };
  const copies = await namedCopies({ root, env, targetDir, dir, notes: result.notes });
  if (!copies) return result;
  await compareCopies(result, shipped, copies);
  const tw = await ensureTwiggy(env, install);
  result.twiggy = tw;
  if (!tw.ok) {
    result.notes.push(`twiggy unavailable, skipped the function/crate breakdown: ${tw.why}`);
    return result;
  }
  await twiggyBreakdown(result, env, copies);
  return result;
}

/**
 * From the cargo artifact: `wasm-bindgen --target web` (names kept: `preOpt`), then
 * `wasm-opt -Oz -g` (`namedOpt`) and, to check it is the shipped code, `wasm-opt -Oz` (`check`).
 * Null (with a note) when a step fails.
 */
async function namedCopies({ root, env, targetDir, dir, notes }) {
  await fs.mkdir(dir, { recursive: true });
  const artifact = path.join(targetDir, "wasm32-unknown-unknown", "release", "kyphoplasty_guide_core.wasm");
  if (!existsSync(artifact)) {
    log("cargo build --release --target wasm32-unknown-unknown (for the analysis copy)...");
    const b = await run("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown"], { cwd: root, env });
    if (b.code !== 0) {
      notes.push(`cargo build failed; no twiggy analysis:\n${b.stderr.slice(-2000)}`);
      return null;
    }
  }
  const bg = await run("wasm-bindgen", ["--target", "web", "--out-dir", dir, "--out-name", "kyphoplasty-guide-core", artifact], { env });
  if (bg.code !== 0) {
    notes.push(`wasm-bindgen failed; no twiggy analysis: ${bg.stderr.trim()}`);
    return null;
  }
  const copies = { preOpt: path.join(dir, "kyphoplasty-guide-core_bg.wasm"), namedOpt: path.join(dir, "named-opt.wasm"), check: path.join(dir, "check.wasm") };
  log("wasm-opt -Oz (consistency check) and -Oz -g (named copy)...");
  const [o1, o2] = await Promise.all([
    run("wasm-opt", ["-Oz", copies.preOpt, "-o", copies.check], { env }),
    run("wasm-opt", ["-Oz", "-g", copies.preOpt, "-o", copies.namedOpt], { env }),
  ]);
  if (o1.code !== 0 || o2.code !== 0) {
    notes.push(`wasm-opt failed: ${(o1.stderr + o2.stderr).trim()}`);
    return null;
  }
  return copies;
}

/** Sizes of the copies, which have a name section, and whether the unnamed one is the shipped wasm. */
async function compareCopies(result, shipped, { preOpt, namedOpt, check }) {
  const [shippedBuf, checkBuf, namedBuf, preBuf] = await Promise.all([shipped, check, namedOpt, preOpt].map((f) => fs.readFile(f)));
  const hasNames = (buf) => WebAssembly.Module.customSections(new WebAssembly.Module(buf), "name").length > 0;
  result.identical = Buffer.compare(shippedBuf, checkBuf) === 0;
  result.checkSize = checkBuf.length;
  result.namedSize = namedBuf.length;
  result.preOptSize = preBuf.length;
  result.preOptHasNames = hasNames(preBuf);
  result.shippedHasNames = hasNames(shippedBuf);
  if (!result.identical)
    result.notes.push(
      `The analysis copy optimised without names (${checkBuf.length} B) differs from the shipped wasm (${shippedBuf.length} B): ` +
        "the source probably changed between the two builds; the breakdown describes the newer one.",
    );
}

/** twiggy's views of the named copy (cut to fit the report), and the breakdowns by crate, module and generic. */
async function twiggyBreakdown(result, env, { preOpt, namedOpt }) {
  const cut = (s, rows, width = 170) =>
    s
      .split("\n")
      .slice(0, rows)
      .map((l) => ([...l].length > width ? [...l].slice(0, width - 1).join("") + "…" : l))
      .join("\n")
      .trimEnd();
  const [top, dom, monos, all, allPre] = await Promise.all([
    run("twiggy", ["top", "-n", "25", namedOpt], { env }),
    run("twiggy", ["dominators", "-d", "3", "-r", "200", namedOpt], { env }),
    run("twiggy", ["monos", "-m", "8", "-n", "2", namedOpt], { env }),
    run("twiggy", ["top", "-n", "1000000", "-f", "json", namedOpt], { env }),
    run("twiggy", ["top", "-n", "1000000", "-f", "json", preOpt], { env }),
  ]);
  result.top = cut(top.stdout, 40);
  result.dominators = cut(dom.stdout, 30);
  result.monos = cut(monos.stdout, 40);
  try {
    const items = JSON.parse(all.stdout);
    const itemsPre = JSON.parse(allPre.stdout);
    result.crates = byCrate(items);
    result.cratesPre = new Map(byCrate(itemsPre).map((c) => [c.crate, c.bytes]));
    result.modulesPre = projectModules(itemsPre);
    result.generics = genericGroups(items).slice(0, 8);
    result.itemCount = items.length;
  } catch (e) {
    result.notes.push(`could not read twiggy's JSON: ${e}`);
  }
}
