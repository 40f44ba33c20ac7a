import Database from 'better-sqlite3'
const db = new Database(':memory:')
db.exec(
  `create table runs(id integer primary key, project_id int, name text, created_at text, config blob, summary blob)`,
)
db.exec(`create index r_p on runs(project_id, created_at, id)`)
let seed = 1
const rnd = () => {
  seed = (seed * 16807) % 2147483647
  return seed / 2147483647
}
const ins = db.prepare(
  'insert into runs(project_id,name,created_at,config,summary) values (1,?,?,jsonb(?),jsonb(?))',
)
db.transaction(() => {
  for (let i = 0; i < 100000; i++) {
    const c = {},
      s = {}
    for (let k = 0; k < 20; k++) {
      c['p' + k] = { value: k % 3 === 0 ? ['adam', 'sgd', 'rmsprop'][Math.floor(rnd() * 3)] : rnd() }
      s['m' + k] = rnd() * 10
    }
    c.lr = { value: rnd() }
    s.loss = rnd()
    const cj = JSON.stringify(c),
      sj = JSON.stringify(s)
    ins.run('r' + i, new Date(1e12 + i * 1000).toISOString(), cj, sj)
  }
})()
let t = performance.now()
db.exec(`create index i1 on runs(project_id, json_extract(config,'$.p0.value'))`)
db.exec(`create index i2 on runs(project_id, json_extract(summary,'$.loss'))`)
db.exec(`create index i3 on runs(project_id, json_extract(summary,'$.m3'))`)
console.log('idx', performance.now() - t)
t = performance.now()
db.exec('analyze')
console.log('analyze', performance.now() - t)
const qs = {
  page: `select id,name from runs where project_id=1 and json_extract(config,'$.p0.value')='adam' and json_extract(summary,'$.loss') < 0.5 order by json_extract(summary,'$.m3') desc, id desc limit 50`,
  pageNoOrder: `select id,name from runs where project_id=1 and json_extract(config,'$.p0.value')='adam' and json_extract(summary,'$.loss') < 0.5 order by created_at, id limit 50`,
  count: `select count(*) n from runs where project_id=1 and json_extract(config,'$.p0.value')='adam' and json_extract(summary,'$.loss') < 0.5`,
  sel: `select id,name from runs where project_id=1 and json_extract(summary,'$.loss') < 0.001 order by json_extract(summary,'$.m3') desc, id desc limit 50`,
  base: `select id,name,config,summary from runs where project_id=1 order by created_at, id limit 50`,
}
for (const [k, q] of Object.entries(qs)) {
  const st = db.prepare(q)
  console.log(
    k,
    db
      .prepare('explain query plan ' + q)
      .all()
      .map((r) => r.detail)
      .join(' | '),
  )
  for (let r = 0; r < 3; r++) {
    t = performance.now()
    const x = st.all()
    console.log('  ', (performance.now() - t).toFixed(2), x.length)
  }
}
