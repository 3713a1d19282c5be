# --8<-- [start:config]
import structlog

# One JSON object per line on stdout, where the container runtime collects it
structlog.configure(
    processors=[
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,  # the traceback becomes one JSON string field
        structlog.processors.JSONRenderer(),
    ],
    logger_factory=structlog.PrintLoggerFactory(),
)
# --8<-- [end:config]


def charge_card(user_id: int, amount: float) -> None:
    if amount <= 0:
        raise ValueError("amount must be positive")


# --8<-- [start:demo]
import structlog

# Emitting highly queryable structured application logs
logger = structlog.get_logger()


def process_transaction(user_id: int, amount: float) -> None:
    logger.info("transaction_requested", user_id=user_id, amount=amount, status="pending")
    try:
        # Business logic execution
        charge_card(user_id, amount)
        logger.info("transaction_completed", user_id=user_id, status="success")
    except Exception as exc:
        logger.error("transaction_failed", user_id=user_id, error=str(exc), exc_info=True)


process_transaction(42, 99.5)
# Output: {"user_id": 42, "amount": 99.5, "status": "pending", "event": "transaction_requested"...
# Output: {"user_id": 42, "status": "success", "event": "transaction_completed", "level": "info"...
process_transaction(7, -5.0)
# Output: {"user_id": 7, "amount": -5.0, "status": "pending", ..., "timestamp": "...Z"}
# Output: {"user_id": 7, "error": "amount must be positive", ..."exception": "Traceback (most...}
# --8<-- [end:demo]

# --8<-- [start:query]
import io
import json
from contextlib import redirect_stdout

# What the aggregator does with those lines: parse each one and query fields
with redirect_stdout(io.StringIO()) as captured:
    for user_id, amount in [(1, 10.0), (2, -1.0), (3, 25.0), (4, 0.0)]:
        process_transaction(user_id, amount)
events = [json.loads(line) for line in captured.getvalue().splitlines()]
failed = [e["user_id"] for e in events if e["level"] == "error"]
print(f"{len(events)} events, failed user_ids: {failed}")
# Output: 8 events, failed user_ids: [2, 4]
print("traceback kept inside one event:", events[3]["exception"].count("\n") > 1)
# Output: traceback kept inside one event: True
# --8<-- [end:query]

# --8<-- [start:plain]
import io
import logging

# The same failure through the standard library's default text format
text = io.StringIO()
plain = logging.getLogger("payments")
plain.addHandler(logging.StreamHandler(text))
plain.propagate = False
try:
    charge_card(2, -1.0)
except ValueError:
    plain.exception("transaction_failed user_id=2")
lines = text.getvalue().splitlines()
print("first line:", lines[0])  # Output: first line: transaction_failed user_id=2
print("last line:", lines[-1])  # Output: last line: ValueError: amount must be positive
print("a line-based collector sees several events for one failure:", len(lines) > 1)
# Output: a line-based collector sees several events for one failure: True
# --8<-- [end:plain]
