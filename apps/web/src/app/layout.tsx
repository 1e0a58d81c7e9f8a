import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '~/components/site-header';
import { maxBatch } from '~/env';
import { TRPCReactProvider } from '~/trpc/react';
import './globals.css';
import './phone.css';
import './print.css';
import './job-card.css';
import './inspection.css';

export const metadata: Metadata = {
  title: { default: 'Garage', template: '%s · Garage' },
  description: 'Customers, vehicles and the cache behind them',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TRPCReactProvider maxBatch={maxBatch}>
          <SiteHeader />
          <main id="main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
