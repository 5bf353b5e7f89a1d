// Herald back office: every form works without this script. It adds an
// in-page Markdown preview, autosaves the story being edited as a revision,
// warns before leaving unsaved changes, and shows who else has the story open.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) { return; }
  var csrf = form.querySelector("input[name=csrf]").value;
  var dirty = false, lastSent = "";
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (ev) {
    if (dirty) { ev.preventDefault(); ev.returnValue = ""; }
  });

  var previewButton = document.getElementById("preview-button");
  var preview = document.getElementById("preview");
  if (previewButton && preview) {
    previewButton.addEventListener("click", function (ev) {
      ev.preventDefault();
      var body = new URLSearchParams();
      body.set("csrf", csrf);
      body.set("body", form.elements.body.value);
      fetch("/admin/preview", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          // The server returns sanitised HTML made from Markdown.
          preview.innerHTML = html;
          preview.hidden = false;
          preview.scrollIntoView({ block: "nearest" });
        })
        .catch(function () { preview.hidden = false; preview.textContent = "The preview could not be made."; });
    });
  }

  var status = document.getElementById("autosave-status");
  var autosaveURL = form.dataset.autosave;
  if (autosaveURL) {
    setInterval(function () {
      if (!dirty) { return; }
      var data = new URLSearchParams(new FormData(form));
      var snapshot = data.toString();
      if (snapshot === lastSent) { return; }
      lastSent = snapshot;
      fetch(autosaveURL, { method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRF-Token": csrf } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (res) {
          if (status) {
            status.textContent = "Draft kept as revision " + res.revision + " at " + res.saved_at +
              (res.stale ? ". Someone else has saved since you opened the story: saving will let you compare and merge." : ".");
          }
        })
        .catch(function () { if (status) { status.textContent = "Autosave failed; your text is still here. Save when you can."; } });
    }, 30000);
  }

  var presenceURL = form.dataset.presence;
  var presence = document.getElementById("presence");
  if (presenceURL && presence) {
    var poll = function () {
      fetch(presenceURL, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (res) {
          presence.textContent = res.others.length ?
            "Also editing now: " + res.others.join(", ") + ". Save often; Herald keeps every version." : "";
        })
        .catch(function () {});
    };
    setInterval(poll, 20000);
  }
})();
