import type { Metadata } from 'next';
import { CustomerForm } from '~/components/customers/customer-form';

export const metadata: Metadata = { title: 'New customer' };

/** Staff: create a customer. */
export default function NewCustomerPage() {
  return (
    <section className="narrow">
      <h1>New customer</h1>
      <CustomerForm />
    </section>
  );
}
