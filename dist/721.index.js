export const id = 721;
export const ids = [721];
export const modules = {

/***/ 49721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadEvidence: () => (/* binding */ uploadEvidence)
/* harmony export */ });
/**
 * Uploads the evidence folder as one workflow artifact. An upload problem must not hide the run's
 * result, so every failure comes back as a warning instead of an exception.
 */
async function uploadEvidence(opts) {
    if (opts.files.length === 0) {
        return { warning: `Artifact "${opts.name}" was not uploaded: there are no evidence files.` };
    }
    try {
        // @actions/artifact brings the Azure storage SDK: loaded only when there is something to upload.
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351), __webpack_require__.e(659), __webpack_require__.e(645)]).then(__webpack_require__.bind(__webpack_require__, 9645));
        const client = new DefaultArtifactClient();
        const result = await client.uploadArtifact(opts.name, opts.files, opts.rootDirectory, {
            retentionDays: opts.retentionDays
        });
        return { id: result.id, size: result.size };
    }
    catch (error) {
        return {
            warning: `Artifact "${opts.name}" was not uploaded: ${error.message ?? String(error)}`
        };
    }
}


/***/ })

};
