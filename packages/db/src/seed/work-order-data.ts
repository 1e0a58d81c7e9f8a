// What the seeded work orders are made of: a catalog of jobs (groups of lines a customer
// approves or declines together) and the demo scenarios of alice and bob.
import type { WorkOrderStatus } from '../generated/prisma/client';

export type JobLine =
  | { kind: 'labor'; description: string; hours: string }
  | {
      kind: 'part';
      description: string;
      partNumber: string;
      quantity: string;
      unitPriceCents: number;
    }
  | { kind: 'fee'; description: string; unitPriceCents: number };

export type Job = { concern: string; lines: JobLine[] };

const shopSupplies: JobLine = { kind: 'fee', description: 'Shop supplies', unitPriceCents: 350 };

export const jobs = {
  // DESIGN.md's example: 1.5 h at 120.00, 4 x 7.49 and a 3.50 fee make 230.78 at 8.25 %.
  frontBrakes: {
    concern: 'Grinding noise from the front when braking',
    lines: [
      { kind: 'labor', description: 'Replace front brake pads', hours: '1.5' },
      {
        kind: 'part',
        description: 'Brake pad wear clip',
        partNumber: 'BPC-207',
        quantity: '4',
        unitPriceCents: 749,
      },
      shopSupplies,
    ],
  },
  oilService: {
    concern: 'Oil change due, light on the dashboard',
    lines: [
      { kind: 'labor', description: 'Oil and filter change', hours: '0.5' },
      {
        kind: 'part',
        description: 'Engine oil 5W-30, 5 qt',
        partNumber: 'OIL-5W30-5',
        quantity: '1',
        unitPriceCents: 3_299,
      },
      {
        kind: 'part',
        description: 'Oil filter',
        partNumber: 'OF-2231',
        quantity: '1',
        unitPriceCents: 899,
      },
    ],
  },
  brakeRotors: {
    concern: 'Steering wheel shakes when stopping',
    lines: [
      { kind: 'labor', description: 'Replace front brake rotors', hours: '1.2' },
      {
        kind: 'part',
        description: 'Front brake rotor',
        partNumber: 'BR-2210',
        quantity: '2',
        unitPriceCents: 7_450,
      },
    ],
  },
  tyreRotation: {
    concern: 'Uneven tyre wear',
    lines: [{ kind: 'labor', description: 'Rotate and balance tyres', hours: '0.75' }],
  },
  battery: {
    concern: 'Slow to start on cold mornings',
    lines: [
      { kind: 'labor', description: 'Test and replace battery', hours: '0.3' },
      {
        kind: 'part',
        description: '12 V battery, group H6',
        partNumber: 'BAT-H6',
        quantity: '1',
        unitPriceCents: 15_999,
      },
    ],
  },
  wipers: {
    concern: 'Wipers streak the windscreen',
    lines: [
      {
        kind: 'part',
        description: 'Wiper blade, 22 in',
        partNumber: 'WB-22',
        quantity: '2',
        unitPriceCents: 1_899,
      },
    ],
  },
  diagnosis: {
    concern: 'Check-engine light is on',
    lines: [{ kind: 'labor', description: 'Diagnose check-engine light', hours: '1' }],
  },
  coolant: {
    concern: 'Temperature gauge runs high',
    lines: [
      { kind: 'labor', description: 'Coolant flush and pressure test', hours: '1' },
      {
        kind: 'part',
        description: 'Coolant 50/50, 1 gal',
        partNumber: 'CL-5050',
        quantity: '2',
        unitPriceCents: 1_799,
      },
      shopSupplies,
    ],
  },
  alignment: {
    concern: 'Pulls to the left on the highway',
    lines: [{ kind: 'labor', description: 'Four-wheel alignment', hours: '1.25' }],
  },
  cabinFilter: {
    concern: 'Musty smell from the vents',
    lines: [
      {
        kind: 'part',
        description: 'Cabin air filter',
        partNumber: 'CAF-118',
        quantity: '1',
        unitPriceCents: 2_499,
      },
      { kind: 'labor', description: 'Replace cabin air filter', hours: '0.25' },
    ],
  },
  sparkPlugs: {
    concern: 'Engine misfires when accelerating',
    lines: [
      { kind: 'labor', description: 'Replace spark plugs', hours: '1.1' },
      {
        kind: 'part',
        description: 'Iridium spark plug',
        partNumber: 'SP-IX4',
        quantity: '4',
        unitPriceCents: 1_149,
      },
    ],
  },
} satisfies Record<string, Job>;

export type JobName = keyof typeof jobs;

/** The jobs generated work orders draw from. */
export const everyJob: ReadonlyArray<JobName> = [
  'frontBrakes',
  'oilService',
  'brakeRotors',
  'tyreRotation',
  'battery',
  'wipers',
  'diagnosis',
  'coolant',
  'alignment',
  'cabinFilter',
  'sparkPlugs',
];

export type NextService = { description: string; afterDays: number; afterMiles: number };

/** One seeded work order, described the way a service adviser would tell it. */
export type Scenario = {
  status: WorkOrderStatus;
  /** When it was opened, in days before the seed's `now`. */
  daysAgo: number;
  jobs: JobName[];
  /** Jobs the customer declined (they stay on the vehicle as recommendations). */
  declined?: JobName[];
  /** A job found during the work, added after approval and still pending. */
  addedAfterApproval?: JobName;
  waitedForParts?: boolean;
  /** Decided by the customer in the portal; otherwise staff recorded a phone approval. */
  decidedInPortal?: boolean;
  /** Which of the two technicians, or none yet. */
  technician: 0 | 1 | null;
  /** Invoiced: a partial payment (or none); paid: one payment or two. */
  payments?: 'partial' | 'full' | 'two';
  nextService?: NextService;
};

const oilReminder: NextService = {
  description: 'Oil and filter change',
  afterDays: 210,
  afterMiles: 7_500,
};

/** alice's and bob's work orders: together they hold every status. */
export const demoScenarios: Record<
  'alice' | 'bob',
  ReadonlyArray<Scenario & { vehicle: number }>
> = {
  alice: [
    {
      vehicle: 0,
      status: 'paid',
      daysAgo: 200,
      jobs: ['oilService', 'wipers'],
      declined: ['wipers'],
      decidedInPortal: true,
      technician: 0,
      payments: 'full',
      // Due by date 10 days after the seed: on the "due soon" list.
      nextService: oilReminder,
    },
    {
      vehicle: 0,
      status: 'ready',
      daysAgo: 1,
      jobs: ['frontBrakes'],
      decidedInPortal: true,
      technician: 1,
    },
    {
      vehicle: 1,
      status: 'invoiced',
      daysAgo: 4,
      jobs: ['battery', 'tyreRotation'],
      technician: 0,
      payments: 'partial',
    },
    {
      vehicle: 1,
      status: 'estimate',
      daysAgo: 0,
      jobs: ['brakeRotors', 'cabinFilter', 'alignment'],
      technician: null,
    },
  ],
  bob: [
    {
      vehicle: 0,
      status: 'paid',
      daysAgo: 400,
      jobs: ['coolant', 'sparkPlugs'],
      declined: ['sparkPlugs'],
      technician: 1,
      payments: 'two',
      // Far in the future by date, but the odometer trend brings it due by mileage.
      nextService: { description: 'Coolant check', afterDays: 720, afterMiles: 12_000 },
    },
    {
      vehicle: 0,
      status: 'in_progress',
      daysAgo: 0,
      jobs: ['diagnosis'],
      addedAfterApproval: 'sparkPlugs',
      technician: 0,
    },
    {
      vehicle: 1,
      status: 'waiting_parts',
      daysAgo: 2,
      jobs: ['brakeRotors'],
      technician: 1,
    },
    {
      vehicle: 2,
      status: 'approved',
      daysAgo: 0,
      jobs: ['oilService', 'tyreRotation'],
      technician: 0,
    },
    {
      vehicle: 2,
      status: 'cancelled',
      daysAgo: 30,
      jobs: ['alignment'],
      declined: ['alignment'],
      technician: null,
    },
  ],
};
