FROM python:3.14-slim-trixie AS builder
WORKDIR /app
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /app/wheels -r requirements.txt

FROM python:3.14-slim-trixie
# A tiny init as PID 1: forwards SIGTERM to gunicorn and reaps zombie processes.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends dumb-init \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 appuser
WORKDIR /app
COPY --from=builder /app/wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
# --chown sets the owner while copying: a later `chown -R` would duplicate every file in a new layer
COPY --chown=10001:10001 . .
USER 10001
ENTRYPOINT ["/usr/bin/dumb-init", "--"]
CMD ["gunicorn", "--config", "gunicorn.conf.py", "main:app"]

# /// verify
# check = "hadolint"
# ///
