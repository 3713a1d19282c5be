# --8<-- [start:demo]
import gc


class Session:
    pass


gc.collect()  # a full collection first: the young generation starts empty
gc.disable()  # no automatic collection while we watch one object

session = Session()  # a new container object starts in the young generation
print(any(obj is session for obj in gc.get_objects(generation=0)))  # Output: True

gc.collect(0)  # it survives a collection of generation 0 ...
print(any(obj is session for obj in gc.get_objects(generation=1)))  # ... and is promoted
# Output (Python 3.11-3.13, 3.14.5+): True
# Output (Python 3.14.0-3.14.4): False
gc.enable()
# --8<-- [end:demo]
