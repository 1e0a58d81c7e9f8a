-- Payments keep the currency of the invoice they were taken against (written by hand): the
-- payments already taken get their invoice's, from its settings snapshot, else the shop's.
ALTER TABLE "Payment" ADD COLUMN "currency" TEXT;
UPDATE "Payment" AS p SET "currency" = coalesce(
  w."invoiceSettings" ->> 'currency',
  (SELECT s."currency" FROM "ShopSettings" AS s WHERE s."id" = 1),
  'USD'
) FROM "WorkOrder" AS w WHERE w."id" = p."workOrderId";
ALTER TABLE "Payment" ALTER COLUMN "currency" SET NOT NULL;

-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "invoiceBillTo" JSONB;

-- Invoices issued before the bill-to was recorded bill the customer and vehicle as they are
-- now, the best record there is (written by hand, the shape invoicing writes).
UPDATE "WorkOrder" AS w SET "invoiceBillTo" = jsonb_build_object(
  'customer', jsonb_build_object('name', c."name", 'address', c."address", 'email', c."email", 'phone', c."phone"),
  'vehicle', jsonb_build_object('plate', v."plate", 'vin', v."vin", 'make', v."make", 'model', v."model", 'year', v."year"),
  'odometerIn', w."odometerIn",
  'odometerOut', w."odometerOut"
) FROM "Customer" AS c, "Vehicle" AS v
WHERE c."id" = w."customerId" AND v."id" = w."vehicleId"
  AND w."invoiceNumber" IS NOT NULL AND w."invoiceBillTo" IS NULL;

-- CreateTable
CREATE TABLE "PaymentVoid" (
    "id" SERIAL NOT NULL,
    "paymentId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "voidedById" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentVoid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "paymentId" INTEGER,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "invoiceNumber" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "invoice" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "issuedById" INTEGER,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNoteCounter" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CreditNoteCounter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentVoid_paymentId_key" ON "PaymentVoid"("paymentId");

-- CreateIndex
CREATE INDEX "Refund_workOrderId_at_idx" ON "Refund"("workOrderId", "at");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_number_key" ON "CreditNote"("number");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_invoiceNumber_key" ON "CreditNote"("invoiceNumber");

-- CreateIndex
CREATE INDEX "CreditNote_workOrderId_issuedAt_idx" ON "CreditNote"("workOrderId", "issuedAt");

-- AddForeignKey
ALTER TABLE "PaymentVoid" ADD CONSTRAINT "PaymentVoid_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentVoid" ADD CONSTRAINT "PaymentVoid_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Checks, written by hand (no semicolons in these comments: PrismaPg splits the script at them).
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "PaymentVoid" ADD CONSTRAINT "PaymentVoid_reason_given" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_reason_given" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_number_positive" CHECK ("number" > 0);
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_total_not_negative" CHECK ("totalCents" >= 0);
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_reason_given" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "CreditNoteCounter" ADD CONSTRAINT "CreditNoteCounter_single_row" CHECK ("id" = 1);
