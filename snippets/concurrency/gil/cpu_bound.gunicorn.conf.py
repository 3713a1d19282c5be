# /// verify
# check = "gunicorn"
# app = "wsgi_hello:application"
# ///
# gunicorn config for ML inference or PDF rendering servers

# --8<-- [start:demo]
# For ML inference or PDF rendering servers (CPU Heavy):
# Disable threading to avoid GIL context overhead; map 1 process strictly per hardware core
workers = 8  # Matches dedicated hardware compute execution limits
threads = 1
# --8<-- [end:demo]
