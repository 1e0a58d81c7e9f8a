import type { VersionConflict } from '@garage/api';
import { describe, expect, it } from 'vitest';
import {
  asTemplateDraft,
  readTemplate,
  templateValues,
} from '~/components/inspections/template-conflict';
import { blankItem, readTemplateDraft } from '~/components/inspections/template-draft';
import { formConflict, keepMine, takeTheirs } from '~/lib/version-conflict';

// A template saved by another admin while this one edited it: their items, from the API's
// conflict, as the form's rows in the shop's locale; "Use theirs" and "Keep mine" on them.

const theirItems = JSON.stringify([
  {
    section: 'Brakes',
    label: 'Front pads',
    unit: 'mm',
    advisoryLimit: 4.5,
    requiredLimit: 3,
    savedJobId: 7,
  },
]);

const refused: VersionConflict = {
  version: 3,
  changedBy: { id: 1, name: 'Ada Admin' },
  changedAt: new Date('2026-12-07T06:00:00Z'),
  current: { items: theirItems, isDefault: true },
  names: {},
  edits: [
    { by: { id: 1, name: 'Ada Admin' }, at: new Date('2026-12-07T06:00:00Z'), fields: ['items'] },
    {
      by: { id: 1, name: 'Ada Admin' },
      at: new Date('2026-12-07T06:00:00Z'),
      fields: ['isDefault'],
    },
  ],
};

const mine = {
  name: 'Quick check',
  isDefault: false,
  items: [{ ...blankItem('Tyres'), label: 'Tread', unit: 'mm', requiredLimit: '3' }],
};

describe('a template form conflict', () => {
  it("reads their items into rows, limits written in the shop's locale", () => {
    const conflict = formConflict(refused, readTemplate('de-DE'));
    expect(conflict.fields.items?.shown).toBe('Brakes: Front pads (mm)');
    expect(conflict.fields.isDefault).toMatchObject({ value: 'true', shown: 'the default' });
    const theirs = asTemplateDraft(takeTheirs(templateValues(mine), conflict), mine.items);
    expect(theirs).toEqual({
      name: 'Quick check',
      isDefault: true,
      items: [
        {
          section: 'Brakes',
          label: 'Front pads',
          unit: 'mm',
          advisoryLimit: '4,5',
          requiredLimit: '3',
          savedJobId: '7',
        },
      ],
    });
    expect(readTemplateDraft(theirs, 'de-DE').fields.items[0]).toMatchObject({
      advisoryLimit: '4.5',
      savedJobId: 7,
    });
  });

  it('"Keep mine" keeps the items typed and takes what was left as loaded', () => {
    const loaded = templateValues({ ...mine, items: [blankItem('Tyres')] });
    const conflict = formConflict(refused, readTemplate('en-US'));
    const kept = asTemplateDraft(keepMine(loaded, templateValues(mine), conflict), []);
    expect(kept.items).toEqual(mine.items);
    expect(kept.isDefault).toBe(true);
  });
});
