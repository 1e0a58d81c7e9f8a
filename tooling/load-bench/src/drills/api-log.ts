import type { ApiProcess } from '../processes';

/** The API's warnings and errors during a drill, grouped by message. */
export interface ApiLog {
  /** Count per message ("warn: ..." / "error: ..." for pino lines, the line for anything else). */
  readonly messages: Map<string, number>;
  stop(): void;
}

const levels: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * Listens to an API process's stdout and stderr (LOG_LEVEL=warn: pino writes warnings and
 * errors only; Node writes its own warnings, e.g. MaxListenersExceededWarning, to stderr).
 */
export function watchApiLog(api: ApiProcess): ApiLog {
  const messages = new Map<string, number>();
  let partial = '';
  const add = (message: string) => {
    // A bounded set of distinct messages: a flood of one message only grows its count.
    if (messages.size >= 20 && !messages.has(message)) return;
    messages.set(message, (messages.get(message) ?? 0) + 1);
  };
  const onData = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as {
          level?: number;
          msg?: string;
          err?: { message?: string };
        };
        const level = levels[entry.level ?? 0] ?? `level ${entry.level}`;
        const cause = entry.err?.message ? ` (${entry.err.message.slice(0, 120)})` : '';
        add(`${level}: ${entry.msg ?? ''}${cause}`);
      } catch {
        add(line.trim().slice(0, 200));
      }
    }
  };
  api.child.stdout?.on('data', onData);
  api.child.stderr?.on('data', onData);
  return {
    messages,
    stop() {
      api.child.stdout?.off('data', onData);
      api.child.stderr?.off('data', onData);
    },
  };
}
