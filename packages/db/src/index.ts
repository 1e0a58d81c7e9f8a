export {
  type Database,
  type DatabaseKind,
  defaultDataDir,
  type OpenDatabaseOptions,
  openDatabase,
} from './client';
export { takeCreditNoteNumber } from './credit-note-number';
export { deleteCustomer } from './customers';
export {
  CustomerHasVehiclesError,
  CustomerHasWorkOrdersError,
  DbError,
  type DbErrorCode,
  mapPrismaError,
  RecordInUseError,
  RecordNotFoundError,
  UniqueConflictError,
} from './errors';
export type {
  CreditNote,
  Customer,
  EstimateLink,
  Message,
  OdometerReading,
  Payment,
  PaymentVoid,
  Refund,
  ServiceReminder,
  Session,
  ShopSettings,
  StatusChange,
  User,
  Vehicle,
  WorkOrder,
  WorkOrderLine,
} from './generated/prisma/client';
export {
  DecisionChannel,
  EditedRecord,
  InspectionGrade,
  LineApproval,
  LineKind,
  MessageChannel,
  MessageKind,
  MessageStatus,
  OdometerSource,
  PaymentMethod,
  Prisma,
  type PrismaClient,
  Role,
  WorkOrderStatus,
} from './generated/prisma/client';
export { takeInvoiceNumber } from './invoice-number';
export { hashPassword, verifyPassword } from './password';
export { loadShopSettings } from './shop-settings';
