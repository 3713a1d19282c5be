# --8<-- [start:demo]
# Tracking concurrent server capacity adjustments optimally using difference arrays
def compute_final_capacities(
    servers_count: int, updates: list[tuple[int, int, int]]
) -> list[int]:
    diff = [0] * (servers_count + 1)
    for start, end, capacity in updates:
        diff[start] += capacity
        if end + 1 < len(diff):
            diff[end + 1] -= capacity
    # Sweep state array flat
    current_capacity = 0
    results = []
    for i in range(servers_count):
        current_capacity += diff[i]
        results.append(current_capacity)
    return results


# (+10 on servers 0-2), (+5 on servers 1-4), (-2 on server 3)
print(compute_final_capacities(5, [(0, 2, 10), (1, 4, 5), (3, 3, -2)]))
# Output: [10, 15, 15, 3, 5]
# --8<-- [end:demo]
