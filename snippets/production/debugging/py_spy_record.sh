#!/usr/bin/env bash
# Generating dynamic flame graphs tracking real-time production process execution
py-spy record -o profile.svg --pid 12345

# Related py-spy commands (site addition):
py-spy top --pid 12345                     # live `top`-like view of the hottest functions
py-spy dump --pid 12345                    # one snapshot of every thread's Python stack
py-spy record -o profile.svg --pid 12345 --duration 30 --subprocesses  # all gunicorn workers
