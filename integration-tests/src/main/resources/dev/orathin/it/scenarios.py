# python-oracledb thin: the database scenarios of the interop matrix. Argument: JSON with the
# connect keyword arguments plus "tag" (a suffix for table names). Prints one JSON line:
# {"ok": true, "results": {scenario: {"ok": bool, "code": ..., "detail": ...}}}.
import datetime
import decimal
import json
import re
import sys

import oracledb

oracledb.defaults.fetch_lobs = False  # CLOB / BLOB come back as str / bytes
opts = json.loads(sys.argv[1])
tag = opts.pop("tag")
results = {}


def accounts():
    """Login variants: 11G verifier, locked, expired, password change at logon, proxy user."""
    def attempt(**kw):
        try:
            c = oracledb.connect(**dict(opts, **kw))
            with c.cursor() as cur:
                cur.execute("select 1 from dual")
                cur.fetchall()
            c.close()
            return "ok"
        except Exception as e:
            return code_of(e)
    checks = {
        "verifier_11g": (attempt(user="old", password="Old#2026"), "ok"),
        "locked_account": (attempt(user="locked", password="Lk#2026"), "ORA-28000"),
        "expired_password": (attempt(user="exp_" + tag, password="Exp#2026"), "ORA-28001"),
        "password_change": (attempt(user="exp_" + tag, password="Exp#2026", newpassword="New#2026"), "ok"),
        "proxy_user": (attempt(user="proxy[app]", password="Proxy#2026"), "ok"),
    }
    out = {k: {"ok": got == want, "code": got, "detail": None if got == want else f"expected {want}"} for k, (got, want) in checks.items()}
    print(json.dumps({"ok": True, "results": out}))
    sys.exit(0)


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


TZ = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
ROWS = [
    (1, 123456789, decimal.Decimal("12345.67891"), decimal.Decimal("12345678901234567890123456789012345678"),
     1.5, 3.141592653589793, "héllo wörld – 日本語 🎉", "abc", "Ωμέγα",
     datetime.datetime(2024, 2, 29, 23, 59, 59), datetime.datetime(2024, 3, 15, 13, 45, 30, 123456),
     datetime.datetime(2024, 3, 15, 13, 45, 30, 500000), bytes([0, 255, 16]), True, "a small clob ✓", bytes([1, 2, 3])),
    (2, -1, decimal.Decimal("-0.5"), decimal.Decimal("1e-130"), -2.25, -1e300, "x", "z", "n",
     datetime.datetime(1999, 12, 31, 0, 0, 0), datetime.datetime(2000, 1, 1, 0, 0, 0, 1),
     datetime.datetime(2000, 1, 1, 0, 0, 0), bytes([7]), False, "", bytes([])),
    (3, 0, decimal.Decimal("0"), decimal.Decimal("9.99e125"), 0.0, 0.0, None, None, None, None, None, None, None, None, None, None),
]

if opts.pop("accounts", False):
    accounts()
try:
    conn = oracledb.connect(**opts)
except Exception as e:
    print(json.dumps({"ok": False, "code": code_of(e), "message": str(e).split("\n")[0]}))
    sys.exit(0)
results["login"] = {"ok": True}


@scenario("types")
def types():
    cur = conn.cursor()
    table = "types_" + tag
    cur.execute(f"""create table {table} (id number(4) primary key, n_int number(10), n_dec number(20,5), n_big number,
        bf binary_float, bd binary_double, vc varchar2(100), ch char(10), nv nvarchar2(50), d date,
        ts timestamp(6), tz timestamp(6) with time zone, r raw(16), b boolean)""")
    cur.setinputsizes(None, None, None, None, oracledb.DB_TYPE_BINARY_FLOAT, oracledb.DB_TYPE_BINARY_DOUBLE,
                      None, None, oracledb.DB_TYPE_NVARCHAR, oracledb.DB_TYPE_DATE, oracledb.DB_TYPE_TIMESTAMP,
                      oracledb.DB_TYPE_TIMESTAMP_TZ, oracledb.DB_TYPE_RAW, None)
    cur.executemany(f"insert into {table} values (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13, :14)",
                    [r[:11] + ((r[11].replace(tzinfo=TZ) if r[11] else None),) + r[12:14] for r in ROWS])
    conn.commit()
    cur.execute(f"select * from {table} order by id")
    got = cur.fetchall()
    problems = []
    for want, row in zip(ROWS, got):
        exp = list(want[:14])
        if exp[7] is not None:
            exp[7] = exp[7].ljust(10)
        for i, (e, g) in enumerate(zip(exp, row)):
            if isinstance(e, decimal.Decimal):
                g = decimal.Decimal(str(g)) if g is not None else None
            if isinstance(e, float) and i == 4:
                g = float(g) if g is not None else None
            if e != g:
                problems.append(f"row {want[0]} col {i}: expected {e!r} got {g!r}")
    if len(got) != len(ROWS):
        problems.append(f"{len(got)} rows")
    return "; ".join(problems) or None


@scenario("lobs")
def lobs():
    cur = conn.cursor()
    table = "lobs_" + tag
    cur.execute(f"create table {table} (id number(4) primary key, c clob, bl blob)")
    cur.setinputsizes(None, oracledb.DB_TYPE_LONG, oracledb.DB_TYPE_LONG_RAW)
    cur.executemany(f"insert into {table} values (:1, :2, :3)", [(r[0], r[14], r[15]) for r in ROWS])
    conn.commit()
    cur.execute(f"select c, bl from {table} order by id")
    got = cur.fetchall()
    want = [("a small clob ✓", bytes([1, 2, 3])), (None, None), (None, None)]  # '' and empty RAW are NULL
    return None if got == want else f"expected {want!r} got {got!r}"


@scenario("fetch_100k")
def fetch_100k():
    cur = conn.cursor()
    cur.arraysize = 1000
    cur.execute("select level, 'row ' || level from dual connect by level <= 100000")
    n = total = length = 0
    for a, b in cur:
        n += 1
        total += a
        length += len(b)
    return None if (n, total, length) == (100000, 5000050000, 888895) else f"rows {n} sum {total} text {length}"


@scenario("transactions")
def transactions():
    table = "txn_" + tag
    other = oracledb.connect(**opts)
    a, b = conn.cursor(), other.cursor()
    a.execute(f"create table {table} (id number)")
    a.execute(f"insert into {table} values (1)")
    b.execute(f"select count(*) from {table}")
    before = b.fetchone()[0]
    conn.commit()
    b.execute(f"select count(*) from {table}")
    after_commit = b.fetchone()[0]
    a.execute(f"insert into {table} values (2)")
    conn.rollback()
    b.execute(f"select count(*) from {table}")
    after_rollback = b.fetchone()[0]
    other.close()
    return None if (before, after_commit, after_rollback) == (0, 1, 1) else f"{before} {after_commit} {after_rollback}"


@scenario("query_error")
def query_error():
    try:
        conn.cursor().execute("select * from no_such_table")
        return "no error"
    except oracledb.DatabaseError as e:
        c = code_of(e)
        conn.cursor().execute("select 1 from dual")  # the connection stays usable
        return None if c == "ORA-00942" else c


conn.close()
print(json.dumps({"ok": True, "results": results}, default=str))
