import type { MessageKind, MessagePlaceholder } from '@garage/validators';

/** A message's text before rendering: a subject and a body with `{{placeholders}}`. */
export interface MessageTemplate {
  subject: string;
  body: string;
}

// The texts a shop starts with; settings may replace each (MessageTemplate rows).
export const defaultTemplates: Record<MessageKind, MessageTemplate> = {
  estimate: {
    subject: 'Your estimate for {{vehicle}} is ready ({{workOrder}})',
    body: [
      'Hello {{customer}},',
      '',
      'The estimate for your {{vehicle}} is ready: {{total}}.',
      'Approve or decline each line here: {{link}}',
      '',
      '{{shop}}, {{shopPhone}}',
    ].join('\n'),
  },
  ready: {
    subject: 'Your {{vehicle}} is ready for pick-up ({{workOrder}})',
    body: [
      'Hello {{customer}},',
      '',
      'Your {{vehicle}} is ready. The work order: {{link}}',
      '',
      '{{shop}}, {{shopPhone}}',
    ].join('\n'),
  },
  invoice: {
    subject: 'Invoice for {{workOrder}}: {{total}}',
    body: [
      'Hello {{customer}},',
      '',
      'Your invoice for the work on your {{vehicle}} comes to {{total}}.',
      'The invoice (PDF): {{link}}',
      '',
      '{{shop}}, {{shopPhone}}',
    ].join('\n'),
  },
  service_due: {
    subject: '{{service}} for your {{vehicle}} is due',
    body: [
      'Hello {{customer}},',
      '',
      '{{service}} for your {{vehicle}} is due {{dueDate}}.',
      'Call us to book it: {{shopPhone}}',
      '',
      '{{shop}}',
    ].join('\n'),
  },
  appointment_confirmation: {
    subject: 'Your appointment on {{appointmentDay}} is booked',
    body: [
      'Hello {{customer}},',
      '',
      'We have booked your {{vehicle}} in on {{appointmentDay}} at {{appointmentTime}}.',
      'To change it, call us: {{shopPhone}}',
      '',
      '{{shop}}',
    ].join('\n'),
  },
  appointment_reminder: {
    subject: 'See you tomorrow at {{appointmentTime}}',
    body: [
      'Hello {{customer}},',
      '',
      'A reminder: your {{vehicle}} is booked in tomorrow, {{appointmentDay}}, at {{appointmentTime}}.',
      'Cannot make it? Call us: {{shopPhone}}',
      '',
      '{{shop}}',
    ].join('\n'),
  },
  // Staff write the subject and the message; the template frames them.
  manual: {
    subject: '{{subject}}',
    body: ['Hello {{customer}},', '', '{{message}}', '', '{{shop}}, {{shopPhone}}'].join('\n'),
  },
};

/** What the placeholders stand for in one message; one left out renders as nothing. */
export type PlaceholderValues = Partial<Record<MessagePlaceholder, string>>;
