# --8<-- [start:demo]
from collections import deque


# Processing a task pipeline using deque O(1) ops
def process_task_pipeline(tasks: list[str]) -> None:
    queue = deque(tasks)
    while queue:
        current_task = queue.popleft()  # O(1) removal from head
        print(f"Executing: {current_task}")


process_task_pipeline(["resize-image", "send-email", "charge-card"])
# Output: Executing: resize-image
# Output: Executing: send-email
# Output: Executing: charge-card
# --8<-- [end:demo]
