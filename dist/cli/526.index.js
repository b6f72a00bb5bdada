export const id = 526;
export const ids = [526];
export const modules = {

/***/ 1644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ mayChangeTimeouts),
/* harmony export */   GX: () => (/* binding */ statementsOf),
/* harmony export */   PF: () => (/* binding */ appliedStatementsOf),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   Wc: () => (/* binding */ hasOwnTransactionControl),
/* harmony export */   gA: () => (/* binding */ concurrentlyBesideOthers),
/* harmony export */   is: () => (/* binding */ transactionShape),
/* harmony export */   lm: () => (/* binding */ MigrationFileError)
/* harmony export */ });
/* unused harmony exports concurrentlyProblem, sleep */
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);
/* harmony import */ var _plan_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28);
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
    const concurrent = statements.filter(s => (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .concurrentlyClause */ ._T)(s.ast) !== undefined);
    if (concurrent.length === 0)
        return undefined;
    const s = concurrent[0];
    const clause = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .concurrentlyClause */ ._T)(s.ast);
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
    const parsed = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSql */ .eg)(file.sql);
    if (parsed.error) {
        const e = parsed.error;
        throw new MigrationFileError(`${file.file}:${e.line}:${e.column}: ${e.message}`, file.file, e.line, e.column);
    }
    const marker = (0,_plan_files_js__WEBPACK_IMPORTED_MODULE_1__/* .findNoTransactionMarker */ .jr)(file.sql, file.noTransactionMarkers)?.comment;
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
    const parsed = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSql */ .eg)(file.sql);
    if (parsed.error)
        return undefined;
    const marker = (0,_plan_files_js__WEBPACK_IMPORTED_MODULE_1__/* .findNoTransactionMarker */ .jr)(file.sql, file.noTransactionMarkers)?.comment;
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
    return (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSql */ .eg)(file.sql).statements.filter(s => s.kind !== 'TransactionStmt');
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
    (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .walk */ .GG)(ast, (key, value) => {
        if (computed || key !== 'FuncCall')
            return;
        if ((0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .names */ .Dy)(value.funcname).pop()?.toLowerCase() !== 'set_config')
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


/***/ }),

/***/ 4609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zP: () => (/* binding */ activeFindings),
  uA: () => (/* binding */ lintSql),
  Vb: () => (/* binding */ policyTablesOf)
});

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/apply/statements.ts
var statements = __webpack_require__(1644);
// EXTERNAL MODULE: ./src/plan/files.ts
var files = __webpack_require__(28);
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
var lint_locks = __webpack_require__(4505);
// EXTERNAL MODULE: ./src/lint/plpgsql.ts + 1 modules
var plpgsql = __webpack_require__(595);
// EXTERNAL MODULE: ./src/lint/position.ts
var position = __webpack_require__(814);
// EXTERNAL MODULE: ./src/lint/rules.ts
var rules = __webpack_require__(834);
// EXTERNAL MODULE: ./src/lint/secrets.ts
var secrets = __webpack_require__(4936);
// EXTERNAL MODULE: ./src/lint/statement-rules.ts + 1 modules
var statement_rules = __webpack_require__(7289);
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
        else if (!(0,rules/* isRuleId */.K)(rule))
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

// EXTERNAL MODULE: ./src/lint/volatility.ts
var lint_volatility = __webpack_require__(9338);
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
            for (const inner of (0,plpgsql/* plpgsqlAnalysis */.u)(index, s).inner)
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
    const shape = (0,statements/* transactionShape */.is)(parsed.statements, marker);
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
    const pos = (0,position/* bytePositions */.f)(index);
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
    const volatility = (fn) => declared.get(fn) ?? (0,lint_volatility/* resolveVolatility */.sz)(fn, opts.functionVolatility);
    const publicationsCreated = new Set(parsed.statements
        .map(s => s.ast.CreatePublicationStmt?.pubname)
        .filter((n) => typeof n === 'string'));
    const searchPathSetLater = (0,statement_rules/* searchPathSetByAlter */.B8)(parsed.statements);
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
                clauses ??= kind === 'AlterTableStmt' ? (0,position/* alterClauseOffsets */.e)(unit.text) : [];
                return clauses[i] === undefined ? undefined : unit.at(clauses[i]);
            },
            indexTable,
            volatility,
            inside: unit.inside,
            searchPathSetLater
        };
        const found = unit.inside ? (0,statement_rules/* lockFindings */.wZ)(ast, ctx) : (0,statement_rules/* statementFindings */.yo)(ast, ctx);
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
            const d = (0,lint_volatility/* declaredVolatility */.iq)(ast.CreateFunctionStmt);
            if (d)
                declared.set(d.fn, d);
        }
        if (kind === 'AlterTableStmt') {
            const s = ast.AlterTableStmt;
            const table = (0,parser/* qualifiedName */.OL)(s.relation);
            for (const c of s.cmds ?? []) {
                const cmd = c.AlterTableCmd ?? {};
                const con = cmd.def?.Constraint;
                const column = con?.contype === 'CONSTR_CHECK' ? (0,statement_rules/* isNotNullCheckColumn */.Bd)(con.raw_expr) : undefined;
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
        const body = (0,plpgsql/* plpgsqlAnalysis */.u)(index, stmt);
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
        .filter(f => rules/* RULES */.y[f.rule].appliesTo.includes(kind))
        .sort((a, b) => a.line - b.line || a.column - b.column)
        .map(f => {
        const spec = rules/* RULES */.y[f.rule];
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


/***/ }),

/***/ 9752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mg: () => (/* binding */ functionBodyHit),
/* harmony export */   S8: () => (/* binding */ escapeHits),
/* harmony export */   h8: () => (/* binding */ plpgsqlEscapeHits)
/* harmony export */ });
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);
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
    const parts = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .names */ .Dy)(call.funcname);
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
    (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .walk */ .GG)(s, (key, node) => {
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
    return typeof byteOffset === 'number' ? new _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .TextIndex */ .UC(text).charOffset(byteOffset) : 0;
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
            tokens = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .scanTokens */ .we)(e.query);
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
    const parsed = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSql */ .eg)(sql);
    if (parsed.error)
        return [];
    return parsed.statements.flatMap(s => escapeHits(s.ast, runsNow));
}
/** `'copy ...'` (any string constant the parser accepts) -> its value, else undefined. */
function constantOf(expr) {
    if (!expr || expr.parseMode !== 2)
        return undefined;
    const parsed = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSql */ .eg)(`SELECT ${expr.query}`);
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


/***/ }),

/***/ 4505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MI: () => (/* binding */ statementLocks),
/* harmony export */   OQ: () => (/* binding */ statementLabel),
/* harmony export */   bx: () => (/* binding */ LOCK_MODES),
/* harmony export */   jO: () => (/* binding */ foreignKeysAfter),
/* harmony export */   vk: () => (/* binding */ lockedRelation)
/* harmony export */ });
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);
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

/***/ 4840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ lintedSql),
/* harmony export */   JW: () => (/* binding */ lintMigrations),
/* harmony export */   tn: () => (/* binding */ summarizeLint)
/* harmony export */ });
/* unused harmony export toAnnotation */
/* harmony import */ var _plan_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28);
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4609);


/**
 * Lints pending migrations in order, each with its rollback and verify script. The parser must be loaded.
 * With the target's catalog (existing tables, function volatility) the rules use it instead of assumptions.
 */
function lintMigrations(pending, catalog = {}, opts = {}) {
    const { existingTables, functionVolatility } = catalog;
    // Tables that already have a policy on the target: enabling row level security on them again is no finding.
    const policyTables = new Set(catalog.policyTables);
    for (const m of pending)
        for (const t of (0,_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .policyTablesOf */ .Vb)(m.sql))
            policyTables.add(t);
    const createdTables = new Set();
    const createdIndexes = new Map();
    // The target's foreign keys, then each migration's changes to them: the tables a later DROP locks through them.
    let foreignKeys = catalog.foreignKeys ?? [];
    const out = { findings: [], locks: [], files: 0, statements: 0 };
    for (const m of pending) {
        const before = new Set(createdTables);
        const indexesBefore = new Map(createdIndexes);
        const main = (0,_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .lintSql */ .uA)(m.file, m.sql, {
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
            ...sidecars.map(({ f, kind }) => (0,_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .lintSql */ .uA)(f.file, f.sql, {
                kind,
                noTransaction: (0,_plan_files_js__WEBPACK_IMPORTED_MODULE_0__/* .findNoTransactionMarker */ .jr)(f.sql, m.noTransactionMarkers) !== undefined,
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
    const active = (0,_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .activeFindings */ .zP)(result.findings);
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


/***/ }),

/***/ 2589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ scanOtherFiles)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(834);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4936);
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
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(d);
        }
        catch {
            return;
        }
        for (const e of entries) {
            const p = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(d, e);
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p);
            if (st.isDirectory())
                visit(p);
            else if (st.isFile() && st.size < 2_000_000 && !skip.has(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(p)))
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
                skip.add(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(f.path));
    const findings = [];
    for (const p of otherFiles(migrationsDir, skip)) {
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8');
        if (text.includes('\u0000'))
            continue;
        for (const hit of (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .findConnectionPasswords */ .C2)(text)) {
            findings.push({
                rule: 'connection-string-password',
                severity: 'error',
                file: node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, p) || p,
                line: hit.line,
                column: hit.column,
                message: `a connection string with a password (${hit.masked}) is written in the file`,
                advice: _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .RULES */ .y['connection-string-password'].advice
            });
        }
    }
    return findings;
}


/***/ }),

/***/ 595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ plpgsqlAnalysis)
});

// UNUSED EXPORTS: plpgsqlFindings

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/lint/escape-rules.ts
var escape_rules = __webpack_require__(9752);
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

// EXTERNAL MODULE: ./src/lint/statement-rules.ts + 1 modules
var statement_rules = __webpack_require__(7289);
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
    return parsed.statements.flatMap(s => (0,escape_rules/* escapeHits */.S8)(s.ast, false).map(h => {
        const at = body.exact && typeof h.location === 'number'
            ? body.start + bodyIndex.charOffset(h.location)
            : body.exact
                ? body.start + s.start
                : stmt.start;
        return { ...(0,escape_rules/* functionBodyHit */.Mg)(h), ...file.lineColumn(at), anchorLine: stmt.line };
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
    for (const hit of (0,escape_rules/* plpgsqlEscapeHits */.h8)(tree, body.isDo)) {
        const reported = body.isDo
            ? { rule: hit.rule, message: `in ${where}: ${hit.message}` }
            : (0,escape_rules/* functionBodyHit */.Mg)(hit);
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
            else if ((0,statement_rules/* isDdl */.T_)(s.kind)) {
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


/***/ }),

/***/ 814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ alterClauseOffsets),
/* harmony export */   f: () => (/* binding */ bytePositions)
/* harmony export */ });
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);
/** Locating parse-tree offsets (UTF-8 bytes into the parsed text) as 1-based line and column. */

/**
 * Returns a function mapping a byte offset of `text` to its line and column. The text is indexed once here,
 * so each lookup is a binary search (lint calls this for every finding of every statement).
 */
function bytePositions(text) {
    const index = typeof text === 'string' ? new _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .TextIndex */ .UC(text) : text;
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
        tokens = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .scanTokens */ .we)(text);
    }
    catch {
        return [];
    }
    const index = new _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .TextIndex */ .UC(text);
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


/***/ }),

/***/ 834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ isRuleId),
/* harmony export */   y: () => (/* binding */ RULES)
/* harmony export */ });
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


/***/ }),

/***/ 4936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ findConnectionPasswords),
/* harmony export */   Wp: () => (/* binding */ findSecretLiterals),
/* harmony export */   Yu: () => (/* binding */ registerRolePasswords),
/* harmony export */   tt: () => (/* binding */ findPasswordLiterals),
/* harmony export */   yW: () => (/* binding */ passwordsInStatements)
/* harmony export */ });
/* unused harmony exports rolePasswordsIn, stringConstantValue */
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);
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

/***/ 7289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T_: () => (/* binding */ isDdl),
  Bd: () => (/* binding */ isNotNullCheckColumn),
  wZ: () => (/* binding */ lockFindings),
  B8: () => (/* binding */ searchPathSetByAlter),
  yo: () => (/* binding */ statementFindings)
});

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
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

// EXTERNAL MODULE: ./src/lint/escape-rules.ts
var escape_rules = __webpack_require__(9752);
// EXTERNAL MODULE: ./src/lint/volatility.ts
var volatility = __webpack_require__(9338);
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
        : (0,volatility/* volatileCallIn */.IM)(defaultCon?.raw_expr, ctx.volatility);
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
    const escapes = (0,escape_rules/* escapeHits */.S8)(ast).map(h => ({
        ...(inBody ? (0,escape_rules/* functionBodyHit */.Mg)(h) : { rule: h.rule, message: h.message }),
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
    const resolve = ctx.volatility ?? ((fn) => (0,volatility/* resolveVolatility */.sz)(fn));
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


/***/ }),

/***/ 9338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IM: () => (/* binding */ volatileCallIn),
/* harmony export */   T8: () => (/* binding */ catalogVolatility),
/* harmony export */   iq: () => (/* binding */ declaredVolatility),
/* harmony export */   sz: () => (/* binding */ resolveVolatility),
/* harmony export */   w$: () => (/* binding */ functionNamesIn)
/* harmony export */ });
/* unused harmony exports BUILT_IN_VOLATILITY, functionsCalled */
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);

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
    (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .walk */ .GG)({ expr }, (key, value) => {
        if (key === 'FuncCall') {
            const fn = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .names */ .Dy)(value.funcname).pop()?.toLowerCase();
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
        const parsed = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSql */ .eg)(sql);
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
                    for (const t of (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .scanTokens */ .we)(body)) {
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
    const fn = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .names */ .Dy)(createFunction.funcname).pop()?.toLowerCase();
    if (!fn)
        return undefined;
    const option = (createFunction.options ?? [])
        .map((o) => o.DefElem)
        .find((d) => d?.defname === 'volatility');
    const value = String(option?.arg?.String?.sval ?? 'volatile').toLowerCase();
    const volatility = value === 'immutable' ? 'immutable' : value === 'stable' ? 'stable' : 'volatile';
    return { fn, volatility, source: 'declared' };
}


/***/ })

};
