"""The Strategy pattern + dependency injection: a new provider needs no change to the service."""

from abc import ABC, abstractmethod
from dataclasses import dataclass


# Hidden setup: the interface and DTO from the Level 2 sample (abc_dataclass_gateway.py).
class NotificationGateway(ABC):
    @abstractmethod
    def dispatch(self, user_id: str, payload: str) -> bool:
        pass


@dataclass(frozen=True)
class MessagePayload:
    recipient: str
    body: str


class SMSGateway(NotificationGateway):
    def dispatch(self, user_id: str, payload: str) -> bool:
        print(f"Sending SMS to {user_id}: {payload}")
        return True


# --8<-- [start:demo]
class NotificationService:
    # Injecting the provider interface decouple high-level orchestration from execution logic
    def __init__(self, provider: NotificationGateway):
        self._provider = provider

    def execute_alert(self, message: MessagePayload):
        # Relies on interface contracts guarantees runtime safety
        self._provider.dispatch(message.recipient, message.body)


# --8<-- [end:demo]


# --8<-- [start:usage]
# Dropping in Slack: a new class that honours the contract; NotificationService is untouched
class SlackGateway(NotificationGateway):
    def dispatch(self, user_id: str, payload: str) -> bool:
        print(f"Posting to Slack for {user_id}: {payload}")
        return True


alert = MessagePayload(recipient="oncall", body="disk 91% full")
for provider in (SMSGateway(), SlackGateway()):
    NotificationService(provider).execute_alert(alert)
# Output: Sending SMS to oncall: disk 91% full
# Output: Posting to Slack for oncall: disk 91% full
# --8<-- [end:usage]


# --8<-- [start:runtime_safety]
class PagerClient:  # not a NotificationGateway, no dispatch(): the type hint is not enforced
    def trigger(self, text: str) -> None: ...


service = NotificationService(PagerClient())  # accepted at construction
try:
    service.execute_alert(alert)
except AttributeError as exc:
    print(f"AttributeError: {exc}")
# Output: AttributeError: 'PagerClient' object has no attribute 'dispatch'


class DownGateway(NotificationGateway):
    def dispatch(self, user_id: str, payload: str) -> bool:
        return False  # the provider reports failure


print(NotificationService(DownGateway()).execute_alert(alert))  # Output: None
# --8<-- [end:runtime_safety]
