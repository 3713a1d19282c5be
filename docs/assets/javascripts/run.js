/* Run in the browser (issue 17): the Run bar under each sample that qualified at build time
 * (hooks/browser_run.py), and practice mode on the DSA pattern pages. Pyodide (CPython 3.14 in
 * WebAssembly, served from this site under assets/pyodide/) loads in a Web Worker
 * (run-worker.js) only when a reader first presses Run; nothing is fetched before. From file://
 * browsers refuse it, so the button says how to serve the folder instead. Practice results are
 * kept in localStorage ("handbook-practice:v1") and counted on the Progress page. */
(function () {
  "use strict";
  var PRACTICE_KEY = "handbook-practice:v1";
  var OFFLINE = "Your browser does not run WebAssembly from a page opened as a file. Serve this "
    + "folder locally with one command, then open http://localhost:8000/ :";
  var SERVE = "python3 -m http.server -d site-offline";
  var worker = null, pending = {}, nextId = 1, loaded = false;

  function base() {
    var config = document.getElementById("__config");
    var rel = config ? JSON.parse(config.textContent).base : ".";
    return new URL(rel.replace(/\/?$/, "/"), location.href).href;
  }

  function call(message) {
    if (!worker) {
      worker = new Worker(base() + "assets/javascripts/run-worker.js", { type: "module" });
      worker.onmessage = function (event) {
        var done = pending[event.data.id];
        delete pending[event.data.id];
        if (done) done(event.data);
      };
      worker.onerror = function (event) {
        Object.keys(pending).forEach(function (id) {
          pending[id]({ error: event.message || "the Python runtime failed to load" });
          delete pending[id];
        });
        worker = null;
      };
    }
    message.id = nextId++;
    message.base = base();
    return new Promise(function (resolve) {
      pending[message.id] = resolve;
      worker.postMessage(message);
    });
  }

  /* Start Python as the reader presses Run (pointerdown, or the click from the keyboard), while
   * the sample's files are still being fetched; never before a press. */
  function warm() {
    if (!worker && location.protocol !== "file:") call({ kind: "load" });
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
    loaded = false;
    Object.keys(pending).forEach(function (id) {
      pending[id]({ error: "Stopped. The next Run starts Python again." });
      delete pending[id];
    });
  }

  function fetchJson(rel) {
    return fetch(base() + "assets/run/" + rel + ".json").then(function (r) {
      if (!r.ok) throw new Error("could not load " + rel + " (" + r.status + ")");
      return r.json();
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function codeBlockBefore(node) {
    for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.matches(".highlight")) return prev;
      var inner = prev.querySelector && prev.querySelector(".highlight");
      if (inner) return inner;
    }
    return null;
  }

  function offlineNote(box) {
    var note = el("div", { class: "run-offline", role: "note" });
    note.appendChild(el("p", {}, OFFLINE));
    note.appendChild(el("pre", {})).appendChild(el("code", {}, SERVE));
    box.replaceChildren(note);
  }

  /* The section a page shows, spliced back into the whole file with its indentation. */
  function splice(whole, section, edited) {
    if (!section) return edited;
    var lines = whole.split("\n");
    var start = -1, end = -1;
    lines.forEach(function (line, i) {
      if (line.indexOf("[start:" + section + "]") >= 0 && /--8<--/.test(line)) start = i;
      if (line.indexOf("[end:" + section + "]") >= 0 && /--8<--/.test(line)) end = i;
    });
    if (start < 0 || end < 0) return edited;
    var body = lines.slice(start + 1, end).filter(function (l) { return l.trim(); });
    var indent = body.reduce(function (m, l) {
      var n = l.match(/^ */)[0].length;
      return Math.min(m, n);
    }, Infinity);
    var pad = new Array((indent === Infinity ? 0 : indent) + 1).join(" ");
    var mine = edited.replace(/\n$/, "").split("\n").map(function (l) { return l ? pad + l : l; });
    return lines.slice(0, start + 1).concat(mine, lines.slice(end)).join("\n");
  }

  function editor(label, text) {
    var area = el("textarea", { class: "run-editor", spellcheck: "false", autocapitalize: "off",
      autocomplete: "off", "aria-label": label });
    area.value = text;
    area.rows = Math.min(30, text.split("\n").length + 1);
    return area;
  }

  function status(text) {
    return el("p", { class: "run-status", role: "status", "aria-live": "polite" }, text || "");
  }

  function showOutput(panel, data, label) {
    panel.replaceChildren();
    panel.hidden = false;
    if (data.error) {
      panel.appendChild(el("pre", { class: "run-stderr" }, data.error));
      return;
    }
    panel.appendChild(el("p", { class: "run-output__title" }, label + " (exit code " + data.exit
      + ", " + Math.round(data.seconds * 1000) + " ms)"));
    if (data.stdout) panel.appendChild(el("pre", { class: "run-stdout", "aria-label": "stdout",
      tabindex: "0" }, data.stdout));
    if (data.stderr) panel.appendChild(el("pre", { class: "run-stderr", "aria-label":
      "stderr and traceback", tabindex: "0" }, data.stderr));
    if (!data.stdout && !data.stderr) panel.appendChild(el("p", {}, "(no output)"));
  }

  function runBar(bar) {
    if (bar.dataset.ready) return;
    bar.dataset.ready = "1";
    var code = codeBlockBefore(bar);
    if (!code) return;
    var rel = bar.dataset.sample, section = bar.dataset.section;
    var name = rel.split("/").pop();
    var original = code.querySelector("code").textContent.replace(/\n$/, "");
    var controls = el("div", { class: "run-controls", role: "group",
      "aria-label": "Run " + name + " in your browser" });
    var run = el("button", { type: "button", class: "md-button md-button--primary run-run" }, "Run");
    var edit = el("button", { type: "button", class: "md-button run-edit" }, "Edit");
    var reset = el("button", { type: "button", class: "md-button run-reset", hidden: "" }, "Reset");
    var halt = el("button", { type: "button", class: "md-button run-stop", hidden: "" }, "Stop");
    var said = status();
    var panel = el("div", { class: "run-output", hidden: "" });
    controls.append(run, edit, reset, halt);
    bar.append(controls, said, panel);
    var area = null;

    if (location.protocol === "file:") {
      run.addEventListener("click", function () { offlineNote(panel); panel.hidden = false; });
      edit.hidden = true;
      return;
    }
    function current() { return area ? area.value : original; }
    function go() {
      run.disabled = true;
      halt.hidden = false;
      said.textContent = loaded ? "Running…" : "Loading Python 3.14 (Pyodide) — first run only…";
      var started = performance.now();
      warm();
      fetchJson(rel).then(function (data) {
        var files = Object.assign({}, data.files);
        files[data.main] = splice(data.files[data.main], section, current());
        return call({ kind: "sample", files: files, main: data.main });
      }).catch(function (e) { return { error: String(e) }; }).then(function (result) {
        loaded = loaded || !result.error;
        run.disabled = false;
        halt.hidden = true;
        var ms = Math.round(performance.now() - started);
        bar.dataset.lastMs = String(ms);
        if (!result.error) {  // for scripts/bench_browser.py: Python's own run, Pyodide's load
          bar.dataset.runMs = String(Math.round(result.seconds * 1000));
          bar.dataset.loadMs = String(Math.round(result.load_seconds * 1000));
          var marks = result.marks || {};
          if (marks.started_at) {  // when Python's load began, counted from the press
            marks.started_at = Math.round(marks.started_at - performance.timeOrigin - started);
          }
          bar.dataset.loadMarks = JSON.stringify(marks);
          bar.dataset.snapshot = result.snapshot ? "1" : "0";  // Python started from the snapshot
        }
        said.textContent = result.error ? "Did not run." : "Ran in your browser in " + ms + " ms"
          + (area && area.value !== original ? " (your edited code)." : ".");
        showOutput(panel, result, area && area.value !== original
          ? "Your code's output" : "Output in your browser");
      });
    }
    run.addEventListener("pointerdown", warm);
    run.addEventListener("click", go);
    halt.addEventListener("click", function () { stop(); });
    edit.addEventListener("click", function () {
      if (!area) {
        area = editor("Edit " + name + " (Ctrl+Enter runs it)", original);
        area.addEventListener("keydown", function (event) {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            go();
          }
        });
        code.after(area);
      }
      code.hidden = true;
      area.hidden = false;
      reset.hidden = false;
      edit.hidden = true;
      area.focus();
      said.textContent = "Editing: Run (or Ctrl+Enter) runs your version; Reset restores the "
        + "verified code.";
    });
    reset.addEventListener("click", function () {
      if (area) { area.value = original; area.hidden = true; }
      code.hidden = false;
      reset.hidden = true;
      edit.hidden = false;
      panel.hidden = true;
      said.textContent = "Restored the verified code.";
      edit.focus();
    });
  }

  function practiceStore() {
    try { return JSON.parse(localStorage.getItem(PRACTICE_KEY)) || { solved: {} }; }
    catch (e) { return { solved: {} }; }
  }

  function practice(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var code = box.querySelector(".highlight");
    if (!code) return;
    var tests = box.dataset.tests, topic = tests.split("/")[1];
    var starter = code.querySelector("code").textContent.replace(/\n$/, "");
    var area = editor("Your solution (" + box.dataset.module + "; Ctrl+Enter runs the tests)",
      starter);
    code.hidden = true;
    code.after(area);
    var controls = el("div", { class: "run-controls", role: "group", "aria-label": "Practice" });
    var run = el("button", { type: "button", class: "md-button md-button--primary run-run" },
      "Run the tests");
    var reset = el("button", { type: "button", class: "md-button run-reset" }, "Reset");
    var said = status(practiceStore().solved[topic] ? "Solved before in this browser." : "");
    var list = el("ul", { class: "practice-results", "aria-label": "Test results" });
    controls.append(run, reset);
    box.append(controls, said, list);
    if (location.protocol === "file:") {
      run.addEventListener("click", function () { offlineNote(list); });
      return;
    }
    function go() {
      run.disabled = true;
      said.textContent = loaded ? "Running the tests…" : "Loading Python 3.14 (Pyodide)…";
      warm();
      fetchJson(tests).then(function (data) {
        var files = Object.assign({}, data.files);
        files[data.module] = area.value;
        return call({ kind: "tests", files: files, main: data.main }).then(function (r) {
          r.only = data.browser_tests;
          return r;
        });
      }).catch(function (e) { return { error: String(e) }; }).then(function (r) {
        loaded = loaded || !r.error;
        run.disabled = false;
        list.replaceChildren();
        if (r.error) { said.textContent = r.error; return; }
        var shown = r.tests.filter(function (t) {
          return t.id === "import" || r.only.indexOf(t.id) >= 0;
        });
        var passed = shown.filter(function (t) { return t.outcome === "passed"; }).length;
        shown.forEach(function (t) {
          var item = el("li", { class: "practice-" + t.outcome });
          item.appendChild(el("span", { class: "practice-mark" },
            t.outcome === "passed" ? "✓ passed" : "✗ failed"));
          item.appendChild(document.createTextNode(" " + t.id));
          if (t.message) item.appendChild(el("pre", {}, t.message));
          list.appendChild(item);
        });
        var solved = shown.length > 0 && passed === shown.length && shown[0].id !== "import";
        said.textContent = passed + " of " + shown.length + " tests passed"
          + (solved ? " — solved! It counts on the Progress page." : ".");
        if (solved) {
          var store = practiceStore();
          store.solved[topic] = new Date().toISOString();
          try { localStorage.setItem(PRACTICE_KEY, JSON.stringify(store)); } catch (e) { /* full */ }
        }
      });
    }
    run.addEventListener("pointerdown", warm);
    run.addEventListener("click", go);
    area.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); go(); }
    });
    reset.addEventListener("click", function () {
      area.value = starter;
      list.replaceChildren();
      said.textContent = "Restored the starter code.";
      area.focus();
    });
  }

  function progress(box) {
    var solved = Object.keys(practiceStore().solved).sort();
    box.replaceChildren(el("p", {}, solved.length + " of 10 practice prompts solved in the browser"
      + (solved.length ? ": " + solved.join(", ") + "." : ".")));
    box.dataset.solved = String(solved.length);
  }

  function onDocument() {
    document.querySelectorAll(".run-bar").forEach(runBar);
    document.querySelectorAll(".practice-box").forEach(practice);
    var box = document.getElementById("practice-progress");
    if (box) progress(box);
  }

  window.HandbookRun = { stop: stop, practiceKey: PRACTICE_KEY };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onDocument);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onDocument);
  } else {
    onDocument();
  }
})();
