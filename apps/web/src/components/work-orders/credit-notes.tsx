import type { RouterOutputs } from '@garage/api';
import { Timestamp } from '~/components/timestamp';
import { creditNotePdfPath } from '~/lib/invoice-pdf';
import { moneyIn } from '~/lib/money-of';

type CreditNote = RouterOutputs['workOrder']['byId']['creditNotes'][number];

/** The credit notes of a work order, oldest first: what each credited, why, who, when, its PDF. */
export function CreditNotes({ notes }: { notes: readonly CreditNote[] }) {
  if (notes.length === 0) return null;
  return (
    <>
      <h3>Credit notes</h3>
      <ul className="plain" aria-label="Credit notes">
        {notes.map((note) => (
          <li key={note.id}>
            <strong>Credit note {note.number}</strong>: credits invoice {note.invoiceNumber} in
            full, {moneyIn({ currency: note.currency, locale: null })(note.totalCents)}.{' '}
            <span className="muted">
              {note.issuedBy?.name ?? 'Someone'}, <Timestamp at={note.issuedAt} />: {note.reason}
            </span>{' '}
            ·{' '}
            <a
              href={creditNotePdfPath(note.id)}
              download
              aria-label={`Credit note ${note.number} (PDF)`}
            >
              PDF
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
