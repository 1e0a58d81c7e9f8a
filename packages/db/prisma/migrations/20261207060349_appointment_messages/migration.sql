-- Messages of the schedule (issue 26): an appointment's confirmation and its reminder the day
-- before (one per appointment and day: onceKey), and the kinds of message a shop turned off.

-- AlterEnum
ALTER TYPE "MessageKind" ADD VALUE 'appointment_confirmation';
ALTER TYPE "MessageKind" ADD VALUE 'appointment_reminder';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "appointmentId" INTEGER,
ADD COLUMN     "onceKey" TEXT;

-- CreateTable
CREATE TABLE "MessageKindOff" (
    "kind" "MessageKind" NOT NULL,
    "turnedOffAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "turnedOffById" INTEGER,

    CONSTRAINT "MessageKindOff_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "Message_onceKey_key" ON "Message"("onceKey");

-- CreateIndex
CREATE INDEX "Message_appointmentId_idx" ON "Message"("appointmentId");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageKindOff" ADD CONSTRAINT "MessageKindOff_turnedOffById_fkey" FOREIGN KEY ("turnedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
