/** Findings as GitHub annotations on the migration files (core.error / core.warning / core.notice). */
import type { Annotation } from '../types.js'

export interface AnnotationSink {
  error(msg: string, props: object): void
  warning(msg: string, props: object): void
  notice(msg: string, props: object): void
}

/** GitHub shows at most 10 annotations per level per step anyway; 50 keeps the log readable. */
export const MAX_ANNOTATIONS_PER_LEVEL = 50

export function emitAnnotations(annotations: Annotation[], sink: AnnotationSink): void {
  const counts = { error: 0, warning: 0, notice: 0 }
  const dropped = { error: 0, warning: 0, notice: 0 }
  for (const a of annotations) {
    if (counts[a.level] >= MAX_ANNOTATIONS_PER_LEVEL) {
      dropped[a.level]++
      continue
    }
    counts[a.level]++
    const props: { file: string; startLine: number; startColumn?: number; title: string } = {
      file: a.file,
      startLine: a.line,
      title: a.title
    }
    if (a.column !== undefined) props.startColumn = a.column
    sink[a.level](a.message, props)
  }
  const left = (Object.keys(dropped) as (keyof typeof dropped)[]).filter(l => dropped[l] > 0)
  if (left.length > 0) {
    const what = left.map(l => `${dropped[l]} ${l}${dropped[l] === 1 ? '' : 's'}`).join(', ')
    sink.notice(
      `${what} more not shown as annotations (limit ${MAX_ANNOTATIONS_PER_LEVEL} per level); see the report.`,
      { title: 'Annotations capped' }
    )
  }
}
