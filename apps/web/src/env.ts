import { z } from 'zod';

/** The web app's settings, parsed once; nothing else reads process.env. */
const schema = z.object({
  API_URL: z.string().url().default('http://127.0.0.1:4000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

const parsed = schema.parse({ API_URL: process.env.API_URL, NODE_ENV: process.env.NODE_ENV });

/** Where the web server reaches the API; the browser goes through our /api/trpc rewrite. */
export const apiUrl = parsed.API_URL.replace(/\/$/, '');

/** True outside production: the sign-in page lists the demo accounts. */
export const isDevelopment = parsed.NODE_ENV !== 'production';
