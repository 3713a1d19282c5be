"""Metrics, the second pillar: a counter and a latency histogram (site addition)."""


# --8<-- [start:demo]
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.metrics.view import ExplicitBucketHistogramAggregation, View

reader = InMemoryMetricReader()  # production: a Prometheus or OTLP exporter
provider = MeterProvider(
    metric_readers=[reader],
    views=[View(instrument_name="http.server.duration",
                aggregation=ExplicitBucketHistogramAggregation([50, 100, 250, 500, 1000]))],
)
meter = provider.get_meter("checkout-service")
requests_total = meter.create_counter("http.server.requests", description="requests handled")
latency_ms = meter.create_histogram("http.server.duration", unit="ms")

# Aggregatable numbers, not events: five requests become one counter per label set
for route, status, ms in [("/orders", 200, 42), ("/orders", 200, 87), ("/orders", 500, 730),
                          ("/search", 200, 12), ("/search", 200, 260)]:
    labels = {"http.route": route, "http.status_code": status}
    requests_total.add(1, labels)
    latency_ms.record(ms, {"http.route": route})

for metric in reader.get_metrics_data().resource_metrics[0].scope_metrics[0].metrics:
    for point in metric.data.data_points:
        labels = dict(point.attributes)
        if metric.name == "http.server.requests":
            print(f"{metric.name} {labels} = {point.value}")
        else:
            print(f"{metric.name} {labels} count={point.count} sum={point.sum} "
                  f"buckets={list(point.bucket_counts)}")
# Output: http.server.requests {'http.route': '/orders', 'http.status_code': 200} = 2
# Output: http.server.requests {'http.route': '/orders', 'http.status_code': 500} = 1
# Output: http.server.requests {'http.route': '/search', 'http.status_code': 200} = 2
# Output: http.server.duration {'http.route': '/orders'} count=3 sum=859 buckets=[1, 1, 0, 0, 1, 0]
# Output: http.server.duration {'http.route': '/search'} count=2 sum=272 buckets=[1, 0, 0, 1, 0, 0]
# --8<-- [end:demo]
