# --8<-- [start:demo]
# Fast API request load range query resolver using prefix sums
class RequestLoadAnalytics:
    def __init__(self, loads: list[int]):
        self.prefix = [0] * (len(loads) + 1)
        for i in range(len(loads)):
            self.prefix[i + 1] = self.prefix[i] + loads[i]

    def query_load_range(self, left: int, right: int) -> int:
        # Negative indices would silently wrap around; an empty or reversed range is an error.
        if not 0 <= left <= right < len(self.prefix) - 1:
            raise IndexError(f"range [{left}, {right}] outside 0..{len(self.prefix) - 2}")
        # Resolves dynamic range calculations instantly O(1) time
        return self.prefix[right + 1] - self.prefix[left]


hourly_requests = [120, 80, 200, 50, 310, 90]
analytics = RequestLoadAnalytics(hourly_requests)
print(analytics.prefix)  # Output: [0, 120, 200, 400, 450, 760, 850]
print(analytics.query_load_range(1, 3))  # Output: 330
print(analytics.query_load_range(0, 5))  # Output: 850
print(analytics.query_load_range(4, 4))  # Output: 310
try:
    analytics.query_load_range(-1, 2)  # the handbook's version returns 400 - 850 = -450
except IndexError as exc:
    print(f"IndexError: {exc}")  # Output: IndexError: range [-1, 2] outside 0..5
# --8<-- [end:demo]
