// node-oracledb thin: the LOB rows of the LOB matrix (LobsInteropIT). Argument: JSON connection options plus
// "dir" (expected values clob_<n>.txt / blob_<n>.bin), "sizes" and "writers" (rows to read besides its own).
// Writes its rows binding the values as CLOB / BLOB (node creates temporary LOBs and writes them with LOB_OP),
// then reads every writer's rows as Lob objects (LOB_OP reads). Prints one JSON line:
// {"ok":true,"results":{scenario:{"ok":bool,"code":...,"detail":...}}}.
const oracledb = require(process.env.ORATHIN_NODE_MODULES + '/oracledb');
const fs = require('fs');
const opts = JSON.parse(process.argv[2]);
const dir = opts.dir; delete opts.dir;
const sizes = opts.sizes; delete opts.sizes;
const writers = opts.writers; delete opts.writers;
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

function firstDifference(want, got) {
  if (got === null || got === undefined) return `expected ${want.length} units, got NULL`;
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  return `expected ${want.length} units, got ${got.length}, first difference at ${i}`;
}

(async () => {
  let conn;
  try {
    conn = await oracledb.getConnection(opts);
  } catch (e) {
    console.log(JSON.stringify({ ok: false, code: codeOf(e), message: String(e.message).split('\n')[0] }));
    return;
  }
  for (const n of sizes) {
    const text = fs.readFileSync(`${dir}/clob_${n}.txt`, 'utf8');
    const bin = fs.readFileSync(`${dir}/blob_${n}.bin`);
    await conn.execute('insert into lob_m values (:w, :n, :c, :b)', {
      w: 'node', n,
      c: { type: oracledb.DB_TYPE_CLOB, val: text },
      b: { type: oracledb.DB_TYPE_BLOB, val: bin },
    }, { autoCommit: true });
    const r = await conn.execute('select writer, c, b from lob_m where sz = :1 order by writer', [n]);
    const problems = { c: [], b: [] };
    const seen = new Set();
    for (const [w, c, b] of r.rows) {
      seen.add(w);
      const cs = c === null ? null : await c.getData();
      const bs = b === null ? null : await b.getData();
      if (n === 0) {
        if (cs !== null && cs.length !== 0) problems.c.push(`${w}: ${cs.length} units for size 0`);
        if (bs !== null && bs.length !== 0) problems.b.push(`${w}: ${bs.length} bytes for size 0`);
        continue;
      }
      if (cs !== text) problems.c.push(`${w}: ${firstDifference(text, cs)}`);
      if (bs === null || !bin.equals(bs)) problems.b.push(`${w}: ${bs === null ? 'NULL' : firstDifference([...bin], [...bs])}`);
      if (c !== null && c.length !== text.length) problems.c.push(`${w}: Lob.length ${c.length}, expected ${text.length}`);
    }
    for (const w of writers.concat(['node'])) {
      if (!seen.has(w)) { problems.c.push(`no row of ${w}`); problems.b.push(`no row of ${w}`); }
    }
    await scenario(`clob_${n}`, async () => (problems.c.length === 0 ? null : problems.c.join('; ')));
    await scenario(`blob_${n}`, async () => (problems.b.length === 0 ? null : problems.b.join('; ')));
  }
  await conn.close();
  console.log(JSON.stringify({ ok: true, results }));
})();
