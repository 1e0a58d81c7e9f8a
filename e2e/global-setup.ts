import { startApp } from './support/app-servers';
import { assertChromium } from './support/chromium';

/** Starts the app once for every spec; the returned function tears it down. */
export default async function globalSetup() {
  assertChromium();
  const { env, stop } = await startApp();
  process.env.E2E_WEB_URL = env.webUrl;
  process.env.E2E_API_URL = env.apiUrl;
  process.env.E2E_CONTROL_URL = env.controlUrl;
  process.env.E2E_SMTP_PORT = String(env.smtpPort);
  return stop;
}
