/**
 * `${NAME}` substitution for smoke requests. A name is looked up in the values saved by earlier requests,
 * then the run's variables (job environment, env file). An unknown name is an error naming it and where it
 * was used; `$${` writes a literal `${`.
 */
const PLACEHOLDER = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

export type Lookup = (name: string) => string | undefined

export class TemplateError extends Error {
  override name = 'TemplateError'
}

/** The names a template uses, in order (for `requires` and secret registration). */
export function templateNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].flatMap(m => (m[1] ? [m[1]] : []))
}

export function fillTemplate(template: string, lookup: Lookup, where: string): string {
  return template.replace(PLACEHOLDER, (whole, name: string | undefined) => {
    if (!name) return '${'
    const value = lookup(name)
    if (value === undefined)
      throw new TemplateError(
        `${where} uses \${${name}}, which is not set; allowed: a variable of the job's environment or --env-file, or a value saved by an earlier request`
      )
    return value
  })
}

/** Every string inside a JSON value filled (keys are left as written). */
export function fillJson(value: unknown, lookup: Lookup, where: string): unknown {
  if (typeof value === 'string') return fillTemplate(value, lookup, where)
  if (Array.isArray(value)) return value.map(v => fillJson(v, lookup, where))
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillJson(v, lookup, `${where}.${k}`)])
    )
  return value
}
