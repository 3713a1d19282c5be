-- /// verify
-- services = ["redis"]
-- keys = ["lock:order:42"]
-- args = ["token-a"]
-- setup = [["SET", "lock:order:42", "token-a", "NX", "PX", "30000"]]
-- ///
-- --8<-- [start:demo]
-- Atomic Lua Script releasing locks safely
if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
else
    return 0
end
-- --8<-- [end:demo]
-- Output: 1
