"""One function per check. Each takes a Context and returns an Outcome; none raises for a
failing sample (they return problems), so every failure is collected."""

from __future__ import annotations

from collections.abc import Callable

from .base import Context, Outcome
from .configs import check_parse
from .linters import check_hadolint, check_shellcheck
from .programs import check_compile, check_gunicorn, check_pytest, check_run
from .redis_lua import check_lua
from .sql import check_sql

CHECKERS: dict[str, Callable[[Context], Outcome]] = {
    "run": check_run,
    "pytest": check_pytest,
    "gunicorn": check_gunicorn,
    "compile": check_compile,
    "sql": check_sql,
    "lua": check_lua,
    "hadolint": check_hadolint,
    "shellcheck": check_shellcheck,
    "parse": check_parse,
}

__all__ = ["CHECKERS", "Context", "Outcome"]
