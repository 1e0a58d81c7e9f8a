import type { PrismaClient } from '../generated/prisma/client';

// The saved jobs and the default multi-point inspection a new shop starts with: the jobs price
// the findings of the items that name them. Seeded once, when the shop has no template yet.

type SeedLine = {
  kind: 'labor' | 'part' | 'fee';
  description: string;
  quantity: string;
  unitPriceCents: number;
  partNumber?: string;
};

const savedJobs: { name: string; lines: SeedLine[] }[] = [
  {
    name: 'Front brake pads',
    lines: [
      {
        kind: 'labor',
        description: 'Replace front brake pads',
        quantity: '1.2',
        unitPriceCents: 12_000,
      },
      {
        kind: 'part',
        description: 'Front brake pad set',
        quantity: '1',
        unitPriceCents: 6_450,
        partNumber: 'BP-F-220',
      },
      {
        kind: 'fee',
        description: 'Brake cleaner and disposal',
        quantity: '1',
        unitPriceCents: 450,
      },
    ],
  },
  {
    name: 'Rear brake pads',
    lines: [
      {
        kind: 'labor',
        description: 'Replace rear brake pads',
        quantity: '1',
        unitPriceCents: 12_000,
      },
      {
        kind: 'part',
        description: 'Rear brake pad set',
        quantity: '1',
        unitPriceCents: 5_290,
        partNumber: 'BP-R-118',
      },
    ],
  },
  {
    name: 'Two tyres',
    lines: [
      {
        kind: 'labor',
        description: 'Mount and balance two tyres',
        quantity: '0.8',
        unitPriceCents: 12_000,
      },
      { kind: 'part', description: 'Tyre 205/55 R16', quantity: '2', unitPriceCents: 9_800 },
    ],
  },
  {
    name: 'Battery replacement',
    lines: [
      {
        kind: 'labor',
        description: 'Replace and register battery',
        quantity: '0.5',
        unitPriceCents: 12_000,
      },
      {
        kind: 'part',
        description: 'AGM battery 70 Ah',
        quantity: '1',
        unitPriceCents: 17_900,
        partNumber: 'BAT-70-AGM',
      },
    ],
  },
  {
    name: 'Coolant flush',
    lines: [
      {
        kind: 'labor',
        description: 'Flush and refill coolant',
        quantity: '1',
        unitPriceCents: 12_000,
      },
      {
        kind: 'part',
        description: 'Coolant concentrate 5 l',
        quantity: '1',
        unitPriceCents: 2_990,
      },
    ],
  },
  {
    name: 'Wiper blades',
    lines: [
      { kind: 'part', description: 'Wiper blade pair', quantity: '1', unitPriceCents: 3_200 },
    ],
  },
  // The service the seed's paid oil changes leave due: "Due soon" offers it, priced.
  {
    name: 'Oil and filter change',
    lines: [
      {
        kind: 'labor',
        description: 'Oil and filter change',
        quantity: '0.5',
        unitPriceCents: 12_000,
      },
      { kind: 'part', description: 'Engine oil 5W-30, 5 l', quantity: '1', unitPriceCents: 3_490 },
      {
        kind: 'part',
        description: 'Oil filter',
        quantity: '1',
        unitPriceCents: 890,
        partNumber: 'OF-102',
      },
    ],
  },
];

type SeedItem = {
  section: string;
  label: string;
  unit?: string;
  advisoryLimit?: string;
  requiredLimit?: string;
  job?: string;
};

/** The default template: 30 points, measurements where a gauge answers better than an eye. */
const multiPoint: SeedItem[] = [
  {
    section: 'Tyres',
    label: 'Front left tread depth',
    unit: 'mm',
    advisoryLimit: '4',
    requiredLimit: '3',
    job: 'Two tyres',
  },
  {
    section: 'Tyres',
    label: 'Front right tread depth',
    unit: 'mm',
    advisoryLimit: '4',
    requiredLimit: '3',
    job: 'Two tyres',
  },
  {
    section: 'Tyres',
    label: 'Rear left tread depth',
    unit: 'mm',
    advisoryLimit: '4',
    requiredLimit: '3',
    job: 'Two tyres',
  },
  {
    section: 'Tyres',
    label: 'Rear right tread depth',
    unit: 'mm',
    advisoryLimit: '4',
    requiredLimit: '3',
    job: 'Two tyres',
  },
  { section: 'Tyres', label: 'Tyre pressures set' },
  { section: 'Tyres', label: 'Spare tyre or repair kit' },
  {
    section: 'Brakes',
    label: 'Front pad thickness',
    unit: 'mm',
    advisoryLimit: '4',
    requiredLimit: '3',
    job: 'Front brake pads',
  },
  {
    section: 'Brakes',
    label: 'Rear pad thickness',
    unit: 'mm',
    advisoryLimit: '4',
    requiredLimit: '3',
    job: 'Rear brake pads',
  },
  { section: 'Brakes', label: 'Front discs' },
  { section: 'Brakes', label: 'Rear discs or drums' },
  { section: 'Brakes', label: 'Brake fluid' },
  { section: 'Brakes', label: 'Parking brake' },
  {
    section: 'Under the bonnet',
    label: 'Battery health',
    unit: '%',
    advisoryLimit: '70',
    requiredLimit: '50',
    job: 'Battery replacement',
  },
  {
    section: 'Under the bonnet',
    label: 'Coolant freeze point',
    unit: '°C',
    advisoryLimit: '-30',
    requiredLimit: '-20',
    job: 'Coolant flush',
  },
  { section: 'Under the bonnet', label: 'Engine oil level and condition' },
  { section: 'Under the bonnet', label: 'Drive belt' },
  { section: 'Under the bonnet', label: 'Hoses and clamps' },
  { section: 'Under the bonnet', label: 'Air filter' },
  { section: 'Under the bonnet', label: 'Washer fluid' },
  { section: 'Steering and suspension', label: 'Shock absorbers' },
  { section: 'Steering and suspension', label: 'Ball joints and track rod ends' },
  { section: 'Steering and suspension', label: 'Drive shaft boots' },
  { section: 'Steering and suspension', label: 'Wheel bearings' },
  { section: 'Underbody', label: 'Exhaust system' },
  { section: 'Underbody', label: 'Oil and fluid leaks' },
  { section: 'Lights and visibility', label: 'Headlights and indicators' },
  { section: 'Lights and visibility', label: 'Brake lights' },
  { section: 'Lights and visibility', label: 'Wiper blades', job: 'Wiper blades' },
  { section: 'Lights and visibility', label: 'Windscreen' },
  { section: 'Lights and visibility', label: 'Horn' },
];

/** Seeds the saved jobs and the default inspection template, once (when there is no template). */
export async function seedInspections(prisma: PrismaClient): Promise<void> {
  if ((await prisma.inspectionTemplate.count()) > 0) return;
  const jobIds = new Map<string, number>();
  for (const job of savedJobs) {
    const created = await prisma.savedJob.create({
      data: {
        name: job.name,
        lines: { create: job.lines.map((line, index) => ({ ...line, position: index + 1 })) },
      },
      select: { id: true },
    });
    jobIds.set(job.name, created.id);
  }
  await prisma.inspectionTemplate.create({
    data: {
      name: 'Multi-point inspection',
      isDefault: true,
      items: {
        create: multiPoint.map(({ job, ...item }, index) => ({
          ...item,
          position: index + 1,
          savedJobId: job === undefined ? null : (jobIds.get(job) ?? null),
        })),
      },
    },
  });
}
