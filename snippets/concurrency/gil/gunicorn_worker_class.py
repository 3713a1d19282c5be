"""Site addition: what gunicorn makes of the two configs (threads > 1 selects gthread workers)."""

from pathlib import Path

HERE = Path(__file__).parent


# --8<-- [start:demo]
import runpy
from pathlib import Path

from gunicorn.config import Config


def resolve(config_file: Path) -> str:
    """Load a gunicorn config file the way `gunicorn -c` does and describe the workers."""
    cfg = Config()
    for name, value in runpy.run_path(str(config_file)).items():
        if name in cfg.settings:
            cfg.set(name, value)
    return f"{cfg.workers} workers x {cfg.threads} threads, {cfg.worker_class.__name__}"


print(resolve(HERE / "io_bound.gunicorn.conf.py"))  # Output: 4 workers x 8 threads, ThreadWorker
print(resolve(HERE / "cpu_bound.gunicorn.conf.py"))  # Output: 8 workers x 1 threads, SyncWorker
# --8<-- [end:demo]
