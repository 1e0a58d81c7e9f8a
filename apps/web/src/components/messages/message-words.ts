import type { MessageKind, MessageStatus } from '@garage/validators';

export const messageKindLabels: Record<MessageKind, string> = {
  estimate: 'Estimate for approval',
  ready: 'Ready for pick-up',
  invoice: 'Invoice',
  service_due: 'Service due',
  manual: 'Written by staff',
  appointment_confirmation: 'Appointment confirmation',
  appointment_reminder: 'Appointment reminder',
};

export const messageStatusLabels: Record<MessageStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  not_sent: 'Not sent',
};
