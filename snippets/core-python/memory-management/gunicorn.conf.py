# /// verify
# check = "gunicorn"
# app = "wsgi_hello:application"
# ///
# --8<-- [start:demo]
# gunicorn.conf.py
# Restart workers gracefully after processing 1000 requests
# (+/- 50 jitter to prevent simultaneous restarts)
max_requests = 1000
max_requests_jitter = 50
# --8<-- [end:demo]
