"""A parameterized retry decorator with exponential backoff and exception filtering."""

# --8<-- [start:demo]
import logging
import sys
import time
from functools import wraps

# stream=sys.stdout (added on this site) so the build can check the log lines
logging.basicConfig(level=logging.INFO, stream=sys.stdout)
logger = logging.getLogger(__name__)


def retry_with_backoff(retries=3, backoff_in_seconds=1, exceptions=(Exception,)):
    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            attempt = 0
            delay = backoff_in_seconds
            while attempt < retries:
                try:
                    return func(*args, **kwargs)
                except exceptions as e:
                    attempt += 1
                    if attempt == retries:
                        # Erratum fix: %-style arguments, formatted only if the record is emitted
                        logger.error(
                            "Function %s failed after %d attempts.", func.__name__, retries
                        )
                        raise  # Erratum fix: a bare raise re-raises e with its traceback as is
                    logger.warning(
                        "Attempt %d/%d failed: %s. Retrying in %ss...", attempt, retries, e, delay
                    )
                    time.sleep(delay)
                    delay *= 2  # Exponential backoff

        return wrapper

    return decorator


# --8<-- [end:demo]

# --8<-- [start:usage]
calls = {"charge": 0, "lookup": 0, "validate": 0}


@retry_with_backoff(retries=3, backoff_in_seconds=0.01, exceptions=(ConnectionError,))
def charge_card(amount: int) -> str:
    calls["charge"] += 1
    if calls["charge"] < 3:  # two transient failures, then success
        raise ConnectionError("connection reset")
    return f"charged {amount}"


print(charge_card(100))
# Output: WARNING:__main__:Attempt 1/3 failed: connection reset. Retrying in 0.01s...
# Output: WARNING:__main__:Attempt 2/3 failed: connection reset. Retrying in 0.02s...
# Output: charged 100


@retry_with_backoff(retries=2, backoff_in_seconds=0.01, exceptions=(ConnectionError,))
def lookup_rate() -> float:
    calls["lookup"] += 1
    raise ConnectionError("upstream down")


try:
    lookup_rate()
except ConnectionError as exc:
    print(f"gave up: {exc} after {calls['lookup']} calls")
# Output: WARNING:__main__:Attempt 1/2 failed: upstream down. Retrying in 0.01s...
# Output: ERROR:__main__:Function lookup_rate failed after 2 attempts.
# Output: gave up: upstream down after 2 calls


@retry_with_backoff(retries=3, backoff_in_seconds=0.01, exceptions=(ConnectionError,))
def validate(amount: int) -> int:
    calls["validate"] += 1
    raise ValueError("negative amount")  # not transient: not in `exceptions`


try:
    validate(-5)
except ValueError as exc:
    print(f"not retried: {exc} after {calls['validate']} call")
# Output: not retried: negative amount after 1 call
# --8<-- [end:usage]
