/** The fields of a customer a front desk calls or writes to; "none" is shown, not hidden. */
export function ContactDetails({
  customer,
}: {
  customer: {
    email: string | null;
    phone: string | null;
    address: string | null;
    notes: string | null;
  };
}) {
  const { email, phone, address, notes } = customer;
  const none = <span className="muted">none</span>;
  return (
    <dl className="details">
      <dt>Email</dt>
      <dd>{email ? <a href={`mailto:${email}`}>{email}</a> : none}</dd>
      <dt>Phone</dt>
      <dd>{phone ? <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>{phone}</a> : none}</dd>
      <dt>Address</dt>
      <dd className="pre-line">{address ?? none}</dd>
      <dt>Notes</dt>
      <dd className="pre-line">{notes ?? none}</dd>
    </dl>
  );
}
