# /// verify
# services = ["redis"]
# ///
from services import redis_client

r = redis_client()
PRODUCTS = {1: "keyboard", 2: "mouse"}

# --8<-- [start:demo]
MISSING = "__none__"  # sentinel: "the database has no such row"
database_queries = 0


def find_product_in_db(product_id: int) -> str | None:
    global database_queries
    database_queries += 1
    return PRODUCTS.get(product_id)


def get_product(product_id: int) -> str | None:
    key = f"product:{product_id}"
    cached = r.get(key)
    if cached is not None:
        return None if cached == MISSING else cached
    product = find_product_in_db(product_id)
    if product is None:
        r.set(key, MISSING, ex=30)  # cache the miss, briefly
    else:
        r.set(key, product, ex=3600)
    return product


# A scraper hammers an id that does not exist
for _ in range(1000):
    get_product(999_999)
print("lookups: 1000, database queries:", database_queries)
# Output: lookups: 1000, database queries: 1
print(get_product(1), get_product(1), "| database queries:", database_queries)
# Output: keyboard keyboard | database queries: 2
print("negative entry expires within 30 s:", 0 < r.ttl("product:999999") <= 30)
# Output: negative entry expires within 30 s: True
# --8<-- [end:demo]
