# /// verify
# check = "gunicorn"
# app = "wsgi_hello:application"
# ///
# --8<-- [start:demo]
# gunicorn.conf.py
# Restart each worker gracefully after 1000 + randint(0, 50) requests
# (the jitter staggers restarts so workers do not all recycle at once)
max_requests = 1000
max_requests_jitter = 50
# --8<-- [end:demo]
