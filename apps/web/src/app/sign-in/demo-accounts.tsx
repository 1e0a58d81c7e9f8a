'use client';

import type { Role } from '~/lib/roles';

export interface DemoList {
  accounts: readonly { email: string; role: Role }[];
  password: string;
}

/** The seeded demo accounts, each with a button that fills the form in. */
export function DemoAccounts({
  demo,
  onPick,
}: {
  demo: DemoList;
  onPick: (email: string) => void;
}) {
  return (
    <aside className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo accounts</h2>
      <p>
        Development data only. Password for all: <code>{demo.password}</code>
      </p>
      <ul className="demo-accounts">
        {demo.accounts.map((account) => (
          <li key={account.email}>
            <span>
              <code>{account.email}</code> <span className="muted">({account.role})</span>
            </span>
            <button
              type="button"
              className="secondary"
              aria-label={`Fill in ${account.email}`}
              onClick={() => onPick(account.email)}
            >
              Use
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
