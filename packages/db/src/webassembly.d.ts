// Node 20 has the WebAssembly global, but its types live in lib.dom, which a server package
// should not pull in. This is the slice src/schema-engine.ts uses.
declare namespace WebAssembly {
  type ImportValue = ((...args: never[]) => unknown) | object | number;
  type Imports = Record<string, Record<string, ImportValue>>;
  type Exports = Record<string, ImportValue>;
  interface Instance {
    readonly exports: Exports;
  }
  function instantiate(
    bytes: Uint8Array,
    imports: Imports,
  ): Promise<{ instance: Instance; module: object }>;
}
