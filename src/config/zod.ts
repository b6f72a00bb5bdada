/**
 * zod's configuration, set once before any schema is built: a module that builds schemas imports this module
 * before it imports zod (`import './zod.js'`).
 * zod/mini, not the classic API: the classic one attaches some forty methods to every schema it builds and
 * brings 378 KB of code to compile (mini: 283 KB); that was ~25 ms of the CLI's CPU before its first connection
 * (Node 20, module self-times of the built CLI). mini has no default locale: English is set here.
 * jitless: a run parses each schema once or twice, and zod's JIT compiles a function (new Function) per object
 * schema on its first parse, which costs more than it saves. zod reads the setting when a schema is built.
 */
import { config, NEVER, pipe, transform, unknown } from 'zod/mini'
import { en } from 'zod/locales'

config(en())
config({ jitless: true })

/** Reports a problem with the value being parsed (its path below the value's own, if any). */
export type Fail = (message: string, path?: PropertyKey[]) => never

/**
 * A schema that takes any value and returns `read(value, fail)`; `fail` records an issue with the message as
 * written and ends the parse of this value. The classic API's `.transform((v, ctx) => ...)` with
 * `ctx.addIssue`: mini's transform gets the parse payload, without addIssue.
 */
export function readValue<T>(read: (value: unknown, fail: Fail) => T) {
  return pipe(
    unknown(),
    transform((value: unknown, payload) => {
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
  )
}

class Failed extends Error {
  constructor(
    message: string,
    readonly path: PropertyKey[]
  ) {
    super(message)
  }
}
