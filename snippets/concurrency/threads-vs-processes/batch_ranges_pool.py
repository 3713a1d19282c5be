"""Site addition: the interview's worker engine, passing id ranges instead of the records."""

# --8<-- [start:demo]
import re
import sqlite3
from contextlib import closing
from pathlib import Path

DB_PATH = "records.db"
OUTPUT_DIR = Path("tokens")  # the shared destination: one part file per batch
BATCH_SIZE = 5_000
TOKEN = re.compile(r"\w+")


def fetch_rows(first_id: int, last_id: int) -> list[tuple[int, str]]:
    # Each worker opens its own connection: never share a connection across processes
    with closing(sqlite3.connect(DB_PATH)) as conn:
        query = "SELECT id, body FROM records WHERE id BETWEEN ? AND ? ORDER BY id"
        return conn.execute(query, (first_id, last_id)).fetchall()


def tokenize_batch(first_id: int, last_id: int) -> tuple[int, int]:
    rows = fetch_rows(first_id, last_id)  # the worker fetches its own slice
    lines = [f"{row_id}\t{' '.join(TOKEN.findall(body.lower()))}" for row_id, body in rows]
    (OUTPUT_DIR / f"part-{first_id:06d}.tsv").write_text("\n".join(lines))
    return first_id, sum(len(line.split("\t")[1].split()) for line in lines)  # tiny summary


# --8<-- [end:demo]

# Hidden setup: a database of 20,000 text records (the interview has 100,000).
TOTAL = 20_000
WORDS = ["order", "shipped", "late", "refund", "great", "service", "broken", "box"]


def create_database(path: str) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE records (id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany(
            "INSERT INTO records VALUES (?, ?)",
            (
                (i, " ".join(WORDS[(i + k) % len(WORDS)] for k in range(3 + i % 5)))
                for i in range(1, TOTAL + 1)
            ),
        )


# --8<-- [start:run]
import pickle
from concurrent.futures import ProcessPoolExecutor

if __name__ == "__main__":
    create_database(DB_PATH)  # 20,000 generated records
    OUTPUT_DIR.mkdir()
    ranges = [(start, start + BATCH_SIZE - 1) for start in range(1, TOTAL + 1, BATCH_SIZE)]
    print(ranges)  # Output: [(1, 5000), (5001, 10000), (10001, 15000), (15001, 20000)]

    # What one task costs to send: the range, versus the raw records it stands for
    print(f"pickled range: {len(pickle.dumps(ranges[0]))} bytes")  # Output: pickled range: 19 bytes
    raw_size = len(pickle.dumps(fetch_rows(*ranges[0])))
    print(f"pickled records of one batch > 100 KB: {raw_size > 100_000}")
    # Output: pickled records of one batch > 100 KB: True

    with ProcessPoolExecutor(max_workers=2) as pool:
        summaries = list(pool.map(tokenize_batch, *zip(*ranges, strict=True)))
    print(summaries)  # Output: [(1, 25000), (5001, 25000), (10001, 25000), (15001, 25000)]
    print(sorted(path.name for path in OUTPUT_DIR.iterdir()))
    # Output: ['part-000001.tsv', 'part-005001.tsv', 'part-010001.tsv', 'part-015001.tsv']
# --8<-- [end:run]
