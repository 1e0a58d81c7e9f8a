// Which vehicles a saved job fits: the API refuses to insert one elsewhere, and the work order
// page offers only those that fit.

/** The vehicles a saved job fits: any, or those of a make (and model, and years). */
export type Fitment = {
  make: string | null;
  model: string | null;
  yearFrom: number | null;
  yearTo: number | null;
};

type Vehicle = { make: string; model: string; year: number };

const same = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;

/** Whether a job of `fitment` fits `vehicle` (makes and models compared without case). */
export function fits(fitment: Fitment, vehicle: Vehicle): boolean {
  if (fitment.make !== null && !same(fitment.make, vehicle.make)) return false;
  if (fitment.model !== null && !same(fitment.model, vehicle.model)) return false;
  if (fitment.yearFrom !== null && vehicle.year < fitment.yearFrom) return false;
  if (fitment.yearTo !== null && vehicle.year > fitment.yearTo) return false;
  return true;
}

/** "Honda Civic 2012–2016", "Toyota from 2018", or "any vehicle". */
export function describeFitment(fitment: Fitment): string {
  const { make, model, yearFrom, yearTo } = fitment;
  const name = [make, model].filter(Boolean).join(' ');
  const years =
    yearFrom !== null && yearTo !== null
      ? yearFrom === yearTo
        ? String(yearFrom)
        : `${yearFrom}–${yearTo}`
      : yearFrom !== null
        ? `from ${yearFrom}`
        : yearTo !== null
          ? `up to ${yearTo}`
          : '';
  const described = [name, years].filter(Boolean).join(' ');
  return described || 'any vehicle';
}
