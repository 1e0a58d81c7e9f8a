import type { ReactNode } from 'react';

/** What went wrong with a form or an action as a whole, announced; nothing takes no room. */
export function FormError({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="form-error">
      {children}
    </p>
  );
}
