import Link from 'next/link';

/** Any unknown address, or a record id that cannot exist. */
export default function NotFound() {
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        Nothing lives at this address. <Link href="/">Go to your start page</Link>
      </p>
    </section>
  );
}
