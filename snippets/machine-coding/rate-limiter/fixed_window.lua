-- /// verify
-- keys = ["rate:203.0.113.7:29577330"]
-- args = ["100", "60"]
-- setup = [["SET", "rate:203.0.113.7:29577330", "100"]]
-- ///
-- The handbook's script, verbatim. Setup: this client already made 100 requests this minute.
-- --8<-- [start:demo]
-- Token Bucket rate limiting logic executed atomically inside Redis memory space
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local current = tonumber(redis.call('get', key) or "0")
if current + 1 > limit then
    return 0 -- Reject request
else
    redis.call("INCRBY", key, 1)
    if current == 0 then
        redis.call("EXPIRE", key, tonumber(ARGV[2]))
    end
    return 1 -- Allow request
end
-- --8<-- [end:demo]
-- Output: 0
