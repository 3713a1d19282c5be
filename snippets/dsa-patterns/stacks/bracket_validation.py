# --8<-- [start:demo]
# Validating bracket sequences using a Stack
def is_valid_payload_structure(payload: str) -> bool:
    stack = []
    mapping = {")": "(", "}": "{", "]": "["}
    for char in payload:
        if char in mapping.values():
            stack.append(char)
        elif char in mapping:
            if not stack or stack[-1] != mapping[char]:
                return False
            stack.pop()
    return len(stack) == 0


print(is_valid_payload_structure('{"user": [1, 2, {"id": 3}]}'))  # Output: True
print(is_valid_payload_structure('{"user": [1, 2}'))  # Output: False
print(is_valid_payload_structure("(()"))  # Output: False
# --8<-- [end:demo]
