// GET /api/health for load balancers and monitoring: 200 {"status":"ok"} when this instance can
// serve, 503 otherwise. Open to anyone on purpose; it tells nothing about the data.
import { db } from '@/lib/db'
import { createHealthCheck } from '@/lib/db/health'

export const dynamic = 'force-dynamic'

const health = createHealthCheck({ database: db })

export async function GET(): Promise<Response> {
  const result = await health()
  return Response.json(result, { status: result.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
