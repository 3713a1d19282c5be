# --8<-- [start:demo]
import sys

# Demonstration of reference counting mechanics
my_list = [1, 2, 3]
# sys.getrefcount returns count + 1 because the argument passing creates a temporary reference
print(sys.getrefcount(my_list))  # Output: 2

second_reference = my_list
print(sys.getrefcount(my_list))  # Output: 3

del second_reference
print(sys.getrefcount(my_list))  # Output: 2
# --8<-- [end:demo]
