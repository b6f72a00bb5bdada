export const id = 550;
export const ids = [550,389];
export const modules = {

/***/ 3847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ER: () => (/* binding */ featureFlagSchema),
  rE: () => (/* binding */ lookupVariable),
  r2: () => (/* binding */ readRunVariables),
  yl: () => (/* binding */ resolveFeatureFlags)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/zod.ts
var zod = __webpack_require__(2379);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
;// CONCATENATED MODULE: ./src/config/env-file.ts
/**
 * A dotenv file (`.env.staging`): `NAME=value` lines, `#` comments, an optional `export ` prefix, values
 * bare, 'single-quoted' (literal) or "double-quoted" (\n, \t, \", \\ escapes; may span lines). Small on
 * purpose: the runbook's flag files need no interpolation, and a dependency would add nothing but surface.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
/** The file's variables; `label` (the path) names the file and line in every error. */
function parseEnvFile(text, label) {
    const vars = {};
    const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    let i = 0;
    let line = 1;
    const fail = (why) => {
        throw new errors/* ConfigError */.x(`env file ${label}:${line}: ${why}; allowed: NAME=value lines, # comments, values bare, 'single' or "double" quoted`);
    };
    while (i < src.length) {
        const end = src.indexOf('\n', i) === -1 ? src.length : src.indexOf('\n', i);
        const raw = src.slice(i, end);
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.startsWith('#')) {
            i = end + 1;
            line++;
            continue;
        }
        const eq = raw.indexOf('=');
        if (eq < 0)
            fail(`"${trimmed.slice(0, 40)}" has no "="`);
        const name = raw
            .slice(0, eq)
            .trim()
            .replace(/^export\s+/, '');
        if (!NAME.test(name))
            fail(`"${name}" is not a variable name`);
        let j = i + eq + 1;
        while (src[j] === ' ' || src[j] === '\t')
            j++;
        const quote = src[j];
        let value;
        if (quote === '"' || quote === "'") {
            // A quoted value ends at its closing quote, which may be lines later.
            const startLine = line;
            let out = '';
            j++;
            for (;;) {
                if (j >= src.length) {
                    line = startLine;
                    fail(`${name}'s value opens a ${quote} quote that is never closed`);
                }
                const c = src[j];
                if (c === quote)
                    break;
                if (c === '\n')
                    line++;
                if (quote === '"' && c === '\\' && j + 1 < src.length) {
                    const next = src[j + 1];
                    out += ESCAPES[next] ?? '\\' + next;
                    j += 2;
                    continue;
                }
                out += c;
                j++;
            }
            value = out;
            // After the closing quote only spaces and a comment may follow.
            const restEnd = src.indexOf('\n', j) === -1 ? src.length : src.indexOf('\n', j);
            const rest = src.slice(j + 1, restEnd).trim();
            if (rest !== '' && !rest.startsWith('#'))
                fail(`${name}'s quoted value is followed by "${rest.slice(0, 40)}"`);
            i = restEnd + 1;
        }
        else {
            // Bare: up to the end of the line; " #" starts a comment.
            value = src
                .slice(j, end)
                .replace(/\s+#.*$/, '')
                .trim();
            i = end + 1;
        }
        vars[name] = value;
        line++;
    }
    return vars;
}

;// CONCATENATED MODULE: ./src/config/flags.ts
/**
 * runbook.yml `feature-flags:` (the flags a deploy depends on, e.g. FEATURE_ALLOCATOR_ADJACENCY_MODE) and the
 * variables a run reads them from: the job's environment and an optional dotenv file (`--env-file`,
 * action input `env-file`). Only the front doors call readRunVariables; checks read RunConfig.
 */






const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const nonEmpty = () => schemas/* string */.YjP().check(api/* _minLength */.m9(1));
const featureFlagSchema = schemas/* strictObject */.rej({
    /** The environment variable the application reads. */
    name: schemas/* string */.YjP()
        .check(api/* _regex */.Fk(VARIABLE, 'is not an environment variable name (letters, digits, _)')),
    allowed: schemas/* array */.YOg(nonEmpty()).check(api/* _minLength */.m9(1)),
    /** What the application uses when the variable is not set. */
    default: schemas/* optional */.lqM(nonEmpty()),
    /** environment name -> the value that environment must run with. */
    expected: schemas/* _default */.Rvf(schemas/* record */.g1P(schemas/* string */.YjP(), nonEmpty()), {}),
    /** Lists per-venue overrides: one row per venue, columns `venue` and `value`. */
    'overrides-sql': schemas/* optional */.lqM(nonEmpty())
})
    .check(schemas/* superRefine */.zni((f, ctx) => {
    const allowed = f.allowed.join(', ');
    if (f.default !== undefined && !f.allowed.includes(f.default))
        ctx.addIssue({
            code: 'custom',
            path: ['default'],
            message: `is "${f.default}"; allowed: ${allowed}`
        });
    for (const [env, value] of Object.entries(f.expected))
        if (!f.allowed.includes(value))
            ctx.addIssue({
                code: 'custom',
                path: ['expected', env],
                message: `is "${value}"; allowed: ${allowed}`
            });
}));
/** The parsed list, after checking that every `expected` key names a defined environment. */
function resolveFeatureFlags(raw, environments, policyPath) {
    return raw.map((f, i) => {
        for (const env of Object.keys(f.expected))
            if (!environments.includes(env))
                throw new errors/* ConfigError */.x(`${policyPath}: invalid runbook policy:\n  feature-flags.${i}.expected.${env}: "${env}" is not an environment; allowed: ${environments.join(', ')}`);
        return {
            name: f.name,
            allowed: f.allowed,
            default: f.default,
            expected: f.expected,
            overridesSql: f['overrides-sql']
        };
    });
}
/** Reads the env file (relative to `root`) and takes the job's environment. Throws ConfigError naming the input. */
function readRunVariables(envFile, env, root) {
    const environment = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && v !== '')
            environment[k] = v;
    if (envFile === undefined)
        return { environment };
    const file = external_node_path_default().resolve(root, envFile);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* ConfigError */.x(`input "env-file" is "${envFile}", which does not exist; allowed: a dotenv file (NAME=value lines), relative to the repository`);
    return {
        environment,
        envFile: { path: envFile, variables: parseEnvFile((0,external_node_fs_.readFileSync)(file, 'utf8'), envFile) }
    };
}
/** A variable's value and where it came from: the job's environment wins over the env file (dotenv's rule). */
function lookupVariable(vars, name) {
    const fromEnv = vars?.environment[name];
    if (fromEnv !== undefined)
        return { value: fromEnv, source: 'environment' };
    const fromFile = vars?.envFile?.variables[name];
    if (fromFile !== undefined && fromFile !== '')
        return { value: fromFile, source: 'env-file' };
    return undefined;
}


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PROVIDED_TARGET_URL: () => (/* binding */ PROVIDED_TARGET_URL),
/* harmony export */   checkDatabaseUrl: () => (/* binding */ checkDatabaseUrl),
/* harmony export */   configCandidates: () => (/* binding */ configCandidates),
/* harmony export */   parseInputs: () => (/* binding */ parseInputs),
/* harmony export */   withLibpqTlsEnvironment: () => (/* binding */ withLibpqTlsEnvironment)
/* harmony export */ });
/* unused harmony exports COMMENT_MODES, SSL_MODES, defaultConfigPath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8522);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7827);
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3847);
/* harmony import */ var _db_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2513);
/**
 * The run's inputs, from the action or the CLI, checked before anything else happens.
 * An invalid value fails naming the input, the value and what is allowed; no database is touched.
 */






const COMMENT_MODES = ['auto', 'always', 'never'];
/**
 * The database-url a front door passes when a target provider supplies the database (--embedded, rehearse):
 * the provider's own URL replaces it before anything connects.
 */
const PROVIDED_TARGET_URL = 'postgres://embedded@127.0.0.1/rehearsal';
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
function describeValue(value) {
    if (value === undefined || value === '')
        return '(empty)';
    return JSON.stringify(value);
}
/** Checks a URL's shape without ever echoing it (it holds the password). */
function checkDatabaseUrl(url) {
    const parsed = (0,_db_target_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDatabaseUrl */ .mx)(url);
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "database-url" has scheme "${parsed.protocol.replace(/:$/, '')}"; allowed: postgres, postgresql`);
    }
    for (const [part, value] of [
        ['user', parsed.username],
        ['password', parsed.password],
        ['database name', parsed.pathname]
    ]) {
        try {
            decodeURIComponent(value);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "database-url" has malformed percent-encoding in its ${part} (value hidden); encode special characters, e.g. @ as %40 and % as %25`);
        }
    }
    if (!parsed.hostname) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x('input "database-url" has no host; expected postgres://user:password@host:5432/database');
    }
    // A password with an unencoded "/" and "@" (postgres://u:pa@ss/wo@host/db) parses as host "ss" and database
    // "wo@host/db": pieces of the password would be printed as the target and looked up in DNS. libpq reads it
    // the same wrong way; a database name holding "@" or "/" is written encoded, so the raw path never has one.
    if (/[@/]/.test(parsed.pathname.slice(1))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x('input "database-url" has "@" or "/" after its host (value hidden): a user name or password holding them must be percent-encoded, @ as %40 and / as %2F');
    }
    checkTlsParams(parsed);
}
/** libpq's TLS environment variables and the URL parameter each stands in for. */
const LIBPQ_TLS_ENV = [
    ['PGSSLMODE', 'sslmode'],
    ['PGSSLROOTCERT', 'sslrootcert'],
    ['PGSSLCERT', 'sslcert'],
    ['PGSSLKEY', 'sslkey']
];
/**
 * The database URL with libpq's TLS environment variables applied where the URL says nothing, as libpq applies
 * them (psql, the Supabase CLI): PGSSLMODE=require in a job's environment must not be read as prefer, which
 * falls back to no encryption. A URL with node-postgres's own `ssl=` is left alone, and so is one the embedded
 * provider stands for. A bad value is refused naming the variable.
 */
function withLibpqTlsEnvironment(url, env) {
    if (url === PROVIDED_TARGET_URL)
        return url;
    let parsed;
    try {
        parsed = (0,_db_target_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDatabaseUrl */ .mx)(url);
    }
    catch {
        return url; // checkDatabaseUrl says what is wrong with it
    }
    if (parsed.searchParams.has('ssl'))
        return url;
    let result = url;
    for (const [variable, param] of LIBPQ_TLS_ENV) {
        const value = env[variable]?.trim();
        if (!value || parsed.searchParams.has(param))
            continue;
        if (param === 'sslmode' && !SSL_MODES.includes(value.toLowerCase()))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`environment variable ${variable} is ${JSON.stringify(value)}; allowed: ${SSL_MODES.join(', ')} (it stands for the URL's sslmode, which is not given)`);
        if (param !== 'sslmode' && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`environment variable ${variable} is ${JSON.stringify(value)}, which does not exist (relative paths are read from ${process.cwd()})`);
        result = withQueryParam(result, param, value);
    }
    return result;
}
/** The URL with key=value appended as text (the user name and password stay byte for byte). */
function withQueryParam(url, key, value) {
    const hash = url.indexOf('#');
    const [head, tail] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
    return `${head}${head.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}${tail}`;
}
/** libpq's sslmode values, and node-postgres's own no-verify. */
const SSL_MODES = [
    'disable',
    'allow',
    'prefer',
    'require',
    'verify-ca',
    'verify-full',
    'no-verify'
];
/**
 * sslmode and the certificate files, refused before anything connects: an unknown sslmode would otherwise be read
 * as verify-full by node-postgres (libpq refuses it), and a missing file fails only at connect time.
 */
function checkTlsParams(url) {
    const mode = url.searchParams.get('sslmode');
    if (mode !== null && !SSL_MODES.includes(mode.toLowerCase()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "database-url" has sslmode=${JSON.stringify(mode)}; allowed: ${SSL_MODES.join(', ')}`);
    if (mode?.toLowerCase() === 'verify-ca' && !url.searchParams.get('sslrootcert'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x('input "database-url" has sslmode=verify-ca without sslrootcert: verify-ca checks the chain against the CA ' +
            "file sslrootcert names (e.g. the Supabase project's root certificate); add it, or use sslmode=require");
    for (const key of ['sslrootcert', 'sslcert', 'sslkey']) {
        const file = url.searchParams.get(key);
        if (file !== null && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "database-url" has ${key}=${JSON.stringify(file)}, which does not exist (relative paths are read from ${process.cwd()})`);
    }
}
const SUPABASE_MIGRATIONS = /(^|[\\/])supabase[\\/]migrations$/;
/**
 * The policy files tried, in order, when `config` is not given: `<migrations-dir>/runbook.yml`, then, for
 * a folder ending in `supabase/migrations`, `supabase/runbook.yml` beside it. Every Supabase CLI command
 * prints "Skipping migration runbook.yml" for a file inside supabase/migrations, so that layout keeps the
 * policy one level up.
 */
function configCandidates(migrationsDir) {
    const trimmed = migrationsDir.replace(/[\\/]+$/, '') || migrationsDir;
    const own = `${trimmed}/runbook.yml`;
    if (!SUPABASE_MIGRATIONS.test(trimmed))
        return [own];
    return [own, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(trimmed), 'runbook.yml')];
}
/**
 * The default `config` for a migrations folder (see configCandidates). With one candidate the path is
 * returned unchecked: loadPolicy names it if it is missing. With two, the first that exists wins, and
 * neither existing is an error naming both.
 */
function defaultConfigPath(migrationsDir, lookup = {}) {
    const candidates = configCandidates(migrationsDir);
    if (candidates.length === 1)
        return candidates[0];
    const root = lookup.root ?? process.cwd();
    const exists = lookup.exists ?? node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync;
    const found = candidates.find(c => exists(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, c)));
    if (found)
        return found;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "config" is not given, and neither ${candidates.join(' nor ')} exists; allowed: a runbook policy file — pass config (CLI: --config <file>), or create ${candidates[candidates.length - 1]} with \`migration-runbook init\``);
}
function parseInputs(raw, lookup = {}) {
    const value = (name) => {
        const v = raw[name];
        return v === undefined || v.trim() === '' ? undefined : v.trim();
    };
    const stage = value('stage');
    if (!isOneOf(stage, _types_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGES */ .a)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "stage" is ${describeValue(stage)}; allowed: ${_types_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGES */ .a.join(', ')}`);
    }
    const environment = value('environment');
    if (!environment || !ENV_NAME.test(environment)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "environment" is ${describeValue(environment)}; allowed: a name defined under environments: in runbook.yml (letters, digits, . _ -)`);
    }
    const comment = value('comment') ?? 'auto';
    if (!isOneOf(comment, COMMENT_MODES)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "comment" is ${describeValue(comment)}; allowed: ${COMMENT_MODES.join(', ')}`);
    }
    const databaseUrl = value('database-url');
    if (!databaseUrl) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x('input "database-url" is empty; it is required (pass the environment\'s database secret)');
    }
    const withTlsEnvironment = withLibpqTlsEnvironment(databaseUrl, lookup.env ?? process.env);
    checkDatabaseUrl(withTlsEnvironment);
    const migrationsDir = value('migrations-dir') ?? 'migrations';
    return {
        environment,
        stage,
        databaseUrl: withTlsEnvironment,
        migrationsDir,
        configPath: value('config') ?? defaultConfigPath(migrationsDir, lookup),
        githubToken: value('github-token'),
        comment,
        artifactName: value('artifact-name') ?? `migration-runbook-${environment}-${stage}`,
        testCommand: value('test-command'),
        artifactsDir: value('artifacts-dir') ?? 'artifacts',
        variables: (0,_flags_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunVariables */ .r2)(value('env-file'), lookup.env ?? process.env, lookup.root ?? process.cwd())
    };
}
/** Whether the value is one of the allowed ones (narrowing it to them). */
function isOneOf(value, allowed) {
    return allowed.includes(value);
}


/***/ }),

/***/ 2379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ readValue)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8395);
/* harmony import */ var zod_locales__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
/**
 * zod's configuration, set once before any schema is built: a module that builds schemas imports this module
 * before it imports zod (`import './zod.js'`).
 * zod/mini, not the classic API: the classic one attaches some forty methods to every schema it builds and
 * brings 378 KB of code to compile; at start-up that was ~50 ms of the apply's critical path before the first
 * connection (Node 20, measured in bench/fast-path.ts). mini has no default locale: English is set here.
 * jitless: a run parses each schema once or twice, and zod's JIT compiles a function (new Function) per object
 * schema on its first parse, which costs more than it saves. zod reads the setting when a schema is built.
 */


(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)((0,zod_locales__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)());
(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)({ jitless: true });
/**
 * A schema that takes any value and returns `read(value, fail)`; `fail` records an issue with the message as
 * written and ends the parse of this value. The classic API's `.transform((v, ctx) => ...)` with
 * `ctx.addIssue`: mini's transform gets the parse payload, without addIssue.
 */
function readValue(read) {
    return (0,zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL)((0,zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J)(), (0,zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi)((value, payload) => {
        try {
            return read(value, (message, path = []) => {
                throw new Failed(message, path);
            });
        }
        catch (e) {
            if (!(e instanceof Failed))
                throw e;
            payload.issues.push({ code: 'custom', message: e.message, input: value, path: e.path });
            return zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .NEVER */ .tm;
        }
    }));
}
class Failed extends Error {
    path;
    constructor(message, path) {
        super(message);
        this.path = path;
    }
}


/***/ }),

/***/ 550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _d: () => (/* binding */ nearestLayoutDir),
/* harmony export */   detectLayout: () => (/* binding */ detectLayout),
/* harmony export */   migrationFoldersBelow: () => (/* binding */ migrationFoldersBelow)
/* harmony export */ });
/* unused harmony exports LAYOUT_FOLDERS, policyPathFor */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7827);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4389);
/**
 * Which migrations layout a repository uses, and where its runbook policy belongs in that layout.
 */




/** Looked for in this order when --migrations-dir is not given. */
const LAYOUT_FOLDERS = [
    { dir: 'supabase/migrations', kind: 'supabase' },
    { dir: 'migrations', kind: 'plain' }
];
function isFolder(p) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isDirectory();
}
function toPosix(p) {
    return p.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
/**
 * The policy path for a migrations folder: an existing candidate if there is one (so init never writes a
 * second policy that the first would shadow), else the last candidate, which in the Supabase layout is
 * supabase/runbook.yml, outside the folder the Supabase CLI reads.
 */
function policyPathFor(root, migrationsDir) {
    const candidates = (0,_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__.configCandidates)(migrationsDir);
    const existing = candidates.find(c => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, c)));
    return toPosix(existing ?? candidates[candidates.length - 1]);
}
function countMigrations(dir) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).filter(f => f.endsWith('.sql') && !isFolder(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, f))).length;
}
/**
 * The repository's layout: the folder named by --migrations-dir (which must exist), else
 * supabase/migrations (Supabase CLI), else migrations/. Neither found is a ConfigError saying what was
 * looked for.
 */
function detectLayout(root, migrationsDir) {
    if (migrationsDir !== undefined) {
        // Relative to the root: the path is written into workflows that run from the repository root.
        const dir = toPosix(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, migrationsDir)));
        if (dir === '' || dir.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(dir)) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`option --migrations-dir is "${migrationsDir}", which is not inside the repository ${root}; allowed: a folder of <version>_<name>.sql migrations below the repository root`);
        }
        if (!isFolder(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, dir))) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`option --migrations-dir is "${migrationsDir}", which is not a folder under ${root}; allowed: an existing folder of <version>_<name>.sql migrations`);
        }
        const kind = (0,_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__.configCandidates)(dir).length > 1 ? 'supabase' : 'plain';
        return layoutOf(root, dir, kind);
    }
    for (const { dir, kind } of LAYOUT_FOLDERS) {
        if (isFolder(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, dir)))
            return layoutOf(root, dir, kind);
    }
    // A monorepo keeps its Supabase project in a package (packages/db/supabase/migrations): name what is there.
    const below = migrationFoldersBelow(root);
    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`no migrations folder in ${root}: looked for supabase/migrations/ (Supabase CLI layout) and migrations/` +
        (below.length > 0 ? `; found below it: ${below.join(', ')}` : '') +
        '; allowed: run init in the project (the folder that holds supabase/migrations or migrations), or pass ' +
        '--migrations-dir <dir> naming the folder of <version>_<name>.sql migrations' +
        (below.length > 0 ? ` (here: --migrations-dir ${below[0]})` : ''));
}
/** Folders not looked into for migrations folders: dependencies, build output, hidden folders. */
const NOT_SEARCHED = new Set(['node_modules', 'dist', 'build', 'vendor', 'target']);
/**
 * The supabase/migrations folders below `root`, at most `depth` folders down, relative and with forward
 * slashes, nearest first: where a monorepo keeps its project.
 */
function migrationFoldersBelow(root, depth = 4) {
    const found = [];
    let level = [''];
    for (let d = 0; d <= depth && level.length > 0 && found.length < 5; d++) {
        const next = [];
        for (const rel of level) {
            let entries;
            try {
                entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel), { withFileTypes: true });
            }
            catch {
                continue;
            }
            for (const e of entries) {
                if (!e.isDirectory() || e.name.startsWith('.') || NOT_SEARCHED.has(e.name))
                    continue;
                const child = rel ? `${rel}/${e.name}` : e.name;
                if (d > 0 && e.name === 'supabase' && isFolder(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, child, 'migrations')))
                    found.push(`${child}/migrations`);
                else
                    next.push(child);
            }
        }
        level = next.sort();
    }
    return found;
}
/**
 * The folder init works from inside a repository: the nearest at or above `cwd` (up to `top`) that holds
 * supabase/migrations or migrations, relative to `top`; undefined when none does.
 */
function nearestLayoutDir(cwd, top) {
    for (let dir = cwd;; dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)) {
        for (const { dir: folder } of LAYOUT_FOLDERS)
            if (isFolder(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, folder)))
                return toPosix(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(top, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, folder)));
        if (dir === top || node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir) === dir)
            return undefined;
    }
}
function layoutOf(root, dir, kind) {
    return {
        kind,
        migrationsDir: dir,
        configPath: policyPathFor(root, dir),
        migrationCount: countMigrations(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, dir))
    };
}


/***/ })

};
