// Makes the memory snapshot the reader's browser starts Python from (issue 17: first Run ≤ 5 s).
// Loads the pinned Pyodide under Node exactly as node_runner.mjs does (same env, the same
// harness.py imported from the same folder), then saves WebAssembly memory with Pyodide's
// `_makeSnapshot` / `makeMemorySnapshot` (restored in the browser with `_loadSnapshot`), gzipped.
// A browser that restores it skips the interpreter's initialisation and the standard-library
// imports; it still compiles pyodide.asm.wasm and mounts python_stdlib.zip for later imports.
//   node snapshot.mjs <pyodide dir> <output .gz>
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const [indexURL, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const py = await loadPyodide({
  indexURL: indexURL.endsWith("/") ? indexURL : indexURL + "/",
  env: { PYTHONHASHSEED: "0", TZ: "UTC", HOME: "/home/pyodide" },
  stdout: () => {}, stderr: () => {},
  _makeSnapshot: true,
});
py.FS.mkdirTree("/home/pyodide/_handbook");
for (const name of ["harness.py", "pytest_lite.py"]) {
  py.FS.writeFile(`/home/pyodide/_handbook/${name}`, readFileSync(join(here, name), "utf8"));
}
py.runPython("import sys; sys.path.insert(0, '/home/pyodide/_handbook'); import harness");
const memory = py.makeMemorySnapshot();
const partial = `${output}.${process.pid}.part`;  // two builds may make it at once
writeFileSync(partial, gzipSync(memory, { level: 9 }));
renameSync(partial, output);
process.stdout.write(JSON.stringify({ bytes: memory.length, python: py.version }) + "\n");
