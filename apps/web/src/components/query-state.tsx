import type { ReactNode } from 'react';

/** A polite "loading" line screen readers announce. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** An empty list, with an optional next step. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="state">{children}</p>;
}

/** A failed query, announced, with a retry button. */
export function Failed({
  error,
  retry,
}: {
  error: { message: string } | null;
  retry?: () => void;
}) {
  return (
    <div className="state error" role="alert">
      <p>Could not load: {error?.message ?? 'unknown error'}</p>
      {retry ? (
        <button type="button" className="secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
