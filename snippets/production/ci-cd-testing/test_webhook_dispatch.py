# --8<-- [start:demo]
import httpx
import respx
from orders_api import WebhookService


@respx.mock
def test_external_webhook_dispatch() -> None:
    # Intercepts network calls globally returning mock targets
    respx.post("https://api.external.com/hook").mock(return_value=httpx.Response(200))
    service = WebhookService()
    status = service.dispatch_payload()
    assert status is True
# --8<-- [end:demo]


# --8<-- [start:more]
import httpx
import pytest
import respx
from respx.models import AllMockedAssertionError


@respx.mock
def test_webhook_payload_and_failure() -> None:
    route = respx.post("https://api.external.com/hook").mock(
        side_effect=[httpx.Response(200), httpx.Response(503)]
    )
    service = WebhookService()
    assert service.dispatch_payload({"event": "order.shipped", "id": 7}) is True
    assert service.dispatch_payload() is False  # the partner is down
    assert route.call_count == 2
    assert route.calls[0].request.content == b'{"event":"order.shipped","id":7}'


@respx.mock
def test_unmocked_hosts_never_reach_the_network() -> None:
    service = WebhookService()
    service.url = "https://api.other-partner.com/hook"
    with pytest.raises(AllMockedAssertionError):
        service.dispatch_payload()
# --8<-- [end:more]
