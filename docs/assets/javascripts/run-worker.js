/* The Python runtime for run.js: Pyodide (served from this site, assets/pyodide/) loaded once per
 * page on the first Run, then the same harness.py the build uses to qualify samples
 * (handbook_verify/browser/). One message in ({kind, files, main}), one JSON result out.
 *
 * Python starts from a memory snapshot made at build time (assets/pyodide/snapshot.gz, see
 * handbook_verify/browser/snapshot.mjs): the interpreter already initialised and harness.py
 * imported, so the first Run skips most of Pyodide's start. Without it (or if restoring fails)
 * Python starts the ordinary way. Every file is requested at once, so the downloads, the
 * WebAssembly compile (instantiateStreaming, needs application/wasm) and the snapshot's
 * decompression overlap. */
var ready = null;
var ENV = { PYTHONHASHSEED: "0", TZ: "UTC", HOME: "/home/pyodide" };
var RUNTIME = ["harness.py", "pytest_lite.py"];

function since(t0) { return Math.round(performance.now() - t0); }

function text(url) {
  return fetch(url).then(function (r) {
    if (!r.ok) throw new Error("could not load " + url + " (" + r.status + ")");
    return r.text();
  });
}

/* The snapshot's bytes (it throws when the site has none). Decompressed here
 * (DecompressionStream) unless the server already did (Content-Encoding: gzip): gzip starts
 * with 1f 8b. */
async function snapshot(url, marks, t0) {
  const response = await fetch(url);
  if (!response.ok) throw new Error("no snapshot (" + response.status + ")");
  const raw = new Uint8Array(await response.arrayBuffer());
  marks.snapshot_fetched = since(t0);
  if (raw[0] !== 0x1f || raw[1] !== 0x8b) return raw;
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream("gzip"));
  const memory = new Uint8Array(await new Response(stream).arrayBuffer());
  marks.snapshot_ready = since(t0);
  return memory;
}

/* When the WebAssembly module is compiled and instantiated, for the load's timeline. */
function timeInstantiation(marks, t0) {
  const streaming = WebAssembly.instantiateStreaming;
  if (typeof streaming !== "function") return;
  WebAssembly.instantiateStreaming = function () {
    return streaming.apply(WebAssembly, arguments).then(function (result) {
      if (result.module && !marks.instantiated) marks.instantiated = since(t0);
      return result;
    });
  };
}

function load(base) {
  if (!ready) {
    ready = (async function () {
      const t0 = performance.now();
      const marks = { started_at: performance.timeOrigin + t0 };
      timeInstantiation(marks, t0);
      const dir = base + "assets/pyodide/";
      const sources = Promise.all(RUNTIME.map(function (name) { return text(dir + name); }));
      const memory = typeof DecompressionStream === "function"
        ? snapshot(dir + "snapshot.gz", marks, t0) : null;
      if (memory) memory.catch(function () { /* handled below: the ordinary start */ });
      const { loadPyodide } = await import(dir + "pyodide.mjs");
      marks.imported = since(t0);
      let py = null;
      if (memory) {
        try {  // a promise: the snapshot arrives while the WebAssembly downloads and compiles
          py = await loadPyodide({ indexURL: dir, env: ENV, _loadSnapshot: memory });
        } catch (e) {
          marks.snapshot_error = String(e && e.message || e);
        }
      }
      const restored = py !== null;
      if (!py) py = await loadPyodide({ indexURL: dir, env: ENV });
      marks.pyodide = since(t0);
      py.FS.mkdirTree("/home/pyodide/_handbook");
      const texts = await sources;
      RUNTIME.forEach(function (name, i) {
        py.FS.writeFile("/home/pyodide/_handbook/" + name, texts[i]);
      });
      if (restored) {  // a snapshot's random state is every reader's: draw fresh entropy
        py.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
      } else {
        py.runPython("import sys; sys.path.insert(0, '/home/pyodide/_handbook'); import harness");
      }
      marks.harness = since(t0);
      performance.getEntriesByType("resource").forEach(function (entry) {
        const name = entry.name.split("/").pop();
        if (/\.(wasm|zip|gz|mjs|json)$/.test(name)) {
          marks["got " + name] = Math.round(entry.responseEnd - t0);
        }
      });
      return { harness: py.pyimport("harness"), seconds: (performance.now() - t0) / 1000,
               snapshot: restored, marks: marks };
    })();
  }
  return ready;
}

self.onmessage = async function (event) {
  const job = event.data;
  try {
    const rt = await load(job.base);
    if (job.kind === "load") {  // started as the reader presses Run, before the sample arrives
      self.postMessage({ id: job.id, load_seconds: rt.seconds });
      return;
    }
    const t0 = performance.now();
    const files = JSON.stringify(job.files);
    const text = job.kind === "tests" ? rt.harness.run_tests(files, job.main)
      : rt.harness.run_sample(files, job.main);
    const result = JSON.parse(text);
    result.id = job.id;
    result.seconds = (performance.now() - t0) / 1000;
    result.load_seconds = rt.seconds;
    result.snapshot = rt.snapshot;
    result.marks = rt.marks;
    self.postMessage(result);
  } catch (e) {
    self.postMessage({ id: job.id, error: String(e && e.message || e) });
  }
};
