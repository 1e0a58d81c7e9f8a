'use client';

import { Timestamp } from '~/components/timestamp';
import type { FormConflict, TheirValue } from '~/lib/version-conflict';

/**
 * Above a form whose save was refused because someone saved the record since it was opened:
 * who and when, that nothing typed is lost, and the two ways on.
 */
export function ConflictNotice<Key extends string>({
  what,
  conflict,
  busy,
  onTakeTheirs,
  onKeepMine,
}: {
  /** The record in words: "customer", "work order". */
  what: string;
  conflict: FormConflict<Key> | null;
  busy: boolean;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  if (!conflict) return null;
  const changed = Object.keys(conflict.fields).length > 0;
  return (
    <div className="conflict-notice" role="alert">
      <p>
        <strong>
          Not saved: {conflict.by ?? 'someone'} changed this {what}
          {conflict.at ? (
            <>
              {' '}
              at <Timestamp at={conflict.at} />
            </>
          ) : null}{' '}
          while you were editing.
        </strong>{' '}
        What you typed is still here
        {changed ? '; their newer values are shown beside the fields they changed' : ''}.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onTakeTheirs} disabled={busy}>
          Use theirs
        </button>
        <button type="button" onClick={onKeepMine} disabled={busy}>
          Keep mine
        </button>
      </div>
      <p className="muted">
        Use theirs puts their values into the form. Keep mine saves your changes over theirs; fields
        you did not change take their values.
      </p>
    </div>
  );
}

/**
 * Beside a field another save changed: its newer value, who changed it and when (after the
 * field's `label` when it is not right under the field).
 */
export function Theirs<Key extends string>({
  conflict,
  field,
  label,
}: {
  conflict: FormConflict<Key> | null;
  field: Key;
  label?: string;
}) {
  const theirs: TheirValue | undefined = conflict?.fields[field];
  if (!theirs) return null;
  return (
    <p className="their-value" data-field={field}>
      {label ? `${label}: ` : null}
      {theirs.shown ? <>Now “{theirs.shown}”</> : 'Now empty'}
      {theirs.by ? `, changed by ${theirs.by}` : ''}
      {theirs.at ? (
        <>
          {' '}
          at <Timestamp at={theirs.at} />
        </>
      ) : null}
    </p>
  );
}
