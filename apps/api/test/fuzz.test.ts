import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { inspectionRows } from './support/inspection-rows';
import { phoneJpeg, uploadPhoto } from './support/photos';

// Generated inputs thrown at every mutation over real HTTP: whatever comes in, the answer is
// never a 5xx, a key the procedure does not know is refused, a rejected request changes
// nothing in the database, and an accepted one changes only the row and the fields it names.

// Runs per procedure, with fixed seeds: every CI run tries the same inputs. The counts are what
// the CI's time allows (this file alone was ten minutes, the longest of the API suite); a run
// that snapshots more tables gets fewer.
const runs = 400;
// Each work-order run snapshots seven tables twice.
const workOrderRuns = 150;
/**
 * Procedures whose accepted inputs are rare among the generated ones keep the runs they had,
 * so that each run of the test still sees some accepted (the test asserts it does).
 */
const rarelyAccepted: Record<string, number> = {
  'vehicle.delete': 1_000,
  'workOrder.removeLine': 300,
  'workOrder.invoice': 300,
  'savedJob.insert': 200,
  'reminder.insertSavedJob': 200,
};
const runsOf = (procedure: string, runs: number) => rarelyAccepted[procedure] ?? runs;

/** Anything a JSON body can hold, biased towards the shapes and edges our fields see. */
const jsonValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 190, maxLength: 320 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -1,
    1.5,
    1885,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER,
    '',
    ' ',
    '17',
    null,
    true,
  ),
  // Control characters: PostgreSQL refuses U+0000 in text; one-line fields refuse line breaks.
  fc.constantFrom('\u0000', 'Ann\u0000Lee', 'two\nlines', 'tab\there', '\u001b[2J', '\u007f'),
  fc.constantFrom(
    '1HGCM82633A004352',
    '1HGCM82643A004352',
    'WVWZZZ1JZXW000001',
    'IOQ45678901234567',
  ),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
);

const fields = {
  customer: ['id', 'version', 'name', 'email', 'phone', 'address', 'notes'],
  vehicle: [
    'id',
    'version',
    'ownerId',
    'vin',
    'vinCheckDigit',
    'plate',
    'make',
    'model',
    'year',
    'mileage',
    'colour',
    'notes',
    'allowMileageDecrease',
  ],
};

// Keys no procedure knows, and near misses of real ones: each must be refused.
const unknownKeys = ['junk', 'Name', 'ownerID', 'colour ', 'constructor'];
const idValue = fc.oneof(fc.integer({ min: 1, max: 40 }), jsonValue);
// Rows start at version 1 and move on with each accepted edit: small versions often match.
const plausibleVersion = fc.oneof(
  { arbitrary: fc.constant(1), weight: 3 },
  { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 1 },
);
const versionValue = fc.oneof(
  { arbitrary: plausibleVersion, weight: 3 },
  { arbitrary: jsonValue, weight: 1 },
);

const inputFor = (names: string[]) => {
  const keyed = fc.dictionary(fc.constantFrom(...names, ...unknownKeys), jsonValue, {
    maxKeys: names.length,
  });
  return fc.oneof(
    keyed,
    // A partial update or a delete: an id that often exists, a version it may be at, and some
    // of the other fields.
    fc.tuple(idValue, versionValue, keyed).map(([id, version, rest]) => ({
      ...rest,
      id,
      ...(names.includes('version') ? { version } : {}),
    })),
    jsonValue,
  );
};

type Row = { id: number } & Record<string, unknown>;
type Snapshot = { customer: Row[]; vehicle: Row[] };

/** A row as it compares: without `updatedAt`, which any accepted write may move. */
const comparable = ({ updatedAt: _moved, ...row }: Row) => JSON.stringify(row);

/** What an accepted call may have changed, given its input; everything else must be equal. */
function expectOnlyNamedChanges(
  procedure: string,
  input: Record<string, unknown>,
  before: Snapshot,
  after: Snapshot,
) {
  const [entity, action] = procedure.split('.') as ['customer' | 'vehicle', string];
  const other = entity === 'customer' ? 'vehicle' : 'customer';
  expect(after[other].map(comparable)).toEqual(before[other].map(comparable));
  const rows = (snapshot: Snapshot) => new Map(snapshot[entity].map((row) => [row.id, row]));
  const [was, is] = [rows(before), rows(after)];
  const untouched = (id: number) => action === 'create' || id !== input.id;
  for (const [id, row] of was) {
    if (untouched(id)) expect(is.get(id) && comparable(is.get(id) as Row)).toBe(comparable(row));
  }
  if (action === 'create') expect(is.size).toBe(was.size + 1);
  if (action === 'delete') expect(is.has(Number(input.id))).toBe(false);
  if (action === 'update') {
    const previous = was.get(Number(input.id));
    const current = is.get(Number(input.id));
    if (!previous || !current) throw new Error(`update of a missing row: ${JSON.stringify(input)}`);
    for (const column of Object.keys(previous)) {
      if (column === 'updatedAt' || column in input) continue;
      expect(current[column], `${column} was not named`).toEqual(previous[column]);
    }
  }
}

describe('fuzzed mutations', () => {
  let api: TestApi;
  let cookie = '';

  async function snapshot(): Promise<Snapshot> {
    const [customer, vehicle] = await Promise.all([
      api.db.prisma.customer.findMany({ orderBy: { id: 'asc' } }),
      api.db.prisma.vehicle.findMany({ orderBy: { id: 'asc' } }),
    ]);
    return { customer, vehicle };
  }

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    const login = await fetch(`${api.base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'staff@garage.test', password: 'garage-demo' } }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // Customers with nothing on record, so that a delete the generator aims at one of the ids
    // it tries (with their first version) can succeed: the seed's all own vehicles.
    await api.db.prisma.customer.createMany({
      data: Array.from({ length: 8 }, (_, n) => ({ name: `Nothing on record ${n + 1}` })),
    });
  });
  afterAll(() => api.stop());

  it.each([
    ['customer.create', fields.customer],
    ['customer.update', fields.customer],
    ['customer.delete', ['id', 'version']],
    ['vehicle.create', fields.vehicle],
    ['vehicle.update', fields.vehicle],
    ['vehicle.delete', ['id', 'version']],
  ])(
    '%s: no 5xx; unknown keys refused; a refused request changes nothing, an accepted one only what it names',
    async (procedure, names) => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(inputFor(names), async (input) => {
          const before = await snapshot();
          const response = await fetch(`${api.base}/trpc/${procedure}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ json: input }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const sent = JSON.stringify(input);
          expect(response.status, sent).toBeLessThan(500);
          const after = await snapshot();
          const keyed = typeof input === 'object' && input !== null && !Array.isArray(input);
          if (keyed && Object.keys(input).some((key) => !names.includes(key))) {
            expect(response.status, sent).toBe(400);
          }
          if (response.status >= 400) expect(after, sent).toEqual(before);
          else expectOnlyNamedChanges(procedure, input as Record<string, unknown>, before, after);
        }),
        { numRuns: runsOf(procedure, runs), seed: 20261123 },
      );
      // The generator must reach the validation, not only the type checks in front of it, and
      // (for all but create, whose required fields random values rarely fill) a success.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      if (!procedure.endsWith('.create')) expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    },
    300_000,
  );
});

// The work-order mutations and the shop settings, under the same invariants. Generated Dates
// arrive as Dates: superjson's annotation is written by hand, since superjson itself refuses to
// encode the hostile keys the generator also sends.

/** A Date as superjson writes it; an invalid one as what a hostile client may send instead. */
const dateText = (date: Date) =>
  Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString();

/** The request body superjson would send for `input`, whose Dates are top-level values. */
function encode(input: unknown): unknown {
  if (input instanceof Date) return { json: dateText(input), meta: { values: ['Date'] } };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { json: input };
  const dates = Object.entries(input).filter(([, value]) => value instanceof Date);
  if (dates.length === 0) return { json: input };
  const json = {
    ...input,
    ...Object.fromEntries(dates.map(([key, date]) => [key, dateText(date)])),
  };
  return { json, meta: { values: Object.fromEntries(dates.map(([key]) => [key, ['Date']])) } };
}

const workOrderValue = fc.oneof(
  jsonValue,
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  // Instants far outside a shop's plans, some beyond what PostgreSQL can store.
  fc.constantFrom(
    new Date(Date.UTC(20_000, 0, 1)),
    new Date(Date.UTC(275_000, 0, 1)),
    new Date(Date.UTC(-5_000, 0, 1)),
    new Date(Date.UTC(1_000, 0, 1)),
  ),
  fc.constantFrom('labor', 'part', 'fee', 'Labour', '1.5', '4', '0.01', '0.001', '1e2', '-2'),
  fc.constantFrom('estimate', 'approved', 'in_progress', 'waiting_parts', 'ready', 'cancelled'),
  fc.constantFrom('invoiced', 'paid', 'phone', 'in_person', 'portal', 'UTC', 'EUR', 'Mars/Base'),
  fc.integer({ min: 0, max: 10_000 }),
  fc.array(fc.record({ lineId: fc.integer({ min: 1, max: 60 }), approved: fc.boolean() }), {
    minLength: 1,
    maxLength: 3,
  }),
);

/** What the database holds when a procedure's run starts: the ids worth aiming at. */
type Domain = {
  workOrderIds: number[];
  payments: { id: number; workOrderId: number; voided: boolean }[];
  lineIds: number[];
  linesByWorkOrder: [number, number[]][];
  /** Per work order, its lines still awaiting a decision (those with one). */
  pendingByWorkOrder: [number, number[]][];
  vehicleIds: number[];
  userIds: number[];
};

const text = fc.string({ minLength: 1, maxLength: 40 });
const reading = fc.integer({ min: 0, max: 400_000 });
const quantityText = fc.constantFrom('1', '1.5', '0.25', '4', '2.75', '10');
const priceCents = fc.integer({ min: 0, max: 100_000 });
const rateBps = fc.integer({ min: 0, max: 2_000 });
const statusName = fc.constantFrom(
  'estimate',
  'approved',
  'in_progress',
  'waiting_parts',
  'ready',
  'invoiced',
  'paid',
  'cancelled',
);

/**
 * Per procedure: a plausible value for each field (drawn from what exists), and the fields a
 * request needs. Plausible values reach the rules and succeed often enough; the junk mixed in
 * reaches every refusal.
 */
function workOrderShapes(domain: Domain) {
  const workOrderId = fc.constantFrom(...domain.workOrderIds);
  const lineId = fc.constantFrom(...domain.lineIds);
  const version = plausibleVersion;
  const line = {
    kind: fc.constantFrom('labor', 'part', 'fee'),
    description: text,
    quantity: quantityText,
    unitPriceCents: priceCents,
    taxRateBps: rateBps,
    partNumber: fc.option(text),
  };
  const decisionsOn = (byWorkOrder: [number, number[]][]) =>
    fc.constantFrom(...byWorkOrder).chain(([id, lines]) =>
      fc.record({
        workOrderId: fc.constant(id),
        decisions: fc.uniqueArray(
          fc.record({ lineId: fc.constantFrom(...lines), approved: fc.boolean() }),
          { selector: (decision) => decision.lineId, minLength: 1, maxLength: lines.length },
        ),
      }),
    );
  // Any lines (once work has started, a decided one among them is final: a refusal), or only
  // lines still pending (which work orders in every open status accept).
  const decided = domain.pendingByWorkOrder.length
    ? fc.oneof(decisionsOn(domain.linesByWorkOrder), decisionsOn(domain.pendingByWorkOrder))
    : decisionsOn(domain.linesByWorkOrder);
  return {
    'workOrder.create': {
      fields: {
        vehicleId: fc.constantFrom(...domain.vehicleIds),
        concern: text,
        odometerIn: reading,
        odometerCorrection: fc.boolean(),
        technicianId: fc.constantFrom(...domain.userIds),
        promisedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01') }),
      },
      required: ['vehicleId', 'concern', 'odometerIn'],
    },
    'workOrder.update': {
      fields: {
        id: workOrderId,
        version,
        concern: text,
        notes: fc.option(text),
        technicianId: fc.option(fc.constantFrom(...domain.userIds)),
        promisedAt: fc.option(
          fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01') }),
        ),
      },
      required: ['id', 'version'],
    },
    'workOrder.addLine': {
      fields: { workOrderId, ...line },
      required: ['workOrderId', 'kind', 'description', 'quantity'],
    },
    'workOrder.updateLine': {
      fields: { id: lineId, version, ...line },
      required: ['id', 'version'],
    },
    'workOrder.removeLine': { fields: { id: lineId, version }, required: ['id', 'version'] },
    'workOrder.decideLines': {
      fields: { channel: fc.constantFrom('phone', 'in_person') },
      required: [],
      base: decided,
    },
    'workOrder.setStatus': {
      fields: {
        id: workOrderId,
        status: statusName,
        odometerOut: reading,
        odometerCorrection: fc.boolean(),
      },
      required: ['id', 'status'],
    },
    'workOrder.invoice': {
      fields: {
        id: workOrderId,
        nextService: fc.record(
          {
            mileage: reading,
            date: fc
              .date({
                min: new Date('2020-01-01'),
                max: new Date('2040-01-01'),
                noInvalidDate: true,
              })
              .map((day) => day.toISOString().slice(0, 10)),
          },
          { requiredKeys: [] },
        ),
      },
      required: ['id'],
    },
    'workOrder.addPayment': {
      fields: {
        workOrderId,
        amountCents: priceCents,
        method: fc.constantFrom('cash', 'card', 'transfer', 'other', 'cheque'),
      },
      required: ['workOrderId', 'amountCents', 'method'],
    },
    'workOrder.voidPayment': {
      fields: { paymentId: fc.constantFrom(...domain.payments.map((row) => row.id)), reason: text },
      required: ['paymentId', 'reason'],
    },
    'workOrder.refund': {
      fields: {
        amountCents: fc.integer({ min: 1, max: 5_000 }),
        method: fc.constantFrom('cash', 'card', 'transfer', 'other', 'cheque'),
        reason: text,
      },
      required: ['amountCents', 'method', 'reason'],
      // A work order that was paid, and often one of its payments (one still counting).
      base: fc
        .constantFrom(...domain.payments.filter((payment) => !payment.voided))
        .chain((payment) =>
          fc.record(
            { workOrderId: fc.constant(payment.workOrderId), paymentId: fc.constant(payment.id) },
            { requiredKeys: ['workOrderId'] },
          ),
        ),
      baseKeys: ['workOrderId', 'paymentId'],
    },
    'workOrder.creditInvoice': {
      fields: { id: workOrderId, reason: text },
      required: ['id', 'reason'],
    },
    'settings.update': {
      fields: {
        name: text,
        address: fc.option(text),
        phone: fc.option(fc.constantFrom('+1 555 010 0000', '020 7946 0000')),
        defaultLaborRateCents: priceCents,
        defaultTaxRateBps: rateBps,
        currency: fc.constantFrom('USD', 'eur', 'GBP'),
        locale: fc.constantFrom('en-US', 'de-de', 'fr-CH', 'ar-EG', 'not a locale'),
        timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'america/chicago'),
      },
      required: [],
    },
  } satisfies Record<
    string,
    {
      fields: Record<string, fc.Arbitrary<unknown>>;
      required: string[];
      base?: fc.Arbitrary<Record<string, unknown>>;
      /** The keys `base` fills (decideLines' by default). */
      baseKeys?: string[];
    }
  >;
}

const workOrderProcedures = [
  'workOrder.create',
  'workOrder.update',
  'workOrder.addLine',
  'workOrder.updateLine',
  'workOrder.removeLine',
  'workOrder.decideLines',
  'workOrder.setStatus',
  'workOrder.invoice',
  'workOrder.addPayment',
  // Before voids: a payment voided has nothing left to refund.
  'workOrder.refund',
  'workOrder.voidPayment',
  'workOrder.creditInvoice',
  'settings.update',
] as const;

/** The key a request targets a work order (or line) by, for the procedures that have one. */
const targetKey: Record<string, string> = {
  'workOrder.update': 'id',
  'workOrder.setStatus': 'id',
  'workOrder.invoice': 'id',
  'workOrder.addPayment': 'workOrderId',
  'workOrder.refund': 'workOrderId',
  'workOrder.creditInvoice': 'id',
  'workOrder.addLine': 'workOrderId',
  'workOrder.decideLines': 'workOrderId',
  'workOrder.updateLine': 'id',
  'workOrder.removeLine': 'id',
};

function workOrderInputFor(shape: {
  fields: Record<string, fc.Arbitrary<unknown>>;
  required: string[];
  base?: fc.Arbitrary<Record<string, unknown>>;
  baseKeys?: string[];
}) {
  const baseKeys = shape.baseKeys ?? ['workOrderId', 'decisions'];
  const names = [...Object.keys(shape.fields), ...(shape.base ? baseKeys : [])];
  const plausible = fc
    .tuple(shape.base ?? fc.constant({}), fc.record(shape.fields, { requiredKeys: shape.required }))
    .map(([base, fields]) => ({ ...base, ...fields }));
  // One field (or an unknown key) replaced by junk.
  const spoiled = fc
    .tuple(plausible, fc.constantFrom(...names, ...unknownKeys), workOrderValue)
    .map(([input, key, value]) => ({ ...input, [key]: value }));
  const keyed = fc.dictionary(fc.constantFrom(...names, ...unknownKeys), workOrderValue, {
    maxKeys: names.length,
  });
  return {
    names,
    input: fc.oneof(
      { arbitrary: plausible, weight: 4 },
      { arbitrary: spoiled, weight: 3 },
      { arbitrary: keyed, weight: 1 },
      { arbitrary: workOrderValue, weight: 1 },
    ),
  };
}

type WorkOrderSnapshot = Record<
  | 'workOrders'
  | 'lines'
  | 'statusChanges'
  | 'readings'
  | 'payments'
  | 'paymentVoids'
  | 'refunds'
  | 'creditNotes'
  | 'vehicles'
  | 'settings',
  Row[]
>;

describe('fuzzed work-order mutations', () => {
  let api: TestApi;
  let cookie = '';

  async function snapshot(): Promise<WorkOrderSnapshot> {
    const { prisma } = api.db;
    const byId = { orderBy: { id: 'asc' } } as const;
    const [
      workOrders,
      lines,
      statusChanges,
      readings,
      payments,
      paymentVoids,
      refunds,
      creditNotes,
      vehicles,
      settings,
    ] = await Promise.all([
      prisma.workOrder.findMany(byId),
      prisma.workOrderLine.findMany(byId),
      prisma.statusChange.findMany(byId),
      prisma.odometerReading.findMany(byId),
      prisma.payment.findMany(byId),
      prisma.paymentVoid.findMany({
        ...byId,
        include: { payment: { select: { workOrderId: true } } },
      }),
      prisma.refund.findMany(byId),
      prisma.creditNote.findMany(byId),
      prisma.vehicle.findMany(byId),
      prisma.shopSettings.findMany(byId),
    ]);
    return {
      workOrders,
      // Decimals compare by value.
      lines: lines.map((line) => ({ ...line, quantity: line.quantity.toString() })),
      statusChanges,
      readings,
      payments,
      paymentVoids: paymentVoids.map(({ payment, ...row }) => ({
        ...row,
        workOrderId: payment.workOrderId,
      })),
      refunds,
      creditNotes,
      vehicles,
      settings,
    };
  }

  /** The work order an accepted call may have changed (a line's own, for line procedures). */
  function targetOf(
    procedure: string,
    input: Record<string, unknown>,
    before: WorkOrderSnapshot,
  ): number | undefined {
    const key = targetKey[procedure];
    if (!key) return undefined;
    const id = Number(input[key]);
    if (procedure.endsWith('Line') && procedure !== 'workOrder.addLine') {
      return Number(before.lines.find((line) => line.id === id)?.workOrderId);
    }
    return id;
  }

  /** The work order an accepted void changed: its payment's. */
  function voidTargetOf(input: Record<string, unknown>, before: WorkOrderSnapshot) {
    return Number(before.payments.find((row) => row.id === Number(input.paymentId))?.workOrderId);
  }

  /**
   * Work orders, lines and money movements other than the target's are as they were (a
   * payment, void, refund or credit note may only be added to the target), and no payment that
   * existed, the target's included, was edited or deleted; a creation (no target) adds exactly
   * one work order.
   */
  function expectOthersUntouched(
    target: number | undefined,
    before: WorkOrderSnapshot,
    after: WorkOrderSnapshot,
  ) {
    const existed = new Set(before.workOrders.map((row) => row.id));
    const others = (rows: Row[], workOrderIdOf: (row: Row) => unknown) =>
      rows
        .filter((row) => workOrderIdOf(row) !== target && existed.has(Number(workOrderIdOf(row))))
        .map(comparable);
    expect(others(after.workOrders, (row) => row.id)).toEqual(
      others(before.workOrders, (row) => row.id),
    );
    expect(others(after.lines, (row) => row.workOrderId)).toEqual(
      others(before.lines, (row) => row.workOrderId),
    );
    const added = target === undefined ? 1 : 0;
    expect(after.workOrders.length).toBe(before.workOrders.length + added);
    for (const table of ['payments', 'paymentVoids', 'refunds', 'creditNotes'] as const) {
      expect(
        others(after[table], (row) => row.workOrderId),
        table,
      ).toEqual(others(before[table], (row) => row.workOrderId));
    }
    const kept = new Map(after.payments.map((row) => [row.id, comparable(row)]));
    for (const payment of before.payments) expect(kept.get(payment.id)).toBe(comparable(payment));
  }

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    const login = await fetch(`${api.base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'admin@garage.test', password: 'garage-demo' } }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(() => api.stop());

  async function domain(): Promise<Domain> {
    const { prisma } = api.db;
    const [workOrders, payments, lines, vehicles, users] = await Promise.all([
      prisma.workOrder.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
      prisma.payment.findMany({
        select: { id: true, workOrderId: true, void: { select: { id: true } } },
        orderBy: { id: 'asc' },
      }),
      prisma.workOrderLine.findMany({
        select: { id: true, workOrderId: true, approval: true },
        orderBy: { id: 'asc' },
      }),
      prisma.vehicle.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
      prisma.user.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    ]);
    const byWorkOrder = new Map<number, number[]>();
    const pendingByWorkOrder = new Map<number, number[]>();
    for (const line of lines) {
      byWorkOrder.set(line.workOrderId, [...(byWorkOrder.get(line.workOrderId) ?? []), line.id]);
      if (line.approval !== 'pending') continue;
      const pending = pendingByWorkOrder.get(line.workOrderId) ?? [];
      pendingByWorkOrder.set(line.workOrderId, [...pending, line.id]);
    }
    return {
      workOrderIds: workOrders.map((row) => row.id),
      payments: payments.map(({ void: voided, ...payment }) => ({
        ...payment,
        voided: voided !== null,
      })),
      lineIds: lines.map((row) => row.id),
      linesByWorkOrder: [...byWorkOrder],
      pendingByWorkOrder: [...pendingByWorkOrder],
      vehicleIds: vehicles.map((row) => row.id),
      userIds: users.map((row) => row.id),
    };
  }

  it.each(workOrderProcedures)(
    '%s: no 5xx; unknown keys refused; a refused request changes nothing, an accepted one only its work order',
    async (procedure) => {
      const statuses = new Map<number, number>();
      const { names, input: inputs } = workOrderInputFor(
        workOrderShapes(await domain())[procedure],
      );
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = await snapshot();
          const response = await fetch(`${api.base}/trpc/${procedure}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify(encode(input)),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const sent = JSON.stringify(input);
          expect(response.status, sent).toBeLessThan(500);
          const after = await snapshot();
          const keyed = typeof input === 'object' && input !== null && !Array.isArray(input);
          if (keyed && Object.keys(input).some((key) => !names.includes(key))) {
            expect(response.status, sent).toBe(400);
          }
          if (response.status >= 400) {
            expect(after, sent).toEqual(before);
            return;
          }
          const fields = input as Record<string, unknown>;
          if (procedure === 'settings.update') {
            expect(after.workOrders).toEqual(before.workOrders);
            expect(after.lines).toEqual(before.lines);
          } else if (procedure === 'workOrder.voidPayment') {
            expectOthersUntouched(voidTargetOf(fields, before), before, after);
          } else {
            expectOthersUntouched(targetOf(procedure, fields, before), before, after);
          }
        }),
        { numRuns: runsOf(procedure, workOrderRuns), seed: 20261202 },
      );
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0);
    },
    600_000,
  );
});

// Saved jobs, templates and inspections under the same invariants: whatever comes in, no 5xx,
// unknown keys refused, a refused request changes nothing, an accepted one only the row it names
// (or adds one, or adds lines to the one work order it names, or to the one a reminder's
// vehicle has open). Templates are fuzzed without `isDefault`: making one the default moves the
// flag off the others by design (inspections.test.ts).

const inspectionRuns = 100;

type InspectionSnapshot = Record<
  | 'savedJobs'
  | 'savedJobLines'
  | 'templates'
  | 'templateItems'
  | 'inspections'
  | 'items'
  | 'photos'
  | 'lines',
  Row[]
>;

/** Per procedure: what an accepted call may change (the row, or the work order, it targets). */
const inspectionTargets: Record<
  string,
  { table: keyof InspectionSnapshot; key: string; adds?: keyof InspectionSnapshot }
> = {
  'savedJob.create': { table: 'savedJobs', key: '', adds: 'savedJobs' },
  'savedJob.update': { table: 'savedJobs', key: 'id' },
  'savedJob.delete': { table: 'savedJobs', key: 'id' },
  'savedJob.insert': { table: 'lines', key: 'workOrderId' },
  'inspection.start': { table: 'inspections', key: 'workOrderId', adds: 'inspections' },
  'inspection.gradeItem': { table: 'items', key: 'id' },
  'inspection.recommend': { table: 'lines', key: 'workOrderId' },
  'inspection.removePhoto': { table: 'photos', key: 'id' },
  // New lines only, on whichever work order the reminder's vehicle has open (or a new one).
  'reminder.insertSavedJob': { table: 'lines', key: 'workOrderId' },
  'inspection.createTemplate': { table: 'templates', key: '', adds: 'templates' },
  'inspection.updateTemplate': { table: 'templates', key: 'id' },
  'inspection.deleteTemplate': { table: 'templates', key: 'id' },
};

/** The column a delete empties on the rows that pointed at what it removed (ON DELETE SET NULL). */
const emptiedBy: Record<string, string> = {
  'savedJob.delete': 'savedJobId',
  'inspection.deleteTemplate': 'templateId',
};

describe('fuzzed saved-job and inspection mutations', () => {
  let api: TestApi;
  let cookie = '';

  async function snapshot(): Promise<InspectionSnapshot> {
    const { prisma } = api.db;
    const byId = { orderBy: { id: 'asc' } } as const;
    const decimals = (rows: Row[]) =>
      rows.map(
        (row) =>
          Object.fromEntries(
            Object.entries(row).map(([key, value]) => [
              key,
              typeof value === 'object' && value !== null && !(value instanceof Date)
                ? String(value)
                : value,
            ]),
          ) as Row,
      );
    const [rows, lines] = await Promise.all([
      inspectionRows(prisma),
      prisma.workOrderLine.findMany(byId),
    ]);
    return {
      ...rows,
      savedJobLines: decimals(rows.savedJobLines),
      templateItems: decimals(rows.templateItems),
      items: decimals(rows.items),
      lines: decimals(lines),
    };
  }

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    const login = await fetch(`${api.base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'admin@garage.test', password: 'garage-demo' } }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // Inspections of a few open work orders, some of their items findings, for every procedure
    // to aim at (whichever runs alone).
    const open = await api.db.prisma.workOrder.findMany({
      where: { status: { in: ['estimate', 'approved', 'in_progress'] } },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for (const { id } of open) {
      await fetch(`${api.base}/trpc/inspection.start`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { workOrderId: id } }),
      });
    }
    await api.db.prisma.inspectionItem.updateMany({
      where: { position: { lte: 10 } },
      data: { grade: 'advisory' },
    });
    // Photos of a few findings for the removals to aim at; reminders for the one-click inserts.
    const findings = await api.db.prisma.inspectionItem.findMany({
      where: { grade: 'advisory' },
      orderBy: { id: 'asc' },
      take: 4,
    });
    const photo = await phoneJpeg(40, 30);
    for (const { id } of findings) await uploadPhoto(api, cookie, id, photo);
    const vehicles = await api.db.prisma.vehicle.findMany({ orderBy: { id: 'asc' }, take: 3 });
    await api.db.prisma.serviceReminder.createMany({
      data: vehicles.map((vehicle) => ({
        vehicleId: vehicle.id,
        description: 'Fuzz service',
        dueMileage: 900_000,
      })),
    });
  });
  afterAll(() => api.stop());

  async function shapes() {
    const { prisma } = api.db;
    // The deletes' run may have removed every job, and the updates' given the rest a fitment
    // that leaves out every car: a few fresh ones for any vehicle to aim at.
    const forAnyVehicle = { make: null, yearFrom: null, yearTo: null };
    if ((await prisma.savedJob.count({ where: forAnyVehicle })) < 3) {
      for (const name of ['Fuzz job 1', 'Fuzz job 2', 'Fuzz job 3']) {
        await prisma.savedJob.create({
          data: {
            name,
            lines: {
              create: {
                position: 1,
                kind: 'fee',
                description: name,
                quantity: '1',
                unitPriceCents: 100,
              },
            },
          },
        });
      }
    }
    // Likewise templates, after the template deletes' run.
    if ((await prisma.inspectionTemplate.count()) < 3) {
      for (const name of ['Fuzz template 1', 'Fuzz template 2', 'Fuzz template 3']) {
        await prisma.inspectionTemplate.create({
          data: { name, items: { create: { position: 1, section: 'Fuzz', label: name } } },
        });
      }
    }
    const [jobs, workOrders, items, photos, reminders, templates] = await Promise.all([
      prisma.savedJob.findMany({ select: { id: true } }),
      prisma.workOrder.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
      prisma.inspectionItem.findMany({ select: { id: true } }),
      prisma.inspectionPhoto.findMany({ select: { id: true } }),
      prisma.serviceReminder.findMany({ select: { id: true } }),
      prisma.inspectionTemplate.findMany({ select: { id: true } }),
    ]);
    const anyOf = (rows: { id: number }[]) =>
      rows.length ? fc.constantFrom(...rows.map((row) => row.id)) : fc.constant(1);
    const jobId = fc.constantFrom(...jobs.map((row) => row.id));
    const workOrderId = fc.constantFrom(...workOrders.map((row) => row.id));
    const itemId = anyOf(items);
    const templateId = anyOf(templates);
    const templateItem = fc.record(
      {
        section: text,
        label: text,
        unit: fc.option(fc.constantFrom('mm', '%', '°C', '')),
        advisoryLimit: fc.option(fc.constantFrom('4', '3.5', '-20', 'x')),
        requiredLimit: fc.option(fc.constantFrom('3', '2', '-30')),
        savedJobId: fc.option(fc.oneof(jobId, fc.constant(2_000_000_000))),
      },
      { requiredKeys: ['section', 'label'] },
    );
    const template = { name: text, items: fc.array(templateItem, { minLength: 0, maxLength: 3 }) };
    const line = fc.record({
      kind: fc.constantFrom('labor', 'part', 'fee'),
      description: text,
      quantity: quantityText,
      unitPriceCents: priceCents,
    });
    const job = {
      name: text,
      make: fc.option(fc.constantFrom('Toyota', 'Honda', '')),
      model: fc.option(fc.constantFrom('Corolla', 'Civic')),
      yearFrom: fc.option(fc.integer({ min: 1990, max: 2030 })),
      yearTo: fc.option(fc.integer({ min: 1990, max: 2030 })),
      lines: fc.array(line, { minLength: 0, maxLength: 3 }),
    };
    return {
      'savedJob.create': { fields: job, required: ['name', 'lines'] },
      'savedJob.update': {
        fields: { id: jobId, version: plausibleVersion, ...job },
        required: ['id', 'version'],
      },
      'savedJob.delete': {
        fields: { id: jobId, version: plausibleVersion },
        required: ['id', 'version'],
      },
      'savedJob.insert': { fields: { workOrderId, savedJobId: jobId }, required: ['workOrderId'] },
      'inspection.start': { fields: { workOrderId }, required: ['workOrderId'] },
      'inspection.gradeItem': {
        fields: {
          id: itemId,
          version: plausibleVersion,
          grade: fc.constantFrom('ok', 'advisory', 'required', 'bad'),
          measurement: fc.oneof(fc.constantFrom('2.5', '-20', '4', '1e3', '0.001'), fc.double()),
          note: fc.option(text),
        },
        required: ['id', 'version'],
      },
      'inspection.recommend': { fields: { itemId }, required: ['itemId'] },
      'inspection.removePhoto': { fields: { id: anyOf(photos) }, required: ['id'] },
      'reminder.insertSavedJob': {
        fields: { reminderId: anyOf(reminders), savedJobId: jobId },
        required: ['reminderId', 'savedJobId'],
      },
      'inspection.createTemplate': { fields: template, required: ['name', 'items'] },
      'inspection.updateTemplate': {
        fields: { id: templateId, version: plausibleVersion, ...template },
        required: ['id', 'version'],
      },
      'inspection.deleteTemplate': {
        fields: { id: templateId, version: plausibleVersion },
        required: ['id', 'version'],
      },
    } satisfies Record<
      string,
      { fields: Record<string, fc.Arbitrary<unknown>>; required: string[] }
    >;
  }

  /** The work order a grade's or recommendation's item belongs to. */
  async function workOrderOfItem(itemId: unknown): Promise<number | undefined> {
    const isId = typeof itemId === 'number' && Number.isInteger(itemId) && itemId > 0;
    if (!isId || itemId > 2_147_483_647) return undefined;
    const item = await api.db.prisma.inspectionItem.findUnique({
      where: { id: itemId },
      select: { inspection: { select: { workOrderId: true } } },
    });
    return item?.inspection.workOrderId;
  }

  it.each(Object.keys(inspectionTargets))(
    '%s: no 5xx; unknown keys refused; a refused request changes nothing, an accepted one only its target',
    async (procedure) => {
      const statuses = new Map<number, number>();
      const all = await shapes();
      const { names, input: inputs } = workOrderInputFor(all[procedure as keyof typeof all]);
      const target = inspectionTargets[procedure];
      if (!target) throw new Error(`no target for ${procedure}`);
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = await snapshot();
          const keyed = typeof input === 'object' && input !== null && !Array.isArray(input);
          const fields = (keyed ? input : {}) as Record<string, unknown>;
          const recommendedOn =
            procedure === 'inspection.recommend' ? await workOrderOfItem(fields.itemId) : undefined;
          const response = await fetch(`${api.base}/trpc/${procedure}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify(encode(input)),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const sent = JSON.stringify(input);
          expect(response.status, sent).toBeLessThan(500);
          const after = await snapshot();
          if (keyed && Object.keys(input).some((key) => !names.includes(key))) {
            expect(response.status, sent).toBe(400);
          }
          if (response.status >= 400) {
            expect(after, sent).toEqual(before);
            return;
          }
          const targetId = recommendedOn ?? Number(fields[target.key]);
          const ownerKey =
            target.table === 'lines' || target.table === 'inspections' ? 'workOrderId' : 'id';
          // A delete leaves the rows that pointed at what it removed without it.
          const emptied = emptiedBy[procedure];
          const existed = new Set(before[target.table].map((row) => row.id));
          const comparableRows = (table: keyof InspectionSnapshot, rows: Row[]) =>
            rows
              .filter(
                (row) =>
                  table !== target.table || (row[ownerKey] !== targetId && existed.has(row.id)),
              )
              .map((row) => comparable(emptied ? { ...row, [emptied]: null } : row));
          for (const table of Object.keys(before) as (keyof InspectionSnapshot)[]) {
            // A saved job's lines are replaced with it; a started inspection copies its items.
            if (table === 'savedJobLines' && procedure.startsWith('savedJob.')) continue;
            if (table === 'items' && procedure === 'inspection.start') continue;
            if (table === 'templateItems' && procedure.endsWith('Template')) continue;
            expect(comparableRows(table, after[table]), `${table} ${sent}`).toEqual(
              comparableRows(table, before[table]),
            );
          }
          if (target.adds) {
            expect(after[target.adds].length - before[target.adds].length, sent).toBe(1);
          }
        }),
        { numRuns: runsOf(procedure, inspectionRuns), seed: 20261207 },
      );
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0);
    },
    600_000,
  );
});

// The message procedures and the estimate link, under the same invariants: a refused request
// writes no message, link, choice, template or decision; an accepted one writes only for the
// work order (or customer) it names. The delivery worker is stopped: only requests write.

type MessageSnapshot = Record<
  'messages' | 'links' | 'preferences' | 'templates' | 'kindsOff' | 'lines',
  Row[]
>;

describe('fuzzed message mutations', () => {
  let api: TestApi;
  let cookie = '';
  /** Per estimate made for the run: its id, lines and link's token. */
  const estimates: { id: number; lineIds: number[]; token: string }[] = [];
  let customerIds: number[] = [];

  async function snapshot(): Promise<MessageSnapshot> {
    const { prisma } = api.db;
    const byId = { orderBy: { id: 'asc' } } as const;
    const [messages, links, preferences, templates, kindsOff, lines] = await Promise.all([
      prisma.message.findMany({
        ...byId,
        select: { id: true, kind: true, workOrderId: true, customerId: true, subject: true },
      }),
      prisma.estimateLink.findMany({
        ...byId,
        select: { id: true, workOrderId: true, revokedAt: true },
      }),
      prisma.messagePreference.findMany({ orderBy: { customerId: 'asc' } }),
      prisma.messageTemplate.findMany({ orderBy: { kind: 'asc' } }),
      prisma.messageKindOff.findMany({ orderBy: { kind: 'asc' } }),
      prisma.workOrderLine.findMany({
        ...byId,
        select: { id: true, workOrderId: true, approval: true },
      }),
    ]);
    return {
      messages,
      links,
      preferences: preferences.map((row) => ({ id: row.customerId, ...row })),
      templates: templates.map((row) => ({ id: 0, ...row })),
      kindsOff: kindsOff.map((row) => ({ id: 0, ...row })),
      lines,
    };
  }

  beforeAll(async () => {
    api = await startApi({
      databaseUrl: await seededDatabaseUrl(),
      redisUrl: inject('redisUrl'),
      linkThrottle: { perIp: 1_000_000, windowSeconds: 60 },
    });
    await api.app.messaging.worker.stop();
    const login = await fetch(`${api.base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'admin@garage.test', password: 'garage-demo' } }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { createEstimateLink } = await import('../src/services/messages/estimate-links');
    const { customerIdOf, estimateWithLine } = await import('./support/work-orders');
    const aliceId = await customerIdOf(api, 'alice');
    const adminId = (
      await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@garage.test' } })
    ).id;
    for (let index = 0; index < 3; index++) {
      const made = await estimateWithLine(api, aliceId);
      const token = await api.db.prisma.$transaction((tx) =>
        createEstimateLink(tx, made.id, adminId),
      );
      estimates.push({ id: made.id, lineIds: made.lines.map((line) => line.id), token });
    }
    customerIds = (await api.db.prisma.customer.findMany({ select: { id: true } })).map(
      (row) => row.id,
    );
  });
  afterAll(() => api.stop());

  function shapes(): Record<
    string,
    { fields: Record<string, fc.Arbitrary<unknown>>; required: string[] }
  > {
    const workOrderId = fc.oneof(
      fc.constantFrom(...estimates.map((each) => each.id)),
      fc.integer({ min: 1, max: 40 }),
    );
    const lineId = fc.constantFrom(...estimates.flatMap((each) => each.lineIds));
    return {
      'message.send': {
        fields: { workOrderId, subject: fc.string({ maxLength: 30 }), body: fc.string() },
        required: ['workOrderId', 'subject', 'body'],
      },
      'message.estimateReady': { fields: { workOrderId }, required: ['workOrderId'] },
      'message.revokeLinks': { fields: { workOrderId }, required: ['workOrderId'] },
      'message.setPreferences': {
        fields: {
          customerId: fc.constantFrom(...customerIds),
          remindersOptOut: fc.boolean(),
          marketingOptOut: fc.boolean(),
        },
        required: ['customerId'],
      },
      'message.setSending': {
        fields: {
          kind: fc.constantFrom('estimate', 'ready', 'appointment_reminder', 'manual', 'sms'),
          send: fc.oneof(fc.boolean(), fc.constantFrom('yes', 1)),
        },
        required: ['kind', 'send'],
      },
      'message.updateTemplate': {
        fields: {
          kind: fc.constantFrom('estimate', 'ready', 'invoice', 'service_due', 'manual', 'sms'),
          subject: fc.constantFrom('{{workOrder}} ready', '{{nope}}', 'Hi', ''),
          body: fc.constantFrom('{{link}}', 'Hello {{customer}}', '{{ bad }}', 'x'.repeat(6_000)),
        },
        required: ['kind', 'subject', 'body'],
      },
      'estimateLink.decide': {
        fields: {
          token: fc.constantFrom(...estimates.map((each) => each.token), 'A'.repeat(43), 'short'),
          decisions: fc.array(fc.record({ lineId, approved: fc.boolean() }), {
            minLength: 1,
            maxLength: 3,
          }),
        },
        required: ['token', 'decisions'],
      },
    };
  }

  /** The work order an accepted call wrote for: named, or the token's. */
  function targetOf(input: Record<string, unknown>): number | undefined {
    if (typeof input.token === 'string') {
      return estimates.find((each) => each.token === input.token)?.id;
    }
    return typeof input.workOrderId === 'number' ? input.workOrderId : undefined;
  }

  it.each([
    // First: the others replace and revoke the links it decides through.
    'estimateLink.decide',
    'message.send',
    'message.estimateReady',
    'message.revokeLinks',
    'message.setPreferences',
    'message.setSending',
    'message.updateTemplate',
  ])(
    '%s: no 5xx; unknown keys refused; a refused request writes nothing, an accepted one only for its work order',
    async (procedure) => {
      const shape = shapes()[procedure];
      if (!shape) throw new Error(`no shape for ${procedure}`);
      const names = Object.keys(shape.fields);
      const plausible = fc.record(shape.fields, { requiredKeys: shape.required });
      const spoiled = fc
        .tuple(plausible, fc.constantFrom(...names, ...unknownKeys), jsonValue)
        .map(([input, key, value]) => ({ ...input, [key]: value }));
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { arbitrary: plausible, weight: 4 },
            { arbitrary: spoiled, weight: 3 },
            { arbitrary: jsonValue, weight: 1 },
          ),
          async (input) => {
            const before = await snapshot();
            const response = await fetch(`${api.base}/trpc/${procedure}`, {
              method: 'POST',
              headers: { cookie, 'content-type': 'application/json' },
              body: JSON.stringify({ json: input }),
            });
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const sent = JSON.stringify(input);
            expect(response.status, sent).toBeLessThan(500);
            const after = await snapshot();
            const keyed = typeof input === 'object' && input !== null && !Array.isArray(input);
            if (keyed && Object.keys(input).some((key) => !names.includes(key))) {
              expect(response.status, sent).toBe(400);
            }
            if (response.status >= 400) {
              expect(after, sent).toEqual(before);
              return;
            }
            const target = targetOf(input as Record<string, unknown>);
            const known = new Set(before.messages.map((row) => row.id));
            for (const written of after.messages.filter((row) => !known.has(row.id))) {
              expect(written.workOrderId, sent).toBe(target);
            }
            const othersOf = (rows: Row[]) =>
              rows.filter((row) => row.workOrderId !== target).map(comparable);
            expect(othersOf(after.lines), sent).toEqual(othersOf(before.lines));
            expect(othersOf(after.links), sent).toEqual(othersOf(before.links));
          },
        ),
        { numRuns: 150, seed: 20261207 },
      );
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0);
    },
    300_000,
  );
});

// The schedule's mutations (staff's and the portal's) under the same invariants: a refused
// request changes nothing of the schedule or the work orders; an accepted one changes only the
// appointment it names (a booking or a request adds exactly one, the customer's own), and the
// set-up's mutations leave every appointment as it was.

type ScheduleSnapshot = Record<
  | 'appointments'
  | 'bays'
  | 'openingHours'
  | 'workingHours'
  | 'daysOff'
  | 'settings'
  | 'workOrders'
  | 'messages',
  Row[]
>;

/** What the schedule holds when a procedure's run starts: the ids worth aiming at. */
type ScheduleDomain = {
  appointmentIds: number[];
  /** The booked appointments, at their versions. */
  booked: { id: number; version: number }[];
  bayIds: number[];
  userIds: number[];
  vehicleIds: number[];
  workOrderIds: number[];
};

const scheduleRuns = 150;
/** Noon UTC, 40 days ahead: the generated bookings land around it. */
const scheduleBase = Date.UTC(
  new Date().getUTCFullYear(),
  new Date().getUTCMonth(),
  new Date().getUTCDate() + 40,
  12,
);

/** A start on a quarter hour within ±10 days of the base, and an end up to 4 hours after it. */
const bookedSpan = fc
  .tuple(fc.integer({ min: -960, max: 960 }), fc.integer({ min: 1, max: 16 }))
  .map(([quarter, length]) => ({
    startsAt: new Date(scheduleBase + quarter * 900_000),
    endsAt: new Date(scheduleBase + (quarter + length) * 900_000),
  }));

function scheduleShapes(domain: ScheduleDomain) {
  const appointmentId = fc.constantFrom(...domain.appointmentIds);
  const bayId = fc.constantFrom(...domain.bayIds);
  const userId = fc.constantFrom(...domain.userIds);
  const minute = fc.integer({ min: 0, max: 1440 });
  const hours = (from: string, to: string) =>
    fc.uniqueArray(
      fc.record({ weekday: fc.integer({ min: 1, max: 7 }), [from]: minute, [to]: minute }),
      { selector: (span) => span.weekday, maxLength: 7 },
    );
  const span = { base: bookedSpan, baseKeys: ['startsAt', 'endsAt'] };
  const byVersion = {
    fields: { id: appointmentId, version: plausibleVersion },
    required: ['id', 'version'],
  };
  return {
    'schedule.book': {
      fields: {
        vehicleId: fc.constantFrom(...domain.vehicleIds),
        draft: fc.record(
          { name: text, phone: fc.option(fc.constantFrom('+1 555 010 0000', '020 7946 0000')) },
          { requiredKeys: ['name'] },
        ),
        concern: text,
        services: fc.array(text, { maxLength: 3 }),
        bayId,
        technicianId: userId,
        channel: fc.constantFrom('phone', 'walk_in', 'portal'),
        allowOutOfHours: fc.boolean(),
      },
      required: ['concern', 'channel'],
      ...span,
    },
    'schedule.move': {
      fields: {
        id: appointmentId,
        version: plausibleVersion,
        bayId: fc.option(bayId),
        technicianId: fc.option(userId),
        allowOutOfHours: fc.boolean(),
      },
      required: ['id', 'version'],
      ...span,
    },
    'schedule.confirm': {
      fields: { id: appointmentId, version: plausibleVersion, bayId, technicianId: userId },
      required: ['id', 'version'],
    },
    'schedule.arrive': {
      fields: {
        vehicleId: fc.constantFrom(...domain.vehicleIds),
        odometerIn: reading,
        workOrderId: fc.constantFrom(...domain.workOrderIds),
      },
      required: [],
      // Often a booked appointment at its version: the other fields decide.
      base: fc.oneof(
        fc.constantFrom(...domain.booked),
        fc.record({ id: appointmentId, version: plausibleVersion }),
      ),
      baseKeys: ['id', 'version'],
    },
    'schedule.noShow': byVersion,
    'schedule.cancel': byVersion,
    'schedule.createBay': {
      fields: { name: text, active: fc.boolean(), position: fc.integer({ min: -1, max: 1_000 }) },
      required: ['name'],
    },
    'schedule.updateBay': {
      fields: {
        id: bayId,
        version: plausibleVersion,
        name: text,
        active: fc.boolean(),
        position: fc.integer({ min: -1, max: 1_000 }),
      },
      required: ['id', 'version'],
    },
    'schedule.setOpeningHours': {
      fields: { hours: hours('opensMinute', 'closesMinute') },
      required: ['hours'],
    },
    'schedule.setWorkingHours': {
      fields: {
        technicianId: userId,
        hours: hours('startMinute', 'endMinute'),
        daysOff: fc.array(
          fc.record(
            {
              day: fc
                .date({
                  min: new Date('2020-01-01'),
                  max: new Date('2040-01-01'),
                  noInvalidDate: true,
                })
                .map((day) => day.toISOString().slice(0, 10)),
              reason: fc.option(text),
            },
            { requiredKeys: ['day'] },
          ),
          { maxLength: 3 },
        ),
      },
      required: ['technicianId', 'hours', 'daysOff'],
    },
    'schedule.updateSettings': {
      fields: {
        portalCutoffHours: fc.integer({ min: -1, max: 400 }),
        portalSlotMinutes: fc.integer({ min: 0, max: 600 }),
        portalHorizonDays: fc.integer({ min: 0, max: 100 }),
      },
      required: [],
    },
    'portalSchedule.request': {
      fields: {
        vehicleId: fc.constantFrom(...domain.vehicleIds),
        // The portal's slots start on the hour from the opening (07:00 UTC here).
        startsAt: fc
          .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 7, max: 17 }))
          .map(([days, hour]) => {
            const today = new Date();
            return new Date(
              Date.UTC(
                today.getUTCFullYear(),
                today.getUTCMonth(),
                today.getUTCDate() + days,
                hour,
              ),
            );
          }),
        concern: text,
        services: fc.array(text, { maxLength: 3 }),
      },
      required: ['vehicleId', 'startsAt', 'concern'],
    },
    'portalSchedule.cancel': byVersion,
  } satisfies Record<
    string,
    {
      fields: Record<string, fc.Arbitrary<unknown>>;
      required: string[];
      base?: fc.Arbitrary<Record<string, unknown>>;
      baseKeys?: string[];
    }
  >;
}

/** Each schedule mutation, and who calls it. */
const scheduleProcedures = [
  ['schedule.book', 'staff'],
  ['schedule.move', 'staff'],
  ['schedule.confirm', 'staff'],
  ['schedule.arrive', 'staff'],
  ['schedule.noShow', 'staff'],
  ['schedule.cancel', 'staff'],
  ['portalSchedule.request', 'alice'],
  ['portalSchedule.cancel', 'alice'],
  ['schedule.createBay', 'admin'],
  ['schedule.updateBay', 'admin'],
  ['schedule.setWorkingHours', 'admin'],
  ['schedule.updateSettings', 'admin'],
  // Last: hours that close the shop leave little for the others to book.
  ['schedule.setOpeningHours', 'admin'],
] as const;

/** The schedule's set-up: no appointment changes. */
const setUpProcedures: ReadonlySet<string> = new Set([
  'schedule.createBay',
  'schedule.updateBay',
  'schedule.setWorkingHours',
  'schedule.updateSettings',
  'schedule.setOpeningHours',
]);

describe('fuzzed schedule mutations', () => {
  let api: TestApi;
  const cookies: Record<string, string> = {};
  let aliceCustomerId = 0;

  async function snapshot(): Promise<ScheduleSnapshot> {
    const { prisma } = api.db;
    const byId = { orderBy: { id: 'asc' } } as const;
    const [
      appointments,
      bays,
      openingHours,
      workingHours,
      daysOff,
      settings,
      workOrders,
      messages,
    ] = await Promise.all([
      prisma.appointment.findMany(byId),
      prisma.bay.findMany(byId),
      prisma.openingHours.findMany({ orderBy: { weekday: 'asc' } }),
      prisma.workingHours.findMany({ orderBy: [{ technicianId: 'asc' }, { weekday: 'asc' }] }),
      prisma.dayOff.findMany({ orderBy: [{ technicianId: 'asc' }, { day: 'asc' }] }),
      prisma.scheduleSettings.findMany(byId),
      prisma.workOrder.findMany(byId),
      prisma.message.findMany({
        ...byId,
        select: { id: true, kind: true, customerId: true, appointmentId: true, status: true },
      }),
    ]);
    // Rows without an id of their own compare by their key.
    const keyed = <T extends object>(rows: T[]) => rows.map((row, id) => ({ id, ...row }));
    return {
      appointments,
      bays,
      openingHours: keyed(openingHours),
      workingHours: keyed(workingHours),
      daysOff: keyed(daysOff),
      settings,
      workOrders,
      messages,
    };
  }

  async function domain(): Promise<ScheduleDomain> {
    const { prisma } = api.db;
    const ids = { select: { id: true }, orderBy: { id: 'asc' } } as const;
    const [appointments, bays, users, vehicles, workOrders] = await Promise.all([
      prisma.appointment.findMany(ids),
      prisma.bay.findMany(ids),
      prisma.user.findMany(ids),
      prisma.vehicle.findMany(ids),
      prisma.workOrder.findMany(ids),
    ]);
    return {
      appointmentIds: appointments.map((row) => row.id),
      booked: await prisma.appointment.findMany({
        where: { status: 'booked' },
        select: { id: true, version: true },
        orderBy: { id: 'asc' },
      }),
      bayIds: bays.map((row) => row.id),
      userIds: users.map((row) => row.id),
      vehicleIds: vehicles.map((row) => row.id),
      workOrderIds: workOrders.map((row) => row.id),
    };
  }

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    // Only requests write: the confirmations they queue stay as written.
    await api.app.messaging.worker.stop();
    for (const who of ['staff', 'admin', 'alice']) {
      const login = await fetch(`${api.base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email: `${who}@garage.test`, password: 'garage-demo' } }),
      });
      cookies[who] = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
    const { prisma } = api.db;
    aliceCustomerId =
      (await prisma.user.findUniqueOrThrow({ where: { email: 'alice@garage.test' } })).customerId ??
      0;
    // In place of the demo seed's hours.
    await prisma.openingHours.deleteMany();
    await prisma.openingHours.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        opensMinute: 7 * 60,
        closesMinute: 18 * 60,
      })),
    });
    const [first] = await Promise.all([
      prisma.bay.create({ data: { name: 'Fuzz bay 1' } }),
      prisma.bay.create({ data: { name: 'Fuzz bay 2', position: 1 } }),
    ]);
    // Appointments of every kind to aim at: booked and requested ones of Alice's, a drafted
    // caller's, and some of other customers'.
    const vehicles = await prisma.vehicle.findMany({ take: 6, orderBy: { id: 'asc' } });
    const alices = await prisma.vehicle.findMany({ where: { ownerId: aliceCustomerId } });
    const owned = [...alices, ...vehicles];
    for (const [index, vehicle] of owned.entries()) {
      await prisma.appointment.create({
        data: {
          vehicleId: vehicle.id,
          customerId: vehicle.ownerId,
          concern: 'Fuzz',
          startsAt: new Date(scheduleBase + index * 2 * 3_600_000),
          endsAt: new Date(scheduleBase + (index * 2 + 1) * 3_600_000),
          bayId: first.id,
          status: index % 3 === 1 ? 'requested' : 'booked',
          channel: 'phone',
        },
      });
    }
    await prisma.appointment.create({
      data: {
        draftName: 'Caller',
        concern: 'Fuzz',
        startsAt: new Date(scheduleBase - 3_600_000),
        endsAt: new Date(scheduleBase),
        bayId: first.id,
        channel: 'phone',
      },
    });
  });
  afterAll(() => api.stop());

  /** Appointments other than `target` (all of them for a creation) are as they were. */
  function expectOtherAppointmentsUntouched(
    target: number | undefined,
    before: ScheduleSnapshot,
    after: ScheduleSnapshot,
  ) {
    const existed = new Set(before.appointments.map((row) => row.id));
    const others = (rows: Row[]) =>
      rows.filter((row) => row.id !== target && existed.has(row.id)).map(comparable);
    expect(others(after.appointments)).toEqual(others(before.appointments));
  }

  it.each(scheduleProcedures)(
    '%s: no 5xx; unknown keys refused; a refused request changes nothing, an accepted one only its appointment',
    async (procedure, who) => {
      const statuses = new Map<number, number>();
      const { names, input: inputs } = workOrderInputFor(scheduleShapes(await domain())[procedure]);
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = await snapshot();
          const response = await fetch(`${api.base}/trpc/${procedure}`, {
            method: 'POST',
            headers: { cookie: cookies[who] ?? '', 'content-type': 'application/json' },
            body: JSON.stringify(encode(input)),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const sent = JSON.stringify(input);
          expect(response.status, sent).toBeLessThan(500);
          const after = await snapshot();
          const keyed = typeof input === 'object' && input !== null && !Array.isArray(input);
          if (keyed && Object.keys(input).some((key) => !names.includes(key))) {
            expect(response.status, sent).toBe(400);
          }
          if (response.status >= 400) {
            expect(after, sent).toEqual(before);
            return;
          }
          const fields = input as Record<string, unknown>;
          const existingWorkOrders = (snapshot: ScheduleSnapshot) =>
            snapshot.workOrders
              .filter((row) => before.workOrders.some((was) => was.id === row.id))
              .map(comparable);
          expect(existingWorkOrders(after), sent).toEqual(existingWorkOrders(before));
          const creates = procedure === 'schedule.book' || procedure === 'portalSchedule.request';
          if (setUpProcedures.has(procedure)) {
            expect(after.appointments.map(comparable), sent).toEqual(
              before.appointments.map(comparable),
            );
            return;
          }
          expectOtherAppointmentsUntouched(creates ? undefined : Number(fields.id), before, after);
          expect(after.appointments.length, sent).toBe(
            before.appointments.length + (creates ? 1 : 0),
          );
          if (procedure === 'portalSchedule.request') {
            expect(after.appointments.at(-1)?.customerId, sent).toBe(aliceCustomerId);
          }
          // Only a booking or a confirmation writes a message: the confirmation of its own
          // appointment, to that appointment's customer (none for a drafted caller).
          const written = after.messages.slice(before.messages.length);
          const booked = creates
            ? after.appointments.at(-1)
            : after.appointments.find((row) => row.id === fields.id);
          const confirms =
            (procedure === 'schedule.book' || procedure === 'schedule.confirm') &&
            booked?.customerId !== null;
          expect(
            written.map((row) => [row.kind, row.appointmentId, row.customerId]),
            sent,
          ).toEqual(confirms ? [['appointment_confirmation', booked?.id, booked?.customerId]] : []);
          if (procedure === 'portalSchedule.cancel') {
            expect(after.appointments.find((row) => row.id === fields.id)?.customerId, sent).toBe(
              aliceCustomerId,
            );
          }
        }),
        { numRuns: scheduleRuns, seed: 20261207 },
      );
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0);
    },
    600_000,
  );
});
