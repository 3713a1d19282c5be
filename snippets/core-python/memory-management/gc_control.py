# --8<-- [start:demo]
import gc

# Forcing GC collection to clean up cycles
gc.collect()

# Disabling GC for critical high-throughput/low-latency execution paths
gc.disable()
# ... heavy computation avoiding GC pauses ...
print(gc.isenabled())  # Output: False
gc.enable()
print(gc.isenabled())  # Output: True
# --8<-- [end:demo]
