# --8<-- [start:demo]
import heapq

# Priority task execution processing lowest latency targets first
tasks = [(10, "Task_A"), (5, "Task_B"), (20, "Task_C")]
heapq.heapify(tasks)  # Linear time O(N) conversion to heap structure
while tasks:
    priority, name = heapq.heappop(tasks)  # O(log N) extraction
    print(f"Executed {name} with priority {priority}")
# Output: Executed Task_B with priority 5
# Output: Executed Task_A with priority 10
# Output: Executed Task_C with priority 20
# --8<-- [end:demo]
