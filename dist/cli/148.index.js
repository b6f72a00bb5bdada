export const id = 148;
export const ids = [148];
export const modules = {

/***/ 4148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ STAND_IN_MARKER)
/* harmony export */ });
/**
 * The mark of the throwaway server's stand-in extensions (src/embedded/extensions): in their control file's
 * comment, so any check can tell a stand-in (DDL only) from the real extension without loading their SQL.
 */
const STAND_IN_MARKER = 'migration-runbook stand-in';


/***/ })

};
