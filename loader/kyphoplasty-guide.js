/*
 * kyphoplasty-guide.js — the one script a practice includes.
 *
 *   <script src="https://YOUR-CDN/kyphoplasty-guide.js" defer></script>
 *   <kyphoplasty-guide practice-name="…"></kyphoplasty-guide>
 *
 * Defines <kyphoplasty-guide>. Each element gets an open shadow root; a <slot>
 * keeps whatever the practice put inside the element (a link, a phone number)
 * visible until the widget is ready, and for good if WebAssembly cannot run.
 * The WebAssembly and its glue are loaded once, from the folder this script
 * was loaded from, so the files can live on any host or CDN.
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
  var GLUE = base + "kyphoplasty-guide-core.js";
  var WASM = base + "kyphoplasty-guide-core_bg.wasm";
  var CSS = base + "kyphoplasty-guide.css";
  /* Subresource Integrity of the wasm and stylesheet, stamped in by the build
     (scripts/post-build.mjs); left as placeholders in an unstamped copy. */
  var WASM_INTEGRITY = "__KG_WASM_INTEGRITY__";
  var CSS_INTEGRITY = "__KG_CSS_INTEGRITY__";
  function stamped(value) {
    return value.indexOf("sha") === 0 ? value : undefined;
  }

  /* Attributes whose change re-reads the configuration (see README, "Attributes"). */
  var OBSERVED = [
    "lang", "practice-name", "practice-phone", "emergency-number", "sections",
    "start-step", "heading-level", "accent", "storage-key", "lifting-limit",
    "follow-up", "driving", "return-to-work", "color-scheme"
  ];

  /* Gives back the height reserved while loading (the guide failed to start). */
  function release(element) {
    if (element.hasAttribute("data-kg-reserved")) {
      element.style.removeProperty("min-height");
      element.removeAttribute("data-kg-reserved");
    }
  }

  var modulePromise = null;
  function loadModule() {
    if (!modulePromise) {
      modulePromise = import(GLUE).then(function (glue) {
        var wasm = fetch(WASM, { integrity: stamped(WASM_INTEGRITY), credentials: "same-origin" });
        return glue.default({ module_or_path: wasm }).then(function () {
          return glue;
        });
      });
    }
    return modulePromise;
  }

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
        } catch (error) {
          // The page attached its own (closed) root to this element: leave it alone.
          this.setAttribute("data-kg-failed", "");
          console.error("<" + TAG + ">: cannot attach the guide to this element; showing the page's own content.", error);
          return;
        }
      }
      if (this._widget || this._loading) {
        return;
      }
      // The stylesheet loads while the wasm does (the guide renders once it has).
      if (!this._root.querySelector("link")) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = CSS;
        if (stamped(CSS_INTEGRITY)) {
          link.integrity = CSS_INTEGRITY;
          link.crossOrigin = "anonymous";
        }
        var host = this;
        link.addEventListener("error", function () {
          release(host);
          console.error("<" + TAG + ">: the stylesheet did not load; showing the page's own content.");
        });
        this._root.insertBefore(link, this._root.firstChild);
      }
      // Reserve a screen's height while loading, so the page does not jump when the
      // guide appears (the guide releases it). A page's own inline min-height wins.
      if (!this.style.minHeight) {
        this.style.minHeight = "100vh";
        this.setAttribute("data-kg-reserved", "");
      }
      var element = this;
      this._loading = loadModule()
        .then(function (glue) {
          element._loading = null;
          if (!element.isConnected || element._widget) {
            return;
          }
          element._widget = glue.mount(element, element._root, CSS, stamped(CSS_INTEGRITY));
        })
        .catch(function (error) {
          element._loading = null;
          modulePromise = null; // a guide added later tries again (the network may be back)
          release(element);
          console.error("<" + TAG + ">: could not start; showing the fallback content instead.", error);
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

    attributeChangedCallback() {
      if (this._widget) {
        this._widget.refresh();
      }
    }
  }

  window.customElements.define(TAG, KyphoplastyGuide);
})();
