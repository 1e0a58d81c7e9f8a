import type { MessageChannel, MessageKind, MessageStatus } from '@garage/validators';

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

/** How a message goes, and what a customer lacks when nothing is on file for it. */
export const messageChannelWords: Record<MessageChannel, { by: string; nothingOnFile: string }> = {
  email: { by: 'Email', nothingOnFile: 'no email' },
  sms: { by: 'SMS', nothingOnFile: 'no mobile number' },
};
