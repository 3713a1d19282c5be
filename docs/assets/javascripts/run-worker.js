/* The Python runtime for run.js: Pyodide (served from this site, assets/pyodide/) loaded once per
 * page on the first Run, then the same harness.py the build uses to qualify samples
 * (handbook_verify/browser/). One message in ({kind, files, main}), one JSON result out. */
var ready = null;

function load(base) {
  if (!ready) {
    ready = (async function () {
      const started = performance.now();
      const { loadPyodide } = await import(base + "assets/pyodide/pyodide.mjs");
      const py = await loadPyodide({ indexURL: base + "assets/pyodide/",
        env: { PYTHONHASHSEED: "0", TZ: "UTC", HOME: "/home/pyodide" } });
      py.FS.mkdirTree("/home/pyodide/_handbook");
      for (const name of ["harness.py", "pytest_lite.py"]) {
        const text = await (await fetch(base + "assets/pyodide/" + name)).text();
        py.FS.writeFile("/home/pyodide/_handbook/" + name, text);
      }
      py.runPython("import sys; sys.path.insert(0, '/home/pyodide/_handbook'); import harness");
      return { harness: py.pyimport("harness"), seconds: (performance.now() - started) / 1000 };
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
    self.postMessage(result);
  } catch (e) {
    self.postMessage({ id: job.id, error: String(e && e.message || e) });
  }
};
