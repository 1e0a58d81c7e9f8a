import type { ReactNode } from 'react';

/** A form's submit button, saying what it is doing (`busyLabel`) while its request runs. */
export function SubmitButton({
  busy,
  busyLabel = 'Saving…',
  className,
  children,
}: {
  busy: boolean;
  busyLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={className} disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}
