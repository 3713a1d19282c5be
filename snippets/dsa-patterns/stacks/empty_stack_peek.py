# --8<-- [start:demo]
undo_stack: list[str] = []
try:
    print(undo_stack[-1])
except IndexError as exc:
    print(f"IndexError: {exc}")  # Output: IndexError: list index out of range

# Check before peeking (an empty list is falsy).
top = undo_stack[-1] if undo_stack else None
print(top)  # Output: None
# --8<-- [end:demo]
