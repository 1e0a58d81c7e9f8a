import type { Database } from '@garage/db';
import { call, queryPath, resultOf } from '../http';
import { outcomeOf, outcomeOfError, type WriteBook } from './vehicle-load';

/** Per vehicle: the mileage an API served, or how the read failed (an outcome). */
export type ApiReadBack = Map<number, number | string>;

/** Reads every vehicle of `ids` through the API, `concurrency` at a time. */
export async function readThroughApi(
  port: number,
  cookie: string,
  ids: readonly number[],
  concurrency = 8,
): Promise<ApiReadBack> {
  const seen: ApiReadBack = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++] as number;
        try {
          const reply = await call(port, 'GET', queryPath('vehicle.byId', { id }), {
            cookie,
            timeoutMs: 5_000,
          });
          seen.set(
            id,
            reply.status === 200
              ? resultOf<{ mileage: number }>(reply.body).mileage
              : outcomeOf(reply).outcome,
          );
        } catch (error) {
          seen.set(id, outcomeOfError(error).outcome);
        }
      }
    }),
  );
  return seen;
}

/** Mileage and notes of `ids` as stored in PostgreSQL. */
export async function readFromDatabase(db: Database, ids: readonly number[]) {
  const rows = await db.prisma.vehicle.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, mileage: true, notes: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** How what an API served compares with the acknowledged writes and with the database. */
export function compareServed(
  served: ApiReadBack,
  book: WriteBook,
  stored: Map<number, { mileage: number }>,
) {
  let stale = 0;
  let behindDatabase = 0;
  let unreadable = 0;
  const examples: string[] = [];
  for (const [id, value] of served) {
    const acked = book.acked.get(id)?.mileage;
    const inDb = stored.get(id)?.mileage;
    if (typeof value !== 'number') {
      unreadable++;
      if (examples.length < 5) examples.push(`vehicle ${id}: read back as ${value}`);
      continue;
    }
    if (acked !== undefined && value < acked) {
      stale++;
      if (examples.length < 5) {
        examples.push(`vehicle ${id}: served ${value}, acknowledged ${acked}, stored ${inDb}`);
      }
    } else if (inDb !== undefined && value < inDb) {
      behindDatabase++;
      if (examples.length < 5) {
        examples.push(`vehicle ${id}: served ${value}, stored ${inDb} (acknowledged ${acked})`);
      }
    }
  }
  return { vehicles: served.size, stale, behindDatabase, unreadable, examples };
}

export type ServedCheck = ReturnType<typeof compareServed>;
