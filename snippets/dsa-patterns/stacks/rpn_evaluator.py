# --8<-- [start:solution]
import operator
from collections.abc import Callable


def truncating_div(a: int, b: int) -> int:
    """Division toward zero (-7 / 2 -> -3), exact for integers of any size.

    `a // b` floors instead (-7 // 2 == -4), and `int(a / b)` goes through a float.
    """
    quotient = abs(a) // abs(b)
    return quotient if (a < 0) == (b < 0) else -quotient


OPERATORS: dict[str, Callable[[int, int], int]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": truncating_div,
}


def evaluate_rpn(payload: str) -> int:
    """Evaluate a space-separated Reverse Polish Notation payload of integers.

    Division truncates toward zero. Raises ValueError on a malformed payload.
    """
    stack: list[int] = []
    for token in payload.split():
        if token in OPERATORS:
            if len(stack) < 2:
                raise ValueError(f"operator {token!r} needs two operands")
            right = stack.pop()  # the top of the stack is the *second* operand
            left = stack.pop()
            if token == "/" and right == 0:
                raise ValueError("division by zero")
            stack.append(OPERATORS[token](left, right))
        else:
            try:
                stack.append(int(token))
            except ValueError:
                raise ValueError(f"unknown token {token!r}") from None
    if len(stack) != 1:
        raise ValueError(f"malformed payload: {len(stack)} values left on the stack")
    return stack[0]


if __name__ == "__main__":
    print(evaluate_rpn("3 4 + 2 *"))  # Output: 14
    print(evaluate_rpn("2 1 + 3 *"))  # Output: 9
    print(evaluate_rpn("4 13 5 / +"))  # Output: 6
    print(evaluate_rpn("-7 2 /"))  # Output: -3
    try:
        evaluate_rpn("1 +")
    except ValueError as exc:
        print(f"ValueError: {exc}")  # Output: ValueError: operator '+' needs two operands
# --8<-- [end:solution]
