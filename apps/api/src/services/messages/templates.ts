import type { MessageKind, Prisma, PrismaClient } from '@garage/db';
import { messageKinds } from '@garage/validators';
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

/** Every kind's text, and whether the shop changed it from the built-in one. */
export async function listTemplates(prisma: PrismaClient) {
  const own = new Map(
    (await prisma.messageTemplate.findMany()).map((row) => [row.kind, row] as const),
  );
  return messageKinds.map((kind) => {
    const row = own.get(kind);
    return {
      kind,
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
