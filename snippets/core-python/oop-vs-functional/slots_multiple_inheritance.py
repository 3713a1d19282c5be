"""Site addition: __slots__ and multiple inheritance, the layout conflict and the fix."""


# --8<-- [start:demo]
class Timestamped:
    __slots__ = ("created_at",)


class Versioned:
    __slots__ = ("version",)


try:

    class Document(Timestamped, Versioned):  # two bases with non-empty slots
        __slots__ = ("title",)

except TypeError as exc:
    print(f"TypeError: {exc}")  # Output: TypeError: multiple bases have instance lay-out conflict


# Fix: mixins declare empty slots; one base (or the subclass) owns the memory layout
class TimestampedMixin:
    __slots__ = ()


class VersionedMixin:
    __slots__ = ()


class Record:
    __slots__ = ("created_at", "version")


class SafeDocument(Record, TimestampedMixin, VersionedMixin):
    __slots__ = ("title",)


doc = SafeDocument()
doc.title, doc.version = "spec", 3
print(doc.title, doc.version, hasattr(doc, "__dict__"))  # Output: spec 3 False
# --8<-- [end:demo]
