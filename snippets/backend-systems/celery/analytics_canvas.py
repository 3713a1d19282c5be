# /// verify
# services = ["redis"]
# timeout = 60
# ///
from celery import Celery
from services import celery_broker_url

app = Celery("analytics", broker=celery_broker_url(), backend=celery_broker_url())


# --8<-- [start:tasks]
# my_tasks.py — the three steps; each receives the previous step's result first
@app.task
def fetch_raw_data(target_date: str) -> list[int]:
    print(f"fetch_raw_data({target_date!r})")
    return list(range(100))  # 100 raw readings for the day


@app.task
def clean_data_slice(raw: list[int], slice_index: int) -> int:
    rows = raw[slice_index * 10 : (slice_index + 1) * 10]
    return sum(value for value in rows if value % 7)  # drop the invalid readings


@app.task
def generate_final_report(slice_totals: list[int]) -> str:
    print(f"generate_final_report({len(slice_totals)} slices)")
    return f"total={sum(slice_totals)} from {len(slice_totals)} slices"
# --8<-- [end:tasks]


# --8<-- [start:demo]
from celery import chain, group


def execute_analytics_pipeline(target_date: str):
    # Orchestrates asynchronous steps cleanly:
    # 1. Fetch raw datasets
    # 2. Distribute data cleaning slices concurrently across worker clusters
    # 3. Aggregate outputs down to unified reporting output
    workflow = chain(
        fetch_raw_data.s(target_date),
        group(clean_data_slice.s(i) for i in range(10)),
        generate_final_report.s(),
    )
    return workflow.apply_async()
# --8<-- [end:demo]


# --8<-- [start:run]
from celery.contrib.testing.worker import start_worker

with start_worker(app, pool="threads", concurrency=4, perform_ping_check=False,
                  loglevel="WARNING"):
    result = execute_analytics_pipeline("2024-06-01")
    print(result.get(timeout=20))
# Output: fetch_raw_data('2024-06-01')
# Output: generate_final_report(10 slices)
# Output: total=4215 from 10 slices
print(type(result.parent).__name__, "->", result.state)  # Output: GroupResult -> SUCCESS
# --8<-- [end:run]
