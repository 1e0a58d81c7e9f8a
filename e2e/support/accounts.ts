import { resolve } from 'node:path';

/** The seed's demo accounts (password `garage-demo`), by the role each plays in the flows. */
export const accounts = {
  admin: 'admin@garage.test',
  staff: 'staff@garage.test',
  alice: 'alice@garage.test',
  bob: 'bob@garage.test',
} as const;

export type Account = keyof typeof accounts;

export const demoPassword = 'garage-demo';

/** The customer records the seed links to the two customer accounts. */
export const customerNames = {
  alice: 'Alice Martin',
  bob: 'Bob Okafor',
} as const;

/** The heading of the page each account lands on after signing in. */
export const landingHeading: Record<Account, string> = {
  admin: 'Customers',
  staff: 'Customers',
  alice: 'My vehicles',
  bob: 'My vehicles',
};

/** Where the set-up projects save an account's signed-in browser state (e2e/.auth/). */
export const storageStateOf = (account: Account) =>
  resolve(import.meta.dirname, '../.auth', `${account}.json`);
