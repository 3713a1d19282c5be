"""Generator expressions and itertools.islice pagination."""

# --8<-- [start:demo]
import itertools

# Generator expression: Parentheses instead of brackets
stream_processing = (x * 2 for x in range(1000000))


# Paginating an iterator efficiently without loading into memory using itertools.islice
def get_page(generator, page_size, page_number):
    start = (page_number - 1) * page_size
    stop = start + page_size
    return list(itertools.islice(generator, start, stop))


print(get_page(stream_processing, page_size=5, page_number=3))  # Output: [20, 22, 24, 26, 28]
# islice consumed the stream up to item 15; the rest is still lazy
print(next(stream_processing))  # Output: 30
# --8<-- [end:demo]
