import type { VersionConflict } from '@garage/api';
import { describe, expect, it } from 'vitest';
import {
  type ConflictReader,
  formConflict,
  keepMine,
  takeTheirs,
  untouched,
  versionConflictOf,
} from '~/lib/version-conflict';

const ada = { id: 1, name: 'Ada Admin' };
const rita = { id: 7, name: 'Rita Kowalski' };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 14, minute));

// Ada changed the concern and the technician, then Rita the concern again.
const conflict: VersionConflict = {
  version: 5,
  changedBy: rita,
  changedAt: at(9),
  current: { concern: 'Brakes, front left', technicianId: 7, odometerIn: 12 },
  names: { technicianId: 'Rita Kowalski' },
  edits: [
    { by: ada, at: at(1), fields: ['concern', 'technicianId'] },
    { by: rita, at: at(9), fields: ['concern'] },
  ],
};

type Key = 'concern' | 'notes' | 'technician';
const read: ConflictReader<Key> = (field, value, name) => {
  if (field === 'concern' && typeof value === 'string') {
    return { key: 'concern', value, shown: value };
  }
  if (field === 'technicianId' && typeof value === 'number') {
    return { key: 'technician', value: String(value), shown: name ?? `#${value}` };
  }
  return null;
};

describe('formConflict', () => {
  it('reads each changed field into the form, with the last edit that changed it', () => {
    expect(formConflict(conflict, read)).toEqual({
      version: 5,
      by: 'Rita Kowalski',
      at: at(9),
      fields: {
        concern: {
          value: 'Brakes, front left',
          shown: 'Brakes, front left',
          by: 'Rita Kowalski',
          at: at(9),
        },
        technician: { value: '7', shown: 'Rita Kowalski', by: 'Ada Admin', at: at(1) },
      },
    });
  });

  it('finds the conflict in an error, and none in another one', () => {
    expect(versionConflictOf({ data: { conflict } })).toBe(conflict);
    expect(versionConflictOf({ data: { conflict: null } })).toBeNull();
    expect(versionConflictOf(null)).toBeNull();
  });
});

describe('use theirs, keep mine', () => {
  const loaded = { concern: 'Brakes', notes: '', technician: '' };
  const typed = { concern: 'Brakes squeal', notes: 'Waits', technician: '' };
  const form = formConflict(conflict, read);

  it('use theirs takes every newer value, keeps the rest as typed', () => {
    expect(takeTheirs(typed, form)).toEqual({
      concern: 'Brakes, front left',
      notes: 'Waits',
      technician: '7',
    });
  });

  it('keep mine keeps what the user changed and takes theirs where the user changed nothing', () => {
    expect(keepMine(loaded, typed, form)).toEqual({
      concern: 'Brakes squeal',
      notes: 'Waits',
      technician: '7',
    });
  });

  it('tells an untouched form from a typed-in one', () => {
    expect(untouched(loaded, { ...loaded })).toBe(true);
    expect(untouched(loaded, typed)).toBe(false);
  });
});
