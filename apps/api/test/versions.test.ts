import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Client,
  fieldErrors,
  outcome,
  seededDatabaseUrl,
  startApi,
  type TestApi,
} from './support/harness';
import { customerIdOf, freshVehicle, userIdOf } from './support/work-orders';

// Optimistic concurrency over real HTTP against PostgreSQL: an edit names the version it was
// based on; one based on an older version is CONFLICT saying what changed since, who and when,
// and writes nothing. Checked in the database, not only in the answer.

/** The error data of a rejected call: its code and, for a version conflict, what changed. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return {
        code: String(error.data?.code),
        message: error.message,
        conflict: error.data?.conflict,
      };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('versions', () => {
  let api: TestApi;
  let staff: Client;
  let admin: Client;
  let alice: Client;
  let aliceId: number;
  let sequence = 0;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    [staff, admin, alice] = await Promise.all([api.as('staff'), api.as('admin'), api.as('alice')]);
    aliceId = await customerIdOf(api, 'alice');
  });
  afterAll(() => api.stop());

  const freshCustomer = () =>
    api.db.prisma.customer.create({
      data: {
        name: `Vera Version ${++sequence}`,
        email: `vera.${sequence}@example.org`,
        phone: '+1 555 010 0001',
        notes: 'first notes',
      },
    });

  /** An estimate with one labour line, made through the API by staff. */
  async function freshWorkOrder() {
    const vehicle = await freshVehicle(api, aliceId);
    const created = await staff.workOrder.create.mutate({
      vehicleId: vehicle.id,
      concern: 'Knocking over bumps',
      odometerIn: vehicle.mileage,
    });
    return staff.workOrder.addLine.mutate({
      workOrderId: created.id,
      kind: 'labor',
      description: 'Inspect suspension',
      quantity: '1',
      unitPriceCents: 10_000,
    });
  }

  describe('customers', () => {
    it('a stale save is CONFLICT naming what changed, who and when, and changes nothing', async () => {
      const opened = await staff.customer.byId.query({ id: (await freshCustomer()).id });
      expect(opened.version).toBe(1);
      const saved = await admin.customer.update.mutate({
        id: opened.id,
        version: opened.version,
        phone: '+1 555 010 0002',
      });
      expect(saved.version).toBe(2);
      const before = await api.db.prisma.customer.findUniqueOrThrow({ where: { id: opened.id } });

      const refused = await refusal(
        staff.customer.update.mutate({
          id: opened.id,
          version: opened.version,
          name: opened.name,
          phone: opened.phone,
          notes: 'second notes',
        }),
      );

      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict).toEqual({
        version: 2,
        changedBy: { id: await userIdOf(api, 'admin'), name: 'Ada Admin' },
        changedAt: expect.any(Date),
        current: { phone: '+1 555 010 0002' },
        names: {},
        edits: [
          {
            by: expect.objectContaining({ name: 'Ada Admin' }),
            at: expect.any(Date),
            fields: ['phone'],
          },
        ],
      });
      const edit = await api.db.prisma.recordEdit.findFirstOrThrow({
        where: { record: 'customer', recordId: opened.id, version: 2 },
      });
      expect(refused.conflict?.changedAt).toEqual(edit.at);
      expect(refused.message).toMatch(/changed by Ada Admin at .+ \(phone\)/);
      expect(await api.db.prisma.customer.findUniqueOrThrow({ where: { id: opened.id } })).toEqual(
        before,
      );
    });

    it('"keep mine": the same save on top of the version the conflict names goes through', async () => {
      const { id } = await freshCustomer();
      await admin.customer.update.mutate({ id, version: 1, notes: 'theirs' });
      const refused = await refusal(
        staff.customer.update.mutate({ id, version: 1, notes: 'mine' }),
      );
      const kept = await staff.customer.update.mutate({
        id,
        version: refused.conflict?.version ?? 0,
        notes: 'mine',
      });
      expect(kept).toMatchObject({ notes: 'mine', version: 3 });
    });

    it('two saves racing from one version: exactly one wins, and it is the one stored', async () => {
      for (let round = 0; round < 5; round++) {
        const { id } = await freshCustomer();
        const names = ['Racer One', 'Racer Two', 'Racer Three'];
        const outcomes = await Promise.all(
          names.map((name, index) =>
            outcome(
              (index % 2 === 0 ? staff : admin).customer.update.mutate({ id, version: 1, name }),
            ),
          ),
        );
        expect(outcomes.filter((code) => code === 'OK')).toHaveLength(1);
        expect(outcomes.filter((code) => code === 'CONFLICT')).toHaveLength(2);
        const stored = await api.db.prisma.customer.findUniqueOrThrow({ where: { id } });
        expect(stored).toMatchObject({ version: 2, name: names[outcomes.indexOf('OK')] });
        expect(
          await api.db.prisma.recordEdit.count({ where: { record: 'customer', recordId: id } }),
        ).toBe(1);
      }
    });

    it('a save that changes nothing moves no version; a partial one changes only what it names', async () => {
      const before = await freshCustomer();
      const same = await staff.customer.update.mutate({
        id: before.id,
        version: 1,
        name: before.name,
      });
      expect(same.version).toBe(1);
      await staff.customer.update.mutate({ id: before.id, version: 1, notes: null });
      const after = await api.db.prisma.customer.findUniqueOrThrow({ where: { id: before.id } });
      expect({ ...after, updatedAt: before.updatedAt }).toEqual({
        ...before,
        notes: null,
        version: 2,
      });
    });

    it('an edit needs the version it was based on (BAD_REQUEST naming it)', async () => {
      const { id } = await freshCustomer();
      // @ts-expect-error the version is left out on purpose
      const unversioned = staff.customer.update.mutate({ id, notes: 'no version' });
      expect(await fieldErrors(unversioned)).toEqual({
        version: ['is required: the version of the record the change was based on'],
      });
    });

    it('a delete from a stale version is CONFLICT and keeps the customer; from the current one it deletes', async () => {
      const { id } = await freshCustomer();
      await admin.customer.update.mutate({ id, version: 1, name: 'Renamed Before Delete' });
      const refused = await refusal(staff.customer.delete.mutate({ id, version: 1 }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict?.current).toEqual({ name: 'Renamed Before Delete' });
      expect(refused.message).toMatch(/which this removal was based on; nothing was removed$/);
      expect(await api.db.prisma.customer.count({ where: { id } })).toBe(1);
      expect(await outcome(staff.customer.delete.mutate({ id, version: 2 }))).toBe('OK');
      expect(await api.db.prisma.customer.count({ where: { id } })).toBe(0);
      expect(await outcome(staff.customer.delete.mutate({ id, version: 2 }))).toBe('NOT_FOUND');
    });
  });

  describe('vehicles', () => {
    it('a stale save is CONFLICT with the new owner by name, and changes nothing', async () => {
      const vehicle = await freshVehicle(api, aliceId);
      const bob = await customerIdOf(api, 'bob');
      await admin.vehicle.update.mutate({
        id: vehicle.id,
        version: 1,
        ownerId: bob,
        colour: 'red',
      });
      const before = await api.db.prisma.vehicle.findUniqueOrThrow({ where: { id: vehicle.id } });
      const refused = await refusal(
        staff.vehicle.update.mutate({ id: vehicle.id, version: 1, notes: 'new notes' }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict).toMatchObject({
        version: 2,
        changedBy: { name: 'Ada Admin' },
        current: { ownerId: bob, colour: 'red' },
        names: { ownerId: 'Bob Okafor' },
      });
      expect(await api.db.prisma.vehicle.findUniqueOrThrow({ where: { id: vehicle.id } })).toEqual(
        before,
      );
    });

    it("a work order's odometer reading is an edit of the vehicle's mileage: a form opened before it is refused naming it, with no reading logged", async () => {
      const vehicle = await freshVehicle(api, aliceId, 40_000);
      const opened = await staff.vehicle.byId.query({ id: vehicle.id });
      await admin.workOrder.create.mutate({
        vehicleId: vehicle.id,
        concern: 'Service',
        odometerIn: 41_000,
      });
      const readings = await api.db.prisma.odometerReading.count({
        where: { vehicleId: vehicle.id },
      });
      const refused = await refusal(
        staff.vehicle.update.mutate({ id: vehicle.id, version: opened.version, mileage: 40_500 }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict).toMatchObject({
        changedBy: { name: 'Ada Admin' },
        current: { mileage: 41_000 },
      });
      expect(await api.db.prisma.odometerReading.count({ where: { vehicleId: vehicle.id } })).toBe(
        readings,
      );
      expect((await staff.vehicle.byId.query({ id: vehicle.id })).mileage).toBe(41_000);
    });

    it('a delete from a stale version is CONFLICT and keeps the vehicle', async () => {
      const vehicle = await freshVehicle(api, aliceId);
      await admin.vehicle.update.mutate({ id: vehicle.id, version: 1, plate: 'NEW 1' });
      expect(await outcome(staff.vehicle.delete.mutate({ id: vehicle.id, version: 1 }))).toBe(
        'CONFLICT',
      );
      expect(await api.db.prisma.vehicle.count({ where: { id: vehicle.id } })).toBe(1);
      expect(await outcome(staff.vehicle.delete.mutate({ id: vehicle.id, version: 2 }))).toBe('OK');
    });
  });

  describe('work orders', () => {
    it('a stale details save is CONFLICT naming the fields, who and when; nothing of the first save is lost', async () => {
      const opened = await freshWorkOrder();
      const rita = await userIdOf(api, 'rita');
      const promisedAt = new Date('2031-05-06T15:30:00Z');
      await admin.workOrder.update.mutate({
        id: opened.id,
        version: opened.version,
        concern: 'Knocking over bumps, front left',
        technicianId: rita,
        promisedAt,
      });
      const before = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: opened.id } });

      const refused = await refusal(
        staff.workOrder.update.mutate({
          id: opened.id,
          version: opened.version,
          concern: opened.concern,
          notes: 'Customer waits',
          technicianId: null,
          promisedAt: null,
        }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict).toMatchObject({
        version: opened.version + 1,
        changedBy: { name: 'Ada Admin' },
        current: { concern: 'Knocking over bumps, front left', technicianId: rita, promisedAt },
        names: { technicianId: 'Rita Kowalski' },
      });
      expect(await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: opened.id } })).toEqual(
        before,
      );
    });

    it('status moves, decisions and new lines between opening and saving do not block the details save', async () => {
      const opened = await freshWorkOrder();
      const line = opened.lines[0];
      if (!line) throw new Error('fixture has no line');
      await alice.workOrder.decideLines.mutate({
        workOrderId: opened.id,
        decisions: [{ lineId: line.id, approved: true }],
      });
      await admin.workOrder.setStatus.mutate({ id: opened.id, status: 'in_progress' });
      await admin.workOrder.addLine.mutate({
        workOrderId: opened.id,
        kind: 'fee',
        description: 'Shop supplies',
        quantity: '1',
        unitPriceCents: 350,
      });
      const saved = await staff.workOrder.update.mutate({
        id: opened.id,
        version: opened.version,
        notes: 'Saved after the others',
      });
      expect(saved).toMatchObject({
        notes: 'Saved after the others',
        status: 'in_progress',
        version: opened.version + 1,
      });
      expect(saved.lines).toHaveLength(2);
    });

    it('two details saves racing from one version: exactly one wins', async () => {
      const opened = await freshWorkOrder();
      const outcomes = await Promise.all(
        ['One', 'Two', 'Three'].map((notes, index) =>
          outcome(
            (index % 2 === 0 ? staff : admin).workOrder.update.mutate({
              id: opened.id,
              version: opened.version,
              notes,
            }),
          ),
        ),
      );
      expect(outcomes.filter((code) => code === 'OK')).toHaveLength(1);
      expect(outcomes.filter((code) => code === 'CONFLICT')).toHaveLength(2);
    });

    it('a partial details save changes only what it names', async () => {
      const opened = await freshWorkOrder();
      const before = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: opened.id } });
      await staff.workOrder.update.mutate({
        id: opened.id,
        version: opened.version,
        notes: 'Only notes',
      });
      const after = await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: opened.id } });
      expect({ ...after, updatedAt: before.updatedAt }).toEqual({
        ...before,
        notes: 'Only notes',
        version: before.version + 1,
      });
    });

    it('a stale line save is CONFLICT naming its fields; a decision in between does not make one', async () => {
      const opened = await freshWorkOrder();
      const line = opened.lines[0];
      if (!line) throw new Error('fixture has no line');
      await alice.workOrder.decideLines.mutate({
        workOrderId: opened.id,
        decisions: [{ lineId: line.id, approved: true }],
      });
      // A decision is not an edit of the line: a reworded description keeps it.
      const reworded = await staff.workOrder.updateLine.mutate({
        id: line.id,
        version: line.version,
        description: 'Inspect front suspension',
      });
      const afterReword = reworded.lines[0];
      expect(afterReword).toMatchObject({ approval: 'approved', version: line.version + 1 });

      const before = await api.db.prisma.workOrderLine.findUniqueOrThrow({
        where: { id: line.id },
      });
      const refused = await refusal(
        admin.workOrder.updateLine.mutate({ id: line.id, version: line.version, quantity: '2.50' }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict).toMatchObject({
        changedBy: { name: 'Sam Staff' },
        current: { description: 'Inspect front suspension' },
      });
      expect(
        await api.db.prisma.workOrderLine.findUniqueOrThrow({ where: { id: line.id } }),
      ).toEqual(before);
      // The same quantity written another way is no change.
      const same = await staff.workOrder.updateLine.mutate({
        id: line.id,
        version: line.version + 1,
        quantity: '1.00',
      });
      expect(same.lines[0]).toMatchObject({ version: line.version + 1, approval: 'approved' });
    });

    it('removing a line changed since is CONFLICT and keeps it', async () => {
      const opened = await freshWorkOrder();
      const line = opened.lines[0];
      if (!line) throw new Error('fixture has no line');
      await admin.workOrder.updateLine.mutate({
        id: line.id,
        version: line.version,
        quantity: '3',
      });
      const refused = await refusal(
        staff.workOrder.removeLine.mutate({ id: line.id, version: line.version }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict).toMatchObject({ current: { quantity: '3' } });
      expect(await api.db.prisma.workOrderLine.count({ where: { id: line.id } })).toBe(1);
      expect(
        await outcome(
          staff.workOrder.removeLine.mutate({ id: line.id, version: line.version + 1 }),
        ),
      ).toBe('OK');
    });
  });

  describe('inspection templates and items', () => {
    const freshTemplate = () =>
      admin.inspection.createTemplate.mutate({
        name: `Version check ${++sequence}`,
        items: [
          { section: 'Tyres', label: 'Tread', unit: 'mm', advisoryLimit: '4', requiredLimit: '3' },
        ],
      });

    /** An item of a new inspection, on a new work order of alice's. */
    async function freshItem() {
      const workOrder = await freshWorkOrder();
      const started = await staff.inspection.start.mutate({ workOrderId: workOrder.id });
      const item = started.inspection?.items.find((each) => each.unit === 'mm');
      if (!item) throw new Error('the default template has a measured item');
      return item;
    }

    it('a stale template save is CONFLICT naming the items changed, who and when; nothing written', async () => {
      const opened = await freshTemplate();
      await admin.inspection.updateTemplate.mutate({
        id: opened.id,
        version: opened.version,
        items: [{ section: 'Tyres', label: 'Tread', unit: 'mm', advisoryLimit: '5' }],
      });
      const before = await api.db.prisma.inspectionTemplate.findUniqueOrThrow({
        where: { id: opened.id },
        include: { items: true },
      });

      const refused = await refusal(
        admin.inspection.updateTemplate.mutate({
          id: opened.id,
          version: opened.version,
          name: 'Mine',
          items: [{ section: 'Tyres', label: 'Tread depth', unit: 'mm' }],
        }),
      );

      expect(refused.code).toBe('CONFLICT');
      expect(refused.conflict).toMatchObject({
        version: 2,
        changedBy: { name: 'Ada Admin' },
        edits: [expect.objectContaining({ fields: ['items'] })],
      });
      // Their items, by the input's field names, for the form to show and take.
      expect(JSON.parse(String(refused.conflict?.current.items))).toEqual([
        {
          section: 'Tyres',
          label: 'Tread',
          unit: 'mm',
          advisoryLimit: 5,
          requiredLimit: null,
          savedJobId: null,
        },
      ]);
      const edit = await api.db.prisma.recordEdit.findFirstOrThrow({
        where: { record: 'inspection_template', recordId: opened.id, version: 2 },
      });
      expect(refused.conflict?.changedAt).toEqual(edit.at);
      expect(refused.message).toMatch(/changed by Ada Admin at .+ \(items\)/);
      expect(
        await api.db.prisma.inspectionTemplate.findUniqueOrThrow({
          where: { id: opened.id },
          include: { items: true },
        }),
      ).toEqual(before);
    });

    it('two template saves racing from one version: exactly one wins, and it is the one stored', async () => {
      const opened = await freshTemplate();
      const names = ['Race One', 'Race Two', 'Race Three'];
      const outcomes = await Promise.all(
        names.map((name) =>
          outcome(admin.inspection.updateTemplate.mutate({ id: opened.id, version: 1, name })),
        ),
      );
      expect(outcomes.filter((code) => code === 'OK')).toHaveLength(1);
      expect(outcomes.filter((code) => code === 'CONFLICT')).toHaveLength(2);
      expect(
        await api.db.prisma.inspectionTemplate.findUniqueOrThrow({ where: { id: opened.id } }),
      ).toMatchObject({ version: 2, name: names[outcomes.indexOf('OK')] });
      expect(
        await api.db.prisma.recordEdit.count({
          where: { record: 'inspection_template', recordId: opened.id },
        }),
      ).toBe(1);
    });

    it('two technicians grading one item from one version: one wins, the other learns what, by whom, when', async () => {
      const item = await freshItem();
      const graders = [
        { client: staff, email: 'staff@garage.test', grade: 'advisory' as const, note: 'Worn' },
        { client: admin, email: 'admin@garage.test', grade: 'ok' as const, note: 'Fine' },
      ];
      const answers = await Promise.all(
        graders.map(({ client, grade, note }) =>
          refusal(
            client.inspection.gradeItem.mutate({
              id: item.id,
              version: item.version,
              grade,
              measurement: '4.5',
              note,
            }),
          ).catch(() => null),
        ),
      );
      // `refusal` throws when the call went through: that one is the winner (null here).
      const winner = answers.indexOf(null);
      const loser = answers.find((answer) => answer !== null);
      expect(answers.filter((answer) => answer === null)).toHaveLength(1);
      const won = graders[winner];
      if (!won || !loser) throw new Error('one grading wins, one is refused');
      const winnerName = (
        await api.db.prisma.user.findUniqueOrThrow({ where: { email: won.email } })
      ).name;
      expect(loser.code).toBe('CONFLICT');
      expect(loser.conflict).toMatchObject({
        version: item.version + 1,
        changedBy: { name: winnerName },
        changedAt: expect.any(Date),
        current: { grade: won.grade, measurement: '4.5', note: won.note },
      });
      expect(loser.message).toMatch(
        /inspection item was changed by .+ \(grade, note, measurement\)/,
      );
      expect(
        await api.db.prisma.inspectionItem.findUniqueOrThrow({ where: { id: item.id } }),
      ).toMatchObject({ version: item.version + 1, grade: won.grade, note: won.note });
      expect(
        await api.db.prisma.recordEdit.count({
          where: { record: 'inspection_item', recordId: item.id },
        }),
      ).toBe(1);
    });

    it("a grading's answer names the item's version now, for the phone's next save", async () => {
      const item = await freshItem();
      const graded = await staff.inspection.gradeItem.mutate({
        id: item.id,
        version: item.version,
        note: 'First look',
      });
      expect(graded.version).toBe(item.version + 1);
      const same = await staff.inspection.gradeItem.mutate({
        id: item.id,
        version: graded.version,
        note: 'First look',
      });
      expect(same.version).toBe(graded.version);
    });
  });
});
