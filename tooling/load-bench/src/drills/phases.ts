import { Samples } from '../stats';

/**
 * How a request ended: its HTTP status (`503` only with the API's "database unavailable"
 * message, `503 other` with any other), `timeout` (no answer within the client timeout: a
 * hang) or `error` (the connection failed).
 */
export type Outcome = string;

export const clearUnavailableMessage = 'the database is unavailable; try again in a moment';

/** What the requests answered during one phase of a drill saw. */
export class Phase {
  readonly startedAt = performance.now();
  endedAt = Number.NaN;
  requests = 0;
  reads = 0;
  writes = 0;
  /** Reads begun after a write of their vehicle was acknowledged that returned less. */
  staleReads = 0;
  readonly outcomes = new Map<Outcome, number>();
  /** Latency in ms per outcome (every request ends in one). */
  readonly latencies = new Map<Outcome, Samples>();
  /** When the first response of each outcome arrived (performance.now()). */
  readonly firstAt = new Map<Outcome, number>();
  /** Up to five distinct messages of the answers that were not 2xx. */
  readonly messages = new Set<string>();

  constructor(readonly name: string) {}

  record(kind: 'read' | 'write', outcome: Outcome, ms: number, message?: string): void {
    this.requests++;
    if (kind === 'read') this.reads++;
    else this.writes++;
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    let samples = this.latencies.get(outcome);
    if (!samples) {
      samples = new Samples();
      this.latencies.set(outcome, samples);
    }
    samples.push(ms);
    if (!this.firstAt.has(outcome)) this.firstAt.set(outcome, performance.now());
    if (message !== undefined && this.messages.size < 5) this.messages.add(message);
  }

  /** Seconds the phase lasted (so far, while it runs). */
  get seconds(): number {
    const end = Number.isNaN(this.endedAt) ? performance.now() : this.endedAt;
    return (end - this.startedAt) / 1000;
  }

  count(outcome: Outcome): number {
    return this.outcomes.get(outcome) ?? 0;
  }

  /** Requests whose outcome is not in `allowed` (2xx only, unless a drill allows more). */
  failed(allowed: (outcome: Outcome) => boolean = isOk): number {
    let failed = 0;
    for (const [outcome, n] of this.outcomes) if (!allowed(outcome)) failed += n;
    return failed;
  }

  /** Percentile `p` of the latencies of `outcomes` (every outcome when omitted). */
  percentile(p: number, outcomes?: readonly Outcome[]): number {
    const picked = [...this.latencies]
      .filter(([outcome]) => !outcomes || outcomes.includes(outcome))
      .map(([, samples]) => samples.values());
    const all = new Samples();
    for (const values of picked) for (const v of values) all.push(v);
    return all.percentile(p);
  }
}

export function isOk(outcome: Outcome): boolean {
  return /^2\d\d$/.test(outcome);
}

/** The phases of one drill, in order; a request belongs to the phase in force when it ended. */
export class PhaseLog {
  readonly phases: Phase[] = [];

  constructor(first: string) {
    this.phases.push(new Phase(first));
  }

  get current(): Phase {
    return this.phases.at(-1) as Phase;
  }

  /** Ends the current phase and starts `name`. */
  begin(name: string): Phase {
    this.current.endedAt = performance.now();
    const phase = new Phase(name);
    this.phases.push(phase);
    return phase;
  }

  end(): void {
    if (Number.isNaN(this.current.endedAt)) this.current.endedAt = performance.now();
  }

  total(key: 'requests' | 'reads' | 'writes' | 'staleReads'): number {
    return this.phases.reduce((sum, p) => sum + p[key], 0);
  }
}
