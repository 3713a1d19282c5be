"""`python -m handbook_verify run [paths…]`: verify samples without building the site.
`python -m handbook_verify ledger [ledger files…]`: check claim ledgers (coverage and evidence)."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from . import ledger
from .claims import running_versions
from .report import failure_text, summary_line, write_json
from .runner import SiteReport, verify_site
from .services import versions
from .update import update_sample


def stop_on_sigterm() -> None:
    """`kill` (SIGTERM) ends the run like Ctrl-C does: the embedded servers are stopped on the
    way out instead of outliving the verifier."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook-verify", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="verify samples (all, or those under the given paths)")
    run.add_argument("paths", nargs="*", help="sample files or folders, e.g. snippets/core-python")
    run.add_argument("--root", type=Path, default=Path.cwd(), help="project root (default: .)")
    run.add_argument("--jobs", type=int, default=None, help="parallel samples (default: cores)")
    run.add_argument("--no-cache", action="store_true", help="re-run everything")
    run.add_argument("--json", type=Path, help="write the machine-readable report here")
    run.add_argument("--show-output", action="store_true", help="print each sample's output")
    run.add_argument("--update", action="store_true",
                     help="write expected files and rewrite unmet Output: claims to what the "
                     "samples print (never deletes a claim; review with git diff)")
    led = sub.add_parser("ledger", help="check claim ledgers (all, or the given files)")
    led.add_argument("files", nargs="*", type=Path, help="e.g. ledger/core-python/gil.yml")
    led.add_argument("--root", type=Path, default=Path.cwd(), help="project root (default: .)")
    args = parser.parse_args(argv)
    if args.command == "ledger":
        return check_ledger_files(args.root.resolve(), [f.resolve() for f in args.files])

    def progress(result) -> None:
        mark = {"passed": "ok", "checked": "checked", "failed": "FAIL"}[result.status]
        print(f"{mark:>8}  {result.duration:6.2f}s  snippets/{result.sample}", flush=True)
        if args.show_output and result.output:
            print("\n".join(f"          | {line}" for line in result.output.splitlines()))

    only = [str(Path(p)) for p in args.paths] or None
    report = verify_site(args.root, only=only, jobs=args.jobs, use_cache=not args.no_cache,
                         progress=progress)
    if args.json:
        write_json(report, args.json)
    print(summary_line(report))
    if args.update:
        return update_files(report, args.root.resolve())
    if not report.ok:
        print("\n" + failure_text(report), file=sys.stderr)
        return 1
    return 0


def update_files(report: SiteReport, root: Path) -> int:
    """--update: record what failing samples print; 1 if a failure is left that it cannot fix."""
    current = running_versions(versions())
    samples = {s.rel: s for s in report.samples}
    left = list(report.problems)
    changed = False
    for result in report.results:
        changes = update_sample(samples[result.sample], result, current, root)
        for change in changes:
            print(change.diff or "", end="")
            if change.note:
                print(f"note: {change.path.relative_to(root).as_posix()}: {change.note}")
        changed |= any(change.diff for change in changes)
        if result.problems and not any(change.diff for change in changes):
            left += result.problems
    if changed:
        print("\nUpdated what the samples print. Review it with `git diff`; where a claim changed "
              "because the handbook was wrong, add an erratum to the page (CONTRIBUTING.md).")
    if left:
        print("\n" + "\n\n".join(p.render() for p in left), file=sys.stderr)
        return 1
    return 0


def check_ledger_files(root: Path, files: list[Path]) -> int:
    ledgers = [ledger.load(f) for f in files] or ledger.load_all(root)
    failed = 0
    for item in ledgers:
        problems = ledger.check_ledger(item, root, ledger.SEEDS_DIR)
        name = item.path.relative_to(root).as_posix()
        print(f"{'FAIL' if problems else 'ok':>4}  {name}: {ledger.summary(item.totals())}")
        for problem in problems:
            print(f"      {problem.reason}")
        for warning in ledger.says_warnings(item, ledger.SEEDS_DIR):
            print(f"      warning: {warning.reason}")
        failed += bool(problems)
    if not files:
        missing = ledger.uncovered_handbook_lines(root, ledger.SEEDS_DIR)
        print(f"handbook lines in no ledger: {len(missing)}")
    return 1 if failed else 0


def run() -> int:
    """The command line's entry point (`python -m handbook_verify`, `handbook-verify`)."""
    stop_on_sigterm()
    return main()


if __name__ == "__main__":
    sys.exit(run())
