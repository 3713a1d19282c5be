"""Site addition: duck typing, objects are judged by the methods they have at runtime."""


# --8<-- [start:demo]
class S3Storage:
    def save(self, key: str, data: bytes) -> str:
        return f"s3://bucket/{key} ({len(data)} bytes)"


class LocalDiskStorage:  # no common base class with S3Storage
    def save(self, key: str, data: bytes) -> str:
        return f"/var/data/{key} ({len(data)} bytes)"


def archive_report(storage, data: bytes) -> str:
    # No isinstance checks: anything with a compatible .save() works
    return storage.save("report.csv", data)


print(archive_report(S3Storage(), b"a,b\n"))  # Output: s3://bucket/report.csv (4 bytes)
print(archive_report(LocalDiskStorage(), b"a,b\n"))  # Output: /var/data/report.csv (4 bytes)

try:
    archive_report(object(), b"a,b\n")  # the check happens only when .save is looked up
except AttributeError as exc:
    print(f"AttributeError: {exc}")
# Output: AttributeError: 'object' object has no attribute 'save'
# --8<-- [end:demo]
