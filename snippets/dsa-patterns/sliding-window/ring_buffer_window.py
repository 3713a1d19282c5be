# --8<-- [start:demo]
from array import array


class RollingAverage:
    """Average of the last `size` samples, kept in one flat, preallocated ring buffer."""

    def __init__(self, size: int) -> None:
        self.buffer = array("d", [0.0]) * size  # fixed-length C doubles, allocated once
        self.size = size
        self.next_slot = 0
        self.count = 0
        self.total = 0.0

    def add(self, sample: float) -> float:
        self.total += sample - self.buffer[self.next_slot]  # add incoming, drop trailing
        self.buffer[self.next_slot] = sample
        self.next_slot = (self.next_slot + 1) % self.size
        self.count = min(self.count + 1, self.size)
        return self.total / self.count


cpu = RollingAverage(size=4)
address_before = cpu.buffer.buffer_info()[0]
averages = [cpu.add(sample) for sample in [40.0, 60.0, 80.0, 20.0, 100.0, 0.0]]
print(averages)  # Output: [40.0, 50.0, 60.0, 50.0, 65.0, 50.0]
print(cpu.buffer.tolist())  # Output: [100.0, 0.0, 80.0, 20.0]
print("same buffer, no reallocation:", cpu.buffer.buffer_info()[0] == address_before)
# Output: same buffer, no reallocation: True
# --8<-- [end:demo]
