# --8<-- [start:demo]
import sys

before = sys.getrefcount(None)
holders = [None for _ in range(1_000)]  # 1,000 new references to the None singleton
after = sys.getrefcount(None)

# Python 3.12+ (PEP 683): None is immortal, its count is never incremented
print(after - before)
# Output (Python 3.11): 1000
# Output (Python 3.12+): 0
# --8<-- [end:demo]
