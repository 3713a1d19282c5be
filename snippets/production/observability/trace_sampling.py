"""Head-based and tail-based trace sampling with the OpenTelemetry SDK (site addition)."""

import random

from opentelemetry.sdk.trace.id_generator import RandomIdGenerator


class SeededIds(RandomIdGenerator):
    """Random trace ids from a fixed seed, so this page's numbers are reproducible."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def generate_span_id(self) -> int:
        return self.rng.getrandbits(64) or 1

    def generate_trace_id(self) -> int:
        return self.rng.getrandbits(128) or 1


# --8<-- [start:head]
from opentelemetry import propagate
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

# Head-based: the ingress decides once, from the trace id; downstream services obey the flag
head_exporter = InMemorySpanExporter()
head_provider = TracerProvider(sampler=ParentBased(TraceIdRatioBased(0.10)),
                               id_generator=SeededIds(7))
head_provider.add_span_processor(SimpleSpanProcessor(head_exporter))
gateway = head_provider.get_tracer("api-gateway")

flags = set()
for _ in range(1000):
    with gateway.start_as_current_span("GET /search"):
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
        flags.add(carrier["traceparent"][-2:])  # what downstream services receive
kept = len(head_exporter.get_finished_spans())
print(f"head-based: kept {kept} of 1000 traces, about 10%: {80 <= kept <= 120}")
# Output: head-based: kept ... of 1000 traces, about 10%: True
print("sampled flag values sent downstream:", sorted(flags))
# Output: sampled flag values sent downstream: ['02', '03']
# --8<-- [end:head]


# --8<-- [start:tail]
from collections import defaultdict

from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import SpanExporter
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import Status, StatusCode


class TailSamplingProcessor(SpanProcessor):
    """Buffers each trace in memory; exports it only if it failed or was slow."""

    def __init__(self, exporter: SpanExporter, slow_ms: float) -> None:
        self.exporter, self.slow_ns = exporter, slow_ms * 1_000_000
        self.buffer: dict[int, list[ReadableSpan]] = defaultdict(list)

    def on_end(self, span: ReadableSpan) -> None:
        spans = self.buffer[span.context.trace_id]
        spans.append(span)
        if span.parent is not None:  # wait for the root span: then the trace is complete
            return
        del self.buffer[span.context.trace_id]
        failed = any(s.status.status_code is StatusCode.ERROR for s in spans)
        slow = span.end_time - span.start_time > self.slow_ns
        if failed or slow:
            self.exporter.export(spans)


tail_exporter = InMemorySpanExporter()
tail_provider = TracerProvider(id_generator=SeededIds(8))  # trace everything locally
tail_provider.add_span_processor(TailSamplingProcessor(tail_exporter, slow_ms=500))
api = tail_provider.get_tracer("api")

MS = 1_000_000
for name, duration_ms, error in [("GET /orders/1", 40, False), ("GET /orders/2", 900, False),
                                 ("POST /checkout", 60, True), ("GET /orders/3", 35, False)]:
    root = api.start_span(name, start_time=0)
    with trace.use_span(root, end_on_exit=False):
        db = api.start_span("SELECT orders", start_time=5 * MS)
        if error:
            db.set_status(Status(StatusCode.ERROR, "deadlock detected"))
        db.end(end_time=(duration_ms - 5) * MS)
    root.end(end_time=duration_ms * MS)

exported = [s.name for s in tail_exporter.get_finished_spans() if s.parent is None]
print("tail-based: exported traces:", exported)
# Output: tail-based: exported traces: ['GET /orders/2', 'POST /checkout']
# --8<-- [end:tail]
