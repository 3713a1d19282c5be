"""The part of pytest that the handbook's practice tests use, small enough to run in the reader's
browser (Pyodide ships no pytest without a download): `pytest.mark.parametrize`, `pytest.raises`
(with `match`) and plain `assert`. `run_file` collects `test_*` functions in file order, expands
their parameters with pytest's ids, runs each and reports pass/fail with the failure's message.
Standard library only: it runs under Pyodide (see harness.py).
"""

import importlib.util
import os
import re
import sys
import time
import traceback


class _Mark:
    def parametrize(self, argnames, argvalues, ids=None):
        names = [n.strip() for n in argnames.split(",")] if isinstance(argnames, str) else list(
            argnames)

        def decorate(function):
            sets = getattr(function, "_parametrize", [])
            function._parametrize = [(names, list(argvalues), ids), *sets]
            return function

        return decorate

    def __getattr__(self, name):  # skip, slow, asyncio, ...: accepted, not acted on
        def mark(*args, **kwargs):
            if len(args) == 1 and callable(args[0]) and not kwargs:
                return args[0]
            return lambda function: function

        return mark


mark = _Mark()


class _Info:
    value = None
    type = None


class _Raises:
    def __init__(self, expected, match=None):
        self.expected, self.match, self.info = expected, match, _Info()

    def __enter__(self):
        return self.info

    def __exit__(self, etype, value, tb):
        if etype is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        if not issubclass(etype, self.expected):
            return False
        if self.match is not None and not re.search(self.match, str(value)):
            raise AssertionError(f"Regex pattern did not match.\n Regex: {self.match!r}\n "
                                 f"Input: {str(value)!r}")
        self.info.value, self.info.type = value, etype
        return True


def raises(expected, *args, match=None, **kwargs):
    if args:  # pytest.raises(Error, function, *args)
        with _Raises(expected, match):
            args[0](*args[1:], **kwargs)
        return None
    return _Raises(expected, match)


def fail(reason=""):
    raise AssertionError(reason)


def _id(value, name, index):
    if isinstance(value, (int, float, str, bool)) or value is None:
        text = str(value)
        return text if text.isprintable() and len(text) <= 40 else f"{name}{index}"
    return f"{name}{index}"


def _cases(function):
    cases = [("", {})]
    for names, values, ids in getattr(function, "_parametrize", []):
        expanded = []
        for index, value in enumerate(values):
            row = value if len(names) > 1 else (value,)
            label = (ids[index] if ids else
                     "-".join(_id(v, n, index) for n, v in zip(names, row, strict=False)))
            for prefix, kwargs in cases:
                expanded.append((f"{prefix}-{label}" if prefix else label,
                                 {**kwargs, **dict(zip(names, row, strict=False))}))
        cases = expanded
    return cases


def _message(exc_type, exc, tb, path):
    frames = [f for f in traceback.extract_tb(tb) if f.filename == path]
    where = f"{os.path.basename(path)}:{frames[-1].lineno}: {frames[-1].line}" if frames else ""
    text = "".join(traceback.format_exception_only(exc_type, exc)).strip()
    return f"{where}\n{text}" if where else text


def run_file(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        etype, exc, tb = sys.exc_info()
        return [{"id": "import", "outcome": "failed", "seconds": 0,
                 "message": "".join(traceback.format_exception(etype, exc, tb)).strip()}]
    results = []
    for attribute, function in list(vars(module).items()):
        if not (attribute.startswith("test") and callable(function)):
            continue
        for label, kwargs in _cases(function):
            test_id = f"{attribute}[{label}]" if label else attribute
            started = time.perf_counter()
            try:
                function(**kwargs)
            except BaseException:
                etype, exc, tb = sys.exc_info()
                results.append({"id": test_id, "outcome": "failed",
                                "seconds": round(time.perf_counter() - started, 4),
                                "message": _message(etype, exc, tb, path)})
            else:
                results.append({"id": test_id, "outcome": "passed",
                                "seconds": round(time.perf_counter() - started, 4),
                                "message": ""})
    return results
