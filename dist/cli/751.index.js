export const id = 751;
export const ids = [751,389];
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
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
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
const featureFlagSchema = schemas/* strictObject */.rej({
    /** The environment variable the application reads. */
    name: schemas/* string */.YjP().regex(VARIABLE, 'is not an environment variable name (letters, digits, _)'),
    allowed: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).min(1),
    /** What the application uses when the variable is not set. */
    default: schemas/* string */.YjP().min(1).optional(),
    /** environment name -> the value that environment must run with. */
    expected: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP().min(1)).default({}),
    /** Lists per-venue overrides: one row per venue, columns `venue` and `value`. */
    'overrides-sql': schemas/* string */.YjP().min(1).optional()
})
    .superRefine((f, ctx) => {
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
});
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
/* harmony export */   J: () => (/* binding */ configCandidates),
/* harmony export */   PROVIDED_TARGET_URL: () => (/* binding */ PROVIDED_TARGET_URL),
/* harmony export */   checkDatabaseUrl: () => (/* binding */ checkDatabaseUrl),
/* harmony export */   parseInputs: () => (/* binding */ parseInputs),
/* harmony export */   withLibpqTlsEnvironment: () => (/* binding */ withLibpqTlsEnvironment)
/* harmony export */ });
/* unused harmony exports COMMENT_MODES, SSL_MODES, defaultConfigPath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2379);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9691);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8522);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7827);
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3847);
/* harmony import */ var _db_target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2513);
/**
 * The run's inputs, from the action or the CLI, parsed with zod before anything else happens.
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
    const parsed = (0,_db_target_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDatabaseUrl */ .mx)(url);
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "database-url" has scheme "${parsed.protocol.replace(/:$/, '')}"; allowed: postgres, postgresql`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "database-url" has malformed percent-encoding in its ${part} (value hidden); encode special characters, e.g. @ as %40 and % as %25`);
        }
    }
    if (!parsed.hostname) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x('input "database-url" has no host; expected postgres://user:password@host:5432/database');
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
        parsed = (0,_db_target_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDatabaseUrl */ .mx)(url);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`environment variable ${variable} is ${JSON.stringify(value)}; allowed: ${SSL_MODES.join(', ')} (it stands for the URL's sslmode, which is not given)`);
        if (param !== 'sslmode' && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`environment variable ${variable} is ${JSON.stringify(value)}, which does not exist (relative paths are read from ${process.cwd()})`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "database-url" has sslmode=${JSON.stringify(mode)}; allowed: ${SSL_MODES.join(', ')}`);
    if (mode?.toLowerCase() === 'verify-ca' && !url.searchParams.get('sslrootcert'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x('input "database-url" has sslmode=verify-ca without sslrootcert: verify-ca checks the chain against the CA ' +
            "file sslrootcert names (e.g. the Supabase project's root certificate); add it, or use sslmode=require");
    for (const key of ['sslrootcert', 'sslcert', 'sslkey']) {
        const file = url.searchParams.get(key);
        if (file !== null && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "database-url" has ${key}=${JSON.stringify(file)}, which does not exist (relative paths are read from ${process.cwd()})`);
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "config" is not given, and neither ${candidates.join(' nor ')} exists; allowed: a runbook policy file — pass config (CLI: --config <file>), or create ${candidates[candidates.length - 1]} with \`migration-runbook init\``);
}
function parseInputs(raw, lookup = {}) {
    const value = (name) => {
        const v = raw[name];
        return v === undefined || v.trim() === '' ? undefined : v.trim();
    };
    const stage = value('stage');
    const stageResult = zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(_types_js__WEBPACK_IMPORTED_MODULE_7__/* .STAGES */ .a).safeParse(stage);
    if (!stageResult.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "stage" is ${describeValue(stage)}; allowed: ${_types_js__WEBPACK_IMPORTED_MODULE_7__/* .STAGES */ .a.join(', ')}`);
    }
    const environment = value('environment');
    if (!environment || !ENV_NAME.test(environment)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "environment" is ${describeValue(environment)}; allowed: a name defined under environments: in runbook.yml (letters, digits, . _ -)`);
    }
    const comment = value('comment') ?? 'auto';
    const commentResult = zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(COMMENT_MODES).safeParse(comment);
    if (!commentResult.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`input "comment" is ${describeValue(comment)}; allowed: ${COMMENT_MODES.join(', ')}`);
    }
    const databaseUrl = value('database-url');
    if (!databaseUrl) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x('input "database-url" is empty; it is required (pass the environment\'s database secret)');
    }
    const withTlsEnvironment = withLibpqTlsEnvironment(databaseUrl, lookup.env ?? process.env);
    checkDatabaseUrl(withTlsEnvironment);
    const migrationsDir = value('migrations-dir') ?? 'migrations';
    return {
        environment,
        stage: stageResult.data,
        databaseUrl: withTlsEnvironment,
        migrationsDir,
        configPath: value('config') ?? defaultConfigPath(migrationsDir, lookup),
        githubToken: value('github-token'),
        comment: commentResult.data,
        artifactName: value('artifact-name') ?? `migration-runbook-${environment}-${stageResult.data}`,
        testCommand: value('test-command'),
        artifactsDir: value('artifacts-dir') ?? 'artifacts',
        variables: (0,_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunVariables */ .r2)(value('env-file'), lookup.env ?? process.env, lookup.root ?? process.cwd())
    };
}


/***/ }),

/***/ 2379:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {

/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/**
 * zod's configuration, set once before any schema is built: a module that builds schemas imports this module
 * before it imports zod (`import './zod.js'`).
 * jitless: a run parses each schema once or twice, and zod's JIT compiles a function (new Function) per object
 * schema on its first parse, which costs more than it saves. zod reads the setting when a schema is built.
 * Only `config` is imported here: re-exporting zod's namespace object from a module of ours would keep all of
 * zod in the bundle (887 KB instead of 378 KB, measured).
 */

(0,zod__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)({ jitless: true });


/***/ }),

/***/ 3751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInit: () => (/* binding */ runInit)
});

// UNUSED EXPORTS: ACTION_REF, ACTION_REPOSITORY, detectLayout, initRoot, nextCommands, planInit, policyPathFor, renderRunbook, renderWorkflows, writeInit

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
;// CONCATENATED MODULE: ./src/init/layout.ts
/**
 * Which migrations layout a repository uses, and where its runbook policy belongs in that layout.
 */




/** Looked for in this order when --migrations-dir is not given. */
const LAYOUT_FOLDERS = [
    { dir: 'supabase/migrations', kind: 'supabase' },
    { dir: 'migrations', kind: 'plain' }
];
function isFolder(p) {
    return (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.statSync)(p).isDirectory();
}
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
/**
 * The policy path for a migrations folder: an existing candidate if there is one (so init never writes a
 * second policy that the first would shadow), else the last candidate, which in the Supabase layout is
 * supabase/runbook.yml, outside the folder the Supabase CLI reads.
 */
function policyPathFor(root, migrationsDir) {
    const candidates = (0,inputs/* configCandidates */.J)(migrationsDir);
    const existing = candidates.find(c => (0,external_node_fs_.existsSync)(external_node_path_default().resolve(root, c)));
    return toPosix(existing ?? candidates[candidates.length - 1]);
}
function countMigrations(dir) {
    return (0,external_node_fs_.readdirSync)(dir).filter(f => f.endsWith('.sql') && !isFolder(external_node_path_default().join(dir, f))).length;
}
/**
 * The repository's layout: the folder named by --migrations-dir (which must exist), else
 * supabase/migrations (Supabase CLI), else migrations/. Neither found is a ConfigError saying what was
 * looked for.
 */
function detectLayout(root, migrationsDir) {
    if (migrationsDir !== undefined) {
        // Relative to the root: the path is written into workflows that run from the repository root.
        const dir = toPosix(external_node_path_default().relative(root, external_node_path_default().resolve(root, migrationsDir)));
        if (dir === '' || dir.startsWith('..') || external_node_path_default().isAbsolute(dir)) {
            throw new errors/* ConfigError */.x(`option --migrations-dir is "${migrationsDir}", which is not inside the repository ${root}; allowed: a folder of <version>_<name>.sql migrations below the repository root`);
        }
        if (!isFolder(external_node_path_default().resolve(root, dir))) {
            throw new errors/* ConfigError */.x(`option --migrations-dir is "${migrationsDir}", which is not a folder under ${root}; allowed: an existing folder of <version>_<name>.sql migrations`);
        }
        const kind = (0,inputs/* configCandidates */.J)(dir).length > 1 ? 'supabase' : 'plain';
        return layoutOf(root, dir, kind);
    }
    for (const { dir, kind } of LAYOUT_FOLDERS) {
        if (isFolder(external_node_path_default().join(root, dir)))
            return layoutOf(root, dir, kind);
    }
    // A monorepo keeps its Supabase project in a package (packages/db/supabase/migrations): name what is there.
    const below = migrationFoldersBelow(root);
    throw new errors/* ConfigError */.x(`no migrations folder in ${root}: looked for supabase/migrations/ (Supabase CLI layout) and migrations/` +
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
                entries = (0,external_node_fs_.readdirSync)(external_node_path_default().join(root, rel), { withFileTypes: true });
            }
            catch {
                continue;
            }
            for (const e of entries) {
                if (!e.isDirectory() || e.name.startsWith('.') || NOT_SEARCHED.has(e.name))
                    continue;
                const child = rel ? `${rel}/${e.name}` : e.name;
                if (d > 0 && e.name === 'supabase' && isFolder(external_node_path_default().join(root, child, 'migrations')))
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
    for (let dir = cwd;; dir = external_node_path_default().dirname(dir)) {
        for (const { dir: folder } of LAYOUT_FOLDERS)
            if (isFolder(external_node_path_default().join(dir, folder)))
                return toPosix(external_node_path_default().relative(top, external_node_path_default().join(dir, folder)));
        if (dir === top || external_node_path_default().dirname(dir) === dir)
            return undefined;
    }
}
/** The repository's top: the nearest directory at or above `cwd` that holds .git; undefined outside one. */
function repositoryTop(cwd) {
    for (let dir = external_node_path_default().resolve(cwd);; dir = external_node_path_default().dirname(dir)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, '.git')))
            return dir;
        if (external_node_path_default().dirname(dir) === dir)
            return undefined;
    }
}
function layoutOf(root, dir, kind) {
    return {
        kind,
        migrationsDir: dir,
        configPath: policyPathFor(root, dir),
        migrationCount: countMigrations(external_node_path_default().resolve(root, dir))
    };
}

;// CONCATENATED MODULE: ./src/init/runbook.ts
function header(layout) {
    const where = layout.kind === 'supabase'
        ? `# It lives beside ${layout.migrationsDir}, not in it: the Supabase CLI reads every file in that
# folder and would print "Skipping migration runbook.yml" on each command. Migration Runbook finds it
# there by default (<migrations-dir>/runbook.yml first, then this file).`
        : `# Migration Runbook reads it by default as <migrations-dir>/runbook.yml.`;
    return `# Migration Runbook policy for the migrations in ${layout.migrationsDir}/ (written by
# \`migration-runbook init\`; edit freely). Schema: src/config/policy.ts of Migration Runbook.
${where}
# Durations: 500ms, 5s, 2m, 1h. Gates: fail | warn | off.
# If the rehearsal's throwaway database lacks something your project needs (an extension, a role, a
# schema the Supabase stand-in does not have), add it with a top-level \`setup-sql:\` key (inline SQL,
# or .sql files relative to this file), run before the migrations: Migration Runbook's docs/adopting.md.`;
}
function renderRunbook(layout) {
    return `${header(layout)}
version: 1

# Merged under every environment below; an environment's own keys win.
defaults:
  lock-timeout: 5s # SET LOCAL lock_timeout per migration: give up on a lock instead of queueing every query behind it
  statement-timeout: 15m # no single statement of a migration runs longer
  apply-retries: 3 # retries after a lock timeout (55P03) only, never after any other error
  retry-backoff: 2s # wait between those retries
  advisory-lock-wait: 2m # a second run against the same database waits this long for the first, then fails
  lock-budget: 10s # the rehearsal measures how long each migration holds its locks; longer is over budget
  long-transaction-limit: 5m # transactions open longer than this on the target are reported before applying
  backup-max-age: 24h # newest backup must be younger (checked when supabase-project-ref and SUPABASE_ACCESS_TOKEN are set)
  conflicts-timeout: 2m # budget of each query looking for rows a new constraint would reject
  conflicts-sample: 20 # offending rows shown per constraint in the evidence
  artifact-retention-days: 30 # how long GitHub keeps the evidence artifact

# Names must match the GitHub environments that hold each database's DATABASE_URL secret.
environments:
  staging:
    # Open transactions and lock holders are reported, not fatal: staging is shared and noisy.
    long-transactions: warn
    lock-holders: warn
    rehearsal-over-budget: warn
    # test-command: npm test # functional tests run against the target (DATABASE_URL and SUPABASE_DB_URL set)

  production:
    production: true # strict: long transactions, lock holders and an over-budget rehearsal fail the run
    lock-budget: 5s # users wait behind an ACCESS EXCLUSIVE lock this long at most; raise it for a planned window
    long-transactions: fail
    lock-holders: fail
    rehearsal-over-budget: fail
    # supabase-project-ref: abcdefghijklmnopqrst # 20 characters; with SUPABASE_ACCESS_TOKEN, enables the backup check
    # monitor: # watch production after the apply; on-breach: rollback reverts the newest migration
    #   duration: 15m
    #   interval: 30s
    #   on-breach: fail
    #   checks:
    #     - name: error-rate
    #       sql: SELECT 0 AS value # one numeric column named value per sample
    #       max: 5
`;
}

// EXTERNAL MODULE: ./src/init/workflows.ts
var workflows = __webpack_require__(2968);
;// CONCATENATED MODULE: ./src/init/plan.ts
/**
 * What `init` would write (planInit) and writing it (writeInit). Nothing existing is replaced without
 * force, and a refusal writes nothing at all, so a re-run never leaves half a setup behind.
 */






function planInit(root, opts = {}) {
    const layout = detectLayout(root, opts.migrationsDir);
    const files = [
        { path: layout.configPath, content: renderRunbook(layout) },
        ...(0,workflows/* renderWorkflows */.L5)(layout, opts)
    ].map(f => ({ ...f, exists: (0,external_node_fs_.existsSync)(external_node_path_default().join(root, f.path)) }));
    return { root, layout, files };
}
/** Writes the plan; throws a ConfigError naming every existing file (and writes nothing) unless force. */
function writeInit(plan, opts) {
    const existing = plan.files.filter(f => f.exists);
    if (existing.length > 0 && !opts.force) {
        const names = existing.map(f => f.path).join(', ');
        throw new errors/* ConfigError */.x(`${names} already exist${existing.length === 1 ? 's' : ''}; init never overwrites a file: pass --force to replace ${existing.length === 1 ? 'it' : 'them'}, or --print to see the edits without writing`);
    }
    for (const file of plan.files) {
        const target = external_node_path_default().join(plan.root, file.path);
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, file.content);
    }
    return plan.files;
}

;// CONCATENATED MODULE: ./src/init/index.ts
/**
 * `migration-runbook init [--migrations-dir D] [--force] [--print]`: detects the layout, writes a commented
 * runbook.yml and the two workflows (or prints them), and says what to run next. Needs no database.
 * Bad usage throws a ConfigError (the CLI exits 2).
 */










/** Options of the stage commands: given to init they would be silently ignored, so they are refused. */
const STAGE_ONLY = [
    'env',
    'database-url',
    'embedded',
    'baseline',
    'migration',
    'config',
    'artifacts-dir',
    'test-command',
    'demo-rows',
    'json'
];
function refuseStageOptions(flags) {
    const given = STAGE_ONLY.filter(o => flags[o] !== undefined && flags[o] !== false);
    if (given.length > 0) {
        throw new errors/* ConfigError */.x(`option --${given[0]} does not apply to init; allowed: --migrations-dir <dir>, --force, --print`);
    }
}
async function viewFolder(root, migrationsDir) {
    // A CONCURRENTLY file is parsed to decide how it runs.
    await (0,parser/* loadParser */.qd)();
    try {
        const { migrations, warnings } = (0,files/* discoverMigrationsWithWarnings */.Aq)(migrationsDir, root);
        return { migrations: migrations.length, skipped: warnings };
    }
    catch (e) {
        if (!(e instanceof errors/* ConfigError */.x))
            throw e;
        return { migrations: 0, skipped: [], refused: e.message };
    }
}
function describeLayout(layout, folder) {
    const kind = layout.kind === 'supabase' ? 'Supabase CLI layout' : 'migrations folder';
    const count = folder.refused
        ? `${layout.migrationCount} .sql file${layout.migrationCount === 1 ? '' : 's'}`
        : `${folder.migrations} migration${folder.migrations === 1 ? '' : 's'}` +
            (folder.skipped.length > 0 ? `, ${folder.skipped.length} skipped` : '');
    return `${kind}: ${layout.migrationsDir}/ (${count}); policy: ${layout.configPath}`;
}
/** What the stages will say of the folder, said now: skipped files, or why they will refuse it. */
function describeFolderProblems(folder) {
    if (folder.refused)
        return [`WARN the stages will refuse this folder until it is fixed: ${folder.refused}`];
    if (folder.skipped.length === 0)
        return [];
    return [
        ...folder.skipped.map(w => `WARN ${w}`),
        `WARN ${folder.skipped.length} file(s) skipped, as the Supabase CLI skips them: rename a migration to ` +
            '<timestamp>_<name>.sql (what `supabase migration new` writes) to have it applied.'
    ];
}
/** The commands to run next; the CLI's own default folder is migrations/, so others are named. */
function nextCommands(layout) {
    // The CLI finds supabase/migrations by itself when there is no migrations/ folder (defaultMigrationsDir).
    const dir = ['migrations', 'supabase/migrations'].includes(layout.migrationsDir)
        ? ''
        : ` --migrations-dir ${layout.migrationsDir}`;
    return [
        `npx migration-runbook rehearse${dir}`,
        `npx migration-runbook validate --env staging --embedded${dir}`
    ];
}
function renderNext(layout, printed, top) {
    const lines = [
        top ? `Next, from ${top}:` : 'Next:',
        ...(printed ? ['  migration-runbook init (without --print) to write these files'] : []),
        ...nextCommands(layout).map(c => `  ${c}`),
        'then create the GitHub environments staging and production, each with a DATABASE_URL secret,',
        'and open a pull request that touches the migrations (docs/adopting.md of Migration Runbook).'
    ];
    return lines.join('\n');
}
function renderPrint(plan, force) {
    return plan.files
        .map(f => {
        const state = !f.exists
            ? 'new file'
            : force
                ? 'exists: --force replaces it'
                : 'exists: init refuses to replace it without --force';
        return `--- ${f.path} (${state})\n${f.content}`;
    })
        .join('\n');
}
/**
 * Where init writes: the repository's top, where GitHub reads workflows and runs them, with the migrations
 * folder relative to it. Run inside a package of a monorepo (packages/db), the folder is the nearest one at or
 * above the working directory: written from there, the workflows landed in packages/db/.github, which GitHub
 * never reads (found on real projects). Outside a repository: the working directory.
 */
function initRoot(cwd, given) {
    const top = repositoryTop(cwd);
    if (!top || top === external_node_path_default().resolve(cwd))
        return { root: cwd, migrationsDir: given, fromBelow: false };
    return {
        root: top,
        // Absolute: detectLayout makes it relative to the top, and names it in full when it is outside.
        migrationsDir: given !== undefined ? external_node_path_default().resolve(cwd, given) : nearestLayoutDir(cwd, top),
        fromBelow: true
    };
}
async function runInit(flags, io) {
    refuseStageOptions(flags);
    const force = flags.force === true;
    const { root, migrationsDir, fromBelow } = initRoot(io.cwd, flags['migrations-dir']);
    const plan = planInit(root, { migrationsDir });
    const folder = await viewFolder(root, plan.layout.migrationsDir);
    const found = [
        ...(fromBelow
            ? [
                `repository: ${root} (GitHub reads workflows at its top and runs them there: the paths below are relative to it)`
            ]
            : []),
        describeLayout(plan.layout, folder),
        ...describeFolderProblems(folder)
    ].join('\n');
    if (flags.print === true) {
        io.out(`${found}\nprinting the edits; nothing is written.\n\n${renderPrint(plan, force)}`);
    }
    else {
        const written = writeInit(plan, { force });
        const lines = written.map(f => `${f.exists ? 'replaced' : 'wrote'} ${f.path}`);
        io.out(`${found}\n${lines.join('\n')}`);
    }
    io.out(`\n${renderNext(plan.layout, flags.print === true, fromBelow ? root : undefined)}`);
    return 0;
}


/***/ }),

/***/ 2968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ renderWorkflows),
/* harmony export */   Yx: () => (/* binding */ ACTION_REPOSITORY)
/* harmony export */ });
/* unused harmony exports ACTION_REF, PINNED_ACTIONS, UPLOAD_SARIF, BASELINE_SCRIPT, ANNOTATE_SCRIPT, GATE_SCRIPT, renderPrWorkflow, renderDeployWorkflow */
/** The published action. Pin a major tag or a commit SHA. */
const ACTION_REPOSITORY = 'your-org/migration-runbook';
const ACTION_REF = 'v1';
/** A GitHub expression, written out literally (a template literal would read `${{` as its own). */
const gh = (expression) => '${{ ' + expression + ' }}';
function envBlock(layout) {
    return `# The migrations folder and policy this repository uses (found by migration-runbook init).
env:
  MIGRATIONS_DIR: ${layout.migrationsDir}
  RUNBOOK_CONFIG: ${layout.configPath}`;
}
/**
 * Third-party actions, pinned by full commit SHA (a tag can be moved; a commit cannot), the release in a
 * comment. All run on node24. The repository's own workflows use the same pins (a test holds them equal).
 */
const PINNED_ACTIONS = {
    checkout: 'actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3',
    setupNode: 'actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38 # v6.5.0',
    uploadArtifact: 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
    uploadSarif: 'github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2'
};
/** GitHub's SARIF upload, pinned by commit (the tag it was in the comment). */
const UPLOAD_SARIF = PINNED_ACTIONS.uploadSarif;
const CHECKOUT = `      - uses: ${PINNED_ACTIONS.checkout}
        with:
          persist-credentials: false`;
/**
 * Node and the repository's dependencies, before any step that runs the action: the policy's test-command
 * (npm run test:integration, say) runs in the action and the tests-preflight check looks for it in validate.
 */
const SETUP_NODE = `      - uses: ${PINNED_ACTIONS.setupNode}
        with:
          node-version: 24
          cache: npm
      - name: Install dependencies (the test command needs them)
        run: npm ci`;
/** The action's step. Backups: SUPABASE_ACCESS_TOKEN (secret) and SUPABASE_PROJECT_REF (variable). */
function runbookStep(action, environment, stage, opts = {}) {
    return `      - name: Migration Runbook (${stage})${opts.id ? `\n        id: ${opts.id}` : ''}${opts.condition ? `\n        if: ${opts.condition}` : ''}
        uses: ${action}
        env:
          # The backup check asks Supabase for the newest backup; production fails without it unless
          # runbook.yml says backup: { off: true, reason: "..." }.
          SUPABASE_ACCESS_TOKEN: ${gh('secrets.SUPABASE_ACCESS_TOKEN')}
          SUPABASE_PROJECT_REF: ${gh('vars.SUPABASE_PROJECT_REF')}
        with:
          environment: ${environment}
          stage: ${stage}
          database-url: ${gh('secrets.DATABASE_URL')}
          migrations-dir: ${gh('env.MIGRATIONS_DIR')}
          config: ${gh('env.RUNBOOK_CONFIG')}`;
}
/**
 * The newest migration version on the base branch: main deploys to staging, so that is what staging has
 * applied, and the throwaway database is migrated up to it before the PR's migrations are rehearsed.
 */
const BASELINE_SCRIPT = `base="\${BASE_SHA:-HEAD^1}"
newest="$(git ls-tree --name-only "$base" -- "$MIGRATIONS_DIR/" | sed -n 's#^.*/\\([0-9][0-9A-Za-z]*\\)_[^/]*\\.sql$#\\1#p' | sort -V | tail -n 1)"
baseline=()
if [ -n "$newest" ]; then baseline=(--baseline "$newest"); fi
echo "throwaway database starts at \${newest:-an empty history} (the base branch, as deployed to staging)"`;
/** Lint findings as workflow annotations: no token needed, so fork PRs get them too. Errors first. */
const ANNOTATE_SCRIPT = `[ -s lint.sarif ] || exit 0
jq -r '[.runs[].results[]] | sort_by(if .level == "error" then 0 else 1 end) | .[]
  | "::\\(if .level == "error" then "error" else "warning" end) file=\\(.locations[0].physicalLocation.artifactLocation.uri),line=\\(.locations[0].physicalLocation.region.startLine // 1),title=\\(.ruleId)::\\(.message.text | gsub("\\n"; " "))"' lint.sarif`;
/**
 * The one required check. A skipped staging validation is not a pass: the migrations changed, so the gate
 * fails until a maintainer has the validation run (and approved in the staging environment).
 */
const GATE_SCRIPT = `summary() { printf '%s\\n' "$@" >> "$GITHUB_STEP_SUMMARY"; }
fail() {
  echo "::error title=$1::$2"
  summary "### migrations-gate: failed" "" "$2"
  exit 1
}
echo "changes=$CHANGES ($CHANGED) rehearse=$REHEARSE validate-staging=$STAGING fork=$FORK"
[ "$CHANGES" = success ] || fail "Migration checks failed" "The change detection ended $CHANGES."
if [ "$CHANGED" != true ]; then
  summary "No migration changes: nothing to gate."
  exit 0
fi
[ "$REHEARSE" = success ] || fail "Rehearsal did not pass" "The lint and throwaway rehearsal ended $REHEARSE."
case "$STAGING" in
  success) summary "### migrations-gate: passed" "" "Rehearsed on a throwaway database and validated against staging." ;;
  skipped)
    why="it was skipped"
    if [ "$FORK" = true ]; then why="this PR comes from a fork, which gets no secrets"; fi
    fail "Staging validation did not run" "The migrations changed but were not validated against staging ($why): a maintainer must run/approve the staging validation before this can merge. Review the SQL, push the branch to this repository, and approve the staging deployment." ;;
  *) fail "Staging validation did not pass" "Validation against staging ended $STAGING: a maintainer must run/approve the staging validation (re-run it, or approve the pending staging deployment)." ;;
esac`;
/** Indents a script for a \`run: |\` block at the given depth. */
function block(script, indent) {
    const pad = ' '.repeat(indent);
    return script
        .split('\n')
        .map(l => (l ? pad + l : ''))
        .join('\n');
}
function renderPrWorkflow(layout, opts = {}) {
    const repository = opts.repository ?? ACTION_REPOSITORY;
    const ref = opts.ref ?? ACTION_REF;
    const cli = 'node .migration-runbook/dist/cli/index.js';
    return `# Pull requests and merge queues (written by migration-runbook init): when ${layout.migrationsDir}/ or the
# policy changed, lint the migrations and rehearse them on a throwaway Postgres on the runner (no secret:
# fork PRs get it too), then validate them (read-only) against staging in a job bound to the staging
# environment, whose reviewers gate it. pull_request, never pull_request_target. No \`paths:\` filter:
# migrations-gate must report on every PR so it can be the one required check.
name: Migrations (PR)

on:
  pull_request:
  merge_group:

permissions:
  contents: read

concurrency:
  group: migrations-pr-${gh('github.event.pull_request.number || github.ref')}
  cancel-in-progress: true

${envBlock(layout)}

jobs:
  changes:
    name: Did the migrations change?
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: read
    outputs:
      changed: ${gh('steps.diff.outputs.changed')}
    steps:
      - uses: ${PINNED_ACTIONS.checkout}
        with:
          # pull_request: the merge commit and its first parent (the base tip). merge_group: the queue's base.
          fetch-depth: ${gh("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      - name: Did the migrations change?
        id: diff
        env:
          BASE_SHA: ${gh('github.event.merge_group.base_sha')}
        run: |
          files="$(git diff --name-only "\${BASE_SHA:-HEAD^1}" HEAD -- "$MIGRATIONS_DIR/" "$RUNBOOK_CONFIG")"
          if [ -n "$files" ]; then
            echo "changed=true" >> "$GITHUB_OUTPUT"
            { echo "### Migrations changed"; echo; echo "$files" | sed 's/^/- /'; } >> "$GITHUB_STEP_SUMMARY"
          else
            echo "changed=false" >> "$GITHUB_OUTPUT"
            echo "No changes under $MIGRATIONS_DIR/: the migration checks do not run for this PR." >> "$GITHUB_STEP_SUMMARY"
          fi

  rehearse:
    name: Lint and rehearse (throwaway Postgres)
    needs: changes
    if: needs.changes.outputs.changed == 'true'
    runs-on: ubuntu-24.04
    timeout-minutes: 20
    # security-events: write for the SARIF upload only (job permissions replace the workflow's).
    permissions:
      contents: read
      actions: read
      security-events: write
    steps:
      - uses: ${PINNED_ACTIONS.checkout}
        with:
          fetch-depth: ${gh("github.event_name == 'merge_group' && 0 || 2")}
          persist-credentials: false
      # The CLI of the same release as the action, run from its own folder.
      - uses: ${PINNED_ACTIONS.checkout}
        with:
          repository: ${repository}
          ref: ${ref}
          path: .migration-runbook
          persist-credentials: false
${SETUP_NODE}
      - name: Install Migration Runbook
        run: npm ci --omit=dev --prefix .migration-runbook
      # Offline lint as SARIF for code scanning. Never fails the job: the rehearsal lints again and gates.
      - name: Lint (SARIF)
        timeout-minutes: 10
        run: ${cli} lint --format sarif "$MIGRATIONS_DIR" > lint.sarif || true
      - name: Annotate the lint findings
        if: always()
        run: |
${block(ANNOTATE_SCRIPT, 10)}
      - name: Upload lint results to code scanning
        if: always()
        # Fails where code scanning is off, and on fork PRs (read-only token): no gate depends on it.
        continue-on-error: true
        timeout-minutes: 10
        uses: ${UPLOAD_SARIF}
        with:
          sarif_file: lint.sarif
          category: migration-runbook-lint
      # The throwaway database: the Supabase stand-in, runbook.yml setup-sql (your seed), demo data and
      # every migration staging has, then validate → apply → verify → rollback → apply of the PR's.
      - name: Rehearse validate, apply, verify, rollback, apply
        env:
          BASE_SHA: ${gh('github.event.merge_group.base_sha')}
        run: |
${block(BASELINE_SCRIPT, 10)}
          ${cli} rehearse --env staging --migrations-dir "$MIGRATIONS_DIR" --config "$RUNBOOK_CONFIG" "\${baseline[@]}" 2>&1 | tee rehearsal.txt
      - name: Job summary
        if: always()
        run: |
          { echo "### Throwaway rehearsal"; echo; echo '\`\`\`'; tail -c 60000 rehearsal.txt 2>/dev/null; echo '\`\`\`'; } >> "$GITHUB_STEP_SUMMARY"
      - name: Upload rehearsal evidence
        if: always()
        uses: ${PINNED_ACTIONS.uploadArtifact}
        with:
          name: migration-runbook-rehearsal
          path: artifacts/
          if-no-files-found: ignore

  validate-staging:
    name: Validate against staging
    needs: [changes, rehearse]
    # Same-repository PRs and merge queues: a fork PR gets no secrets, and migrations-gate then fails
    # until a maintainer runs it.
    if: >-
      needs.rehearse.result == 'success' &&
      (github.event_name == 'merge_group' ||
      github.event.pull_request.head.repo.full_name == github.repository)
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    # Binds the job to the staging environment: its reviewers gate it, its DATABASE_URL secret is used.
    environment:
      name: staging
      url: ${gh('steps.runbook.outputs.artifact-url')}
    permissions:
      contents: read
      pull-requests: write
    steps:
${CHECKOUT}
${SETUP_NODE}
${runbookStep(`${repository}@${ref}`, 'staging', 'validate', { id: 'runbook' })}

  migrations-gate:
    name: migrations-gate
    needs: [changes, rehearse, validate-staging]
    if: always()
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions: {}
    steps:
      - name: Gate
        env:
          CHANGES: ${gh('needs.changes.result')}
          CHANGED: ${gh('needs.changes.outputs.changed')}
          REHEARSE: ${gh('needs.rehearse.result')}
          STAGING: ${gh("needs['validate-staging'].result")}
          FORK: ${gh("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository")}
        run: |
${block(GATE_SCRIPT, 10)}
`;
}
/** One deploy job bound to its GitHub environment, in that environment's concurrency group. */
function deployJob(o) {
    const steps = o.stages.map((stage, i) => runbookStep(o.action, o.environment, stage, { id: i === 0 ? 'runbook' : stage }));
    return `  ${o.id}:
    name: ${o.name}
    if: ${o.condition}${o.needs ? `\n    needs: ${o.needs}` : ''}
    runs-on: ubuntu-24.04
    timeout-minutes: 60
    environment:
      name: ${o.environment}
      url: ${gh('steps.runbook.outputs.artifact-url')}
    permissions:
      contents: read
    concurrency:
      group: ${o.group}
      cancel-in-progress: false
    steps:
${CHECKOUT}
${SETUP_NODE}
${steps.join('\n')}`;
}
function renderDeployWorkflow(layout, opts = {}) {
    const action = `${opts.repository ?? ACTION_REPOSITORY}@${opts.ref ?? ACTION_REF}`;
    const group = (environment) => `migration-runbook-${gh('github.repository')}-${environment}`;
    const policyInFolder = layout.configPath.startsWith(`${layout.migrationsDir}/`);
    const paths = [`'${layout.migrationsDir}/**'`];
    if (!policyInFolder)
        paths.push(`'${layout.configPath}'`);
    return `# Deploy (written by migration-runbook init). A push to main that changes the migrations: apply to
# staging, then, once the production environment's required reviewers approve, apply → verify → monitor
# production in ONE job (one approval, one concurrency group; the monitor rolls back on a breach when
# runbook.yml says on-breach: rollback). workflow_dispatch: any stage on either environment, by hand.
# Each job joins its environment's concurrency group: two applies never run at once, and a running one
# is never cancelled.
name: Deploy migrations

on:
  push:
    branches: [main]
    # Expressions are not allowed here: keep these in step with MIGRATIONS_DIR and RUNBOOK_CONFIG.
    paths:
${paths.map(p => `      - ${p}`).join('\n')}
  workflow_dispatch:
    inputs:
      environment:
        description: Environment
        type: choice
        options: [staging, production]
        required: true
      stage:
        description: Stage
        type: choice
        options: [validate, apply, verify, rollback, monitor]
        required: true
        default: validate

permissions:
  contents: read

${envBlock(layout)}

jobs:
${deployJob({
        id: 'staging',
        name: 'apply · staging',
        condition: "github.event_name == 'push'",
        environment: 'staging',
        stages: ['apply'],
        group: group('staging'),
        action
    })}

${deployJob({
        id: 'production',
        name: 'apply → verify → monitor · production',
        condition: "github.event_name == 'push'",
        needs: 'staging',
        environment: 'production',
        stages: ['apply', 'verify', 'monitor'],
        group: group('production'),
        action
    })}

  # Read-only stages (validate, verify) get a group of their own: GitHub keeps one pending run per
  # group, and a manual validate must never replace an apply waiting for approval.
${deployJob({
        id: 'manual',
        name: `${gh('inputs.stage')} · ${gh('inputs.environment')}`,
        condition: "github.event_name == 'workflow_dispatch'",
        environment: gh('inputs.environment'),
        stages: [gh('inputs.stage')],
        group: `>-\n        ${group(gh('inputs.environment'))}${gh("(inputs.stage == 'validate' || inputs.stage == 'verify') && format('-{0}-{1}', github.run_id, github.run_attempt) || ''")}`,
        action
    })}
`;
}
function renderWorkflows(layout, opts = {}) {
    return [
        { path: '.github/workflows/migrations-pr.yml', content: renderPrWorkflow(layout, opts) },
        { path: '.github/workflows/migrations-deploy.yml', content: renderDeployWorkflow(layout, opts) }
    ];
}


/***/ })

};
