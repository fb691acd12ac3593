// The host pages the benchmark loads. All share one sample practice page (like the
// demo, index.html) and differ only in what stands where the guide goes:
//   widgetPage   the embed exactly as a practice pastes it (one deferred <script>),
//                1 or N <kyphoplasty-guide> elements, plus a small inline probe
//   staticPage   the same guide as plain HTML and a stylesheet link: no script at all
//   emptyPage    no guide (baseline for memory)

const FALLBACK = `<p>Our patient guide to kyphoplasty needs JavaScript.
        Questions? Call us on <a href="tel:+15550100199">(555) 010-0199</a>.
        In an emergency, call 911.</p>`;

const ELEMENT = `<kyphoplasty-guide
        practice-name="Riverside Spine &amp; Pain Center"
        practice-phone="(555) 010-0199"
        heading-level="2">
      ${FALLBACK}
    </kyphoplasty-guide>`;

function hostPage({ head = "", guide }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Kyphoplasty | Riverside Spine &amp; Pain Center (benchmark)</title>
  <link rel="icon" href="data:,">
${head}
  <link rel="stylesheet" href="/practice.css">
</head>
<body>
  <header class="site-header">
    <div class="wrap">
      <a class="brand" href="#">Riverside Spine <span>&amp; Pain Center</span></a>
      <nav aria-label="Site">
        <ul>
          <li><a href="#">Conditions</a></li>
          <li><a href="#" aria-current="page">Treatments</a></li>
          <li><a href="#">Our team</a></li>
          <li><a href="#">Contact</a></li>
        </ul>
      </nav>
    </div>
  </header>

  <main class="wrap">
    <p class="breadcrumb"><a href="#">Treatments</a> › Balloon kyphoplasty</p>
    <h1>Balloon kyphoplasty</h1>
    <p class="lede">A small procedure for painful spine fractures caused by weak bones.
      Our guide below walks you through it: what happens, how to get ready and how to look after yourself afterwards.</p>

    ${guide}

    <section class="practice-note">
      <h2>Appointments</h2>
      <p>Call <a href="tel:+15550100199">(555) 010-0199</a>, Monday to Friday, 8 am to 5 pm.</p>
    </section>
  </main>

  <footer class="site-footer">
    <div class="wrap">
      <p>© Riverside Spine &amp; Pain Center. Benchmark page for the kyphoplasty guide widget.</p>
    </div>
  </footer>
</body>
</html>
`;
}

/*
 * The probe, inlined first in <head> of widget pages (before the loader). It
 *  - buffers 'longtask' and 'layout-shift' entries;
 *  - wraps Element.prototype.attachShadow so that, for each <kyphoplasty-guide>, a
 *    MutationObserver on its shadow root records performance.now() when `.kg` first
 *    exists (no polling, so it adds no work of its own while the widget starts);
 *  - in probe mode, as soon as the first `.kg` exists, clicks the "procedure" nav
 *    button (HTMLElement.click()); if the click was not handled (the widget's
 *    `kyphoplasty-guide:section` event did not fire synchronously) it tries again when
 *    the element's `data-kg-state` turns `interactive` (the live widget took over), and
 *    from then on from a new task (setTimeout 0) until it is handled. `interactive` is performance.now() when the
 *    procedure section (`.kg-next`) is in the shadow root, i.e. the click has been
 *    handled AND its result rendered into the DOM. `interactiveFrame` is the first
 *    task after the next animation frame (≈ the result painted).
 *  - signals "bench:ready" / "bench:interactive" with console.debug, so the driver can
 *    wait without evaluating anything in the page while it starts (Playwright's
 *    waitForFunction would inject its ~300 KB helper script into the page mid-start-up).
 * Longer than the bench's other functions on purpose: it is one inline script, kept whole
 * so that it reads in the order the page runs it.
 */
// Long: one inline script for the page, kept whole so it reads in the order the page runs it.
function probeScript({ expected, probe }) {
  return `<script>
(function () {
  var B = window.__bench = { t: {}, expected: ${expected}, probe: ${probe}, hosts: 0, ready: 0, attempts: 0, shifts: [], longtasks: [] };
  function describe(node) {
    if (!node) return "(gone)";
    if (node.nodeType !== 1) return node.nodeName;
    var r = node.getRootNode && node.getRootNode();
    var where = r && r.host ? " (in shadow root of " + r.host.localName + ")" : "";
    return node.localName + (node.className && typeof node.className === "string" ? "." + node.className.trim().split(/\\s+/).join(".") : "") + where;
  }
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { B.longtasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { B.longtaskUnsupported = true; }
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        B.shifts.push({ start: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput,
          sources: (e.sources || []).map(function (s) { return describe(s.node); }) });
      });
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) { B.layoutShiftUnsupported = true; }

  function afterFrame(cb) { requestAnimationFrame(function () { setTimeout(cb, 0); }); }

  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attach.call(this, init);
    if (this.localName === "kyphoplasty-guide") watch(this, root);
    return root;
  };

  function watch(host, root) {
    B.hosts++;
    if (B.t.firstShadow === undefined) B.t.firstShadow = performance.now();
    var mo = new MutationObserver(function () {
      if (!root.querySelector(".kg")) return;
      mo.disconnect();
      var t = performance.now();
      B.ready++;
      if (B.t.firstKg === undefined) B.t.firstKg = t;
      if (B.ready === B.expected) {
        B.t.allKg = t;
        afterFrame(function () { B.t.allKgFrame = performance.now(); console.debug("bench:ready"); });
      }
      if (B.probe && !B.probing) { B.probing = true; probe(host, root); }
    });
    mo.observe(root, { childList: true, subtree: true });
  }

  function probe(host, root) {
    function attempt() {
      B.attempts++;
      var button = root.querySelector('.kg-nav-button[data-section="procedure"]');
      var handled = false;
      function on() { handled = true; }
      host.addEventListener("kyphoplasty-guide:section", on);
      if (button) button.click();
      host.removeEventListener("kyphoplasty-guide:section", on);
      if (!handled) {
        if (B.attempts >= 5000) return;
        if (host.getAttribute("data-kg-state") === "interactive") { setTimeout(attempt, 0); return; }
        // Until the live widget takes over only the loader's document answers (it sends no
        // event): wait for the takeover instead of clicking the document over and over,
        // which would keep the main thread from the idle moment the loader waits for.
        var takeover = new MutationObserver(function () {
          if (host.getAttribute("data-kg-state") === "interactive") { takeover.disconnect(); attempt(); }
        });
        takeover.observe(host, { attributes: true, attributeFilter: ["data-kg-state"] });
        return;
      }
      B.t.clickHandled = performance.now();
      function done() {
        B.t.interactive = performance.now();
        afterFrame(function () { B.t.interactiveFrame = performance.now(); console.debug("bench:interactive"); });
      }
      if (root.querySelector(".kg-next")) { done(); return; }
      var mo = new MutationObserver(function () {
        if (root.querySelector(".kg-next")) { mo.disconnect(); done(); }
      });
      mo.observe(root, { childList: true, subtree: true });
    }
    attempt();
  }
})();
</script>`;
}

export function widgetPage({ instances = 1, probe = false, instrument = true } = {}) {
  const guide = Array.from({ length: instances }, () => ELEMENT).join("\n    ");
  const head = `${instrument ? probeScript({ expected: instances, probe }) : ""}
  <!-- The embed, exactly as a practice pastes it: -->
  <script src="/kyphoplasty-guide.js" defer></script>`;
  return hostPage({ head, guide });
}

export function emptyPage() {
  return hostPage({ guide: "<!-- no guide -->" });
}

/**
 * The static-HTML floor: `markup` (the widget's rendered `.kg-mount`, taken from a live
 * page) inside a plain, shadow-free container, styled by a stylesheet link. No script
 * at all. The container is a <kyphoplasty-guide> element with no shadow root: with no
 * script nothing defines or upgrades it, it is an ordinary element, and the host page's
 * own rule for it (display, margins) applies exactly as on the widget page.
 */
export function staticPage({ markup, cssHref }) {
  const head = `  <link rel="stylesheet" href="${cssHref}">`;
  return hostPage({ head, guide: `<kyphoplasty-guide class="kg-static-host">\n${markup}\n    </kyphoplasty-guide>` });
}

/**
 * A user-supplied static file (`--static path`): a whole page (it has <html> or a
 * doctype) is served as it is; a fragment replaces the guide element in the host page,
 * and gets the static stylesheet link unless it brings its own <link>/<style>.
 */
export function staticFromFile({ text, cssHref }) {
  if (/<!doctype|<html[\s>]/i.test(text)) return text;
  const ownStyles = /<link[^>]+stylesheet|<style[\s>]/i.test(text);
  const head = ownStyles ? "" : `  <link rel="stylesheet" href="${cssHref}">`;
  return hostPage({ head, guide: text });
}

/**
 * The widget's stylesheet for a shadow-free copy of its markup: `:host` becomes
 * `:where(.kg-static-host)` and `:host(X)` becomes `:where(.kg-static-host)X`, so the
 * custom properties and resets the widget sets on its host apply to the container —
 * with zero specificity, so that, as with a real :host rule, the host page's own rules
 * for the element (margins, display) still win. Nothing else changes.
 */
export function cssForStatic(css) {
  return css
    .replace(/:host\(([^()]*)\)/g, ":where(.kg-static-host)$1")
    .replace(/:host\b/g, ":where(.kg-static-host)");
}
