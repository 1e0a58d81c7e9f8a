/**
 * Whether a failed query is worth one more try: not when the API answered with a 4xx
 * (signed out, forbidden, not found, bad input: asking again changes nothing).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  const data = (error as { data?: { httpStatus?: unknown } } | null)?.data;
  const status = typeof data?.httpStatus === 'number' ? data.httpStatus : undefined;
  return status === undefined || status >= 500;
}
