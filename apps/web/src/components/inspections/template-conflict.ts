import { z } from 'zod';
import { type ConflictReader, type FormValues, readers, textFields } from '~/lib/version-conflict';
import { type ItemDraft, itemDraftOf, type TemplateDraft } from './template-draft';

// A template form's values as the version-conflict hook compares and fills them: one text per
// field, its items as one (a JSON list of item drafts), since a save replaces them together.

type TemplateKey = 'name' | 'isDefault' | 'items';
export type TemplateValues = FormValues<TemplateKey>;

const itemDrafts = z.array(
  z.object({
    section: z.string(),
    label: z.string(),
    unit: z.string(),
    advisoryLimit: z.string(),
    requiredLimit: z.string(),
    savedJobId: z.string(),
  }),
);

/** The items a conflict carries as their newer value (the API's JSON, by its field names). */
const storedItems = z.array(
  z.object({
    section: z.string(),
    label: z.string(),
    unit: z.string().nullable(),
    advisoryLimit: z.number().nullable(),
    requiredLimit: z.number().nullable(),
    savedJobId: z.number().nullable(),
  }),
);

export function templateValues(draft: TemplateDraft): TemplateValues {
  return {
    name: draft.name,
    isDefault: String(draft.isDefault),
    items: JSON.stringify(draft.items),
  };
}

/** The values as a draft again (items that do not read keep `items`). */
export function asTemplateDraft(values: TemplateValues, items: ItemDraft[]): TemplateDraft {
  const read = itemDrafts.safeParse(JSON.parse(values.items));
  return {
    name: values.name,
    isDefault: values.isDefault === 'true',
    items: read.success ? read.data : items,
  };
}

/** Items in words, for the newer value beside the list: "Tyres: Tread (mm); Brakes: Pads". */
function describeItems(items: readonly ItemDraft[]): string {
  return items
    .map((item) => `${item.section}: ${item.label}${item.unit ? ` (${item.unit})` : ''}`)
    .join('; ');
}

/** Reads a template's changed fields into the form: its items as drafts in the shop's locale. */
export function readTemplate(locale: string): ConflictReader<TemplateKey> {
  return readers<TemplateKey>(textFields(['name']), (field, value) => {
    if (field === 'isDefault' && typeof value === 'boolean') {
      return {
        key: 'isDefault',
        value: String(value),
        shown: value ? 'the default' : 'not the default',
      };
    }
    if (field !== 'items' || typeof value !== 'string') return null;
    const read = storedItems.safeParse(JSON.parse(value));
    if (!read.success) return null;
    const items = read.data.map((item) => itemDraftOf(item, locale));
    return { key: 'items', value: JSON.stringify(items), shown: describeItems(items) };
  });
}
