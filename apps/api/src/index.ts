import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export type { VersionConflict } from './domain/versions/conflict';
export type { AppRouter } from './root';

/** What each procedure takes, e.g. `RouterInputs['vehicle']['create']` (the web's forms). */
export type RouterInputs = inferRouterInputs<AppRouter>;

/** What each procedure answers, e.g. `RouterOutputs['cache']['stats']` (the web's props). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
