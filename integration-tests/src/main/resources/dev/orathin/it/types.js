// node-oracledb thin: the 23ai type rows of the types matrix (TypesInteropIT, TypeCases.java has the
// same cases). Argument: JSON connection options plus "tag". Prints one JSON line:
// {"ok":true,"results":{scenario:{"ok":bool,"code":...,"detail":...}}}.
const oracledb = require(process.env.ORATHIN_NODE_MODULES + '/oracledb');

const util = require('util');
const fs = require('fs');
const opts = JSON.parse(process.argv[2]);
const tag = opts.tag; delete opts.tag;
// the seeded JSON documents as text, in id order per case (TypeCases.jsonCases)
const jsonExpected = JSON.parse(fs.readFileSync(opts.jsonExpected, 'utf8')); delete opts.jsonExpected;
const JSON_CASES = [['json_scalars_nonascii_keys', 4], ['json_empty', 3], ['json_deep_100', 1], ['json_large', 2],
  ['json_long_field_name', 1]];
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

// a vector case: format, dims, sparse indices (or null), values
const V = (format, dims, indices, values) => ({ format, dims, indices, values });
const big = Array.from({ length: 65535 }, (_, i) => (i % 100) * 0.25 - 7);
const CASES = {
  vector_float32: [V('FLOAT32', 6, null, [1.5, -2.25, 0, 3.4028234663852886e38, 1.401298464324817e-45, -0])],
  vector_float64: [V('FLOAT64', 4, null, [1.5, -1e300, 5e-324, 0.1])],
  vector_nan_inf: [V('FLOAT32', 3, null, [NaN, Infinity, -Infinity]), V('FLOAT64', 3, null, [NaN, Infinity, -Infinity])],
  vector_int8: [V('INT8', 5, null, [-128, 127, 0, 1, -1])],
  vector_binary: [V('BINARY', 24, null, [255, 1, 128])],
  vector_sparse: [V('FLOAT32', 10, [1, 7], [2.5, -1]), V('FLOAT64', 5, [0], [-0.5])],
  vector_dims_1_65535: [V('FLOAT32', 1, null, [42]), V('FLOAT32', 65535, null, big)],
  vector_null: [null],
};
const SEEDED = [V('FLOAT32', 3, null, [1, 2.5, -3]), null];

function typed(format, values) {
  switch (format) {
    case 'FLOAT32': return new Float32Array(values);
    case 'FLOAT64': return new Float64Array(values);
    case 'INT8': return new Int8Array(values);
    default: return new Uint8Array(values);
  }
}

function bindValue(v) {
  if (v === null) return { type: oracledb.DB_TYPE_VECTOR, val: null };
  if (v.indices) {
    return { type: oracledb.DB_TYPE_VECTOR, val: new oracledb.SparseVector({ numDimensions: v.dims, indices: v.indices,
      values: typed(v.format, v.values) }) };
  }
  return { type: oracledb.DB_TYPE_VECTOR, val: typed(v.format, v.values) };
}

// canonical text of what was fetched / expected: format, dims, sparse indices, values with -0 kept
function num(x) { return Object.is(x, -0) ? '-0' : String(x); }
function canonicalExpected(v) {
  if (v === null) return null;
  const vals = Array.from(typed(v.format, v.values));
  return `${v.format} ${v.dims}${v.indices ? ' sparse[' + v.indices.join(',') + ']' : ''} [${vals.map(num).join(',')}]`;
}
function formatOf(a) {
  if (a instanceof Float32Array) return 'FLOAT32';
  if (a instanceof Float64Array) return 'FLOAT64';
  if (a instanceof Int8Array) return 'INT8';
  if (a instanceof Uint8Array) return 'BINARY';
  return 'unexpected ' + (a && a.constructor ? a.constructor.name : typeof a);
}
function canonicalFetched(x) {
  if (x === null || x === undefined) return null;
  if (x instanceof oracledb.SparseVector) {
    return `${formatOf(x.values)} ${x.numDimensions} sparse[${Array.from(x.indices).join(',')}] [${Array.from(x.values).map(num).join(',')}]`;
  }
  const f = formatOf(x);
  return `${f} ${f === 'BINARY' ? x.length * 8 : x.length} [${Array.from(x).map(num).join(',')}]`;
}

function compare(expected, rows) {
  const want = expected.map(canonicalExpected);
  const got = rows.map(r => canonicalFetched(r[0]));
  const a = JSON.stringify(want), b = JSON.stringify(got);
  return a === b ? null : `expected ${a.slice(0, 300)} got ${b.slice(0, 300)}`;
}

(async () => {
  let conn;
  try {
    conn = await oracledb.getConnection(opts);
  } catch (e) {
    console.log(JSON.stringify({ ok: false, code: codeOf(e), message: String(e.message).split('\n')[0] }));
    return;
  }
  await scenario('vector_seeded', async () => compare(SEEDED, (await conn.execute('select v from vec_seed order by id')).rows));
  const table = 'vec_' + tag;
  await conn.execute(`create table ${table} (id number primary key, v vector)`);
  let base = 0;
  for (const [name, rows] of Object.entries(CASES)) {
    const first = base;
    await scenario(name, async () => {
      let id = first;
      for (const v of rows) {
        await conn.execute(`insert into ${table} values (:1, :2)`, [id++, bindValue(v)], { autoCommit: true });
      }
      const r = await conn.execute(`select v from ${table} where id >= :1 and id < :2 order by id`, [first, first + rows.length]);
      return compare(rows, r.rows);
    });
    base += 10;
  }
  let k = 0;
  for (let c = 0; c < JSON_CASES.length; c++) {
    const [name, count] = JSON_CASES[c];
    const want = jsonExpected.slice(k, k + count).map(t => (t === null ? null : JSON.parse(t)));
    k += count;
    await scenario(name, async () => {
      const r = await conn.execute('select j from json_seed where id >= :1 and id < :2 order by id', [c * 10, c * 10 + count]);
      const got = r.rows.map(row => (row[0] === undefined ? null : row[0]));
      return util.isDeepStrictEqual(want, got) ? null
        : `expected ${JSON.stringify(want).slice(0, 300)} got ${JSON.stringify(got).slice(0, 300)}`;
    });
  }
  await scenario('json_bind', async () => {
    await conn.execute(`create table json_${tag} (id number primary key, j json)`);
    // the seeded documents but the 300-byte key (TypeCases.jsonBinds) and SQL NULLs
    const docs = [];
    let p = 0;
    for (const [name, count] of JSON_CASES) {
      for (let i = 0; i < count; i++, p++) {
        if (name !== 'json_long_field_name' && jsonExpected[p] !== null) docs.push(JSON.parse(jsonExpected[p]));
      }
    }
    for (let i = 0; i < docs.length; i++) {
      await conn.execute(`insert into json_${tag} values (:1, :2)`, [i, { type: oracledb.DB_TYPE_JSON, val: docs[i] }], { autoCommit: true });
    }
    const r = await conn.execute(`select j from json_${tag} order by id`);
    const got = r.rows.map(row => row[0]);
    return util.isDeepStrictEqual(docs, got) ? null
      : `expected ${JSON.stringify(docs).slice(0, 300)} got ${JSON.stringify(got).slice(0, 300)}`;
  });
  await conn.close();
  console.log(JSON.stringify({ ok: true, results }));
})();
