// Runs samples inside Pyodide under Node, for the build's browser qualification
// (handbook_verify/browser/qualify.py). Starts Python once, then reads one JSON job per line:
//   {"kind": "sample", "files": {...}, "main": "x.py"}
//   {"kind": "tests", "files": {...}, "main": "test_x.py"}
// and writes one JSON result per stdout line. The same harness.py runs in the reader's browser,
// and Python starts the way it does there: from the build's memory snapshot (snapshot.mjs) when
// one is given, restored as docs/assets/javascripts/run-worker.js restores it (about 1 s
// instead of 3: what a saved sample waits for in `mkdocs serve`), else the ordinary way.
//   node node_runner.mjs <pyodide dir> [jobs file] [snapshot .gz]
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const [indexURL, jobsFile, snapshotFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const started = performance.now();
const options = {
  indexURL: indexURL.endsWith("/") ? indexURL : indexURL + "/",
  env: { PYTHONHASHSEED: "0", TZ: "UTC", HOME: "/home/pyodide" },
  stdout: () => {}, stderr: () => {},
};
const memory = snapshotFile ? gunzipSync(readFileSync(snapshotFile)) : null;
let restored = false;
async function start() {
  let py = null;
  if (memory) {
    try {
      py = await loadPyodide({ ...options, _loadSnapshot: memory });
    } catch (e) {
      process.stderr.write(`snapshot not restored, starting the ordinary way: ${e}\n`);
    }
  }
  restored = py !== null;
  if (!py) py = await loadPyodide(options);
  py.FS.mkdirTree("/home/pyodide/_handbook");
  for (const name of ["harness.py", "pytest_lite.py"]) {
    py.FS.writeFile(`/home/pyodide/_handbook/${name}`, readFileSync(join(here, name), "utf8"));
  }
  py.runPython(restored ? "import sys\nif 'random' in sys.modules: sys.modules['random'].seed()"
    : "import sys; sys.path.insert(0, '/home/pyodide/_handbook'); import harness");
  return py;
}
let py = await start();
let harness = py.pyimport("harness");
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
out({ ready: true, python: py.runPython("import platform; platform.python_version()"),
      pyodide: py.version, load_seconds: (performance.now() - started) / 1000, snapshot: restored });
// Jobs come from the file named by the second argument (the sandbox gives no stdin), else stdin.
const lines = jobsFile && jobsFile !== "-"
  ? readFileSync(jobsFile, "utf8").split("\n")
  : createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const job = JSON.parse(line);
  const t0 = performance.now();
  const files = JSON.stringify(job.files);
  let result;
  try {
    const text = job.kind === "tests" ? harness.run_tests(files, job.main)
      : harness.run_sample(files, job.main);
    result = JSON.parse(text);
  } catch (e) {  // Pyodide itself failed (e.g. the WebAssembly stack): report, start afresh
    result = { stdout: "", stderr: String(e && e.message || e), exit: null, fatal: true };
    py = await start();
    harness = py.pyimport("harness");
  }
  result.id = job.id;
  result.seconds = (performance.now() - t0) / 1000;
  out(result);
}
