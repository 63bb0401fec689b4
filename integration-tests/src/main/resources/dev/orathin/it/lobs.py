# python-oracledb thin: the LOB rows of the LOB matrix (LobsInteropIT). Argument: JSON with the connect
# keyword arguments plus "dir" (expected values clob_<n>.txt / blob_<n>.bin), "sizes" and "writers" (rows to
# read besides its own). Writes its rows through temporary LOBs (connection.createlob + write, LOB_OP), then
# reads every writer's rows as LOB objects (fetch_lobs=True, LOB_OP reads). Prints one JSON line:
# {"ok": true, "results": {scenario: {"ok": bool, "code": ..., "detail": ...}}}.
import json
import re
import sys

import oracledb

opts = json.loads(sys.argv[1])
folder = opts.pop("dir")
sizes = opts.pop("sizes")
writers = opts.pop("writers")
results = {}


def code_of(e):
    m = re.match(r"(DPY-\d+|ORA-\d+)", str(e))
    return m.group(1) if m else type(e).__name__


def difference(want, got):
    if got is None:
        return f"expected {len(want)}, got NULL"
    i = 0
    while i < min(len(want), len(got)) and want[i] == got[i]:
        i += 1
    return f"expected {len(want)}, got {len(got)}, first difference at {i}"


def utf16_units(s):
    return len(s.encode("utf-16-be")) // 2


try:
    conn = oracledb.connect(**opts)
except Exception as e:
    print(json.dumps({"ok": False, "code": code_of(e), "message": str(e).split("\n")[0]}))
    sys.exit(0)
cur = conn.cursor()
for n in sizes:
    with open(f"{folder}/clob_{n}.txt", encoding="utf-8") as f:
        text = f.read()
    with open(f"{folder}/blob_{n}.bin", "rb") as f:
        data = f.read()
    problems = {"c": [], "b": []}
    step = "createlob"
    try:
        c = conn.createlob(oracledb.DB_TYPE_CLOB)
        if text:
            c.write(text)
        b = conn.createlob(oracledb.DB_TYPE_BLOB)
        if data:
            b.write(data)
        step = "insert"
        cur.execute("insert into lob_m values (:1, :2, :3, :4)", ["python", n, c, b])
        conn.commit()
        step = "fetch"
        cur.execute("select writer, c, b from lob_m where sz = :1 order by writer", [n])
        seen = set()
        rows = cur.fetchall()
        step = "read"
        for w, cl, bl in rows:
            seen.add(w)
            cs = None if cl is None else cl.read()
            bs = None if bl is None else bl.read()
            if n == 0:
                if cs:
                    problems["c"].append(f"{w}: {len(cs)} characters for size 0")
                if bs:
                    problems["b"].append(f"{w}: {len(bs)} bytes for size 0")
                continue
            if cs != text:
                problems["c"].append(f"{w}: {difference(text, cs)}")
            elif cl.size() != utf16_units(text):
                problems["c"].append(f"{w}: size() {cl.size()}, expected {utf16_units(text)} UTF-16 units")
            if bs != data:
                problems["b"].append(f"{w}: {difference(data, bs)}")
        for w in writers + ["python"]:
            if w not in seen:
                problems["c"].append(f"no row of {w}")
                problems["b"].append(f"no row of {w}")
        for k in ("c", "b"):
            name = ("clob_" if k == "c" else "blob_") + str(n)
            results[name] = {"ok": not problems[k], "detail": "; ".join(problems[k]) or None}
    except Exception as e:
        for name in ("clob_" + str(n), "blob_" + str(n)):
            results[name] = {"ok": False, "code": code_of(e), "detail": f"at {step}: " + str(e).split("\n")[0]}
conn.close()
print(json.dumps({"ok": True, "results": results}))
