// Reading Chromium traces (the JSON that Playwright's browser.stopTracing() returns,
// recorded with the devtools.timeline categories): main-thread tasks, what is inside
// them, and self time by category, the way the DevTools Performance panel counts it.

export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "toplevel",
  "v8.execute",
  "v8",
  "blink.user_timing",
  "loading",
];

/** Parses a trace buffer into { events } with B/E pairs folded into complete ('X') events. */
export function parseTrace(buffer) {
  const json = JSON.parse(buffer.toString("utf8"));
  const raw = Array.isArray(json) ? json : json.traceEvents;
  const events = [];
  const open = new Map(); // "pid:tid" → stack of B events
  for (const e of raw) {
    if (e.ph === "X") events.push(e);
    else if (e.ph === "B") {
      const k = `${e.pid}:${e.tid}`;
      if (!open.has(k)) open.set(k, []);
      open.get(k).push(e);
    } else if (e.ph === "E") {
      const stack = open.get(`${e.pid}:${e.tid}`);
      const b = stack && stack.pop();
      if (b) events.push({ ...b, ph: "X", dur: e.ts - b.ts, args: { ...b.args, ...e.args } });
    } else if (e.ph === "I" || e.ph === "i" || e.ph === "R" || e.ph === "M") {
      events.push(e);
    }
  }
  return { events };
}

const CATEGORY = [
  [/^(MajorGC|MinorGC|V8\.GC|BlinkGC|GCEvent|V8\.Scavenge|CppGC)/, "GC"],
  [/^v8\.wasm|^wasm/i, "wasm compile"],
  [
    /^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|CompileScript|CompileCode|CompileModule|EvaluateModule|FireIdleCallback|XHRReadyStateChange|PerformanceObserver)/,
    "script",
  ],
  [/^(UpdateLayoutTree|RecalculateStyles|Layout|ParseAuthorStyleSheet|HitTest|InvalidateLayout|ScheduleStyleRecalculation|LayoutShift|IntersectionObserverController)/, "style & layout"],
  [/^(PrePaint|Paint|Layerize|Commit|UpdateLayer|CompositeLayers|PaintImage|Decode|RasterTask|UpdateLayerTree|Animation)/, "paint & composite"],
  [/^ParseHTML/, "parse HTML"],
];

function categoryOf(name) {
  for (const [re, cat] of CATEGORY) if (re.test(name)) return cat;
  return "other";
}

/** The complete events of one thread, sorted by start (longest first on ties). */
export function threadEvents(events, pid, tid) {
  return events
    .filter((e) => e.ph === "X" && e.pid === pid && e.tid === tid && typeof e.dur === "number")
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/**
 * Top-level tasks of a thread: 'RunTask' events not nested inside another one
 * (falls back to 'ThreadControllerImpl::RunTask' if a build names them so).
 */
export function topLevelTasks(threadEvts) {
  let tasks = threadEvts.filter((e) => e.name === "RunTask");
  if (tasks.length === 0) tasks = threadEvts.filter((e) => e.name === "ThreadControllerImpl::RunTask");
  const out = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts >= end) {
      out.push(t);
      end = t.ts + t.dur;
    }
  }
  return out;
}

/** Events inside task `t` (excluding the task itself), in order. */
export function inside(threadEvts, t) {
  const end = t.ts + t.dur;
  return threadEvts.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= end + 0.5);
}

/** Self time (µs) by category for task `t`: each event's duration minus its direct children's. */
export function selfTimeByCategory(threadEvts, t) {
  const evts = [t, ...inside(threadEvts, t)].filter((e) => e.name !== "ThreadControllerImpl::RunTask");
  const out = {};
  const stack = [];
  const self = new Map(evts.map((e) => [e, e.dur]));
  for (const e of evts) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent, self.get(parent) - e.dur);
    stack.push(e);
  }
  for (const [e, s] of self) {
    const cat = e === t ? "other" : categoryOf(e.name);
    out[cat] = (out[cat] || 0) + Math.max(0, s);
  }
  return out;
}

export function addCategories(into, add) {
  for (const [k, v] of Object.entries(add)) into[k] = (into[k] || 0) + v;
  return into;
}

/** A short human description of the biggest things inside task `t`. */
export function describeTask(threadEvts, t, limit = 4) {
  const cats = Object.entries(selfTimeByCategory(threadEvts, t))
    .filter(([, v]) => v >= 500)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
    .join(", ");
  const parts = describeParts(threadEvts, t, limit);
  return `${parts || "no script"} [self time, ms: ${cats}]`;
}

function describeParts(threadEvts, t, limit) {
  const interesting = inside(threadEvts, t).filter((e) =>
    /^(EvaluateScript|FunctionCall|EventDispatch|RunMicrotasks|TimerFire|Layout|UpdateLayoutTree|Paint|ParseHTML|v8\.wasm\.\w+|MajorGC|MinorGC|ParseAuthorStyleSheet|Commit|FireAnimationFrame)$/.test(e.name),
  );
  // Keep only outermost interesting events.
  const outer = [];
  let end = -Infinity;
  for (const e of interesting) {
    if (e.ts >= end) {
      outer.push(e);
      end = e.ts + e.dur;
    }
  }
  return outer
    .sort((a, b) => b.dur - a.dur)
    .slice(0, limit)
    .map((e) => {
      const d = e.args?.data || {};
      let what = e.name;
      if (d.type) what += ` ${d.type}`;
      let url = d.url || d.scriptName || "";
      if (!url) {
        // e.g. TimerFire / RunMicrotasks / EventDispatch → the script it called
        // Named only if that script is most of the event (else it is something else,
        // e.g. wasm instantiation inside a microtask checkpoint).
        const call = inside(threadEvts, e)
          .filter((c) => c.args?.data?.url)
          .sort((a, b) => b.dur - a.dur)[0];
        if (call && call.dur >= e.dur / 2) url = call.args.data.url;
        else {
          const wasm = inside(threadEvts, e).filter((c) => /^v8\.(wasm\.compileConsume|newInstance)$/.test(c.name));
          if (wasm.length) what += ` (${wasm.map((c) => `${c.name} ${(c.dur / 1000).toFixed(1)} ms`).join(", ")})`;
        }
      }
      if (url) what += ` → ${url.split("/").pop() || url}`;
      else if (d.functionName) what += ` ${d.functionName}`;
      return `${what} ${(e.dur / 1000).toFixed(1)} ms`;
    })
    .join(", ");
}

export function taskHas(threadEvts, t, re) {
  return inside(threadEvts, t).some((e) => re.test(e.name));
}

/** The (pid, tid) of the renderer main thread that parsed `url`, or null. */
export function mainThreadForUrl(events, url) {
  const parse = events.find((e) => e.name === "ParseHTML" && e.args?.beginData?.url === url);
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const nav = events.find((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url);
  return nav ? { pid: nav.pid, tid: nav.tid } : null;
}

/** The (pid, tid) of the thread that dispatched a DOM event of `type`, or null. */
export function mainThreadForEvent(events, types) {
  const e = events.find((x) => x.name === "EventDispatch" && types.includes(x.args?.data?.type));
  return e ? { pid: e.pid, tid: e.tid } : null;
}

export const ms = (us) => us / 1000;
