# --8<-- [start:demo]
from queue import Queue
from threading import Thread


def worker_consumer(q: Queue) -> None:
    while True:
        item = q.get()
        try:
            if item is None:
                break  # Termination sentinel received
            print(f"Processing item: {item}")
        finally:
            q.task_done()  # for every get(), the sentinel and a failing item included


task_queue: Queue[str | None] = Queue()
# Launch consumer thread
consumer = Thread(target=worker_consumer, args=(task_queue,), daemon=True)
consumer.start()
task_queue.put("API_Payload_1")
task_queue.put("API_Payload_2")
task_queue.join()  # Blocks caller until all tasks are marked complete
print("all tasks complete")
# Output: Processing item: API_Payload_1
# Output: Processing item: API_Payload_2
# Output: all tasks complete

task_queue.put(None)  # stop the consumer...
task_queue.join()  # ...and this returns only because the sentinel was acknowledged too
consumer.join(timeout=5)
print("consumer stopped:", not consumer.is_alive(), "| unfinished:", task_queue.unfinished_tasks)
# Output: consumer stopped: True | unfinished: 0
# --8<-- [end:demo]
