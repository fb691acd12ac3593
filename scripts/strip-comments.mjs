// Strips the loader's comments and indentation for the release (issue 24: the loader is
// among the bytes a visitor loads before the guide is readable, and its comments were
// about a third of them). Names and code are left exactly as written, so the shipped
// file reads like the source, and the result is checked token by token against it.
import * as acorn from "acorn";

/** Comments that stay: the header (what the file is, how to include it) and the build's stamp markers. */
const KEPT = /__KG_[A-Z]+__|eslint-/;

/** Every token of `source` as "type value", comments left out. */
function tokens(source) {
  const out = [];
  for (const token of acorn.tokenizer(source, { ecmaVersion: "latest" })) {
    out.push(`${token.type.label} ${token.value ?? ""}`);
  }
  return out;
}

/**
 * `source` without its comments (but the first, and those the build or a linter reads),
 * blank lines or indentation. Throws if the result's tokens differ from the source's:
 * a string spanning lines, say, would be changed by taking its indentation away.
 */
export function stripComments(source) {
  const comments = [];
  acorn.parse(source, {
    ecmaVersion: "latest",
    onComment: (_block, text, start, end) => comments.push({ text, start, end }),
  });
  let out = "";
  let at = 0;
  comments.forEach((comment, i) => {
    if (i === 0 || KEPT.test(comment.text)) return;
    // A space keeps apart two tokens the comment separated (`a/* */b`); a line break
    // stays one, for automatic semicolon insertion.
    out += source.slice(at, comment.start) + (/[\n\r\u2028\u2029]/.test(comment.text) ? "\n" : " ");
    at = comment.end;
  });
  out += source.slice(at);
  const lines = out.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const stripped = lines.join("\n") + "\n";
  const [before, after] = [tokens(source), tokens(stripped)];
  if (before.length !== after.length || before.some((t, i) => t !== after[i])) {
    throw new Error("strip-comments: the stripped loader's tokens differ from the source's");
  }
  return stripped;
}
