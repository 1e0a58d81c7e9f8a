import type { Prisma } from '@garage/db';

/**
 * The filter every search uses: a case-insensitive `contains` that finds `search` as typed.
 * Prisma passes `contains` to ILIKE unescaped, so `%` and `_` would be wildcards and `\` the
 * escape character; each is escaped (PostgreSQL's default LIKE escape is the backslash).
 */
export function containsLiterally(search: string) {
  return {
    contains: search.replace(/[\\%_]/g, (character) => `\\${character}`),
    mode: 'insensitive',
  } satisfies Prisma.StringFilter;
}
