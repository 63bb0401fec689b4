# python-oracledb thin: the representative scenarios run against each testkit server profile
# (ProfileInteropIT). Argument: JSON with the connect keyword arguments plus "tag" (a suffix for
# table names), "version" (the major version the server should report) and "warn_user" /
# "warn_password" (an account whose login carries ORA-28002). Prints one JSON line:
# {"ok": true, "results": {scenario: {"ok": bool, "code": ..., "detail": ...}}}.
import json
import re
import sys

import oracledb

opts = json.loads(sys.argv[1])
tag = opts.pop("tag")
version = opts.pop("version")
warn_user = opts.pop("warn_user")
warn_password = opts.pop("warn_password")
results = {}


def code_of(e):
    m = re.match(r"^(DPY-\d+|ORA-\d+)", str(e))
    return m.group(1) if m else type(e).__name__


def scenario(name):
    def wrap(fn):
        try:
            detail = fn()
            results[name] = {"ok": detail is None, "detail": detail}
        except Exception as e:  # a failing scenario is reported, the others still run
            results[name] = {"ok": False, "code": code_of(e), "detail": str(e).split("\n")[0]}
        return fn
    return wrap


conn = None


@scenario("login")
def login():
    global conn
    conn = oracledb.connect(**opts)
    return None if conn.version.split(".")[0] == version else f"server version {conn.version}, expected {version}.x"


@scenario("dml_commit_query")
def dml():
    table = f"pf_{tag}"
    cur = conn.cursor()
    cur.execute(f"create table {table} (id number, name varchar2(20))")
    cur.executemany(f"insert into {table} values (:1, :2)", [(1, "one"), (2, "two"), (3, "three")])
    conn.commit()
    cur.execute(f"select id, name from {table} order by id")
    rows = [tuple(r) for r in cur.fetchall()]
    cur.execute(f"drop table {table}")
    return None if rows == [(1, "one"), (2, "two"), (3, "three")] else f"rows {rows}"


@scenario("fetch_2000")
def fetch():
    cur = conn.cursor()
    cur.arraysize = 500
    cur.execute("select level, rpad('x', 200, 'y') from dual connect by level <= 2000")
    total, chars, n = 0, 0, 0
    for a, b in cur:
        total += a
        chars += len(b)
        n += 1
    return None if (n, total, chars) == (2000, 2001000, 400000) else f"{n} rows, sum {total}, {chars} chars"


@scenario("query_error")
def query_error():
    try:
        conn.cursor().execute("select * from no_such_table")
        return "no error"
    except oracledb.DatabaseError as e:
        c = code_of(e)
        conn.cursor().execute("select 1 from dual")  # the connection stays usable
        return None if c == "ORA-00942" else c


@scenario("password_warning")
def password_warning():
    c = oracledb.connect(**dict(opts, user=warn_user, password=warn_password))
    with c.cursor() as cur:
        cur.execute("select 1 from dual")
        cur.fetchall()
    w = getattr(c, "warning", "no API")  # Connection.warning exists from python-oracledb 2.0
    c.close()
    if w == "no API":
        return None
    return None if w is not None and getattr(w, "full_code", "") == "ORA-28002" else f"warning {w!r}"


if conn is not None:
    conn.close()
print(json.dumps({"ok": True, "results": results}, default=str))
