// `pnpm db:seed [--customers N] [--vehicles M] [--work-orders W] [--appointments A]`: migrates,
// then seeds the demo accounts, alice's and bob's work orders, the shop's lifts and hours with a
// demo week of appointments around today, and generated customers, vehicles, work orders and
// appointments (over a year around today) up to N, M, W and A (defaults 40, 60, 24 and 0).
// Re-running adds only what is missing; the same arguments on the same day produce the same rows.
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/client';
import { seed } from '../src/seed/seed';

function count(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000) {
    console.error(`--${name} must be a whole number between 0 and 1000000 (got "${raw}")`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    vehicles: { type: 'string' },
    'work-orders': { type: 'string' },
    appointments: { type: 'string' },
  },
});
const customers = count('customers', values.customers, 40);
const vehicles = count('vehicles', values.vehicles, 60);
const workOrders = count('work-orders', values['work-orders'], 24);
const appointments = count('appointments', values.appointments, 0);

const db = await openDatabase({ url: process.env.DATABASE_URL || undefined });
try {
  await db.migrate();
  const started = performance.now();
  const report = await seed(db.prisma, {
    customers,
    vehicles,
    workOrders,
    appointments,
    nodeEnv: process.env.NODE_ENV,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `seeded in ${seconds} s: ${report.demoAccounts} demo account(s), ${report.customers} customer(s), ${report.vehicles} vehicle(s), ${report.workOrders} work order(s), ${report.appointments} appointment(s) added`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
// The schema engine leaves a timer and a connection behind after applying migrations (seen
// with Prisma 7.10); they would hold this one-shot process open for ~10 s.
process.exit();
