"""The handbook's logger without any configuration: structlog's default console output."""


# --8<-- [start:demo]
import structlog

logger = structlog.get_logger()  # no structlog.configure() anywhere in the program
logger.info("transaction_requested", user_id=42, amount=99.5, status="pending")
# Output: ... [info     ] transaction_requested ... amount=99.5 status=pending user_id=42

# The last processor of the default configuration renders the event
print("renderer:", type(structlog.get_config()["processors"][-1]).__name__)
# Output: renderer: ConsoleRenderer
# --8<-- [end:demo]
