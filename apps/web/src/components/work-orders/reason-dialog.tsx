'use client';

import type { ReactNode } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { FormError } from '~/components/form-error';
import { TextField } from '~/components/text-field';

/**
 * A confirmation of a money movement that asks why: what it does (`children`), why the last
 * attempt was refused, and the reason, kept on record with it.
 */
export function ReasonDialog({
  open,
  title,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
  formError,
  reason,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  formError: string | undefined;
  /** The reason's input: its name, hint, value, change handler and error. */
  reason: {
    name: string;
    hint: string;
    value: string;
    onChange: (value: string) => void;
    error: string | undefined;
  };
  children: ReactNode;
}) {
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{children}</p>
      <FormError>{formError}</FormError>
      <TextField label="Reason" multiline required {...reason} />
    </ConfirmDialog>
  );
}
