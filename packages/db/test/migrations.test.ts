import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@garage/test-services';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/client';
import { embeddedMigrations } from '../src/generated/migrations';

const tables = [
  'Appointment',
  'Bay',
  'CacheInvalidation',
  'CreditNote',
  'CreditNoteCounter',
  'Customer',
  'DayOff',
  'EstimateLink',
  'Inspection',
  'InspectionItem',
  'InspectionPhoto',
  'InspectionTemplate',
  'InspectionTemplateItem',
  'InvoiceCounter',
  'LoginThrottle',
  'Message',
  'MessageKindOff',
  'MessagePreference',
  'MessageTemplate',
  'OdometerReading',
  'OpeningHours',
  'Payment',
  'PaymentVoid',
  'RecordEdit',
  'Refund',
  'SavedJob',
  'SavedJobLine',
  'ScheduleSettings',
  'ServiceReminder',
  'Session',
  'ShopSettings',
  'StatusChange',
  'StoredFile',
  'User',
  'Vehicle',
  'WorkOrder',
  'WorkOrderLine',
  'WorkingHours',
];

async function userTables(db: Awaited<ReturnType<typeof openDatabase>>): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ table_name: string }[]>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name <> '_prisma_migrations' order by table_name`;
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('apply to an empty PostgreSQL database, then find nothing left to apply', async () => {
    const db = await openDatabase({ url: await createDatabase(inject('postgresUrl')) });
    cleanups.push(() => db.close());

    expect(await db.migrate()).toEqual(embeddedMigrations.map((migration) => migration.name));
    expect(await userTables(db)).toEqual(tables);
    expect(await db.migrate()).toEqual([]);
    const applied = await db.prisma.$queryRaw<{ n: bigint }[]>`
      select count(*) as n from _prisma_migrations where finished_at is not null`;
    expect(Number(applied[0]?.n)).toBe(embeddedMigrations.length);
  });

  it('apply to an embedded PGlite directory that survives a reopen', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'garage-pglite-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    expect(await first.migrate()).toHaveLength(embeddedMigrations.length);
    await first.prisma.customer.create({ data: { name: 'Kept Across Reopen' } });
    await first.close();

    const second = await openDatabase({ dataDir });
    cleanups.push(() => second.close());
    expect(await second.migrate()).toEqual([]);
    expect(await userTables(second)).toEqual(tables);
    expect(await second.prisma.customer.count()).toBe(1);

    // btree_gist is loaded in the embedded database too: a bay is not booked twice.
    const bay = await second.prisma.bay.create({ data: { name: 'Bay 1' } });
    const booking = (startsAt: string, endsAt: string) =>
      second.prisma.appointment.create({
        data: {
          draftName: 'Caller',
          concern: 'Brakes',
          channel: 'phone',
          bayId: bay.id,
          startsAt: new Date(startsAt),
          endsAt: new Date(endsAt),
        },
      });
    await booking('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z');
    await booking('2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
    await expect(booking('2026-03-02T09:30:00Z', '2026-03-02T10:30:00Z')).rejects.toThrow(
      /Appointment_bay_no_overlap/,
    );
  });

  it('ping reports a reachable database and never throws for an unreachable one', async () => {
    const db = await openDatabase({ url: 'postgresql://nobody@127.0.0.1:1/none' });
    cleanups.push(() => db.close());
    expect(await db.ping()).toBe(false);
  });

  it('make customer emails unique: lower-cased, a shared one kept by the first customer, the others told in their notes', async () => {
    const db = await openDatabase({ url: await createDatabase(inject('postgresUrl')) });
    cleanups.push(() => db.close());
    const index = embeddedMigrations.findIndex((m) =>
      m.name.endsWith('_versions_and_unique_email'),
    );
    const previous = embeddedMigrations[index - 1];
    if (!previous) throw new Error('the unique-email migration is not committed');
    await db.migrate(previous.name);
    // Written as an older version could have: mixed case, spaces, "", shared emails.
    await db.prisma.$executeRaw`
      INSERT INTO "Customer" ("name", "email", "notes", "updatedAt") VALUES
        ('First', 'Sam@Example.com', NULL, now()),
        ('Second', 'sam@example.com', 'Pays by card.', now()),
        ('Third', ' SAM@EXAMPLE.COM ', NULL, now()),
        ('Blank', '', NULL, now()),
        ('Other', 'other@example.com', NULL, now()),
        ('Nobody', NULL, NULL, now())`;
    await db.migrate();

    const rows = await db.prisma.customer.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, name: true, email: true, notes: true },
    });
    const first = rows[0]?.id;
    const removed = `Email sam@example.com removed when customer emails became unique: customer #${first} has it.`;
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
      { name: 'First', email: 'sam@example.com', notes: null },
      { name: 'Second', email: null, notes: `Pays by card.\n${removed}` },
      { name: 'Third', email: null, notes: removed },
      { name: 'Blank', email: null, notes: null },
      { name: 'Other', email: 'other@example.com', notes: null },
      { name: 'Nobody', email: null, notes: null },
    ]);
    // From now on PostgreSQL itself refuses a second customer with an email, in any case.
    await expect(
      db.prisma.customer.create({ data: { name: 'Again', email: 'other@example.com' } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    await expect(
      db.prisma.customer.create({ data: { name: 'Shouting', email: 'OTHER@example.com' } }),
    ).rejects.toThrow(/Customer_email_lower_case/);
    await db.prisma.customer.create({ data: { name: 'Also nobody' } });
  });
});
