export const id = 61;
export const ids = [61];
export const modules = {

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
