"""Checks that execute Python: run a sample, run its tests, check a gunicorn config."""

from __future__ import annotations

import platform
import re

from .. import sandbox
from .base import VENV_BIN, Completed, Context, Outcome, run_sandboxed, tail
from .output import output_problems

PYTHON = f"Python {platform.python_version()}"


def _python(*args: str) -> list[str]:
    return [str(VENV_BIN / "python"), "-W", "error::DeprecationWarning:__main__", *args]


def _failure_line(ctx: Context, stderr: str) -> int:
    """The last traceback frame inside the sample file, so the report points at the line."""
    frames = re.findall(rf'File "{re.escape(str(ctx.sample.path))}", line (\d+)', stderr)
    return int(frames[-1]) if frames else 0


def _process_problems(ctx: Context, done: Completed, what: str) -> list:
    meta = ctx.sample.meta
    if done.exceeded:
        reason, hint = sandbox.violation_text(done.exceeded, done.limits, meta.timeout)
        return [
            ctx.problem(
                f"{what} {reason}",
                line=_failure_line(ctx, done.stderr),
                detail="last output:\n" + tail(done.stdout[-4000:] + done.stderr[-4000:], 8),
                hint=hint,
            )
        ]
    if done.returncode is None:
        return [
            ctx.problem(
                f"timed out after {meta.timeout:g} s and was killed",
                detail="last output:\n" + tail(done.stdout + done.stderr, 8),
                hint="a sample must end on its own: look for a missing join/stop or a blocking "
                "call; raise `timeout` in its verify block only if the work is truly long",
            )
        ]
    if done.returncode != meta.expect_exit:
        hint = f"reproduce with: make verify ONLY={ctx.where}"
        if "DeprecationWarning" in done.stderr:
            hint = "the sample calls a deprecated API: use the current one (add an erratum if "
            hint += "the handbook used the old one)"
        return [
            ctx.problem(
                f"{what} exited with {done.returncode} (expected {meta.expect_exit})",
                line=_failure_line(ctx, done.stderr),
                detail="stderr (tail):\n" + tail(done.stderr or done.stdout),
                hint=hint,
            )
        ]
    return []


def collect_artifacts(ctx: Context) -> tuple[dict[str, str], list]:
    """Text files the sample declared it writes (e.g. an SVG chart), read from its workdir."""
    found, problems = {}, []
    for name in ctx.sample.meta.artifacts:
        path = ctx.workdir / name
        if path.is_file():
            found[name] = path.read_text(encoding="utf-8")
        else:
            problems.append(ctx.problem(f"declared artifact {name} was not written",
                                        hint="write it into the working directory"))
    return found, problems


def check_run(ctx: Context) -> Outcome:
    done = run_sandboxed(ctx, _python(str(ctx.sample.path)))
    problems = _process_problems(ctx, done, "the sample")
    claims, artifacts = 0, {}
    if not problems:
        problems, claims = output_problems(ctx, done.stdout)
        artifacts, missing = collect_artifacts(ctx)
        problems += missing
    return Outcome(f"ran with {PYTHON}", done.stdout, problems, claims, artifacts)


def _pytest_ini(ctx: Context) -> str:
    """A private pytest config: the repository's own settings must not leak into a sample, and a
    DeprecationWarning raised by the sample's own modules (its folder) fails it."""
    own = sorted(p.stem for p in ctx.sample.path.parent.glob("*.py"))
    ini = ctx.workdir / "pytest.ini"
    ini.write_text(
        "[pytest]\n"
        "asyncio_default_fixture_loop_scope = function\n"
        f"filterwarnings =\n    error::DeprecationWarning:({'|'.join(own)})$\n",
        encoding="utf-8",
    )
    return str(ini)


def check_pytest(ctx: Context) -> Outcome:
    argv = [str(VENV_BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "--no-header", "-c", _pytest_ini(ctx), "--rootdir", str(ctx.sample.path.parent)]
    done = run_sandboxed(ctx, [*argv, str(ctx.sample.path)])
    problems = _process_problems(ctx, done, "pytest")
    summary = [line for line in done.stdout.splitlines() if line.strip()]
    passed = re.search(r"(\d+) passed", summary[-1]) if summary else None
    if not problems and not passed:
        problems.append(ctx.problem("pytest collected no passing test", detail=tail(done.stdout)))
    label = f"{passed.group(1)} tests passed with pytest on {PYTHON}" if passed else "pytest"
    return Outcome(label, summary[-1] if summary else "", problems)


def check_gunicorn(ctx: Context) -> Outcome:
    app = ctx.sample.meta.app or "app:app"
    argv = [str(VENV_BIN / "gunicorn"), "--check-config", "-c", str(ctx.sample.path), app]
    done = run_sandboxed(ctx, argv)
    problems = _process_problems(ctx, done, "gunicorn --check-config")
    return Outcome("accepted by gunicorn --check-config", "", problems, executed=False)


def check_compile(ctx: Context) -> Outcome:
    source = ctx.sample.path.read_text(encoding="utf-8")
    try:
        compile(source, str(ctx.sample.path), "exec")
    except SyntaxError as exc:
        problem = ctx.problem(f"syntax error: {exc.msg}", line=exc.lineno or 0)
        return Outcome("compiled", problems=[problem], executed=False)
    return Outcome(f"compiled, not run: {ctx.sample.meta.reason}", executed=False)

