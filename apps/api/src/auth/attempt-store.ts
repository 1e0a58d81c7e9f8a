/** The two counters one sign-in attempt moves: its email's and its client address's. */
export interface AttemptKeys {
  email: string;
  ip: string;
}

/** A counter after an attempt: attempts in the current window, and milliseconds it has left. */
export interface AttemptCount {
  count: number;
  msLeft: number;
}

/** Where sign-in attempts are counted, atomically, for every API instance at once. */
export interface AttemptStore {
  /**
   * Adds one attempt to both counters in one atomic step (a window opens with its first
   * attempt) and returns their counts including this one.
   */
  count(keys: AttemptKeys, windowMs: number): Promise<{ email: AttemptCount; ip: AttemptCount }>;
  /** After a correct password: forgets the email's count and takes one back from the address. */
  settle(keys: AttemptKeys): Promise<void>;
}
