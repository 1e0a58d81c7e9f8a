import type { Prisma } from '@garage/db';
import type { SessionUser } from '../auth/sessions';

/** Who is looking: what the rule needs of a signed-in user. */
export type Viewer = Pick<SessionUser, 'role' | 'customerId'>;

/** The rows of each entity a viewer may see, as Prisma `where`s. */
export interface Visible {
  vehicle: Prisma.VehicleWhereInput;
  workOrder: Prisma.WorkOrderWhereInput;
  creditNote: Prisma.CreditNoteWhereInput;
  odometerReading: Prisma.OdometerReadingWhereInput;
  inspection: Prisma.InspectionWhereInput;
  inspectionPhoto: Prisma.InspectionPhotoWhereInput;
  appointment: Prisma.AppointmentWhereInput;
}

const everything: Visible = {
  vehicle: {},
  workOrder: {},
  creditNote: {},
  odometerReading: {},
  inspection: {},
  inspectionPhoto: {},
  appointment: {},
};

// A customer account without a customer record.
const none = { id: { in: [] } };
const nothing: Visible = {
  vehicle: none,
  workOrder: none,
  creditNote: none,
  odometerReading: none,
  inspection: none,
  inspectionPhoto: none,
  appointment: none,
};

/**
 * Who may see a row: the one rule, which every read by id, every list of a customer's own rows,
 * the PDF routes and the live filter apply. Staff and admins see every row. A customer sees the
 * vehicles they own now; the work orders where they are the customer (the vehicle's owner when
 * it was opened, so a car sold since stays in its old owner's history and never reaches the new
 * owner's), and what belongs to a work order (its credit notes, its inspection and the inspection's
 * photos) through it; and of an odometer log, the readings of their work orders and those taken
 * on none of a vehicle they own; and the appointments booked for them.
 */
export function visibleTo(viewer: Viewer): Visible {
  switch (viewer.role) {
    case 'admin':
    case 'staff':
      return everything;
    case 'customer': {
      if (viewer.customerId === null) return nothing;
      const vehicle = { ownerId: viewer.customerId } satisfies Prisma.VehicleWhereInput;
      const workOrder = { customerId: viewer.customerId } satisfies Prisma.WorkOrderWhereInput;
      return {
        vehicle,
        workOrder,
        creditNote: { workOrder },
        odometerReading: { OR: [{ workOrder }, { workOrderId: null, vehicle }] },
        inspection: { workOrder },
        inspectionPhoto: { item: { inspection: { workOrder } } },
        // Their own appointments on the schedule: never another's, whose time the portal shows
        // only as not free.
        appointment: { customerId: viewer.customerId },
      };
    }
  }
}
