export const id = 793;
export const ids = [793];
export const modules = {

/***/ 34793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_ANNOTATIONS_PER_LEVEL: () => (/* binding */ MAX_ANNOTATIONS_PER_LEVEL),
/* harmony export */   emitAnnotations: () => (/* binding */ emitAnnotations),
/* harmony export */   rankAnnotations: () => (/* binding */ rankAnnotations)
/* harmony export */ });
/** GitHub shows at most 10 annotations of each level per step: the rest would be silently hidden. */
const MAX_ANNOTATIONS_PER_LEVEL = 10;
const LEVELS = ['error', 'warning', 'notice'];
/**
 * Which findings matter most, by annotation title: a migration that failed outright first, then what
 * the rehearsal and the data say, then verification, then lint, then lock budgets. Unknown titles last.
 */
const TITLE_RANK = [
    ['migration failed', 0],
    ['baseline failed', 0],
    ['rehearsal failed', 1],
    ['conflicts:', 2],
    ['verification failed', 3],
    ['lint:', 4],
    ['over the lock budget', 5]
];
function titleRank(title) {
    return TITLE_RANK.find(([prefix]) => title.startsWith(prefix))?.[1] ?? TITLE_RANK.length;
}
/** A forward migration (not a rollback/ or verify/ sidecar, not a config file). */
function isMigrationFile(file) {
    return file.endsWith('.sql') && !/(^|\/)(rollback|verify)\//.test(file);
}
/** The annotations of one level, most important first (stable for equal importance). */
function rankAnnotations(annotations) {
    return annotations
        .map((a, index) => ({ a, index }))
        .sort((x, y) => Number(!isMigrationFile(x.a.file)) - Number(!isMigrationFile(y.a.file)) ||
        titleRank(x.a.title) - titleRank(y.a.title) ||
        x.index - y.index)
        .map(({ a }) => a);
}
function emitAnnotations(annotations, sink) {
    const byLevel = Object.fromEntries(LEVELS.map(level => [level, rankAnnotations(annotations.filter(a => a.level === level))]));
    const over = (level) => byLevel[level].length > MAX_ANNOTATIONS_PER_LEVEL;
    // The "more" line is itself a notice: it takes one of the ten notice slots when it is needed.
    const needsNote = LEVELS.some(over);
    const limit = (level) => level === 'notice' && needsNote ? MAX_ANNOTATIONS_PER_LEVEL - 1 : MAX_ANNOTATIONS_PER_LEVEL;
    const dropped = [];
    for (const level of LEVELS) {
        const shown = byLevel[level].slice(0, limit(level));
        for (const a of shown) {
            const props = {
                file: a.file,
                startLine: a.line,
                title: a.title
            };
            if (a.column !== undefined)
                props.startColumn = a.column;
            sink[level](a.message, props);
        }
        const left = byLevel[level].length - shown.length;
        if (left > 0)
            dropped.push(`${left} more ${level}${left === 1 ? '' : 's'}`);
    }
    if (dropped.length > 0) {
        sink.notice(`${dropped.join(', ')} not shown as annotations (GitHub shows ${MAX_ANNOTATIONS_PER_LEVEL} per level ` +
            `per step; the most important are shown). Every finding is in the report and the evidence artifact.`, { title: 'Annotations capped' });
    }
}


/***/ })

};
