export {
  type Database,
  type DatabaseKind,
  defaultDataDir,
  type OpenDatabaseOptions,
  openDatabase,
} from './client';
export { deleteCustomer } from './customers';
export {
  CustomerHasVehiclesError,
  DbError,
  type DbErrorCode,
  mapPrismaError,
  RecordNotFoundError,
  UniqueConflictError,
} from './errors';
export type { Customer, Session, User, Vehicle } from './generated/prisma/client';
export { Prisma, type PrismaClient, Role } from './generated/prisma/client';
export { hashPassword, verifyPassword } from './password';
export {
  demoAccounts,
  demoPassword,
  type SeedOptions,
  SeedRefusedError,
  type SeedReport,
  seed,
  seedIfEmpty,
} from './seed/seed';
export { normalizeVin, vinCheckDigit, vinProblem } from './vin';
