#!/usr/bin/env bash
# Celery worker pools chosen by workload profile (run from the project that defines tasks.py).
set -euo pipefail

# --8<-- [start:demo]
# IO-Bound Microservice (API scraping, sending Webhooks)
# Launch single process backed by highly scalable Eventlet/Gevent greenlet topologies
celery -A tasks worker --pool=gevent --concurrency=100

# CPU-Bound Data Processing Engine (Video encoding, PDF Generation)
# Utilize prefork models mapping strictly to underlying CPU hardware cores
celery -A tasks worker --pool=prefork --concurrency=4
# --8<-- [end:demo]
