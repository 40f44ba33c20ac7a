export type LogLevel = 'silent' | 'info' | 'debug'

/** Minimal leveled logger to stderr. Messages never include credentials. */
export interface Logger {
  info(message: string): void
  debug(message: string): void
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const at = (min: LogLevel) => (message: string) => {
    if (level === 'debug' || (level === 'info' && min === 'info')) write(`[wandb-rx-server] ${message}`)
  }
  return { info: at('info'), debug: at('debug') }
}
