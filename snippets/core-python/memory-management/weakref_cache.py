# --8<-- [start:demo]
import weakref


class LargePayload:
    def __init__(self, data: str) -> None:
        self.data = data


payload = LargePayload("heavy_database_rows")

# Create a weak reference cache mapping
cache: weakref.WeakValueDictionary[str, LargePayload] = weakref.WeakValueDictionary()
cache["session_payload"] = payload
print(cache["session_payload"])  # Output: <__main__.LargePayload object at 0x...>

del payload  # Drops primary reference count to 0
# Cache drops the key automatically because target object was deallocated
print(list(cache.keys()))  # Output: []
# --8<-- [end:demo]
