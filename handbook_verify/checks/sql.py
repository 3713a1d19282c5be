"""SQL samples run on PostgreSQL, in a database of their own, one statement at a time (so that
VACUUM and friends work, and notices appear next to the results they belong to); result sets
become the output."""

from __future__ import annotations

import sqlparse

from .base import Context, Outcome
from .output import output_problems


def _table(columns: list[str], rows: list[tuple]) -> str:
    cells = [[("NULL" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    for row in cells:
        lines.append(" | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def statements(source: str) -> list[tuple[int, str]]:
    """(offset in the file, statement) for each statement of the script."""
    found, offset = [], 0
    for statement in sqlparse.split(source):
        offset = source.index(statement, offset)
        if sqlparse.format(statement, strip_comments=True).strip():
            found.append((offset, statement))
        offset += len(statement)
    return found


def check_sql(ctx: Context) -> Outcome:
    import psycopg

    source = ctx.sample.path.read_text(encoding="utf-8")
    if "DATABASE_URL" not in ctx.service_env:
        return Outcome("SQL", problems=[ctx.problem("no database was provided")])
    blocks: list[str] = []
    label = "executed on PostgreSQL"
    with psycopg.connect(ctx.service_env["DATABASE_URL"], autocommit=True) as conn:
        conn.add_notice_handler(lambda d: blocks.append(f"NOTICE:  {d.message_primary}"))
        conn.execute(f"SET statement_timeout = '{int(ctx.sample.meta.timeout * 1000)}ms'")
        version = conn.info.server_version
        label += f" {version // 10000}.{version % 10000}"
        for offset, statement in statements(source):
            try:
                cur = conn.execute(statement.encode())  # bytes: sent as written, no parameters
            except psycopg.Error as exc:
                diag = exc.diag
                position = offset + int(diag.statement_position or 1) - 1
                problem = ctx.problem(
                    f"PostgreSQL error: {diag.message_primary or exc}",
                    line=source.count("\n", 0, position) + 1,
                    detail="\n".join(filter(None, [diag.message_detail, diag.message_hint])),
                    hint="the script runs top to bottom in an empty database: create what it "
                    "needs in hidden setup outside the shown section",
                )
                return Outcome(label, "\n\n".join(blocks), [problem])
            if cur.description:
                names = [d.name for d in cur.description]
                rows = cur.fetchall()
                blocks.append("\n".join(r[0] for r in rows) if names == ["QUERY PLAN"]
                              else _table(names, rows))
    output = "\n\n".join(blocks)
    problems, claims = output_problems(ctx, output)
    return Outcome(label, output, problems, claims)
