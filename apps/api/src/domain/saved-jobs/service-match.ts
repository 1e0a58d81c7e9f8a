import { type Fitment, fits } from '@garage/validators';

// Which saved job prices a service reminder ("Oil and filter change" due on a 2016 Civic), so
// "Due soon" can offer it with its price.
//
// The rule: a job matches when its name is the reminder's service, compared as words (case,
// spacing and punctuation aside: "Oil & filter change" is not "Oil and filter change", but
// "oil and filter  change." is), and its fitment includes the vehicle. A shop that keeps one job
// per model ("Oil and filter change" for any vehicle, and one for Honda Civic 2012-2016) gets the
// most specific one that fits: years, then model, then make narrow it; a tie goes to the job
// saved first. Nothing fuzzier: a near miss offering the wrong job at the wrong price is worse
// than none, and the shop can name its jobs after the services it reminds of.

type Candidate = Fitment & { id: number; name: string };
type Vehicle = { make: string; model: string; year: number };

/** A name as words: lower case, letters and digits only, single spaces. */
export function serviceWords(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How narrowly a job's fitment names vehicles: more is more specific. */
function specificity(fitment: Fitment): number {
  const years = Number(fitment.yearFrom !== null) + Number(fitment.yearTo !== null);
  return years * 4 + Number(fitment.model !== null) * 2 + Number(fitment.make !== null);
}

/** The saved job that prices `service` on `vehicle` by the rule above, or null. */
export function jobForService<Job extends Candidate>(
  jobs: readonly Job[],
  service: string,
  vehicle: Vehicle,
): Job | null {
  const wanted = serviceWords(service);
  if (!wanted) return null;
  let best: Job | null = null;
  for (const job of jobs) {
    if (serviceWords(job.name) !== wanted || !fits(job, vehicle)) continue;
    const better =
      best === null ||
      specificity(job) > specificity(best) ||
      (specificity(job) === specificity(best) && job.id < best.id);
    if (better) best = job;
  }
  return best;
}
