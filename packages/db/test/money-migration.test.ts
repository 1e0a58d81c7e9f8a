import { createDatabase } from '@garage/test-services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { embeddedMigrations } from '../src/generated/migrations';

// The money-movements migration on a database that already holds invoices and payments: each
// payment gets its invoice's currency, each issued invoice a bill-to, and nothing else moves.

const migration = embeddedMigrations.findIndex((each) => each.name.endsWith('_money_movements'));

describe('the money-movements migration', () => {
  let connected: pg.Client;

  beforeAll(async () => {
    connected = new pg.Client({ connectionString: await createDatabase(inject('postgresUrl')) });
    await connected.connect();
    // The schema as it was before it (a simple query runs a whole script).
    for (const each of embeddedMigrations.slice(0, migration)) await connected.query(each.sql);
  });
  afterAll(() => connected.end());

  it('gives payments their invoice’s currency and issued invoices the bill-to of the day', async () => {
    await connected.query(`
      INSERT INTO "ShopSettings" ("id", "currency", "updatedAt") VALUES (1, 'GBP', now());
      INSERT INTO "Customer" ("id", "name", "address", "email", "updatedAt")
        VALUES (1, 'Ada Owner', '1 Quay Street', 'ada@example.test', now());
      INSERT INTO "Vehicle" ("id", "ownerId", "vin", "plate", "make", "model", "year", "mileage", "updatedAt")
        VALUES (1, 1, '1HGCM82633A004352', 'AB12 CDE', 'Honda', 'Accord', 2003, 41000, now());
      INSERT INTO "WorkOrder" ("id", "vehicleId", "customerId", "status", "concern", "odometerIn", "odometerOut", "updatedAt", "invoiceNumber", "invoicedAt", "invoiceSettings")
        VALUES (1, 1, 1, 'invoiced', 'Brakes', 40000, 40100, now(), 1, now(), '{"currency": "EUR"}'),
               (2, 1, 1, 'ready', 'Tyres', 40100, NULL, now(), NULL, NULL, NULL);
      INSERT INTO "Payment" ("workOrderId", "amountCents", "method") VALUES (1, 500, 'cash');
    `);

    await connected.query(embeddedMigrations[migration]?.sql ?? '');

    const payments = await connected.query('SELECT "currency" FROM "Payment"');
    expect(payments.rows).toEqual([{ currency: 'EUR' }]);
    const workOrders = await connected.query(
      'SELECT "id", "invoiceBillTo" FROM "WorkOrder" ORDER BY "id"',
    );
    expect(workOrders.rows).toEqual([
      {
        id: 1,
        invoiceBillTo: {
          customer: {
            name: 'Ada Owner',
            address: '1 Quay Street',
            email: 'ada@example.test',
            phone: null,
          },
          vehicle: {
            plate: 'AB12 CDE',
            vin: '1HGCM82633A004352',
            make: 'Honda',
            model: 'Accord',
            year: 2003,
          },
          odometerIn: 40000,
          odometerOut: 40100,
        },
      },
      { id: 2, invoiceBillTo: null },
    ]);
  });
});
