-- Messages to customers (issue 26): the outbox, its templates, the customers' choices and the
-- estimate links (tokens stored hashed).

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('estimate', 'ready', 'invoice', 'service_due', 'manual');

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('email', 'sms');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('queued', 'sent', 'failed', 'not_sent');

-- AlterEnum
ALTER TYPE "DecisionChannel" ADD VALUE 'link';

-- CreateTable
CREATE TABLE "Message" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "workOrderId" INTEGER,
    "serviceReminderId" INTEGER,
    "kind" "MessageKind" NOT NULL,
    "channel" "MessageChannel" NOT NULL DEFAULT 'email',
    "recipient" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "pendingLink" TEXT,
    "status" "MessageStatus" NOT NULL DEFAULT 'queued',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "messageId" TEXT NOT NULL,
    "sentById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "kind" "MessageKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "MessagePreference" (
    "customerId" INTEGER NOT NULL,
    "remindersOptOut" BOOLEAN NOT NULL DEFAULT false,
    "marketingOptOut" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessagePreference_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "EstimateLink" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "workOrderId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "EstimateLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Message_serviceReminderId_key" ON "Message"("serviceReminderId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_messageId_key" ON "Message"("messageId");

-- CreateIndex
CREATE INDEX "Message_status_nextAttemptAt_idx" ON "Message"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Message_workOrderId_id_idx" ON "Message"("workOrderId", "id");

-- CreateIndex
CREATE INDEX "Message_customerId_id_idx" ON "Message"("customerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "EstimateLink_tokenHash_key" ON "EstimateLink"("tokenHash");

-- CreateIndex
CREATE INDEX "EstimateLink_workOrderId_idx" ON "EstimateLink"("workOrderId");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_serviceReminderId_fkey" FOREIGN KEY ("serviceReminderId") REFERENCES "ServiceReminder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessagePreference" ADD CONSTRAINT "MessagePreference_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateLink" ADD CONSTRAINT "EstimateLink_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateLink" ADD CONSTRAINT "EstimateLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
