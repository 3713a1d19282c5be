"""The four flaws of the strong answer, as checks a reviewer (or CI) can run (site addition).

hadolint only knows the pip cache rule for this file; these checks encode the rest.
"""

from pathlib import Path

HERE = Path(__file__).parent


# --8<-- [start:demo]
def final_stage(dockerfile: str) -> list[str]:
    """The instructions of the last build stage: what the image actually runs."""
    lines = [line.strip() for line in dockerfile.splitlines()]
    instructions = [line for line in lines if line and not line.startswith("#")]
    start = max(i for i, line in enumerate(instructions) if line.startswith("FROM "))
    return instructions[start:]


def review(dockerfile: str) -> list[str]:
    stage = final_stage(dockerfile)
    findings = []
    base = stage[0].split()[1]
    if "-slim" not in base and "-alpine" not in base:
        findings.append(f"base image size: {base} ships compilers and OS packages")
    copy_source = next((i for i, s in enumerate(stage) if s.startswith("COPY . .")), len(stage))
    pip_install = next((i for i, s in enumerate(stage) if "pip install" in s), -1)
    if copy_source < pip_install:
        findings.append("layer caching: source copied before `pip install`")
    if not any(s.startswith("USER ") and s.split()[1] not in {"root", "0"} for s in stage):
        findings.append("security: the process runs as root")
    if not any(s.startswith("ENTRYPOINT") and "init" in s for s in stage):
        findings.append("execution: no init as PID 1 (dumb-init/tini) for signals and zombies")
    if any(s.startswith("CMD") and '"python"' in s for s in stage):
        findings.append("execution: raw `python` script instead of a production server")
    return findings


for name in ["flawed.Dockerfile", "dumb_init.Dockerfile"]:
    findings = review((HERE / name).read_text())
    print(f"{name}: {len(findings)} finding(s)")
    for finding in findings:
        print(f"  - {finding}")
# Output: flawed.Dockerfile: 5 finding(s)
# Output:   - base image size: python:3.11 ships compilers and OS packages
# Output:   - layer caching: source copied before `pip install`
# Output:   - security: the process runs as root
# Output:   - execution: no init as PID 1 (dumb-init/tini) for signals and zombies
# Output:   - execution: raw `python` script instead of a production server
# Output: dumb_init.Dockerfile: 0 finding(s)
# --8<-- [end:demo]
