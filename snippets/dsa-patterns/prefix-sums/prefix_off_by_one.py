# --8<-- [start:demo]
loads = [120, 80, 200, 50]

# Unpadded: P[i] = loads[0] + ... + loads[i], and Sum(L, R) = P[R] - P[L - 1].
unpadded = []
running = 0
for load in loads:
    running += load
    unpadded.append(running)

# Sum(1, 2) = 80 + 200
print(unpadded[2] - unpadded[1 - 1])  # Output: 280
# Sum(0, 2) should be 400, but P[0 - 1] is P[-1]: Python silently reads the *last* prefix.
print(unpadded[2] - unpadded[0 - 1])  # Output: -50

# Padded with a leading 0 (as RequestLoadAnalytics does): Sum(L, R) = P[R + 1] - P[L].
padded = [0, *unpadded]
print(padded[2 + 1] - padded[0])  # Output: 400
# --8<-- [end:demo]
