import random
from graphlib import TopologicalSorter
from itertools import pairwise

import pytest
from task_execution_order import CyclicPrerequisitesError, execution_order


def respects(order: list[str], prerequisites: list[tuple[str, str]]) -> bool:
    position = {task: i for i, task in enumerate(order)}
    return all(position[before] < position[after] for before, after in prerequisites)


def test_no_tasks() -> None:  # empty input
    assert execution_order([], []) == []


def test_independent_tasks_keep_input_order() -> None:
    assert execution_order(["c", "a", "b"], []) == ["c", "a", "b"]


def test_duplicate_edges_and_tasks() -> None:
    order = execution_order(["a", "b", "a"], [("a", "b"), ("a", "b")])
    assert order == ["a", "b"]


def test_task_named_only_in_an_edge_is_included() -> None:
    assert execution_order(["deploy"], [("build", "deploy")]) == ["build", "deploy"]


@pytest.mark.parametrize(
    "prerequisites",
    [
        [("a", "a")],  # a task that waits for itself
        [("a", "b"), ("b", "a")],
        [("a", "b"), ("b", "c"), ("c", "a")],
    ],
)
def test_cycles_have_no_answer(prerequisites: list[tuple[str, str]]) -> None:
    with pytest.raises(CyclicPrerequisitesError) as caught:
        execution_order(["a", "b", "c"], prerequisites)
    assert "a" in caught.value.stuck


def test_random_dags_agree_with_graphlib() -> None:
    rng = random.Random(2)
    for _ in range(200):
        tasks = [f"t{i}" for i in range(rng.randrange(1, 12))]
        prerequisites = [
            (tasks[i], tasks[j])
            for i in range(len(tasks))
            for j in range(i + 1, len(tasks))
            if rng.random() < 0.3
        ]
        rng.shuffle(tasks)
        order = execution_order(tasks, prerequisites)
        assert sorted(order) == sorted(tasks)
        assert respects(order, prerequisites)
        sorter = TopologicalSorter({task: set() for task in tasks})
        for before, after in prerequisites:
            sorter.add(after, before)
        assert respects(list(sorter.static_order()), prerequisites)  # both are valid orders


def test_large_chain_needs_no_recursion() -> None:  # large input
    tasks = [f"step-{i}" for i in range(50_000)]
    prerequisites = list(pairwise(tasks))
    assert execution_order(reversed(tasks), prerequisites) == tasks
