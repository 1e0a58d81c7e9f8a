import type { MessageChannel } from '@garage/db';
import { createTransport } from 'nodemailer';
import type { RenderedMessage } from '../../domain/messages/render';

/** A file sent with a message (an invoice's PDF). */
export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One message as a channel sends it. */
export interface OutgoingMessage extends RenderedMessage {
  /** The customer's address on the message's channel: an email address, a phone number. */
  to: string;
  /** The Message-ID header, the same on every attempt. */
  messageId: string;
  /** Files it carries; a channel that cannot carry files sends the text, whose link leads to them. */
  attachments: MessageAttachment[];
}

/** Why a send failed, and whether trying again could help. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    /** The server refused for good (a 5xx reply): retrying will not help. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * A way of reaching customers on one channel: email through SMTP here; an SMS gateway is
 * another implementation of the same interface, given to the worker for the `sms` channel
 * (none is reachable here, so SMS messages end as not sent: no SMS provider configured).
 */
export interface MessageTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** The transport of each channel a message row may name; a channel without one is not configured. */
export type MessageTransports = Partial<Record<MessageChannel, MessageTransport>>;

/** What nodemailer's errors say: the SMTP reply code and text, when the server answered. */
function deliveryErrorOf(error: unknown): DeliveryError {
  if (!(error instanceof Error)) return new DeliveryError(String(error), false);
  const responseCode = 'responseCode' in error ? Number(error.responseCode) : Number.NaN;
  const response = 'response' in error && typeof error.response === 'string' ? error.response : '';
  const reason = (response || error.message).slice(0, 500);
  return new DeliveryError(reason, responseCode >= 500 && responseCode < 600);
}

/**
 * Email through the SMTP server at `smtpUrl` (nodemailer), from `from`. Timeouts stay well under
 * the worker's lease, so an attempt ends (sent or failed) before another worker may take over.
 */
export function createMailTransport(options: {
  smtpUrl: string;
  from: string;
  /** Connection, greeting and socket timeouts. */
  timeoutMs: number;
}): MessageTransport {
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          attachments: message.attachments,
        });
      } catch (error) {
        throw deliveryErrorOf(error);
      }
    },
    close: () => transport.close(),
  };
}
