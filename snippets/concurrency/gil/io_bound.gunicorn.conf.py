# /// verify
# check = "gunicorn"
# app = "wsgi_hello:application"
# ///
# gunicorn config for standard web API applications executing database/network calls

# --8<-- [start:demo]
# For standard web API applications executing database/network calls (I/O heavy):
# High threading scales async latency handlers efficiently
workers = 4  # Num CPU Cores
threads = 8  # Maximizes I/O execution density per process
# --8<-- [end:demo]
