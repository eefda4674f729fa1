"""SQL written once, in DuckDB's dialect, translated for PostgreSQL: the rules, in one place.

The code base writes SQL for DuckDB with ``?`` placeholders. ``ke_postgres(sql, berparam)`` rewrites the
small subset of it that differs on PostgreSQL and refuses, with ``GalatDialek``, what it cannot
translate, so a DuckDB-only construct fails loudly in the PostgreSQL test run instead of giving a
different answer. String literals, quoted identifiers and comments are never touched.

Rules (DuckDB -> PostgreSQL):

1. ``?`` -> ``%s`` (psycopg's placeholder) and a literal ``%`` -> ``%%``, when parameters are passed.
2. ``INSERT OR IGNORE INTO t ...`` -> ``INSERT INTO t ... ON CONFLICT DO NOTHING`` (before ``RETURNING``).
3. ``DOUBLE`` -> ``DOUBLE PRECISION``.
4. ``json_extract(x, '$.k')`` -> ``(x::jsonb -> 'k')``, or ``(x::jsonb ->> 'k')`` when cast right after
   (``::BIGINT``: a JSON null becomes NULL); ``json_extract_string(x, '$.k')`` -> ``(x::jsonb ->> 'k')``.
   Only one-level paths ``'$.name'``.
5. ``unnest(?)`` -> ``unnest(CAST(? AS TEXT[]))``: a list parameter is a list of texts (PostgreSQL cannot
   guess the element type). For numbers write the cast in both dialects: ``unnest(?::BIGINT[])``.
6. ``FROM range(n)`` -> ``FROM generate_series(0, (n) - 1) AS range(range)``.
7. A subquery in ``FROM (...)`` without an alias gets one (PostgreSQL 15 requires it).
8. DML without ``RETURNING`` (INSERT, UPDATE, DELETE) returns one row with the count of rows changed,
   as DuckDB does (done by the cursor, ``postgres.KursorPG``).
9. ``cur.register(name, df)`` makes a temporary table ``name`` from the DataFrame at its first use; in
   ``INSERT INTO t ... FROM name`` its columns take the types of the same-named columns of ``t``
   (done by the cursor).

Unchanged because both accept them: ``VARCHAR``, ``BIGINT``, ``BOOLEAN``, ``TIMESTAMP``,
``current_timestamp``, ``CREATE SEQUENCE``, ``nextval('s')``,
``x::TYPE``, ``IS [NOT] DISTINCT FROM``, ``to_json(row)``, ``RETURNING``, ``BEGIN TRANSACTION``.

Refused (``GalatDialek``): ``INSERT OR REPLACE``, ``EXCLUDE (...)``, ``BY NAME``, ``read_parquet``/
``read_csv``, ``COPY ... (FORMAT parquet)``, ``duckdb_*()`` catalog functions, ``PRAGMA``,
``CHECKPOINT``, ``GROUP BY ALL``, ``QUALIFY``, ``json_extract`` with deeper paths.

Not translatable, so not to be written: integer division (``/`` of two integers is a double in DuckDB,
an integer in PostgreSQL: cast one side to DOUBLE), ``ORDER BY ... DESC`` with NULLs (DuckDB puts them
last, PostgreSQL first: write ``NULLS LAST``).
"""
from __future__ import annotations

import re
from functools import lru_cache


class GalatDialek(ValueError):
    """SQL that uses a DuckDB-only construct this module does not translate."""


_TOLAK = [
    (re.compile(r"\bINSERT\s+OR\s+REPLACE\b", re.I), "INSERT OR REPLACE (tulis INSERT ... ON CONFLICT secara eksplisit)"),
    (re.compile(r"\bEXCLUDE\s*\(", re.I), "SELECT * EXCLUDE (...)"),
    (re.compile(r"\bBY\s+NAME\b", re.I), "INSERT ... BY NAME"),
    (re.compile(r"\bread_(parquet|csv|csv_auto|json)\s*\(", re.I), "read_parquet/read_csv"),
    (re.compile(r"\bFORMAT\s+parquet\b", re.I), "COPY ... (FORMAT parquet)"),
    (re.compile(r"\bduckdb_\w+\s*\(", re.I), "katalog duckdb_*()"),
    (re.compile(r"^\s*(PRAGMA|CHECKPOINT)\b", re.I | re.M), "PRAGMA/CHECKPOINT"),
    (re.compile(r"\bGROUP\s+BY\s+ALL\b", re.I), "GROUP BY ALL"),
    (re.compile(r"\bQUALIFY\b", re.I), "QUALIFY"),
]
_LITERAL = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/", re.S)
_JSON = re.compile(r"\bjson_extract(_string)?\s*\(\s*([\w.]+)\s*,\s*'\$\.(\w+)'\s*\)(\s*::)?", re.I)
_JSON_LAIN = re.compile(r"\bjson_extract(_string)?\s*\(", re.I)
_KATA_SETELAH_SUBKUERI = re.compile(
    r"\s*($|\)|;|,|ORDER\b|WHERE\b|GROUP\b|LIMIT\b|UNION\b|JOIN\b|LEFT\b|RIGHT\b|INNER\b|FULL\b|CROSS\b|"
    r"HAVING\b|OFFSET\b|EXCEPT\b|INTERSECT\b|ON\b)", re.I)


def _json(m: re.Match) -> str:
    string, kolom, kunci, cast = m.group(1), m.group(2), m.group(3), m.group(4)
    panah = "->>" if string or cast else "->"
    return f"({kolom}::jsonb {panah} '{kunci}')" + (cast or "")


def _alias_subkueri(s: str) -> str:
    """Give every ``FROM ( SELECT ... )`` without an alias one (``AS _sub1``, ...)."""
    hasil, i, n = [], 0, 0
    pola = re.compile(r"\bFROM\s*\(\s*(SELECT|WITH)\b", re.I)
    while True:
        m = pola.search(s, i)
        if not m:
            hasil.append(s[i:])
            return "".join(hasil)
        buka = s.index("(", m.start())
        kedalaman, j = 0, buka
        while j < len(s):
            if s[j] == "(":
                kedalaman += 1
            elif s[j] == ")":
                kedalaman -= 1
                if kedalaman == 0:
                    break
            j += 1
        dalam = _alias_subkueri(s[buka + 1:j])
        hasil.append(s[i:buka + 1] + dalam + ")")
        i = j + 1
        if _KATA_SETELAH_SUBKUERI.match(s, i):
            n += 1
            hasil.append(f" AS _sub{n}")


@lru_cache(maxsize=2048)
def ke_postgres(sql: str, berparam: bool = True) -> str:
    """``sql`` (DuckDB dialect, ``?`` placeholders) for PostgreSQL with psycopg; see the module's rules."""
    literal: list[str] = []

    def simpan(m: re.Match) -> str:
        literal.append(m.group(0))
        return f"\x00{len(literal) - 1}\x00"

    s = _JSON.sub(_json, sql)
    s = _LITERAL.sub(simpan, s)
    for pola, nama in _TOLAK:
        if pola.search(s):
            raise GalatDialek(f"SQL memakai {nama}, yang khusus DuckDB dan tidak diterjemahkan untuk PostgreSQL: "
                              f"{' '.join(sql.split())[:200]}")
    if _JSON_LAIN.search(s):
        raise GalatDialek(f"json_extract hanya dengan jalur satu tingkat '$.nama': {' '.join(sql.split())[:200]}")
    if re.search(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", s, re.I):
        s = re.sub(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", "INSERT INTO", s, flags=re.I)
        m = re.search(r"\bRETURNING\b", s, re.I)
        if m:
            s = s[:m.start()] + "ON CONFLICT DO NOTHING " + s[m.start():]
        else:
            s = re.sub(r"\s*;?\s*$", " ON CONFLICT DO NOTHING", s, count=1)
    s = re.sub(r"\bunnest\s*\(\s*\?\s*\)", "unnest(CAST(? AS TEXT[]))", s, flags=re.I)
    s = re.sub(r"\bDOUBLE\b(?!\s+PRECISION)", "DOUBLE PRECISION", s, flags=re.I)
    s = re.sub(r"\bFROM\s+range\s*\(([^()]*)\)", r"FROM generate_series(0, (\1) - 1) AS range(range)", s, flags=re.I)
    s = _alias_subkueri(s)
    if berparam:
        s = s.replace("%", "%%").replace("?", "%s")
    # psycopg reads every % as a placeholder, in literals and comments too
    return re.sub("\x00(\\d+)\x00", lambda m: literal[int(m.group(1))].replace("%", "%%") if berparam
                  else literal[int(m.group(1))], s)
