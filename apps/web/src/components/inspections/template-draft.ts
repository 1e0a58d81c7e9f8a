import type { RouterOutputs } from '@garage/api';
import { readDecimal, writeDecimal } from '@garage/validators';
import type { FieldErrors } from '~/lib/field-errors';

type Template = RouterOutputs['inspection']['templates'][number];

/** One item of a template as typed: limits in the shop's locale, the pricing job by id. */
export type ItemDraft = {
  section: string;
  label: string;
  unit: string;
  advisoryLimit: string;
  requiredLimit: string;
  savedJobId: string;
};

/** A template as its form holds it. */
export type TemplateDraft = { name: string; isDefault: boolean; items: ItemDraft[] };

/** An item as the API has it (a template's, or the newer items a conflict carries). */
export type StoredItem = {
  section: string;
  label: string;
  unit: string | null;
  advisoryLimit: number | null;
  requiredLimit: number | null;
  savedJobId: number | null;
};

export const blankItem = (section = ''): ItemDraft => ({
  section,
  label: '',
  unit: '',
  advisoryLimit: '',
  requiredLimit: '',
  savedJobId: '',
});

export const blankTemplate = (): TemplateDraft => ({
  name: '',
  isDefault: false,
  items: [blankItem()],
});

/** A stored item as the text its row starts with, limits written in the shop's locale. */
export function itemDraftOf(item: StoredItem, locale: string): ItemDraft {
  const limit = (value: number | null) =>
    value === null ? '' : writeDecimal(String(value), locale);
  return {
    section: item.section,
    label: item.label,
    unit: item.unit ?? '',
    advisoryLimit: limit(item.advisoryLimit),
    requiredLimit: limit(item.requiredLimit),
    savedJobId: item.savedJobId === null ? '' : String(item.savedJobId),
  };
}

/** A stored template as the text its form starts with. */
export function templateDraftOf(template: Template, locale: string): TemplateDraft {
  return {
    name: template.name,
    isDefault: template.isDefault,
    items: template.items.map((item) =>
      itemDraftOf({ ...item, savedJobId: item.savedJob?.id ?? null }, locale),
    ),
  };
}

/**
 * The form's text read into the API's fields (limits parsed in the shop's locale), with what
 * could not be read, by the API's field names.
 */
export function readTemplateDraft(draft: TemplateDraft, locale: string) {
  const unread: FieldErrors = {};
  const limit = (text: string) => {
    if (!text.trim()) return null;
    const read = readDecimal(text, locale, { example: '3' });
    if ('value' in read) return read.value;
    unread.items = `limit ${read.problem}`;
    return null;
  };
  const items = draft.items.map((item) => ({
    section: item.section,
    label: item.label,
    unit: item.unit || null,
    advisoryLimit: limit(item.advisoryLimit),
    requiredLimit: limit(item.requiredLimit),
    savedJobId: item.savedJobId ? Number(item.savedJobId) : null,
  }));
  return { fields: { name: draft.name, isDefault: draft.isDefault, items }, unread };
}
