/** Where the web server reaches the API; the browser goes through our /api/trpc rewrite. */
export const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';
