# --8<-- [start:demo]
from collections import defaultdict

# Grouping streaming logs by event status cleanly
logs = [("ERROR", "DB Timeout"), ("INFO", "User Login"), ("ERROR", "Cache Miss")]
grouped = defaultdict(list)
for status, msg in logs:
    grouped[status].append(msg)

print(dict(grouped))  # Output: {'ERROR': ['DB Timeout', 'Cache Miss'], 'INFO': ['User Login']}
# --8<-- [end:demo]

# --8<-- [start:counter]
from collections import Counter

status_counts = Counter(status for status, _ in logs)
print(status_counts)  # Output: Counter({'ERROR': 2, 'INFO': 1})
print(status_counts.most_common(1))  # Output: [('ERROR', 2)]
print(status_counts["WARNING"])  # Output: 0
# --8<-- [end:counter]
