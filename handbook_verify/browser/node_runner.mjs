// Runs samples inside Pyodide under Node, for the build's browser qualification
// (handbook_verify/browser/qualify.py). Loads Pyodide once, then reads one JSON job per stdin line:
//   {"kind": "sample", "files": {...}, "main": "x.py"}
//   {"kind": "tests", "files": {...}, "main": "test_x.py"}
// and writes one JSON result per stdout line. The same harness.py runs in the reader's browser.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const indexURL = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const started = performance.now();
async function start() {
  const py = await loadPyodide({
  indexURL: indexURL.endsWith("/") ? indexURL : indexURL + "/",
  env: { PYTHONHASHSEED: "0", TZ: "UTC", HOME: "/home/pyodide" },
  stdout: () => {}, stderr: () => {},
});
  py.FS.mkdirTree("/home/pyodide/_handbook");
  for (const name of ["harness.py", "pytest_lite.py"]) {
    py.FS.writeFile(`/home/pyodide/_handbook/${name}`, readFileSync(join(here, name), "utf8"));
  }
  py.runPython("import sys; sys.path.insert(0, '/home/pyodide/_handbook'); import harness");
  return py;
}
let py = await start();
let harness = py.pyimport("harness");
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
out({ ready: true, python: py.runPython("import platform; platform.python_version()"),
      pyodide: py.version, load_seconds: (performance.now() - started) / 1000 });
// Jobs come from the file named by the second argument (the sandbox gives no stdin), else stdin.
const lines = process.argv[3]
  ? readFileSync(process.argv[3], "utf8").split("\n")
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
