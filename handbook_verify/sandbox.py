"""The sandbox every sample process runs in: what a container runtime or a build sandbox gives,
from Debian's `bubblewrap` and util-linux, with an explicit, reported fallback.

With bubblewrap (the normal case: CI as root, or a user with user namespaces):
- network: a network namespace with only loopback (services are Unix sockets, bound in);
- filesystem: `/` read-only, a private /tmp, /var/tmp and /dev/shm (small tmpfs), the sample's
  working directory the only writable host path; the snippets and the services' sockets bound in;
- processes: a PID namespace (`--unshare-pid --die-with-parent`): when the sample's process ends or
  is killed, the kernel kills every process it started, detached or not;
- user: as root, the sample drops to an unprivileged uid of its own worker slot (`setpriv`,
  no capabilities, no groups); uids are claimed per machine (chroots included), so concurrent
  verifiers never share one.
Without bubblewrap, or where it cannot run (a chroot: `/` is not a mount point, so bubblewrap's
pivot_root fails), root still gets `unshare --net` and the slot uid (every process of that uid is
killed at the end); a non-root user gets only the process group. `profile()` says what is in force;
the Verification report and verification.json show it.

Limits (every mode): `prlimit` sets RLIMIT_DATA (memory), RLIMIT_NPROC (processes and threads of
the sample's uid), RLIMIT_FSIZE, RLIMIT_CPU and no core files; output is read with a cap, and past
the cap the sample is killed. A `limits` table in the sample's verify block raises any of them.
The default memory limit is shared: `share_memory(jobs)` lowers it so that the samples running
at once, with their private tmpfs, fit in three quarters of the machine's RAM (4G each with 2
jobs on 24 GB; about 2.2G each with 6).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path

EXTERNAL = "HANDBOOK_REDIS_URL / HANDBOOK_DATABASE_URL"
MODE_ENV = "HANDBOOK_SANDBOX"  # "auto" (default) | "fallback" (never bubblewrap) | "off"
UID_BASE = 2_000_000_000  # systemd leaves 1879048192-2147483647 unused; no passwd entry needed
UID_RANGE = 4096

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
_UNITS = {"": 1, "K": KIB, "M": MIB, "G": GIB}


@dataclass(frozen=True)
class Limits:
    """Per-sample ceilings; `limits = { memory = "6G" }` in a verify block raises one."""

    memory: int = 4 * GIB  # bytes of data (heap, anonymous mappings) per process
    processes: int = 512  # processes + threads of the sample at once
    file_size: int = 1 * GIB  # bytes, largest file it may write
    cpu: int = 0  # CPU seconds per process; 0: twice the timeout, at least 60
    output: int = 4 * MIB  # bytes of stdout + stderr kept; more fails the sample

    def cpu_for(self, timeout: float) -> int:
        return self.cpu or max(60, int(2 * timeout) + 1)


LIMIT_KEYS = set(Limits.__dataclass_fields__)
CAPABILITIES = {"user-namespaces"}  # `needs` in a verify block: what the sample must be able to do
SIZES = {"memory", "file_size", "output"}
LIMIT_WORDS = {"memory": "memory", "processes": "processes", "file_size": "file size",
               "cpu": "CPU time", "output": "output"}


def parse_size(value: object) -> int:
    """4096, "512K", "64M", "4G" -> bytes."""
    if isinstance(value, bool):
        raise ValueError(f"not a size: {value!r}")
    if isinstance(value, int):
        return value
    match = re.fullmatch(r"\s*(\d+)\s*([KMG]?)i?B?\s*", str(value), re.IGNORECASE)
    if not match:
        raise ValueError(f"not a size: {value!r} (use e.g. 512M or 4G)")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


_TMPFS_BYTES = (256 + 64 + 256) * MIB  # one sample's private /tmp, /var/tmp and /dev/shm
_memory_default = Limits.memory  # lowered by share_memory() for many parallel samples


def share_memory(jobs: int) -> int:
    """Lower the default memory limit so `jobs` samples at once (RLIMIT_DATA plus their tmpfs)
    fit in 3/4 of physical RAM; returns the default now in force. A sample's own `limits`
    still raises it. RLIMIT_DATA is per process: a sample that forks shares only the process
    limit (a cgroup would bound the sum; CI and chroots have no delegated cgroup)."""
    global _memory_default
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    share = (ram * 3 // 4) // max(1, jobs) - _TMPFS_BYTES
    step = 256 * MIB
    _memory_default = max(step, min(Limits.memory, share // step * step))
    return _memory_default


def limits_from(meta_limits: dict[str, object]) -> Limits:
    """The sample's limits; raises ValueError naming a bad key or value."""
    if not isinstance(meta_limits, dict):
        raise ValueError("limits must be a table, e.g. limits = { memory = \"8G\" }")
    unknown = set(meta_limits) - LIMIT_KEYS
    if unknown:
        raise ValueError(f"unknown limit(s) {sorted(unknown)}; known: {sorted(LIMIT_KEYS)}")
    values: dict[str, int] = {}
    for key, value in meta_limits.items():
        number = parse_size(value) if key in SIZES else value
        if isinstance(number, bool) or not isinstance(number, int) or number <= 0:
            kind = "size" if key in SIZES else "integer"
            raise ValueError(f"limit {key} must be a positive {kind}, not {value!r}")
        values[key] = number
    return replace(Limits(memory=_memory_default), **values)


def show(key: str, value: int) -> str:
    if key in SIZES:
        for unit, size in (("G", GIB), ("M", MIB), ("K", KIB)):
            if value >= size and value % size == 0:
                return f"{value // size}{unit}"
        return f"{value}"
    return f"{value} s" if key == "cpu" else str(value)


# -- what this machine allows ---------------------------------------------------------------------
@dataclass(frozen=True)
class Profile:
    mechanism: str  # "bubblewrap 0.8.0" | "unshare + setpriv" | "none"
    network: str
    filesystem: str
    processes: str
    user: str
    limits: str = ("memory (RLIMIT_DATA), processes (RLIMIT_NPROC), file size, CPU time, "
                   "output (capped read)")
    notes: tuple[str, ...] = ()
    bwrap: bool = False
    unshare_net: bool = False
    drop_uid: bool = False  # root: each slot runs as its own unprivileged uid
    user_namespaces: bool = False  # a sample may create its own (e.g. `unshare --user --pid`)
    extra_nproc: int = 0  # non-root: processes the builder's uid already has

    def describe(self) -> str:
        return (f"{self.mechanism}; network: {self.network}; filesystem: {self.filesystem}; "
                f"processes: {self.processes}; user: {self.user}")

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        defaults = asdict(Limits(memory=_memory_default))
        data["defaults"] = {k: show(k, v) for k, v in defaults.items() if v}
        data["defaults"]["cpu"] = "2 x timeout, at least 60 s"
        return data


def _probe(argv: list[str]) -> tuple[bool, str]:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    last = (done.stderr or done.stdout).strip().splitlines()[-1:]
    return done.returncode == 0, last[0] if last else f"exit {done.returncode}"


def _tasks_of_uid(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
    return count


@cache
def profile() -> Profile:
    mode = os.environ.get(MODE_ENV, "auto")
    root = os.geteuid() == 0
    notes: list[str] = []
    bwrap = shutil.which("bwrap") if mode == "auto" else None
    if mode == "off":
        notes.append(f"{MODE_ENV}=off: no sandbox (limits and the output cap still apply)")
    elif mode == "fallback":
        notes.append(f"{MODE_ENV}=fallback: bubblewrap not used")
    elif bwrap is None:
        notes.append("bubblewrap is not installed (`make setup` as root installs it)")
    if bwrap:
        ok, why = _probe([*_bwrap_base(), *_bwrap_user_nested_probe(root)])
        if ok:
            version = subprocess.run([bwrap, "--version"], capture_output=True,
                                     text=True).stdout.split()
            nested, _ = _probe([*_bwrap_base(), *_drop(root, UID_BASE + UID_RANGE),
                                "unshare", "--user", "--map-root-user", "--pid", "--fork", "true"])
            return Profile(
                mechanism=" ".join(version) or "bubblewrap",
                network=("the host's network: external servers are configured (" + EXTERNAL
                         + ")" if external_services() else
                         "none: own network namespace, loopback only (services are Unix "
                         "sockets bound in)"),
                filesystem="read-only; writable: its working directory and a private /tmp",
                processes="own PID namespace: everything it started is killed when it ends",
                user=(f"unprivileged uid {UID_BASE}+ (one per worker slot, no capabilities)"
                      if root else "the builder's uid, in a user namespace"),
                notes=tuple(notes), bwrap=True, drop_uid=root, user_namespaces=nested,
                extra_nproc=0 if root else _tasks_of_uid(os.geteuid()),
            )
        notes.append(f"bubblewrap cannot run here ({why}); in a chroot `/` is not a mount point")
    unshare_net = False
    if external_services():
        notes.append(f"no network namespace: external servers are configured ({EXTERNAL})")
    elif root and mode != "off" and shutil.which("unshare") and shutil.which("setpriv"):
        unshare_net, why = _probe(["unshare", "--net", "true"])
        if not unshare_net:
            notes.append(f"no network namespace: {why}")
    drop = root and mode != "off" and bool(shutil.which("setpriv"))
    if root and mode != "off" and not drop:
        notes.append("setpriv (util-linux) is missing: samples run as root")
    return Profile(
        mechanism=("unshare + setpriv (util-linux)" if unshare_net else
                   "setpriv (util-linux)" if drop else "none"),
        network=("none: own network namespace, loopback only" if unshare_net
                 else "the host's network (not isolated)"),
        filesystem=("writable only where its unprivileged uid may write (its working directory, "
                    "world-writable dirs such as /tmp); the repository is read-only to it"
                    if drop else "whatever the builder's user may write (not isolated)"),
        processes=("every process of its uid is killed when it ends" if drop else
                   "its process group is killed when it ends (a detached child may survive)"),
        user=(f"unprivileged uid {UID_BASE}+ (one per worker slot)" if drop
              else "root (not isolated)" if root else "the builder's uid"),
        notes=tuple(notes), unshare_net=unshare_net, drop_uid=drop,
        extra_nproc=0 if drop else _tasks_of_uid(os.geteuid()),
    )


def external_services() -> bool:
    """External servers (HANDBOOK_REDIS_URL / HANDBOOK_DATABASE_URL) are reached over TCP, so
    samples then keep the host's network: the report says so."""
    from .services import POSTGRES_ENV, REDIS_ENV

    return bool(os.environ.get(REDIS_ENV) or os.environ.get(POSTGRES_ENV))


# -- one uid per worker slot, unique on the machine ---------------------------------------------
_uids: dict[int, int] = {}
_claims: list[socket.socket] = []
_uid_lock = threading.Lock()


def uid_for(slot: int) -> int:
    """A uid no other verifier on this machine holds now, and no process runs as.

    The claim is an abstract Unix socket (`@handbook-sandbox-uid-N`), held for the life of this
    process: unlike a lock file it is shared by every chroot on the machine (fresh-machine.sh
    runs in one beside the host's builds), and the kernel releases it when the process dies."""
    with _uid_lock:
        if slot in _uids:
            return _uids[slot]
        taken = set(_uids.values())
        for uid in range(UID_BASE, UID_BASE + UID_RANGE):
            if uid in taken:
                continue
            claim = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)  # close-on-exec
            try:
                claim.bind(f"\0handbook-sandbox-uid-{uid}")
            except OSError:
                claim.close()
                continue
            if _tasks_of_uid(uid):  # left over, or someone else's: not ours to kill
                claim.close()
                continue
            _claims.append(claim)
            _uids[slot] = uid
            return uid
    raise RuntimeError(f"no free sandbox uid in {UID_BASE}..{UID_BASE + UID_RANGE}")


def owner_for(slot: int) -> int | None:
    """The uid a slot's samples run as, when it differs from the builder's (root only)."""
    return uid_for(slot) if profile().drop_uid else None


# -- the command line -----------------------------------------------------------------------------
def _bwrap_base() -> list[str]:
    return ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
            "--perms", "1777", "--size", str(256 * MIB), "--tmpfs", "/tmp",
            "--perms", "1777", "--size", str(64 * MIB), "--tmpfs", "/var/tmp",
            "--perms", "1777", "--size", str(256 * MIB), "--tmpfs", "/dev/shm",
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session"]


@cache
def _home() -> Path | None:
    """The builder's home (root's: /root), hidden from samples (keys, tokens, shell history)."""
    try:
        home = Path(pwd.getpwuid(os.geteuid()).pw_dir).resolve()
    except (KeyError, OSError):
        return None
    tmp = Path(tempfile.gettempdir()).resolve()
    if home == Path("/") or not home.is_dir() or tmp.is_relative_to(home):
        return None
    return home


def _hide_home() -> list[str]:
    home = _home()
    return ["--tmpfs", str(home)] if home else []


@cache
def _interpreter_dirs() -> tuple[Path, ...]:
    """Where the interpreter really lives (a venv's python may link into the builder's home, as
    pyenv's do): bound back in after the home is hidden."""
    real = Path(os.path.realpath(sys.executable)).parent.parent
    return tuple(dict.fromkeys([Path(sys.prefix), real, Path(os.path.realpath(sys.base_prefix))]))


TMPFS = (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"))


def _parent_dirs(path: Path) -> list[str]:
    """Directories between a private tmpfs (or the hidden home) and a path bound into it: made
    0755, or the sample could not pass through them (bwrap would make them 0700, root's)."""
    hidden = [p for p in (*TMPFS, Path(tempfile.gettempdir()).resolve(), _home()) if p]
    args: list[str] = []
    for parent in reversed(path.parents):
        if any(parent.is_relative_to(h) and parent != h for h in hidden):
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def _drop(root: bool, uid: int) -> list[str]:
    if not root:
        return ["--"]
    return ["--", "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--"]


def _bwrap_user_nested_probe(root: bool) -> list[str]:
    return [*_drop(root, UID_BASE + UID_RANGE), "true"]


def command(argv: list[str], *, workdir: Path, read_only: list[Path], slot: int,
            limits: Limits, timeout: float) -> list[str]:
    """argv wrapped in prlimit and the sandbox this machine allows."""
    prof = profile()
    nproc = limits.processes + prof.extra_nproc
    cpu = limits.cpu_for(timeout)  # soft: SIGXCPU, reported as the CPU limit; hard: SIGKILL
    wrapped = ["prlimit", f"--data={limits.memory}", f"--nproc={nproc}",
               f"--fsize={limits.file_size}", f"--cpu={cpu}:{cpu + 5}", "--core=0"]
    if prof.bwrap:
        base = _bwrap_base()
        if external_services():
            base.remove("--unshare-net")
        wrapped += ["--", *base, *_hide_home()]
        for path in dict.fromkeys([*read_only, *_interpreter_dirs()]):
            wrapped += [*_parent_dirs(path), "--ro-bind", str(path), str(path)]
        wrapped += _parent_dirs(workdir)
        wrapped += ["--bind", str(workdir), str(workdir), "--chdir", str(workdir)]
        wrapped += _drop(prof.drop_uid, uid_for(slot) if prof.drop_uid else 0)
        return [*wrapped, *argv]
    if prof.unshare_net:  # a new network namespace has loopback down: bring it up, then exec
        wrapped += ["--", "unshare", "--net", sys.executable, "-I", "-S", "-c", _LOOPBACK_UP]
    else:
        wrapped.append("--")
    if prof.drop_uid:
        wrapped += _drop(True, uid_for(slot))[1:]
    return [*wrapped, *argv]


# SIOCSIFFLAGS(lo, IFF_UP | IFF_LOOPBACK): util-linux `unshare` leaves loopback down; bwrap not
_LOOPBACK_UP = ("import fcntl, os, socket, struct, sys; fcntl.ioctl(socket.socket(), 0x8914, "
                "struct.pack('16sH22x', b'lo', 0x9)); os.execvp(sys.argv[1], sys.argv[1:])")


def kill_everything(proc: subprocess.Popen, slot: int) -> None:
    """End the sample and all it started: the PID namespace dies with bwrap's init; without it,
    every process of the slot's uid (root) or the process group (non-root) is killed."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        proc.kill()
    prof = profile()
    if prof.drop_uid and not prof.bwrap:
        uid = uid_for(slot)
        for _ in range(2):  # kill(-1) as that uid: every process it may signal, detached or not
            subprocess.run(["sh", "-c", "kill -KILL -1 2>/dev/null; true"], user=uid, group=uid,
                           extra_groups=[], stdin=subprocess.DEVNULL, check=False)


# -- running, with a capped read and a hard deadline ---------------------------------------------
@dataclass
class Finished:
    returncode: int | None  # None: killed (timeout or output cap)
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False
    exceeded: str = ""  # the limit that stopped it ("output", "memory", ...), "" if none
    limits: Limits = field(default_factory=Limits)


def _text(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def run(argv: list[str], *, workdir: Path, env: dict[str, str], read_only: list[Path],
        slot: int, limits: Limits, timeout: float) -> Finished:
    start = time.perf_counter()
    owner = owner_for(slot)
    if owner is not None:
        os.chown(workdir, owner, owner)
    cmd = command(argv, workdir=workdir, read_only=read_only, slot=slot, limits=limits,
                  timeout=timeout)
    proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    assert proc.stdout is not None and proc.stderr is not None
    buffers = {proc.stdout.fileno(): bytearray(), proc.stderr.fileno(): bytearray()}
    total, overflow, timed_out = 0, False, False
    deadline = time.monotonic() + timeout
    ended_at: float | None = None
    with selectors.DefaultSelector() as selector:
        for stream in (proc.stdout, proc.stderr):
            os.set_blocking(stream.fileno(), False)
            selector.register(stream.fileno(), selectors.EVENT_READ)
        while selector.get_map():
            now = time.monotonic()
            if now >= deadline:
                timed_out = True
                break
            if ended_at is None and proc.poll() is not None:
                ended_at = now
            if ended_at is not None and now - ended_at > 1.0:
                break  # its own process ended; whatever still holds the pipes is killed below
            for key, _ in selector.select(min(deadline - now, 0.25)):
                with contextlib.suppress(BlockingIOError):
                    data = os.read(key.fd, 1 << 16)
                    if not data:
                        selector.unregister(key.fd)
                        continue
                    total += len(data)
                    if total > limits.output:
                        overflow = True
                        break
                    buffers[key.fd] += data
            if overflow:
                break
    kill_everything(proc, slot)
    proc.wait()
    code = None if (timed_out or overflow) else proc.returncode
    stdout, stderr = _text(bytes(buffers[proc.stdout.fileno()])), _text(
        bytes(buffers[proc.stderr.fileno()]))
    proc.stdout.close()
    proc.stderr.close()
    exceeded = "output" if overflow else "" if timed_out else _exceeded(code, stderr)
    return Finished(code, stdout, stderr, time.perf_counter() - start, timed_out, exceeded,
                    limits)


def _exceeded(code: int | None, stderr: str) -> str:
    """The limit a failed process most likely hit (the kernel's signal, or Python's error)."""
    if code in (0, None):
        return ""
    if code in (-signal.SIGXCPU, 128 + signal.SIGXCPU):  # bwrap's init reports 128 + signal
        return "cpu"
    if code in (-signal.SIGXFSZ, 128 + signal.SIGXFSZ) or "File too large" in stderr:
        return "file_size"
    if "MemoryError" in stderr or "Cannot allocate memory" in stderr:
        return "memory"
    if "Resource temporarily unavailable" in stderr and re.search(
            r"fork|spawn|Popen|start_new_thread|can't start new thread|Thread", stderr):
        return "processes"
    return ""


def violation_text(exceeded: str, limits: Limits, timeout: float) -> tuple[str, str]:
    """(reason, hint) for a sample stopped by a limit."""
    value = getattr(limits, exceeded)
    if exceeded == "cpu":
        value = limits.cpu_for(timeout)
    word = LIMIT_WORDS[exceeded]
    shown = show(exceeded, value)
    reason = (f"printed more than {shown} of output and was killed" if exceeded == "output"
              else f"exceeded its {word} limit ({shown})")
    example = {"memory": '"8G"', "processes": "1024", "file_size": '"4G"', "cpu": "300",
               "output": '"16M"'}[exceeded]
    hint = (f"if the sample truly needs more, raise it in its verify block: "
            f"`# limits = {{ {exceeded} = {example} }}`; otherwise fix the sample")
    return reason, hint


def missing_capability(needs: list[str]) -> str:
    """Why this machine's sandbox cannot give a sample what its `needs` asks for ("" if it can)."""
    prof = profile()
    if "user-namespaces" in needs and not prof.user_namespaces:
        where = "bubblewrap is unavailable" if not prof.bwrap else "the kernel refuses them"
        return f"needs user namespaces inside the sandbox, and {where} here"
    return ""
