// Herald's comment form, improved. The form works without this script; with
// it, the form gets its signed token and a returning reader's remembered
// details from /comments/form (the story page itself is the same for every
// reader), and "Reply" moves the form under the comment being answered
// instead of loading the page again.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  var form = document.getElementById("commentform");
  if (!respond || !form) { return; }
  var field = function (name) { return form.elements.namedItem(name); };
  var home = document.createComment("comment form");
  respond.parentNode.insertBefore(home, respond);
  var titleText = respond.querySelector(".reply-title-text");
  var cancel = document.getElementById("cancel-reply");
  var defaultTitle = "Leave a Reply";

  var pending = null;
  function load() {
    if (pending) { return pending; }
    if (!window.fetch) { return Promise.resolve(); }
    pending = fetch("/comments/form", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) { return; }
        if (d.token && !field("ts").value) { field("ts").value = d.token; }
        ["name", "email", "website"].forEach(function (k) {
          var el = field(k);
          if (el && !el.value && d[k]) { el.value = d[k]; }
        });
        if (d.remember && field("remember")) { field("remember").checked = true; }
      })
      .catch(function () { pending = null; });
    return pending;
  }

  if (/(?:^|;\s*)herald_remember=1(?:;|$)/.test(document.cookie)) { load(); }
  form.addEventListener("focusin", function () { load(); });
  form.addEventListener("submit", function (ev) {
    if (field("ts").value) { return; }
    // Wait for the token rather than post without it.
    ev.preventDefault();
    var done = function () { form.submit(); };
    load().then(done, done);
  });

  function reset() {
    home.parentNode.insertBefore(respond, home.nextSibling);
    field("parent").value = "";
    if (titleText) { titleText.textContent = defaultTitle; }
    if (cancel) { cancel.hidden = true; }
  }

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a.comment-reply-link") : null;
    if (link) {
      var item = document.getElementById("comment-" + link.getAttribute("data-comment"));
      if (!item) { return; }
      ev.preventDefault();
      var body = item.querySelector(".comment-body");
      item.insertBefore(respond, body ? body.nextSibling : item.firstChild);
      field("parent").value = link.getAttribute("data-comment");
      if (titleText) { titleText.textContent = "Leave a Reply to " + (link.getAttribute("data-name") || ""); }
      if (cancel) { cancel.hidden = false; }
      field("comment").focus();
      return;
    }
    if (cancel && ev.target === cancel && field("parent").value && respond.parentNode !== home.parentNode) {
      ev.preventDefault();
      reset();
      field("comment").focus();
    }
  });

  // A notice or a list of problems is where the reader's attention belongs.
  var status = document.getElementById("comment-status");
  if (status && (status.getAttribute("role") === "alert" || location.hash === "#comment-status")) {
    status.focus();
  }
})();
