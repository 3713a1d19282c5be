import pytest
from rpn_evaluator import evaluate_rpn


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("42", 42),  # a single operand
        ("3 4 + 2 *", 14),
        ("5 1 2 + 4 * + 3 -", 14),
        ("10 6 9 3 + -11 * / * 17 + 5 +", 22),
        ("-7 2 /", -3),  # truncates toward zero, not floor
        ("7 -2 /", -3),
        ("3 3 - 3 3 - -", 0),  # repeated operands and operators
        ("  2   3   *  ", 6),  # extra whitespace
    ],
)
def test_examples(payload: str, expected: int) -> None:
    assert evaluate_rpn(payload) == expected


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("", "0 values left"),  # empty input
        ("1 2", "2 values left"),  # no answer: operands without an operator
        ("+", "needs two operands"),
        ("1 0 /", "division by zero"),
        ("1 x +", "unknown token"),
    ],
)
def test_malformed_payloads(payload: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        evaluate_rpn(payload)


def test_big_integers_stay_exact() -> None:
    big = 10**30 + 7
    assert evaluate_rpn(f"{big} 3 /") == big // 3
    assert evaluate_rpn(f"-{big} 3 /") == -(big // 3)


def test_large_input() -> None:
    payload = "1 " + "1 + " * 200_000  # 200,001 ones added one by one
    assert evaluate_rpn(payload) == 200_001
    nested = " ".join(["2"] * 1_001) + " +" * 1_000  # a deep stack: 1,001 operands pushed first
    assert evaluate_rpn(nested) == 2_002
