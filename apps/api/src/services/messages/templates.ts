import type { MessageKind, Prisma, PrismaClient } from '@garage/db';
import { type AutomaticMessageKind, automaticMessageKinds, messageKinds } from '@garage/validators';
import { defaultTemplates, type MessageTemplate } from '../../domain/messages/templates';

type Reader = Pick<Prisma.TransactionClient, 'messageTemplate'>;

/** The shop's text for `kind`: its own when settings hold one, the built-in text otherwise. */
export async function templateOf(db: Reader, kind: MessageKind): Promise<MessageTemplate> {
  const own = await db.messageTemplate.findUnique({
    where: { kind },
    select: { subject: true, body: true },
  });
  return own ?? defaultTemplates[kind];
}

/**
 * Every kind's text, whether the shop changed it from the built-in one, and whether the shop
 * sends it (a kind turned off is written as not sent, saying so; staff's own always go).
 */
export async function listTemplates(prisma: PrismaClient) {
  const [templates, kindsOff] = await Promise.all([
    prisma.messageTemplate.findMany(),
    prisma.messageKindOff.findMany({ select: { kind: true } }),
  ]);
  const own = new Map(templates.map((row) => [row.kind, row] as const));
  const off = new Set(kindsOff.map((row) => row.kind));
  return messageKinds.map((kind) => {
    const row = own.get(kind);
    return {
      kind,
      send: !off.has(kind),
      automatic: automaticMessageKinds.some((each) => each === kind),
      subject: row?.subject ?? defaultTemplates[kind].subject,
      body: row?.body ?? defaultTemplates[kind].body,
      custom: row !== undefined,
      defaults: defaultTemplates[kind],
    };
  });
}

/** Keeps the shop's own text for one kind (its placeholders were checked by the input). */
export async function updateTemplate(
  prisma: PrismaClient,
  template: { kind: MessageKind } & MessageTemplate,
) {
  const { kind, subject, body } = template;
  await prisma.messageTemplate.upsert({
    where: { kind },
    create: { kind, subject, body },
    update: { subject, body },
  });
  return listTemplates(prisma);
}

/** Turns one automatic kind of message on or off for the shop (who turned it off is kept). */
export async function setSending(
  prisma: PrismaClient,
  request: { kind: AutomaticMessageKind; send: boolean },
  by: { id: number },
) {
  if (request.send) {
    await prisma.messageKindOff.deleteMany({ where: { kind: request.kind } });
  } else {
    await prisma.messageKindOff.createMany({
      data: [{ kind: request.kind, turnedOffById: by.id }],
      skipDuplicates: true,
    });
  }
  return listTemplates(prisma);
}
