/** The seed's demo accounts (password `garage-demo`), by the role each plays in the flows. */
export const accounts = {
  admin: 'admin@garage.test',
  staff: 'staff@garage.test',
  alice: 'alice@garage.test',
  bob: 'bob@garage.test',
} as const;

export type Account = keyof typeof accounts;

export const demoPassword = 'garage-demo';

/** Where the set-up project saves an account's signed-in browser state. */
export const storageStateOf = (account: Account) => `.auth/${account}.json`;
