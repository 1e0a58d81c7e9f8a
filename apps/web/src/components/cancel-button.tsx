'use client';

import { useRouter } from 'next/navigation';

/** Leaves a form unsaved, back to the page it was opened from. */
export function CancelButton() {
  const router = useRouter();
  return (
    <button type="button" className="secondary" onClick={() => router.back()}>
      Cancel
    </button>
  );
}
