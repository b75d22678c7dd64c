// The app's Prisma client, over node-postgres through the driver adapter (no native engine).
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/client.ts'

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) })
}

export type { PrismaClient }
export { Prisma } from './generated/client.ts'
