"""Serving a built site on localhost and driving Debian's chromium through Playwright."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags a sandboxed, offline machine needs: no background calls home, no GPU, no setuid sandbox.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

requires_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (make browser installs it as root)",
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt", ".map", ".md")


class _GzipHandler(_QuietHandler):
    """Text compressed with gzip when the browser accepts it, as any static host does (GitHub
    Pages, Netlify, nginx): what a reader's browser transfers, for the page-weight budget."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or path.suffix not in COMPRESSED or not self.path.split("?")[0].endswith(
                    ("/", path.name))):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(directory: Path, compress: bool = False) -> Iterator[str]:
    handler = functools.partial(_GzipHandler if compress else _QuietHandler,
                                directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def guarded_page(chromium, allowed: tuple[str, ...], *, init_script: str = "", **options):
    """A page in a fresh context (Playwright `options`) that records console errors and aborts
    (and records) any request whose URL does not start with one of `allowed`."""
    context = chromium.new_context(**options)
    if init_script:
        context.add_init_script(init_script)
    tab = context.new_page()
    tab.console_errors, tab.offsite = [], []
    tab.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))

    def guard(route):
        if route.request.url.startswith((*allowed, "data:", "blob:")):
            route.continue_()
        else:
            tab.offsite.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context, tab
