# /// verify
# services = ["redis"]
# ///
from pathlib import Path

from services import redis_client

r = redis_client()
RELEASE_LUA = Path(__file__).with_name("release_lock.lua").read_text()  # the script above

# --8<-- [start:demo]
import time
import uuid

release_script = r.register_script(RELEASE_LUA)  # EVALSHA under the hood


def acquire(key: str, ttl_ms: int) -> str | None:
    token = str(uuid.uuid4())  # identifies this holder
    # SET key value NX PX ttl: set only if absent, with an expiry, in ONE atomic command
    return token if r.set(key, token, nx=True, px=ttl_ms) else None


def release(key: str, token: str) -> bool:
    return release_script(keys=[key], args=[token]) == 1


worker_a = acquire("lock:order:42", ttl_ms=500)
print("A acquired:", worker_a is not None)  # Output: A acquired: True
print("B acquired while A holds it:", acquire("lock:order:42", ttl_ms=500))
# Output: B acquired while A holds it: None
print("B releases with a token of its own:", release("lock:order:42", "token-of-b"))
# Output: B releases with a token of its own: False
print("lock still held by A:", r.get("lock:order:42") == worker_a)
# Output: lock still held by A: True

# A stalls past its TTL (GC pause, slow I/O): the lock expires on its own, no deadlock
time.sleep(0.55)
worker_b = acquire("lock:order:42", ttl_ms=5_000)
print("B acquired after A's TTL expired:", worker_b is not None)
# Output: B acquired after A's TTL expired: True
# A wakes up and releases "its" lock: the token check stops it from deleting B's
print("late release by A:", release("lock:order:42", worker_a))  # Output: late release by A: False
print("B still holds the lock:", r.get("lock:order:42") == worker_b)
# Output: B still holds the lock: True
print("B releases:", release("lock:order:42", worker_b))  # Output: B releases: True
# --8<-- [end:demo]

# --8<-- [start:trap]
# The trap: SETNX first, EXPIRE as a second command, and the process dies in between
if r.set("lock:report", "worker-c", nx=True):  # what SETNX does: set if absent, no expiry
    pass  # worker C crashes here, before r.expire("lock:report", 30) is sent
print("TTL of the orphaned lock:", r.ttl("lock:report"))  # Output: TTL of the orphaned lock: -1
print("anyone else acquires it:", acquire("lock:report", ttl_ms=5_000))
# Output: anyone else acquires it: None
# --8<-- [end:trap]
