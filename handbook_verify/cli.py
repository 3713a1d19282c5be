"""`python -m handbook_verify run [paths…]`: verify samples without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .report import failure_text, summary_line, write_json
from .runner import verify_site


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
    args = parser.parse_args(argv)

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
    if not report.ok:
        print("\n" + failure_text(report), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
