"""Site addition: threading.local leaks state between asyncio tasks; a ContextVar does not."""


# --8<-- [start:demo]
import asyncio
import contextvars
import threading

request_state = threading.local()  # one value per *thread*: all tasks share the loop's thread
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id")


async def handle(request_id: str, results: dict[str, tuple[str, str]]) -> None:
    request_state.request_id = request_id
    request_id_var.set(request_id)
    await asyncio.sleep(0.01)  # task switch: the other request runs and overwrites the local
    results[request_id] = (request_state.request_id, request_id_var.get())


async def main() -> None:
    results: dict[str, tuple[str, str]] = {}
    await asyncio.gather(handle("req-A", results), handle("req-B", results))
    for request_id, (from_local, from_contextvar) in results.items():
        print(f"{request_id}: threading.local={from_local} contextvar={from_contextvar}")


asyncio.run(main())
# Output: req-A: threading.local=req-B contextvar=req-A
# Output: req-B: threading.local=req-B contextvar=req-B
# --8<-- [end:demo]
