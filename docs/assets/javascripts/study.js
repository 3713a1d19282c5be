/*
 * Study tools for the Backend Interview Handbook (no server, no library, no request off the site).
 *
 * - "Copy link" next to every heading (h2-h4 with an id), on every content tab and on every
 *   question: copies [Page title › Section](site_url/page/#anchor), site_url being the published
 *   site's (<meta name="handbook:site-url">, hooks/canonical_url.py), in directory-URL form even
 *   in the offline copy.
 * - "Known" / "Review again" / "Note" on the sections (h2-h4) of the module pages and on every
 *   collapsible question (details.question); all of it in localStorage under one versioned key.
 * - The Progress page (#study-progress, #study-data): counts per module from Material's search
 *   index and question-bank.json, what is left, export / import / notes as Markdown.
 * - The Flashcards page (#study-flashcards): drills question-bank.json.
 * - Opening a URL whose hash is a tab, or a heading inside a hidden tab, selects that tab and
 *   scrolls to it.
 *
 * Pages are swapped by Material's instant navigation, so everything runs from document$.
 */
(function () {
  "use strict";

  var STORE_KEY = "handbook-study:v1";
  var FORMAT = "backend-interview-handbook/study";
  var MODULES = ["core-python", "concurrency", "dsa-patterns", "backend-systems", "production",
    "machine-coding", "communication", "playbooks"];
  /* A card's level is the Level tab its answer draws on (handbook_site/question_bank.py); its kind
     is where it comes from. Machine Coding and Communication cards have a kind but no level. */
  var LEVEL_ORDER = ["Level 1", "Level 2", "Level 3"];
  var KIND_ORDER = ["Interview Reality", "Worked problem", "Design prompt", "Communication",
    "Follow-up", "Playbook"];

  /* ------------------------------------------------------------------ where the site lives */

  function readConfig() {
    try {
      return JSON.parse(document.getElementById("__config").textContent) || {};
    } catch (e) {
      return {};
    }
  }

  /* The site root, absolute. __config.base is relative to the page this script was first loaded
     on (instant navigation does not reload it), so it is resolved once, now. */
  var ROOT = (function () {
    var base = readConfig().base || ".";
    try {
      return new URL(base.replace(/\/?$/, "/"), location.href).href;
    } catch (e) {
      return location.href.replace(/[^/]*([?#].*)?$/, "");
    }
  })();

  /* The path of a URL relative to the site root ("core-python/memory-management/"). */
  function relPath(href) {
    var url;
    try {
      url = new URL(href, location.href);
    } catch (e) {
      return "";
    }
    url.hash = "";
    url.search = "";
    var s = url.href;
    return s.indexOf(ROOT) === 0 ? decodeURI(s.slice(ROOT.length)) : "";
  }

  /* The public path of a page: "index.html" dropped when the site uses directory URLs. */
  function publicPath(rel) {
    return /(^|\/)index\.html$/.test(rel) ? rel.replace(/index\.html$/, "") : rel;
  }

  /* A page's key, the same whatever the URL style: "core-python/memory-management". */
  function pageKey(rel) {
    return rel.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "").replace(/\/$/, "");
  }

  var LOAD_REL = relPath(location.href);
  /* The published site's address and this build's page layout, written by
     hooks/canonical_url.py: <meta name="handbook:site-url" content="https://…/"
     data-dir-urls="true|false">. */
  var SITE_META = document.querySelector('meta[name="handbook:site-url"]');

  /* Directory URLs, unless pages are "name.html" files (the offline build's layout): the
     meta tag says; without one, the canonical link or this page's own address tells. */
  var DIR_URLS = (function () {
    if (SITE_META && SITE_META.getAttribute("data-dir-urls")) {
      return SITE_META.getAttribute("data-dir-urls") === "true";
    }
    var link = document.querySelector('link[rel="canonical"]');
    if (link && link.href) return !/\.html$/.test(link.href.replace(/[?#].*$/, ""));
    return !/(^|\/)(?!index\.html$)[^/]+\.html$/.test(LOAD_REL);
  })();

  /* The configured site_url: Material writes it into <link rel="canonical"> as site_url + page. */
  var SITE = (function () {
    var configured = SITE_META && SITE_META.getAttribute("content");
    if (configured && /^https?:\/\//i.test(configured)) return configured.replace(/\/?$/, "/");
    var link = document.querySelector('link[rel="canonical"]');
    if (link && link.href) {
      var canonical = link.href.replace(/[?#].*$/, "");
      var candidates = [LOAD_REL, publicPath(LOAD_REL)];
      for (var i = 0; i < candidates.length; i++) {
        var tail = candidates[i];
        if (canonical.slice(canonical.length - tail.length) === tail) {
          var site = canonical.slice(0, canonical.length - tail.length);
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(site)) return site.replace(/\/?$/, "/");
        }
      }
    }
    return ROOT;
  })();

  /* "core-python/memory-management.md" -> the page's location relative to the root. */
  function mdToLoc(md) {
    var path = md.replace(/\.md$/, "");
    if (DIR_URLS) {
      if (path === "index") return "";
      return path.replace(/(^|\/)index$/, "$1").replace(/([^/])$/, "$1/");
    }
    return path + ".html";
  }

  function moduleOf(key) {
    var top = key.split("/")[0];
    return MODULES.indexOf(top) >= 0 ? top : "";
  }

  /* A location in this build ("x/y.html#a", "x/y/#a", "index.html") as the published site
     writes it: directory URLs ("x/y/#a"), whatever the layout of the copy being read. */
  function publishedLoc(loc) {
    var hash = loc.indexOf("#");
    var page = hash >= 0 ? loc.slice(0, hash) : loc;
    var key = pageKey(page);
    return (key ? key + "/" : "") + (hash >= 0 ? loc.slice(hash) : "");
  }

  /* Links a reader copies or exports: the published site, never this copy's address. */
  function absoluteUrl(loc) {
    return SITE + publishedLoc(loc);
  }

  function localUrl(loc) {
    return ROOT + loc;
  }

  /* ------------------------------------------------------------------------- the store */

  function emptyState() {
    return { version: 1, entries: {} };
  }

  function loadState() {
    try {
      var raw = localStorage.getItem(STORE_KEY);
      if (!raw) return emptyState();
      var state = JSON.parse(raw);
      if (!state || state.version !== 1 || typeof state.entries !== "object" || !state.entries) {
        return emptyState();
      }
      return state;
    } catch (e) {
      return emptyState();
    }
  }

  function saveState(state) {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) {
      toast("Could not save: this browser's storage is full or disabled.");
      return false;
    }
    document.dispatchEvent(new CustomEvent("study:change"));
    return true;
  }

  function getEntry(id) {
    return loadState().entries[id] || {};
  }

  /* Set status ("known", "review" or null) and/or note ("" deletes) of one item. */
  function updateEntry(id, meta, change) {
    var state = loadState();
    var entry = state.entries[id] || {};
    var now = Date.now();
    ["kind", "title", "href"].forEach(function (k) {
      if (meta && meta[k]) entry[k] = meta[k];
    });
    if ("status" in change) {
      if (change.status) entry.status = change.status;
      else delete entry.status;
      entry.statusAt = now;
    }
    if ("note" in change) {
      if (change.note) entry.note = change.note;
      else delete entry.note;
      entry.noteAt = now;
    }
    if (entry.status || entry.note) state.entries[id] = entry;
    else delete state.entries[id];
    return saveState(state);
  }

  /* Accept an exported file: {format, version: 1, entries: {id: {...}}}; keep only known fields. */
  function sanitizeImport(data) {
    if (!data || typeof data !== "object" || data.version !== 1 || typeof data.entries !== "object"
        || !data.entries || (data.format && data.format !== FORMAT)) {
      throw new Error("This is not a study export of this handbook (version 1).");
    }
    var out = {};
    Object.keys(data.entries).forEach(function (id) {
      var e = data.entries[id];
      if (typeof id !== "string" || id.length > 600 || !e || typeof e !== "object") return;
      var clean = {};
      if (e.status === "known" || e.status === "review") clean.status = e.status;
      if (typeof e.note === "string" && e.note) clean.note = e.note.slice(0, 100000);
      ["title", "href", "kind"].forEach(function (k) {
        if (typeof e[k] === "string") clean[k] = e[k].slice(0, 2000);
      });
      ["statusAt", "noteAt"].forEach(function (k) {
        if (typeof e[k] === "number" && isFinite(e[k])) clean[k] = e[k];
      });
      if (clean.status || clean.note) out[id] = clean;
    });
    return out;
  }

  /* Merge: every item of the file is added; where both sides have an item, the more recent
     status and the more recent note win separately. Nothing already here is deleted. */
  function mergeEntries(current, incoming) {
    var merged = JSON.parse(JSON.stringify(current));
    Object.keys(incoming).forEach(function (id) {
      var mine = merged[id];
      var theirs = incoming[id];
      if (!mine) {
        merged[id] = theirs;
        return;
      }
      ["title", "href", "kind"].forEach(function (k) {
        if (!mine[k] && theirs[k]) mine[k] = theirs[k];
      });
      if (theirs.status && (!mine.status || (theirs.statusAt || 0) >= (mine.statusAt || 0))) {
        mine.status = theirs.status;
        mine.statusAt = theirs.statusAt;
      }
      if (theirs.note && (!mine.note || (theirs.noteAt || 0) >= (mine.noteAt || 0))) {
        mine.note = theirs.note;
        mine.noteAt = theirs.noteAt;
      }
    });
    return merged;
  }

  /* ------------------------------------------------------------------------ DOM helpers */

  var ICONS = {
    link: "M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42",
    known: "M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2m0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8m4.59-12.42L10 14.17l-2.59-2.58L6 13l4 4 8-8z",
    review: "M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 0 0-8 8 8 8 0 0 0 8 8c3.73 0 6.84-2.55 7.73-6h-2.08A5.99 5.99 0 0 1 12 18a6 6 0 0 1-6-6 6 6 0 0 1 6-6c1.66 0 3.14.69 4.22 1.78L13 11h7V4z",
    note: "m18.13 12 1.26-1.26c.44-.44 1-.68 1.61-.74V9l-6-6H5c-1.11 0-2 .89-2 2v14a2 2 0 0 0 2 2h6v-1.87l.13-.13H5V5h7v7zM14 4.5l5.5 5.5H14zm5.13 9.33 2.04 2.04L15.04 22H13v-2.04zm3.72.36-.98.98-2.04-2.04.98-.98c.19-.2.52-.2.72 0l1.32 1.32c.2.2.2.53 0 .72",
    shuffle: "m17 3 5.25 4.5L17 12l5.25 4.5L17 21v-3h-2.74l-2.82-2.82 2.12-2.12L15.5 15H17V9h-1.5l-9 9H2v-3h3.26l9-9H17zM2 6h4.5l2.82 2.82-2.12 2.12L5.26 9H2z",
    download: "M5 20h14v-2H5m14-9h-4V3H9v6H5l7 7z",
    upload: "M9 16v-6H5l7-7 7 7h-4v6zm-4 4v-2h14v2z",
    eye: "M12 9a3 3 0 0 1 3 3 3 3 0 0 1-3 3 3 3 0 0 1-3-3 3 3 0 0 1 3-3m0-4.5c5 0 9.27 3.11 11 7.5-1.73 4.39-6 7.5-11 7.5S2.73 16.39 1 12c1.73-4.39 6-7.5 11-7.5M3.18 12a9.821 9.821 0 0 0 17.64 0 9.821 9.821 0 0 0-17.64 0",
    prev: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    next: "M4 11v2h12l-5.5 5.5 1.42 1.42L19.84 12l-7.92-7.92L10.5 5.5 16 11z"
  };

  var SVG_NS = "http://www.w3.org/2000/svg";

  function icon(name) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  /* el("button", {class: "x", "aria-label": "..."}, child, "text", ...) */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k === "html") node.innerHTML = v; /* only ever our own escaped output */
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  var uid = 0;
  function nextId(prefix) {
    uid += 1;
    return prefix + "-" + uid;
  }

  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function decodeHtml(s) {
    var doc = new DOMParser().parseFromString("<body>" + String(s), "text/html");
    return (doc.body.textContent || "").replace(/\s+/g, " ").trim();
  }

  function textOf(node, drop) {
    var clone = node.cloneNode(true);
    clone.querySelectorAll(drop || ".headerlink, .study-controls, .study-chip")
      .forEach(function (n) { n.remove(); });
    return (clone.textContent || "").replace(/\s+/g, " ").trim();
  }

  function pageTitle() {
    var h1 = document.querySelector(".md-content h1");
    if (h1) return textOf(h1);
    return document.title.replace(/\s+-\s+[^-]*$/, "").trim();
  }

  function markdownLink(text, url) {
    var label = text.replace(/\\/g, "\\\\").replace(/\[/g, "\\[").replace(/\]/g, "\\]");
    return "[" + label + "](" + url.replace(/ /g, "%20").replace(/\)/g, "%29") + ")";
  }

  var toastNode = null;
  var toastTimer = 0;
  function toast(message) {
    if (!toastNode || !document.body.contains(toastNode)) {
      toastNode = el("div", { class: "study-toast", role: "status", "aria-live": "polite" });
      document.body.appendChild(toastNode);
    }
    toastNode.textContent = message;
    toastNode.classList.add("study-toast--visible");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () {
      toastNode.classList.remove("study-toast--visible");
    }, 2500);
  }

  function copyText(text) {
    function fallback() {
      var area = el("textarea", { class: "study-offscreen", readonly: true });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      area.remove();
      return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return fallback();
  }

  function copyLink(title, loc, button) {
    var text = markdownLink(title, absoluteUrl(loc));
    copyText(text).then(function () {
      toast("Link copied: " + text);
      if (button) {
        button.classList.add("study-btn--done");
        setTimeout(function () { button.classList.remove("study-btn--done"); }, 1500);
      }
    }, function () {
      toast("Copy was refused by the browser. The link: " + text);
    });
  }

  function download(name, type, content) {
    var blob = new Blob([content], { type: type });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name, class: "study-offscreen" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(url);
      a.remove();
    }, 1000);
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* ------------------------------------------------------------------- data from the site */

  function loadScriptGlobal(src, name) {
    if (window[name]) return Promise.resolve(window[name]);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () {
        window[name] ? resolve(window[name]) : reject(new Error(name + " missing"));
      };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  function fetchJson(path) {
    return fetch(ROOT + path, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.json();
    });
  }

  var searchIndexPromise = null;
  /* Material's search index; from files (file://) the offline plugin inlines it as __index. */
  function loadSearchIndex() {
    if (!searchIndexPromise) {
      searchIndexPromise = (location.protocol === "file:"
        ? loadScriptGlobal(ROOT + "search/search_index.js", "__index")
        : fetchJson("search/search_index.json"));
      searchIndexPromise.catch(function () { searchIndexPromise = null; });
    }
    return searchIndexPromise;
  }

  var bankPromise = null;
  /* question-bank.json. From files (file://, where fetch is refused) only a bank the page
     already carries as window.__question_bank is used: no request that could fail. */
  function loadBank() {
    if (!bankPromise) {
      bankPromise = (location.protocol === "file:"
        ? (window.__question_bank ? Promise.resolve(window.__question_bank)
          : Promise.reject(new Error("question bank not available from files")))
        : fetchJson("question-bank.json")).then(function (bank) {
        if (!Array.isArray(bank)) throw new Error("question-bank.json is not a list");
        return bank;
      });
      bankPromise.catch(function () { bankPromise = null; });
    }
    return bankPromise;
  }

  /* The site's sections and pages, from the search index, grouped by module. */
  function siteSections(index) {
    var pages = {};
    var sections = [];
    var moduleNames = {};
    (index.docs || []).forEach(function (doc) {
      var loc = String(doc.location || "");
      var hash = loc.indexOf("#");
      var page = hash >= 0 ? loc.slice(0, hash) : loc;
      var key = pageKey(page);
      var module = moduleOf(key);
      if (!module) return;
      var title = decodeHtml(doc.title || "");
      if (hash < 0) {
        pages[key] = { key: key, loc: page, title: title, module: module };
        if (key === module) moduleNames[module] = title;
        return;
      }
      var anchor = loc.slice(hash + 1);
      if (!anchor) return;
      /* A container heading (only sub-headings, tabs or questions under it) has no text of its
         own, or only its questions': its parts are counted instead (isContainer on the page). */
      var body = String(doc.text || "").trim();
      if (!body || /^Q:/.test(body)) return;
      sections.push({ id: key + "#" + anchor, key: key, loc: loc, title: title, module: module });
    });
    var seen = {};
    sections = sections.filter(function (s) {
      if (seen[s.id]) return false;
      seen[s.id] = true;
      return true;
    });
    return { pages: pages, sections: sections, moduleNames: moduleNames };
  }

  /* Reading order of pages and the modules' short names, from the site navigation. */
  function navInfo() {
    var order = {};
    var names = {};
    var n = 0;
    document.querySelectorAll(".md-nav--primary a.md-nav__link[href]").forEach(function (a) {
      var key = pageKey(relPath(a.href));
      if (!(key in order)) order[key] = n++;
      if (MODULES.indexOf(key) >= 0 && !names[key]) {
        var text = (a.textContent || "").replace(/\s+/g, " ").trim();
        if (text) names[key] = text;
      }
    });
    return { order: order, names: names };
  }

  function bankModule(q) {
    return String(q.page || "").split("/")[0];
  }

  function questionId(q) {
    return "q:" + q.id;
  }

  function questionLoc(q) {
    var link = String(q.link || q.page || "");
    var hash = link.indexOf("#");
    var page = hash >= 0 ? link.slice(0, hash) : link;
    return mdToLoc(page) + (hash >= 0 ? link.slice(hash) : "");
  }

  function normQuestion(s) {
    return String(s).replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/^\s*Q:\s*/i, "")
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }

  /* ---------------------------------------------------------------- a tiny safe Markdown */

  function safeHref(raw) {
    var url = raw.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      return /^(https?|mailto):/i.test(url) ? url : null;
    }
    if (url.charAt(0) === "#" || url.charAt(0) === "/") return url;
    /* Links in the question bank are relative to the site root: page.md#anchor. */
    var m = /^([^#?]*?\.md)([?#].*)?$/.exec(url);
    if (m) return localUrl(mdToLoc(m[1].replace(/^\.\//, ""))) + (m[2] || "");
    return localUrl(url.replace(/^\.\//, ""));
  }

  function renderInline(text) {
    var codes = [];
    var src = String(text).replace(/\u0000/g, "");
    src = src.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, function (m, ticks, code) {
      codes.push(code.replace(/^ ([\s\S]*) $/, "$1"));
      return "\u0000" + (codes.length - 1) + "\u0000";
    });
    var s = esc(src);
    s = s.replace(/&amp;(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, "&$1;");
    s = s.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+&quot;[^"]*?&quot;)?\)/g, function (m, label, url) {
      var href = safeHref(url);
      return href ? '<a href="' + esc(href) + '">' + label + "</a>" : label;
    });
    s = s.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>");
    s = s.replace(/(^|[^\w*])__(?=\S)([\s\S]*?\S)__(?!\w)/g, "$1<strong>$2</strong>");
    s = s.replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])/g, "$1<em>$2</em>");
    s = s.replace(/(^|[^\w*])\*([^\s*])\*(?![\w*])/g, "$1<em>$2</em>");
    s = s.replace(/(^|[^\w])_(?=[^\s_])([^_]*?[^\s_])_(?!\w)/g, "$1<em>$2</em>");
    s = s.replace(/==(?=\S)([^=]*?\S)==/g, "<mark>$1</mark>");
    return s.replace(/\u0000(\d+)\u0000/g, function (m, i) {
      return "<code>" + esc(codes[+i]) + "</code>";
    });
  }

  var RE_FENCE = /^(\s*)(`{3,}|~{3,})\s*(.*)$/;
  var RE_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
  var RE_QUOTE = /^\s{0,3}>/;
  var RE_LIST = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$/;
  var RE_ADMONITION = /^\s*(!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"(.*)")?\s*$/;
  var RE_TAB = /^\s*===\+?\s+"(.*)"\s*$/;
  var RE_HR = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
  var RE_TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

  function indentOf(line) {
    return line.length - line.replace(/^\s+/, "").length;
  }

  function dedent(lines, n) {
    return lines.map(function (l) {
      return indentOf(l) >= n ? l.slice(n) : l.replace(/^\s+/, "");
    });
  }

  function startsBlock(line) {
    return RE_FENCE.test(line) || RE_HEADING.test(line) || RE_QUOTE.test(line)
      || RE_LIST.test(line) || RE_ADMONITION.test(line) || RE_TAB.test(line) || RE_HR.test(line);
  }

  function tableRow(line) {
    return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map(function (c) {
      return c.trim();
    });
  }

  function renderBlocks(lines, opts) {
    var out = [];
    var i = 0;
    while (i < lines.length) {
      var line = lines[i];
      var m;
      if (!line.trim()) {
        i++;
        continue;
      }
      if ((m = RE_FENCE.exec(line))) {
        var fence = m[2];
        var info = m[3] || "";
        var body = [];
        i++;
        while (i < lines.length) {
          var close = RE_FENCE.exec(lines[i]);
          if (close && close[2].charAt(0) === fence.charAt(0) && close[2].length >= fence.length
              && !close[3].trim()) {
            i++;
            break;
          }
          body.push(lines[i]);
          i++;
        }
        body = dedent(body, m[1].length);
        var title = (/title="([^"]*)"/.exec(info) || [])[1];
        var lang = (/^([\w+-]+)/.exec(info) || [])[1];
        if (!body.join("").trim()) {
          /* The build strips sample includes from the bank: point at the page instead. */
          out.push('<p class="study-sample">' + (title ? "Sample <code>" + esc(title) + "</code>"
            : "A sample") + " is shown, with its verified output, in the "
            + (opts.source ? '<a href="' + esc(opts.source) + '">source section</a>'
              : "source section") + ".</p>");
          continue;
        }
        out.push('<div class="' + (lang ? "language-" + esc(lang) + " " : "") + 'highlight">'
          + (title ? '<span class="filename">' + esc(title) + "</span>" : "")
          + "<pre><code>" + esc(body.join("\n")) + "</code></pre></div>");
        continue;
      }
      if ((m = RE_ADMONITION.exec(line)) || (m = RE_TAB.exec(line))) {
        var isTab = RE_TAB.test(line);
        var base = indentOf(line);
        var inner = [];
        i++;
        while (i < lines.length && (!lines[i].trim() || indentOf(lines[i]) > base)) {
          inner.push(lines[i]);
          i++;
        }
        var innerHtml = renderBlocks(dedent(inner, base + 4), opts);
        if (isTab) {
          out.push("<p><strong>" + renderInline(m[1]) + "</strong></p>" + innerHtml);
        } else {
          var kind = m[2].toLowerCase();
          var head = m[3] !== undefined ? m[3] : kind.charAt(0).toUpperCase() + kind.slice(1);
          if (m[1] === "!!!") {
            out.push('<div class="admonition ' + esc(kind) + '">'
              + (head ? '<p class="admonition-title">' + renderInline(head) + "</p>" : "")
              + innerHtml + "</div>");
          } else {
            out.push('<details class="' + esc(kind) + '"' + (m[1] === "???+" ? " open" : "")
              + "><summary>" + renderInline(head) + "</summary>" + innerHtml + "</details>");
          }
        }
        continue;
      }
      if ((m = RE_HEADING.exec(line))) {
        out.push('<p class="study-md-heading"><strong>' + renderInline(m[2]) + "</strong></p>");
        i++;
        continue;
      }
      if (RE_HR.test(line)) {
        out.push("<hr>");
        i++;
        continue;
      }
      if (RE_QUOTE.test(line)) {
        var quoted = [];
        while (i < lines.length && lines[i].trim() && (RE_QUOTE.test(lines[i])
               || (quoted.length && !startsBlock(lines[i])))) {
          quoted.push(lines[i].replace(/^\s{0,3}> ?/, ""));
          i++;
        }
        out.push("<blockquote>" + renderBlocks(quoted, opts) + "</blockquote>");
        continue;
      }
      if ((m = RE_LIST.exec(line))) {
        var listIndent = m[1].length;
        var ordered = /\d/.test(m[2]);
        var items = [];
        while (i < lines.length) {
          var item = RE_LIST.exec(lines[i]);
          if (!item || item[1].length !== listIndent || /\d/.test(item[2]) !== ordered) break;
          var width = item[1].length + item[2].length + item[3].length;
          var itemLines = [item[4]];
          i++;
          while (i < lines.length) {
            var next = lines[i];
            if (!next.trim()) {
              var after = lines[i + 1];
              if (after !== undefined && after.trim() && indentOf(after) > listIndent) {
                itemLines.push("");
                i++;
                continue;
              }
              break;
            }
            if (indentOf(next) > listIndent) {
              itemLines.push(next);
              i++;
              continue;
            }
            if (RE_LIST.test(next) || startsBlock(next)) break;
            itemLines.push(next); /* lazy continuation */
            i++;
          }
          var rest = dedent(itemLines.slice(1), width);
          var rendered = renderBlocks([itemLines[0]].concat(rest), opts);
          if (!rest.some(function (l) { return !l.trim(); })) {
            rendered = rendered.replace(/^<p>([\s\S]*?)<\/p>/, "$1");
          }
          items.push("<li>" + rendered + "</li>");
          while (i < lines.length && !lines[i].trim()) {
            var peek = lines[i + 1];
            var again = peek !== undefined && RE_LIST.exec(peek);
            if (again && again[1].length === listIndent) i++;
            else break;
          }
        }
        var start = ordered ? parseInt(m[2], 10) : 1;
        out.push(ordered ? "<ol" + (start !== 1 ? ' start="' + start + '"' : "") + ">"
          + items.join("") + "</ol>" : "<ul>" + items.join("") + "</ul>");
        continue;
      }
      if (/^\s*\|/.test(line) && lines[i + 1] && RE_TABLE_SEP.test(lines[i + 1])) {
        var header = tableRow(line);
        i += 2;
        var rows = [];
        while (i < lines.length && /^\s*\|/.test(lines[i])) {
          rows.push(tableRow(lines[i]));
          i++;
        }
        out.push("<table><thead><tr>" + header.map(function (c) {
          return "<th>" + renderInline(c) + "</th>";
        }).join("") + "</tr></thead><tbody>" + rows.map(function (r) {
          return "<tr>" + r.map(function (c) { return "<td>" + renderInline(c) + "</td>"; })
            .join("") + "</tr>";
        }).join("") + "</tbody></table>");
        continue;
      }
      var para = [line.trim()];
      i++;
      while (i < lines.length && lines[i].trim() && !startsBlock(lines[i])) {
        para.push(lines[i].trim());
        i++;
      }
      out.push("<p>" + renderInline(para.join("\n")) + "</p>");
    }
    return out.join("\n");
  }

  /* Markdown -> HTML. Every character of the input is escaped; only the tags made here exist. */
  function renderMarkdown(src, opts) {
    var lines = String(src || "").replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n");
    return renderBlocks(lines, opts || {});
  }

  /* Questions quoted with their code block arrive flattened on one line: drop the include. */
  function cleanQuestion(text) {
    return String(text).replace(/```[^`]*?--8<--[^`]*?```/g, "(code on the page)")
      .replace(/\s*\*\(site addition\)\*/g, "");
  }

  /* --------------------------------------------------------------- controls on the pages */

  function setPressed(button, on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  /* Known / Review again / Note buttons for one item; `meta` describes it in exports. */
  function trackButtons(id, meta, name, withText, notePanelHost) {
    var group = [];
    var known = el("button", {
      type: "button", class: "study-btn study-btn--known", "data-study-id": id,
      "data-action": "known", "aria-pressed": "false", title: "I know this",
      "aria-label": withText ? null : "Known: " + name
    }, icon("known"), withText ? el("span", { text: "Known" }) : null);
    var review = el("button", {
      type: "button", class: "study-btn study-btn--review", "data-study-id": id,
      "data-action": "review", "aria-pressed": "false", title: "Review this again",
      "aria-label": withText ? null : "Review again: " + name
    }, icon("review"), withText ? el("span", { text: "Review again" }) : null);
    var note = el("button", {
      type: "button", class: "study-btn study-btn--note", "data-study-id": id,
      "data-action": "note", "aria-expanded": "false", title: "Your note",
      "aria-label": withText ? null : "Note: " + name
    }, icon("note"), withText ? el("span", { text: "Note" }) : null);
    [known, review].forEach(function (button) {
      button.addEventListener("click", function () {
        var status = button.getAttribute("data-action");
        var current = getEntry(id).status;
        updateEntry(id, meta, { status: current === status ? null : status });
        var now = getEntry(id).status;
        toast(now ? (now === "known" ? "Marked known: " : "Marked to review again: ") + name
          : "Unmarked: " + name);
      });
    });
    note.addEventListener("click", function () {
      toggleNote(note, id, meta, name, notePanelHost);
    });
    group.push(known, review, note);
    return group;
  }

  function toggleNote(button, id, meta, name, host) {
    var panelId = button.getAttribute("aria-controls");
    var panel = panelId && document.getElementById(panelId);
    if (panel) {
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) panel.querySelector("textarea").focus();
      return;
    }
    panelId = nextId("study-note");
    var areaId = panelId + "-text";
    var status = el("span", { class: "study-note__status", "aria-live": "polite" });
    var area = el("textarea", { id: areaId, rows: "4", "data-study-id": id, spellcheck: "true" });
    area.value = getEntry(id).note || "";
    var timer = 0;
    function save() {
      clearTimeout(timer);
      var text = area.value.replace(/\s+$/, "");
      if ((getEntry(id).note || "") === text) return;
      updateEntry(id, meta, { note: text });
      status.textContent = text ? "Saved in this browser" : "Note deleted";
    }
    area.addEventListener("input", function () {
      status.textContent = "Saving…";
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    });
    area.addEventListener("blur", save);
    area.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        save();
        panel.hidden = true;
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
    panel = el("div", { class: "study-note", id: panelId },
      el("label", { for: areaId, text: "Your note on “" + name + "”" }),
      area,
      el("div", { class: "study-note__foot" }, status,
        el("button", {
          type: "button", class: "study-link-btn", text: "Delete note",
          onclick: function () {
            area.value = "";
            save();
            area.focus();
          }
        }),
        el("button", {
          type: "button", class: "study-link-btn", text: "Close",
          onclick: function () {
            save();
            panel.hidden = true;
            button.setAttribute("aria-expanded", "false");
            button.focus();
          }
        })));
    button.setAttribute("aria-controls", panelId);
    button.setAttribute("aria-expanded", "true");
    host(panel);
    area.focus();
  }

  /* Bring every control on the page in line with the store. */
  function refreshControls() {
    var entries = loadState().entries;
    document.querySelectorAll(".study-btn[data-study-id]").forEach(function (button) {
      var entry = entries[button.getAttribute("data-study-id")] || {};
      var action = button.getAttribute("data-action");
      if (action === "known" || action === "review") setPressed(button, entry.status === action);
      if (action === "note") button.classList.toggle("study-btn--has-note", !!entry.note);
    });
    document.querySelectorAll(".study-chip[data-study-id]").forEach(function (chip) {
      var entry = entries[chip.getAttribute("data-study-id")] || {};
      chip.setAttribute("data-status", entry.status || "");
      chip.textContent = entry.status === "known" ? "Known"
        : entry.status === "review" ? "Review again" : "";
    });
    document.querySelectorAll(".study-note textarea[data-study-id]").forEach(function (area) {
      if (document.activeElement === area) return;
      area.value = (entries[area.getAttribute("data-study-id")] || {}).note || "";
    });
  }

  /* A container heading's section holds only sub-headings, tabs or questions (Explained by level,
     Interview Reality, Follow-up questions): its parts are marked one by one, so it gets a
     copy-link button but no Known / Review marks and is not counted on Progress. */
  function isContainer(heading) {
    var level = Number(heading.tagName.slice(1));
    var holdsParts = false;
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      var m = /^H([1-6])$/.exec(node.tagName);
      if (m) {
        return Number(m[1]) > level || holdsParts;  /* a sub-heading: the rest is its own */
      }
      if (node.classList.contains("tabbed-set") || node.matches("details.question")
        || node.classList.contains("study-note")) {
        holdsParts = true;
        continue;
      }
      return false;
    }
    return holdsParts;
  }

  function isLevelTab(name) {
    return /^Level [1-3]\b/.test(name);
  }

  function enhanceHeadings(content, rel, key, module, title) {
    content.querySelectorAll("h2[id], h3[id], h4[id]").forEach(function (heading) {
      if (heading.querySelector(".study-controls") || heading.closest(".study-app")) return;
      var name = textOf(heading);
      var anchor = heading.id;
      var loc = publicPath(rel) + "#" + anchor;
      var full = title + " › " + name;
      var group = el("span", { class: "study-controls", role: "group",
        "aria-label": "Study tools: " + name });
      var copy = el("button", {
        type: "button", class: "study-btn study-btn--copy", title: "Copy a Markdown link",
        "aria-label": "Copy link to “" + name + "”", "data-anchor": anchor
      }, icon("link"));
      copy.addEventListener("click", function () { copyLink(full, loc, copy); });
      group.appendChild(copy);
      if (module && !isContainer(heading)) {
        var id = key + "#" + anchor;
        trackButtons(id, { kind: "section", title: full, href: loc }, name, false,
          function (panel) { heading.insertAdjacentElement("afterend", panel); })
          .forEach(function (b) { group.appendChild(b); });
      }
      heading.appendChild(group);
    });
  }

  function enhanceTabs(content, rel, key, module, title) {
    content.querySelectorAll(".tabbed-set").forEach(function (set) {
      var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
      set.querySelectorAll(":scope > input[id]").forEach(function (input, index) {
        var block = blocks[index];
        if (!block || block.querySelector(":scope > .study-tab-tools")) return;
        var label = set.querySelector('label[for="' + CSS.escape(input.id) + '"]');
        var name = label ? textOf(label) : input.id;
        var loc = publicPath(rel) + "#" + input.id;
        var copy = el("button", {
          type: "button", class: "study-btn study-btn--copy", title: "Copy a Markdown link to this tab",
          "aria-label": "Copy link to tab “" + name + "”", "data-anchor": input.id
        }, icon("link"));
        copy.addEventListener("click", function () { copyLink(title + " › " + name, loc, copy); });
        var tools = el("div", { class: "study-tab-tools" }, copy);
        if (module && isLevelTab(name)) {  /* known per level, not one mark per topic */
          trackButtons(key + "#" + input.id, { kind: "section", title: title + " › " + name,
            href: loc }, name, false, function (panel) { tools.insertAdjacentElement("afterend", panel); })
            .forEach(function (b) { tools.appendChild(b); });
        }
        block.insertBefore(tools, block.firstChild);
      });
    });
  }

  var bankMatcher = null;
  function matcher(bank) {
    if (bankMatcher && bankMatcher.bank === bank) return bankMatcher;
    var byText = {};
    bank.forEach(function (q) {
      var k = normQuestion(q.question);
      (byText[k] = byText[k] || []).push(q);
    });
    bankMatcher = { bank: bank, byText: byText };
    return bankMatcher;
  }

  /* The build tags each question with its bank id and link (hooks/question_bank.py), so a topic
     page needs no question-bank.json; only an untagged question makes it load the bank. */
  function enhanceQuestions(content, rel, key, title) {
    var details = Array.prototype.filter.call(content.querySelectorAll("details.question"),
      function (d) { return !d.closest(".study-app") && !d.querySelector(":scope > .study-qbar"); });
    if (!details.length) return;
    var tagged = details.every(function (d) {
      return d.getAttribute("data-question-id") && d.getAttribute("data-question-link");
    });
    (tagged ? Promise.resolve([]) : loadBank().catch(function () { return []; }))
      .then(function (bank) {
      var match = matcher(bank);
      details.forEach(function (d) {
        var summary = d.querySelector(":scope > summary");
        if (!summary || d.querySelector(":scope > .study-qbar") || !document.contains(d)) return;
        var text = textOf(summary).replace(/^Q:\s*/, "");
        var id;
        var meta;
        if (d.getAttribute("data-question-id")) {
          id = "q:" + d.getAttribute("data-question-id");
        }
        var link = d.getAttribute("data-question-link");
        var candidates = link ? [] : match.byText[normQuestion(text)] || [];
        var q = candidates.filter(function (c) { return pageKey(mdToLoc(c.page)) === key; })[0]
          || candidates[0];
        if (link) {
          meta = { kind: "question", title: title + " › " + text,
            href: questionLoc({ link: link }) };
        } else if (q) {
          id = id || questionId(q);
          meta = { kind: "question", title: q.page_title + " › " + text, href: questionLoc(q) };
        } else {
          id = id || "q:" + key + "#" + normQuestion(text).slice(0, 80);
          var prev = nearestAnchor(d);
          meta = { kind: "question", title: title + " › " + text,
            href: publicPath(rel) + (prev ? "#" + prev : "") };
        }
        var chip = el("span", { class: "study-chip", "data-study-id": id, "aria-hidden": "true" });
        summary.appendChild(chip);
        var bar = el("div", { class: "study-qbar", role: "group",
          "aria-label": "Study tools for this question" });
        trackButtons(id, meta, text, true, function (panel) { bar.appendChild(panel); })
          .forEach(function (b) { bar.appendChild(b); });
        if (d.id) {
          var copy = el("button", { type: "button", class: "study-btn study-btn--copy",
            title: "Copy a Markdown link to this question",
            "aria-label": "Copy link to question “" + text + "”", "data-anchor": d.id },
          icon("link"));
          copy.addEventListener("click", function () {
            copyLink(title + " › " + text, publicPath(rel) + "#" + d.id, copy);
          });
          bar.appendChild(copy);
        }
        d.appendChild(bar);
      });
      refreshControls();
    });
  }

  function nearestAnchor(node) {
    var block = node.closest(".tabbed-block");
    if (block) {
      var set = block.parentElement.parentElement;
      var index = Array.prototype.indexOf.call(block.parentElement.children, block);
      var input = set.querySelectorAll(":scope > input[id]")[index];
      if (input) return input.id;
    }
    var headings = document.querySelectorAll(".md-content h2[id], .md-content h3[id]");
    var found = "";
    headings.forEach(function (h) {
      if (h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) found = h.id;
    });
    return found;
  }

  /* ------------------------------------------------------------ deep links into tabs */

  function headerOffset() {
    var header = document.querySelector(".md-header");
    return (header ? header.getBoundingClientRect().height : 48) + 8;
  }

  function revealTarget() {
    var hash = location.hash.slice(1);
    if (!hash) return;
    var id;
    try {
      id = decodeURIComponent(hash);
    } catch (e) {
      id = hash;
    }
    var target = document.getElementById(id);
    if (!target || !target.closest(".md-content")) return;
    var isTab = target.matches(".tabbed-set > input");
    var changed = false;
    if (isTab && !target.checked) {
      target.click();
      changed = true;
    }
    if (target.tagName === "DETAILS" && !target.open) { /* a question linked by its own anchor */
      target.open = true;
      changed = true;
    }
    for (var node = target.parentElement; node && node !== document.body; node = node.parentElement) {
      if (node.classList.contains("tabbed-block")) {
        var content = node.parentElement;
        var index = Array.prototype.indexOf.call(content.children, node);
        var input = content.parentElement.querySelectorAll(":scope > input")[index];
        if (input && !input.checked) {
          input.click();
          changed = true;
        }
      }
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        changed = true;
      }
    }
    var anchorNode = isTab ? target.parentElement : target;
    function scroll() {
      var top = anchorNode.getBoundingClientRect().top;
      var offset = headerOffset();
      if (changed || top < offset - 4 || top > window.innerHeight * 0.6) {
        window.scrollTo({ top: window.scrollY + top - offset });
      }
    }
    requestAnimationFrame(function () { requestAnimationFrame(scroll); });
  }

  /* --------------------------------------------------------------------- Progress page */

  function progressApp(root) {
    root.classList.add("study-app");
    root.innerHTML = "";
    var status = el("p", { class: "study-loading", text: "Counting what you know…" });
    root.appendChild(status);
    Promise.all([
      loadSearchIndex().then(siteSections),
      loadBank().catch(function () { return null; })
    ]).then(function (data) {
      var site = data[0];
      var bank = data[1];
      progressState.site = site;
      function draw() {
        root.innerHTML = "";
        renderProgress(root, site, bank);
      }
      draw();
      root._studyRedraw = draw;
    }, function (error) {
      if (window.console) console.warn("study: progress unavailable", error);
      status.className = "admonition warning";
      status.textContent = "";
      status.appendChild(el("span", { text: "The list of sections could not be loaded "
        + "(search/search_index.json). Opened from files? Serve the site (make serve) to see "
        + "progress per module. Your marks and notes are safe, and you can still export them "
        + "below." }));
    });
  }

  var progressState = { site: null };

  function countBar(known, review, left, label) {
    var total = known + review + left || 1;
    var bar = el("div", { class: "study-meter", role: "img",
      "aria-label": label + ": " + known + " known, " + review + " to review again, " + left
        + " not yet" });
    [["known", known], ["review", review], ["left", left]].forEach(function (part) {
      var seg = el("span", { class: "study-meter__" + part[0] });
      seg.style.width = (100 * part[1] / total).toFixed(2) + "%";
      bar.appendChild(seg);
    });
    return bar;
  }

  function renderProgress(root, site, bank) {
    var entries = loadState().entries;
    var nav = navInfo();
    var order = nav.order;
    var modules = MODULES.map(function (m) {
      return { id: m, name: nav.names[m] || site.moduleNames[m] || m.replace(/-/g, " "),
        sections: [], questions: [], known: 0, review: 0, qKnown: 0, qReview: 0 };
    });
    var byId = {};
    modules.forEach(function (m) { byId[m.id] = m; });
    var counted = {};
    site.sections.forEach(function (s) {
      var m = byId[s.module];
      var status = (entries[s.id] || {}).status;
      counted[s.id] = true;
      m.sections.push(s);
      if (status === "known") m.known++;
      else if (status === "review") m.review++;
    });
    (bank || []).forEach(function (q) {
      var m = byId[bankModule(q)];
      if (!m) return;
      var status = (entries[questionId(q)] || {}).status;
      counted[questionId(q)] = true;
      m.questions.push(q);
      if (status === "known") m.qKnown++;
      else if (status === "review") m.qReview++;
    });

    var table = el("table", {});
    var thead = el("thead", {},
      el("tr", {}, el("th", { rowspan: "2", scope: "col", text: "Module" }),
        el("th", { colspan: "3", scope: "colgroup", class: "study-group", text: "Sections" }),
        el("th", { colspan: "3", scope: "colgroup", class: "study-group", text: "Questions" })),
      el("tr", {}, el("th", { scope: "col", text: "Known" }), el("th", { scope: "col", text: "Review" }),
        el("th", { scope: "col", text: "Not yet" }), el("th", { scope: "col", text: "Known" }),
        el("th", { scope: "col", text: "Review" }), el("th", { scope: "col", text: "Not yet" })));
    var tbody = el("tbody", {});
    var totals = [0, 0, 0, 0, 0, 0];
    var flashcards = localUrl(mdToLoc("study/flashcards.md"));
    modules.forEach(function (m) {
      var left = m.sections.length - m.known - m.review;
      var qLeft = m.questions.length - m.qKnown - m.qReview;
      var values = [m.known, m.review, left, m.qKnown, m.qReview, qLeft];
      values.forEach(function (v, i) { totals[i] += v; });
      var names = ["sections-known", "sections-review", "sections-left", "questions-known",
        "questions-review", "questions-left"];
      var row = el("tr", { "data-module": m.id },
        el("th", { scope: "row" }, el("a", { href: "#progress-" + m.id, text: m.name })));
      values.forEach(function (v, i) {
        row.appendChild(el("td", { "data-count": names[i], text: String(v) }));
      });
      tbody.appendChild(row);
    });
    var foot = el("tr", { class: "study-total", "data-module": "all" },
      el("th", { scope: "row", text: "All modules" }));
    totals.forEach(function (v) { foot.appendChild(el("td", { text: String(v) })); });
    tbody.appendChild(foot);
    table.appendChild(thead);
    table.appendChild(tbody);

    var allSections = totals[0] + totals[1] + totals[2];
    var allQuestions = totals[3] + totals[4] + totals[5];
    root.appendChild(el("div", { class: "study-summary" },
      el("p", {}, el("strong", { text: totals[0] + " of " + allSections }),
        " sections known, " + totals[1] + " to review again; ",
        el("strong", { text: totals[3] + " of " + allQuestions }),
        " questions known, " + totals[4] + " to review again."),
      countBar(totals[0], totals[1], totals[2], "All sections")));
    /* Focusable, so that a keyboard can scroll it sideways on a narrow screen. */
    root.appendChild(el("div", { class: "md-typeset__scrollwrap", tabindex: "0", role: "region",
      "aria-label": "Progress per module" }, el("div", { class: "md-typeset__table" }, table)));

    modules.forEach(function (m) {
      var left = m.sections.length - m.known - m.review;
      var qLeft = m.questions.length - m.qKnown - m.qReview;
      var box = el("section", { class: "study-module", id: "progress-" + m.id,
        "data-module": m.id, "aria-labelledby": "progress-" + m.id + "-title" });
      box.appendChild(el("h3", { id: "progress-" + m.id + "-title", text: m.name }));
      box.appendChild(countBar(m.known, m.review, left, m.name + " sections"));
      box.appendChild(el("p", { class: "study-module__counts",
        text: "Sections: " + m.known + " known · " + m.review + " review again · " + left
          + " not yet. Questions: " + m.qKnown + " known · " + m.qReview + " review again · "
          + qLeft + " not yet." }));

      var pending = m.sections.filter(function (s) {
        return (entries[s.id] || {}).status !== "known";
      });
      pending.sort(function (a, b) {
        var oa = a.key in order ? order[a.key] : 1e6;
        var ob = b.key in order ? order[b.key] : 1e6;
        return oa - ob || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      });
      if (!m.sections.length) {
        box.appendChild(el("p", { class: "study-muted", text: "No sections in this module yet." }));
      } else if (!pending.length) {
        box.appendChild(el("p", { class: "study-done", text: "Every section is marked known." }));
      } else {
        var reviewCount = pending.filter(function (s) {
          return (entries[s.id] || {}).status === "review";
        }).length;
        var details = el("details", { class: "study-left" },
          el("summary", { text: "What is left: " + pending.length + " sections"
            + (reviewCount ? " (" + reviewCount + " to review again)" : "") }));
        var list = el("ul", {});
        var currentPage = null;
        var sub = null;
        pending.forEach(function (s) {
          if (s.key !== currentPage) {
            currentPage = s.key;
            var page = site.pages[s.key];
            sub = el("ul", {});
            list.appendChild(el("li", {}, el("a", {
              href: localUrl(page ? page.loc : s.loc.split("#")[0]),
              text: page ? page.title : s.key
            }), sub));
          }
          var isReview = (entries[s.id] || {}).status === "review";
          sub.appendChild(el("li", { "data-study-id": s.id },
            el("a", { href: localUrl(s.loc), text: s.title }),
            isReview ? el("span", { class: "study-chip", "data-status": "review",
              text: "Review again" }) : null));
        });
        details.appendChild(list);
        box.appendChild(details);
      }
      if (m.questions.length) {
        var links = el("p", { class: "study-module__drill" });
        if (qLeft + m.qReview > 0) {
          links.appendChild(el("a", { href: flashcards + "?module=" + m.id,
            text: "Drill the " + (qLeft + m.qReview) + " questions not known yet" }));
        }
        if (m.qReview > 0) {
          links.appendChild(document.createTextNode(" · "));
          links.appendChild(el("a", { href: flashcards + "?module=" + m.id + "&show=review",
            text: "the " + m.qReview + " marked to review again" }));
        }
        if (links.childNodes.length) box.appendChild(links);
      }
      root.appendChild(box);
    });

    if (!bank) {
      root.appendChild(el("p", { class: "study-muted", text: "Questions are not counted: the "
        + "question bank (question-bank.json) could not be loaded here. Serve the site (make "
        + "serve) to count them." }));
    }
    var orphans = Object.keys(entries).filter(function (id) {
      return entries[id].status && !counted[id];
    });
    if (orphans.length) {
      root.appendChild(el("p", { class: "study-muted", "data-orphans": String(orphans.length),
        text: orphans.length + " of your marks point at sections or questions that no longer "
          + "exist (renamed or moved); they stay in your data and in exports." }));
    }
  }

  function exportJson() {
    var state = loadState();
    var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), site: SITE,
      entries: state.entries };
    download("backend-interview-handbook-study-" + today() + ".json", "application/json",
      JSON.stringify(data, null, 2) + "\n");
    toast("Exported " + Object.keys(state.entries).length + " items.");
  }

  function notesMarkdown(moduleNames) {
    var entries = loadState().entries;
    var ids = Object.keys(entries).filter(function (id) { return entries[id].note; });
    var groups = {};
    ids.forEach(function (id) {
      var href = entries[id].href || "";
      var module = moduleOf(pageKey(href.split("#")[0])) || "other";
      (groups[module] = groups[module] || []).push(id);
    });
    var lines = ["# My notes: Backend Interview Handbook", "",
      "Exported from " + SITE + " on " + today() + ": " + ids.length + " note"
        + (ids.length === 1 ? "" : "s") + ".", ""];
    MODULES.concat(["other"]).forEach(function (module) {
      if (!groups[module]) return;
      lines.push("## " + (module === "other" ? "Other pages"
        : (moduleNames && moduleNames[module]) || module), "");
      groups[module].sort(function (a, b) {
        return (entries[a].href || "") < (entries[b].href || "") ? -1 : 1;
      }).forEach(function (id) {
        var e = entries[id];
        var status = e.status === "known" ? " (known)" : e.status === "review" ? " (review again)" : "";
        lines.push("### " + markdownLink(e.title || id, absoluteUrl(e.href || "")) + status, "");
        lines.push(e.note.replace(/\s+$/, ""), "");
      });
    });
    return { text: lines.join("\n"), count: ids.length };
  }

  function dataApp(root) {
    root.classList.add("study-app");
    root.innerHTML = "";
    var message = el("p", { class: "study-message", role: "status", "aria-live": "polite" });
    var fileId = nextId("study-import");
    var file = el("input", { type: "file", id: fileId, accept: "application/json,.json" });
    var modeName = nextId("study-mode");
    function radio(value, label, hint, checked) {
      var id = modeName + "-" + value;
      return el("div", { class: "study-radio" },
        el("input", { type: "radio", name: modeName, id: id, value: value, checked: checked }),
        el("label", { for: id }, el("strong", { text: label }), " " + hint));
    }
    var undo = null;
    var undoButton = el("button", { type: "button", class: "md-button", hidden: true,
      text: "Undo the import", onclick: function () {
        if (!undo) return;
        var state = loadState();
        state.entries = undo;
        undo = null;
        undoButton.hidden = true;
        saveState(state);
        message.textContent = "Import undone.";
      } });
    var importButton = el("button", { type: "button", class: "md-button md-button--primary",
      "data-action": "import" }, icon("upload"), " Import");
    importButton.addEventListener("click", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) {
        message.textContent = "Choose an exported .json file first.";
        file.focus();
        return;
      }
      var mode = root.querySelector('input[name="' + modeName + '"]:checked').value;
      chosen.text().then(function (text) {
        var incoming = sanitizeImport(JSON.parse(text));
        var state = loadState();
        undo = state.entries;
        state.entries = mode === "replace" ? incoming : mergeEntries(state.entries, incoming);
        if (saveState(state)) {
          message.textContent = "Imported " + Object.keys(incoming).length + " items ("
            + (mode === "replace" ? "replaced what was here" : "merged with what was here")
            + "). You now have " + Object.keys(state.entries).length + " items.";
          undoButton.hidden = false;
        }
      }).catch(function (error) {
        message.textContent = "Nothing imported: " + (error && error.message ? error.message
          : "the file could not be read") + ".";
      });
    });
    var resetArmed = false;
    var resetButton = el("button", { type: "button", class: "md-button study-danger",
      text: "Erase all my progress and notes" });
    resetButton.addEventListener("click", function () {
      if (!resetArmed) {
        resetArmed = true;
        resetButton.textContent = "Click again to erase everything (export first!)";
        setTimeout(function () {
          resetArmed = false;
          resetButton.textContent = "Erase all my progress and notes";
        }, 5000);
        return;
      }
      resetArmed = false;
      resetButton.textContent = "Erase all my progress and notes";
      undo = loadState().entries;
      saveState(emptyState());
      undoButton.hidden = false;
      undoButton.textContent = "Undo the erase";
      message.textContent = "Everything was erased from this browser.";
    });

    root.appendChild(el("div", { class: "study-actions" },
      el("button", { type: "button", class: "md-button md-button--primary",
        "data-action": "export-json", onclick: exportJson },
        icon("download"), " Export progress and notes (JSON)"),
      el("button", { type: "button", class: "md-button", "data-action": "export-notes",
        onclick: function () {
          var site = progressState.site;
          var notes = notesMarkdown(site && site.moduleNames);
          if (!notes.count) {
            message.textContent = "You have no notes yet: use the note button next to a heading.";
            return;
          }
          download("backend-interview-handbook-notes-" + today() + ".md", "text/markdown",
            notes.text + "\n");
          message.textContent = "Exported " + notes.count + " notes as Markdown.";
        } }, icon("note"), " Export notes (Markdown)")));
    root.appendChild(el("fieldset", { class: "study-import" },
      el("legend", { text: "Import a JSON export" }),
      el("label", { for: fileId, text: "Export file" }), file,
      radio("merge", "Merge", "(default): adds everything in the file; where an item exists in "
        + "both, the more recent mark and the more recent note win. Nothing here is deleted.",
        true),
      radio("replace", "Replace", ": what is in this browser is dropped and the file's data "
        + "takes its place.", false),
      el("div", { class: "study-actions" }, importButton, undoButton)));
    root.appendChild(message);
    root.appendChild(el("details", { class: "study-danger-zone" },
      el("summary", { text: "Start over" }), resetButton));
  }

  /* ------------------------------------------------------------------- Flashcards page */

  function flashcardsApp(root) {
    root.classList.add("study-app", "study-fc");
    root.innerHTML = "";
    var loading = el("p", { class: "study-loading", text: "Loading the question bank…" });
    root.appendChild(loading);
    loadBank().then(function (bank) {
      root.innerHTML = "";
      buildFlashcards(root, bank);
    }, function () {
      loading.className = "admonition warning";
      loading.textContent = "The question bank (question-bank.json) could not be loaded. Opened "
        + "from files? Serve the site (make serve), or read the questions on the ";
      loading.appendChild(el("a", { href: localUrl(mdToLoc("question-bank.md")),
        text: "Question bank" }));
      loading.appendChild(document.createTextNode(" page."));
    });
  }

  function buildFlashcards(root, bank) {
    var params = new URL(location.href).searchParams;
    var moduleNames = {};
    var levels = [];
    var kinds = [];
    bank.forEach(function (q) {
      var m = bankModule(q);
      if (!(m in moduleNames)) moduleNames[m] = q.module || m;
      if (q.level && levels.indexOf(q.level) < 0) levels.push(q.level);
      if (q.kind && kinds.indexOf(q.kind) < 0) kinds.push(q.kind);
    });
    var navNames = navInfo().names;
    Object.keys(moduleNames).forEach(function (m) {
      if (navNames[m]) moduleNames[m] = navNames[m];
    });
    function byOrder(order) {
      return function (a, b) {
        var ia = order.indexOf(a);
        var ib = order.indexOf(b);
        return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : 1);
      };
    }
    levels.sort(byOrder(LEVEL_ORDER));
    kinds.sort(byOrder(KIND_ORDER));
    var moduleIds = Object.keys(moduleNames).sort(function (a, b) {
      var ia = MODULES.indexOf(a);
      var ib = MODULES.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
    var view = {
      module: moduleIds.indexOf(params.get("module")) >= 0 ? params.get("module") : "",
      level: levels.indexOf(params.get("level")) >= 0 ? params.get("level") : "",
      kind: kinds.indexOf(params.get("kind")) >= 0 ? params.get("kind") : "",
      show: ["unknown", "review", "all"].indexOf(params.get("show")) >= 0 ? params.get("show")
        : "unknown",
      order: bank.map(function (q, i) { return i; }),
      current: null,
      revealed: false
    };

    function select(name, label, options, value) {
      var id = nextId("study-fc-" + name);
      var node = el("select", { id: id, name: name });
      options.forEach(function (o) {
        node.appendChild(el("option", { value: o[0], text: o[1], selected: o[0] === value }));
      });
      node.addEventListener("change", function () {
        view[name] = node.value;
        view.current = null;
        syncUrl();
        draw();
      });
      return [el("label", { for: id, text: label }), node];
    }
    var moduleSel = select("module", "Module", [["", "All modules"]].concat(moduleIds.map(
      function (m) { return [m, moduleNames[m]]; })), view.module);
    var levelSel = select("level", "Level", [["", "All levels"]].concat(levels.map(
      function (l) { return [l, l]; })), view.level);
    var kindSel = select("kind", "Kind", [["", "All kinds"]].concat(kinds.map(
      function (k) { return [k, k]; })), view.kind);
    var showSel = select("show", "Cards", [["unknown", "Not known yet"],
      ["review", "Marked “again” only"], ["all", "All, known included"]], view.show);
    var shuffle = el("button", { type: "button", class: "md-button", "data-action": "shuffle" },
      icon("shuffle"), " Shuffle");
    shuffle.addEventListener("click", function () {
      for (var i = view.order.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1));
        var t = view.order[i];
        view.order[i] = view.order[j];
        view.order[j] = t;
      }
      view.current = null;
      draw();
      toast("Cards shuffled.");
    });

    var filters = el("div", { class: "study-fc__filters", role: "group",
      "aria-label": "Choose the cards" },
      el("div", {}, moduleSel[0], moduleSel[1]), el("div", {}, levelSel[0], levelSel[1]),
      el("div", {}, kindSel[0], kindSel[1]),
      el("div", {}, showSel[0], showSel[1]), shuffle);
    var counter = el("p", { class: "study-fc__counter", "aria-live": "polite",
      "aria-atomic": "true" });
    var card = el("article", { class: "study-fc__card", "aria-live": "off" });
    var nav = el("div", { class: "study-fc__nav" });
    var prev = el("button", { type: "button", class: "md-button", "data-action": "prev" },
      icon("prev"), " Previous");
    var next = el("button", { type: "button", class: "md-button", "data-action": "next" },
      "Skip ", icon("next"));
    prev.addEventListener("click", function () { move(-1); });
    next.addEventListener("click", function () { move(1); });
    nav.appendChild(prev);
    nav.appendChild(next);
    root.appendChild(filters);
    root.appendChild(counter);
    root.appendChild(card);
    root.appendChild(nav);
    root.appendChild(el("p", { class: "study-muted study-fc__keys" },
      "Keys: ", el("kbd", { text: "r" }), " reveal, ", el("kbd", { text: "k" }), " known, ",
      el("kbd", { text: "a" }), " again (with or without revealing), ", el("kbd", { text: "n" }),
      " or ", el("kbd", { text: "j" }), " next, ", el("kbd", { text: "p" }), " or ",
      el("kbd", { text: "h" }), " previous."));

    function syncUrl() {
      var url = new URL(location.href);
      ["module", "level", "kind", "show"].forEach(function (k) {
        var value = view[k];
        if (value && !(k === "show" && value === "unknown")) url.searchParams.set(k, value);
        else url.searchParams.delete(k);
      });
      history.replaceState(history.state, "", url.href);
    }

    function inSelection(q) {
      return (!view.module || bankModule(q) === view.module)
        && (!view.level || q.level === view.level) && (!view.kind || q.kind === view.kind);
    }

    function deck(entries) {
      return view.order.map(function (i) { return bank[i]; }).filter(function (q) {
        if (!inSelection(q)) return false;
        var status = (entries[questionId(q)] || {}).status;
        if (view.show === "unknown") return status !== "known";
        if (view.show === "review") return status === "review";
        return true;
      });
    }

    function move(step) {
      var cards = deck(loadState().entries);
      if (!cards.length) return;
      var pos = cards.indexOf(view.current);
      pos = pos < 0 ? 0 : (pos + step + cards.length) % cards.length;
      view.current = cards[pos];
      view.revealed = false;
      draw(true);
    }

    function grade(status) {
      var q = view.current;
      if (!q) return;
      var before = deck(loadState().entries);
      var pos = before.indexOf(q);
      updateEntry(questionId(q), {
        kind: "question", title: q.page_title + " › " + cleanQuestion(q.question),
        href: questionLoc(q)
      }, { status: status });
      var after = deck(loadState().entries);
      var stays = after.indexOf(q) >= 0;
      if (after.length) {
        var nextPos = stays ? (after.indexOf(q) + 1) % after.length : pos % after.length;
        view.current = after[nextPos];
      } else {
        view.current = null;
      }
      view.revealed = false;
      toast(status === "known" ? "Marked known." : "Marked to review again.");
      draw(true);
    }

    function draw(focusCard) {
      var entries = loadState().entries;
      var cards = deck(entries);
      var selection = bank.filter(inSelection);
      var known = 0;
      var review = 0;
      selection.forEach(function (q) {
        var s = (entries[questionId(q)] || {}).status;
        if (s === "known") known++;
        else if (s === "review") review++;
      });
      if (view.current && cards.indexOf(view.current) < 0) view.current = null;
      if (!view.current && cards.length) {
        view.current = cards[0];
        view.revealed = false;
      }
      var pos = cards.indexOf(view.current);
      counter.textContent = (cards.length ? "Card " + (pos + 1) + " of " + cards.length
        : "No cards") + " · in this selection: " + known + " known, " + review + " to review "
        + "again, " + (selection.length - known - review) + " not yet";
      counter.setAttribute("data-known", String(known));
      counter.setAttribute("data-review", String(review));
      prev.disabled = next.disabled = cards.length < 2;
      card.innerHTML = "";
      if (!cards.length) {
        card.appendChild(el("p", { class: "study-done", text: selection.length
          ? "Nothing left in this selection: every card here is known. Pick “All, known "
            + "included” to go through them again."
          : "No question matches these filters." }));
        return;
      }
      var q = view.current;
      var status = (entries[questionId(q)] || {}).status || "";
      var source = localUrl(questionLoc(q));
      var questionId_ = nextId("study-fc-q");
      var answerId = nextId("study-fc-a");
      card.setAttribute("data-question-id", q.id);
      card.setAttribute("aria-labelledby", questionId_);
      card.appendChild(el("p", { class: "study-fc__meta" },
        el("span", { text: moduleNames[bankModule(q)] || q.module }), " · ",
        el("span", { text: [q.level, q.kind].filter(Boolean).join(" · ") }),
        status ? el("span", { class: "study-chip", "data-status": status,
          text: status === "known" ? "Known" : "Review again" }) : null));
      card.appendChild(el("div", { class: "study-fc__question", id: questionId_,
        html: renderMarkdown(cleanQuestion(q.question), { source: source }) }));
      var reveal = el("button", { type: "button", class: "md-button md-button--primary",
        "data-action": "reveal", "aria-expanded": view.revealed ? "true" : "false",
        "aria-controls": answerId }, icon("eye"), " Reveal answer");
      var answer = el("div", { class: "study-fc__answer", id: answerId, hidden: !view.revealed,
        html: renderMarkdown(q.answer || "The answer is in the source section.",
          { source: source }) });
      var gradeBar = el("div", { class: "study-fc__grade", role: "group",
        "aria-label": "How did it go?", hidden: !view.revealed },
        el("button", { type: "button", class: "md-button study-btn--known", "data-action": "known",
          "aria-pressed": status === "known" ? "true" : "false",
          onclick: function () { grade("known"); } }, icon("known"), " Known"),
        el("button", { type: "button", class: "md-button study-btn--review",
          "data-action": "again", "aria-pressed": status === "review" ? "true" : "false",
          onclick: function () { grade("review"); } }, icon("review"), " Again"));
      reveal.addEventListener("click", function () {
        view.revealed = true;
        answer.hidden = false;
        gradeBar.hidden = false;
        reveal.setAttribute("aria-expanded", "true");
        reveal.hidden = true;
        gradeBar.querySelector("button").focus();
      });
      reveal.hidden = view.revealed;
      card.appendChild(reveal);
      card.appendChild(answer);
      card.appendChild(gradeBar);
      card.appendChild(el("p", { class: "study-fc__source" }, "Source: ",
        el("a", { href: source, "data-action": "source", text: q.page_title + " › " + q.section })));
      if (focusCard) {
        (reveal.hidden ? gradeBar.querySelector("button") : reveal).focus({ preventScroll: true });
      }
    }

    root._studyRedraw = function () { draw(false); };
    root._studyKeys = function (event) {
      if (event.key === "r" && !view.revealed) {
        var reveal = card.querySelector('[data-action="reveal"]');
        if (reveal) reveal.click();
      } else if (event.key === "k") grade("known"); /* before the reveal too: you knew it */
      else if (event.key === "a") grade("review");
      else if (event.key === "j" || event.key === "n") move(1); /* n: next card, not next page */
      else if (event.key === "h" || event.key === "p") move(-1);
      else return false;
      return true;
    };
    draw(false);
  }

  /* ----------------------------------------------- the whole handbook, printable, lazily */

  /* print/handbook holds one placeholder per module (hooks/study_pages.py); each is replaced by
     that module's printable page when it scrolls near, or all at once for printing. From files
     (file://, no fetch) the placeholders keep their links to the module pages. */
  function printModules(content) {
    var holders = Array.prototype.slice.call(
      content.querySelectorAll(".study-print-module[data-print-src]"));
    if (!holders.length || location.protocol === "file:") return;

    function load(holder) {
      if (holder._loading) return holder._loading;
      var src = localUrl(mdToLoc("print/" + holder.getAttribute("data-print-src") + ".md"));
      holder.setAttribute("aria-busy", "true");
      holder._loading = fetch(src, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(src + ": HTTP " + r.status);
        return r.text();
      }).then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var article = doc.querySelector(".md-content .md-typeset");
        if (!article) throw new Error(src + ": no content");
        article.querySelectorAll(".md-source-file, .md-content__button").forEach(function (n) {
          n.remove();
        });
        holder.innerHTML = article.innerHTML;
        holder.removeAttribute("data-print-src");
        holder.setAttribute("data-print-loaded", "true");
        holder.removeAttribute("aria-busy");
        return renderDiagrams(holder);
      }).catch(function (error) {
        holder._loading = null;
        holder.removeAttribute("aria-busy");
        throw error;
      });
      return holder._loading;
    }

    var status = el("p", { class: "study-muted", role: "status" });
    var all = el("button", { type: "button", class: "md-button md-button--primary",
      "data-action": "print-all" }, "Load every module (to print the whole handbook)");
    all.addEventListener("click", function () {
      all.disabled = true;
      status.textContent = "Loading " + holders.length + " modules…";
      Promise.all(holders.map(load)).then(function () {
        status.textContent = "Every module is on this page: print it with Ctrl+P.";
      }, function () {
        all.disabled = false;
        status.textContent = "Some modules could not be loaded: open them from their links.";
      });
    });
    var bar = content.querySelector(".study-print-all");
    if (bar) {
      bar.appendChild(all);
      bar.appendChild(status);
    }
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          observer.unobserve(entry.target);
          load(entry.target).catch(function () { /* its link stays */ });
        });
      }, { rootMargin: "600px 0px" });
      holders.forEach(function (h) { observer.observe(h); });
    }
  }

  /* Diagrams inside content loaded after Material mounted the page. */
  function renderDiagrams(root) {
    var blocks = root.querySelectorAll("pre.mermaid");
    if (!blocks.length || !window.mermaid) return Promise.resolve();
    return Promise.all(Array.prototype.map.call(blocks, function (pre, i) {
      var id = nextId("__print_mermaid") + "-" + i;
      return window.mermaid.render(id, pre.textContent).then(function (out) {
        var div = el("div", { class: "mermaid" });
        div.attachShadow({ mode: "open" }).innerHTML = out.svg;
        pre.replaceWith(div);
      }, function () { /* the diagram's source stays readable */ });
    }));
  }

  /* ------------------------------------------------------------------------- wiring */

  function onDocument() {
    var content = document.querySelector(".md-content");
    if (!content) return;
    var rel = relPath(location.href);
    var key = pageKey(rel);
    var module = moduleOf(key);
    var title = pageTitle();
    enhanceHeadings(content, rel, key, module, title);
    enhanceTabs(content, rel, key, module, title);
    enhanceQuestions(content, rel, key, title);
    printModules(content);
    var progress = content.querySelector("#study-progress");
    if (progress) progressApp(progress);
    var data = content.querySelector("#study-data");
    if (data) dataApp(data);
    var cards = content.querySelector("#study-flashcards");
    if (cards) flashcardsApp(cards);
    refreshControls();
    revealTarget();
  }

  document.addEventListener("study:change", function () {
    refreshControls();
    document.querySelectorAll("#study-progress, #study-flashcards").forEach(function (app) {
      if (app._studyRedraw) app._studyRedraw();
    });
  });

  window.addEventListener("storage", function (event) {
    if (event.key === STORE_KEY || event.key === null) {
      document.dispatchEvent(new CustomEvent("study:change"));
    }
  });

  window.addEventListener("hashchange", revealTarget);

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var app = document.querySelector("#study-flashcards");
    if (app && app._studyKeys && app._studyKeys(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  /* For tests and the curious: the renderer and the locations this script computed. */
  window.HandbookStudy = {
    renderMarkdown: renderMarkdown,
    storeKey: STORE_KEY,
    root: ROOT,
    site: SITE,
    state: loadState
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onDocument);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onDocument);
  } else {
    onDocument();
  }
})();
