import 'vitest';

declare module 'vitest' {
  /** What test/global-setup.ts provides (servicesSetup from @garage/test-services). */
  export interface ProvidedContext {
    redisUrl: string;
  }
}
