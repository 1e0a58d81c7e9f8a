import { expect, type Locator, type Page } from '@playwright/test';
import { type Account, accounts, demoPassword } from './accounts';

/** Fills in and sends the sign-in form as a person would. */
export async function signIn(page: Page, account: Account) {
  await page.getByLabel('Email', { exact: true }).fill(accounts[account]);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The value next to `term` in a details list (<dt>term</dt><dd>value</dd>). */
export function detail(scope: Page | Locator, term: string): Locator {
  return scope.locator(`dt:text-is("${term}") + dd`);
}

/** A unique, upper-case, 5-character tag for the records a run creates. */
export function uniqueTag(): string {
  return (Date.now() % 36 ** 5).toString(36).toUpperCase().padStart(5, '0');
}

/** Staff: finds a customer by name in the customer list and opens their page. */
export async function openCustomer(page: Page, name: string) {
  await page.goto('/staff/customers');
  await page.getByLabel('Search customers').fill(name);
  await page.getByRole('table').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export interface VehicleLink {
  plate: string;
  href: string;
}

/** Staff, on a customer's page: the plates and page addresses of the vehicles listed. */
export async function listedVehicles(page: Page): Promise<VehicleLink[]> {
  const section = page.getByRole('region', { name: /^Vehicles \(\d+\)$/ });
  await expect(section).toBeVisible();
  const links = section.getByRole('table').getByRole('link');
  const vehicles: VehicleLink[] = [];
  for (const link of await links.all()) {
    const href = await link.getAttribute('href');
    if (href?.startsWith('/staff/vehicles/')) {
      vehicles.push({ plate: ((await link.textContent()) ?? '').trim(), href });
    }
  }
  return vehicles;
}
