#!/bin/bash
# dev-only: run chosen playwright specs against a freshly seeded DB on the dev PG
set -e
cd /work/main
U=postgresql://postgres:dev@127.0.0.1:55432
cat > scripts/_q.mts <<'EOQ'
import pg from 'pg'
const c = new pg.Client(process.env.U); await c.connect()
for (const q of process.argv.slice(2)) await c.query(q); await c.end()
EOQ
U=$U/postgres npx tsx scripts/_q.mts "drop database if exists e2e_dev with (force)" "create database e2e_dev template app_template"
DATABASE_URL=$U/e2e_dev npx tsx prisma/seed.ts > /dev/null
npx tsx scripts/build.ts
rm -f scripts/_q.mts
CHROMIUM_PATH=/usr/bin/chromium DATABASE_URL=$U/e2e_dev AUTH_SECRET=$(head -c 33 /dev/urandom | base64) AUTH_TRUST_HOST=true E2E_PORT=3199 npx playwright test "$@"
