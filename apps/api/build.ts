import { build } from 'esbuild';

// Workspace packages are TypeScript source: bundle them in. Third-party packages stay external
// (resolved from apps/api/node_modules at run time), so native and wasm files load as shipped.
// The VIN decoder's worker is a second bundle beside main.js (services/vin-decoder/decoder.ts).
await build({
  entryPoints: {
    main: 'src/main.ts',
    'vin-decoder-worker': 'src/services/vin-decoder/worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [
    {
      name: 'external-node-modules',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@garage/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
