# python-oracledb thin client driven by the interop suite. Argument: JSON connect keyword
# arguments (plus "sql" optionally). Prints one JSON line: {"ok": true, ...} or {"ok": false, "code": ...}.
import json
import re
import sys

import oracledb

opts = json.loads(sys.argv[1])
sql = opts.pop("sql", None)
try:
    conn = oracledb.connect(**opts)
    out = {"ok": True}
    if sql:
        with conn.cursor() as cur:
            cur.execute(sql)
            out["rows"] = [list(r) for r in cur.fetchall()]
    conn.close()
    print(json.dumps(out, default=str))
except Exception as e:  # every failure is reported, none is raised
    text = str(e).split("\n")[0]
    m = re.match(r"^(DPY-\d+|ORA-\d+)", text)
    print(json.dumps({"ok": False, "code": m.group(1) if m else type(e).__name__, "message": text}))
