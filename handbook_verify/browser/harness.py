"""Runs one sample or one practice attempt inside Pyodide, the same way at build time (under Node,
handbook_verify/browser/node_runner.mjs) and in the reader's browser (docs/assets/javascripts/
run-worker.js): files written to a fresh folder, the sample run as __main__ from there, stdout and
stderr captured, the traceback printed as CPython prints it, and the sample's own modules forgotten
afterwards so the next run starts clean. Kept to the standard library: it runs under Pyodide.
"""

import io
import json
import os
import runpy
import sys
import traceback

_BASELINE = set(sys.modules)
_counter = [0]


def _fresh_dir(files):
    _counter[0] += 1
    folder = f"/home/pyodide/run{_counter[0]}"
    os.makedirs(folder, exist_ok=True)
    for name, text in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    return folder


def _isolated(folder, action):
    """Run action() with cwd, sys.path, argv and stdio set for a sample in `folder`; return
    (stdout, stderr, exit code)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.argv, list(sys.path), os.getcwd()
    sys.stdout, sys.stderr = out, err
    sys.path[:0] = [folder, os.path.join(folder, "_support")]
    os.chdir(folder)
    code = 0
    try:
        action()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=err)
    except BaseException:
        etype, value, tb = sys.exc_info()
        while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
            tb = tb.tb_next
        while tb is not None and "runpy" in tb.tb_frame.f_code.co_filename:
            tb = tb.tb_next
        err.write("".join(traceback.format_exception(etype, value, tb)))
        code = 1
    finally:
        sys.stdout.flush()
        sys.stdout, sys.stderr, sys.argv, sys.path[:], cwd = saved
        os.chdir(cwd)
        for name in [n for n in sys.modules if n not in _BASELINE]:
            module = sys.modules.get(name)
            if getattr(module, "__file__", "") and module.__file__.startswith(folder):
                del sys.modules[name]
    return out.getvalue(), err.getvalue(), code


def run_sample(files_json, main):
    """files_json: {"name.py": text, ...}; main: the file to run as __main__."""
    files = json.loads(files_json)
    folder = _fresh_dir(files)

    def action():
        sys.argv = [main]
        runpy.run_path(os.path.join(folder, main), run_name="__main__")

    out, err, code = _isolated(folder, action)
    return json.dumps({"stdout": out, "stderr": err, "exit": code})


def run_tests(files_json, test_file):
    """Run the test functions of `test_file` (pytest style, through the small `pytest` stand-in
    in pytest_lite.py) against the modules in files_json; one result per test id."""
    files = json.loads(files_json)
    folder = _fresh_dir(files)
    results = []

    def action():
        import pytest_lite

        sys.modules["pytest"] = pytest_lite
        try:
            results.extend(pytest_lite.run_file(os.path.join(folder, test_file)))
        finally:
            sys.modules.pop("pytest", None)

    out, err, code = _isolated(folder, action)
    return json.dumps({"tests": results, "stdout": out, "stderr": err, "exit": code})
