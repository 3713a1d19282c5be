"""Keep the build log to what its reader needs.

- mkdocs-jupyter logs two INFO lines per notebook on every build ("Cache hit: …", "Copied jupyter
  file: …"): dropped (a cache miss, when a notebook really runs, is still logged).
- The Jupyter kernel that runs a changed notebook warns that it "is running over TCP without
  encryption" (a local kernel on localhost, started and stopped by the build): its log level is
  raised to ERROR through a private IPython profile under .cache/ (IPYTHONDIR, unless the user set
  one), which also keeps the kernels' history files out of the home directory.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

DROPPED = ("Cache hit:", "Copied jupyter file:")
KERNEL_CONFIG = "c.IPKernelApp.log_level = 'ERROR'\n"


class _Drop(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno <= logging.INFO and str(record.msg).startswith(DROPPED))


def install(cache_dir: Path) -> None:
    logger = logging.getLogger("mkdocs.plugins.mkdocs_jupyter")
    if not any(isinstance(f, _Drop) for f in logger.filters):
        logger.addFilter(_Drop())
    if "IPYTHONDIR" not in os.environ:
        profile = cache_dir / "ipython" / "profile_default"
        config = profile / "ipython_kernel_config.py"
        if not config.is_file() or config.read_text(encoding="utf-8") != KERNEL_CONFIG:
            profile.mkdir(parents=True, exist_ok=True)
            config.write_text(KERNEL_CONFIG, encoding="utf-8")
        os.environ["IPYTHONDIR"] = str(cache_dir / "ipython")
