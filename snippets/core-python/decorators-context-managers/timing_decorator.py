"""A timing decorator that keeps the wrapped function's metadata with functools.wraps."""

# --8<-- [start:demo]
import time
from functools import wraps


def timing_latency(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            duration = time.perf_counter() - start
            print(f"[Metrics] {func.__name__} executed in {duration:.4f}s")

    return wrapper


@timing_latency
def process_payment(amount):
    """Charge the customer's card."""
    time.sleep(0.1)  # Simulate network call
    return True


print(process_payment(42))
# Output: [Metrics] process_payment executed in ...s
# Output: True
# @wraps copied the metadata onto the wrapper
print(process_payment.__name__, "-", process_payment.__doc__)
# Output: process_payment - Charge the customer's card.
# --8<-- [end:demo]


# --8<-- [start:without_wraps]
def timing_without_wraps(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@timing_without_wraps
def refund_payment(amount):
    """Refund the customer."""
    return True


# Without @wraps every decorated function is called "wrapper" in logs, metrics and tracebacks
print(refund_payment.__name__, "-", refund_payment.__doc__)  # Output: wrapper - None
# --8<-- [end:without_wraps]
