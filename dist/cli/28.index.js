export const id = 28;
export const ids = [28];
export const modules = {

/***/ 28:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ discoverMigrationsWithWarnings),
/* harmony export */   B_: () => (/* binding */ emptiness),
/* harmony export */   F8: () => (/* binding */ transactionModeOf),
/* harmony export */   Ky: () => (/* binding */ repositoryTop),
/* harmony export */   Lu: () => (/* binding */ withLfLineEnds),
/* harmony export */   XK: () => (/* binding */ checksumMatches),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   e1: () => (/* binding */ versionNumber),
/* harmony export */   g8: () => (/* binding */ MIGRATION_FILE),
/* harmony export */   jr: () => (/* binding */ findNoTransactionMarker),
/* harmony export */   lF: () => (/* binding */ discoverMigrations),
/* harmony export */   lf: () => (/* binding */ checksumOf),
/* harmony export */   mF: () => (/* binding */ SIDECAR_FOLDERS),
/* harmony export */   tx: () => (/* binding */ decodeSqlFile),
/* harmony export */   zf: () => (/* binding */ VersionOrderError)
/* harmony export */ });
/* unused harmony exports NO_TRANSACTION_MARKER, noTransactionMarker, sha256, firstInvalidUtf8Byte */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7827);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7117);
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
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd);; dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '.git')))
            return dir;
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir) === dir)
            return undefined;
    }
}


/***/ }),

/***/ 7117:
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
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
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
    deparserLoading ??= Promise.all(/* import() */[__webpack_require__.e(627), __webpack_require__.e(309)]).then(__webpack_require__.bind(__webpack_require__, 8309)).then(m => {
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


/***/ })

};
