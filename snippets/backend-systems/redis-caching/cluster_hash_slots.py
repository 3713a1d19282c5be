# /// verify
# ///
# --8<-- [start:demo]
def crc16_xmodem(data: bytes) -> int:
    """CRC16-CCITT (XMODEM), the checksum Redis Cluster uses for key slots."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def key_slot(key: str) -> int:
    """CRC16(key) mod 16384, hashing only the {hash tag} when the key has a non-empty one."""
    start = key.find("{")
    if start != -1:
        end = key.find("}", start + 1)
        if end > start + 1:
            key = key[start + 1 : end]
    return crc16_xmodem(key.encode()) % 16384


print(key_slot("foo"), key_slot("bar"))  # Output: 12182 5061
print(key_slot("user:100:profile"), key_slot("user:100:orders"))  # Output: 4836 8961
# Same tag, same slot: MULTI/EXEC, Lua scripts and MGET may touch both keys
print(key_slot("{user:100}:profile"), key_slot("{user:100}:orders"))  # Output: 9308 9308
# --8<-- [end:demo]

# --8<-- [start:check]
from redis.crc import key_slot as redis_py_key_slot  # what redis-py's cluster client uses

keys = [f"session:{i}" for i in range(1000)] + [f"{{tenant:{i % 7}}}:cart:{i}" for i in range(1000)]
print("agrees with redis-py on 2,000 keys:", all(
    key_slot(k) == redis_py_key_slot(k.encode()) for k in keys
))  # Output: agrees with redis-py on 2,000 keys: True
# --8<-- [end:check]
