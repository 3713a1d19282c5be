"""Site addition: the same two worker topologies as Celery settings, checked against Celery."""

# --8<-- [start:demo]
from celery import Celery
from celery.concurrency import get_available_pool_names

# The --pool / --concurrency flags have config equivalents: worker_pool / worker_concurrency
io_app = Celery("tasks")
io_app.conf.update(worker_pool="gevent", worker_concurrency=100)

cpu_app = Celery("tasks")
cpu_app.conf.update(worker_pool="prefork", worker_concurrency=4)

print(io_app.conf.worker_pool, io_app.conf.worker_concurrency)  # Output: gevent 100
print(cpu_app.conf.worker_pool, cpu_app.conf.worker_concurrency)  # Output: prefork 4
# Both names are pools Celery knows (gevent also needs `pip install gevent`)
print({"gevent", "prefork"} <= set(get_available_pool_names()))  # Output: True
# --8<-- [end:demo]
