"""Reports: the build-log failure list, the JSON for tools, and the page for readers."""

from __future__ import annotations

import json
import platform
from pathlib import Path

from .runner import SiteReport

# Material icons (inline SVG), not emoji: a browser without an emoji font shows them too.
STATUS_ICON = {"passed": ":material-check-decagram:", "checked": ":material-check:",
               "failed": ":material-close-octagon:"}


def failure_text(report: SiteReport) -> str:
    failures = report.failures
    total = len(report.results)
    failed = sum(r.status == "failed" for r in report.results)
    head = f"Sample verification failed: {failed} of {total} samples"
    if report.problems:
        head += f", plus {len(report.problems)} problem(s) with includes or metadata"
    return head + "\n\n" + "\n\n".join(p.render() for p in failures)


def summary_line(report: SiteReport) -> str:
    counts = {s: sum(r.status == s for r in report.results) for s in STATUS_ICON}
    return (
        f"{len(report.results)} samples: {counts['passed']} ran, {counts['checked']} checked "
        f"without running, {counts['failed']} failed; {report.executed} executed, "
        f"{len(report.results) - report.executed} from cache, {report.seconds:.1f} s"
    )


def environment() -> dict[str, object]:
    """What the samples ran with: the interpreter, the servers, every library samples import."""
    from importlib import metadata

    from packaging.requirements import Requirement

    from .services import versions

    libraries: dict[str, str] = {}
    for text in metadata.requires("backend-interview-handbook") or []:
        requirement = Requirement(text)
        if requirement.marker and requirement.marker.evaluate({"extra": "samples"}):
            try:
                libraries[requirement.name] = metadata.version(requirement.name)
            except metadata.PackageNotFoundError:
                libraries[requirement.name] = "not installed"
    return {"python": platform.python_version(), "implementation": platform.python_implementation(),
            "services": versions(), "libraries": dict(sorted(libraries.items()))}


def environment_markdown() -> list[str]:
    env = environment()
    services = env["services"]
    libraries = env["libraries"]
    assert isinstance(services, dict) and isinstance(libraries, dict)
    lines = ["## What the samples ran with", "",
             f"- **Python** {env['python']} ({env['implementation']})"]
    lines += [f"- **{name.capitalize() if name == 'redis' else 'PostgreSQL'}**: {version}"
              for name, version in sorted(services.items())]
    lines += ["", "| library | version |", "|---|---|"]
    lines += [f"| {name} | {version} |" for name, version in libraries.items()]
    return [*lines, "", "Exact pins for every supported Python: `requirements.lock` in the "
            "repository (`make lock` upgrades it).", ""]


def sandbox_markdown() -> list[str]:
    """How the samples were isolated in this build (handbook_verify/sandbox.py)."""
    from .sandbox import profile

    prof = profile().as_json()
    lines = ["## How the samples were isolated", "",
             f"- **Sandbox**: {prof['mechanism']}",
             f"- **Network**: {prof['network']}",
             f"- **Filesystem**: {prof['filesystem']}",
             f"- **Processes**: {prof['processes']}",
             f"- **User**: {prof['user']}",
             f"- **Limits**: {prof['limits']}; defaults "
             + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in prof["defaults"].items())
             + " (a sample's verify block may raise them)"]
    lines += [f"- **Fallback**: {note}" for note in prof["notes"]]
    return [*lines, ""]


def as_json(report: SiteReport) -> dict:
    from .sandbox import profile

    pages = {s.rel: [f"docs/{i.page}:{i.line}" for i in s.includes] for s in report.samples}
    return {
        "python": platform.python_version(),
        "environment": environment(),
        "sandbox": profile().as_json(),
        "summary": summary_line(report),
        "samples": [
            {
                "file": f"snippets/{r.sample}",
                "pages": pages.get(r.sample, []),
                "kind": r.check,
                "check": r.label,
                "status": r.status,
                "duration_s": r.duration,
                "services": r.services,
                "claims_checked": r.claims,
                "claims_for_other_versions": r.other_versions,
                "from_cache": r.cached,
                "problems": [p.render() for p in r.problems],
            }
            for r in report.results
        ],
    }


def write_json(report: SiteReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(as_json(report), indent=2), encoding="utf-8")


def markdown_page(report: SiteReport, page_title: dict[str, str]) -> str:
    """The Verification report page: one row per sample, grouped by page."""
    by_page: dict[str, list] = {}
    results = {r.sample: r for r in report.results}
    for sample in report.samples:
        by_page.setdefault(sample.includes[0].page, []).append((sample, results.get(sample.rel)))
    lines = [
        "---",
        "title: Verification report",
        "description: Every code sample on this site, the check that ran on it, and its result.",
        "---",
        "",
        "# Verification report",
        "",
        "Every code sample on this site is a file under `snippets/` that the build verified: "
        "Python samples run in their own sandboxed process (see below: network, filesystem, "
        "processes, limits; clean environment, temporary directory, timeout, `PYTHONHASHSEED=0`) "
        "and their `# Output:` claims are checked against the real "
        "output; SQL runs on PostgreSQL, Lua inside Redis, Dockerfiles are linted by hadolint, "
        "shell by shellcheck, configuration files are parsed.",
        "",
        # Out of the search index: its figures change with every build, and an index that
        # changes with them found "restore IP addresses" in one offline build and not the next
        # (lunr's query then failed on terms it had indexed).
        '<div class="verify-summary" data-search-exclude markdown>',
        "",
        f"**{summary_line(report)}** · Python {platform.python_version()} · "
        "machine-readable: [verification.json](verification.json)",
        "",
        "</div>",
        "",
        *environment_markdown(),
        *sandbox_markdown(),
    ]
    for page, rows in sorted(by_page.items()):
        title = page_title.get(page, page)
        lines += [f"## {title}", "", f"[Open the page]({page})", "",
                  "| sample | check | result | services | time |", "|---|---|---|---|---|"]
        for sample, result in rows:
            if result is None:  # a build with HANDBOOK_VERIFY=0 and nothing cached
                name = sample.rel.split("/")[-1]
                lines.append(f"| `{name}` | — | not run in this build | — | — |")
                continue
            services = ", ".join(result.services) or "—"
            lines.append(
                f"| `{sample.rel.split('/')[-1]}` | {result.label} | "
                f"{STATUS_ICON[result.status]} {result.status} | {services} | "
                f"{result.duration:.2f} s |"
            )
        lines.append("")
    return "\n".join(lines)
