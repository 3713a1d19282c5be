# --8<-- [start:demo]
from queue import Queue
from threading import Thread


def worker_consumer(q: Queue) -> None:
    while True:
        item = q.get()
        if item is None:
            break  # Termination sentinel received
        print(f"Processing item: {item}")
        q.task_done()


task_queue: Queue[str | None] = Queue()
# Launch consumer thread
Thread(target=worker_consumer, args=(task_queue,), daemon=True).start()
task_queue.put("API_Payload_1")
task_queue.put("API_Payload_2")
task_queue.join()  # Blocks caller until all tasks are marked complete
print("all tasks complete")
# Output: Processing item: API_Payload_1
# Output: Processing item: API_Payload_2
# Output: all tasks complete
# --8<-- [end:demo]
