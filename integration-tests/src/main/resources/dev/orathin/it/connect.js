// node-oracledb thin client driven by the interop suite. Argument: JSON connection options
// (plus "sql" optionally). Prints one JSON line: {"ok":true,...} or {"ok":false,"code":...}.
const path = process.env.ORATHIN_NODE_MODULES;
const oracledb = require(path + '/oracledb');
(async () => {
  const opts = JSON.parse(process.argv[2]);
  const sql = opts.sql; delete opts.sql;
  let conn;
  try {
    conn = await oracledb.getConnection(opts);
    const out = { ok: true };
    if (sql) {
      const r = await conn.execute(sql);
      out.rows = r.rows;
    }
    console.log(JSON.stringify(out));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, code: e.code || null, errorNum: e.errorNum || null,
                                 message: String(e.message).split('\n')[0] }));
  } finally {
    if (conn) { try { await conn.close(); } catch (e) { /* ignore */ } }
  }
})();
