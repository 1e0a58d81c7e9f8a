'use client';

import type { VersionConflict } from '@garage/api';
import { useState } from 'react';
import {
  type ConflictReader,
  type FormConflict,
  type FormValues,
  formConflict,
  keepMine,
  takeTheirs,
  theirValues,
  untouched,
  versionConflictOf,
} from '~/lib/version-conflict';

interface Options<Key extends string> {
  /** The record as loaded now (the page's latest data): its version and the form's values of it. */
  record: { version: number; values: FormValues<Key> };
  /** What the form holds now. */
  values: FormValues<Key>;
  /** The last save's error. */
  error: { data?: { conflict?: VersionConflict | null } | null } | null;
  /** Reads a changed field of the API into one of the form's. */
  read: ConflictReader<Key>;
  /**
   * Puts values into the form; `shown` holds how a newer value taken from the other change is
   * shown (the owner's name for an owner's id), for the fields that took one.
   */
  apply: (values: FormValues<Key>, shown: Partial<FormValues<Key>>) => void;
  /** Saves `values` on top of `version`. */
  save: (values: FormValues<Key>, version: number) => void;
  /** Forgets the last save's outcome (the mutation's reset). */
  dismiss: () => void;
}

/**
 * Optimistic concurrency for an edit form: the version its save is based on (the one it was
 * loaded with, not the page's latest, so a change made meanwhile is never overwritten
 * silently), and, when a save is refused for a newer version, the newer values with who
 * changed them and when, and the two ways on: "Use theirs" (the newer values into the form)
 * and "Keep mine" (the user's changes saved on top of the newer version). An untouched form
 * follows the record when it changes elsewhere.
 */
export function useVersionConflict<Key extends string>(options: Options<Key>) {
  const { record, values, error, read, apply, save, dismiss } = options;
  const [base, setBase] = useState(record);
  const refused = versionConflictOf(error);
  const conflict: FormConflict<Key> | null =
    refused && refused.version !== base.version ? formConflict(refused, read) : null;

  if (record.version > base.version && !refused && untouched(base.values, values)) {
    setBase(record);
    apply(record.values, {});
  }

  /** The form based on the newer version, holding `next`. */
  function rebase(on: FormConflict<Key>, next: FormValues<Key>) {
    const shown: Partial<FormValues<Key>> = {};
    for (const key in on.fields) {
      const theirs = on.fields[key];
      if (theirs && next[key] === theirs.value) shown[key] = theirs.shown;
    }
    apply(next, shown);
    setBase({ version: on.version, values: { ...base.values, ...theirValues(on) } });
  }

  return {
    /** The version a save sends. */
    version: base.version,
    conflict,
    /** After a save that went through and keeps the form open: it is based on what it saved. */
    saved: (version: number, savedValues: FormValues<Key>) =>
      setBase({ version, values: savedValues }),
    /** What the conflict notice shows and does. */
    notice: {
      conflict,
      onTakeTheirs: () => {
        if (!conflict) return;
        rebase(conflict, takeTheirs(values, conflict));
        dismiss();
      },
      onKeepMine: () => {
        if (!conflict) return;
        const kept = keepMine(base.values, values, conflict);
        rebase(conflict, kept);
        save(kept, conflict.version);
      },
    },
  };
}
