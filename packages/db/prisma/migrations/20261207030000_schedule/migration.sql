-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gist";

-- AlterEnum
ALTER TYPE "EditedRecord" ADD VALUE 'appointment';
ALTER TYPE "EditedRecord" ADD VALUE 'bay';

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('requested', 'booked', 'arrived', 'no_show', 'cancelled');

-- CreateEnum
CREATE TYPE "AppointmentChannel" AS ENUM ('phone', 'walk_in', 'portal');

-- CreateTable
CREATE TABLE "Bay" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningHours" (
    "weekday" INTEGER NOT NULL,
    "opensMinute" INTEGER NOT NULL,
    "closesMinute" INTEGER NOT NULL,

    CONSTRAINT "OpeningHours_pkey" PRIMARY KEY ("weekday")
);

-- CreateTable
CREATE TABLE "WorkingHours" (
    "technicianId" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "WorkingHours_pkey" PRIMARY KEY ("technicianId","weekday")
);

-- CreateTable
CREATE TABLE "DayOff" (
    "technicianId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT,

    CONSTRAINT "DayOff_pkey" PRIMARY KEY ("technicianId","day")
);

-- CreateTable
CREATE TABLE "ScheduleSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "portalCutoffHours" INTEGER NOT NULL DEFAULT 24,
    "portalSlotMinutes" INTEGER NOT NULL DEFAULT 60,
    "portalHorizonDays" INTEGER NOT NULL DEFAULT 21,

    CONSTRAINT "ScheduleSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER,
    "vehicleId" INTEGER,
    "draftName" TEXT,
    "draftPhone" TEXT,
    "draftVehicle" TEXT,
    "concern" TEXT NOT NULL,
    "services" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "bayId" INTEGER,
    "technicianId" INTEGER,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'booked',
    "channel" "AppointmentChannel" NOT NULL,
    "bookedById" INTEGER,
    "outOfHours" BOOLEAN NOT NULL DEFAULT false,
    "workOrderId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Bay_name_key" ON "Bay"("name");

-- CreateIndex
CREATE INDEX "Bay_active_position_idx" ON "Bay"("active", "position");

-- CreateIndex
CREATE INDEX "Appointment_startsAt_idx" ON "Appointment"("startsAt");

-- CreateIndex
CREATE INDEX "Appointment_bayId_startsAt_idx" ON "Appointment"("bayId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_technicianId_startsAt_idx" ON "Appointment"("technicianId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_customerId_startsAt_idx" ON "Appointment"("customerId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_workOrderId_idx" ON "Appointment"("workOrderId");

-- AddForeignKey
ALTER TABLE "WorkingHours" ADD CONSTRAINT "WorkingHours_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayOff" ADD CONSTRAINT "DayOff_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_bayId_fkey" FOREIGN KEY ("bayId") REFERENCES "Bay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The rules of the schedule that the database keeps itself (no semicolons or quotes in these
-- comments: the schema engine splits the script on them).
ALTER TABLE "OpeningHours" ADD CONSTRAINT "OpeningHours_valid"
    CHECK ("weekday" BETWEEN 1 AND 7 AND "opensMinute" >= 0 AND "closesMinute" <= 1440 AND "opensMinute" < "closesMinute");
ALTER TABLE "WorkingHours" ADD CONSTRAINT "WorkingHours_valid"
    CHECK ("weekday" BETWEEN 1 AND 7 AND "startMinute" >= 0 AND "endMinute" <= 1440 AND "startMinute" < "endMinute");
ALTER TABLE "ScheduleSettings" ADD CONSTRAINT "ScheduleSettings_valid"
    CHECK ("portalCutoffHours" >= 0 AND "portalSlotMinutes" > 0 AND "portalHorizonDays" > 0);
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_ends_after_start" CHECK ("endsAt" > "startsAt");
-- A known customer, or one drafted on the phone by name.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_has_customer"
    CHECK ("customerId" IS NOT NULL OR "draftName" IS NOT NULL);

-- No double booking: while an appointment is requested, booked or arrived, its bay and its
-- technician are its own for [startsAt, endsAt). Two bookings of one slot committed at the same
-- moment cannot both pass: the loser gets SQLSTATE 23P01 naming the constraint.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_bay_no_overlap"
    EXCLUDE USING gist ("bayId" WITH =, tsrange("startsAt", "endsAt") WITH &&)
    WHERE ("bayId" IS NOT NULL AND "status" IN ('requested', 'booked', 'arrived'));
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_technician_no_overlap"
    EXCLUDE USING gist ("technicianId" WITH =, tsrange("startsAt", "endsAt") WITH &&)
    WHERE ("technicianId" IS NOT NULL AND "status" IN ('requested', 'booked', 'arrived'));
