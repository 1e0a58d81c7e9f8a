import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the test SMTP server accepted, parsed. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The files it carried. */
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** A real SMTP server (the `smtp-server` package) on a free port, keeping what it accepts. */
export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Refuses the next `count` messages with `code` (451: try later; 550: never), then accepts. */
  refuseNext(count: number, code?: number): void;
  /** Refuses every message from now on with `code`, until `acceptAll`. */
  refuseAll(code?: number): void;
  acceptAll(): void;
  /** How many messages it refused. */
  readonly refused: number;
  /** Resolves once `check` holds of what was received, or rejects after 15 s. */
  until(check: (received: ReceivedMail[]) => boolean): Promise<void>;
  stop(): Promise<void>;
}

function addressText(mail: ParsedMail): string {
  const to = mail.to;
  if (!to) return '';
  return (Array.isArray(to) ? to : [to]).map((each) => each.text).join(', ');
}

/**
 * Starts the server on 127.0.0.1, on `port` (one an app was told of before it started) or any
 * free one; no TLS, no authentication.
 */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refuseCount = 0;
  let refuseCode = 451;
  let refusingAll = false;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (refusingAll || refuseCount > 0) {
            if (!refusingAll) refuseCount--;
            refused++;
            const error = Object.assign(new Error(`refused by the test (${refuseCode})`), {
              responseCode: refuseCode,
            });
            callback(error);
            return;
          }
          received.push({
            to: addressText(mail),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            messageId: mail.messageId ?? '',
            attachments: mail.attachments.map((attachment) => ({
              filename: attachment.filename ?? '',
              contentType: attachment.contentType,
              content: attachment.content,
            })),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    received,
    refuseNext(count, code = 451) {
      refuseCount = count;
      refuseCode = code;
    },
    refuseAll(code = 451) {
      refusingAll = true;
      refuseCode = code;
    },
    acceptAll() {
      refusingAll = false;
      refuseCount = 0;
    },
    get refused() {
      return refused;
    },
    async until(check) {
      const deadline = Date.now() + 15_000;
      while (!check(received)) {
        if (Date.now() > deadline) throw new Error(`not received within 15 s (${received.length})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The estimate link's token in a mail's text. */
export function estimateTokenIn(mail: ReceivedMail): string {
  const token = /\/estimate\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no estimate link in: ${mail.text}`);
  return token;
}
