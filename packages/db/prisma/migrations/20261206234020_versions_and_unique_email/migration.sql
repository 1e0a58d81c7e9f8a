-- CreateEnum
CREATE TYPE "EditedRecord" AS ENUM ('customer', 'vehicle', 'work_order', 'work_order_line');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Vehicle" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "WorkOrderLine" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "RecordEdit" (
    "id" SERIAL NOT NULL,
    "record" "EditedRecord" NOT NULL,
    "recordId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "fields" TEXT[],
    "byId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordEdit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecordEdit_record_recordId_version_key" ON "RecordEdit"("record", "recordId", "version");

-- Unique customer emails, written by hand before the index. The input schema lower-cases emails,
-- but rows written by other paths may not be: stored emails are trimmed and lower-cased, and an
-- empty one is none (NULL).
UPDATE "Customer" SET "email" = NULLIF(lower(btrim("email")), '') WHERE "email" IS DISTINCT FROM NULLIF(lower(btrim("email")), '');

-- Customers sharing an email: the first one registered keeps it, each other one loses it and its
-- notes say which customer has it, for staff to merge or correct them (nothing is deleted).
UPDATE "Customer" AS "c" SET "email" = NULL, "notes" = concat_ws(E'\n', "c"."notes", 'Email ' || "c"."email" || ' removed when customer emails became unique: customer #' || "keeper"."id" || ' has it.') FROM "Customer" AS "keeper" WHERE "keeper"."email" = "c"."email" AND "keeper"."id" < "c"."id" AND NOT EXISTS (SELECT 1 FROM "Customer" AS "earlier" WHERE "earlier"."email" = "c"."email" AND "earlier"."id" < "keeper"."id");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_email_key" ON "Customer"("email");

-- A CHECK, written by hand (the Prisma schema has no syntax for it): emails are stored
-- lower-cased, so the unique index above compares them case-insensitively whatever path writes.
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_email_lower_case" CHECK ("email" = lower("email"));

-- AddForeignKey
ALTER TABLE "RecordEdit" ADD CONSTRAINT "RecordEdit_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
