# --8<-- [start:demo]
class FenwickTree:
    """Prefix sums that stay correct under point updates: both in O(log N)."""

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 1)  # 1-based: tree[i] covers (i - lowbit(i), i]

    def add(self, index: int, delta: int) -> None:
        i = index + 1
        while i < len(self.tree):
            self.tree[i] += delta
            i += i & -i  # climb to the next node whose range covers index

    def prefix_sum(self, count: int) -> int:
        """Sum of the first `count` values."""
        total, i = 0, count
        while i > 0:
            total += self.tree[i]
            i -= i & -i  # drop the lowest set bit
        return total

    def range_sum(self, left: int, right: int) -> int:
        return self.prefix_sum(right + 1) - self.prefix_sum(left)


bandwidth = FenwickTree(8)
for second, megabytes in enumerate([5, 3, 7, 9, 6, 4, 1, 2]):
    bandwidth.add(second, megabytes)
print(bandwidth.range_sum(2, 5))  # Output: 26
bandwidth.add(3, 10)  # a late-arriving sample for second 3: no rebuild
print(bandwidth.range_sum(2, 5))  # Output: 36
print(bandwidth.prefix_sum(8))  # Output: 47
# --8<-- [end:demo]
