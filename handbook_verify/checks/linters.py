"""Dockerfiles are linted with hadolint, shell scripts with bash -n and shellcheck."""

from __future__ import annotations

import json
import subprocess

from .base import VENV_BIN, Context, Outcome, run_sandboxed, tail

_SERIOUS = {"error", "warning"}


def _version(tool: str) -> str:
    out = subprocess.run([str(VENV_BIN / tool), "--version"], capture_output=True, text=True)
    words = [w for w in out.stdout.replace("\n", " ").split() if w[:1].isdigit() or w[:2] == "v2"]
    return words[0].lstrip("v") if words else ""


def check_hadolint(ctx: Context) -> Outcome:
    done = run_sandboxed(ctx, [str(VENV_BIN / "hadolint"), "-f", "json", str(ctx.sample.path)])
    try:
        findings = json.loads(done.stdout or "[]")
    except json.JSONDecodeError:
        problem = ctx.problem("hadolint failed", detail=tail(done.stderr))
        return Outcome("hadolint", problems=[problem])
    report = "\n".join(
        f"line {f['line']}: {f['code']} {f['level']}: {f['message']}" for f in findings
    ) or "no findings"
    reported = {f["code"] for f in findings}
    serious = {f["code"] for f in findings if f["level"] in _SERIOUS}
    expected = set(ctx.sample.meta.expect_rules)
    problems = []
    if expected - reported:
        problems.append(ctx.problem(
            f"hadolint did not report the expected rules {sorted(expected - reported)}",
            detail=report, hint="the flawed Dockerfile should still show the flaws it teaches"))
    if serious - expected:
        first = min(f["line"] for f in findings if f["code"] in serious - expected)
        problems.append(ctx.problem(
            f"hadolint reports {sorted(serious - expected)}", line=first, detail=report,
            hint="fix the Dockerfile, or list the rule in `expect_rules` if the flaw is the "
            "lesson"))
    label = f"linted with hadolint {_version('hadolint')}"
    if expected:
        label += f": reports {', '.join(sorted(expected))} as the text explains"
    return Outcome(label, report, problems, executed=False)


def check_shellcheck(ctx: Context) -> Outcome:
    path = str(ctx.sample.path)
    problems = []
    syntax = run_sandboxed(ctx, ["bash", "-n", path])
    if syntax.returncode != 0:
        problems.append(ctx.problem("bash -n: syntax error", detail=tail(syntax.stderr)))
    lint = run_sandboxed(ctx, [str(VENV_BIN / "shellcheck"), "-f", "gcc", path])
    if lint.returncode != 0:
        first = lint.stdout.split(":")[1] if lint.stdout.count(":") > 1 else "0"
        line = int(first) if first.isdigit() else 0
        problems.append(ctx.problem("shellcheck findings", line=line,
                                    detail=tail(lint.stdout), hint="fix them; these are taught"))
    return Outcome(f"syntax-checked with bash -n and shellcheck {_version('shellcheck')}",
                   problems=problems, executed=False)
