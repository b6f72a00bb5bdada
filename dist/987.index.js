export const id = 987;
export const ids = [987];
export const modules = {

/***/ 47987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   composeCommentBody: () => (/* binding */ composeCommentBody),
/* harmony export */   keepHumanTicks: () => (/* binding */ keepHumanTicks)
/* harmony export */ });
/* harmony import */ var _report_markers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70605);

const NOTICE_START = '<!-- migration-runbook:notice -->';
const NOTICE_END = '<!-- migration-runbook:notice-end -->';
/** The new comment body, or undefined when no comment should be created (nothing to say yet). */
function composeCommentBody({ fresh, report, existing }) {
    const sha = report.run?.sha;
    const before = existing === undefined ? undefined : (0,_report_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .headOf */ .Uo)(existing);
    if (report.status === 'cancelled') {
        // Our own cancelled report replaces a result for the same commit; an older commit's result stays
        // visible below a banner saying it does not cover the latest push.
        if (existing !== undefined && before !== undefined && before !== sha) {
            return cancelledOver(report, existing, before);
        }
        return fresh;
    }
    if (noMigrations(report)) {
        return existing === undefined ? undefined : noMigrationsNotice(report);
    }
    return existing !== undefined && sha !== undefined && before === sha
        ? keepHumanTicks(fresh, existing)
        : fresh;
}
/** validate found nothing to do: the PR's migrations were removed (or are already applied). */
function noMigrations(report) {
    return (report.stage === 'validate' &&
        (report.status === 'passed' || report.status === 'warned') &&
        report.pending.length === 0 &&
        report.applied.length === 0);
}
function short(sha) {
    return sha ? `\`${sha.slice(0, 7)}\`` : 'the latest push';
}
function runLink(report) {
    return report.run?.url ? ` ([workflow run](${report.run.url}))` : '';
}
function markers(report, sha) {
    return [(0,_report_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .commentMarker */ .Ql)(report.environment), ...(sha ? [(0,_report_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .headMarker */ .pU)(sha)] : [])].join('\n');
}
function noMigrationsNotice(report) {
    return [
        markers(report, report.run?.sha),
        `### ℹ️ Migration Runbook · ${report.stage} · ${report.environment}`,
        '',
        `**No migrations in this PR any more** as of ${short(report.run?.sha)}${runLink(report)}: ` +
            `nothing is pending for ${report.environment}, so the earlier result of this comment no longer applies.`,
        ''
    ].join('\n');
}
function cancelledOver(report, existing, olderSha) {
    const during = report.cancelled?.check ? ` during \`${report.cancelled.check}\`` : '';
    const banner = [
        NOTICE_START,
        `> 🛑 **Cancelled** … the ${report.stage} run for ${short(report.run?.sha)}${runLink(report)} ` +
            `was cancelled${during} before it finished. **The result below is from ${short(olderSha)}**, ` +
            `an older commit, and does not cover the latest push.`,
        NOTICE_END
    ].join('\n');
    return [markers(report, olderSha), banner, '', resultPart(existing)].join('\n');
}
/** The existing body without our hidden lines and any earlier notice banner. */
function resultPart(body) {
    const start = body.indexOf(NOTICE_START);
    const end = body.indexOf(NOTICE_END);
    const withoutNotice = start !== -1 && end > start ? body.slice(0, start) + body.slice(end + NOTICE_END.length) : body;
    return withoutNotice
        .split('\n')
        .filter(l => !/^<!-- migration-runbook:[^>]*-->$/.test(l.trim()))
        .join('\n')
        .replace(/^\n+/, '');
}
/** Human-only checklist items ticked in the existing comment stay ticked in the fresh one. */
function keepHumanTicks(fresh, existing) {
    let out = fresh;
    for (const label of _report_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .HUMAN_CHECKLIST_ITEMS */ .kc) {
        const ticked = new RegExp(`^\\s*- \\[[xX]\\] ${escapeRegExp(label)}(\\s|$)`, 'm');
        if (!ticked.test(existing))
            continue;
        out = out.replace(new RegExp(`^- \\[ \\] ${escapeRegExp(label)}.*$`, 'm'), `- [x] ${label} _(ticked by a reviewer)_`);
    }
    return out;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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


/***/ })

};
