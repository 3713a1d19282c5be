"""Site addition: the default loop sits on selectors (epoll on Linux) and wakes on readiness."""


# --8<-- [start:demo]
import asyncio
import selectors
import socket


async def main() -> None:
    loop = asyncio.get_running_loop()
    print(type(loop).__name__)  # Output: _UnixSelectorEventLoop
    print(selectors.DefaultSelector.__name__)  # Output: EpollSelector

    reader, writer = socket.socketpair()
    reader.setblocking(False)

    async def receive() -> bytes:
        # Registers reader's file descriptor with epoll, then suspends this task
        return await loop.sock_recv(reader, 1024)

    task = asyncio.create_task(receive())
    await asyncio.sleep(0.1)
    print(f"task waiting, fd watched by the selector: {not task.done()}")
    # Output: task waiting, fd watched by the selector: True

    writer.send(b"bytes arrived")  # the OS marks the fd readable; epoll_wait returns it
    print(await task)  # Output: b'bytes arrived'
    reader.close()
    writer.close()


asyncio.run(main())
# --8<-- [end:demo]
