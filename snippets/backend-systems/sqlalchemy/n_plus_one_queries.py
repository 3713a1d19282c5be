# /// verify
# services = ["postgres"]
# ///
from _users_orders import User, engine
from sqlalchemy.orm import Session

session = Session(engine)

# --8<-- [start:demo]
from sqlalchemy import event

statements: list[str] = []


@event.listens_for(engine, "before_cursor_execute")
def count_sql(conn, cursor, statement, parameters, context, executemany) -> None:
    statements.append(statement)


# Detecting N+1 Query patterns
users = session.query(User).all()  # Query 1 fetches 100 users
for user in users:
    # Triggers 100 separate queries fetching orders per user!
    print(user.orders)
# Output: [Order(id=1, total_cents=100), Order(id=2, total_cents=101), Order(id=3, total_cents=102)]
# Output: [Order(id=298, total_cents=10000), Order(id=299, total_cents=10001), Order(id=300, ...)]

print("SQL statements:", len(statements))  # Output: SQL statements: 101
print("one of them:", " ".join(statements[1].split()))
# Output: one of them: SELECT orders.id AS orders_id, ... FROM orders WHERE ... = orders.user_id
# --8<-- [end:demo]
