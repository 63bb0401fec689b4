// node-oracledb thin: the representative scenarios run against each testkit server profile
// (ProfileInteropIT). Argument: JSON connection options plus "tag", "version", "warnUser" and
// "warnPassword" (see profile.py). Prints one JSON line: {"ok":true,"results":{...}}.
const oracledb = require(process.env.ORATHIN_NODE_MODULES + '/oracledb');

const opts = JSON.parse(process.argv[2]);
const { tag, version, warnUser, warnPassword } = opts;
for (const k of ['tag', 'version', 'warnUser', 'warnPassword']) delete opts[k];
const results = {};

function codeOf(e) {
  const m = /^(NJS-\d+|ORA-\d+)/.exec(String(e.message));
  return m ? m[1] : (e.code || e.name);
}

async function scenario(name, fn) {
  try {
    const detail = await fn();
    results[name] = { ok: detail === null, detail };
  } catch (e) {
    results[name] = { ok: false, code: codeOf(e), detail: String(e.message).split('\n')[0] };
  }
}

(async () => {
  let conn;
  await scenario('login', async () => {
    conn = await oracledb.getConnection(opts);
    const major = Math.floor(conn.oracleServerVersion / 100000000);
    return String(major) === version ? null : `server version ${conn.oracleServerVersionString}, expected ${version}.x`;
  });
  await scenario('dml_commit_query', async () => {
    const table = `pf_${tag}`;
    await conn.execute(`create table ${table} (id number, name varchar2(20))`);
    await conn.executeMany(`insert into ${table} values (:1, :2)`, [[1, 'one'], [2, 'two'], [3, 'three']]);
    await conn.commit();
    const r = await conn.execute(`select id, name from ${table} order by id`);
    await conn.execute(`drop table ${table}`);
    const got = JSON.stringify(r.rows);
    return got === JSON.stringify([[1, 'one'], [2, 'two'], [3, 'three']]) ? null : `rows ${got}`;
  });
  await scenario('fetch_2000', async () => {
    const r = await conn.execute("select level, rpad('x', 200, 'y') from dual connect by level <= 2000", [],
      { fetchArraySize: 500, maxRows: 0 });
    let total = 0, chars = 0;
    for (const [a, b] of r.rows) { total += a; chars += b.length; }
    return r.rows.length === 2000 && total === 2001000 && chars === 400000 ? null
      : `${r.rows.length} rows, sum ${total}, ${chars} chars`;
  });
  await scenario('query_error', async () => {
    try {
      await conn.execute('select * from no_such_table');
      return 'no error';
    } catch (e) {
      await conn.execute('select 1 from dual'); // the connection stays usable
      return codeOf(e) === 'ORA-00942' ? null : codeOf(e);
    }
  });
  await scenario('password_warning', async () => {
    const c = await oracledb.getConnection({ ...opts, user: warnUser, password: warnPassword });
    await c.execute('select 1 from dual');
    const w = c.warning;
    await c.close();
    return w && /ORA-28002/.test(String(w.message)) ? null : `warning ${w ? w.message : 'none'}`;
  });
  if (conn) { try { await conn.close(); } catch (e) { /* reported above if it matters */ } }
  console.log(JSON.stringify({ ok: true, results }));
})();
