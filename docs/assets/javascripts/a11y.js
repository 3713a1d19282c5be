// Accessible names for two widgets of the Material theme that have none (axe-core rules
// aria-dialog-name and aria-progressbar-name), and keyboard access to scrollable code: notebook
// cells, and every code block once the page has loaded (Material's own observer does it for code
// blocks too, but later: an audit of a page on a loaded machine could run before it).
(function () {
  function label(selector, name) {
    document.querySelectorAll(selector).forEach(function (el) {
      if (!el.getAttribute("aria-label")) el.setAttribute("aria-label", name);
    });
  }
  function apply() {
    label(".md-search", "Search the handbook");
    label(".md-progress", "Page loading progress");
    document.querySelectorAll(".task-list-control input").forEach(function (box) {
      if (!box.getAttribute("aria-label")) {
        box.setAttribute("aria-label", box.closest("li").textContent.trim().slice(0, 120));
      }
    });
    document.querySelectorAll(".highlight-ipynb, .jp-OutputArea-output pre, pre > code").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) el.tabIndex = 0;
    });
    document.documentElement.dataset.a11y = "applied";  // for audits: wait for this
  }
  apply();
  if (window.document$) window.document$.subscribe(apply);  // instant navigation
})();
