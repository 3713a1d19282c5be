# --8<-- [start:demo]
import sys

report = ["row"] * 3
alias = report
print(sys.getrefcount(report))  # Output: 3

alias = None  # the name stays, bound to the None singleton; the list loses one reference
print(sys.getrefcount(report), alias)  # Output: 2 None

del alias  # the name itself is gone
try:
    print(alias)
except NameError as exc:
    print(f"NameError: {exc}")  # Output: NameError: name 'alias' is not defined
# --8<-- [end:demo]
