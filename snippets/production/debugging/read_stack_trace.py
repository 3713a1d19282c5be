"""Reading a production stack trace: bottom line first, then the last frame of our own code."""


# --8<-- [start:app]
import json


def parse_webhook(body: str) -> dict:
    return json.loads(body)


def handle_request(body: str) -> str:
    event = parse_webhook(body)
    return event["type"]
# --8<-- [end:app]


# --8<-- [start:demo]
import sys
import traceback

try:
    handle_request("")  # a partner sent an empty body
except ValueError as exc:
    traceback.print_exc(file=sys.stdout)
    # Output: Traceback (most recent call last):
    # Output:   File "...read_stack_trace.py", line ..., in <module>
    # Output:   File "...read_stack_trace.py", line ..., in handle_request
    # Output:   File "...read_stack_trace.py", line ..., in parse_webhook
    # Output:   File ".../json/__init__.py", line ..., in loads
    # Output:   File ".../json/decoder.py", line ..., in decode
    # Output:   File ".../json/decoder.py", line ..., in raw_decode
    # Output: json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)

    # 1. The bottom line: exception type and message
    print("what:", traceback.format_exception_only(exc)[-1].strip())
    # Output: what: json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
    # 2. Scanning upward: the last frame that is our code, not the library's
    ours = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == __file__]
    print(f"where: {ours[-1].name}(), line {ours[-1].lineno}: {ours[-1].line}")
    # Output: where: parse_webhook(), line ...: return json.loads(body)
# --8<-- [end:demo]
