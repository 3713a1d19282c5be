# --8<-- [start:solution]
from collections import deque
from collections.abc import Iterable


class CyclicPrerequisitesError(ValueError):
    def __init__(self, stuck: list[str]) -> None:
        super().__init__(f"cyclic prerequisites, blocked tasks: {', '.join(stuck)}")
        self.stuck = stuck


def execution_order(tasks: Iterable[str], prerequisites: Iterable[tuple[str, str]]) -> list[str]:
    """An order in which every task runs after all of its prerequisites (Kahn's algorithm).

    prerequisites holds (before, after) pairs. Tasks that become ready at the same time keep
    their input order, so the result is deterministic. Raises CyclicPrerequisitesError if no
    order exists.
    """
    dependents: dict[str, list[str]] = {}
    waiting_on: dict[str, int] = {}  # task -> number of prerequisites not yet done
    for task in tasks:
        dependents.setdefault(task, [])
        waiting_on.setdefault(task, 0)
    for before, after in set(prerequisites):  # a duplicate edge counts once
        for task in (before, after):  # a task named only in an edge still runs
            dependents.setdefault(task, [])
            waiting_on.setdefault(task, 0)
        dependents[before].append(after)
        waiting_on[after] += 1
    position = {task: index for index, task in enumerate(waiting_on)}
    for followers in dependents.values():
        followers.sort(key=position.__getitem__)  # input order, not set iteration order

    ready = deque(task for task, count in waiting_on.items() if count == 0)
    order: list[str] = []
    while ready:
        task = ready.popleft()
        order.append(task)
        for follower in dependents[task]:
            waiting_on[follower] -= 1
            if waiting_on[follower] == 0:
                ready.append(follower)
    if len(order) < len(waiting_on):
        raise CyclicPrerequisitesError([task for task, count in waiting_on.items() if count > 0])
    return order


if __name__ == "__main__":
    tasks = ["deploy", "run-tests", "build-image", "migrate-db", "lint"]
    prerequisites = [
        ("lint", "run-tests"),
        ("run-tests", "build-image"),
        ("build-image", "deploy"),
        ("migrate-db", "deploy"),
    ]
    print(execution_order(tasks, prerequisites))
    # Output: ['migrate-db', 'lint', 'run-tests', 'build-image', 'deploy']
    try:
        execution_order(["a", "b", "c"], [("a", "b"), ("b", "a"), ("a", "c")])
    except CyclicPrerequisitesError as exc:
        print(exc)  # Output: cyclic prerequisites, blocked tasks: a, b, c
# --8<-- [end:solution]
