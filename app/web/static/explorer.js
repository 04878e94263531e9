// Progressive enhancement only: every page works without this script.
// On an article, following a fact's link (or a #kind-id address) outlines every piece of that
// fact in the text, including the pieces of a span cut where it crossed another one.
(function () {
  "use strict";
  function highlight() {
    var id = decodeURIComponent(location.hash.slice(1));
    document.querySelectorAll("mark.fact.current").forEach(function (m) { m.classList.remove("current"); });
    if (!/^(quote|person|figure|event)-\d+$/.test(id)) { return; }
    document.querySelectorAll('mark.fact[data-fact="' + id + '"]').forEach(function (m) {
      m.classList.add("current");
    });
  }
  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", highlight);
})();
