export const id = 318;
export const ids = [318];
export const modules = {

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
