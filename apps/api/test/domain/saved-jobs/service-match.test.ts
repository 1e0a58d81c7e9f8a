import { describe, expect, it } from 'vitest';
import { jobForService, serviceWords } from '../../../src/domain/saved-jobs/service-match';

// Which saved job "Due soon" offers for a reminder's service (the rule is in service-match.ts).

const anyVehicle = { make: null, model: null, yearFrom: null, yearTo: null };
const civic = { make: 'Honda', model: 'Civic', year: 2015 };

describe('jobForService', () => {
  it('compares the name and the service as words: case, spacing and punctuation aside', () => {
    expect(serviceWords('  Oil-and-filter  CHANGE. ')).toBe('oil and filter change');
    const job = { id: 1, name: 'Oil and filter change', ...anyVehicle };
    expect(jobForService([job], 'oil and filter change.', civic)).toBe(job);
    expect(jobForService([job], 'Oil & filter change', civic)).toBeNull();
    expect(jobForService([job], 'Oil change', civic)).toBeNull();
    expect(jobForService([job], '  ', civic)).toBeNull();
  });

  it('offers only a job that fits the vehicle, the most specific first, then the first saved', () => {
    const name = 'Brake fluid';
    const jobs = [
      { id: 5, name, ...anyVehicle },
      { id: 4, name, ...anyVehicle },
      { id: 3, name, ...anyVehicle, make: 'honda' },
      { id: 2, name, ...anyVehicle, make: 'Honda', model: 'Civic' },
      { id: 1, name, ...anyVehicle, make: 'Toyota' },
    ];
    expect(jobForService(jobs, name, civic)?.id).toBe(2);
    expect(jobForService(jobs, name, { ...civic, model: 'Jazz' })?.id).toBe(3);
    expect(jobForService(jobs, name, { ...civic, make: 'Ford' })?.id).toBe(4);
    const years = { id: 6, name, ...anyVehicle, make: 'Honda', yearFrom: 2012, yearTo: 2016 };
    expect(jobForService([...jobs, years], name, civic)?.id).toBe(6);
    expect(jobForService([...jobs, years], name, { ...civic, year: 2020 })?.id).toBe(2);
  });
});
