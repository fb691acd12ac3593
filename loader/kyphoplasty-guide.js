/*
 * kyphoplasty-guide.js — the one script a practice includes.
 *
 *   <script src="https://YOUR-CDN/kyphoplasty-guide.js" defer></script>
 *   <kyphoplasty-guide practice-name="…"></kyphoplasty-guide>
 *
 * Defines <kyphoplasty-guide>. Each element gets an open shadow root; a <slot>
 * keeps whatever the practice put inside the element (a link, a phone number)
 * visible until the guide shows, and for good if nothing loads.
 *
 * Static first. The guide arrives in two layers, both from the folder this script
 * was loaded from (any host or CDN):
 *  1. The document: the whole guide in the visitor's one language, a JSON tree that
 *     the build writes with the widget's own components (src/document). It is
 *     fetched beside the stylesheet, filled in with the practice's attributes and
 *     shown at once. This script makes its section buttons, steps, language switch
 *     and print work, so the guide is complete where WebAssembly cannot run.
 *  2. The WebAssembly (with its language's text table, a file of its own), which
 *     never holds up the document and is asked for only when wanted: after the
 *     document has painted, once the guide is on screen or near it,
 *     at an idle moment, or at once when the patient uses a control that needs it
 *     (whenWanted). It brings the document's islands to life (remembered ticks, the
 *     slider, the calendar, reading aloud, the quiz), rendering each into its own part
 *     of the document, one per task; the document stays on screen for good, and this
 *     script keeps running its shell (sections, Contents, language, print, sources).
 * README "For developers" says how the pieces meet.
 *
 * This file is a public contract: change it only by adding.
 */
(function () {
  "use strict";
  var TAG = "kyphoplasty-guide";
  if (!window.customElements || window.customElements.get(TAG)) {
    return; // no custom elements (fallback content stays), or already defined (script included twice)
  }

  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || document.baseURI).href;

  /* Stamped in by the build (scripts/post-build.mjs): the name and Subresource
     Integrity of every file this script loads, the attributes' rules from
     src/embed/attributes.toml (the one schema of the public attributes), and the
     guide's languages (Rust's Lang::ALL: tag, own name, direction), menu order. */
  var FILES = /* __KG_FILES__ */ {};
  var ATTRIBUTES = /* __KG_ATTRIBUTES__ */ [];
  var LANGUAGES = /* __KG_LANGUAGES__ */ [];

  function file(key, fallback) {
    var entry = FILES[key] || {};
    return { url: base + (entry.path || fallback), integrity: entry.integrity };
  }
  var GLUE = file("glue", "kyphoplasty-guide-core.js");
  var WASM = file("wasm", "kyphoplasty-guide-core_bg.wasm");
  var CSS = file("css", "kyphoplasty-guide.css");
  var LANGS = LANGUAGES.length ? LANGUAGES.map(function (l) { return l.tag; }) : ["en"];

  /* Attributes whose change re-reads the configuration, and the panic signal. */
  var OBSERVED = ATTRIBUTES.map(function (a) { return a.name; }).concat(["data-kg-failed"]);

  function report(message, error) {
    console.error("<" + TAG + ">: " + message, error === undefined ? "" : error);
  }

  /* Gives back the height reserved while loading. */
  function release(element) {
    if (element.hasAttribute("data-kg-reserved")) {
      element.style.removeProperty("min-height");
      element.removeAttribute("data-kg-reserved");
    }
  }

  /* ---- Loading: each file once per page, shared by every guide ---- */

  /* A JSON file of the build, once per page: the document of a language (what the
     loader shows) or its text table (what the wasm reads, fetched with the wasm). */
  /* A file of the build, with its integrity checked; an HTTP error is an error. */
  function fetched(source) {
    return fetch(source.url, { integrity: source.integrity, credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + source.url);
      return response;
    });
  }

  var loaded = {};
  function loadJson(key, fallback, valid) {
    if (!loaded[key]) {
      var source = file(key, fallback);
      var loading = fetched(source)
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (!data || data.format !== 1 || !valid(data)) throw new Error("not a guide file: " + source.url);
          return data;
        });
      loaded[key] = loading;
      loading.catch(function () {
        loaded[key] = null; // a later guide, or the language button, tries again
      });
    }
    return loaded[key];
  }

  function loadDocument(lang) {
    return loadJson("document-" + lang, "kyphoplasty-guide-" + lang + ".json", function (data) {
      return Array.isArray(data.tree);
    });
  }

  /* The language's text table: the wasm carries no text of its own (issue 24: it is not
     among the bytes loaded before the guide is readable). */
  function loadText(lang) {
    return loadJson("text-" + lang, "kyphoplasty-guide-text-" + lang + ".json", function (data) {
      return Array.isArray(data.text);
    });
  }

  /* The document's rest (src/document/split.rs): every part the document hides at
     first, asked for after the first paint, so the bytes before the guide is readable
     are the head's alone. The file has one part per line, its key first: each line is
     filed by its key and parsed only when its part is first shown (materialise), so
     reading the rest makes no long task (one JSON.parse of the whole was 30 to 40 ms at
     4x CPU) and parts never opened are never parsed. Gives `{ lang, parts: { key: line } }`. */
  var rests = {};
  var HEAD_PART = "overview"; // the part the head carries: the guide's first (split.rs)
  var REST_FIRST_LINE = /^\{"format":1,"lang":"([^"]+)","parts":\[$/;
  var REST_PART_KEY = /^\{"key":"([^"]+)","children":/;
  function loadRest(lang) {
    if (!rests[lang]) {
      var source = file("rest-" + lang, "kyphoplasty-guide-rest-" + lang + ".json");
      var reading = fetched(source)
        .then(function (response) { return response.text(); })
        .then(function (text) {
          var lines = text.split("\n");
          var first = REST_FIRST_LINE.exec(lines[0]);
          if (!first) throw new Error("not a guide file: " + source.url);
          var parts = {};
          lines.slice(1, -2).forEach(function (line) {
            var key = REST_PART_KEY.exec(line);
            if (!key) throw new Error("not a part of the guide: " + source.url);
            parts[key[1]] = line.replace(/,$/, "");
          });
          return { lang: first[1], parts: parts };
        });
      rests[lang] = reading;
      reading.catch(function () {
        rests[lang] = null; // asked again when the patient opens a part
      });
    }
    return rests[lang];
  }

  /* A part of the rest, parsed: its children. */
  function restChildren(line) {
    var part = JSON.parse(line);
    if (!part || !Array.isArray(part.children)) throw new Error("not a part of the guide");
    return part.children;
  }

  var modulePromise = null;
  var stopped = false; // a panic stopped the shared WebAssembly instance for this page
  function loadModule() {
    if (stopped) return Promise.reject(new Error("an internal error stopped the interactive guide"));
    if (!modulePromise) {
      // Compiled while it downloads, off the main thread; instantiated from a task of its
      // own (issue 24: compiling and instantiating in one step was a task of 30 to 50 ms
      // at 4x CPU).
      modulePromise = Promise.all([import(GLUE.url), compileWasm()]).then(afterTask).then(function (loaded) {
        return loaded[0].default({ module_or_path: loaded[1] }).then(function () {
          return loaded[0];
        });
      });
    }
    return modulePromise;
  }

  /* The WebAssembly module, compiled as it streams in; a host that serves it without
     the `application/wasm` type gets it compiled from its bytes instead. */
  function compileWasm() {
    var fromBytes = function () {
      return fetched(WASM)
        .then(function (response) { return response.arrayBuffer(); })
        .then(function (bytes) { return WebAssembly.compile(bytes); });
    };
    if (typeof WebAssembly === "undefined") return Promise.reject(new Error("this browser does not run WebAssembly"));
    if (!WebAssembly.compileStreaming) return fromBytes();
    return WebAssembly.compileStreaming(fetched(WASM)).catch(function (error) {
      if (error instanceof TypeError && !/Content Security Policy/i.test(String(error.message))) return fromBytes();
      throw error;
    });
  }

  function stylesheetLoaded(link) {
    return new Promise(function (resolve, reject) {
      if (link.sheet) return resolve();
      link.addEventListener("load", function () { resolve(); });
      link.addEventListener("error", function () { reject(new Error("the stylesheet did not load")); });
    });
  }

  /* ---- The practice's configuration, by the schema's rules (src/embed/config.rs
     applies the same rules, and names a bad value in the console) ---- */

  function cleaned(value) {
    if (value == null) return null;
    // eslint-disable-next-line no-control-regex
    var text = String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
    return text === "" ? null : text;
  }

  /* Digits and a leading plus, for a tel: link; null for anything else. */
  function phoneDigits(raw) {
    if (raw.length > 40 || !/^[0-9 +\-().]*$/.test(raw)) return null;
    var digits = raw.replace(/[^0-9]/g, "");
    var start = raw.replace(/^\s+/, "");
    if (digits === "" || start.slice(1).indexOf("+") !== -1) return null;
    return (start.charAt(0) === "+" ? "+" : "") + digits;
  }

  /* The guide's language for a tag, as Rust's Lang::from_tag reads it: a shipped tag or
     one it begins (`zh-Hans-SG`), else the primary subtag (`zh-TW` → `zh-Hans`); null
     for a language the guide lacks. */
  function primaryLang(tag) {
    var wanted = String(tag || "").trim().replace(/_/g, "-").toLowerCase();
    var primary = function (t) { return t.split("-")[0]; };
    var found = LANGS.filter(function (l) {
      var own = l.toLowerCase();
      return wanted === own || wanted.indexOf(own + "-") === 0;
    })[0];
    return found || (primary(wanted) && LANGS.filter(function (l) {
      return primary(l.toLowerCase()) === primary(wanted);
    })[0]) || null;
  }

  /* `languages`: the offered ones in the practice's order; null (all) when none is known,
     as src/embed/offered.rs reads it (which also names a bad value in the console). */
  function offeredLanguages(raw) {
    var offered = [];
    raw.split(/[ ,]/).forEach(function (tag) {
      var lang = tag.trim() && primaryLang(tag);
      if (lang && offered.indexOf(lang) === -1) offered.push(lang);
    });
    return offered.length ? offered : null;
  }

  /* The first language shown: `lang`, else the page's, else English, else the first
     offered, whichever is offered first (src/embed/offered.rs, first_language). */
  function firstLanguage(config, pageLang) {
    var offered = config.languages;
    return [config.lang, primaryLang(pageLang), "en"].filter(function (lang) {
      return lang && offered.indexOf(lang) !== -1;
    })[0] || offered[0];
  }

  var KINDS = {
    text: function (raw, rule) { return Array.from(raw).slice(0, rule.max).join(""); },
    phone: function (raw) { return phoneDigits(raw) ? raw : null; },
    lang: primaryLang,
    languages: offeredLanguages,
    sections: function (raw, rule) {
      var names = [];
      raw.split(/[ ,]/).forEach(function (word) {
        var name = word.trim().toLowerCase();
        if (rule.choices.indexOf(name) !== -1 && names.indexOf(name) === -1) names.push(name);
      });
      if (names.length === 0) return null;
      if (names.indexOf("warnings") === -1) names.push("warnings");
      return names;
    },
    integer: function (raw, rule) {
      if (!/^\+?[0-9]+$/.test(raw)) return null; // as Rust's integer parsing reads it
      var n = parseInt(raw, 10);
      return n >= rule.min && n <= rule.max ? n : null;
    },
    colour: function (raw) {
      return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(raw) && readableOnPanels(raw) ? raw : null;
    },
    key: function (raw, rule) { return raw.length <= rule.max && /^[A-Za-z0-9_-]+$/.test(raw) ? raw : null; },
    keyword: function (raw) { return raw; },
    url: function (raw, rule) { return shareUrlValid(raw, rule.max) ? raw : null; },
  };

  /* An http(s) address with a host, no spaces, quotes or angle brackets, up to `max`
     characters: src/embed/config.rs (share_url_valid) applies the same rule. */
  function shareUrlValid(raw, max) {
    var match = /^https?:\/\/([^/?#]*)/i.exec(raw);
    return !!match && match[1] !== "" && Array.from(raw).length <= max && !/[\s<>"\\`^{}|]/.test(raw);
  }

  /* The page's own address without its query and fragment: share-url's default. */
  function pageAddress() {
    return /^https?:$/.test(location.protocol) ? location.origin + location.pathname : null;
  }

  /* Accents below 4.5:1 on the guide's light panels (#f0f4f5, the hardest background
     they are read on) are darkened by the wasm (with a warning); the document keeps the
     default colour for them rather than guess the same shade. */
  var PANEL_LUMINANCE = 0.8982;
  function readableOnPanels(hex) {
    var h = hex.slice(1);
    if (h.length === 3) h = h.replace(/./g, "$&$&");
    var lum = [0, 2, 4].map(function (i) {
      var c = parseInt(h.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    return (PANEL_LUMINANCE + 0.05) / (l + 0.05) >= 4.5;
  }

  function readConfig(element) {
    var config = {};
    ATTRIBUTES.forEach(function (rule) {
      var raw = cleaned(element.getAttribute(rule.name));
      var parse = KINDS[rule.kind];
      config[rule.name] = raw == null || !parse ? null : parse(raw, rule);
    });
    var pageLang = document.documentElement && document.documentElement.getAttribute("lang");
    config.languages = config.languages || LANGS.slice();
    config.lang = firstLanguage(config, pageLang);
    config.wording = readWording(element, config.lang);
    return config;
  }

  /* The practice's own checklist wording (README, "Your own wording"). */
  function readWording(element, lang) {
    var block = element.querySelector(":scope > script[type='application/json']");
    if (!block || block.textContent.length > 20000) return { items: {} };
    try {
      var data = JSON.parse(block.textContent);
      var items = {};
      Object.keys((data && data.items) || {}).forEach(function (key) {
        var text = typeof data.items[key] === "string" ? cleaned(data.items[key]) : null;
        if (text && text.length <= 500) items[key] = text;
      });
      return { lang: primaryLang(data.lang) || lang, items: items };
    } catch (error) {
      return { items: {} }; // the wasm names the problem in the console
    }
  }

  /* ---- The document ---- */

  var SVG = "http://www.w3.org/2000/svg";
  var UNSAFE_TAGS = /^(script|iframe|object|embed|style|link|meta|base|form)$/i;

  /* Builds DOM from the JSON tree with createElement: no HTML parser, so nothing for
     a Trusted Types policy to refuse. The tree comes with its integrity hash.
     A section, a hidden step and the print sheet are built only when first shown
     (`materialise`): the first paint builds what the patient sees. */
  function build(node, inSvg) {
    if (typeof node === "string") return document.createTextNode(node);
    var tag = node[0];
    var svg = inSvg || tag === "svg";
    if (UNSAFE_TAGS.test(tag)) return document.createTextNode("");
    var el = svg ? document.createElementNS(SVG, tag) : document.createElement(tag);
    var attributes = node[1] || {};
    Object.keys(attributes).forEach(function (name) {
      if (!/^on/i.test(name)) el.setAttribute(name, attributes[name]);
    });
    if ("data-kg-rest" in attributes) return el; // its children come with the rest (wantRest)
    // Every panel waits for openSection (a practice's first part may not be the
    // document's), a hidden step for openStep.
    var deferred = "data-kg-panel" in attributes || ("hidden" in attributes && "data-kg-step" in attributes);
    if (deferred || / ?kg-print-sheet\b/.test(attributes["class"] || "")) {
      el._kgPending = { children: node.slice(2), svg: svg };
      return el;
    }
    for (var i = 2; i < node.length; i++) el.appendChild(build(node[i], svg));
    return el;
  }

  /* Builds a part left for later, and fills it in like the rest. */
  function materialise(el) {
    var pending = el && el._kgPending;
    if (!pending || el.hasAttribute("data-kg-live")) return;
    var guide = el.closest(".kg");
    if (pending.line) {
      try {
        pending = el._kgPending = { children: restChildren(pending.line), svg: false };
      } catch (error) {
        report("a part of the guide could not be read.", error);
        return;
      }
    }
    // Once the islands are live, an island's part opened for the first time is drawn by
    // the wasm alone, in the same task (src/components/live.rs), never built here first.
    if (guide && guide._kgIslandsLive && pending.children.some(isIsland)) return;
    el._kgPending = null;
    pending.children.forEach(function (child) { el.appendChild(build(child, pending.svg)); });
    if (guide && guide._kgFill) guide._kgFill(el);
    // The procedure's steps, built only now: the step the guide is at shows.
    if (guide && el.hasAttribute("data-kg-panel") && el.querySelector("[data-kg-step]")) {
      openStep(guide, Number(guide.getAttribute("data-kg-step")) || 1);
    }
  }

  /* Asks for the rest of `guide`'s document (once per language and page) and fills its
     parts in when it is here; meanwhile a part the patient opened shows a status line. */
  function wantRest(guide) {
    if (guide._kgRestAsked) return guide._kgRestAsked;
    guide._kgRestFailed = false;
    var asked = loadRest(guide.getAttribute("lang")).then(function (rest) {
      fillRest(guide, rest);
    }, function (error) {
      guide._kgRestAsked = null;
      guide._kgRestFailed = true;
      restStatus(guide);
      report("part of the guide did not load; it is asked for again when a part is opened.", error);
    });
    guide._kgRestAsked = asked;
    restStatus(guide);
    return asked;
  }

  /* Gives each part of the rest to its element, to build when first shown (at once for
     the part open now). A part a live island has taken is the island's. */
  function fillRest(guide, rest) {
    guide.querySelectorAll(":scope > [data-kg-rest]").forEach(function (el) {
      var line = rest.parts[el.getAttribute("data-kg-rest")];
      if (!line || el._kgRestFilled || el.hasAttribute("data-kg-live")) return;
      el._kgRestFilled = true;
      el._kgPending = { line: line };
      if (el.hasAttribute("data-kg-panel") && !el.hidden) materialise(el);
    });
    restStatus(guide);
    var wanted = guide._kgFocusAfterRest && guide.querySelector(guide._kgFocusAfterRest);
    guide._kgFocusAfterRest = null;
    if (wanted) wanted.focus();
  }

  function restFilled(el) {
    return !el.hasAttribute("data-kg-rest") || !!el._kgRestFilled || el.hasAttribute("data-kg-live");
  }

  /* The status line under an opened part still on its way ("Loading…"), or one that did
     not load ("… choose it again"). */
  function restStatus(guide) {
    var status = guide.querySelector(":scope > .kg-rest-status");
    if (!status) return;
    var open = guide.querySelector(":scope > [data-kg-panel]:not([hidden])");
    var waiting = !!open && !restFilled(open);
    var text = waiting ? status.getAttribute(guide._kgRestFailed ? "data-kg-not-loaded" : "data-kg-loading") : "";
    status.hidden = !waiting;
    var line = status.firstChild;
    if (line && line.textContent !== text) line.textContent = text;
  }

  function isIsland(node) {
    return Array.isArray(node) && !!node[1] && "data-kg-island" in node[1];
  }

  var NUMBER_VALUES = { practice_phone: 1, practice_phone_nowrap: 1 };
  var INSTRUCTIONS = ["lifting_limit", "follow_up", "driving", "return_to_work"];

  /* The practice's values for a document in `lang`: its written instructions only in
     the language it configured, so languages are never mixed. */
  function valuesFor(config, lang) {
    var values = {
      practice_name: config["practice-name"],
      emergency_number: config["emergency-number"],
      practice_phone: config["practice-phone"],
      reviewed_by: config["reviewed-by"],
      share_url: config["share-url"] || pageAddress(),
      practice_phone_nowrap: config["practice-phone"] && config["practice-phone"].replace(/ /g, "\u00a0").replace(/-/g, "\u2011"),
    };
    INSTRUCTIONS.forEach(function (name) {
      values[name] = lang === config.lang ? config[name.replace(/_/g, "-")] : null;
    });
    return values;
  }

  /* Puts the practice's values into `root` (the document, or a part built later). */
  function personalise(root, config, lang) {
    var values = valuesFor(config, lang);
    var set = function (names) {
      return names.split(" ").some(function (n) { return values[n] != null; });
    };
    // Each value becomes plain text joined to its neighbours, as the live widget
    // renders it (text shaped across an element boundary would differ by a pixel).
    root.querySelectorAll("[data-kg-v]").forEach(function (span) {
      var value = values[span.getAttribute("data-kg-v")];
      var parent = span.parentNode;
      span.replaceWith(document.createTextNode(value != null ? value : span.textContent));
      parent.normalize();
    });
    root.querySelectorAll("[data-kg-if]").forEach(function (el) { el.hidden = !set(el.getAttribute("data-kg-if")); });
    root.querySelectorAll("[data-kg-unless]").forEach(function (el) { el.hidden = set(el.getAttribute("data-kg-unless")); });
    root.querySelectorAll("a[data-kg-tel]").forEach(function (a) {
      var name = a.getAttribute("data-kg-tel");
      var digits = values[name] && phoneDigits(values[name]);
      if (digits) a.setAttribute("href", "tel:" + digits);
    });
    var wording = config.wording;
    if (wording.lang === lang) {
      root.querySelectorAll("[data-kg-item]").forEach(function (span) {
        var own = wording.items[span.getAttribute("data-kg-item")];
        if (own) span.textContent = own;
      });
    }
    relevel(root, config["heading-level"] || 2);
  }

  /* The document is written with the title at <h2>; the practice may ask for another level. */
  function relevel(root, level) {
    if (level === 2) return;
    root.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (heading) {
      var to = Math.min(6, Math.max(1, Number(heading.tagName.charAt(1)) - 2 + level));
      var renamed = document.createElement("h" + to);
      Array.from(heading.attributes).forEach(function (a) { renamed.setAttribute(a.name, a.value); });
      while (heading.firstChild) renamed.appendChild(heading.firstChild);
      heading.replaceWith(renamed);
    });
  }

  /* The language menu lists the offered languages in the practice's order; with one
     there is nothing to choose, and no menu (as src/components/language_menu.rs). */
  function arrangeLanguages(root, offered) {
    var menu = root.querySelector(".kg-lang-menu");
    if (!menu) return;
    if (offered.length < 2) return menu.remove();
    var list = menu.querySelector(".kg-lang-list");
    offered.forEach(function (lang) {
      var item = menu.querySelector(".kg-lang[lang='" + lang + "']");
      if (item) list.appendChild(item.closest("li"));
    });
    menu.querySelectorAll(".kg-lang").forEach(function (item) {
      if (offered.indexOf(item.getAttribute("lang")) === -1) item.closest("li").remove();
    });
  }

  /* Shows the practice's sections in its order; the rest leave the document. */
  function arrangeSections(root, sections) {
    if (!sections) return;
    var list = root.querySelector(".kg-nav ul");
    sections.forEach(function (name) {
      var button = root.querySelector(".kg-nav-button[data-section='" + name + "']");
      if (button && list) list.appendChild(button.closest("li"));
    });
    root.querySelectorAll(".kg-nav-button[data-section]").forEach(function (button) {
      if (sections.indexOf(button.getAttribute("data-section")) === -1) button.closest("li").remove();
    });
    root.querySelectorAll(".kg > [data-kg-panel]").forEach(function (panel) {
      if (sections.indexOf(panel.getAttribute("data-kg-panel")) === -1) panel.remove();
    });
  }

  function openSection(guide, name, focus) {
    var panel = guide.querySelector(":scope > [data-kg-panel='" + name + "']");
    if (!panel) return;
    materialise(panel);
    if (!restFilled(panel)) wantRest(guide);
    guide.setAttribute("data-kg-section", name);
    guide.querySelectorAll(":scope > [data-kg-panel]").forEach(function (p) { p.hidden = p !== panel; });
    restStatus(guide);
    guide.querySelectorAll(".kg-nav-button[data-section]").forEach(function (button) {
      if (button.getAttribute("data-section") === name) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    });
    setContents(guide, false);
    var current = guide.querySelector(".kg-nav-toggle-current");
    var chosen = guide.querySelector(".kg-nav-button[data-section='" + name + "']");
    if (current && chosen) current.textContent = chosen.textContent;
    var shortcut = guide.querySelector(".kg-emergency-strip .kg-button-warning");
    if (shortcut) shortcut.hidden = name === "warnings";
    var heading = panel.querySelector("[tabindex='-1']");
    if (focus && heading) heading.focus();
  }

  /* The "Contents" disclosure: on a small screen the parts of the guide fold behind
     one button (the stylesheet decides when; wider, the list always shows). */
  function setContents(guide, open) {
    var toggle = guide.querySelector(".kg-nav-toggle");
    if (toggle) toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  /* The part buttons hide with the list once one is chosen: focus goes to the Contents
     button, where the list folds (where it does not, focus stays where it is). */
  function focusContents(guide) {
    var toggle = guide.querySelector(".kg-nav-toggle");
    if (toggle && toggle.offsetHeight > 0) toggle.focus();
  }

  function openStep(guide, number) {
    var panels = guide.querySelectorAll("[data-kg-step]");
    if (!panels.length) {
      // The procedure is not built yet: the step waits for it (materialise).
      guide.setAttribute("data-kg-step", String(Math.max(1, number)));
      return;
    }
    var step = Math.min(Math.max(1, number), panels.length);
    guide.setAttribute("data-kg-step", String(step));
    panels.forEach(function (panel) {
      var shown = Number(panel.getAttribute("data-kg-step")) === step;
      if (shown) materialise(panel);
      panel.hidden = !shown;
    });
    guide.querySelectorAll(".kg-step-list li").forEach(function (li, i) {
      li.classList.toggle("kg-step-current", i + 1 === step);
      li.classList.toggle("kg-step-done", i + 1 < step);
      var button = li.querySelector("button");
      if (i + 1 === step) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
    });
    var shown = guide.querySelector("[data-kg-step='" + step + "'] .kg-step-title");
    var live = guide.querySelector(".kg-procedure > [aria-live]");
    if (shown && live) live.textContent = shown.textContent.replace(/^(.*?\d+\D+\d+)/, "$1: ");
  }

  /* Where the patient is in the document: kept across a language switch or an
     attribute change, and read by the wasm when it takes over. */
  function where(element) {
    var guide = element._root && element._root.querySelector(".kg-mount[data-kg-document] .kg");
    return guide ? {
      lang: guide.getAttribute("lang"),
      section: guide.getAttribute("data-kg-section"),
      step: Number(guide.getAttribute("data-kg-step")),
      more: !!guide.querySelector(".kg-more[aria-expanded='true']"),
    } : {};
  }

  /* Puts the document (for the visitor's language, or `at.lang`) in the shadow root,
     with the parts of its rest that are here. */
  function show(element, data, at) {
    var container = render(element, data, at);
    var guide = container.firstChild;
    if (rests[data.lang]) wantRest(guide); // this language's rest is here, or on its way
    place(element, container);
    return container;
  }

  /* Builds the document, filled in with the practice's values and opened where the
     patient is, not yet on the page (see place). */
  function render(element, data, at) {
    return fillIn(element, built(data), data, at);
  }

  /* The document's tree as DOM, not yet filled in (see fillIn). */
  function built(data) {
    var container = document.createElement("div");
    container.className = "kg-mount";
    container.setAttribute("data-kg-document", "");
    container.appendChild(build(data.tree));
    return container;
  }

  /* Fills a built document in with the practice's values and opens it where the patient is. */
  function fillIn(element, container, data, at) {
    at = at || {};
    var config = readConfig(element);
    var guide = container.firstChild;
    guide._kgFill = function (part) { personalise(part, config, data.lang); };
    personalise(container, config, data.lang);
    if (config.accent) guide.style.setProperty("--kg-accent", config.accent);
    arrangeSections(container, config.sections);
    arrangeLanguages(container, config.languages);
    var first = guide.querySelector(":scope > [data-kg-panel]");
    openSection(guide, at.section || (config.sections ? config.sections[0] : first && first.getAttribute("data-kg-panel")));
    openStep(guide, at.step || config["start-step"] || 1);
    showSources(guide, element._kgShowSources !== undefined ? element._kgShowSources : rememberedShowSources(config));
    // The header's More fold stays as it was (the language button, pressed in it, keeps focus).
    if (at.more) setMore(guide, true);
    guide.addEventListener("click", function (event) { onClick(element, guide, event); });
    // The print sheet is built when the page is about to print (Print button or Ctrl+P).
    if (element._kgBeforePrint) window.removeEventListener("beforeprint", element._kgBeforePrint);
    element._kgBeforePrint = function () {
      materialise(guide.querySelector(".kg-print-sheet"));
    };
    window.addEventListener("beforeprint", element._kgBeforePrint);
    guide.addEventListener("keydown", function (event) { onKey(element, guide, event); });
    return container;
  }

  /* Puts a rendered document in the shadow root, in place of the one shown. */
  function place(element, container) {
    var old = element._root.querySelector(".kg-mount[data-kg-document]");
    if (old) old.replaceWith(container);
    else element._root.insertBefore(container, element._root.querySelector("slot"));
    if (!element.hasAttribute("data-kg-state")) element.setAttribute("data-kg-state", "document");
  }

  /* The public events (README, "Events") for the loader's own controls while it shows
     the document: the same names and details as the live widget's (src/embed/events.rs),
     so a host page's analytics see the patient's moves before the wasm is here too. */
  function emit(element, name, detail) {
    element.dispatchEvent(new CustomEvent("kyphoplasty-guide:" + name, { bubbles: true, composed: true, detail: detail }));
  }

  /* A step the patient asked for; the event only when the step changed, as live. */
  function moveStep(element, guide, number) {
    var before = Number(guide.getAttribute("data-kg-step")) || 1;
    openStep(guide, number);
    var step = Number(guide.getAttribute("data-kg-step"));
    if (step === before) return;
    var panels = guide.querySelectorAll("[data-kg-step]");
    emit(element, "step", { step: step, id: panels[step - 1].getAttribute("data-kg-step-id"), total: panels.length });
  }

  /* Opens a part from one of the loader's controls; the live islands hear of it (their
     state ends a walkthrough when the patient leaves the procedure). */
  function openPart(element, guide, name, focus) {
    openSection(guide, name, focus);
    if (!element._widget) return;
    element._widget.open_section(name);
    // A part the island draws only now has its heading once that render is done.
    if (focus) setTimeout(function () {
      var panel = guide.querySelector(":scope > [data-kg-panel='" + name + "']");
      var heading = panel && panel.querySelector("[tabindex='-1']");
      if (heading && !panel.contains(element._root.activeElement)) heading.focus();
    }, 0);
  }

  /* The shell's controls are the loader's before and after the wasm (one implementation,
     issue 24); a live island's own controls (the stepper's steps) are the wasm's. */
  function onClick(element, guide, event) {
    var ref = event.target.closest("a.kg-ref");
    if (ref && guide.contains(ref)) {
      // "Sources 1, 4": open the entry without touching the host page's URL.
      event.preventDefault();
      openPart(element, guide, "sources");
      var entry = guide.querySelector(ref.getAttribute("href"));
      if (entry) entry.focus();
      else guide._kgFocusAfterRest = ref.getAttribute("href"); // the Sources come with the rest
      return;
    }
    var partLink = event.target.closest("a.kg-quiz-link[data-section]");
    if (partLink && guide.contains(partLink)) {
      // The live quiz's "Read more in the part …": the part opens, focus on its heading.
      event.preventDefault();
      openPart(element, guide, partLink.getAttribute("data-section"), true);
      emit(element, "section", { section: partLink.getAttribute("data-section") });
      return;
    }
    var target = event.target.closest("button");
    if (!target || !guide.contains(target) || target.getAttribute("aria-disabled") === "true") return;
    var current = Number(guide.getAttribute("data-kg-step")) || 1;
    var live = !!target.closest("[data-kg-live]");
    if (target.classList.contains("kg-nav-toggle")) setContents(guide, target.getAttribute("aria-expanded") !== "true");
    else if (target.hasAttribute("data-section")) {
      // A link to a part from inside the guide (the quiz's "Read more") moves focus to
      // it, as the warning shortcut does; a section button leaves focus on the nav.
      var inText = target.classList.contains("kg-quiz-link");
      if (!inText) focusContents(guide);
      openPart(element, guide, target.getAttribute("data-section"), inText);
      emit(element, "section", { section: target.getAttribute("data-section") });
    }
    else if (target.classList.contains("kg-button-warning")) {
      openPart(element, guide, "warnings", true);
      emit(element, "section", { section: "warnings" });
    }
    else if (live) return;
    else if (target.classList.contains("kg-next")) moveStep(element, guide, current + 1);
    else if (target.classList.contains("kg-previous")) moveStep(element, guide, current - 1);
    else if (target.hasAttribute("data-kg-goto")) moveStep(element, guide, Number(target.getAttribute("data-kg-goto")));
    else if (target.classList.contains("kg-print")) {
      var sheet = guide.querySelector(".kg-print-sheet");
      var ready = sheet && !restFilled(sheet) ? wantRest(guide) : Promise.resolve();
      ready.then(function () {
        materialise(guide.querySelector(".kg-print-sheet"));
        window.print();
      });
    }
    else if (target.classList.contains("kg-lang") && target.getAttribute("aria-current") !== "true") {
      switchLanguage(element, target.getAttribute("lang"));
    }
    else if (target.classList.contains("kg-sources-toggle")) {
      var show = target.getAttribute("aria-pressed") !== "true";
      showSources(guide, show);
      element._kgShowSources = show;
      if (element._widget) element._widget.show_sources(show); // remembered with the ticks
    }
  }

  /* The "Show sources" switch. The live widget remembers the choice; the document
     starts from what it remembered. */
  function showSources(guide, show) {
    guide.classList.toggle("kg-refs-off", !show);
    var toggle = guide.querySelector(".kg-sources-toggle");
    if (toggle) toggle.setAttribute("aria-pressed", show ? "true" : "false");
  }

  function rememberedShowSources(config) {
    try {
      var saved = JSON.parse(window.localStorage.getItem("kyphoplasty-guide:v1:" + (config["storage-key"] || "default")));
      return !(saved && saved.showSources === false);
    } catch (error) {
      return true; // no storage, or unreadable: the default
    }
  }

  function onKey(element, guide, event) {
    var toggle = guide.querySelector(".kg-nav-toggle");
    if (event.key === "Escape" && toggle && toggle.getAttribute("aria-expanded") === "true" &&
        event.target.closest && event.target.closest(".kg-nav")) {
      focusContents(guide);
      setContents(guide, false);
      return;
    }
    var inProcedure = event.target.closest && event.target.closest(".kg-procedure");
    if (!inProcedure || inProcedure.closest("[data-kg-live]") || event.altKey || event.ctrlKey || event.metaKey || event.target.type === "range") return;
    var current = Number(guide.getAttribute("data-kg-step")) || 1;
    // Right to left, the next step lies to the left, as the Next button does.
    var forward = guide.getAttribute("dir") === "rtl" ? "ArrowLeft" : "ArrowRight";
    var back = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
    if (event.key === forward) moveStep(element, guide, current + 1);
    else if (event.key === back) moveStep(element, guide, current - 1);
    else return;
    event.preventDefault();
  }

  /* The other language's document is fetched only when a patient asks for it (with its
     text table once the wasm is live: the islands move into the new document in the
     same task as it shows, in its language). */
  function switchLanguage(element, lang) {
    if (!primaryLang(lang)) return;
    var active = element._root.activeElement;
    var fromMenu = !!(active && active.closest(".kg-lang-menu"));
    var wanted = [loadDocument(primaryLang(lang))];
    // The rest too, so the part open now shows in the new language at once; without
    // it, the document still switches (the part shows its status line).
    wanted.push(loadRest(primaryLang(lang)).catch(function () {}));
    if (element._widget) wanted.push(loadText(primaryLang(lang)));
    Promise.all(wanted).then(function (loaded) {
      var data = loaded[0];
      element._document = data;
      // Where the patient is now: they may have moved on while the language loaded.
      var at = where(element);
      at.lang = data.lang;
      var container = show(element, data, at);
      if (element._widget) element._widget.remount(loaded[2] || null);
      var button = container.querySelector(".kg-lang-toggle");
      if (button && fromMenu) button.focus({ preventScroll: true }); // where the patient chose it
    }, function (error) {
      report("the other language did not load; staying in this one.", error);
    });
  }

  /* The wasm takes an island over (see src/components/live.rs): `done` false just before
     it empties the island's host, true once its island is in it. What the patient had
     there stays: focus, what they typed or picked, a button they pressed before the wasm
     arrived (pressed again in the live island). The document is never swapped out. */
  function claimed(element, host, done) {
    if (!done) {
      host._kgPending = null; // the wasm's island, not the document's, fills it now
      var guide = host.closest(".kg");
      if (guide) guide._kgIslandsLive = true;
      var controls = focusables(host);
      var focused = element._root.activeElement;
      host._kgBefore = {
        controls: controls,
        focus: focused && host.contains(focused) ? controls.indexOf(focused) : -1,
        replay: element._kgReplay && host.contains(element._kgReplay) ? element._kgReplay : null,
      };
      return;
    }
    var before = host._kgBefore;
    host._kgBefore = null;
    if (!before) return;
    var replay = before.replay;
    if (replay) element._kgReplay = null;
    var liveControls = focusables(host);
    var same = before.focus !== -1 && liveControls[before.focus];
    if (same) same.focus({ preventScroll: true });
    // From a new task, once Yew has finished this render.
    setTimeout(function () {
      carryInputs(before.controls, liveControls);
      var pressed = replay && liveControls[before.controls.indexOf(replay)];
      if (pressed && pressed.className === replay.className) pressed.click();
    }, 0);
  }

  /* Every island is live. */
  function interactive(element) {
    element.setAttribute("data-kg-state", "interactive");
    release(element);
  }

  /* Form controls the patient changed in the document (all but the ticks, which the
     wasm reads itself): the same change in the live widget, through its own events. */
  function carryInputs(shown, live) {
    shown.forEach(function (control, i) {
      if (control.type === "radio" && /^kg-quiz-document-/.test(control.name)) return carryQuizAnswer(control, live);
      var same = live[i];
      if (!same || same.tagName !== control.tagName || same.type !== control.type || control.hasAttribute("data-key")) return;
      if (control.type === "checkbox" || control.type === "radio") {
        if (control.checked !== same.checked && (control.checked || control.type === "checkbox")) same.click();
      } else if ("value" in control && control.value !== control.defaultValue && control.value !== same.value) {
        same.value = control.value;
        same.dispatchEvent(new Event("input", { bubbles: true }));
        same.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  /* An answer picked in the document's quiz: the live radio of the same question and
     option (the document names its groups "kg-quiz-document-…", the live widget
     "kg-quiz-…"), found by name rather than by position, which an open answer's link
     in the document would shift. */
  function carryQuizAnswer(control, live) {
    if (!control.checked) return;
    var name = control.name.replace(/^kg-quiz-document-/, "kg-quiz-");
    var same = live.filter(function (c) { return c.type === "radio" && c.name === name && c.value === control.value; })[0];
    if (same && !same.checked) same.click();
  }

  function focusables(root) {
    return Array.from(root.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")).filter(function (el) {
      return el.getClientRects().length > 0 || el === el.getRootNode().activeElement;
    });
  }

  /* On a phone held upright the procedure's stage (picture, Previous, Next) stays at
     the top of the screen while the step's text scrolls under it (styles: .kg-stage).
     Two things keep that usable, for the document and the live widget alike (both live
     in this shadow root, so the wasm carries nothing for it):
     - a control that takes focus under the held stage is scrolled clear of it (WCAG
       2.4.11): the browser only scrolls what is off screen, and under the stage is on;
     - after a step change, if the text was scrolled under the stage, the new step's
       text starts right under it (and the stage cannot be pushed off the screen when
       the new text is shorter). */
  function heldStage(guide) {
    var steppers = guide ? guide.querySelectorAll(".kg-stepper:not([hidden])") : [];
    for (var i = 0; i < steppers.length; i++) {
      var stage = steppers[i].querySelector(":scope > .kg-stage");
      if (stage && stage.getClientRects().length && getComputedStyle(stage).position === "sticky") return stage;
    }
    return null;
  }

  function holdStage(root) {
    root.addEventListener("focusin", function (event) {
      var target = event.target;
      var stage = target.closest && target.closest(".kg-procedure") && heldStage(target.closest(".kg"));
      if (!stage || stage.contains(target)) return;
      var under = target.getBoundingClientRect().top - stage.getBoundingClientRect().bottom;
      if (under < 0) window.scrollBy(0, under - 8);
    });
    // Measured in the next frame, before it paints: read in the task of the step change,
    // the layout it forced was most of a step change's main-thread time at 4x CPU.
    var pending = false;
    new MutationObserver(function (records) {
      var guide = records[0].target.closest(".kg");
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        var stage = heldStage(guide);
        var text = stage && stage.parentNode.querySelector(":scope > .kg-step-text");
        if (!text) return;
        var under = text.getBoundingClientRect().top - stage.getBoundingClientRect().bottom;
        if (under < 0) window.scrollBy(0, under);
      });
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ["data-kg-step"] });
  }

  /* ---- The header's "More" fold and "Send to my phone" ----
     Both run here, for the document and the live widget alike (both live in this
     shadow root), so the wasm carries nothing for them. */

  /* "More": on a small screen the header's tools fold behind one button (a disclosure;
     the stylesheet decides when, wider the tools always show). Escape closes it and
     gives focus back to the button. */
  function setMore(guide, open, focusButton) {
    var more = guide && guide.querySelector(".kg-more");
    if (!more) return;
    more.setAttribute("aria-expanded", open ? "true" : "false");
    if (focusButton && more.offsetHeight > 0) more.focus();
  }

  /* The address to share: the practice's share-url, else the page's own. */
  function shareUrl(element) {
    return readConfig(element)["share-url"] || pageAddress() || location.href.split(/[?#]/)[0];
  }

  /* The Web Share API where the browser has it (the phone's own share sheet), else the
     link copied, with a message said politely; if copying fails too, the link to copy
     by hand. Nothing is sent by the guide: the patient chooses where it goes. */
  function share(element, button) {
    var guide = button.closest(".kg");
    var status = guide && guide.querySelector(".kg-share-status");
    var url = shareUrl(element);
    var say = function (text, byHand) {
      if (!status) return;
      status.textContent = "";
      var words = document.createElement("p");
      words.textContent = text;
      status.appendChild(words);
      if (byHand) {
        var field = document.createElement("input");
        field.type = "text";
        field.readOnly = true;
        field.value = url;
        field.className = "kg-share-link";
        field.setAttribute("aria-label", button.getAttribute("data-kg-link-label") || "");
        status.appendChild(field);
        field.focus();
        field.select();
      }
    };
    var copy = function () {
      var copied = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(url) : Promise.reject(new Error("no clipboard"));
      return copied.then(function () {
        say(button.getAttribute("data-kg-copied"), false);
      }, function () {
        say(button.getAttribute("data-kg-by-hand"), true);
      });
    };
    if (status) status.textContent = "";
    var data = { title: button.getAttribute("data-kg-title") || document.title, url: url };
    if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      // AbortError: the patient closed the share sheet, nothing more to do. Anything
      // else (sharing not allowed in this frame, say) falls back to copying.
      navigator.share(data).catch(function (error) {
        if (!error || error.name !== "AbortError") return copy();
      });
    } else {
      copy();
    }
  }

  /* The language menu (src/components/language_menu.rs): a disclosure whose list the
     stylesheet shows while the button is expanded. Choosing closes it and focus goes
     back to its button; the arrows, Home and End move through the list. */
  function setLanguageMenu(menu, open, focusToggle) {
    var toggle = menu && menu.querySelector(".kg-lang-toggle");
    if (!toggle) return;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) (menu.querySelector(".kg-lang[aria-current='true']") || menu.querySelector(".kg-lang")).focus();
    else if (focusToggle) toggle.focus({ preventScroll: true }); // where the patient was
  }

  function languageMenuKey(event, menu) {
    var items = Array.from(menu.querySelectorAll(".kg-lang"));
    var at = items.indexOf(event.target);
    var open = menu.querySelector(".kg-lang-toggle[aria-expanded='true']");
    if (event.key === "Escape" && open) setLanguageMenu(menu, false, true);
    else if (at === -1 || !open) return false;
    else if (event.key === "ArrowDown") items[(at + 1) % items.length].focus();
    else if (event.key === "ArrowUp") items[(at - 1 + items.length) % items.length].focus();
    else if (event.key === "Home") items[0].focus();
    else if (event.key === "End") items[items.length - 1].focus();
    else return false;
    event.preventDefault();
    return true;
  }

  function languageMenu(element) {
    element._root.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.kg-lang-toggle, button.kg-lang");
      var menu = button && button.closest(".kg-lang-menu");
      if (!menu) return;
      if (button.classList.contains("kg-lang-toggle")) setLanguageMenu(menu, button.getAttribute("aria-expanded") !== "true");
      else setLanguageMenu(menu, false, true);
    });
    element._root.addEventListener("focusout", function (event) {
      var menu = event.target.closest && event.target.closest(".kg-lang-menu");
      if (menu && !(event.relatedTarget && menu.contains(event.relatedTarget))) setLanguageMenu(menu, false);
    });
  }

  function headerTools(element) {
    languageMenu(element);
    element._root.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.kg-more, button.kg-share");
      if (!button) return;
      var guide = button.closest(".kg");
      if (button.classList.contains("kg-more")) setMore(guide, button.getAttribute("aria-expanded") !== "true");
      else share(element, button);
    });
    element._root.addEventListener("keydown", function (event) {
      var menu = event.target.closest && event.target.closest(".kg-lang-menu");
      if (menu && languageMenuKey(event, menu)) return;
      if (event.key !== "Escape" || !event.target.closest) return;
      var header = event.target.closest(".kg-header");
      var more = header && header.querySelector(".kg-more");
      if (more && more.getAttribute("aria-expanded") === "true" && more.offsetHeight > 0) {
        setMore(header.closest(".kg"), false, true);
      }
    });
  }

  /* ---- When the WebAssembly is asked for ----
     The document is the guide; the wasm adds to it and costs the host page nothing
     it can measure until the patient is near it. It is requested after the document
     has painted (a request made before the paint is charged to the page's LCP by
     Lighthouse's simulation), once the guide is on screen or within about one screen
     of it, at an idle moment; at once when the patient uses a control that needs it.
     A guide far down a long page never requests it until it is scrolled to. */

  var NEAR = "100% 0px"; // one viewport above and below the screen

  /* The loader's own controls (section buttons, steps, Contents, language, print,
     sources); any other button or form control in the document needs the wasm. */
  var LOADER_CONTROLS = ".kg-nav-toggle, [data-section], .kg-button-warning, .kg-next, .kg-previous, " +
    "[data-kg-goto], .kg-print, .kg-lang, .kg-lang-toggle, .kg-sources-toggle, .kg-more, .kg-share, .kg-share-link";

  function controlNeedingWasm(target) {
    var control = target && target.closest && target.closest("button, input, select, textarea");
    if (!control || !control.closest(".kg-mount[data-kg-document]")) return null;
    return control.matches(LOADER_CONTROLS) ? null : control;
  }

  /* Resolves once the wasm is wanted for `element`: near the screen after the
     document's paint and at an idle moment, or at once on a control that needs it. */
  function whenWanted(element) {
    return new Promise(function (resolve) {
      if (stopped) return resolve(); // nothing to download: say at once it stays a document
      element._kgWant = resolve;
      nextPaint()
        .then(function () { return nearScreen(element); })
        .then(idle)
        .then(resolve);
    });
  }

  /* After the next frame has painted: a task queued from a frame callback runs after
     that frame's paint. */
  function nextPaint() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
    });
  }

  /* The element, or the document it shows (an element styled `display: contents` has
     no box of its own), is on screen or within NEAR of it. */
  function nearScreen(element) {
    return new Promise(function (resolve) {
      if (!window.IntersectionObserver) return resolve();
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          resolve();
        }
      }, { rootMargin: NEAR });
      observer.observe(element);
      var shown = element._root.querySelector(".kg-mount[data-kg-document]");
      if (shown) observer.observe(shown);
    });
  }

  /* Resolves with `value` in a new task: what follows does not lengthen this one. */
  function afterTask(value) {
    return new Promise(function (resolve) {
      setTimeout(function () { resolve(value); }, 0);
    });
  }

  function idle() {
    return new Promise(function (resolve) {
      if (window.requestIdleCallback) window.requestIdleCallback(function () { resolve(); }, { timeout: 1000 });
      else setTimeout(resolve, 50);
    });
  }

  /* The patient reaches for a control that needs the wasm: ask for it now. A button
     pressed before it arrives is pressed again in the live widget once it takes over
     (ticks, the section, the step and the language are read from the document). */
  function listenForNeed(element) {
    var want = function (event) {
      if (element._widget || !element._kgWant) return;
      var control = controlNeedingWasm(event.target);
      if (!control) return;
      element._kgWant();
      if (event.type === "click" && control.tagName === "BUTTON") element._kgReplay = control; // the last one pressed
    };
    ["pointerdown", "keydown", "focusin", "click", "change"].forEach(function (type) {
      element._root.addEventListener(type, want, true);
    });
  }

  /* The WebAssembly cannot run here: the document stays, and says so once. */
  var explained = false;
  function staticOnly(element, error) {
    element.setAttribute("data-kg-state", "static");
    release(element);
    if (!explained) {
      explained = true;
      var csp = /wasm-unsafe-eval|Content Security Policy|CompileError/i.test(String(error && (error.message || error)));
      report("the guide works as a document here, without its interactive parts (remembered ticks, calendar, reading aloud): " +
        (csp ? "this page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval')." : "the WebAssembly could not run."), error);
    }
  }

  /* ---- The element ---- */

  class KyphoplastyGuide extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    connectedCallback() {
      if (!this._root) {
        try {
          // Keep the root we made: a page that forces shadow roots closed would
          // otherwise hide it from `this.shadowRoot`.
          this._root = this.shadowRoot || this.attachShadow({ mode: "open" });
          this._root.appendChild(document.createElement("slot"));
          holdStage(this._root);
          headerTools(this);
          listenForNeed(this);
        } catch (error) {
          // The page attached its own (closed) root to this element: leave it alone.
          this.setAttribute("data-kg-failed", "");
          report("cannot attach the guide to this element; showing the page's own content.", error);
          return;
        }
      }
      if (this._widget || this._loading) {
        return;
      }
      var element = this;
      // Reserve a screen's height while loading, so the page does not jump when the
      // guide appears. A page's own inline min-height wins.
      if (!this.style.minHeight) {
        this.style.minHeight = "100vh";
        this.setAttribute("data-kg-reserved", "");
      }
      // The stylesheet and the document are asked for from a task of their own: in the
      // loader's evaluation they made a task over 50 ms at 4x CPU (issue 24).
      this._loading = true;
      setTimeout(function () {
        if (element.isConnected) element._start();
        else element._loading = null; // asked for again when it is connected again
      }, 0);
    }

    /* Loads the stylesheet and the document, shows the document, then (when wanted) the
       WebAssembly and its islands; a step per task. */
    _start() {
      var element = this;
      var link = this._root.querySelector("link");
      if (!link) {
        link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = CSS.url;
        if (CSS.integrity) {
          link.integrity = CSS.integrity;
          link.crossOrigin = "anonymous";
        }
        this._root.insertBefore(link, this._root.firstChild);
      }
      var styled = stylesheetLoaded(link);
      styled.catch(function (error) {
        release(element);
        report("the stylesheet did not load; showing the page's own content.", error);
      });
      // 1. The document, as soon as it and the stylesheet are here.
      // Shown from a task of its own: the document's download and parsing end in one
      // task, and building it in the same one made a long task at 4x CPU (issue 24).
      // The document is asked for from the next task (attaching the stylesheet is work
      // enough for this one).
      var shown = afterTask().then(function () {
        var config = readConfig(element);
        var wanted = [loadDocument(config.lang), styled];
        // A practice that puts another part first: that part is in the rest, which then
        // comes before the first paint too (its own part is the first thing shown).
        if (config.sections && config.sections[0] !== HEAD_PART) wanted.push(loadRest(config.lang).catch(function () {}));
        return Promise.all(wanted);
      }).then(afterTask).then(function (results) {
        // Reading the patient's stored choice (show sources or not) opens the page's
        // storage, a task's worth of work at 4x: a task of its own before the building.
        element._kgShowSources = rememberedShowSources(readConfig(element));
        return afterTask(results);
      }).then(function (results) {
        if (element._widget || !element.isConnected) return null;
        element._document = results[0];
        return afterTask(built(results[0]));
      }).then(function (container) {
        if (!container || element._widget || !element.isConnected) return null;
        fillIn(element, container, element._document);
        var guide = container.firstChild;
        var open = guide.querySelector(":scope > [data-kg-panel]:not([hidden])");
        // The part open first, when it comes with the rest (a practice's own first part),
        // is built in the next task, then the whole document is placed; a first part the
        // head carries is placed at once.
        if (!open || restFilled(open) || !rests[guide.getAttribute("lang")]) return container;
        return afterTask(container).then(function () { return wantRest(guide); }).then(function () { return container; });
      }).then(function (container) {
        if (!container || element._widget || !element.isConnected) return;
        place(element, container);
        release(element);
      });
      // The document's rest, once the head has painted, at an idle moment: it is not
      // among the bytes before the guide is readable, and its parts are parsed only
      // when first shown.
      shown.then(nextPaint).then(idle).then(function () {
        var guide = element._root.querySelector(".kg-mount[data-kg-document] .kg");
        if (guide) wantRest(guide);
      }).catch(function () {});
      // Without its document (a network error, a file refused) the fallback stays: the
      // wasm brings the document's islands to life and has nothing to do without it.
      shown.catch(function () {});
      // 2. The WebAssembly, once the document is up: on a slow network it would
      //    otherwise share the bandwidth with the text the patient waits for. Then only
      //    when it is wanted (see whenWanted). It has no text of its own: it reads the
      //    text table of the shown document's language.
      this._loading = shown
        .then(function () { return whenWanted(element); })
        .then(function () {
          element._kgWant = null;
          var lang = element._document ? element._document.lang : readConfig(element).lang;
          return Promise.all([loadModule(), styled, loadText(lang)]);
        })
        // The patient may have switched the document's language meanwhile: the wasm
        // opens in the language shown, so it reads that language's table.
        .then(function (results) {
          var shownLang = element._document ? element._document.lang : results[2].lang;
          if (shownLang === results[2].lang) return results;
          return loadText(shownLang).then(function (text) { return [results[0], results[1], text]; });
        })
        // One step per task, so no step is a long task: the wasm's instantiation, then
        // reading the text table (prepare), then rendering and the takeover (mount).
        .then(afterTask)
        .then(function (results) {
          var glue = results[0];
          if (glue.prepare && element.isConnected && !element._widget) glue.prepare(results[2]);
          return afterTask(results);
        })
        .then(function (results) {
          element._loading = null;
          if (!element.isConnected || element._widget) return;
          element._widget = results[0].mount(element, element._root, CSS.url, CSS.integrity, function () {
            interactive(element);
          }, results[2], loadText, function (host, done) {
            claimed(element, host, done);
          });
        })
        .catch(function (error) {
          element._loading = null;
          modulePromise = null; // a guide added later tries again (the network may be back)
          shown.then(function () {
            staticOnly(element, error);
          }, function () {
            release(element);
            report("could not start; showing the fallback content instead.", error);
          });
        });
    }

    disconnectedCallback() {
      var element = this;
      // A move within the page disconnects and reconnects at once: only a real removal frees the instance.
      queueMicrotask(function () {
        if (!element.isConnected && element._widget) {
          element._widget.destroy();
          element._widget = null;
        }
      });
    }

    attributeChangedCallback(name) {
      if (name === "data-kg-failed") {
        // A panic stopped the WebAssembly: the document comes back, with its behaviour.
        if (this.hasAttribute("data-kg-failed") && this._root && this._root.querySelector(".kg-mount")) {
          stopped = true; // guides added later show their document, not a broken instance
        }
        if (this.hasAttribute("data-kg-failed") && this._document && this._root) {
          var live = this._root.querySelector(".kg-mount:not([data-kg-document])");
          if (live) live.remove();
          this._widget = null;
          show(this, this._document);
          staticOnly(this, new Error("an internal error stopped the interactive guide"));
        }
      } else if (this._document && this._root && this._root.querySelector(".kg-mount[data-kg-document]")) {
        // The document is shown in both states: it is filled in again, and the live
        // islands (if any) move into it. A new `lang` switches the language once live,
        // as the patient's own switch does (the live state decides, see src/state).
        var lang = readConfig(this).lang;
        if (this._widget) this._widget.refresh();
        if (this._widget && name === "lang" && lang !== this._document.lang) switchLanguage(this, lang);
        else {
          show(this, this._document, where(this));
          if (this._widget) this._widget.remount(null);
        }
      } else if (this._widget) {
        this._widget.refresh();
      }
    }
  }

  window.customElements.define(TAG, KyphoplastyGuide);
})();
