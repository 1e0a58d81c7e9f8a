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

/** The parts of a query's result `Loaded` reads. */
type QueryResult<T> =
  | { isPending: true; isError: false; data: undefined }
  | { isPending: false; isError: true; error: { message: string } | null; refetch: () => unknown }
  | { isPending: false; isError: false; data: T };

/** A query's data, once loaded: "Loading `what`…" until then, and a failure with a retry. */
export function Loaded<T>({
  query,
  what,
  children,
}: {
  query: QueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  return children(query.data);
}
