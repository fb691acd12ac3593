// Small helpers shared by the benchmark: statistics, formatting, child processes.
import { spawn } from "node:child_process";

export const KB = 1024; // every "KB" in the report is 1024 bytes (KiB)
export const MB = 1024 * 1024;

/** { min, median, max, n } of the finite numbers in `values` (null when there are none). */
export function summarize(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { min: v[0], median, max: v[v.length - 1], n: v.length };
}

export function fmtMs(x) {
  if (x == null || !Number.isFinite(x)) return "n/a";
  return x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`;
}

export function fmtBytes(n) {
  if (n == null || !Number.isFinite(n)) return "n/a";
  if (Math.abs(n) >= MB) return `${(n / MB).toFixed(2)} MB`;
  if (Math.abs(n) >= KB) return `${(n / KB).toFixed(1)} KB`;
  return `${n} B`;
}

export function fmtInt(n) {
  return n.toLocaleString("en-US");
}

/** A Markdown table (also readable as plain text). `align` is "l" or "r" per column. */
export function table(headers, rows, align = []) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? "")));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) =>
    "| " + r.map((c, i) => (align[i] === "r" ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ") + " |";
  const rule = "|" + widths.map((w, i) => (align[i] === "r" ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|") + "|";
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

/** Runs a command; resolves { code, stdout, stderr }. Never rejects on a non-zero exit. */
export function run(cmd, args, { cwd, env, echo = false, input } = {}) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd, args, { cwd, env: env || process.env, stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      resolve({ code: -1, stdout: "", stderr: String(error) });
      return;
    }
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      if (echo) process.stderr.write(d);
    });
    child.stderr.on("data", (d) => {
      stderr += d;
      if (echo) process.stderr.write(d);
    });
    child.on("error", (error) => resolve({ code: -1, stdout, stderr: stderr + String(error) }));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (input) child.stdin.end(input);
    else child.stdin.end();
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Progress messages go to stderr so stdout holds only the report. */
export function log(...args) {
  process.stderr.write(`[bench] ${args.join(" ")}\n`);
}
