/**
 * Uploads the evidence folder as one workflow artifact. An upload problem must not hide the run's
 * result, so every failure comes back as a warning instead of an exception.
 *
 * Artifact names are unique per workflow run, and a re-run job is the same run: its upload under the first
 * attempt's name is refused (409 Conflict). The evidence of a re-run (often the attempt that applied) must not
 * be lost, so it goes under a name of its own, and the first attempt's artifact stays as it was.
 */

export interface UploadEvidenceOptions {
  name: string
  files: string[]
  rootDirectory: string
  retentionDays?: number
  /** GITHUB_RUN_ATTEMPT: "2" and up on a re-run. */
  runAttempt?: string
}

export interface UploadedEvidence {
  id?: number
  size?: number
  /** The name it was uploaded under, when it was. */
  name?: string
  /** Why it went under another name than the one asked for. */
  notice?: string
  warning?: string
}

/** Further names to try, in order, when a name is taken on this workflow run. */
export function fallbackNames(name: string, runAttempt?: string): string[] {
  const attempt = Number(runAttempt)
  const base = Number.isInteger(attempt) && attempt > 1 ? `${name}-attempt-${attempt}` : name
  return [
    ...(base === name ? [] : [base]),
    ...Array.from({ length: 4 }, (_, i) => `${base}-${i + 2}`)
  ]
}

const isNameTaken = (e: unknown) => /\(409\)/.test((e as Error)?.message ?? '')

export async function uploadEvidence(opts: UploadEvidenceOptions): Promise<UploadedEvidence> {
  if (opts.files.length === 0) {
    return { warning: `Artifact "${opts.name}" was not uploaded: there are no evidence files.` }
  }
  try {
    // @actions/artifact brings the Azure storage SDK: loaded only when there is something to upload.
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const names = [opts.name, ...fallbackNames(opts.name, opts.runAttempt)]
    for (const [i, name] of names.entries()) {
      try {
        const result = await client.uploadArtifact(name, opts.files, opts.rootDirectory, {
          retentionDays: opts.retentionDays
        })
        return {
          id: result.id,
          size: result.size,
          name,
          ...(i === 0
            ? {}
            : {
                notice: `Artifact "${opts.name}" already exists on this workflow run (an earlier attempt or step): this evidence is uploaded as "${name}".`
              })
        }
      } catch (e) {
        if (!isNameTaken(e) || i === names.length - 1) throw e
      }
    }
    throw new Error('no name left to try')
  } catch (error) {
    return {
      warning: `Artifact "${opts.name}" was not uploaded: ${(error as Error).message ?? String(error)}`
    }
  }
}
