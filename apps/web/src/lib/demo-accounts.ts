import type { Role } from './roles';

/** The development seed's accounts (DESIGN.md), listed on the sign-in page outside production. */
export const demoAccounts: readonly { email: string; role: Role }[] = [
  { email: 'admin@garage.test', role: 'admin' },
  { email: 'staff@garage.test', role: 'staff' },
  { email: 'alice@garage.test', role: 'customer' },
  { email: 'bob@garage.test', role: 'customer' },
];

/** The seed's password for every demo account. */
export const demoPassword = 'garage-demo';
