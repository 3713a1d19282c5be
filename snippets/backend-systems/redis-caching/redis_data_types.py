# /// verify
# services = ["redis"]
# ///
from services import redis_client

r = redis_client()  # decode_responses=True: replies come back as str

# --8<-- [start:demo]
# Strings: cache entries and atomic counters
r.set("cache:user:42", '{"name": "Ada"}', ex=300)
for _ in range(3):
    r.incr("metric:page_views")
print(r.get("metric:page_views"), r.ttl("cache:user:42"))  # Output: 3 300

# Hashes: one record, field by field, no JSON round trip
r.hset("user:42", mapping={"name": "Ada", "plan": "pro", "logins": 7})
r.hincrby("user:42", "logins", 1)
print(r.hgetall("user:42"))  # Output: {'name': 'Ada', 'plan': 'pro', 'logins': '8'}

# Sets: unique members, O(1) membership checks
r.sadd("online_users", "ada", "grace", "ada")
print(r.scard("online_users"), bool(r.sismember("online_users", "grace")))  # Output: 2 True

# Sorted sets: members ordered by a float score (leaderboards, sliding-window rate limiters)
r.zadd("leaderboard", {"ada": 120, "grace": 95, "linus": 150})
r.zincrby("leaderboard", 40, "grace")
print(r.zrevrange("leaderboard", 0, 2, withscores=True))
# Output: [('linus', 150.0), ('grace', 135.0), ('ada', 120.0)]
# --8<-- [end:demo]
