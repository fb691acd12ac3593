// The release strips the loader's comments (scripts/strip-comments.mjs): what it keeps,
// and that it refuses to change code.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { stripComments } from "../../scripts/strip-comments.mjs";
import { DIST } from "./support.mjs";
import { LOADER } from "../../scripts/release.mjs";

test("comments go, but the header and the build's markers; code is kept line by line", () => {
  const source = [
    "/* header: how to include this file */",
    "(function () {",
    "  // a note",
    "  var FILES = /* __KG_FILES__ */ {};",
    "  var a = 1 /* inline */ + 2;",
    "  var b = a/* glued */in{};",
    "  return /* a comment",
    "     over two lines */ a;",
    "})();",
    "",
  ].join("\n");
  const stripped = stripComments(source);
  assert.equal(
    stripped,
    [
      "/* header: how to include this file */",
      "(function () {",
      "var FILES = /* __KG_FILES__ */ {};",
      "var a = 1   + 2;",
      "var b = a in{};",
      "return",
      "a;",
      "})();",
      "",
    ].join("\n"),
  );
  // The comment's line break stays: `return` still returns nothing, as in the source.
  assert.equal(new Function(`return ${stripped.replace(/^\/\*.*\*\/\n/, "")}`)(), undefined);
});

test("a string whose lines would lose their indentation is refused, not changed", () => {
  assert.throws(() => stripComments("var t = `a\n   b`;\n"), /tokens differ/);
});

test("the built loader has no comment but its header and its stamps", () => {
  const loader = fs.readFileSync(path.join(DIST, LOADER), "utf8");
  const comments = loader.match(/\/\*[\s\S]*?\*\//g) ?? [];
  assert.match(comments[0], /kyphoplasty-guide\.js/);
  assert.deepEqual(comments.slice(1).filter((c) => !/__KG_[A-Z]+__|eslint-/.test(c)), []);
  assert.deepEqual(loader.split("\n").filter((line) => /^\/\/ /.test(line) && !/eslint-/.test(line)), [], "no line comment");
});
