// Herald's only script. Every page works without it; it improves two things:
// dates are shown in the reader's own time zone, and the back-to-top link
// appears once the reader has scrolled and returns focus to the top of the page.
(function () {
  "use strict";
  var fmt;
  try {
    fmt = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      dateStyle: "medium", timeStyle: "short"
    });
  } catch (e) { fmt = null; }
  if (fmt) {
    document.querySelectorAll(".story-meta time[datetime], .correction-meta time[datetime]").forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (!isNaN(d)) {
        el.title = el.textContent;
        el.textContent = fmt.format(d);
      }
    });
  }
  var top = document.querySelector(".back-to-top");
  if (top) {
    document.documentElement.classList.add("js");
    var update = function () {
      top.classList.toggle("is-visible", window.scrollY > window.innerHeight / 2);
    };
    window.addEventListener("scroll", update, { passive: true });
    update();
    // Enable the fade only after the first frame, so the link does not
    // visibly fade out while the page loads.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        document.documentElement.classList.add("js-ready");
      });
    });
    top.addEventListener("click", function (ev) {
      ev.preventDefault();
      var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      window.scrollTo({ top: 0, behavior: reduce ? "auto" : "smooth" });
      var target = document.getElementById("top");
      if (target) {
        target.setAttribute("tabindex", "-1");
        target.focus({ preventScroll: true });
      }
      if (history.replaceState) { history.replaceState(null, "", "#top"); }
    });
  }
})();
