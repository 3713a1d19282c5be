# --8<-- [start:demo]
def shortest_breach_late_update(bandwidths: list[int], limit: int) -> int:
    left, current, best = 0, 0, len(bandwidths) + 1
    for right, value in enumerate(bandwidths):
        current += value
        breached = False
        while current >= limit:
            breached = True
            current -= bandwidths[left]
            left += 1
        if breached:  # BUG: measured after contracting, when the window no longer breaches
            best = min(best, right - left + 1)
    return best if best <= len(bandwidths) else 0


def shortest_breach_off_by_one(bandwidths: list[int], limit: int) -> int:
    left, current, best = 0, 0, len(bandwidths) + 1
    for right, value in enumerate(bandwidths):
        current += value
        while current >= limit:
            best = min(best, right - left)  # BUG: a window [left, right] has right - left + 1
            current -= bandwidths[left]
            left += 1
    return best if best <= len(bandwidths) else 0


bandwidths = [2, 3, 1, 2, 4, 3]  # no single value reaches 7; the answer is 2 ([4, 3])
print(shortest_breach_late_update(bandwidths, 7))  # Output: 1
print(shortest_breach_off_by_one(bandwidths, 7))  # Output: 1
# --8<-- [end:demo]
