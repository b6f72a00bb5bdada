/** Evidence files under artifacts/<environment>/, each redacted before it touches the disk. */
import { mkdirSync, writeFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { Redactor } from './redact.js'

export class EvidenceWriter {
  readonly dir: string
  readonly written = new Set<string>()
  private made = false

  constructor(
    artifactsDir: string,
    environment: string,
    private readonly redactor: Redactor
  ) {
    this.dir = path.resolve(artifactsDir, environment)
  }

  write(name: string, content: string): string {
    if (name.includes('/') || name.includes('..'))
      throw new Error(`evidence file name "${name}" must be a plain file name`)
    // Once per run: a run writes a dozen files, and each mkdir is a few system calls.
    if (!this.made) {
      mkdirSync(this.dir, { recursive: true })
      this.made = true
    }
    const file = path.join(this.dir, name)
    writeFileSync(file, this.redactor.redact(content.endsWith('\n') ? content : content + '\n'))
    this.written.add(name)
    return file
  }

  writeJson(name: string, value: unknown): string {
    return this.write(name, JSON.stringify(value, null, 2))
  }

  /**
   * A writer whose files wait: release() writes them here. For work that starts early and is reported in its
   * place (stages/runner.ts): a result that is discarded leaves no file behind.
   */
  hold(): { evidence: EvidenceWriter; release: () => void } {
    const held: [string, string][] = []
    const evidence = Object.create(this) as EvidenceWriter
    evidence.write = (name, content) => {
      held.push([name, content])
      return path.join(this.dir, name)
    }
    return {
      evidence,
      release: () => {
        for (const [name, content] of held.splice(0)) this.write(name, content)
      }
    }
  }

  /** Every file in the evidence folder (for upload). */
  files(): string[] {
    try {
      return readdirSync(this.dir).map(f => path.join(this.dir, f))
    } catch {
      return []
    }
  }
}
