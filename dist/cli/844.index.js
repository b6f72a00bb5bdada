export const id = 844;
export const ids = [844];
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

/***/ 5844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q_: () => (/* binding */ environmentPolicy),
  a3: () => (/* binding */ formatDuration),
  loadPolicy: () => (/* binding */ loadPolicy)
});

// UNUSED EXPORTS: DURATION_RULES, PROJECT_REF, parseDuration, parsePolicy

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/config/zod.ts
var zod = __webpack_require__(2379);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
;// CONCATENATED MODULE: ./src/config/backup-settings.ts
/**
 * runbook.yml `backup`: a production environment may turn the backup check off, but only with a reason
 * (PITR on the provider, a snapshot taken by another job), which the check's summary then shows.
 * Either `backup: { off: true, reason: "..." }` or `backup: off` with `backup-reason: "..."`.
 */


const REASON_RULE = 'allowed: a non-empty reason, e.g. "PITR on the provider"';
const BACKUP_RULE = 'allowed: off, or { off: true, reason: "..." } (leave backup out to keep the check on)';
/** `backup` normalised to { off: true, reason? }; anything else is an issue naming the value. */
const backupSchema = (0,zod/* readValue */.w)((value, fail) => {
    // YAML 1.1 readers (and some editors) turn a bare `off` into false.
    if (value === 'off' || value === false)
        return { off: true };
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const { off, reason, ...rest } = value;
        const unknownKeys = Object.keys(rest);
        if (off === true && unknownKeys.length === 0) {
            if (reason === undefined)
                return { off: true };
            if (typeof reason === 'string' && reason.trim() !== '')
                return { off: true, reason: reason.trim() };
            return fail(`is ${JSON.stringify(reason)}; ${REASON_RULE}`, ['reason']);
        }
    }
    return fail(`is ${JSON.stringify(value)}; ${BACKUP_RULE}`);
});
const backupFields = {
    backup: schemas/* optional */.lqM(backupSchema),
    'backup-reason': schemas/* optional */.lqM(schemas/* string */.YjP({ error: REASON_RULE }).check(api/* _trim */.WN(), api/* _minLength */.m9(1, REASON_RULE)))
};
/**
 * The resolved setting, or a message naming the key, the value and what is allowed (the caller adds the
 * file and environment).
 */
function resolveBackupSetting(e) {
    const setting = e.backup;
    const looseReason = e['backup-reason'];
    if (setting === undefined) {
        if (looseReason !== undefined)
            return {
                error: `backup-reason: is "${looseReason}" but backup is not off; allowed: only with backup: off`
            };
        return {};
    }
    const reason = setting.reason ?? looseReason;
    if (!reason)
        return {
            error: `backup: is off without a reason; ${REASON_RULE} as backup: { off: true, reason: "..." } or backup-reason: "..."`
        };
    return { off: { reason } };
}

// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/nearest.ts
var config_nearest = __webpack_require__(6572);
;// CONCATENATED MODULE: ./src/config/issues.ts

/** The object schema's keys at `path` (wrappers, records and arrays followed), or undefined when not known. */
function keysAt(schema, path) {
    let def = schema._zod.def;
    const unwrap = () => {
        for (;;) {
            const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
            if (!inner)
                return;
            def = inner._zod.def;
        }
    };
    unwrap();
    for (const key of path) {
        const next = def.type === 'object'
            ? def.shape?.[String(key)]
            : def.type === 'record'
                ? def.valueType
                : def.type === 'array'
                    ? def.element
                    : undefined;
        if (!next)
            return undefined;
        def = next._zod.def;
        unwrap();
    }
    return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}
function valueAt(raw, path) {
    let v = raw;
    for (const key of path)
        v = v?.[key];
    return v;
}
function shown(value) {
    return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
/** One line per issue: `  <path>: <what is wrong>; allowed: <what is>`. */
function policyIssueLines(issues, raw, schema) {
    return issues.flatMap(issue => {
        const where = issue.path.join('.') || '(top)';
        const prefix = (key) => (issue.path.length ? `${where}.${key}` : key);
        if (issue.code === 'unrecognized_keys') {
            const allowed = keysAt(schema, issue.path);
            return issue.keys.map(key => {
                const nearest = allowed && (0,config_nearest/* nearestName */.q)(key, allowed);
                const hint = nearest ? ` (did you mean "${nearest}"?)` : '';
                return `  ${prefix(key)}: unknown key${hint}${allowed ? `; allowed: ${allowed.join(', ')}` : ''}`;
            });
        }
        if (issue.code === 'invalid_value' && issue.values.length > 1)
            return [
                `  ${where}: is ${shown(valueAt(raw, issue.path))}; allowed: ${issue.values.map(String).join(', ')}`
            ];
        if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined)
            return [`  ${where}: missing (required)`];
        return [`  ${where}: ${issue.message}`];
    });
}

// EXTERNAL MODULE: ./src/config/flags.ts + 1 modules
var flags = __webpack_require__(3847);
// EXTERNAL MODULE: ./src/lint/formats.ts
var formats = __webpack_require__(4061);
;// CONCATENATED MODULE: ./src/config/lint-settings.ts
/**
 * runbook.yml `lint:`: settings of the lint rules that do not depend on an environment.
 *
 *   lint:
 *     no-transaction-markers: ['-- disable-transaction', '--! no-transaction']
 *     format-in: goose
 *
 * - `no-transaction-markers`: comments that mark a file as running outside a transaction, in addition to the
 *   markers this runbook already knows (its own and those of goose, dbmate, sqlx, ...; src/plan/files.ts).
 *   Each is one `--` comment, matched like those: on one of the comment lines that open the file, ignoring
 *   case and runs of spaces, followed by nothing or a space.
 * - `format-in`: how `migration-runbook lint` reads a file (src/lint/formats.ts); `--format-in` overrides it.
 */



const marker = (0,zod/* readValue */.w)((v, failWith) => {
    const fail = (why) => failWith(`${why}; allowed: one SQL line comment starting with "--", e.g. "-- disable-transaction"`);
    if (typeof v !== 'string')
        return fail(`is ${JSON.stringify(v) ?? String(v)}, not a string`);
    const shown = JSON.stringify(v);
    const text = v.trim();
    if (!text.startsWith('--'))
        return fail(`is ${shown}, which is not a SQL line comment`);
    if (/[\r\n]/.test(text))
        return fail(`is ${shown}, which spans more than one line`);
    // "--" alone would mark every file that opens with a comment.
    if (text.replace(/^-+/, '').trim() === '')
        return fail(`is ${shown}, an empty comment`);
    return text;
});
const lintSettingsSchema = schemas/* optional */.lqM(schemas/* strictObject */.rej({
    'no-transaction-markers': schemas/* _default */.Rvf(schemas/* array */.YOg(marker), []),
    'format-in': schemas/* optional */.lqM((0,zod/* readValue */.w)((v, fail) => {
        if (v === undefined || formats/* INPUT_FORMATS */.o.includes(v))
            return v;
        return fail(`is ${JSON.stringify(v) ?? String(v)}; allowed: ${formats/* INPUT_FORMATS */.o.join(', ')}`);
    }))
}));
/** The parsed `lint:` section (absent: no extra markers, files read as they are). */
function lintSettingsOf(raw) {
    return {
        noTransactionMarkers: raw?.['no-transaction-markers'] ?? [],
        formatIn: raw?.['format-in']
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/config/smoke.ts
/**
 * runbook.yml `smoke:` (per environment): scenarios of HTTP requests against the deployed application, then
 * SQL assertions on the target, then cleanup SQL. Strings may hold `${NAME}`: a variable of the job's
 * environment or env file, or a value an earlier request saved. SQL never gets text substituted: values go
 * in as `params` ($1, $2, ...).
 */


const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];
const SAVE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 };
/** "5s" -> 5000; numbers are milliseconds (policy.ts's format; not imported: policy.ts imports this file). */
function parseDuration(value) {
    if (typeof value === 'number')
        return value;
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(value.trim());
    if (!m)
        throw new Error(`is "${value}", which is not a duration (write e.g. 500ms, 5s, 1m)`);
    return Math.round(Number(m[1]) * UNIT_MS[m[2]]);
}
const timeout = schemas/* pipe */.FsL(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]), schemas/* transform */.pdi((v, payload) => {
    const fail = (message) => {
        payload.issues.push({ code: 'custom', message, input: v, path: [] });
        return core/* NEVER */.tm;
    };
    let ms;
    try {
        ms = parseDuration(v);
    }
    catch (e) {
        return fail(e.message);
    }
    if (!Number.isInteger(ms) || ms < 100 || ms > 600_000)
        return fail(`is ${JSON.stringify(v)}; allowed: 100ms to 10m`);
    return ms;
}));
const nonEmpty = () => schemas/* string */.YjP().check(api/* _minLength */.m9(1));
const jsonExpectation = schemas/* strictObject */.rej({
    /** `$.a.b[0]`: dot names and [index] steps from the response body's root. */
    path: schemas/* string */.YjP().check(api/* _regex */.Fk(/^\$/, 'starts with $ (e.g. $.booking.id)')),
    equals: schemas/* optional */.lqM(schemas/* unknown */.L5J()),
    exists: schemas/* optional */.lqM(schemas/* boolean */.zMY())
})
    .check(schemas/* refine */.YPB(e => (e.equals === undefined) !== (e.exists === undefined), {
    message: 'give exactly one of equals or exists'
}));
const requestSchema = schemas/* strictObject */.rej({
    name: schemas/* optional */.lqM(nonEmpty()),
    method: schemas/* pipe */.FsL(schemas/* pipe */.FsL(schemas/* string */.YjP(), schemas/* transform */.pdi((m) => m.toUpperCase())), schemas/* enum */.k5n(HTTP_METHODS)),
    url: nonEmpty(),
    /** Values may hold ${SECRET}: every variable used in a header is masked in all output. */
    headers: schemas/* _default */.Rvf(schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()), {}),
    /** Sent as JSON (strings inside are templated). */
    body: schemas/* optional */.lqM(schemas/* unknown */.L5J()),
    'expect-status': schemas/* _default */.Rvf(schemas/* int */.Whr().check(api/* _gte */.qm(100), api/* _lte */.Zm(599)), 200),
    'expect-json': schemas/* _default */.Rvf(schemas/* array */.YOg(jsonExpectation), []),
    /** name -> JSON path: values later requests and SQL params use as ${name}. */
    save: schemas/* _default */.Rvf(schemas/* record */.g1P(schemas/* string */.YjP().check(api/* _regex */.Fk(SAVE_NAME, 'is not a name (letters, digits, _)')), schemas/* string */.YjP()), {}),
    timeout: schemas/* _default */.Rvf(timeout, 10_000),
    /** Extra attempts after a network error, a timeout or a 5xx status (not after a 4xx or a JSON mismatch). */
    retries: schemas/* _default */.Rvf(schemas/* int */.Whr().check(api/* _gte */.qm(0), api/* _lte */.Zm(10)), 0)
});
const sqlStep = schemas/* strictObject */.rej({
    name: schemas/* optional */.lqM(nonEmpty()),
    sql: nonEmpty(),
    params: schemas/* _default */.Rvf(schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY(), schemas/* null */.chJ()])), [])
});
const smokeScenarioSchema = schemas/* strictObject */.rej({
    name: nonEmpty(),
    /** Variables that must be set for the scenario to run; unset, it is reported as not run (warn). */
    requires: schemas/* _default */.Rvf(schemas/* array */.YOg(schemas/* string */.YjP()), []),
    requests: schemas/* _default */.Rvf(schemas/* array */.YOg(requestSchema), []),
    /** Each must return a row whose first column is not false. */
    assertions: schemas/* _default */.Rvf(schemas/* array */.YOg(sqlStep), []),
    /** Always run, after the assertions (also when a request failed). */
    cleanup: schemas/* _default */.Rvf(schemas/* array */.YOg(sqlStep), [])
});
const smokeListSchema = schemas/* array */.YOg(smokeScenarioSchema);

// EXTERNAL MODULE: ./src/config/rehearsal-settings.ts
var rehearsal_settings = __webpack_require__(3811);
;// CONCATENATED MODULE: ./src/config/monitor-settings.ts
/**
 * The scheduled monitor's keys of `environments.<env>.monitor` in runbook.yml (zod pieces used by
 * policy.ts): the window of deploys watched, what a breach does, and the spike rule of a check.
 */


const HOUR = 3_600_000;
const DURATION = /^(\d+(?:\.\d+)?)\s*(m|h|d)$/;
const monitor_settings_UNIT_MS = { m: 60_000, h: HOUR, d: 24 * HOUR };
const DEFAULT_WINDOW_MS = 48 * HOUR;
/** From one hour (a cron every 30 min takes two samples) to 30 days. */
const WINDOW_RULE = { min: HOUR, max: 30 * 24 * HOUR };
/**
 * What a breach does. In the job's own `monitor` stage: `rollback` rolls back at once, the others fail
 * the stage. In the scheduled `monitor-window` stage: `issue` (and `fail`) open or refresh an issue,
 * `rollback` also requests the rollback workflow (its environment's reviewers still approve), `none`
 * only charts it.
 */
const ON_BREACH = ['fail', 'rollback', 'issue', 'none'];
/** monitor.window: "48h", "2d", "90m"; the error names the value and the range. */
const windowSchema = (0,zod/* readValue */.w)((v, fail) => {
    const allowed = 'allowed: 1h to 30d (write e.g. 90m, 48h, 2d)';
    const m = typeof v === 'string' ? DURATION.exec(v.trim()) : null;
    if (!m)
        return fail(`is ${JSON.stringify(v)}; ${allowed}`);
    const ms = Math.round(Number(m[1]) * monitor_settings_UNIT_MS[m[2]]);
    if (ms < WINDOW_RULE.min || ms > WINDOW_RULE.max)
        return fail(`is ${JSON.stringify(v)} (${ms} ms); ${allowed}`);
    return ms;
});
/**
 * A check's spike rule: breach when this sample's rate is more than `factor` times the previous sample's
 * (per hour, so a late cron run does not look like a spike) and at least `min-count`.
 */
const spikeSchema = schemas/* strictObject */.rej({
    factor: schemas/* number */.aig().check(api/* _gt */.Tx(1, 'must be more than 1 (a spike is growth)')),
    'min-count': schemas/* _default */.Rvf(schemas/* number */.aig().check(api/* _gte */.qm(0)), 5)
});
/** The workflow file dispatched with { environment, stage: rollback } when on-breach is rollback. */
const rollbackWorkflowSchema = schemas/* _default */.Rvf(schemas/* string */.YjP()
    .check(api/* _regex */.Fk(/^[\w.-]+\.ya?ml$/, 'is not a workflow file name; allowed: e.g. release-migrations.yml')), 'release-migrations.yml');

;// CONCATENATED MODULE: ./src/config/policy.ts
/**
 * migrations/runbook.yml: per-environment policy (timeouts, gates, probes, monitors), parsed with zod.
 * `defaults:` is merged under every environment. Durations are "500ms", "5s", "2m", "1h" or milliseconds.
 */


// js-yaml, not yaml: a third of the parse and import time at start-up (measured in bench/fast-path.ts).











const policy_DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const policy_UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** "5s" -> 5000. Numbers are milliseconds. */
function policy_parseDuration(value) {
    if (typeof value === 'number')
        return value;
    const m = policy_DURATION.exec(value.trim());
    if (!m)
        throw new Error(`"${value}" is not a duration; use e.g. 500ms, 5s, 2m, 1h`);
    return Math.round(Number(m[1]) * policy_UNIT_MS[m[2]]);
}
/** 3600000 -> "1h", 1500 -> "1500ms": the largest unit that divides the value, as runbook.yml writes it. */
function formatDuration(ms) {
    for (const unit of ['h', 'm', 's']) {
        if (ms !== 0 && ms % policy_UNIT_MS[unit] === 0)
            return `${ms / policy_UNIT_MS[unit]}${unit}`;
    }
    return `${ms}ms`;
}
/**
 * A duration key with its allowed range. 0 is refused where PostgreSQL (or the engine) would read it as
 * "no limit", and absurd values are refused at both ends: the run must not start with a policy that waits
 * forever or gives up at once. The message names the value and the range; zod adds the key's path.
 */
function duration(rule) {
    const allowed = `allowed: ${formatDuration(rule.min)} to ${formatDuration(rule.max)}`;
    return (0,zod/* readValue */.w)((v, failWith) => {
        const fail = (why) => failWith(`${why}; ${allowed}`);
        const shown = JSON.stringify(v) ?? String(v);
        if (v === undefined || v === null)
            return fail('is missing');
        let ms;
        if (typeof v === 'number') {
            if (!Number.isInteger(v))
                return fail(`is ${shown}: a number is milliseconds, a whole number`);
            ms = v;
        }
        else if (typeof v === 'string') {
            if (!policy_DURATION.test(v.trim()))
                return fail(`is ${shown}, which is not a duration (write e.g. 500ms, 5s, 2m, 1h)`);
            ms = policy_parseDuration(v);
        }
        else {
            return fail(`is ${shown}, which is not a duration (write e.g. 500ms, 5s, 2m, 1h)`);
        }
        if (ms === 0 && rule.min > 0 && rule.zero)
            return fail(`is ${shown}: 0 ${rule.zero}`);
        if (ms < rule.min)
            return fail(`is ${shown} (${ms} ms), below the allowed range`);
        if (ms > rule.max)
            return fail(`is ${shown} (${ms} ms), above the allowed range`);
        return ms;
    });
}
const SECOND = 1_000;
const MINUTE = 60_000;
const policy_HOUR = 3_600_000;
const NO_LIMIT = 'means no limit in PostgreSQL';
/** The allowed range of every duration key; the comments and `zero` texts say why. */
const DURATION_RULES = {
    'lock-timeout': {
        min: 1,
        max: policy_HOUR,
        zero: `${NO_LIMIT}: a migration would wait forever for its lock while every query queues behind it`
    },
    'statement-timeout': {
        min: SECOND,
        max: 24 * policy_HOUR,
        zero: `${NO_LIMIT}: a statement could run forever`
    },
    'lock-budget': {
        min: 1,
        max: policy_HOUR,
        zero: 'leaves the rehearsal no time to hold any lock: every migration would be over budget'
    },
    // 0 is meaningful: try the apply lock once and fail at once if another run holds it.
    'advisory-lock-wait': { min: 0, max: policy_HOUR },
    // 0 is meaningful: retry at once.
    'retry-backoff': { min: 0, max: 10 * MINUTE },
    'long-transaction-limit': {
        min: 100,
        max: 24 * policy_HOUR,
        zero: 'would count every open transaction as long'
    },
    'backup-max-age': {
        min: MINUTE,
        max: 30 * 24 * policy_HOUR,
        zero: 'would call every backup too old'
    },
    'conflicts-timeout': {
        min: SECOND,
        max: 24 * policy_HOUR,
        zero: `${NO_LIMIT}: a violation query could run forever`
    },
    'monitor.duration': { min: 100, max: 24 * policy_HOUR, zero: 'would take no sample' },
    'monitor.interval': { min: 100, max: policy_HOUR, zero: 'would sample without pause' }
};
const gateMode = schemas/* enum */.k5n(['fail', 'warn', 'off']);
const policy_nonEmpty = () => schemas/* string */.YjP().check(api/* _minLength */.m9(1));
const sqlParams = () => schemas/* _default */.Rvf(schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY(), schemas/* null */.chJ()])), []);
const probeSchema = schemas/* strictObject */.rej({
    name: policy_nonEmpty(),
    sql: policy_nonEmpty(),
    params: sqlParams(),
    runs: schemas/* _default */.Rvf(schemas/* int */.Whr().check(api/* _gte */.qm(1), api/* _lte */.Zm(1000)), 20),
    'max-p95-ms': schemas/* _default */.Rvf(schemas/* number */.aig().check(api/* _positive */.NC()), 200),
    'expect-index': schemas/* optional */.lqM(schemas/* string */.YjP())
});
const monitorCheckSchema = schemas/* strictObject */.rej({
    name: policy_nonEmpty(),
    /** A query returning one numeric column `value` (per interval). */
    sql: schemas/* optional */.lqM(policy_nonEmpty()),
    /** Or the name of a probe: its p95 in ms per interval. */
    probe: schemas/* optional */.lqM(policy_nonEmpty()),
    params: sqlParams(),
    /** Breach when value > max (or < min). */
    max: schemas/* optional */.lqM(schemas/* number */.aig()),
    min: schemas/* optional */.lqM(schemas/* number */.aig()),
    unit: schemas/* _default */.Rvf(schemas/* string */.YjP(), ''),
    /** Scheduled monitor: breach when the rate grows more than factor × the previous sample's. */
    spike: schemas/* optional */.lqM(spikeSchema)
})
    .check(schemas/* refine */.YPB(c => (c.sql === undefined) !== (c.probe === undefined), {
    message: 'give exactly one of sql or probe'
}));
/**
 * Supabase project refs are 20 lowercase letters (db.<ref>.supabase.co, pooler user postgres.<ref>).
 * `supabase-project-ref` keeps its older, looser shape so existing policies still load.
 */
const PROJECT_REF = /^[a-z]{20}$/;
/**
 * environments.<name>.target: what this environment's database must be. A swapped secret (staging's URL in
 * production's environment) then stops the run before any statement instead of migrating the wrong database.
 */
const targetSchema = schemas/* strictObject */.rej({
    host: schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _trim */.WN(), api/* _minLength */.m9(1))),
    port: schemas/* optional */.lqM(schemas/* int */.Whr().check(api/* _gte */.qm(1), api/* _lte */.Zm(65535))),
    database: schemas/* optional */.lqM(policy_nonEmpty()),
    'project-ref': schemas/* optional */.lqM(schemas/* string */.YjP()
        .check(api/* _regex */.Fk(PROJECT_REF, 'is not a Supabase project ref; allowed: 20 lowercase letters')))
})
    .check(schemas/* refine */.YPB(t => Object.values(t).some(v => v !== undefined), {
    message: 'pins nothing; allowed: at least one of host, port, database, project-ref'
}));
const environmentFields = {
    'supabase-project-ref': schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[a-z0-9]{20}$/, 'a 20-character Supabase project ref'))),
    'lock-timeout': schemas/* optional */.lqM(duration(DURATION_RULES['lock-timeout'])),
    'statement-timeout': schemas/* optional */.lqM(duration(DURATION_RULES['statement-timeout'])),
    'lock-budget': schemas/* optional */.lqM(duration(DURATION_RULES['lock-budget'])),
    'advisory-lock-wait': schemas/* optional */.lqM(duration(DURATION_RULES['advisory-lock-wait'])),
    'apply-retries': schemas/* optional */.lqM(schemas/* int */.Whr().check(api/* _gte */.qm(0), api/* _lte */.Zm(20))),
    'retry-backoff': schemas/* optional */.lqM(duration(DURATION_RULES['retry-backoff'])),
    'allow-out-of-order': schemas/* optional */.lqM(schemas/* boolean */.zMY()),
    'long-transaction-limit': schemas/* optional */.lqM(duration(DURATION_RULES['long-transaction-limit'])),
    'long-transactions': schemas/* optional */.lqM(gateMode),
    'lock-holders': schemas/* optional */.lqM(gateMode),
    'rehearsal-over-budget': schemas/* optional */.lqM(gateMode),
    'backup-max-age': schemas/* optional */.lqM(duration(DURATION_RULES['backup-max-age'])),
    'conflicts-timeout': schemas/* optional */.lqM(duration(DURATION_RULES['conflicts-timeout'])),
    'conflicts-sample': schemas/* optional */.lqM(schemas/* int */.Whr().check(api/* _gte */.qm(0), api/* _lte */.Zm(10_000))),
    'test-command': schemas/* optional */.lqM(schemas/* string */.YjP()),
    'artifact-retention-days': schemas/* optional */.lqM(schemas/* int */.Whr().check(api/* _gte */.qm(1), api/* _lte */.Zm(90))),
    'plan-cost-threshold': schemas/* optional */.lqM(schemas/* number */.aig().check(api/* _positive */.NC())),
    probes: schemas/* optional */.lqM(schemas/* array */.YOg(probeSchema)),
    monitor: schemas/* optional */.lqM(schemas/* strictObject */.rej({
        duration: duration(DURATION_RULES['monitor.duration']),
        interval: duration(DURATION_RULES['monitor.interval']),
        'on-breach': schemas/* _default */.Rvf(schemas/* enum */.k5n(ON_BREACH), 'fail'),
        checks: schemas/* _default */.Rvf(schemas/* array */.YOg(monitorCheckSchema), []),
        /** Scheduled monitor: deploys of this long ago are still sampled. */
        window: schemas/* optional */.lqM(windowSchema),
        'rollback-workflow': rollbackWorkflowSchema
    })
        .check(schemas/* superRefine */.zni((m, ctx) => {
        if (m.interval > m.duration) {
            ctx.addIssue({
                code: 'custom',
                path: ['interval'],
                message: `is ${formatDuration(m.interval)}, longer than monitor.duration ${formatDuration(m.duration)}; allowed: at most the duration`
            });
        }
    }))),
    ...rehearsal_settings/* rehearsalFields */.h2,
    /** Treat this environment as production (strict defaults). */
    production: schemas/* optional */.lqM(schemas/* boolean */.zMY()),
    smoke: schemas/* optional */.lqM(smokeListSchema),
    target: schemas/* optional */.lqM(targetSchema),
    ...backupFields
};
const environmentSchema = schemas/* strictObject */.rej(environmentFields);
const fileSchema = schemas/* strictObject */.rej({
    version: schemas/* _default */.Rvf(schemas/* literal */.euz(1), 1),
    /**
     * SQL the throwaway database (--embedded, rehearse) runs before any migration, outside the history: what
     * a project needs beyond the Supabase stand-in. Inline SQL, or paths ending in .sql relative to this file.
     */
    'setup-sql': schemas/* optional */.lqM(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())])),
    defaults: schemas/* _default */.Rvf(environmentSchema, {}),
    'feature-flags': schemas/* _default */.Rvf(schemas/* array */.YOg(flags/* featureFlagSchema */.ER), []),
    lint: lintSettingsSchema,
    environments: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* pipe */.FsL(schemas/* nullable */.mee(environmentSchema), schemas/* transform */.pdi(v => v ?? {})))
});
/** A setup-sql entry is a file when it is one path ending in .sql (no whitespace), else inline SQL. */
function resolveSetupSql(value, policyPath) {
    const entries = value === undefined ? [] : Array.isArray(value) ? value : [value];
    return entries.map((entry, i) => {
        const trimmed = entry.trim();
        if (/^\S+\.sql$/i.test(trimmed)) {
            const file = external_node_path_default().resolve(external_node_path_default().dirname(policyPath), trimmed);
            if (!(0,external_node_fs_.existsSync)(file))
                throw new errors/* ConfigError */.x(`${policyPath}: setup-sql[${i}] is "${trimmed}", which does not exist (paths are relative to the policy file); allowed: a .sql file or inline SQL`);
            return { label: trimmed, sql: (0,external_node_fs_.readFileSync)(file, 'utf8') };
        }
        return { label: `${external_node_path_default().basename(policyPath)} setup-sql[${i}]`, sql: entry };
    });
}
function resolveEnvironment(name, defaults, own) {
    const e = { ...defaults, ...own };
    const production = e.production ?? /^prod/i.test(name);
    const strict = production ? 'fail' : 'warn';
    return {
        name,
        production,
        smoke: e.smoke ?? [],
        supabaseProjectRef: e['supabase-project-ref'],
        lockTimeoutMs: e['lock-timeout'] ?? 5_000,
        statementTimeoutMs: e['statement-timeout'] ?? 15 * 60_000,
        lockBudgetMs: e['lock-budget'] ?? 10_000,
        advisoryLockWaitMs: e['advisory-lock-wait'] ?? 60_000,
        applyRetries: e['apply-retries'] ?? 3,
        retryBackoffMs: e['retry-backoff'] ?? 1_000,
        allowOutOfOrder: e['allow-out-of-order'] ?? false,
        longTransactionLimitMs: e['long-transaction-limit'] ?? 5 * 60_000,
        longTransactions: e['long-transactions'] ?? strict,
        lockHolders: e['lock-holders'] ?? strict,
        rehearsalOverBudget: e['rehearsal-over-budget'] ?? strict,
        backupMaxAgeMs: e['backup-max-age'] ?? 24 * 3_600_000,
        conflictsTimeoutMs: e['conflicts-timeout'] ?? 60_000,
        conflictsSample: e['conflicts-sample'] ?? 20,
        testCommand: e['test-command'],
        artifactRetentionDays: e['artifact-retention-days'],
        planCostThreshold: e['plan-cost-threshold'] ?? 2,
        probes: e.probes ?? [],
        monitor: e.monitor
            ? {
                durationMs: e.monitor.duration,
                intervalMs: e.monitor.interval,
                onBreach: e.monitor['on-breach'],
                checks: e.monitor.checks,
                windowMs: e.monitor.window ?? DEFAULT_WINDOW_MS,
                rollbackWorkflow: e.monitor['rollback-workflow']
            }
            : undefined,
        rehearsal: (0,rehearsal_settings/* resolveRehearsal */.Y_)(e, production, name),
        target: e.target
            ? {
                host: e.target.host,
                port: e.target.port,
                database: e.target.database,
                projectRef: e.target['project-ref']
            }
            : undefined,
        backupOff: resolveBackupSetting(e).off
    };
}
function parsePolicy(text, path) {
    let raw;
    try {
        // The YAML 1.2 core schema, as the yaml package read it: no timestamps, no merge keys.
        raw = (0,js_yaml/* load */.Hh)(text, { schema: js_yaml/* CORE_SCHEMA */.OU }) ?? {};
    }
    catch (e) {
        throw new errors/* ConfigError */.x(`${path}: not valid YAML: ${e.message}`);
    }
    const result = fileSchema.safeParse(raw);
    if (!result.success) {
        const lines = policyIssueLines(result.error.issues, raw, fileSchema);
        throw new errors/* ConfigError */.x(`${path}: invalid runbook policy:\n${lines.join('\n')}`);
    }
    // A pin names one database: shared through defaults it would pin staging and production to the same one.
    if (result.data.defaults.target)
        throw new errors/* ConfigError */.x(`${path}: invalid runbook policy:\n  defaults.target: a target pins one environment's database; allowed: environments.<name>.target only`);
    const environments = {};
    for (const [name, own] of Object.entries(result.data.environments)) {
        const backupError = resolveBackupSetting({ ...result.data.defaults, ...own }).error;
        if (backupError)
            throw new errors/* ConfigError */.x(`${path}: invalid runbook policy:\n  environments.${name}.${backupError}`);
        const env = resolveEnvironment(name, result.data.defaults, own);
        const pinned = env.target?.projectRef;
        if (pinned && env.supabaseProjectRef && pinned !== env.supabaseProjectRef)
            throw new errors/* ConfigError */.x(`${path}: invalid runbook policy:\n  environments.${name}.target.project-ref: is "${pinned}", but supabase-project-ref is "${env.supabaseProjectRef}"; allowed: the same project`);
        environments[name] = env;
    }
    (0,rehearsal_settings/* linkForecastSources */.qt)(environments, path);
    return {
        path,
        environments,
        setupSql: resolveSetupSql(result.data['setup-sql'], path),
        lint: lintSettingsOf(result.data.lint),
        featureFlags: (0,flags/* resolveFeatureFlags */.yl)(result.data['feature-flags'], Object.keys(environments), path)
    };
}
function loadPolicy(path) {
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new errors/* ConfigError */.x(`input "config" is "${path}", which does not exist; allowed: an existing runbook.yml. ` +
            '`migration-runbook init` writes one (with the PR and deploy workflows), or write it by hand with an ' +
            'environments: section (see README); the CLI reads another with --config, the Action with `config:`');
    }
    return parsePolicy((0,external_node_fs_.readFileSync)(path, 'utf8'), path);
}
/** The named environment's policy, or a ConfigError naming the allowed environments. */
function environmentPolicy(policy, name) {
    const env = policy.environments[name];
    if (!env) {
        const allowed = Object.keys(policy.environments);
        throw new errors/* ConfigError */.x(`input "environment" is "${name}", which ${policy.path} does not define; allowed: ${allowed.join(', ') || '(none defined)'}`);
    }
    return env;
}


/***/ }),

/***/ 3811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QZ: () => (/* binding */ rehearsalSettingsOf),
/* harmony export */   Y_: () => (/* binding */ resolveRehearsal),
/* harmony export */   h2: () => (/* binding */ rehearsalFields),
/* harmony export */   qt: () => (/* binding */ linkForecastSources)
/* harmony export */ });
/* unused harmony exports DEFAULT_SHADOW_MAX_ROWS, qualifyTable, rowsFromTableSizes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2379);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8395);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7827);
/**
 * runbook.yml keys of the shadow rehearsal and the lock forecast (issue 11 §1):
 *
 *   rehearsal: shadow | live        # default: shadow where production is true, live elsewhere
 *   shadow-max-rows: 2000000        # a larger table is rehearsed on a TABLESAMPLE of about this many rows
 *   table-rows: { public.allocations: 1000000 }       # what this environment's tables hold (known sizes)
 *   forecast:                       # forecast the lock for other row counts than this database's
 *     rows-from: production         #   another environment's table-rows, or
 *     rows: { public.allocations: 1000000 }           #   counts named here, or
 *     table-sizes: evidence/table-sizes.json          #   a production run's table-sizes result (report JSON)
 */





const DEFAULT_SHADOW_MAX_ROWS = 2_000_000;
const MAX_ROWS_LIMIT = 1_000_000_000;
/** schema.table or table (taken as public.table); identifiers as PostgreSQL folds them, unquoted. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/;
/** { schema.table: rows }; keys are checked here so the message names the key (zod's says "Invalid key"). */
const rowCounts = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error: 'is not a row count; allowed: a whole number ≥ 0' })
    .check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr('is not a whole number; allowed: a whole number ≥ 0'), zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._gte */ .qm(0, 'is negative; allowed: a whole number ≥ 0')))
    .check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .superRefine */ .zni((rows, ctx) => {
    for (const key of Object.keys(rows))
        if (!TABLE_NAME.test(key))
            ctx.addIssue({
                code: 'custom',
                path: [key],
                message: `is not a table name; allowed: schema.table or table`
            });
}));
const forecastSchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({
    'rows-from': zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._minLength */ .m9(1))),
    rows: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(rowCounts),
    'table-sizes': zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._minLength */ .m9(1)))
})
    .check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .refine */ .YPB(f => [f['rows-from'], f.rows, f['table-sizes']].filter(v => v !== undefined).length === 1, {
    message: 'names no or several sources; allowed: exactly one of rows-from, rows, table-sizes'
}));
/** Spread into the environment schema of policy.ts. */
const rehearsalFields = {
    rehearsal: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['shadow', 'live'], {
        error: issue => `is ${JSON.stringify(issue.input)}; allowed: shadow (rehearse locking statements on a copy) or live`
    })),
    'shadow-max-rows': zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error: 'is not a row count; allowed: a whole number from 1 to 1000000000' })
        .check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr('is not a whole number; allowed: a whole number from 1 to 1000000000'), zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._gte */ .qm(1, 'is below 1; allowed: a whole number from 1 to 1000000000'), zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._lte */ .Zm(MAX_ROWS_LIMIT, 'is above 1000000000; allowed: a whole number from 1 to 1000000000'))),
    'table-rows': zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(rowCounts),
    forecast: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(forecastSchema)
};
/** 'allocations' -> 'public.allocations', as the lint module names tables. */
function qualifyTable(name) {
    return name.includes('.') ? name : `public.${name}`;
}
function qualifyAll(rows) {
    return Object.fromEntries(Object.entries(rows).map(([t, n]) => [qualifyTable(t), n]));
}
/**
 * Row counts from a table-sizes result: a run's report JSON (checks[].id = 'table-sizes'), the check itself
 * ({ details: { tables } }) or its tables array. Only counted or estimated rows are taken.
 */
function rowsFromTableSizes(json) {
    const j = json;
    let tables;
    if (Array.isArray(j))
        tables = j;
    else if (j && Array.isArray(j.checks)) {
        const check = (j.checks ?? []).find(c => c.id === 'table-sizes');
        tables = check?.details?.tables;
    }
    else if (j && typeof j === 'object')
        tables = j.details?.tables;
    if (!Array.isArray(tables))
        return undefined;
    const out = {};
    for (const t of tables) {
        if (typeof t?.table === 'string' && typeof t.rows === 'number' && t.exists !== false)
            out[qualifyTable(t.table)] = t.rows;
    }
    return out;
}
function readTableSizesFile(file, envName, policyPath) {
    const where = `${policyPath}: invalid runbook policy:\n  environments.${envName}.forecast.table-sizes`;
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(policyPath), file);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(full))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`${where}: is "${file}", which does not exist (paths are relative to the policy file); allowed: a table-sizes result (report JSON of a production run)`);
    let json;
    try {
        json = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full, 'utf8'));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`${where}: "${file}" is not JSON (${e.message})`);
    }
    const rows = rowsFromTableSizes(json);
    if (!rows)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`${where}: "${file}" holds no table-sizes result; allowed: a run's report JSON with a table-sizes check, or that check's details`);
    return rows;
}
/** The settings of one environment (defaults merged in); production environments rehearse on a shadow. */
function resolveRehearsal(e, production, envName = '') {
    const rows = e.forecast?.rows;
    return {
        mode: e.rehearsal ?? (production ? 'shadow' : 'live'),
        shadowMaxRows: e['shadow-max-rows'] ?? DEFAULT_SHADOW_MAX_ROWS,
        tableRows: e['table-rows'] ? qualifyAll(e['table-rows']) : undefined,
        forecast: rows
            ? {
                rows: qualifyAll(rows),
                source: `row counts named in runbook.yml (environments.${envName}.forecast.rows)`
            }
            : undefined,
        rowsFrom: e.forecast?.['rows-from'],
        tableSizesFile: e.forecast?.['table-sizes']
    };
}
/** Resolves forecast.rows-from against the other environments' table-rows; a ConfigError names the gap. */
function linkForecastSources(environments, policyPath) {
    for (const [name, env] of Object.entries(environments)) {
        const file = env.rehearsal?.tableSizesFile;
        if (file && env.rehearsal)
            env.rehearsal.forecast = {
                rows: readTableSizesFile(file, name, policyPath),
                source: `the table-sizes result in ${file} (another run's evidence, named in runbook.yml)`
            };
        const from = env.rehearsal?.rowsFrom;
        if (!from || !env.rehearsal)
            continue;
        const where = `${policyPath}: invalid runbook policy:\n  environments.${name}.forecast.rows-from`;
        const source = environments[from];
        if (!source)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`${where}: is "${from}", which is not an environment; allowed: ${Object.keys(environments).join(', ')}`);
        if (!source.rehearsal?.tableRows)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .x(`${where}: is "${from}", which names no table-rows; allowed: an environment with table-rows: { schema.table: rows }`);
        env.rehearsal.forecast = {
            rows: source.rehearsal.tableRows,
            source: `${from}'s row counts named in runbook.yml (environments.${from}.table-rows)`
        };
    }
}
/** The settings of an environment built without them (older callers, tests): live unless production. */
function rehearsalSettingsOf(env) {
    return env.rehearsal ?? resolveRehearsal({}, env.production);
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


/***/ })

};
