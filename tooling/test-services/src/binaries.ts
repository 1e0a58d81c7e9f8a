import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Finds an executable on PATH or in the usual Debian locations, or says how to install it. */
export function findBinary(name: string, debianPackage: string): string {
  const candidates = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name));
  const pgRoot = '/usr/lib/postgresql';
  if (existsSync(pgRoot)) {
    const versions = readdirSync(pgRoot).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(join(pgRoot, version, 'bin', name));
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`${name} not found: install it with "apt-get install -y ${debianPackage}"`);
  }
  return found;
}
