// newsdistill viewer: hovering a quote or its table row marks every quote of the same attribution.
(function () {
  "use strict";
  function mark(aid, on) {
    document.querySelectorAll('.q[data-aid="' + CSS.escape(aid) + '"]').forEach(function (el) {
      el.classList.toggle("hot", on);
    });
  }
  document.querySelectorAll("[data-aid]").forEach(function (el) {
    var aid = el.getAttribute("data-aid");
    el.addEventListener("mouseenter", function () { mark(aid, true); });
    el.addEventListener("mouseleave", function () { mark(aid, false); });
  });
})();
