"""Lua samples run inside Redis with EVAL, on the sample's private server."""

from __future__ import annotations

from .base import Context, Outcome
from .output import output_problems


def check_lua(ctx: Context) -> Outcome:
    import redis

    meta = ctx.sample.meta
    source = ctx.sample.path.read_text(encoding="utf-8")
    if "REDIS_URL" not in ctx.service_env:
        return Outcome("Lua", problems=[ctx.problem("no Redis was provided")])
    client = redis.Redis.from_url(ctx.service_env["REDIS_URL"], decode_responses=True)
    try:
        version = client.info("server")["redis_version"]
        lines = []
        for command in meta.setup:
            lines.append(f"> {' '.join(command)}\n{client.execute_command(*command)!r}")
        reply = client.eval(source, len(meta.keys), *meta.keys, *meta.args)
        call = " ".join(["EVAL", "<script>", str(len(meta.keys)), *meta.keys, *meta.args])
        lines.append(f"> {call}\n{reply!r}")
    except redis.RedisError as exc:
        problem = ctx.problem(
            f"Redis rejected the script: {exc}",
            hint="declare the script's KEYS and ARGV with `keys` and `args` in its verify block",
        )
        return Outcome("run in Redis with EVAL", problems=[problem])
    finally:
        client.close()
    output = "\n".join(lines)
    problems, claims = output_problems(ctx, output)
    return Outcome(f"run in Redis {version} with EVAL", output, problems, claims)
