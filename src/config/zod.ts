/**
 * zod's configuration, set once before any schema is built: a module that builds schemas imports this module
 * before it imports zod (`import './zod.js'`).
 * zod/mini, not the classic API: the classic one attaches some forty methods to every schema it builds and
 * brings 378 KB of code to compile (mini: 283 KB); that was ~25 ms of the CLI's CPU before its first connection
 * (Node 20, module self-times of the built CLI). mini has no default locale: English is set here.
 * jitless: a run parses each schema once or twice, and zod's JIT compiles a function (new Function) per object
 * schema on its first parse, which costs more than it saves. zod reads the setting when a schema is built.
 */
import {
  _default,
  array,
  boolean,
  config,
  minLength,
  NEVER,
  null as nullSchema,
  number,
  pipe,
  string,
  transform,
  union,
  unknown
} from 'zod/mini'
import { en } from 'zod/locales'

config(en())
config({ jitless: true })

/** Reports a problem with the value being parsed (its path below the value's own, if any). */
export type Fail = (message: string, path?: PropertyKey[]) => never

/**
 * A transform that returns `read(value, fail)`; `fail` records an issue with the message as written and ends the
 * parse of this value. The classic API's `.transform((v, ctx) => ...)` with `ctx.addIssue`: mini's transform gets
 * the parse payload, without addIssue. Piped after the schema that checks the value's type, if any.
 */
export function readWith<I, T>(read: (value: I, fail: Fail) => T) {
  return transform((value: I, payload) => {
    try {
      return read(value, (message, path = []) => {
        throw new Failed(message, path)
      })
    } catch (e) {
      if (!(e instanceof Failed)) throw e
      payload.issues.push({ code: 'custom', message: e.message, input: value, path: e.path })
      return NEVER as T
    }
  })
}

/** A schema that takes any value and returns `read(value, fail)` (see readWith). */
export function readValue<T>(read: (value: unknown, fail: Fail) => T) {
  return pipe(unknown(), readWith(read))
}

/** A string of at least one character. */
export const nonEmpty = () => string().check(minLength(1))

/** A query's `params` ($1, $2, ...): strings, numbers, booleans and nulls; none when left out. */
export const sqlParams = () =>
  _default(array(union([string(), number(), boolean(), nullSchema()])), [])

class Failed extends Error {
  constructor(
    message: string,
    readonly path: PropertyKey[]
  ) {
    super(message)
  }
}
