"""Configuration the deployment would inject: CI passes orders_api a test token (never shown)."""

import os

os.environ.setdefault("ORDERS_API_TOKEN", "test-token")
