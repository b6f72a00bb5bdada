/**
 * zod's issues with a runbook.yml in the tool's words: each line names the key (its path), what was found and
 * what is allowed; an unknown key names the nearest allowed one. zod's own text said "Unrecognized key" without
 * the allowed keys, and "Invalid option" without the value.
 */
import type * as z from 'zod/mini'
import { nearestName } from './nearest.js'

type Issue = z.core.$ZodIssue
interface SchemaDef {
  type: string
  shape?: Record<string, { _zod: { def: SchemaDef } }>
  valueType?: { _zod: { def: SchemaDef } }
  innerType?: { _zod: { def: SchemaDef } }
  in?: { _zod: { def: SchemaDef } }
  element?: { _zod: { def: SchemaDef } }
}

/** The object schema's keys at `path` (wrappers, records and arrays followed), or undefined when not known. */
function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def
  const unwrap = () => {
    for (;;) {
      const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined)
      if (!inner) return
      def = inner._zod.def
    }
  }
  unwrap()
  for (const key of path) {
    const next =
      def.type === 'object'
        ? def.shape?.[String(key)]
        : def.type === 'record'
          ? def.valueType
          : def.type === 'array'
            ? def.element
            : undefined
    if (!next) return undefined
    def = next._zod.def
    unwrap()
  }
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw
  for (const key of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[key]
  return v
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value)
}

/** One line per issue: `  <path>: <what is wrong>; allowed: <what is>`. */
export function policyIssueLines(
  issues: readonly Issue[],
  raw: unknown,
  schema: z.core.$ZodType
): string[] {
  return issues.flatMap(issue => {
    const where = issue.path.join('.') || '(top)'
    const prefix = (key: string) => (issue.path.length ? `${where}.${key}` : key)
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(schema, issue.path)
      return issue.keys.map(key => {
        const nearest = allowed && nearestName(key, allowed)
        const hint = nearest ? ` (did you mean "${nearest}"?)` : ''
        return `  ${prefix(key)}: unknown key${hint}${allowed ? `; allowed: ${allowed.join(', ')}` : ''}`
      })
    }
    if (issue.code === 'invalid_value' && issue.values.length > 1)
      return [
        `  ${where}: is ${shown(valueAt(raw, issue.path))}; allowed: ${issue.values.map(String).join(', ')}`
      ]
    if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined)
      return [`  ${where}: missing (required)`]
    return [`  ${where}: ${issue.message}`]
  })
}
