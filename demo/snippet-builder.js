// Snippet builder for practices (demo page only): pick the options, watch the guide
// above change live, copy the code to paste into your site.
(function () {
  "use strict";
  var form = document.getElementById("snippet-form");
  var output = document.getElementById("snippet-code");
  var copy = document.getElementById("snippet-copy");
  var status = document.getElementById("snippet-status");
  var guide = document.querySelector("kyphoplasty-guide");
  if (!form || !output || !guide) return;

  var TEXT_FIELDS = ["practice-name", "practice-phone", "reviewed-by", "emergency-number", "lifting-limit", "follow-up", "driving", "return-to-work", "storage-key", "share-url"];

  function escapeAttr(value) {
    return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function attributes() {
    var attrs = [];
    var lang = form.elements.lang.value;
    if (lang) attrs.push(["lang", lang]);
    TEXT_FIELDS.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) attrs.push([name, value]);
    });
    // All offered is the default: the attribute only when the practice leaves some out.
    var boxes = form.querySelectorAll("input[name=language]");
    var languages = Array.prototype.filter
      .call(boxes, function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    if (languages.length && languages.length < boxes.length) attrs.push(["languages", languages.join(" ")]);
    var sections = Array.prototype.filter
      .call(form.querySelectorAll("input[name=section]"), function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    if (sections.length && sections.length < 8) attrs.push(["sections", sections.join(" ")]);
    var level = form.elements["heading-level"].value;
    if (level !== "2") attrs.push(["heading-level", level]);
    if (form.elements["use-accent"].checked) attrs.push(["accent", form.elements.accent.value]);
    return attrs;
  }

  function update() {
    var attrs = attributes();
    var managed = ["lang", "languages", "sections", "heading-level", "accent"].concat(TEXT_FIELDS);
    managed.forEach(function (name) {
      var pair = attrs.find(function (a) { return a[0] === name; });
      if (pair) guide.setAttribute(name, pair[1]);
      else guide.removeAttribute(name);
    });
    var lines = attrs.map(function (a) { return "\n    " + a[0] + '="' + escapeAttr(a[1]) + '"'; }).join("");
    output.textContent =
      '<script src="https://YOUR-SITE/path/v0/kyphoplasty-guide.js" defer></script>\n' +
      "<kyphoplasty-guide" + lines + ">\n" +
      "  <p>Questions? Call us" + (form.elements["practice-phone"].value ? " on " + escapeAttr(form.elements["practice-phone"].value.trim()) : "") + ".</p>\n" +
      "</kyphoplasty-guide>";
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  copy.addEventListener("click", function () {
    var done = function () { status.textContent = "Copied."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(output.textContent).then(done, function () {
        status.textContent = "Select the code and copy it.";
      });
    } else {
      status.textContent = "Select the code and copy it.";
    }
  });
  update();
})();
