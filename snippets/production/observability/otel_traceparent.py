"""A real span, the traceparent header it injects, and the downstream span that joins the trace."""

import threading
from http.server import ThreadingHTTPServer

# --8<-- [start:setup]
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

# The SDK with an in-memory exporter (production: an OTLP exporter to a collector)
exporter = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))
trace.set_tracer_provider(provider)
tracer = trace.get_tracer("checkout-service")
# --8<-- [end:setup]


# --8<-- [start:downstream]
from http.server import BaseHTTPRequestHandler

from opentelemetry import propagate, trace


class PaymentService(BaseHTTPRequestHandler):
    """A downstream service: it continues the caller's trace from the traceparent header."""

    def do_POST(self) -> None:
        context = propagate.extract(dict(self.headers))
        with tracer.start_as_current_span("charge-card", context=context,
                                          kind=trace.SpanKind.SERVER):
            self.send_response(200)
            self.end_headers()

    def log_message(self, *args: object) -> None:  # keep stdout for the demo
        pass
# --8<-- [end:downstream]


server = ThreadingHTTPServer(("127.0.0.1", 0), PaymentService)
threading.Thread(target=server.serve_forever, daemon=True).start()
payments_url = f"http://127.0.0.1:{server.server_port}/charge"

# --8<-- [start:demo]
import httpx
from opentelemetry import propagate, trace


def inject_trace_context(request: httpx.Request) -> None:
    """httpx event hook: add traceparent to every outgoing request."""
    propagate.inject(request.headers)


client = httpx.Client(event_hooks={"request": [inject_trace_context]})

with tracer.start_as_current_span("POST /checkout", kind=trace.SpanKind.SERVER) as span:
    span.set_attribute("order.id", 1042)
    response = client.post(payments_url)
    # version - trace id (16 bytes) - parent span id (8 bytes) - flags (01 sampled | 02 random id)
    print("traceparent:", response.request.headers["traceparent"])
    # Output: traceparent: 00-...-...-03

for finished in exporter.get_finished_spans():
    parent = f"{finished.parent.span_id:016x}" if finished.parent else None
    print(f"{finished.name}: trace_id={finished.context.trace_id:032x} "
          f"span_id={finished.context.span_id:016x} parent={parent}")
# Output: charge-card: trace_id=... span_id=... parent=...
# Output: POST /checkout: trace_id=... span_id=... parent=None

checkout, charge = sorted(exporter.get_finished_spans(), key=lambda s: s.start_time)
print("same trace:", checkout.context.trace_id == charge.context.trace_id)
# Output: same trace: True
print("charge-card is a child of POST /checkout:",
      charge.parent.span_id == checkout.context.span_id)
# Output: charge-card is a child of POST /checkout: True
# --8<-- [end:demo]

# --8<-- [start:plain]
import httpx

# The SDK alone patches nothing: a client without the hook (or an instrumentation) sends no header
with httpx.Client() as plain_client, tracer.start_as_current_span("POST /refund"):
    response = plain_client.post(payments_url)
    print("traceparent sent without instrumentation:", "traceparent" in response.request.headers)
    # Output: traceparent sent without instrumentation: False
# --8<-- [end:plain]

client.close()
server.shutdown()
