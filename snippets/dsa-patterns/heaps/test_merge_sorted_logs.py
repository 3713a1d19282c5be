import heapq
import random
from collections.abc import Iterator

from merge_sorted_logs import LogLine, merge_sorted_logs


def test_no_files() -> None:  # empty input
    assert list(merge_sorted_logs([])) == []


def test_empty_files_are_skipped() -> None:
    assert list(merge_sorted_logs([[], [(1, "a")], []])) == [(1, "a")]


def test_single_file_passes_through() -> None:
    log = [(1, "a"), (2, "b"), (3, "c")]
    assert list(merge_sorted_logs([log])) == log


def test_duplicate_timestamps_keep_file_then_line_order() -> None:
    first = [(5, "first-1"), (5, "first-2")]
    second = [(5, "second-1")]
    assert list(merge_sorted_logs([second, first])) == [
        (5, "second-1"),
        (5, "first-1"),
        (5, "first-2"),
    ]


def test_matches_sorting_everything() -> None:
    rng = random.Random(5)
    for _ in range(200):
        files = [
            sorted((rng.randrange(30), f"f{f}-{n}") for n in range(rng.randrange(6)))
            for f in range(rng.randrange(6))
        ]
        merged = list(merge_sorted_logs(files))
        assert merged == list(heapq.merge(*files, key=lambda line: line[0]))
        assert [t for t, _ in merged] == sorted(t for log in files for t, _ in log)


def test_reads_lazily_from_generators() -> None:
    consumed: list[int] = []

    def reader(file_index: int) -> Iterator[LogLine]:
        for timestamp in range(file_index, 1_000, 10):
            consumed.append(timestamp)
            yield timestamp, f"file {file_index}"

    merged = merge_sorted_logs([reader(i) for i in range(10)])
    first_five = [next(merged) for _ in range(5)]
    assert [t for t, _ in first_five] == [0, 1, 2, 3, 4]
    assert len(consumed) <= 15  # only the heads of the ten files, not every line


def test_large_input() -> None:
    files = [[(t, f"file {f}") for t in range(f, 200_000, 50)] for f in range(50)]
    merged = list(merge_sorted_logs(files))
    assert len(merged) == 200_000
    assert [t for t, _ in merged] == list(range(200_000))
