"""Reads the workflow above and prints the order its jobs run in (site addition)."""

from pathlib import Path

import yaml

workflow = yaml.safe_load(Path(__file__).with_name("ci_pipeline.yml").read_text())

# --8<-- [start:demo]
from graphlib import TopologicalSorter

jobs = workflow["jobs"]
needs = {name: job.get("needs", []) for name, job in jobs.items()}
graph = TopologicalSorter({name: [n] if isinstance(n, str) else n for name, n in needs.items()})
graph.prepare()
stage = 1
while graph.is_active():
    ready = sorted(graph.get_ready())
    print(f"stage {stage}: {', '.join(ready)}")
    graph.done(*ready)
    stage += 1
# Output: stage 1: lint
# Output: stage 2: integration, unit
# Output: stage 3: e2e
# --8<-- [end:demo]
