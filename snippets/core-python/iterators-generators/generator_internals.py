"""Site addition: the Level 3 claims about generator code objects and suspended frames."""


# --8<-- [start:demo]
import inspect


def numbers():
    first = "a"
    yield first
    second = "b"
    yield second


def plain():
    return "a"


# The compiler marks the code object of a function containing `yield`
print(bool(numbers.__code__.co_flags & inspect.CO_GENERATOR))  # Output: True
print(bool(plain.__code__.co_flags & inspect.CO_GENERATOR))  # Output: False

gen = numbers()  # the body has NOT run yet: we only got a generator object
print(inspect.getgeneratorstate(gen))  # Output: GEN_CREATED
print(gen.gi_frame.f_locals)  # Output: {}

print(next(gen))  # Output: a
print(inspect.getgeneratorstate(gen))  # Output: GEN_SUSPENDED
# The paused frame keeps its locals and its position (last instruction offset)
print(gen.gi_frame.f_locals)  # Output: {'first': 'a'}
paused_at = gen.gi_frame.f_lasti

print(next(gen))  # Output: b
print(gen.gi_frame.f_locals)  # Output: {'first': 'a', 'second': 'b'}
print(gen.gi_frame.f_lasti > paused_at)  # Output: True

print(next(gen, "exhausted"))  # Output: exhausted
print(inspect.getgeneratorstate(gen), gen.gi_frame)  # Output: GEN_CLOSED None
# --8<-- [end:demo]
