// GET /api/health for load balancers and monitoring: 200 {"status":"ok"} when this instance can
// serve, 503 otherwise. Open to anyone on purpose; it tells nothing about the data.
import { db } from '@/lib/db'
import { createHealthCheck } from '@/lib/db/health'
import { loggedRoute } from '@/lib/log/request'

export const dynamic = 'force-dynamic'

const health = createHealthCheck({ database: db })

// Load balancers ask every few seconds: an answer of 200 is logged at debug level only.
export const GET = loggedRoute(
  'health',
  async (): Promise<Response> => {
    const result = await health()
    return Response.json(result, { status: result.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
  },
  { quietWhenOk: true },
)
