# /// verify
# services = ["postgres", "redis"]
# timeout = 60
# ///
import queue
from urllib.parse import parse_qs, urlsplit

import django
from django.conf import settings
from services import celery_broker_url, database_url

# Django configured in code, on this sample's PostgreSQL database
db = urlsplit(database_url())
settings.configure(
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": db.path.lstrip("/"),
            "USER": db.username or "",
            "PASSWORD": db.password or "",
            "HOST": parse_qs(db.query).get("host", [db.hostname or ""])[0],
            "PORT": str(db.port or ""),
        }
    },
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    USE_TZ=True,
)
django.setup()

from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection

with connection.schema_editor() as editor:  # just the tables this sample needs
    for model in (ContentType, Permission, Group, User):
        editor.create_model(model)

from celery import Celery
from celery.signals import before_task_publish, task_failure, task_postrun, task_success

app = Celery("accounts", broker=celery_broker_url(), backend=celery_broker_url())
worker_log: queue.Queue[str] = queue.Queue()  # what the worker reports back


def deliver_email(to: str) -> None:
    """The email provider."""


@before_task_publish.connect
def _show_publish(sender: str | None = None, **_: object) -> None:
    print(f"[celery] sending {sender} to the broker")


@task_success.connect
def _report_success(result: object = None, **_: object) -> None:
    worker_log.put(f"[worker] task succeeded: {result}")


@task_failure.connect
def _report_failure(exception: BaseException | None = None, **_: object) -> None:
    worker_log.put(f"[worker] task failed: {type(exception).__name__}: {exception}")


@task_postrun.connect
def _close_db(**_: object) -> None:
    connection.close()  # the worker thread's own connection (Celery's Django fixup does this)


# --8<-- [start:task]
from django.contrib.auth.models import User


@app.task
def send_welcome_email(user_id: int) -> str:
    user = User.objects.get(id=user_id)  # a fresh query, on the worker's own connection
    deliver_email(user.email)
    return f"welcome email sent to {user.email}"
# --8<-- [end:task]


import atexit
from contextlib import ExitStack

from celery.contrib.testing.worker import start_worker

running = ExitStack()
atexit.register(running.close)  # stops the worker thread when the script ends, however it ends
running.enter_context(start_worker(app, pool="solo", perform_ping_check=False, loglevel="CRITICAL"))

# --8<-- [start:race]
from django.contrib.auth.models import User
from django.db import transaction


def register_user_endpoint_buggy(payload):
    user = User.objects.create(**payload)
    send_welcome_email.delay(user.id)  # published before the INSERT is committed
    return user


with transaction.atomic():  # the request's transaction (e.g. ATOMIC_REQUESTS = True)
    register_user_endpoint_buggy({"username": "ada", "email": "ada@example.com"})
    # Output: [celery] sending accounts.send_welcome_email to the broker
    print(worker_log.get(timeout=10))  # the worker is faster than our COMMIT
    # Output: [worker] task failed: DoesNotExist: User matching query does not exist.
# --8<-- [end:race]

# --8<-- [start:fix]
from django.contrib.auth.models import User
from django.db import transaction


def register_user_endpoint(payload):
    user = User.objects.create(**payload)
    # Delays broker message delivery until database confirms transaction persistence
    transaction.on_commit(lambda: send_welcome_email.delay(user.id))
    return user


with transaction.atomic():
    register_user_endpoint({"username": "grace", "email": "grace@example.com"})
    print("[app] user created, transaction still open: nothing published yet")
# Output: [app] user created, transaction still open: nothing published yet
# Output: [celery] sending accounts.send_welcome_email to the broker
print(worker_log.get(timeout=10))
# Output: [worker] task succeeded: welcome email sent to grace@example.com
# --8<-- [end:fix]

# --8<-- [start:trap]
from django.contrib.auth.models import User
from kombu.exceptions import EncodeError

grace = User.objects.get(username="grace")
try:
    send_welcome_email.delay(grace)  # the model instance instead of its primary key
except EncodeError as exc:
    print("EncodeError:", exc)
# Output: EncodeError: Object of type User is not JSON serializable
# --8<-- [end:trap]
