import { connection } from 'next/server';
import { readinessResponse } from '@/lib/readiness';

// Readiness for balancers and systemd: 200 when this instance can serve, 503 with the reasons.
export async function GET() {
  await connection();
  return readinessResponse();
}
