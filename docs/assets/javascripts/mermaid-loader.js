/*
 * Diagrams cost nothing on pages without one. Material renders `.mermaid` blocks with the global
 * `mermaid` and, when there is none, fetches it from a CDN: this stands in for it, and only when a
 * page actually renders a diagram loads the vendored library (mermaid.min.js, 3.5 MB, next to
 * this file; works from file:// too). The real library then replaces this stand-in.
 */
(function () {
  "use strict";
  if (typeof window.mermaid !== "undefined") return;
  var script = document.currentScript;
  var src = script ? script.src.replace(/mermaid-loader\.js([?#].*)?$/, "mermaid.min.js")
    : "assets/javascripts/mermaid.min.js";
  var options = null;
  var loading = null;
  var stub = {
    initialize: function (opts) { options = opts; },
    render: function (id, text) {
      if (!loading) {
        loading = new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = src;
          tag.onload = function () {
            var real = window.mermaid;
            if (!real || real === stub) {
              reject(new Error("mermaid.min.js did not define mermaid"));
              return;
            }
            if (options) real.initialize(options);
            resolve(real);
          };
          tag.onerror = function () { reject(new Error("could not load " + src)); };
          document.head.appendChild(tag);
        });
      }
      return loading.then(function (real) { return real.render(id, text); });
    }
  };
  window.mermaid = stub;
})();
