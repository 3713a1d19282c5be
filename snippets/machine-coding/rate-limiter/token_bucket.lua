-- /// verify
-- keys = ["rate:203.0.113.7"]
-- args = ["100", "1.6666667"]
-- setup = [["HSET", "rate:203.0.113.7", "tokens", "0.5", "ts", "0"]]
-- ///
-- Setup: a bucket left almost empty long ago; by now it has refilled to its full capacity.
-- --8<-- [start:demo]
-- Token bucket, executed atomically inside Redis: KEYS[1] = the client's bucket,
-- ARGV[1] = capacity (burst size), ARGV[2] = refill rate in tokens per second.
-- Returns {allowed (1/0), tokens left (rounded down), milliseconds until a token is available}.
local key = KEYS[1]
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])

local clock = redis.call("TIME")  -- Redis's clock: every app server agrees on "now"
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000

local bucket = redis.call("HMGET", key, "tokens", "ts")
local tokens = tonumber(bucket[1]) or capacity  -- a new client starts with a full bucket
local last = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - last) * rate)  -- refill since last call

local allowed = 0
if tokens >= 1 then
    tokens = tokens - 1
    allowed = 1
end
redis.call("HSET", key, "tokens", tostring(tokens), "ts", tostring(now))
-- forget idle clients once their bucket would be full again anyway
redis.call("PEXPIRE", key, math.ceil((capacity - tokens) / rate * 1000) + 1000)

local retry_after_ms = 0
if allowed == 0 then
    retry_after_ms = math.ceil((1 - tokens) / rate * 1000)
end
return {allowed, math.floor(tokens), retry_after_ms}
-- --8<-- [end:demo]
-- Output: [1, 99, 0]
