#!/usr/bin/env node
import { fileURLToPath as __mrFileURLToPath } from 'node:url'; import { dirname as __mrDirname } from 'node:path'; const __filename = __mrFileURLToPath(import.meta.url); const __dirname = __mrDirname(__filename);
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 833:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled),
/* harmony export */   rm: () => (/* binding */ trapSignals),
/* harmony export */   u_: () => (/* binding */ cancellableSleep)
/* harmony export */ });
/**
 * Cancellation of a run (a cancelled GitHub job sends SIGINT then SIGTERM; Ctrl-C sends SIGINT). The front
 * doors own the signal handlers and an AbortController; the engine only reads the AbortSignal.
 */
/** Thrown where a run stops because it was cancelled (checked between statements, during waits). */
class CancelledError extends Error {
    name = 'CancelledError';
    constructor(message = 'the run was cancelled') {
        super(message);
    }
}
function throwIfCancelled(signal, what) {
    if (signal?.aborted)
        throw new CancelledError(what ? `cancelled before ${what}` : undefined);
}
/** setTimeout as a promise that rejects with CancelledError as soon as the signal fires. */
function cancellableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new CancelledError());
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        const onAbort = () => {
            clearTimeout(timer);
            reject(new CancelledError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * First SIGINT/SIGTERM/SIGHUP: abort (the engine cancels its statements, rolls back, writes the evidence and returns),
 * with a hard deadline after which the process exits anyway. Second signal: exit at once.
 */
function trapSignals(opts) {
    const controller = new AbortController();
    let first;
    let deadline;
    const handler = (sig) => {
        if (first) {
            opts.exit(130);
            return;
        }
        first = sig;
        opts.onFirst(sig);
        controller.abort(new CancelledError(`cancelled by ${sig}`));
        deadline = setTimeout(() => opts.exit(130), opts.hardDeadlineMs);
        deadline.unref();
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    // A closed terminal or a dropped ssh session: by default the process dies at once, leaving its statement
    // running on the server and a throwaway Postgres without a parent.
    process.on('SIGHUP', handler);
    return {
        signal: controller.signal,
        received: () => first,
        dispose() {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
            process.off('SIGHUP', handler);
            if (deadline)
                clearTimeout(deadline);
        }
    };
}


/***/ }),

/***/ 91:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5581);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(833);
/**
 * The CLI's process: signals in, an exit code out. The code is passed to process.exit explicitly once
 * everything is stopped, so no dependency's exit hook can change it.
 */


// pg asks whether it runs on Cloudflare Workers by reading navigator.userAgent. Node 20 has no navigator, so pg
// builds a Response to find out, which loads Node's whole fetch stack (~40 ms of every run). Node 21+ defines
// navigator.userAgent itself ("Node.js/<major>"): Node 20 gets the same answer. (The action runs on Node 24.)
if (typeof globalThis.navigator === 'undefined')
    Object.defineProperty(globalThis, 'navigator', {
        value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` },
        configurable: true,
        writable: true
    });
/**
 * The log's lines, written once per turn of the event loop: a run logs ~200 lines, many in bursts (the lint's lock
 * table, apply's statements), and on Linux each write to a pipe is a blocking system call. Flushed before stdout
 * is written and before the process exits, so nothing is reordered or lost.
 */
function lineWriter(stream) {
    let pending = '';
    const flush = () => {
        if (!pending)
            return;
        const text = pending;
        pending = '';
        stream.write(text);
    };
    return {
        write: text => {
            if (!pending)
                setImmediate(flush);
            pending += text.endsWith('\n') ? text : text + '\n';
        },
        flush
    };
}
const log = lineWriter(process.stderr);
const exit = (code) => {
    log.flush();
    // Let what is already written to a pipe drain first.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
    // A closed pipe never calls back: leave anyway.
    setTimeout(() => process.exit(code), 2_000).unref();
    return undefined;
};
const trap = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .trapSignals */ .rm)({
    hardDeadlineMs: 9_000,
    exit: code => {
        log.flush();
        process.exit(code);
    },
    onFirst: sig => log.write(`\nreceived ${sig}: cancelling the running statement, rolling back, writing the evidence (send it again to exit at once)\n`)
});
let code;
try {
    code = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
        out: text => {
            log.flush();
            process.stdout.write(text.endsWith('\n') ? text : text + '\n');
        },
        err: log.write,
        env: process.env,
        cwd: process.cwd(),
        signal: trap.signal
    });
}
catch (e) {
    // runCli reports every error itself (redacted); this is a last resort that prints no message, which
    // could hold a secret.
    log.write(`error: internal failure (${e?.name ?? 'unknown'})`);
    code = 1;
}
trap.dispose();
exit(trap.received() && code === 0 ? 1 : code);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5581:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ak: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony exports projectRoot, defaultMigrationsDir, argsError */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_nearest_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6572);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(7827);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(649);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8522);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(311);
/**
 * The CLI front end: flags in, the same engine as the action, a terminal table and an exit code out
 * (0 passed or warned, 1 a gate failed, 2 bad usage or configuration).
 */









const USAGE = `migration-runbook ${_version_js__WEBPACK_IMPORTED_MODULE_4__/* .VERSION */ .x}

Usage:
  migration-runbook <stage> --env <name> [--database-url URL | --embedded] [options]
  migration-runbook rehearse [--env staging] [--baseline <version>]
  migration-runbook init [--migrations-dir <dir>] [--force] [--print]
  migration-runbook lint [--format text|json|sarif] [--format-in dbmate|goose] [--config runbook.yml]
                        [--since <version>] [<file|dir>...]

Stages: ${_types_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGES */ .a.join(', ')}; rehearse runs validate → apply → verify → rollback → apply on a throwaway Postgres
(with no runbook.yml yet, under the policy init would write).
init writes runbook.yml and the PR and deploy workflows for this repository's migrations folder
(supabase/migrations or migrations/); --print shows them instead, --force replaces existing files.
lint checks migration files and folders offline (no database): exit 1 on an unsuppressed error; with no
path, the project's migrations folder.
Run from inside a project, the nearest directory above with supabase/migrations (or migrations/runbook.yml)
is the project, up to the repository's top, unless a path option is given.

Options:
  --env <name>             environment in runbook.yml (rehearse: default staging)
  --database-url <url>     target database (or set DATABASE_URL); never printed
  --embedded               start a throwaway Postgres with a Supabase-like bootstrap, the deployed
                           migrations and demo data, and run the stage there
  --baseline <version>     with --embedded/rehearse: apply up to this version first (default: all but the
                           newest for validate, apply and rehearse; all for verify, rollback and monitor)
  --baseline-schema <file> with --embedded/rehearse: start from this schema dump (supabase db dump,
                           pg_dump --schema-only) instead of replaying the deployed migrations; they are
                           recorded as applied
  --baseline-from <env>    with --embedded/rehearse: start from <env>'s real shape, read (read only) from
                           the database of --database-url/DATABASE_URL, and its applied versions
  --migration <version>    rollback: the version to roll back (must be the newest applied)
  --migrations-dir <dir>   default: migrations
  --config <file>          default: <migrations-dir>/runbook.yml
  --artifacts-dir <dir>    default: artifacts
  --test-command <cmd>     functional tests to run against the target (overrides runbook.yml)
  --env-file <file>        dotenv file (.env.staging) with feature flags and smoke variables; the
                           environment's own variables win
  --demo-rows <n>          with --embedded/rehearse: allocations of demo data (default 20000)
  --json                   print summary.json instead of the table
  --format <f>             lint: text (default), json or sarif (GitHub code scanning)
  --format-in <f>          lint: dbmate or goose files, lint only their up section
  --since <version>        lint: report the findings of this migration and later ones only (the older
                           files are still read, as the history the later ones run after)
  -h, --help               this text
`;
/** Options naming a path: given any of them, paths stay relative to the working directory, as typed. */
const PATH_OPTIONS = ['migrations-dir', 'config', 'artifacts-dir', 'env-file', 'baseline-schema'];
/**
 * The project a command runs on. Run from inside it (supabase/migrations, a package beside it), the Supabase CLI
 * finds it by walking up to supabase/config.toml; so does this, to the nearest directory with supabase/migrations
 * or migrations/runbook.yml, stopping at the repository's top (.git). The working directory when it has a
 * migrations folder of its own, when a path option is given (relative paths mean what was typed), or when
 * nothing is found (the usual error then names what is missing).
 */
function projectRoot(cwd, given, exists = node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync) {
    if (PATH_OPTIONS.some(o => given[o] !== undefined))
        return cwd;
    const isProject = (dir) => exists(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'supabase', 'migrations')) ||
        exists(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'migrations', 'runbook.yml'));
    if (isProject(cwd) || exists(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cwd, 'migrations')))
        return cwd;
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(cwd), below = cwd; dir !== below; below = dir, dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dir)) {
        if (exists(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(below, '.git')))
            break;
        if (isProject(dir))
            return dir;
    }
    return cwd;
}
/**
 * The Supabase CLI's layout when the repository has supabase/migrations and no migrations/: after `init`,
 * every command works there without --migrations-dir.
 */
function defaultMigrationsDir(cwd) {
    const supabase = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cwd, 'supabase', 'migrations');
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(supabase) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cwd, 'migrations'))
        ? 'supabase/migrations'
        : 'migrations';
}
/**
 * Run outside a project (a monorepo's top, another folder): say so, and which migrations folders are below, not
 * that runbook.yml is missing or that lint needs a path. `how` is the way to name one (an option, or lint's path).
 */
async function noMigrationsFolder(root, how) {
    const { migrationFoldersBelow } = await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(550)]).then(__nccwpck_require__.bind(__nccwpck_require__, 550));
    const below = migrationFoldersBelow(root);
    fail(`no migrations folder in ${root}: looked for supabase/migrations/ and migrations/ there and in the folders above it, up to the repository's top` +
        (below.length ? `; found below it: ${below.join(', ')}` : '') +
        `; allowed: run it in the project's folder, or ${how.allowed}` +
        (below.length ? ` (here: ${how.here(below[0])})` : ''));
}
/**
 * `rehearse` in a project with no runbook.yml yet (the first thing a newcomer types): the policy `init` would
 * write, from a temporary file, instead of exit 2. The stages against a real database still need the file: it
 * names the environments and pins their databases. Returns the file, and its temporary folder for removal.
 */
async function defaultPolicyForRehearsal(root, migrationsDir, inputs, io) {
    if (inputs.config !== undefined)
        return undefined;
    const { configCandidates } = await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(389)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4389));
    const candidates = configCandidates(migrationsDir);
    if (candidates.some(c => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(root, c))))
        return undefined;
    const { detectLayout } = await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(550)]).then(__nccwpck_require__.bind(__nccwpck_require__, 550));
    const { renderRunbook } = await __nccwpck_require__.e(/* import() */ 558).then(__nccwpck_require__.bind(__nccwpck_require__, 3558));
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'migration-runbook-policy-'));
    const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'runbook.yml');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(file, renderRunbook(detectLayout(root, migrationsDir)));
    io.err(`no ${candidates[candidates.length - 1]}: rehearsing with the policy \`migration-runbook init\` would write (staging and production, every setting at its default); run init to keep it, with the workflows`);
    return { config: file, dir };
}
/**
 * `lint` with no path: the project's migrations folder, found as the other commands find it (said on stderr).
 * None there: which folders are below and how to name one; none at a --migrations-dir given (lint says so).
 */
async function projectMigrations(io, values) {
    const root = projectRoot(io.cwd, values);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, String(values['migrations-dir'] ?? defaultMigrationsDir(root)));
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(dir)) {
        if (values['migrations-dir'] !== undefined)
            return [];
        return noMigrationsFolder(root, {
            allowed: 'name the folder or files to lint: lint <dir>',
            here: d => `lint ${d}`
        });
    }
    const shown = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(io.cwd, dir) || '.';
    io.err(`lint: ${shown} (no path given: the project's migrations, each linted as it runs after the ones before it; name the files of one change to lint them together, or pass --since <version>)`);
    return [shown];
}
/** The CLI's options (util.parseArgs). */
const OPTIONS = {
    env: { type: 'string' },
    'database-url': { type: 'string' },
    embedded: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'baseline-schema': { type: 'string' },
    'baseline-from': { type: 'string' },
    migration: { type: 'string' },
    'migrations-dir': { type: 'string' },
    config: { type: 'string' },
    'artifacts-dir': { type: 'string' },
    'test-command': { type: 'string' },
    'env-file': { type: 'string' },
    'demo-rows': { type: 'string' },
    format: { type: 'string' },
    'format-in': { type: 'string' },
    since: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    force: { type: 'boolean', default: false },
    print: { type: 'boolean', default: false }
};
/**
 * util.parseArgs' error in the CLI's words: the option as typed, the nearest known one, and what is allowed. Its
 * own text suggested `--` for an unknown option, which is never what a typo needs.
 */
function argsError(e) {
    const { code, message } = e;
    const named = /^(?:Unknown option|Option) '(-[^' ]*)/.exec(message)?.[1];
    const known = Object.keys(OPTIONS).map(o => `--${o}`);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named) {
        const nearest = (0,_config_nearest_js__WEBPACK_IMPORTED_MODULE_6__/* .nearestName */ .q)(named, known);
        const hint = nearest ? ` (did you mean ${nearest}?)` : '';
        return `unknown option ${named}${hint}; allowed: ${known.join(', ')}`;
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named) {
        if (/ambiguous/.test(message))
            return `option ${named} needs a value, and the argument after it starts with "-"; to pass a value that starts with "-", write ${named}=<value>`;
        return `option ${named} needs a value`;
    }
    return message;
}
function fail(message) {
    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigError */ .x(message);
}
async function runCli(argv, io) {
    const redactor = new _report_redact_js__WEBPACK_IMPORTED_MODULE_8__/* .Redactor */ .pO();
    // Mask the URL the moment it is read, before anything could print it.
    redactor.addDatabaseUrl(io.env.DATABASE_URL ?? '');
    try {
        let parsed;
        try {
            parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
                args: argv,
                allowPositionals: true,
                strict: true,
                options: OPTIONS
            });
        }
        catch (e) {
            // The value that follows --database-url is masked, unless it is the next option (a missing value): masked,
            // "--migrations-dir" hid every mention of that option in the usage printed below.
            const url = argv.indexOf('--database-url');
            if (url >= 0 && argv[url + 1] && !argv[url + 1].startsWith('-'))
                redactor.addDatabaseUrl(argv[url + 1]);
            fail(`${redactor.redact(argsError(e))}\n\n${USAGE}`);
        }
        const { values, positionals } = parsed;
        if (values['database-url'])
            redactor.addDatabaseUrl(values['database-url']);
        if (values.help || positionals.length === 0) {
            io.out(USAGE);
            return values.help ? 0 : 2;
        }
        if (positionals[0] === 'lint') {
            // Offline: no database, no environment; every path after the command is linted.
            const { runLintCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(28), __nccwpck_require__.e(526), __nccwpck_require__.e(409)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3409));
            return await runLintCommand({
                paths: positionals.length > 1 ? positionals.slice(1) : await projectMigrations(io, values),
                format: values.format,
                formatIn: values['format-in'],
                config: values.config,
                since: values.since
            }, io);
        }
        if (positionals.length > 1)
            fail(`expected one command, got ${positionals.length}: ${positionals.join(' ')}`);
        const command = positionals[0];
        if (command === 'init') {
            // Scaffolding only: no database, no environment.
            const { runInit } = await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(28), __nccwpck_require__.e(550), __nccwpck_require__.e(837)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5837));
            return await runInit(values, io);
        }
        const root = projectRoot(io.cwd, values);
        if (root !== io.cwd)
            io.err(`project: ${root} (the nearest directory above this one with its migrations, as the Supabase CLI finds supabase/config.toml)`);
        // One after the other: jest's ESM loader fails imports of shared modules that run at once.
        const { checkDatabaseUrl, parseInputs, PROVIDED_TARGET_URL, withLibpqTlsEnvironment } = await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(389)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4389));
        const demoRows = values['demo-rows'] === undefined ? 20_000 : Number(values['demo-rows']);
        if (!Number.isInteger(demoRows) || demoRows < 0)
            fail(`option --demo-rows is "${values['demo-rows']}"; allowed: a whole number ≥ 0`);
        const migrationsDir = values['migrations-dir'] ?? defaultMigrationsDir(root);
        if (values['migrations-dir'] === undefined &&
            values.config === undefined &&
            !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, migrationsDir))) {
            await noMigrationsFolder(root, {
                allowed: 'pass --migrations-dir <dir>',
                here: d => `--migrations-dir ${d}`
            });
        }
        const common = {
            'migrations-dir': migrationsDir,
            config: values.config,
            // Found above: the evidence goes to the project's artifacts/, named in full where the run prints it.
            'artifacts-dir': values['artifacts-dir'] ?? (root === io.cwd ? undefined : node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, 'artifacts')),
            'test-command': values['test-command'],
            'env-file': values['env-file'],
            comment: 'never'
        };
        /** --baseline-from <env>: the environment named, read from the URL given (never written to). */
        const baselineSource = () => {
            const from = values['baseline-from'];
            if (from === undefined)
                return undefined;
            if (values['baseline-schema'] !== undefined)
                fail('options --baseline-from and --baseline-schema exclude each other: pick one starting shape');
            const url = values['database-url'] ?? io.env.DATABASE_URL;
            if (!url)
                fail(`option --baseline-from is "${from}": pass that environment's database with --database-url or DATABASE_URL (it is only read)`);
            const withTlsEnvironment = withLibpqTlsEnvironment(url, io.env);
            checkDatabaseUrl(withTlsEnvironment);
            // Whether runbook.yml defines <env> is checked by the engine, with the policy it loads once.
            return { environment: from, url: withTlsEnvironment };
        };
        if (command === 'rehearse') {
            // The throwaway server's code is loaded only when a command needs it.
            const { rehearse } = await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(849), __nccwpck_require__.e(243), __nccwpck_require__.e(28), __nccwpck_require__.e(526), __nccwpck_require__.e(844), __nccwpck_require__.e(214), __nccwpck_require__.e(565), __nccwpck_require__.e(796)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7565));
            const defaults = await defaultPolicyForRehearsal(root, migrationsDir, common, io);
            try {
                const outcome = await rehearse({
                    signal: io.signal,
                    cwd: root,
                    environment: values.env ?? 'staging',
                    inputs: defaults ? { ...common, config: defaults.config } : common,
                    baseline: values.baseline,
                    baselineSchema: values['baseline-schema'],
                    baselineFrom: baselineSource(),
                    demoRows,
                    redactor,
                    log: line => io.err(line),
                    env: io.env
                });
                io.out(values.json
                    ? JSON.stringify(outcome.runs.map(r => r.report), null, 2)
                    : outcome.table);
                return outcome.exitCode;
            }
            finally {
                if (defaults)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(defaults.dir, { recursive: true, force: true });
            }
        }
        if (!_types_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGES */ .a.includes(command)) {
            fail(`command is "${command}"; allowed: ${[..._types_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGES */ .a, 'rehearse'].join(', ')}`);
        }
        if (values['baseline-from'] !== undefined && !values.embedded)
            fail('option --baseline-from needs --embedded (or the rehearse command): it shapes the throwaway database');
        if (values['baseline-schema'] !== undefined && !values.embedded)
            fail('option --baseline-schema needs --embedded (or the rehearse command): it shapes the throwaway database');
        if (values.embedded && values['database-url'] && values['baseline-from'] === undefined)
            fail('options --embedded and --database-url exclude each other: pick one target (with --baseline-from, the URL is the source read from)');
        // --embedded: the engine's embedded provider starts, prepares and stops the throwaway database.
        const databaseUrl = values.embedded
            ? PROVIDED_TARGET_URL
            : (values['database-url'] ?? io.env.DATABASE_URL);
        if (!databaseUrl)
            fail('no target: pass --database-url <url>, set DATABASE_URL, or use --embedded');
        const config = parseInputs({
            ...common,
            environment: values.env,
            stage: command,
            'database-url': databaseUrl
        }, { root, env: io.env });
        const target = values.embedded
            ? (await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(243), __nccwpck_require__.e(28), __nccwpck_require__.e(844), __nccwpck_require__.e(415)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2158))).embeddedTarget({
                baseline: values.baseline,
                baselineSchema: values['baseline-schema'],
                baselineFrom: baselineSource(),
                demoRows
            })
            : undefined;
        const { runStage } = await Promise.all(/* import() */[__nccwpck_require__.e(368), __nccwpck_require__.e(849), __nccwpck_require__.e(243), __nccwpck_require__.e(28), __nccwpck_require__.e(526), __nccwpck_require__.e(844), __nccwpck_require__.e(214), __nccwpck_require__.e(61)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4214));
        const { renderTable } = await __nccwpck_require__.e(/* import() */ 790).then(__nccwpck_require__.bind(__nccwpck_require__, 790));
        const outcome = await runStage({
            config,
            redactor,
            root,
            environ: io.env,
            rollbackVersion: values.migration,
            signal: io.signal,
            target,
            logSink: (level, line) => {
                if (level !== 'debug')
                    io.err(line);
            }
        });
        io.out(values.json
            ? JSON.stringify(outcome.report, null, 2)
            : renderTable([outcome.report]) +
                `\nevidence: ${node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(io.cwd, outcome.evidence.dir) || '.'}\n`);
        return outcome.exitCode;
    }
    catch (e) {
        if (e instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigError */ .x) {
            io.err(`error: ${redactor.redact(e.message)}`);
            return 2;
        }
        io.err(`error: ${redactor.redact(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
        return 1;
    }
}


/***/ }),

/***/ 7827:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ ConfigError)
/* harmony export */ });
/** Bad usage or configuration: exit code 2, nothing was touched. */
class ConfigError extends Error {
    name = 'ConfigError';
}


/***/ }),

/***/ 6572:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ nearestName)
/* harmony export */ });
/** "Did you mean": the known name nearest to a mistyped one, for the messages of bad input. */
/** Levenshtein distance (names are short). */
function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++)
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
    }
    return row[b.length];
}
/** The candidate nearest to `name`, when it is at most 3 edits away (a typo, not another word). */
function nearestName(name, candidates) {
    let best;
    for (const c of candidates) {
        const distance = editDistance(name.toLowerCase(), c.toLowerCase());
        if (!best || distance < best.distance)
            best = { name: c, distance };
    }
    return best && best.distance <= 3 ? best.name : undefined;
}


/***/ }),

/***/ 2513:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ refuseUrlPinMismatch),
/* harmony export */   b9: () => (/* binding */ urlFacts),
/* harmony export */   hu: () => (/* binding */ parseTarget),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl),
/* harmony export */   xG: () => (/* binding */ pinTarget)
/* harmony export */ });
/* unused harmony exports pinnedKeys, compareTarget */
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7827);

const PIN_KEYS = ['host', 'port', 'database', 'project-ref'];
/** The pinned keys, in runbook.yml spelling. */
function pinnedKeys(pin) {
    if (!pin)
        return [];
    const given = {
        host: pin.host,
        port: pin.port,
        database: pin.database,
        'project-ref': pin.projectRef
    };
    return PIN_KEYS.filter(k => given[k] !== undefined);
}
function decode(value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
const DIRECT_HOST = /^db\.([a-z0-9]+)\.supabase\.(?:co|in)$/i;
const POOLER_USER = /^[^.]+\.([a-z0-9]+)$/i;
/**
 * The one parse of a database URL (the engine's target, the input check, the redactor). Not a URL: a
 * ConfigError naming the input, never echoing the value (it holds the password).
 */
function parseDatabaseUrl(databaseUrl) {
    try {
        return new URL(databaseUrl);
    }
    catch {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x('input "database-url" is not a valid URL (value hidden); expected postgres://user:password@host:5432/database');
    }
}
/** The facts a URL gives (libpq's ?host= and ?port= win over the authority, as pg reads them). */
function urlFacts(databaseUrl) {
    const url = typeof databaseUrl === 'string' ? parseDatabaseUrl(databaseUrl) : databaseUrl;
    const host = (url.searchParams.get('host') || url.hostname)
        .replace(/^\[(.*)\]$/, '$1')
        .toLowerCase();
    const port = Number(url.searchParams.get('port') || url.port || 5432);
    const urlDatabase = decode(url.pathname.slice(1)) || undefined;
    const projectRefs = [];
    const direct = DIRECT_HOST.exec(host);
    if (direct)
        projectRefs.push({ ref: direct[1].toLowerCase(), from: `host ${host}` });
    const pooler = POOLER_USER.exec(decode(url.username));
    if (pooler)
        projectRefs.push({ ref: pooler[1].toLowerCase(), from: 'the user name' });
    return { host, port, urlDatabase, projectRefs };
}
/**
 * The run's target, parsed once from its URL (the engine does this; checks read ctx.facts.target).
 * Throws a ConfigError naming the input, never echoing the URL.
 */
function parseTarget(databaseUrl) {
    const url = parseDatabaseUrl(databaseUrl);
    const facts = urlFacts(url);
    return {
        url: databaseUrl,
        host: facts.host,
        port: facts.port,
        database: facts.urlDatabase ?? 'postgres',
        urlDatabase: facts.urlDatabase,
        user: decode(url.username),
        projectRefs: facts.projectRefs,
        params: Object.fromEntries(url.searchParams)
    };
}
/**
 * One line per pinned key the facts do not match, each naming the key (`<keyPrefix>.<key>`), what was
 * expected and what was found. A key that cannot be compared (no project ref in the URL) is a mismatch.
 */
function compareTarget(pin, facts, keyPrefix = 'target') {
    const out = [];
    const key = (k) => `${keyPrefix}.${k}`;
    if (pin.host !== undefined && pin.host.toLowerCase() !== facts.host.toLowerCase())
        out.push(`${key('host')}: expected "${pin.host}", found "${facts.host}" (URL host)`);
    if (pin.port !== undefined && pin.port !== facts.port)
        out.push(`${key('port')}: expected ${pin.port}, found ${facts.port} (URL port)`);
    if (pin.database !== undefined) {
        if (facts.urlDatabase !== undefined && facts.urlDatabase !== pin.database)
            out.push(`${key('database')}: expected "${pin.database}", found "${facts.urlDatabase}" (URL database name)`);
        else if (facts.serverDatabase === undefined && facts.urlDatabase === undefined)
            out.push(`${key('database')}: expected "${pin.database}", found none: the URL names no database and the server was not asked`);
        else if (facts.serverDatabase !== undefined && facts.serverDatabase !== pin.database)
            out.push(`${key('database')}: expected "${pin.database}", found "${facts.serverDatabase}" (the server's current_database())`);
    }
    if (pin.projectRef !== undefined) {
        if (facts.projectRefs.length === 0)
            out.push(`${key('project-ref')}: expected "${pin.projectRef}", found none: the URL carries no Supabase project ref (neither a host db.<ref>.supabase.co nor a pooler user <role>.<ref>), so it cannot be compared`);
        for (const { ref, from } of facts.projectRefs)
            if (ref !== pin.projectRef)
                out.push(`${key('project-ref')}: expected "${pin.projectRef}", found "${ref}" (${from})`);
    }
    return out;
}
function pinMismatch(opts, mismatches) {
    return new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`the database URL does not match environments.${opts.environment}.target in ${opts.policyPath}; nothing was run (check the environment's DATABASE_URL secret):\n` +
        mismatches.map(m => `  ${m}`).join('\n'));
}
/**
 * The pin compared with what the URL alone shows, before any session is opened: a swapped secret is refused
 * (ConfigError, exit 2) without connecting to the database it names, even one that does not answer. A pinned
 * database the URL does not name is left to pinTarget, which asks the server.
 */
function refuseUrlPinMismatch(opts) {
    if (!opts.pin || pinnedKeys(opts.pin).length === 0 || opts.throwaway)
        return;
    const facts = urlFacts(opts.databaseUrl);
    const pin = facts.urlDatabase === undefined ? { ...opts.pin, database: undefined } : opts.pin;
    const mismatches = compareTarget(pin, facts, `environments.${opts.environment}.target`);
    if (mismatches.length > 0)
        throw pinMismatch(opts, mismatches);
}
/**
 * Compares the open session's target with the environment's pin, before any check runs. No pin (or a
 * throwaway target): undefined, nothing reported. Match: a passing `target` result. Mismatch: the session
 * is closed and a ConfigError (exit 2) names every mismatching key; nothing was executed.
 */
async function pinTarget(client, opts) {
    const keys = pinnedKeys(opts.pin);
    if (!opts.pin || keys.length === 0 || opts.throwaway)
        return undefined;
    const started = Date.now();
    let mismatches;
    let facts;
    try {
        facts = urlFacts(opts.databaseUrl);
        if (opts.pin.database !== undefined) {
            const r = await client.query('SELECT current_database() AS db');
            facts.serverDatabase = r.rows[0].db;
        }
        mismatches = compareTarget(opts.pin, facts, `environments.${opts.environment}.target`);
    }
    catch (e) {
        await client.end().catch(() => undefined);
        throw e;
    }
    if (mismatches.length > 0) {
        await client.end().catch(() => undefined);
        throw pinMismatch(opts, mismatches);
    }
    return {
        id: 'target',
        title: 'Target matches its pin',
        status: 'pass',
        summary: `pinned: ${keys.join(', ')}`,
        reasons: [],
        details: {
            pinned: keys,
            host: facts.host,
            port: facts.port,
            database: facts.serverDatabase ?? facts.urlDatabase,
            projectRef: facts.projectRefs[0]?.ref
        },
        annotations: [],
        durationMs: Date.now() - started
    };
}


/***/ }),

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor),
/* harmony export */   u7: () => (/* binding */ isErrorLike)
/* harmony export */ });
/* unused harmony export maskRowValues */
/* harmony import */ var _db_target_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2513);
/**
 * Secret scrubbing. The database URL and its password are registered the moment they are read, in every
 * form they could be printed in (raw, percent-encoded, decoded, form-encoded), and replaced by *** in every
 * log line, evidence file, comment and error message.
 */

const ELLIPSIS = '…';
/** What a row's values are replaced by when they are hidden. */
const HIDDEN = 'values hidden: conflicts-sample is 0';
/** A cut secret shorter than this is left alone (as add() ignores secrets shorter than 3). */
const MIN_CUT = 3;
/** Whether the first k characters of `secret` are the k characters of `text` before `end`. */
function endsWithStartOf(text, end, secret, k) {
    for (let i = 0; i < k; i++)
        if (text.charCodeAt(end - k + i) !== secret.charCodeAt(i))
            return false;
    return true;
}
/** Length of the longest start of a secret (at least MIN_CUT long) that ends at `end` in `text`, else 0. */
function longestCutSecret(text, end, secrets) {
    let best = 0;
    for (const s of secrets) {
        for (let k = Math.min(s.length - 1, end); k >= Math.max(MIN_CUT, best + 1); k--) {
            if (endsWithStartOf(text, end, s, k)) {
                best = k;
                break;
            }
        }
    }
    return best;
}
/**
 * Where PostgreSQL's messages quote a row's values: a key (unique, foreign key, exclusion, a unique index's build),
 * a failing row (check, not null), a value a cast refused. Each is masked as (group 1) … (last group). The column
 * names (or an index's expressions, lower(email)) and the constraint stay: they say what failed. Lazy up to
 * PostgreSQL's own wording after the value, so a value holding a parenthesis is still masked whole; a line cut in
 * the middle of a value is masked to its end.
 */
const ROW_VALUES = [
    /(Key \([\s\S]*?\)=\()[\s\S]*?(\) (?:already exists|is not present in table|is still referenced from table|conflicts with (?:existing )?key|is duplicated)|…|$)/g,
    /((?:conflicts with (?:existing )?key) \([\s\S]*?\)=\()[\s\S]*?(\)\.(?=\s|;|"|\\|$)|…|$)/g,
    /(Failing row contains \()[\s\S]*?(\)\.(?=\s|;|"|\\|$)|…|$)/g,
    /(invalid input (?:syntax|value) for (?:type )?[^:"\n]+: \\?")[^\n]*?(\\?"|…|$)/g
];
class Redactor {
    secrets = new Set();
    /** conflicts-sample: 0: no value of a row of the environment is shown, in PostgreSQL's messages either. */
    rowValuesHidden = false;
    /**
     * Secrets masked only whole: the URL forms, whose start (postgres://postgres:) is no secret and begins many
     * words (a log line cut at "…_for_pos…" was masked). A URL cut inside its password still has the password's
     * start before the ellipsis, which is matched as the password.
     */
    wholeOnly = new Set();
    sinks = [];
    /** The secrets longest first: sorted on the first redact after a change, not for every line. */
    longestFirst;
    /** longestFirst without wholeOnly. */
    cutCandidates;
    /** Called for each secret form, e.g. core.setSecret in the action. */
    onSecret(sink) {
        this.sinks.push(sink);
        for (const s of this.secrets)
            sink(s);
    }
    add(secret, opts = {}) {
        if (opts.wholeOnly && secret)
            this.wholeOnly.add(secret);
        if (!secret || secret.length < 3 || this.secrets.has(secret))
            return;
        this.secrets.add(secret);
        this.longestFirst = undefined;
        this.cutCandidates = undefined;
        for (const sink of this.sinks)
            sink(secret);
    }
    /**
     * Registers a secret written inside SQL, e.g. a role's PASSWORD '...' (see rolePasswordsIn), in the forms
     * logs and evidence quote it: as the server reads it, quotes doubled ('it''s'), backslash-escaped
     * (E'it\'s'), doubled twice (a string inside a DO block's EXECUTE '...'), each also JSON-escaped.
     */
    addSqlSecret(value) {
        const doubled = value.replace(/'/g, "''");
        const forms = [
            value,
            doubled,
            doubled.replace(/'/g, "''"),
            value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")
        ];
        for (const f of forms) {
            this.add(f);
            this.add(JSON.stringify(f).slice(1, -1));
        }
    }
    /** Registers a connection string: the whole URL, its password and user:password in all encodings. */
    addDatabaseUrl(url) {
        this.add(url, { wholeOnly: true });
        let parsed;
        try {
            parsed = (0,_db_target_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDatabaseUrl */ .mx)(url);
        }
        catch {
            return;
        }
        // libpq also takes the password as a query parameter (?password=...).
        const rawPassword = parsed.password || encodeURIComponent(parsed.searchParams.get('password') ?? '');
        if (!rawPassword)
            return;
        const forms = new Set([rawPassword]);
        try {
            forms.add(decodeURIComponent(rawPassword));
        }
        catch {
            // malformed percent-encoding: the raw form is still registered
        }
        for (const f of [...forms]) {
            forms.add(encodeURIComponent(f));
            forms.add(encodeURIComponent(f).replace(/%20/g, '+'));
            forms.add(new URLSearchParams({ p: f }).toString().slice(2));
            forms.add(JSON.stringify(f).slice(1, -1));
        }
        for (const f of forms)
            this.add(f);
        // The URL without the scheme, and as node's URL serialises it.
        this.add(parsed.toString(), { wholeOnly: true });
    }
    /**
     * From now on, the values PostgreSQL quotes from rows (ROW_VALUES) are masked too: a policy of conflicts-sample: 0
     * keeps rows out of the evidence and the PR comment, and a failed statement's DETAIL would put them back.
     */
    hideRowValues() {
        this.rowValuesHidden = true;
    }
    redact(text) {
        if (!text)
            return text;
        let out = this.rowValuesHidden ? maskRowValues(text) : text;
        // Longest first so a URL is replaced whole before its password inside it.
        this.longestFirst ??= [...this.secrets].sort((a, b) => b.length - a.length);
        const secrets = this.longestFirst;
        for (const s of secrets) {
            if (out.includes(s))
                out = out.split(s).join('***');
        }
        if (!out.includes(ELLIPSIS))
            return out;
        this.cutCandidates ??= secrets.filter(s => !this.wholeOnly.has(s));
        return this.redactCutSecrets(out, this.cutCandidates);
    }
    /**
     * Statement texts are shortened for logs ("CREATE ROLE app PASSWORD 'correct horse…"): a secret cut by
     * the ellipsis is no longer found whole, so a start of a secret right before an ellipsis is masked too.
     */
    redactCutSecrets(text, secrets) {
        let out = text;
        for (let at = out.indexOf(ELLIPSIS); at >= 0; at = out.indexOf(ELLIPSIS, at + 1)) {
            const end = out[at - 1] === ' ' ? at - 1 : at;
            const cut = longestCutSecret(out, end, secrets);
            if (cut > 0) {
                out = out.slice(0, end - cut) + '***' + out.slice(end);
                at += 3 - cut;
            }
        }
        return out;
    }
    /** A copy of an error whose message and Postgres fields are scrubbed. */
    redactError(error) {
        // Duck-typed, not instanceof: an error made in another realm (a vm context, Node's core under a test runner)
        // keeps its code and fields too.
        const e = isErrorLike(error) ? error : new Error(String(error));
        const copy = new Error(this.redact(e.message));
        copy.name = e.name;
        for (const key of [
            'severity',
            'code',
            'detail',
            'hint',
            'position',
            'where',
            'constraint',
            'table',
            'schema'
        ]) {
            const v = e[key];
            if (typeof v === 'string')
                copy[key] = this.redact(v);
        }
        if (e.stack)
            copy.stack = this.redact(e.stack);
        return copy;
    }
}
/** The values of rows PostgreSQL quotes in its messages (ROW_VALUES), masked; column names and constraints kept. */
function maskRowValues(text) {
    if (!/Key \(|Failing row contains|invalid input/.test(text))
        return text;
    let out = text;
    for (const re of ROW_VALUES)
        out = out.replace(re, `$1${HIDDEN}$2`);
    return out;
}
/** An Error, or an object shaped like one (from another realm: instanceof Error is false there). */
function isErrorLike(value) {
    return (value instanceof Error ||
        (typeof value === 'object' &&
            value !== null &&
            typeof value.message === 'string' &&
            typeof value.name === 'string'));
}


/***/ }),

/***/ 8522:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ findCheck),
/* harmony export */   a: () => (/* binding */ STAGES)
/* harmony export */ });
const STAGES = [
    'validate',
    'apply',
    'verify',
    'rollback',
    'monitor',
    // the scheduled monitor: one sample per run for every deploy of the last monitor.window
    'monitor-window'
];
/** The result of check `id` among `checks` (the first one), typed by its id. */
function findCheck(checks, id) {
    return checks.find(c => c.id === id);
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The tool's version, shown in reports (kept in step with package.json). */
const VERSION = '0.1.0';


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 6141:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(91);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
