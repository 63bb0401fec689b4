// node-oracledb thin: the database scenarios of the interop matrix. Argument: JSON connection
// options plus "tag" (a suffix for table names). Prints one JSON line:
// {"ok":true,"results":{scenario:{"ok":bool,"code":...,"detail":...}}}.
const oracledb = require(process.env.ORATHIN_NODE_MODULES + '/oracledb');
oracledb.fetchAsString = [oracledb.CLOB, oracledb.NUMBER]; // exact NUMBER text; CLOB as string
oracledb.fetchAsBuffer = [oracledb.BLOB];

const opts = JSON.parse(process.argv[2]);
const tag = opts.tag; delete opts.tag;
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

// JavaScript dates carry milliseconds: timestamps here are exact to the millisecond
const ROWS = [
  [1, '123456789', '12345.67891', '12345678901234567890123456789012345678', 1.5, 3.141592653589793,
    'héllo wörld – 日本語 🎉', 'abc', 'Ωμέγα', new Date(Date.UTC(2024, 1, 29, 23, 59, 59)),
    new Date(Date.UTC(2024, 2, 15, 13, 45, 30, 123)), new Date(Date.UTC(2024, 2, 15, 8, 15, 30, 500)),
    Buffer.from([0, 255, 16]), true, 'a small clob ✓', Buffer.from([1, 2, 3])],
  [2, '-1', '-.5', '.' + '0'.repeat(129) + '1', -2.25, -1e300, 'x', 'z', 'n', new Date(Date.UTC(1999, 11, 31)),
    new Date(Date.UTC(2000, 0, 1, 0, 0, 0, 1)), new Date(Date.UTC(2000, 0, 1)), Buffer.from([7]), false, null, null],
  [3, '0', '0', '999' + '0'.repeat(123), 0, 0, null, null, null, null, null, null, null, null, null, null],
];

function same(a, b) {
  if (a === null || b === null) return a === b;
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (Buffer.isBuffer(a)) return Buffer.isBuffer(b) && a.equals(b);
  if (typeof a === 'number') return String(a) === b; // numbers come back as node's own text (fetchAsString)
  return a === b;
}

async function accounts() {
  const attempt = async (o) => {
    try {
      const c = await oracledb.getConnection(Object.assign({}, opts, o));
      await c.execute('select 1 from dual');
      await c.close();
      return 'ok';
    } catch (e) {
      return codeOf(e);
    }
  };
  const checks = {
    verifier_11g: [await attempt({ user: 'old', password: 'Old#2026' }), 'ok'],
    locked_account: [await attempt({ user: 'locked', password: 'Lk#2026' }), 'ORA-28000'],
    expired_password: [await attempt({ user: 'exp_' + tag, password: 'Exp#2026' }), 'ORA-28001'],
    password_change: [await attempt({ user: 'exp_' + tag, password: 'Exp#2026', newPassword: 'New#2026' }), 'ok'],
    proxy_user: [await attempt({ user: 'proxy[app]', password: 'Proxy#2026' }), 'ok'],
  };
  const out = {};
  for (const [k, [got, want]] of Object.entries(checks)) {
    out[k] = { ok: got === want, code: got, detail: got === want ? null : `expected ${want}` };
  }
  console.log(JSON.stringify({ ok: true, results: out }));
}

(async () => {
  if (opts.accounts) {
    delete opts.accounts;
    await accounts();
    return;
  }
  let conn;
  try {
    conn = await oracledb.getConnection(opts);
  } catch (e) {
    console.log(JSON.stringify({ ok: false, code: codeOf(e), message: String(e.message).split('\n')[0] }));
    return;
  }
  results.login = { ok: true };

  await scenario('types', async () => {
    const table = 'types_' + tag;
    await conn.execute(`create table ${table} (id number(4) primary key, n_int number(10), n_dec number(20,5), n_big number,
      bf binary_float, bd binary_double, vc varchar2(100), ch char(10), nv nvarchar2(50), d date,
      ts timestamp(6), tz timestamp(6) with time zone, r raw(16), b boolean)`);
    const T = oracledb;
    const bindDefs = [
      { type: T.DB_TYPE_NUMBER }, { type: T.DB_TYPE_VARCHAR, maxSize: 200 }, { type: T.DB_TYPE_VARCHAR, maxSize: 200 }, { type: T.DB_TYPE_VARCHAR, maxSize: 200 },
      { type: T.DB_TYPE_BINARY_FLOAT }, { type: T.DB_TYPE_BINARY_DOUBLE }, { type: T.DB_TYPE_VARCHAR, maxSize: 100 },
      { type: T.DB_TYPE_CHAR, maxSize: 10 }, { type: T.DB_TYPE_NVARCHAR, maxSize: 50 }, { type: T.DB_TYPE_DATE },
      { type: T.DB_TYPE_TIMESTAMP }, { type: T.DB_TYPE_TIMESTAMP_TZ }, { type: T.DB_TYPE_RAW, maxSize: 16 },
      { type: T.DB_TYPE_BOOLEAN }];
    const rows = ROWS.map(r => r.slice(0, 14));
    await conn.executeMany(`insert into ${table} values (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13, :14)`,
      rows, { bindDefs, autoCommit: true });
    const r = await conn.execute(`select * from ${table} order by id`);
    const problems = [];
    ROWS.forEach((want, k) => {
      const got = r.rows[k] || [];
      const exp = want.slice(0, 14);
      exp[0] = String(exp[0]);
      if (exp[7] !== null) exp[7] = exp[7].padEnd(10);
      exp.forEach((e, i) => {
        if (!same(e, got[i] === undefined ? null : got[i])) {
          problems.push(`row ${want[0]} col ${i}: expected ${JSON.stringify(e)} got ${JSON.stringify(got[i])}`);
        }
      });
    });
    if (r.rows.length !== ROWS.length) problems.push(`${r.rows.length} rows`);
    return problems.length ? problems.join('; ') : null;
  });

  await scenario('lobs', async () => {
    const table = 'lobs_' + tag;
    await conn.execute(`create table ${table} (id number(4) primary key, c clob, bl blob)`);
    await conn.executeMany(`insert into ${table} values (:1, :2, :3)`, ROWS.map(r => [r[0], r[14], r[15]]),
      { bindDefs: [{ type: oracledb.DB_TYPE_NUMBER }, { type: oracledb.DB_TYPE_VARCHAR, maxSize: 100 },
        { type: oracledb.DB_TYPE_RAW, maxSize: 16 }], autoCommit: true });
    const r = await conn.execute(`select c, bl from ${table} order by id`);
    const want = [['a small clob ✓', Buffer.from([1, 2, 3])], [null, null], [null, null]];
    const ok = r.rows.length === 3 && want.every((w, k) => same(w[0], r.rows[k][0]) && same(w[1], r.rows[k][1]));
    return ok ? null : `got ${JSON.stringify(r.rows)}`;
  });

  await scenario('fetch_100k', async () => {
    const rs = (await conn.execute("select level, 'row ' || level from dual connect by level <= 100000", [],
      { resultSet: true, fetchArraySize: 1000, fetchInfo: { 'LEVEL': { type: oracledb.DEFAULT } } })).resultSet;
    let n = 0; let sum = 0; let len = 0; let batch;
    while ((batch = await rs.getRows(1000)).length) {
      for (const row of batch) { n++; sum += Number(row[0]); len += row[1].length; }
    }
    await rs.close();
    return (n === 100000 && sum === 5000050000 && len === 888895) ? null : `rows ${n} sum ${sum} text ${len}`;
  });

  await scenario('transactions', async () => {
    const table = 'txn_' + tag;
    const other = await oracledb.getConnection(opts);
    await conn.execute(`create table ${table} (id number)`);
    await conn.execute(`insert into ${table} values (1)`);
    const count = async () => Number((await other.execute(`select count(*) from ${table}`)).rows[0][0]);
    const before = await count();
    await conn.commit();
    const afterCommit = await count();
    await conn.execute(`insert into ${table} values (2)`);
    await conn.rollback();
    const afterRollback = await count();
    await other.close();
    return (before === 0 && afterCommit === 1 && afterRollback === 1) ? null : `${before} ${afterCommit} ${afterRollback}`;
  });

  await scenario('query_error', async () => {
    try {
      await conn.execute('select * from no_such_table');
      return 'no error';
    } catch (e) {
      await conn.execute('select 1 from dual');
      return codeOf(e) === 'ORA-00942' ? null : codeOf(e);
    }
  });

  await conn.close();
  console.log(JSON.stringify({ ok: true, results }));
})();
