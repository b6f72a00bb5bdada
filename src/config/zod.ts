/**
 * zod's configuration, set once before any schema is built: a module that builds schemas imports this module
 * before it imports zod (`import './zod.js'`).
 * jitless: a run parses each schema once or twice, and zod's JIT compiles a function (new Function) per object
 * schema on its first parse, which costs more than it saves. zod reads the setting when a schema is built.
 * Only `config` is imported here: re-exporting zod's namespace object from a module of ours would keep all of
 * zod in the bundle (887 KB instead of 378 KB, measured).
 */
import { config } from 'zod'

config({ jitless: true })
