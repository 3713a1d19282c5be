# --8<-- [start:demo]
# Utilizing Hashmaps for fast state deduplication O(N) time complexity
def deduplicate_user_requests(requests: list[str]) -> list[str]:
    seen = {}
    unique_requests = []
    for req in requests:
        if req not in seen:
            seen[req] = True
            unique_requests.append(req)
    return unique_requests


requests = ["req-7", "req-3", "req-7", "req-9", "req-3"]
print(deduplicate_user_requests(requests))  # Output: ['req-7', 'req-3', 'req-9']
# --8<-- [end:demo]
