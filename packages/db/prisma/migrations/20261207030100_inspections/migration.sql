-- Saved jobs (canned services), inspection templates, inspections with their photos, and the
-- stored bytes of the default photo store (issue 25).

-- CreateEnum
CREATE TYPE "InspectionGrade" AS ENUM ('ok', 'advisory', 'required');

-- AlterEnum (PostgreSQL 12 and later add several values in one transaction)
ALTER TYPE "EditedRecord" ADD VALUE 'saved_job';
ALTER TYPE "EditedRecord" ADD VALUE 'inspection_template';
ALTER TYPE "EditedRecord" ADD VALUE 'inspection_item';

-- AlterTable
ALTER TABLE "WorkOrderLine" ADD COLUMN     "findingId" INTEGER;

-- CreateTable
CREATE TABLE "SavedJob" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "make" TEXT,
    "model" TEXT,
    "yearFrom" INTEGER,
    "yearTo" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedJobLine" (
    "id" SERIAL NOT NULL,
    "savedJobId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "LineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "partNumber" TEXT,
    "quantity" DECIMAL(10,2) NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "taxRateBps" INTEGER,

    CONSTRAINT "SavedJobLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionTemplate" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspectionTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionTemplateItem" (
    "id" SERIAL NOT NULL,
    "templateId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT,
    "advisoryLimit" DECIMAL(10,2),
    "requiredLimit" DECIMAL(10,2),
    "savedJobId" INTEGER,

    CONSTRAINT "InspectionTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "vehicleId" INTEGER NOT NULL,
    "mileage" INTEGER NOT NULL,
    "templateId" INTEGER,
    "templateName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionItem" (
    "id" SERIAL NOT NULL,
    "inspectionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT,
    "advisoryLimit" DECIMAL(10,2),
    "requiredLimit" DECIMAL(10,2),
    "savedJobId" INTEGER,
    "grade" "InspectionGrade",
    "measurement" DECIMAL(10,2),
    "note" TEXT,
    "gradedById" INTEGER,
    "gradedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "InspectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionPhoto" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "byteLength" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "key" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SavedJob_name_idx" ON "SavedJob"("name");

-- CreateIndex
CREATE INDEX "SavedJobLine_savedJobId_position_idx" ON "SavedJobLine"("savedJobId", "position");

-- CreateIndex
CREATE INDEX "InspectionTemplateItem_templateId_position_idx" ON "InspectionTemplateItem"("templateId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_workOrderId_key" ON "Inspection"("workOrderId");

-- CreateIndex
CREATE INDEX "Inspection_vehicleId_createdAt_idx" ON "Inspection"("vehicleId", "createdAt");

-- CreateIndex
CREATE INDEX "InspectionItem_inspectionId_position_idx" ON "InspectionItem"("inspectionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionPhoto_storageKey_key" ON "InspectionPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "InspectionPhoto_itemId_id_idx" ON "InspectionPhoto"("itemId", "id");

-- CreateIndex
CREATE INDEX "WorkOrderLine_findingId_idx" ON "WorkOrderLine"("findingId");

-- AddForeignKey
ALTER TABLE "WorkOrderLine" ADD CONSTRAINT "WorkOrderLine_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "InspectionItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedJobLine" ADD CONSTRAINT "SavedJobLine_savedJobId_fkey" FOREIGN KEY ("savedJobId") REFERENCES "SavedJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTemplateItem" ADD CONSTRAINT "InspectionTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "InspectionTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTemplateItem" ADD CONSTRAINT "InspectionTemplateItem_savedJobId_fkey" FOREIGN KEY ("savedJobId") REFERENCES "SavedJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "InspectionTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionItem" ADD CONSTRAINT "InspectionItem_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionItem" ADD CONSTRAINT "InspectionItem_savedJobId_fkey" FOREIGN KEY ("savedJobId") REFERENCES "SavedJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionPhoto" ADD CONSTRAINT "InspectionPhoto_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "InspectionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What the rules also check, kept true by the database too: a saved job's quantities and prices,
-- and the years of its fitment.
ALTER TABLE "SavedJobLine" ADD CONSTRAINT "SavedJobLine_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "SavedJobLine" ADD CONSTRAINT "SavedJobLine_price_check" CHECK ("unitPriceCents" >= 0);
ALTER TABLE "SavedJob" ADD CONSTRAINT "SavedJob_years_check" CHECK ("yearFrom" IS NULL OR "yearTo" IS NULL OR "yearFrom" <= "yearTo");
