/**
 * Uploads the evidence folder as one workflow artifact. An upload problem must not hide the run's
 * result, so every failure comes back as a warning instead of an exception.
 */

export interface UploadEvidenceOptions {
  name: string
  files: string[]
  rootDirectory: string
  retentionDays?: number
}

export async function uploadEvidence(
  opts: UploadEvidenceOptions
): Promise<{ id?: number; size?: number; warning?: string }> {
  if (opts.files.length === 0) {
    return { warning: `Artifact "${opts.name}" was not uploaded: there are no evidence files.` }
  }
  try {
    // @actions/artifact brings the Azure storage SDK: loaded only when there is something to upload.
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const result = await client.uploadArtifact(opts.name, opts.files, opts.rootDirectory, {
      retentionDays: opts.retentionDays
    })
    return { id: result.id, size: result.size }
  } catch (error) {
    return {
      warning: `Artifact "${opts.name}" was not uploaded: ${(error as Error).message ?? String(error)}`
    }
  }
}
