"""SQL samples run on PostgreSQL, in a database of their own; result sets become the output."""

from __future__ import annotations

from ..claims import extract_claims, first_unmet
from .base import Context, Outcome

LABEL = "executed on PostgreSQL {version}"


def _table(columns: list[str], rows: list[tuple]) -> str:
    cells = [[("NULL" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    for row in cells:
        lines.append(" | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _line_of(source: str, position: int | None) -> int:
    return source.count("\n", 0, position - 1) + 1 if position else 0


def check_sql(ctx: Context) -> Outcome:
    import psycopg

    source = ctx.sample.path.read_text(encoding="utf-8")
    if "DATABASE_URL" not in ctx.service_env:
        return Outcome("SQL", problems=[ctx.problem("no database was provided")])
    blocks: list[str] = []
    version = "?"
    try:
        with psycopg.connect(ctx.service_env["DATABASE_URL"], autocommit=True) as conn:
            conn.add_notice_handler(lambda d: blocks.append(f"NOTICE:  {d.message_primary}"))
            conn.execute(f"SET statement_timeout = '{int(ctx.sample.meta.timeout * 1000)}ms'")
            version = conn.info.server_version
            version = f"{version // 10000}.{version % 10000}"
            cur = conn.cursor()
            cur.execute(source.encode())  # bytes: the script is sent as is, several statements
            while True:
                if cur.description:
                    rows = cur.fetchall()
                    names = [d.name for d in cur.description]
                    blocks.append("\n".join(r[0] for r in rows) if names == ["QUERY PLAN"]
                                  else _table(names, rows))
                if not cur.nextset():
                    break
    except psycopg.Error as exc:
        diag = exc.diag
        position = int(diag.statement_position) if diag.statement_position else None
        problem = ctx.problem(
            f"PostgreSQL error: {diag.message_primary or exc}",
            line=_line_of(source, position),
            detail="\n".join(filter(None, [diag.message_detail, diag.message_hint])),
            hint="the script runs top to bottom in an empty database: create what it needs "
            "in hidden setup outside the shown section",
        )
        return Outcome(LABEL.format(version=version), "\n\n".join(blocks), [problem])
    output = "\n\n".join(blocks)
    claims = extract_claims(source)
    unmet = first_unmet(claims, output)
    problems = []
    if unmet:
        problems.append(ctx.problem("output claim not met", line=unmet[0].line,
                                    detail=f"claimed: {unmet[0].text}\noutput:\n{output[:1500]}"))
    return Outcome(LABEL.format(version=version), output, problems, len(claims))
