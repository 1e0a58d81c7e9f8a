import { build } from 'esbuild';

// Workspace packages are TypeScript source: bundle them in. Third-party packages stay external
// (resolved from apps/api/node_modules at run time), so native and wasm files load as shipped.
await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
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
