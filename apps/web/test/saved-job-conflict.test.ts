import type { VersionConflict } from '@garage/api';
import { describe, expect, it } from 'vitest';
import { asJobDraft, jobValues, readSavedJob } from '~/components/saved-jobs/saved-job-conflict';
import { blankJob } from '~/components/saved-jobs/saved-job-draft';
import { formConflict, takeTheirs } from '~/lib/version-conflict';

// A saved job changed by someone else while it was edited: their lines and years, from the
// API's conflict, as the form's text in the shop's locale.

const at = new Date('2026-12-07T06:00:00Z');
const by = { id: 2, name: 'Sam Staff' };
const refused: VersionConflict = {
  version: 2,
  changedBy: by,
  changedAt: at,
  current: {
    yearFrom: 2012,
    yearTo: null,
    lines: JSON.stringify([
      {
        kind: 'part',
        description: 'Pad set',
        partNumber: 'BP-1',
        quantity: '1.5',
        unitPriceCents: 6_450,
        taxRateBps: null,
      },
    ]),
  },
  names: {},
  edits: [{ by, at, fields: ['yearFrom', 'yearTo', 'lines'] }],
};

describe('a saved job form conflict', () => {
  it('reads their lines priced in the locale and their years as written', () => {
    const conflict = formConflict(refused, readSavedJob({ currency: 'EUR', locale: 'de-DE' }));
    expect(conflict.fields.yearFrom).toMatchObject({ value: '2012', shown: '2012' });
    expect(conflict.fields.yearTo).toMatchObject({ value: '' });
    const mine = { ...blankJob(), name: 'Brakes', yearTo: '2016' };
    const theirs = asJobDraft(takeTheirs(jobValues(mine), conflict), mine.lines);
    expect(theirs).toMatchObject({ name: 'Brakes', yearFrom: '2012', yearTo: '' });
    expect(theirs.lines).toEqual([
      {
        kind: 'part',
        description: 'Pad set',
        quantity: '1,5',
        unitPrice: '64,50',
        partNumber: 'BP-1',
      },
    ]);
  });
});
