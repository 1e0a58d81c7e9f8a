-- CreateEnum
CREATE TYPE "WorkOrderStatus" AS ENUM ('estimate', 'approved', 'in_progress', 'waiting_parts', 'ready', 'invoiced', 'paid', 'cancelled');

-- CreateEnum
CREATE TYPE "LineKind" AS ENUM ('labor', 'part', 'fee');

-- CreateEnum
CREATE TYPE "LineApproval" AS ENUM ('pending', 'approved', 'declined');

-- CreateEnum
CREATE TYPE "DecisionChannel" AS ENUM ('portal', 'phone', 'in_person');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('cash', 'card', 'transfer', 'other');

-- CreateEnum
CREATE TYPE "OdometerSource" AS ENUM ('work_order_in', 'work_order_out', 'manual', 'vehicle_form');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isTechnician" BOOLEAN NOT NULL DEFAULT false;

-- Work order numbers (written by hand): WO- and at least six digits from a sequence, more once
-- it outgrows them (lpad alone would truncate WO-1000000 to WO-100000).
CREATE SEQUENCE "WorkOrder_number_seq";
CREATE FUNCTION next_work_order_number() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'WO-' || lpad(n::text, greatest(6, length(n::text)), '0')
  FROM nextval('"WorkOrder_number_seq"') AS n
$$;

-- CreateTable
CREATE TABLE "WorkOrder" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL DEFAULT next_work_order_number(),
    "vehicleId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "status" "WorkOrderStatus" NOT NULL DEFAULT 'estimate',
    "concern" TEXT NOT NULL,
    "notes" TEXT,
    "technicianId" INTEGER,
    "odometerIn" INTEGER NOT NULL,
    "odometerOut" INTEGER,
    "promisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "invoicedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "invoiceNumber" INTEGER,
    "invoiceSettings" JSONB,

    CONSTRAINT "WorkOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderLine" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "LineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "partNumber" TEXT,
    "quantity" DECIMAL(10,2) NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "taxRateBps" INTEGER NOT NULL,
    "approval" "LineApproval" NOT NULL DEFAULT 'pending',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionChannel" "DecisionChannel",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "recordedById" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "from" "WorkOrderStatus",
    "to" "WorkOrderStatus" NOT NULL,
    "byId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OdometerReading" (
    "id" SERIAL NOT NULL,
    "vehicleId" INTEGER NOT NULL,
    "reading" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "OdometerSource" NOT NULL,
    "workOrderId" INTEGER,
    "correction" BOOLEAN NOT NULL DEFAULT false,
    "implausible" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" INTEGER,

    CONSTRAINT "OdometerReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceReminder" (
    "id" SERIAL NOT NULL,
    "vehicleId" INTEGER NOT NULL,
    "workOrderId" INTEGER,
    "description" TEXT NOT NULL,
    "dueMileage" INTEGER,
    "dueDate" DATE,
    "setById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ServiceReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'Garage',
    "address" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "defaultLaborRateCents" INTEGER NOT NULL DEFAULT 12000,
    "defaultTaxRateBps" INTEGER NOT NULL DEFAULT 825,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_number_key" ON "WorkOrder"("number");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_invoiceNumber_key" ON "WorkOrder"("invoiceNumber");

-- CreateIndex
CREATE INDEX "WorkOrder_status_id_idx" ON "WorkOrder"("status", "id");

-- CreateIndex
CREATE INDEX "WorkOrder_technicianId_id_idx" ON "WorkOrder"("technicianId", "id");

-- CreateIndex
CREATE INDEX "WorkOrder_vehicleId_id_idx" ON "WorkOrder"("vehicleId", "id");

-- CreateIndex
CREATE INDEX "WorkOrder_customerId_id_idx" ON "WorkOrder"("customerId", "id");

-- CreateIndex
CREATE INDEX "WorkOrder_number_idx" ON "WorkOrder" USING GIN ("number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "WorkOrder_concern_idx" ON "WorkOrder" USING GIN ("concern" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "WorkOrderLine_workOrderId_position_idx" ON "WorkOrderLine"("workOrderId", "position");

-- CreateIndex
CREATE INDEX "WorkOrderLine_approval_workOrderId_idx" ON "WorkOrderLine"("approval", "workOrderId");

-- CreateIndex
CREATE INDEX "Payment_workOrderId_at_idx" ON "Payment"("workOrderId", "at");

-- CreateIndex
CREATE INDEX "StatusChange_workOrderId_at_idx" ON "StatusChange"("workOrderId", "at");

-- CreateIndex
CREATE INDEX "OdometerReading_vehicleId_at_idx" ON "OdometerReading"("vehicleId", "at");

-- CreateIndex
CREATE INDEX "ServiceReminder_vehicleId_completedAt_idx" ON "ServiceReminder"("vehicleId", "completedAt");

-- CreateIndex
CREATE INDEX "ServiceReminder_completedAt_dueDate_idx" ON "ServiceReminder"("completedAt", "dueDate");

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderLine" ADD CONSTRAINT "WorkOrderLine_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderLine" ADD CONSTRAINT "WorkOrderLine_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OdometerReading" ADD CONSTRAINT "OdometerReading_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OdometerReading" ADD CONSTRAINT "OdometerReading_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OdometerReading" ADD CONSTRAINT "OdometerReading_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceReminder" ADD CONSTRAINT "ServiceReminder_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceReminder" ADD CONSTRAINT "ServiceReminder_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceReminder" ADD CONSTRAINT "ServiceReminder_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Checks, written by hand: the Prisma schema has no syntax for them and its diff leaves them
-- alone. (PrismaPg runs a migration split at every semicolon, comments included: none here.)
ALTER TABLE "User" ADD CONSTRAINT "User_technician_is_staff" CHECK (NOT "isTechnician" OR "role" <> 'customer');
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_odometer_not_negative" CHECK ("odometerIn" >= 0 AND ("odometerOut" IS NULL OR "odometerOut" >= 0));
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_invoice_number_iff_invoiced" CHECK (("status" IN ('invoiced', 'paid')) = ("invoiceNumber" IS NOT NULL));
ALTER TABLE "WorkOrderLine" ADD CONSTRAINT "WorkOrderLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "WorkOrderLine" ADD CONSTRAINT "WorkOrderLine_tax_rate_range" CHECK ("taxRateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "OdometerReading" ADD CONSTRAINT "OdometerReading_not_negative" CHECK ("reading" >= 0);
ALTER TABLE "ServiceReminder" ADD CONSTRAINT "ServiceReminder_mileage_or_date" CHECK ("dueMileage" IS NOT NULL OR "dueDate" IS NOT NULL);
ALTER TABLE "ShopSettings" ADD CONSTRAINT "ShopSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "InvoiceCounter" ADD CONSTRAINT "InvoiceCounter_single_row" CHECK ("id" = 1);
