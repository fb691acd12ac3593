// No function in scripts/ runs over LIMIT lines without a reason written beside it
// (issue 16): a comment line directly above the function, or above its doc comment,
// that starts `// Long:` and says why. tests/function_length.rs does the same for src/
// and build/. The loader (loader/kyphoplasty-guide.js) is listed too, but does not fail
// the test: it is one function that wraps the whole file, a public contract.
//
// Counted: function declarations, function expressions, arrow functions and methods
// (getters and setters too), from the line of their head (`export async function …`,
// `const name = (…) =>`, `static method(…)`) to their last line. Code at the top level
// of a module is not in any function and is not counted.
//
//   node --test tests/function_length.test.mjs    (prints the list either way;
//   FUNCTION_LENGTH_TOP=30 lists 30 functions at least, as the Rust test does)
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as acorn from "acorn";
import * as walk from "acorn-walk";

/** About 60 lines: what fits on a screen, so a reader sees a function whole. */
const LIMIT = 60;
/** How many of the longest functions the report lists at least, unless FUNCTION_LENGTH_TOP says another number. */
const TOP = Number(process.env.FUNCTION_LENGTH_TOP) || 10;
const MARK = "// Long:";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const FUNCTIONS = ["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"];
/** A function that is the value of one of these is written as part of it: its head starts there. */
const HEADS = new Set(["MethodDefinition", "Property", "PropertyDefinition", "VariableDeclarator", "VariableDeclaration", "ExportNamedDeclaration", "ExportDefaultDeclaration"]);

function parse(source, file) {
  const options = { ecmaVersion: "latest", locations: true, allowHashBang: true };
  try {
    return acorn.parse(source, { ...options, sourceType: "module" });
  } catch {
    try {
      return acorn.parse(source, { ...options, sourceType: "script" });
    } catch (e) {
      throw new Error(`${file}: cannot parse: ${e.message}`);
    }
  }
}

/** What a reader would call the function: its own name, or what it is assigned to or passed to. */
function nameOf(fn, ancestors, source) {
  if (fn.id) return fn.id.name;
  const parent = ancestors[ancestors.length - 2];
  const text = (node) => source.slice(node.start, node.end).replace(/\s+/g, " ");
  const short = (s) => (s.length > 40 ? s.slice(0, 39) + "…" : s);
  switch (parent?.type) {
    case "VariableDeclarator":
      return text(parent.id);
    case "AssignmentExpression":
      return short(text(parent.left));
    case "MethodDefinition":
    case "Property":
    case "PropertyDefinition": {
      const owner = ancestors.findLast((a) => a.type === "ClassDeclaration" || a.type === "ClassExpression");
      const key = text(parent.key);
      return owner?.id ? `${owner.id.name}.${key}` : key;
    }
    case "CallExpression":
    case "NewExpression":
      return parent.callee === fn ? "(function called where it is written)" : `(callback to ${short(text(parent.callee))})`;
    default:
      return "(anonymous)";
  }
}

/** The line the function's head starts on: the declaration or method it is the value of. */
function headLine(ancestors) {
  let i = ancestors.length - 1;
  while (i > 0 && HEADS.has(ancestors[i - 1].type) && ancestors[i - 1].loc.start.line <= ancestors[i].loc.start.line) i--;
  return ancestors[i].loc.start.line;
}

/**
 * The reason written above the head on line `first` (1-based): the comment lines
 * directly above it are read upwards, and the first `// Long: …` with text is the reason.
 */
export function reasonAbove(lines, first) {
  for (let line = first - 1; line >= 1; line--) {
    const text = lines[line - 1].trim();
    if (text.startsWith(MARK) && text.slice(MARK.length).trim()) return text.slice(MARK.length).trim();
    if (!(text.startsWith("//") || text.startsWith("/*") || text.startsWith("*"))) break;
  }
  return null;
}

/** Every function in one file's source; `file` names it in the report. */
export function measure(file, source) {
  const lines = source.split("\n");
  const found = [];
  const visit = (fn, _state, ancestors) => {
    const first = headLine(ancestors);
    found.push({ place: `${file}:${first}`, lines: fn.loc.end.line - first + 1, name: nameOf(fn, ancestors, source), reason: reasonAbove(lines, first) });
  };
  walk.ancestor(parse(source, file), Object.fromEntries(FUNCTIONS.map((type) => [type, visit])));
  return found;
}

function filesUnder(dir, ext) {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

function measureFiles(files) {
  return files.flatMap((file) => measure(file, fs.readFileSync(path.join(root, file), "utf8")));
}

const over = (f) => f.lines > LIMIT;
const unexcused = (f) => over(f) && !f.reason;

/** The table: every function over the limit, then the longest others up to TOP rows, longest first. */
export function report(title, found) {
  const all = [...found].sort((a, b) => b.lines - a.lines || a.place.localeCompare(b.place));
  const overCount = all.filter(over).length;
  const rows = all.slice(0, Math.max(overCount, TOP)).map((f) => {
    const status = !over(f) ? "ok" : f.reason ? `over, ${MARK} ${f.reason}` : "OVER, NO REASON";
    return `${String(f.lines).padStart(5)}  ${f.place.padEnd(44)} ${f.name}  [${status}]`;
  });
  return [
    `Function length in ${title} (limit ${LIMIT} lines; \`${MARK} <why>\` above a function lets it be longer):`,
    `${all.length} functions, ${overCount} over the limit, ${all.filter(unexcused).length} of them without a reason.`,
    ...rows,
  ].join("\n");
}

test("no function in scripts/ is over the limit without a reason", () => {
  const found = measureFiles(filesUnder("scripts", ".mjs"));
  console.log(report("scripts/", found));
  const missing = found.filter(unexcused);
  assert.equal(missing.length, 0,
    `${missing.length} function(s) listed above are over ${LIMIT} lines without a reason: split each into parts a reader can follow, or write \`${MARK} <why>\` on the line above it`);
});

test("the loader's functions, for information (not a failure)", () => {
  console.log(report("loader/ (reported only)", measureFiles(["loader/kyphoplasty-guide.js"])));
});

// The checker itself.

const longFn = (above, head, body) => `${above}${head}\n${"  x();\n".repeat(body)}}\n`;

test("checker: counts from the head to the last line, a reason directly above or above the doc comment", () => {
  const [f] = measure("x.mjs", longFn("/** Docs. */\n", "export async function go() {", 59));
  assert.deepEqual([f.place, f.lines, f.name, f.reason], ["x.mjs:2", 61, "go", null]);
  for (const above of ["// Long: one table.\n/**\n * Docs.\n */\n", "/** Docs. */\n// Long: one table.\n"]) {
    assert.equal(measure("x.mjs", longFn(above, "const go = () => {", 80))[0].reason, "one table.");
  }
  for (const above of ["// Long: far away.\n\n", "// Long:\n", "// long: lower case.\n"]) {
    assert.equal(measure("x.mjs", longFn(above, "function go() {", 80))[0].reason, null, above);
  }
});

test("checker: names methods, arrows, callbacks and nested functions", () => {
  const source = [
    "class Box {",
    "  static make() { return [1].map((n) => n); }",
    "  get size() { return 1; }",
    "}",
    "const o = { run() {}, f: function () {} };",
    "function outer() { function inner() {} }",
    "(function () {})();",
  ].join("\n");
  const names = measure("x.mjs", source).map((f) => f.name).sort();
  assert.deepEqual(names, ["(callback to [1].map)", "(function called where it is written)", "Box.make", "Box.size", "f", "inner", "outer", "run"]);
});
