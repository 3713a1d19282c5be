"""A pdb session, scripted so it runs on every build: n, s, p and c at work."""


# --8<-- [start:code]
def discount_for(tier: str) -> float:
    rates = {"gold": 0.2, "silver": 0.1}
    return rates.get(tier, 0.0)


def checkout_total(prices: list[float], tier: str) -> float:
    subtotal = sum(prices)
    rate = discount_for(tier)
    return round(subtotal * (1 - rate), 2)
# --8<-- [end:code]


# --8<-- [start:demo]
import io
import pdb
import sys

# The commands a developer would type at the (Pdb) prompt, one per line
commands = """\
n
p subtotal
s
n
p rates
n
p rates
c
"""
debugger = pdb.Pdb(stdin=io.StringIO(commands), stdout=sys.stdout)
debugger.use_rawinput = False  # read commands from stdin=..., not from the terminal
total = debugger.runcall(checkout_total, [19.99, 5.01], "gold")
print("total:", total)
# Output: > ...pdb_session.py(...)checkout_total()
# Output: -> subtotal = sum(prices)
# Output: (Pdb) > ...pdb_session.py(...)checkout_total()
# Output: -> rate = discount_for(tier)
# Output: (Pdb) 25.0
# Output: (Pdb) --Call--
# Output: > ...pdb_session.py(...)discount_for()
# Output: -> def discount_for(tier: str) -> float:
# Output: (Pdb) > ...pdb_session.py(...)discount_for()
# Output: -> rates = {"gold": 0.2, "silver": 0.1}
# Output: (Pdb) *** NameError: name 'rates' is not defined
# Output: (Pdb) > ...pdb_session.py(...)discount_for()
# Output: -> return rates.get(tier, 0.0)
# Output: (Pdb) {'gold': 0.2, 'silver': 0.1}
# Output: (Pdb) total: 20.0
# --8<-- [end:demo]
