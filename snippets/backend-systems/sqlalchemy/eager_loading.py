# /// verify
# services = ["postgres"]
# ///
from _users_orders import Order, User, engine
from sqlalchemy import event
from sqlalchemy.orm import Session

statements: list[str] = []


@event.listens_for(engine, "before_cursor_execute")
def count_sql(conn, cursor, statement, parameters, context, executemany) -> None:
    statements.append(" ".join(statement.split()))


session = Session(engine)

# --8<-- [start:selectin]
from sqlalchemy.orm import selectinload

# Resolving N+1 execution bottlenecks cleanly
users = session.query(User).options(selectinload(User.orders)).all()
# Zero additional network queries triggered during loop access
for user in users:
    print(user.orders)
# Output: [Order(id=1, total_cents=100), Order(id=2, total_cents=101), Order(id=3, total_cents=102)]
# Output: [Order(id=298, total_cents=10000), Order(id=299, total_cents=10001), Order(id=300, ...)]

print("SQL statements:", len(statements))  # Output: SQL statements: 2
head, _, ids = statements[1].partition(" IN ")
print("second:", head, f"IN ({ids.count('%(')} bound ids)")
# Output: second: SELECT orders.user_id AS ... WHERE orders.user_id IN (100 bound ids)
# --8<-- [end:selectin]

# --8<-- [start:joined]
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import joinedload

session.expunge_all()  # forget loaded objects so every example starts cold
statements.clear()

# Many-to-one: one LEFT OUTER JOIN brings each order's single user along
orders = session.scalars(select(Order).options(joinedload(Order.user))).all()
print(len(orders), orders[-1].user.name, "| SQL statements:", len(statements))
# Output: 300 user100 | SQL statements: 1
print("LEFT OUTER JOIN users" in statements[0])  # Output: True

# One-to-many through a JOIN repeats each user once per order (the Cartesian duplication)
session.expunge_all()
result = session.execute(select(User).options(joinedload(User.orders)))
try:
    result.scalars().all()
except InvalidRequestError as exc:
    print(type(exc).__name__, "-", str(exc).split(",")[0])
# Output: InvalidRequestError - The unique() method must be invoked on this Result
joined_rows = session.execute(select(User.id, Order.id).join(User.orders)).all()
print("rows on the wire with a JOIN:", len(joined_rows), "for 100 users")
# Output: rows on the wire with a JOIN: 300 for 100 users
# --8<-- [end:joined]
