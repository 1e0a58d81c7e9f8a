import { accessSync, constants } from 'node:fs';

/** The Chromium the flows drive: Debian's package, or CHROMIUM_PATH. Never a downloaded one. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Stops the run before anything starts when Chromium is missing, with the command that installs
 * it, instead of one launch error per set-up project after the app has been started for nothing.
 */
export function assertChromium(): void {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `The end-to-end flows need Chromium at ${chromiumPath}, and there is none. Install it with:\n\n` +
        '    apt-get install -y chromium\n\n' +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
}
