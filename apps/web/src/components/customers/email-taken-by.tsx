import Link from 'next/link';

/**
 * Under the email of a customer form refused because another customer has that email: who,
 * with a link to them (the field's own error says it is taken).
 */
export function EmailTakenBy({
  error,
}: {
  error: { data?: { takenBy?: Record<string, { id: number; name: string }> | null } | null } | null;
}) {
  const holder = error?.data?.takenBy?.email;
  if (!holder) return null;
  return (
    <p className="taken-by">
      <Link href={`/staff/customers/${holder.id}`}>Open {holder.name}’s record</Link>
    </p>
  );
}
