import pg from 'pg'
const c = new pg.Client(process.env.U); await c.connect()
for (const q of process.argv.slice(2)) await c.query(q); await c.end()
