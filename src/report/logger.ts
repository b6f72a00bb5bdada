/** The run log: every line redacted, echoed to a sink (console or @actions/core), kept for <env>-migration.log. */
import type { Redactor } from './redact.js'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogSink = (level: LogLevel, line: string) => void

export class Logger {
  readonly lines: string[] = []
  constructor(
    private readonly redactor: Redactor,
    private readonly sink: LogSink = () => {}
  ) {}

  private write(level: LogLevel, message: string): void {
    const text = this.redactor.redact(message)
    const stamp = new Date().toISOString()
    for (const line of text.split('\n'))
      this.lines.push(`${stamp} ${level.toUpperCase().padEnd(5)} ${line}`)
    this.sink(level, text)
  }

  debug(message: string): void {
    this.write('debug', message)
  }
  info(message: string): void {
    this.write('info', message)
  }
  warn(message: string): void {
    this.write('warn', message)
  }
  error(message: string): void {
    this.write('error', message)
  }

  text(): string {
    return this.lines.join('\n') + '\n'
  }

  /**
   * A logger whose lines wait: release() writes them to this one, in order. For work that starts early and
   * is reported in its place (stages/runner.ts); what is never released is never written.
   */
  hold(): { log: Logger; release: () => void } {
    const held: [LogLevel, string][] = []
    return {
      log: new Logger(this.redactor, (level, text) => held.push([level, text])),
      release: () => {
        for (const [level, text] of held.splice(0)) this.write(level, text)
      }
    }
  }
}
