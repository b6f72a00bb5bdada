import { fileURLToPath as __mrFileURLToPath } from 'node:url'; import { dirname as __mrDirname } from 'node:path'; const __filename = __mrFileURLToPath(import.meta.url); const __dirname = __mrDirname(__filename);
export const id = 723;
export const ids = [723];
export const modules = {

/***/ 23185:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QuoteUtils = exports.UNRESERVED_KEYWORDS = exports.TYPE_FUNC_NAME_KEYWORDS = exports.RESERVED_KEYWORDS = exports.kwlist = exports.keywordKindOf = exports.COL_NAME_KEYWORDS = void 0;
var kwlist_1 = __webpack_require__(57323);
Object.defineProperty(exports, "COL_NAME_KEYWORDS", ({ enumerable: true, get: function () { return kwlist_1.COL_NAME_KEYWORDS; } }));
Object.defineProperty(exports, "keywordKindOf", ({ enumerable: true, get: function () { return kwlist_1.keywordKindOf; } }));
Object.defineProperty(exports, "kwlist", ({ enumerable: true, get: function () { return kwlist_1.kwlist; } }));
Object.defineProperty(exports, "RESERVED_KEYWORDS", ({ enumerable: true, get: function () { return kwlist_1.RESERVED_KEYWORDS; } }));
Object.defineProperty(exports, "TYPE_FUNC_NAME_KEYWORDS", ({ enumerable: true, get: function () { return kwlist_1.TYPE_FUNC_NAME_KEYWORDS; } }));
Object.defineProperty(exports, "UNRESERVED_KEYWORDS", ({ enumerable: true, get: function () { return kwlist_1.UNRESERVED_KEYWORDS; } }));
var quote_utils_1 = __webpack_require__(18477);
Object.defineProperty(exports, "QuoteUtils", ({ enumerable: true, get: function () { return quote_utils_1.QuoteUtils; } }));


/***/ }),

/***/ 57323:
/***/ ((__unused_webpack_module, exports) => {


/* eslint-disable */
/**
 * Generated from PostgreSQL kwlist.h
 * DO NOT EDIT BY HAND.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TYPE_FUNC_NAME_KEYWORDS = exports.COL_NAME_KEYWORDS = exports.UNRESERVED_KEYWORDS = exports.RESERVED_KEYWORDS = exports.kwlist = void 0;
exports.keywordKindOf = keywordKindOf;
exports.kwlist = {
    UNRESERVED_KEYWORD: [
        "abort",
        "absent",
        "absolute",
        "access",
        "action",
        "add",
        "admin",
        "after",
        "aggregate",
        "also",
        "alter",
        "always",
        "asensitive",
        "assertion",
        "assignment",
        "at",
        "atomic",
        "attach",
        "attribute",
        "backward",
        "before",
        "begin",
        "breadth",
        "by",
        "cache",
        "call",
        "called",
        "cascade",
        "cascaded",
        "catalog",
        "chain",
        "characteristics",
        "checkpoint",
        "class",
        "close",
        "cluster",
        "columns",
        "comment",
        "comments",
        "commit",
        "committed",
        "compression",
        "conditional",
        "configuration",
        "conflict",
        "connection",
        "constraints",
        "content",
        "continue",
        "conversion",
        "copy",
        "cost",
        "csv",
        "cube",
        "current",
        "cursor",
        "cycle",
        "data",
        "database",
        "day",
        "deallocate",
        "declare",
        "defaults",
        "deferred",
        "definer",
        "delete",
        "delimiter",
        "delimiters",
        "depends",
        "depth",
        "detach",
        "dictionary",
        "disable",
        "discard",
        "document",
        "domain",
        "double",
        "drop",
        "each",
        "empty",
        "enable",
        "encoding",
        "encrypted",
        "enforced",
        "enum",
        "error",
        "escape",
        "event",
        "exclude",
        "excluding",
        "exclusive",
        "execute",
        "explain",
        "expression",
        "extension",
        "external",
        "family",
        "filter",
        "finalize",
        "first",
        "following",
        "force",
        "format",
        "forward",
        "function",
        "functions",
        "generated",
        "global",
        "granted",
        "groups",
        "handler",
        "header",
        "hold",
        "hour",
        "identity",
        "if",
        "immediate",
        "immutable",
        "implicit",
        "import",
        "include",
        "including",
        "increment",
        "indent",
        "index",
        "indexes",
        "inherit",
        "inherits",
        "inline",
        "input",
        "insensitive",
        "insert",
        "instead",
        "invoker",
        "isolation",
        "keep",
        "key",
        "keys",
        "label",
        "language",
        "large",
        "last",
        "leakproof",
        "level",
        "listen",
        "load",
        "local",
        "location",
        "lock",
        "locked",
        "logged",
        "mapping",
        "match",
        "matched",
        "materialized",
        "maxvalue",
        "merge",
        "method",
        "minute",
        "minvalue",
        "mode",
        "month",
        "move",
        "name",
        "names",
        "nested",
        "new",
        "next",
        "nfc",
        "nfd",
        "nfkc",
        "nfkd",
        "no",
        "normalized",
        "nothing",
        "notify",
        "nowait",
        "nulls",
        "object",
        "objects",
        "of",
        "off",
        "oids",
        "old",
        "omit",
        "operator",
        "option",
        "options",
        "ordinality",
        "others",
        "over",
        "overriding",
        "owned",
        "owner",
        "parallel",
        "parameter",
        "parser",
        "partial",
        "partition",
        "passing",
        "password",
        "path",
        "period",
        "plan",
        "plans",
        "policy",
        "preceding",
        "prepare",
        "prepared",
        "preserve",
        "prior",
        "privileges",
        "procedural",
        "procedure",
        "procedures",
        "program",
        "publication",
        "quote",
        "quotes",
        "range",
        "read",
        "reassign",
        "recursive",
        "ref",
        "referencing",
        "refresh",
        "reindex",
        "relative",
        "release",
        "rename",
        "repeatable",
        "replace",
        "replica",
        "reset",
        "restart",
        "restrict",
        "return",
        "returns",
        "revoke",
        "role",
        "rollback",
        "rollup",
        "routine",
        "routines",
        "rows",
        "rule",
        "savepoint",
        "scalar",
        "schema",
        "schemas",
        "scroll",
        "search",
        "second",
        "security",
        "sequence",
        "sequences",
        "serializable",
        "server",
        "session",
        "set",
        "sets",
        "share",
        "show",
        "simple",
        "skip",
        "snapshot",
        "source",
        "sql",
        "stable",
        "standalone",
        "start",
        "statement",
        "statistics",
        "stdin",
        "stdout",
        "storage",
        "stored",
        "strict",
        "string",
        "strip",
        "subscription",
        "support",
        "sysid",
        "system",
        "tables",
        "tablespace",
        "target",
        "temp",
        "template",
        "temporary",
        "text",
        "ties",
        "transaction",
        "transform",
        "trigger",
        "truncate",
        "trusted",
        "type",
        "types",
        "uescape",
        "unbounded",
        "uncommitted",
        "unconditional",
        "unencrypted",
        "unknown",
        "unlisten",
        "unlogged",
        "until",
        "update",
        "vacuum",
        "valid",
        "validate",
        "validator",
        "value",
        "varying",
        "version",
        "view",
        "views",
        "virtual",
        "volatile",
        "whitespace",
        "within",
        "without",
        "work",
        "wrapper",
        "write",
        "xml",
        "year",
        "yes",
        "zone"
    ],
    RESERVED_KEYWORD: [
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "array",
        "as",
        "asc",
        "asymmetric",
        "both",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "constraint",
        "create",
        "current_catalog",
        "current_date",
        "current_role",
        "current_time",
        "current_timestamp",
        "current_user",
        "default",
        "deferrable",
        "desc",
        "distinct",
        "do",
        "else",
        "end",
        "except",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "grant",
        "group",
        "having",
        "in",
        "initially",
        "intersect",
        "into",
        "lateral",
        "leading",
        "limit",
        "localtime",
        "localtimestamp",
        "not",
        "null",
        "offset",
        "on",
        "only",
        "or",
        "order",
        "placing",
        "primary",
        "references",
        "returning",
        "select",
        "session_user",
        "some",
        "symmetric",
        "system_user",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "user",
        "using",
        "variadic",
        "when",
        "where",
        "window",
        "with"
    ],
    TYPE_FUNC_NAME_KEYWORD: [
        "authorization",
        "binary",
        "collation",
        "concurrently",
        "cross",
        "current_schema",
        "freeze",
        "full",
        "ilike",
        "inner",
        "is",
        "isnull",
        "join",
        "left",
        "like",
        "natural",
        "notnull",
        "outer",
        "overlaps",
        "right",
        "similar",
        "tablesample",
        "verbose"
    ],
    COL_NAME_KEYWORD: [
        "between",
        "bigint",
        "bit",
        "boolean",
        "char",
        "character",
        "coalesce",
        "dec",
        "decimal",
        "exists",
        "extract",
        "float",
        "greatest",
        "grouping",
        "inout",
        "int",
        "integer",
        "interval",
        "json",
        "json_array",
        "json_arrayagg",
        "json_exists",
        "json_object",
        "json_objectagg",
        "json_query",
        "json_scalar",
        "json_serialize",
        "json_table",
        "json_value",
        "least",
        "merge_action",
        "national",
        "nchar",
        "none",
        "normalize",
        "nullif",
        "numeric",
        "out",
        "overlay",
        "position",
        "precision",
        "real",
        "row",
        "setof",
        "smallint",
        "substring",
        "time",
        "timestamp",
        "treat",
        "trim",
        "values",
        "varchar",
        "xmlattributes",
        "xmlconcat",
        "xmlelement",
        "xmlexists",
        "xmlforest",
        "xmlnamespaces",
        "xmlparse",
        "xmlpi",
        "xmlroot",
        "xmlserialize",
        "xmltable"
    ]
};
exports.RESERVED_KEYWORDS = new Set(exports.kwlist.RESERVED_KEYWORD ?? []);
exports.UNRESERVED_KEYWORDS = new Set(exports.kwlist.UNRESERVED_KEYWORD ?? []);
exports.COL_NAME_KEYWORDS = new Set(exports.kwlist.COL_NAME_KEYWORD ?? []);
exports.TYPE_FUNC_NAME_KEYWORDS = new Set(exports.kwlist.TYPE_FUNC_NAME_KEYWORD ?? []);
function keywordKindOf(word) {
    const w = word.toLowerCase();
    if (exports.RESERVED_KEYWORDS.has(w))
        return "RESERVED_KEYWORD";
    if (exports.TYPE_FUNC_NAME_KEYWORDS.has(w))
        return "TYPE_FUNC_NAME_KEYWORD";
    if (exports.COL_NAME_KEYWORDS.has(w))
        return "COL_NAME_KEYWORD";
    if (exports.UNRESERVED_KEYWORDS.has(w))
        return "UNRESERVED_KEYWORD";
    return "NO_KEYWORD";
}


/***/ }),

/***/ 18477:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QuoteUtils = void 0;
const kwlist_1 = __webpack_require__(57323);
class QuoteUtils {
    static escape(literal) {
        return `'${literal.replace(/'/g, "''")}'`;
    }
    /**
     * Escapes a string value for use in E-prefixed string literals
     * Handles both backslashes and single quotes properly
     */
    static escapeEString(value) {
        return value.replace(/\\/g, '\\\\').replace(/'/g, "''");
    }
    /**
     * Formats a string as an E-prefixed string literal with proper escaping
     * This wraps the complete E-prefix logic including detection and formatting
     */
    static formatEString(value) {
        const needsEscape = QuoteUtils.needsEscapePrefix(value);
        if (needsEscape) {
            const escapedValue = QuoteUtils.escapeEString(value);
            return `E'${escapedValue}'`;
        }
        else {
            return QuoteUtils.escape(value);
        }
    }
    /**
     * Determines if a string value needs E-prefix for escaped string literals
     * Detects backslash escape sequences that require E-prefix in PostgreSQL
     */
    static needsEscapePrefix(value) {
        // Always use E'' if the string contains any backslashes,
        // unless it's a raw \x... bytea-style literal.
        return !/^\\x[0-9a-fA-F]+$/i.test(value) && value.includes('\\');
    }
    /**
     * Quote an identifier only if needed
     *
     * This is a TypeScript port of PostgreSQL's quote_identifier() function from ruleutils.c
     * https://github.com/postgres/postgres/blob/fab5cd3dd1323f9e66efeb676c4bb212ff340204/src/backend/utils/adt/ruleutils.c#L13055-L13137
     *
     * Can avoid quoting if ident starts with a lowercase letter or underscore
     * and contains only lowercase letters, digits, and underscores, *and* is
     * not any SQL keyword. Otherwise, supply quotes.
     *
     * When quotes are needed, embedded double quotes are properly escaped as "".
     */
    static quoteIdentifier(ident) {
        if (!ident)
            return ident;
        let safe = true;
        // Check first character: must be lowercase letter or underscore
        const firstChar = ident[0];
        if (!((firstChar >= 'a' && firstChar <= 'z') || firstChar === '_')) {
            safe = false;
        }
        // Check all characters
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if ((ch >= 'a' && ch <= 'z') ||
                (ch >= '0' && ch <= '9') ||
                (ch === '_')) {
                // okay
            }
            else {
                safe = false;
            }
        }
        if (safe) {
            // Check for keyword. We quote keywords except for unreserved ones.
            // (In some cases we could avoid quoting a col_name or type_func_name
            // keyword, but it seems much harder than it's worth to tell that.)
            const kwKind = (0, kwlist_1.keywordKindOf)(ident);
            if (kwKind !== 'NO_KEYWORD' && kwKind !== 'UNRESERVED_KEYWORD') {
                safe = false;
            }
        }
        if (safe) {
            return ident; // no change needed
        }
        // Build quoted identifier with escaped embedded quotes
        let result = '"';
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if (ch === '"') {
                result += '"'; // escape " as ""
            }
            result += ch;
        }
        result += '"';
        return result;
    }
    /**
     * Quote an identifier that appears after a dot in a qualified name.
     *
     * In PostgreSQL's grammar, identifiers that appear after a dot (e.g., schema.name,
     * table.column) are in a more permissive position that accepts all keyword categories
     * including RESERVED_KEYWORD. This means we only need to quote for lexical reasons
     * (uppercase, special characters, leading digits) not for keyword reasons.
     *
     * Empirically verified: `myschema.select`, `myschema.float`, `t.from` all parse
     * successfully in PostgreSQL without quotes.
     */
    static quoteIdentifierAfterDot(ident) {
        if (!ident)
            return ident;
        let safe = true;
        const firstChar = ident[0];
        if (!((firstChar >= 'a' && firstChar <= 'z') || firstChar === '_')) {
            safe = false;
        }
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if ((ch >= 'a' && ch <= 'z') ||
                (ch >= '0' && ch <= '9') ||
                (ch === '_')) {
                // okay
            }
            else {
                safe = false;
            }
        }
        if (safe) {
            return ident;
        }
        let result = '"';
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if (ch === '"') {
                result += '"';
            }
            result += ch;
        }
        result += '"';
        return result;
    }
    /**
     * Quote a dotted name (e.g., schema.table, catalog.schema.table).
     *
     * The first part uses strict quoting (keywords are quoted), while subsequent
     * parts use relaxed quoting (keywords allowed, only quote for lexical reasons).
     *
     * This reflects PostgreSQL's grammar where the first identifier in a statement
     * may conflict with keywords, but identifiers after a dot are in a more
     * permissive position.
     */
    static quoteDottedName(parts) {
        if (!parts || parts.length === 0)
            return '';
        if (parts.length === 1) {
            return QuoteUtils.quoteIdentifier(parts[0]);
        }
        return parts.map((part, index) => index === 0 ? QuoteUtils.quoteIdentifier(part) : QuoteUtils.quoteIdentifierAfterDot(part)).join('.');
    }
    /**
     * Quote a possibly-qualified identifier
     *
     * This is inspired by PostgreSQL's quote_qualified_identifier() function from ruleutils.c
     * but uses relaxed quoting for the tail component since PostgreSQL's grammar accepts
     * all keywords in qualified name positions.
     *
     * Return a name of the form qualifier.ident, or just ident if qualifier
     * is null/undefined, quoting each component if necessary.
     */
    static quoteQualifiedIdentifier(qualifier, ident) {
        if (qualifier) {
            return `${QuoteUtils.quoteIdentifier(qualifier)}.${QuoteUtils.quoteIdentifierAfterDot(ident)}`;
        }
        return QuoteUtils.quoteIdentifier(ident);
    }
    /**
     * Quote an identifier that appears as a type name.
     *
     * Type names in PostgreSQL have a less strict quoting policy than standalone identifiers.
     * In type positions, COL_NAME_KEYWORD and TYPE_FUNC_NAME_KEYWORD are allowed unquoted
     * (e.g., 'json', 'int', 'boolean', 'interval'). Only RESERVED_KEYWORD must be quoted.
     *
     * This is different from:
     * - quoteIdentifier(): quotes all keywords except UNRESERVED_KEYWORD
     * - quoteIdentifierAfterDot(): only quotes for lexical reasons (no keyword checking)
     *
     * Type names still need quoting for lexical reasons (uppercase, special chars, etc.).
     */
    static quoteIdentifierTypeName(ident) {
        if (!ident)
            return ident;
        let safe = true;
        // Check first character: must be lowercase letter or underscore
        const firstChar = ident[0];
        if (!((firstChar >= 'a' && firstChar <= 'z') || firstChar === '_')) {
            safe = false;
        }
        // Check all characters
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if ((ch >= 'a' && ch <= 'z') ||
                (ch >= '0' && ch <= '9') ||
                (ch === '_')) {
                // okay
            }
            else {
                safe = false;
            }
        }
        if (safe) {
            // For type names, only quote RESERVED_KEYWORD
            // COL_NAME_KEYWORD and TYPE_FUNC_NAME_KEYWORD are allowed unquoted in type positions
            const kwKind = (0, kwlist_1.keywordKindOf)(ident);
            if (kwKind === 'RESERVED_KEYWORD') {
                safe = false;
            }
        }
        if (safe) {
            return ident; // no change needed
        }
        // Build quoted identifier with escaped embedded quotes
        let result = '"';
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if (ch === '"') {
                result += '"'; // escape " as ""
            }
            result += ch;
        }
        result += '"';
        return result;
    }
    /**
     * Quote a dotted type name (e.g., schema.typename).
     *
     * For type names, we use type-name quoting for all parts since the entire
     * qualified name is in a type context. This allows keywords like 'json',
     * 'int', 'boolean' to remain unquoted in user-defined schema-qualified types.
     */
    static quoteTypeDottedName(parts) {
        if (!parts || parts.length === 0)
            return '';
        return parts.map(part => QuoteUtils.quoteIdentifierTypeName(part)).join('.');
    }
}
exports.QuoteUtils = QuoteUtils;


/***/ }),

/***/ 4115:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));


/***/ }),

/***/ 9461:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
__exportStar(__webpack_require__(12124), exports);
__exportStar(__webpack_require__(4115), exports);


/***/ }),

/***/ 12124:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));


/***/ }),

/***/ 53995:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var PgQueryModule=(()=>{var _scriptName=globalThis.document?.currentScript?.src;return async function(moduleArg={}){var Module=moduleArg;var ENVIRONMENT_IS_WEB=!!globalThis.window;var ENVIRONMENT_IS_WORKER=!!globalThis.WorkerGlobalScope;var ENVIRONMENT_IS_NODE=globalThis.process?.versions?.node&&globalThis.process?.type!="renderer";var programArgs=[];var thisProgram="./this.program";var quit_=(status,toThrow)=>{throw toThrow};if(typeof __filename!="undefined"){_scriptName=__filename}else if(ENVIRONMENT_IS_WORKER){_scriptName=self.location.href}var scriptDirectory="";function locateFile(path){if(Module["locateFile"]){return Module["locateFile"](path,scriptDirectory)}return scriptDirectory+path}var readAsync,readBinary;if(ENVIRONMENT_IS_NODE){var fs=__webpack_require__(73024);scriptDirectory=__dirname+"/";readBinary=filename=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs.readFileSync(filename);return ret};readAsync=async(filename,binary=true)=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs.readFileSync(filename,binary?undefined:"utf8");return ret};if(process.argv.length>1){thisProgram=process.argv[1].replace(/\\/g,"/")}programArgs=process.argv.slice(2);quit_=(status,toThrow)=>{process.exitCode=status;throw toThrow}}else if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){try{scriptDirectory=new URL(".",_scriptName).href}catch{}{if(ENVIRONMENT_IS_WORKER){readBinary=url=>{var xhr=new XMLHttpRequest;xhr.open("GET",url,false);xhr.responseType="arraybuffer";xhr.send(null);return new Uint8Array(xhr.response)}}readAsync=async url=>{var response=await fetch(url,{credentials:"same-origin"});if(response.ok){return response.arrayBuffer()}throw new Error(response.status+" : "+response.url)}}}else{}var out=console.log.bind(console);var err=console.error.bind(console);var wasmBinary;var ABORT=false;var EXITSTATUS;var isFileURI=filename=>filename.startsWith("file://");class EmscriptenEH{}class EmscriptenSjLj extends EmscriptenEH{}var runtimeInitialized=false;function getMemoryBuffer(){return wasmMemory.buffer}function updateMemoryViews(){if(HEAP8?.buffer?.resizable)return;var b=getMemoryBuffer();HEAP8=new Int8Array(b);HEAP16=new Int16Array(b);Module["HEAPU8"]=HEAPU8=new Uint8Array(b);HEAPU16=new Uint16Array(b);HEAP32=new Int32Array(b);Module["HEAPU32"]=HEAPU32=new Uint32Array(b);HEAPF32=new Float32Array(b);HEAPF64=new Float64Array(b);HEAP64=new BigInt64Array(b);HEAPU64=new BigUint64Array(b)}function preRun(){var preRun=Module["preRun"];if(preRun){if(typeof preRun=="function")preRun=[preRun];onPreRuns.push(...preRun)}callRuntimeCallbacks(onPreRuns)}function initRuntime(){runtimeInitialized=true;if(!Module["noFSInit"]&&!FS.initialized)FS.init();TTY.init();wasmExports["A"]();FS.ignorePermissions=false}function postRun(){var postRun=Module["postRun"];if(postRun){if(typeof postRun=="function")postRun=[postRun];onPostRuns.push(...postRun)}callRuntimeCallbacks(onPostRuns)}function abort(what){Module["onAbort"]?.(what);what=`Aborted(${what})`;err(what);ABORT=true;what+=". Build with -sASSERTIONS for more info.";var e=new WebAssembly.RuntimeError(what);throw e}var wasmBinaryFile;function findWasmBinary(){return locateFile("libpg-query.wasm")}function getBinarySync(file){if(readBinary){return readBinary(file)}throw"both async and sync fetching of the wasm failed"}async function getWasmBinary(binaryFile){if(!wasmBinary){try{var response=await readAsync(binaryFile);return new Uint8Array(response)}catch{}}return getBinarySync(binaryFile)}async function instantiateArrayBuffer(binaryFile,imports){try{var binary=await getWasmBinary(binaryFile);var instance=await WebAssembly.instantiate(binary,imports);return instance}catch(reason){err(`failed to asynchronously prepare wasm: ${reason}`);abort(reason)}}async function instantiateAsync(binary,binaryFile,imports){if(!binary&&!ENVIRONMENT_IS_NODE){try{var response=fetch(binaryFile,{credentials:"same-origin"});var instantiationResult=await WebAssembly.instantiateStreaming(response,imports);return instantiationResult}catch(reason){err(`wasm streaming compile failed: ${reason}`);err("falling back to ArrayBuffer instantiation")}}return instantiateArrayBuffer(binaryFile,imports)}function getWasmImports(){var imports={a:wasmImports};return imports}async function createWasm(){function receiveInstance(instance){wasmExports=instance.exports;assignWasmExports(wasmExports);updateMemoryViews();return wasmExports}function receiveInstantiationResult(result){return receiveInstance(result["instance"])}var info=getWasmImports();var instantiateWasm=Module["instantiateWasm"];if(instantiateWasm){return new Promise(resolve=>{instantiateWasm(info,inst=>resolve(receiveInstance(inst)))})}wasmBinaryFile??=findWasmBinary();var result=await instantiateAsync(wasmBinary,wasmBinaryFile,info);var exports=receiveInstantiationResult(result);return exports}class ExitStatus{name="ExitStatus";constructor(status){this.message=`Program terminated with exit(${status})`;this.status=status}}var HEAP16;var HEAP32;var HEAP64;var HEAP8;var HEAPF32;var HEAPF64;var HEAPU16;var HEAPU32;var HEAPU64;var HEAPU8;var callRuntimeCallbacks=callbacks=>{while(callbacks.length>0){callbacks.shift()(Module)}};var onPostRuns=[];var onPreRuns=[];function getValue(ptr,type="i8"){if(type.endsWith("*"))type="*";switch(type){case"i1":return HEAP8[ptr];case"i8":return HEAP8[ptr];case"i16":return HEAP16[ptr>>1];case"i32":return HEAP32[ptr>>2];case"i64":return HEAP64[ptr>>3];case"float":return HEAPF32[ptr>>2];case"double":return HEAPF64[ptr>>3];case"*":return HEAPU32[ptr>>2];default:abort(`invalid type for getValue: ${type}`)}}var noExitRuntime=true;var stackRestore=val=>__emscripten_stack_restore(val);var stackSave=()=>_emscripten_stack_get_current();var UTF8Decoder=globalThis.TextDecoder&&new TextDecoder;var findStringEnd=(heapOrArray,idx,maxBytesToRead,ignoreNul)=>{var maxIdx=idx+maxBytesToRead;if(ignoreNul)return maxIdx;while(heapOrArray[idx]&&!(idx>=maxIdx))++idx;return idx};var UTF8ArrayToString=(heapOrArray,idx=0,maxBytesToRead,ignoreNul)=>{var endPtr=findStringEnd(heapOrArray,idx,maxBytesToRead,ignoreNul);if(endPtr-idx>16&&heapOrArray.buffer&&UTF8Decoder){return UTF8Decoder.decode(heapOrArray.subarray(idx,endPtr))}var str="";while(idx<endPtr){var u0=heapOrArray[idx++];if(!(u0&128)){str+=String.fromCharCode(u0);continue}var u1=heapOrArray[idx++]&63;if((u0&224)==192){str+=String.fromCharCode((u0&31)<<6|u1);continue}var u2=heapOrArray[idx++]&63;if((u0&240)==224){u0=(u0&15)<<12|u1<<6|u2}else{u0=(u0&7)<<18|u1<<12|u2<<6|heapOrArray[idx++]&63}if(u0<65536){str+=String.fromCharCode(u0)}else{var ch=u0-65536;str+=String.fromCharCode(55296|ch>>10,56320|ch&1023)}}return str};var UTF8ToString=(ptr,maxBytesToRead,ignoreNul)=>ptr?UTF8ArrayToString(HEAPU8,ptr,maxBytesToRead,ignoreNul):"";var ___assert_fail=(condition,filename,line,func)=>abort(`Assertion failed: ${UTF8ToString(condition)}, at: `+[filename?UTF8ToString(filename):"unknown filename",line,func?UTF8ToString(func):"unknown function"]);var __abort_js=()=>abort("");var runtimeKeepaliveCounter=0;var __emscripten_runtime_keepalive_clear=()=>{noExitRuntime=false;runtimeKeepaliveCounter=0};var __emscripten_throw_longjmp=()=>{throw new EmscriptenSjLj};var timers={};var handleException=e=>{if(e instanceof ExitStatus||e=="unwind"){return EXITSTATUS}quit_(1,e)};var keepRuntimeAlive=()=>noExitRuntime||runtimeKeepaliveCounter>0;var _proc_exit=code=>{EXITSTATUS=code;if(!keepRuntimeAlive()){Module["onExit"]?.(code);ABORT=true}quit_(code,new ExitStatus(code))};var exitJS=(status,implicit)=>{EXITSTATUS=status;_proc_exit(status)};var _exit=exitJS;var maybeExit=()=>{if(!keepRuntimeAlive()){try{_exit(EXITSTATUS)}catch(e){handleException(e)}}};var callUserCallback=func=>{if(ABORT){return}try{return func()}catch(e){handleException(e)}finally{maybeExit()}};var _emscripten_get_now=()=>performance.now();var __setitimer_js=(which,timeout_ms)=>{if(timers[which]){clearTimeout(timers[which].id);delete timers[which]}if(!timeout_ms)return 0;var id=setTimeout(()=>{delete timers[which];callUserCallback(()=>__emscripten_timeout(which,_emscripten_get_now()))},timeout_ms);timers[which]={id,timeout_ms};return 0};var getHeapMax=()=>1073741824;var alignMemory=(size,alignment)=>Math.ceil(size/alignment)*alignment;var growMemory=size=>{var oldHeapSize=wasmMemory.buffer.byteLength;var pages=(size-oldHeapSize+65535)/65536|0;try{wasmMemory.grow(pages);updateMemoryViews();return 1}catch(e){}};var _emscripten_resize_heap=requestedSize=>{var oldSize=HEAPU8.length;requestedSize>>>=0;var maxHeapSize=getHeapMax();if(requestedSize>maxHeapSize){return false}for(var cutDown=1;cutDown<=4;cutDown*=2){var overGrownHeapSize=oldSize*(1+.2/cutDown);overGrownHeapSize=Math.min(overGrownHeapSize,requestedSize+100663296);var newSize=Math.min(maxHeapSize,alignMemory(Math.max(requestedSize,overGrownHeapSize),65536));var replacement=growMemory(newSize);if(replacement){return true}}return false};var PATH={isAbs:path=>path.charAt(0)==="/",splitPath:filename=>{var splitPathRe=/^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;return splitPathRe.exec(filename).slice(1)},normalizeArray:(parts,allowAboveRoot)=>{var up=0;for(var i=parts.length-1;i>=0;i--){var last=parts[i];if(last==="."){parts.splice(i,1)}else if(last===".."){parts.splice(i,1);up++}else if(up){parts.splice(i,1);up--}}if(allowAboveRoot){for(;up;up--){parts.unshift("..")}}return parts},normalize:path=>{var isAbsolute=PATH.isAbs(path),trailingSlash=path.slice(-1)==="/";path=PATH.normalizeArray(path.split("/").filter(p=>!!p),!isAbsolute).join("/");if(!path&&!isAbsolute){path="."}if(path&&trailingSlash){path+="/"}return(isAbsolute?"/":"")+path},dirname:path=>{var result=PATH.splitPath(path),root=result[0],dir=result[1];if(!root&&!dir){return"."}if(dir){dir=dir.slice(0,-1)}return root+dir},basename:path=>path&&path.match(/([^\/]+|\/)\/*$/)[1],join:(...paths)=>PATH.normalize(paths.join("/")),join2:(l,r)=>PATH.normalize(l+"/"+r)};var initRandomFill=()=>{if(ENVIRONMENT_IS_NODE){var nodeCrypto=__webpack_require__(77598);return view=>(nodeCrypto.randomFillSync(view),0)}return view=>(crypto.getRandomValues(view),0)};var randomFill=view=>(randomFill=initRandomFill())(view);var PATH_FS={resolve:(...args)=>{var resolvedPath="",resolvedAbsolute=false;for(var i=args.length-1;i>=-1&&!resolvedAbsolute;i--){var path=i>=0?args[i]:FS.cwd();if(typeof path!="string"){throw new TypeError("Arguments to path.resolve must be strings")}else if(!path){return""}resolvedPath=path+"/"+resolvedPath;resolvedAbsolute=PATH.isAbs(path)}resolvedPath=PATH.normalizeArray(resolvedPath.split("/").filter(p=>!!p),!resolvedAbsolute).join("/");return(resolvedAbsolute?"/":"")+resolvedPath||"."},relative:(from,to)=>{from=PATH_FS.resolve(from).slice(1);to=PATH_FS.resolve(to).slice(1);function trim(arr){var start=0;for(;start<arr.length;start++){if(arr[start]!=="")break}var end=arr.length-1;for(;end>=0;end--){if(arr[end]!=="")break}if(start>end)return[];return arr.slice(start,end-start+1)}var fromParts=trim(from.split("/"));var toParts=trim(to.split("/"));var length=Math.min(fromParts.length,toParts.length);var samePartsLength=length;for(var i=0;i<length;i++){if(fromParts[i]!==toParts[i]){samePartsLength=i;break}}var outputParts=[];for(var i=samePartsLength;i<fromParts.length;i++){outputParts.push("..")}outputParts=outputParts.concat(toParts.slice(samePartsLength));return outputParts.join("/")}};var FS_stdin_getChar_buffer=[];var lengthBytesUTF8=str=>{var len=0;for(var i=0;i<str.length;++i){var c=str.charCodeAt(i);if(c<=127){len++}else if(c<=2047){len+=2}else if(c>=55296&&c<=57343){len+=4;++i}else{len+=3}}return len};var stringToUTF8Array=(str,heap,outIdx,maxBytesToWrite)=>{if(!(maxBytesToWrite>0))return 0;var startIdx=outIdx;var endIdx=outIdx+maxBytesToWrite-1;for(var i=0;i<str.length;++i){var u=str.codePointAt(i);if(u<=127){if(outIdx>=endIdx)break;heap[outIdx++]=u}else if(u<=2047){if(outIdx+1>=endIdx)break;heap[outIdx++]=192|u>>6;heap[outIdx++]=128|u&63}else if(u<=65535){if(outIdx+2>=endIdx)break;heap[outIdx++]=224|u>>12;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63}else{if(outIdx+3>=endIdx)break;heap[outIdx++]=240|u>>18;heap[outIdx++]=128|u>>12&63;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63;i++}}heap[outIdx]=0;return outIdx-startIdx};var intArrayFromString=(stringy,dontAddNull,length)=>{var len=length>0?length:lengthBytesUTF8(stringy)+1;var u8array=new Array(len);var numBytesWritten=stringToUTF8Array(stringy,u8array,0,u8array.length);if(dontAddNull)u8array.length=numBytesWritten;return u8array};var FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var result=null;if(ENVIRONMENT_IS_NODE){var BUFSIZE=256;var buf=Buffer.alloc(BUFSIZE);var bytesRead=0;var fd=process.stdin.fd;try{bytesRead=fs.readSync(fd,buf,0,BUFSIZE)}catch(e){if(e.toString().includes("EOF"))bytesRead=0;else throw e}if(bytesRead>0){result=buf.slice(0,bytesRead).toString("utf-8")}}else if(globalThis.window?.prompt){result=window.prompt("Input: ");if(result!==null){result+="\n"}}else{}if(!result){return null}FS_stdin_getChar_buffer=intArrayFromString(result,true)}return FS_stdin_getChar_buffer.shift()};var TTY={ttys:[],init(){},shutdown(){},register(dev,ops){TTY.ttys[dev]={input:[],output:[],ops};FS.registerDevice(dev,TTY.stream_ops)},stream_ops:{open(stream){var tty=TTY.ttys[stream.node.rdev];if(!tty){throw new FS.ErrnoError(43)}stream.tty=tty;stream.seekable=false},close(stream){stream.tty.ops.fsync(stream.tty)},fsync(stream){stream.tty.ops.fsync(stream.tty)},read(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.get_char){throw new FS.ErrnoError(60)}var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=stream.tty.ops.get_char(stream.tty)}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result}if(bytesRead){stream.node.atime=Date.now()}return bytesRead},write(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.put_char){throw new FS.ErrnoError(60)}try{for(var i=0;i<length;i++){stream.tty.ops.put_char(stream.tty,buffer[offset+i])}}catch(e){throw new FS.ErrnoError(29)}if(length){stream.node.mtime=stream.node.ctime=Date.now()}return i}},default_tty_ops:{get_char(tty){return FS_stdin_getChar()},put_char(tty,val){if(val===null||val===10){out(UTF8ArrayToString(tty.output));tty.output=[]}else{if(val!=0)tty.output.push(val)}},fsync(tty){if(tty.output?.length>0){out(UTF8ArrayToString(tty.output));tty.output=[]}},ioctl_tcgets(tty){return{c_iflag:25856,c_oflag:5,c_cflag:191,c_lflag:35387,c_cc:[3,28,127,21,4,0,1,0,17,19,26,0,18,15,23,22,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},ioctl_tcsets(tty,optional_actions,data){return 0},ioctl_tiocgwinsz(tty){return[24,80]}},default_tty1_ops:{put_char(tty,val){if(val===null||val===10){err(UTF8ArrayToString(tty.output));tty.output=[]}else{if(val!=0)tty.output.push(val)}},fsync(tty){if(tty.output?.length>0){err(UTF8ArrayToString(tty.output));tty.output=[]}}}};var mmapAlloc=size=>{abort()};var MEMFS={ops_table:null,mount(mount){return MEMFS.createNode(null,"/",16895,0)},createNode(parent,name,mode,dev){if(FS.isBlkdev(mode)||FS.isFIFO(mode)){throw new FS.ErrnoError(63)}MEMFS.ops_table||={dir:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,lookup:MEMFS.node_ops.lookup,mknod:MEMFS.node_ops.mknod,rename:MEMFS.node_ops.rename,unlink:MEMFS.node_ops.unlink,rmdir:MEMFS.node_ops.rmdir,readdir:MEMFS.node_ops.readdir,symlink:MEMFS.node_ops.symlink},stream:{llseek:MEMFS.stream_ops.llseek}},file:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:{llseek:MEMFS.stream_ops.llseek,read:MEMFS.stream_ops.read,write:MEMFS.stream_ops.write,mmap:MEMFS.stream_ops.mmap,msync:MEMFS.stream_ops.msync}},link:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,readlink:MEMFS.node_ops.readlink},stream:{}},chrdev:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:FS.chrdev_stream_ops}};var node=FS.createNode(parent,name,mode,dev);if(FS.isDir(node.mode)){node.node_ops=MEMFS.ops_table.dir.node;node.stream_ops=MEMFS.ops_table.dir.stream;node.contents={}}else if(FS.isFile(node.mode)){node.node_ops=MEMFS.ops_table.file.node;node.stream_ops=MEMFS.ops_table.file.stream;node.usedBytes=0;node.contents=MEMFS.emptyFileContents??=new Uint8Array(0)}else if(FS.isLink(node.mode)){node.node_ops=MEMFS.ops_table.link.node;node.stream_ops=MEMFS.ops_table.link.stream}else if(FS.isChrdev(node.mode)){node.node_ops=MEMFS.ops_table.chrdev.node;node.stream_ops=MEMFS.ops_table.chrdev.stream}node.atime=node.mtime=node.ctime=Date.now();if(parent){parent.contents[name]=node;parent.atime=parent.mtime=parent.ctime=node.atime}return node},getFileDataAsTypedArray(node){return node.contents.subarray(0,node.usedBytes)},expandFileStorage(node,newCapacity){var prevCapacity=node.contents.length;if(prevCapacity>=newCapacity)return;var CAPACITY_DOUBLING_MAX=1024*1024;newCapacity=Math.max(newCapacity,prevCapacity*(prevCapacity<CAPACITY_DOUBLING_MAX?2:1.125)>>>0);if(prevCapacity)newCapacity=Math.max(newCapacity,256);var oldContents=MEMFS.getFileDataAsTypedArray(node);node.contents=new Uint8Array(newCapacity);node.contents.set(oldContents)},resizeFileStorage(node,newSize){if(node.usedBytes==newSize)return;var oldContents=node.contents;node.contents=new Uint8Array(newSize);node.contents.set(oldContents.subarray(0,Math.min(newSize,node.usedBytes)));node.usedBytes=newSize},node_ops:{getattr(node){var attr={};attr.dev=FS.isChrdev(node.mode)?node.id:1;attr.ino=node.id;attr.mode=node.mode;attr.nlink=1;attr.uid=0;attr.gid=0;attr.rdev=node.rdev;if(FS.isDir(node.mode)){attr.size=4096}else if(FS.isFile(node.mode)){attr.size=node.usedBytes}else if(FS.isLink(node.mode)){attr.size=node.link.length}else{attr.size=0}attr.atime=new Date(node.atime);attr.mtime=new Date(node.mtime);attr.ctime=new Date(node.ctime);attr.blksize=4096;attr.blocks=Math.ceil(attr.size/attr.blksize);return attr},setattr(node,attr){for(const key of["mode","atime","mtime","ctime"]){if(attr[key]!=null){node[key]=attr[key]}}if(attr.size!==undefined){MEMFS.resizeFileStorage(node,attr.size)}},lookup(parent,name){if(!MEMFS.doesNotExistError){MEMFS.doesNotExistError=new FS.ErrnoError(44);MEMFS.doesNotExistError.stack="<generic error, no stack>"}throw MEMFS.doesNotExistError},mknod(parent,name,mode,dev){return MEMFS.createNode(parent,name,mode,dev)},rename(old_node,new_dir,new_name){var new_node;try{new_node=FS.lookupNode(new_dir,new_name)}catch(e){}if(new_node){if(FS.isDir(old_node.mode)){for(var i in new_node.contents){throw new FS.ErrnoError(55)}}FS.hashRemoveNode(new_node)}delete old_node.parent.contents[old_node.name];new_dir.contents[new_name]=old_node;old_node.name=new_name;new_dir.ctime=new_dir.mtime=old_node.parent.ctime=old_node.parent.mtime=Date.now()},unlink(parent,name){delete parent.contents[name];parent.ctime=parent.mtime=Date.now()},rmdir(parent,name){var node=FS.lookupNode(parent,name);for(var i in node.contents){throw new FS.ErrnoError(55)}delete parent.contents[name];parent.ctime=parent.mtime=Date.now()},readdir(node){return[".","..",...Object.keys(node.contents)]},symlink(parent,newname,oldpath){var node=MEMFS.createNode(parent,newname,511|40960,0);node.link=oldpath;return node},readlink(node){if(!FS.isLink(node.mode)){throw new FS.ErrnoError(28)}return node.link}},stream_ops:{read(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=stream.node.usedBytes)return 0;var size=Math.min(stream.node.usedBytes-position,length);buffer.set(contents.subarray(position,position+size),offset);return size},write(stream,buffer,offset,length,position,canOwn){if(buffer.buffer===HEAP8.buffer){canOwn=false}if(!length)return 0;var node=stream.node;node.mtime=node.ctime=Date.now();if(canOwn){node.contents=buffer.subarray(offset,offset+length);node.usedBytes=length}else if(node.usedBytes===0&&position===0){node.contents=buffer.slice(offset,offset+length);node.usedBytes=length}else{MEMFS.expandFileStorage(node,position+length);node.contents.set(buffer.subarray(offset,offset+length),position);node.usedBytes=Math.max(node.usedBytes,position+length)}return length},llseek(stream,offset,whence){var position=offset;if(whence===1){position+=stream.position}else if(whence===2){if(FS.isFile(stream.node.mode)){position+=stream.node.usedBytes}}if(position<0){throw new FS.ErrnoError(28)}return position},mmap(stream,length,position,prot,flags){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}var ptr;var allocated;var contents=stream.node.contents;if(!(flags&2)&&contents.buffer===HEAP8.buffer){allocated=false;ptr=contents.byteOffset}else{allocated=true;ptr=mmapAlloc(length);if(!ptr){throw new FS.ErrnoError(48)}if(contents){if(position>0||position+length<contents.length){if(contents.subarray){contents=contents.subarray(position,position+length)}else{contents=Array.prototype.slice.call(contents,position,position+length)}}HEAP8.set(contents,ptr)}}return{ptr,allocated}},msync(stream,buffer,offset,length,mmapFlags){MEMFS.stream_ops.write(stream,buffer,0,length,offset,false);return 0}}};var FS_modeStringToFlags=str=>{if(typeof str!="string")return str;var flagModes={r:0,"r+":2,w:512|64|1,"w+":512|64|2,a:1024|64|1,"a+":1024|64|2};var flags=flagModes[str];if(typeof flags=="undefined"){throw new Error(`Unknown file open mode: ${str}`)}return flags};var FS_fileDataToTypedArray=data=>{if(typeof data=="string"){data=intArrayFromString(data,true)}if(!data.subarray){data=new Uint8Array(data)}return data};var FS_getMode=(canRead,canWrite)=>{var mode=0;if(canRead)mode|=292|73;if(canWrite)mode|=146;return mode};var asyncLoad=async url=>{var arrayBuffer=await readAsync(url);return new Uint8Array(arrayBuffer)};var FS_createDataFile=(...args)=>FS.createDataFile(...args);var getUniqueRunDependency=id=>id;var dependenciesPromise=null;var resolveRunDependencies=async()=>dependenciesPromise;var runDependencies=0;var dependenciesPromiseResolve=null;var removeRunDependency=id=>{runDependencies--;Module["monitorRunDependencies"]?.(runDependencies);if(!runDependencies){dependenciesPromiseResolve()}};var addRunDependency=id=>{if(!runDependencies){dependenciesPromise=new Promise(resolve=>dependenciesPromiseResolve=resolve)}runDependencies++;Module["monitorRunDependencies"]?.(runDependencies)};var preloadPlugins=[];var FS_handledByPreloadPlugin=async(byteArray,fullname)=>{if(typeof Browser!="undefined")Browser.init();for(var plugin of preloadPlugins){if(plugin["canHandle"](fullname)){return plugin["handle"](byteArray,fullname)}}return byteArray};var FS_preloadFile=async(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish)=>{var fullname=name?PATH_FS.resolve(PATH.join2(parent,name)):parent;var dep=getUniqueRunDependency(`cp ${fullname}`);addRunDependency(dep);try{var byteArray=url;if(typeof url=="string"){byteArray=await asyncLoad(url)}byteArray=await FS_handledByPreloadPlugin(byteArray,fullname);preFinish?.();if(!dontCreateFile){FS_createDataFile(parent,name,byteArray,canRead,canWrite,canOwn)}}finally{removeRunDependency(dep)}};var FS_createPreloadedFile=(parent,name,url,canRead,canWrite,onload,onerror,dontCreateFile,canOwn,preFinish)=>{FS_preloadFile(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish).then(onload).catch(onerror)};var FS={root:null,mounts:[],devices:{},streams:[],nextInode:1,nameTable:null,currentPath:"/",initialized:false,ignorePermissions:true,filesystems:null,syncFSRequests:0,ErrnoError:class{name="ErrnoError";constructor(errno){this.errno=errno}},FSStream:class{shared={};get object(){return this.node}set object(val){this.node=val}get isRead(){return(this.flags&2097155)!==1}get isWrite(){return(this.flags&2097155)!==0}get isAppend(){return this.flags&1024}get flags(){return this.shared.flags}set flags(val){this.shared.flags=val}get position(){return this.shared.position}set position(val){this.shared.position=val}},FSNode:class{node_ops={};stream_ops={};readMode=292|73;writeMode=146;mounted=null;constructor(parent,name,mode,rdev){if(!parent){parent=this}this.parent=parent;this.mount=parent.mount;this.id=FS.nextInode++;this.name=name;this.mode=mode;this.rdev=rdev;this.atime=this.mtime=this.ctime=Date.now()}get read(){return(this.mode&this.readMode)===this.readMode}set read(val){val?this.mode|=this.readMode:this.mode&=~this.readMode}get write(){return(this.mode&this.writeMode)===this.writeMode}set write(val){val?this.mode|=this.writeMode:this.mode&=~this.writeMode}get isFolder(){return FS.isDir(this.mode)}get isDevice(){return FS.isChrdev(this.mode)}addListener(cb,exclusive=false){var entry={cb,exclusive};var listeners=this.listeners??=new Set;listeners.add(entry);return{listeners,entry}}notifyListeners(flags){if(!this.listeners)return;var excl;for(var entry of this.listeners){if(entry.exclusive)(excl||=[]).push(entry);else entry.cb(flags)}if(excl){var i=(this.exclTurn||0)%excl.length;this.exclTurn=i+1;excl[i].cb(flags)}}},lookupPath(path,opts={}){if(!path){throw new FS.ErrnoError(44)}opts.follow_mount??=true;if(!PATH.isAbs(path)){path=FS.cwd()+"/"+path}linkloop:for(var nlinks=0;nlinks<40;nlinks++){var parts=path.split("/").filter(p=>!!p);var current=FS.root;var current_path="/";for(var i=0;i<parts.length;i++){var islast=i===parts.length-1;if(islast&&opts.parent){break}if(parts[i]==="."){continue}if(parts[i]===".."){current_path=PATH.dirname(current_path);if(FS.isRoot(current)){path=current_path+"/"+parts.slice(i+1).join("/");nlinks--;continue linkloop}else{current=current.parent}continue}current_path=PATH.join2(current_path,parts[i]);try{current=FS.lookupNode(current,parts[i])}catch(e){if(e?.errno===44&&islast&&opts.noent_okay){return{path:current_path}}throw e}if(FS.isMountpoint(current)&&(!islast||opts.follow_mount)){current=current.mounted.root}if(FS.isLink(current.mode)&&(!islast||opts.follow)){if(!current.node_ops.readlink){throw new FS.ErrnoError(52)}var link=current.node_ops.readlink(current);if(!PATH.isAbs(link)){link=PATH.dirname(current_path)+"/"+link}path=link+"/"+parts.slice(i+1).join("/");continue linkloop}}return{path:current_path,node:current}}throw new FS.ErrnoError(32)},getPath(node){var path;while(true){if(FS.isRoot(node)){var mount=node.mount.mountpoint;if(!path)return mount;return mount[mount.length-1]!=="/"?`${mount}/${path}`:mount+path}path=path?`${node.name}/${path}`:node.name;node=node.parent}},hashName(parentid,name){var hash=0;for(var i=0;i<name.length;i++){hash=(hash<<5)-hash+name.charCodeAt(i)|0}return(parentid+hash>>>0)%FS.nameTable.length},hashAddNode(node){var hash=FS.hashName(node.parent.id,node.name);node.name_next=FS.nameTable[hash];FS.nameTable[hash]=node},hashRemoveNode(node){var hash=FS.hashName(node.parent.id,node.name);if(FS.nameTable[hash]===node){FS.nameTable[hash]=node.name_next}else{var current=FS.nameTable[hash];while(current){if(current.name_next===node){current.name_next=node.name_next;break}current=current.name_next}}},lookupNode(parent,name){var errCode=FS.mayLookup(parent);if(errCode){throw new FS.ErrnoError(errCode)}var hash=FS.hashName(parent.id,name);for(var node=FS.nameTable[hash];node;node=node.name_next){var nodeName=node.name;if(node.parent.id===parent.id&&nodeName===name){return node}}return FS.lookup(parent,name)},createNode(parent,name,mode,rdev){var node=new FS.FSNode(parent,name,mode,rdev);FS.hashAddNode(node);return node},destroyNode(node){FS.hashRemoveNode(node)},isRoot(node){return node===node.parent},isMountpoint(node){return!!node.mounted},isFile(mode){return(mode&61440)===32768},isDir(mode){return(mode&61440)===16384},isLink(mode){return(mode&61440)===40960},isChrdev(mode){return(mode&61440)===8192},isBlkdev(mode){return(mode&61440)===24576},isFIFO(mode){return(mode&61440)===4096},isSocket(mode){return(mode&49152)===49152},flagsToPermissionString(flag){var perms=["r","w","rw"][flag&3];if(flag&512){perms+="w"}return perms},nodePermissions(node,perms){if(FS.ignorePermissions){return 0}if(perms.includes("r")&&!(node.mode&292)){return 2}if(perms.includes("w")&&!(node.mode&146)){return 2}if(perms.includes("x")&&!(node.mode&73)){return 2}return 0},mayLookup(dir){if(!FS.isDir(dir.mode))return 54;var errCode=FS.nodePermissions(dir,"x");if(errCode)return errCode;if(!dir.node_ops.lookup)return 2;return 0},mayCreate(dir,name){if(!FS.isDir(dir.mode)){return 54}try{var node=FS.lookupNode(dir,name);return 20}catch(e){}return FS.nodePermissions(dir,"wx")},mayDelete(dir,name,isdir){var node;try{node=FS.lookupNode(dir,name)}catch(e){return e.errno}var errCode=FS.nodePermissions(dir,"wx");if(errCode){return errCode}if(isdir){if(!FS.isDir(node.mode)){return 54}if(FS.isRoot(node)||FS.getPath(node)===FS.cwd()){return 10}}else if(FS.isDir(node.mode)){return 31}return 0},mayOpen(node,flags){if(!node){return 44}if(FS.isLink(node.mode)){return 32}var mode=FS.flagsToPermissionString(flags);if(FS.isDir(node.mode)){if(mode!=="r"||flags&(512|64)){return 31}}return FS.nodePermissions(node,mode)},checkOpExists(op,err){if(!op){throw new FS.ErrnoError(err)}return op},MAX_OPEN_FDS:4096,nextfd(){for(var fd=0;fd<=FS.MAX_OPEN_FDS;fd++){if(!FS.streams[fd]){return fd}}throw new FS.ErrnoError(33)},getStreamChecked(fd){var stream=FS.getStream(fd);if(!stream){throw new FS.ErrnoError(8)}return stream},getStream:fd=>FS.streams[fd],createStream(stream,fd=-1){stream=Object.assign(new FS.FSStream,stream);if(fd==-1){fd=FS.nextfd()}stream.fd=fd;FS.streams[fd]=stream;return stream},closeStream(fd){FS.streams[fd]=null},dupStream(origStream,fd=-1){var stream=FS.createStream(origStream,fd);stream.stream_ops?.dup?.(stream);return stream},doSetAttr(stream,node,attr){var setattr=stream?.stream_ops.setattr;var arg=setattr?stream:node;setattr??=node.node_ops.setattr;FS.checkOpExists(setattr,63);try{setattr(arg,attr)}catch(e){if(e instanceof RangeError){throw new FS.ErrnoError(22)}throw e}},chrdev_stream_ops:{open(stream){var device=FS.getDevice(stream.node.rdev);stream.stream_ops=device.stream_ops;stream.stream_ops.open?.(stream)},llseek(){throw new FS.ErrnoError(70)}},major:dev=>dev>>8,minor:dev=>dev&255,makedev:(ma,mi)=>ma<<8|mi,registerDevice(dev,ops){FS.devices[dev]={stream_ops:ops}},getDevice:dev=>FS.devices[dev],getMounts(mount){var mounts=[];var check=[mount];while(check.length){var m=check.pop();mounts.push(m);check.push(...m.mounts)}return mounts},syncfs(populate,callback){if(typeof populate=="function"){callback=populate;populate=false}FS.syncFSRequests++;if(FS.syncFSRequests>1){err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`)}var mounts=FS.getMounts(FS.root.mount);var completed=0;function doCallback(errCode){FS.syncFSRequests--;return callback(errCode)}function done(errCode){if(errCode){if(!done.errored){done.errored=true;return doCallback(errCode)}return}if(++completed>=mounts.length){doCallback(null)}}for(var mount of mounts){if(mount.type.syncfs){mount.type.syncfs(mount,populate,done)}else{done(null)}}},mount(type,opts,mountpoint){var root=mountpoint==="/";var pseudo=!mountpoint;var node;if(root&&FS.root){throw new FS.ErrnoError(10)}else if(!root&&!pseudo){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});mountpoint=lookup.path;node=lookup.node;if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}if(!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}}var mount={type,opts,mountpoint,mounts:[]};var mountRoot=type.mount(mount);mountRoot.mount=mount;mount.root=mountRoot;if(root){FS.root=mountRoot}else if(node){node.mounted=mount;if(node.mount){node.mount.mounts.push(mount)}}return mountRoot},unmount(mountpoint){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});if(!FS.isMountpoint(lookup.node)){throw new FS.ErrnoError(28)}var node=lookup.node;var mount=node.mounted;var mounts=FS.getMounts(mount);for(var[hash,current]of Object.entries(FS.nameTable)){while(current){var next=current.name_next;if(mounts.includes(current.mount)){FS.destroyNode(current)}current=next}}node.mounted=null;var idx=node.mount.mounts.indexOf(mount);node.mount.mounts.splice(idx,1)},lookup(parent,name){return parent.node_ops.lookup(parent,name)},mknod(path,mode,dev){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);if(!name){throw new FS.ErrnoError(28)}if(name==="."||name===".."){throw new FS.ErrnoError(20)}var errCode=FS.mayCreate(parent,name);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.mknod){throw new FS.ErrnoError(63)}return parent.node_ops.mknod(parent,name,mode,dev)},statfs(path){return FS.statfsNode(FS.lookupPath(path,{follow:true}).node)},statfsStream(stream){return FS.statfsNode(stream.node)},statfsNode(node){var rtn={bsize:4096,frsize:4096,blocks:1e6,bfree:5e5,bavail:5e5,files:FS.nextInode,ffree:FS.nextInode-1,fsid:42,flags:2,namelen:255};if(node.node_ops.statfs){Object.assign(rtn,node.node_ops.statfs(node.mount.opts.root))}return rtn},create(path,mode=438){mode&=4095;mode|=32768;return FS.mknod(path,mode,0)},mkdir(path,mode=511){mode&=511|512;mode|=16384;return FS.mknod(path,mode,0)},mkdirTree(path,mode){var dirs=path.split("/");var d="";for(var dir of dirs){if(!dir)continue;if(d||PATH.isAbs(path))d+="/";d+=dir;try{FS.mkdir(d,mode)}catch(e){if(e.errno!=20)throw e}}},mkdev(path,mode,dev){if(typeof dev=="undefined"){dev=mode;mode=438}mode|=8192;return FS.mknod(path,mode,dev)},symlink(oldpath,newpath){if(!PATH_FS.resolve(oldpath)){throw new FS.ErrnoError(44)}var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.symlink){throw new FS.ErrnoError(63)}return parent.node_ops.symlink(parent,newname,oldpath)},link(oldpath,newpath,flags){var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.link){throw new FS.ErrnoError(34)}return parent.node_ops.link(parent,newname,oldpath,flags)},rename(old_path,new_path){var old_dirname=PATH.dirname(old_path);var new_dirname=PATH.dirname(new_path);var old_name=PATH.basename(old_path);var new_name=PATH.basename(new_path);var lookup,old_dir,new_dir;lookup=FS.lookupPath(old_path,{parent:true});old_dir=lookup.node;lookup=FS.lookupPath(new_path,{parent:true});new_dir=lookup.node;if(!old_dir||!new_dir)throw new FS.ErrnoError(44);if(old_dir.mount!==new_dir.mount){throw new FS.ErrnoError(75)}var old_node=FS.lookupNode(old_dir,old_name);var relative=PATH_FS.relative(old_path,new_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(28)}relative=PATH_FS.relative(new_path,old_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(55)}var new_node;try{new_node=FS.lookupNode(new_dir,new_name)}catch(e){}if(old_node===new_node){return}var isdir=FS.isDir(old_node.mode);var errCode=FS.mayDelete(old_dir,old_name,isdir);if(errCode){throw new FS.ErrnoError(errCode)}errCode=new_node?FS.mayDelete(new_dir,new_name,isdir):FS.mayCreate(new_dir,new_name);if(errCode){throw new FS.ErrnoError(errCode)}if(!old_dir.node_ops.rename){throw new FS.ErrnoError(63)}if(FS.isMountpoint(old_node)||new_node&&FS.isMountpoint(new_node)){throw new FS.ErrnoError(10)}if(new_dir!==old_dir){errCode=FS.nodePermissions(old_dir,"w");if(errCode){throw new FS.ErrnoError(errCode)}}FS.hashRemoveNode(old_node);try{old_dir.node_ops.rename(old_node,new_dir,new_name);old_node.parent=new_dir}catch(e){throw e}finally{FS.hashAddNode(old_node)}},rmdir(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,true);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.rmdir){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.rmdir(parent,name);FS.destroyNode(node)},readdir(path){var lookup=FS.lookupPath(path,{follow:true});var node=lookup.node;var readdir=FS.checkOpExists(node.node_ops.readdir,54);return readdir(node)},unlink(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,false);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.unlink){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.unlink(parent,name);FS.destroyNode(node)},readlink(path){var lookup=FS.lookupPath(path);var link=lookup.node;if(!link){throw new FS.ErrnoError(44)}if(!link.node_ops.readlink){throw new FS.ErrnoError(28)}return link.node_ops.readlink(link)},stat(path,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});var node=lookup.node;var getattr=FS.checkOpExists(node.node_ops.getattr,63);return getattr(node)},fstat(fd){var stream=FS.getStreamChecked(fd);var node=stream.node;var getattr=stream.stream_ops.getattr;var arg=getattr?stream:node;getattr??=node.node_ops.getattr;FS.checkOpExists(getattr,63);return getattr(arg)},lstat(path){return FS.stat(path,true)},doChmod(stream,node,mode,dontFollow){FS.doSetAttr(stream,node,{mode:mode&4095|node.mode&~4095,ctime:Date.now(),dontFollow})},chmod(path,mode,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node}else{node=path}FS.doChmod(null,node,mode,dontFollow)},lchmod(path,mode){FS.chmod(path,mode,true)},fchmod(fd,mode){var stream=FS.getStreamChecked(fd);FS.doChmod(stream,stream.node,mode,false)},doChown(stream,node,dontFollow){FS.doSetAttr(stream,node,{timestamp:Date.now(),dontFollow})},chown(path,uid,gid,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node}else{node=path}FS.doChown(null,node,dontFollow)},lchown(path,uid,gid){FS.chown(path,uid,gid,true)},fchown(fd,uid,gid){var stream=FS.getStreamChecked(fd);FS.doChown(stream,stream.node,false)},doTruncate(stream,node,len){if(FS.isDir(node.mode)){throw new FS.ErrnoError(31)}if(!FS.isFile(node.mode)){throw new FS.ErrnoError(28)}var errCode=FS.nodePermissions(node,"w");if(errCode){throw new FS.ErrnoError(errCode)}FS.doSetAttr(stream,node,{size:len,timestamp:Date.now()})},truncate(path,len){if(len<0){throw new FS.ErrnoError(28)}var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:true});node=lookup.node}else{node=path}FS.doTruncate(null,node,len)},ftruncate(fd,len){var stream=FS.getStreamChecked(fd);if(len<0||(stream.flags&2097155)===0){throw new FS.ErrnoError(28)}FS.doTruncate(stream,stream.node,len)},utime(path,atime,mtime,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});FS.doSetAttr(null,lookup.node,{atime,mtime,dontFollow})},open(path,flags,mode=438){if(path===""){throw new FS.ErrnoError(44)}flags=FS_modeStringToFlags(flags);if(flags&64){mode=mode&4095|32768}else{mode=0}var node;var isDirPath;if(typeof path=="object"){node=path}else{isDirPath=path.endsWith("/");var lookup=FS.lookupPath(path,{follow:!(flags&131072),noent_okay:true});node=lookup.node;path=lookup.path}var created=false;if(flags&64){if(node){if(flags&128){throw new FS.ErrnoError(20)}}else if(isDirPath){throw new FS.ErrnoError(31)}else{node=FS.mknod(path,mode|511,0);created=true}}if(!node){throw new FS.ErrnoError(44)}if(FS.isChrdev(node.mode)){flags&=~512}if(flags&65536&&!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}if(!created){var errCode=FS.mayOpen(node,flags);if(errCode){throw new FS.ErrnoError(errCode)}}if(flags&512&&!created){FS.truncate(node,0)}flags&=~(128|512|131072);var stream=FS.createStream({node,path:FS.getPath(node),flags,seekable:true,position:0,stream_ops:node.stream_ops,ungotten:[],error:false});if(stream.stream_ops.open){stream.stream_ops.open(stream)}if(created){FS.chmod(node,mode&511)}return stream},close(stream){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(stream.getdents)stream.getdents=null;stream.node?.notifyListeners(32);try{if(stream.stream_ops.close){stream.stream_ops.close(stream)}}catch(e){throw e}finally{FS.closeStream(stream.fd)}stream.fd=null},isClosed(stream){return stream.fd===null},llseek(stream,offset,whence){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(!stream.seekable||!stream.stream_ops.llseek){throw new FS.ErrnoError(70)}if(whence!=0&&whence!=1&&whence!=2){throw new FS.ErrnoError(28)}stream.position=stream.stream_ops.llseek(stream,offset,whence);stream.ungotten=[];return stream.position},read(stream,buffer,offset,length,position){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.read){throw new FS.ErrnoError(28)}var seeking=typeof position!="undefined";if(!seeking){position=stream.position}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesRead=stream.stream_ops.read(stream,buffer,offset,length,position);if(!seeking)stream.position+=bytesRead;return bytesRead},write(stream,buffer,offset,length,position,canOwn){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===0){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.write){throw new FS.ErrnoError(28)}if(stream.seekable&&stream.flags&1024){FS.llseek(stream,0,2)}var seeking=typeof position!="undefined";if(!seeking){position=stream.position}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesWritten=stream.stream_ops.write(stream,buffer,offset,length,position,canOwn);if(!seeking)stream.position+=bytesWritten;return bytesWritten},mmap(stream,length,position,prot,flags){if((prot&2)!==0&&(flags&2)===0&&(stream.flags&2097155)!==2){throw new FS.ErrnoError(2)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(2)}if(!stream.stream_ops.mmap){throw new FS.ErrnoError(43)}if(!length){throw new FS.ErrnoError(28)}return stream.stream_ops.mmap(stream,length,position,prot,flags)},msync(stream,buffer,offset,length,mmapFlags){if(!stream.stream_ops.msync){return 0}return stream.stream_ops.msync(stream,buffer,offset,length,mmapFlags)},ioctl(stream,cmd,arg){if(!stream.stream_ops.ioctl){throw new FS.ErrnoError(59)}return stream.stream_ops.ioctl(stream,cmd,arg)},readFile(path,opts={}){opts.flags=opts.flags??0;opts.encoding=opts.encoding??"binary";if(opts.encoding!=="utf8"&&opts.encoding!=="binary"){abort(`Invalid encoding type "${opts.encoding}"`)}var stream=FS.open(path,opts.flags);var stat=FS.stat(path);var length=stat.size;var buf=new Uint8Array(length);FS.read(stream,buf,0,length,0);if(opts.encoding==="utf8"){buf=UTF8ArrayToString(buf)}FS.close(stream);return buf},writeFile(path,data,opts={}){opts.flags=opts.flags??577;var stream=FS.open(path,opts.flags,opts.mode);data=FS_fileDataToTypedArray(data);FS.write(stream,data,0,data.byteLength,undefined,opts.canOwn);FS.close(stream)},cwd:()=>FS.currentPath,chdir(path){var lookup=FS.lookupPath(path,{follow:true});if(lookup.node===null){throw new FS.ErrnoError(44)}if(!FS.isDir(lookup.node.mode)){throw new FS.ErrnoError(54)}var errCode=FS.nodePermissions(lookup.node,"x");if(errCode){throw new FS.ErrnoError(errCode)}FS.currentPath=lookup.path},createDefaultDirectories(){FS.mkdir("/tmp");FS.mkdir("/home");FS.mkdir("/home/web_user")},createDefaultDevices(){FS.mkdir("/dev");FS.registerDevice(FS.makedev(1,3),{read:()=>0,write:(stream,buffer,offset,length,pos)=>length,llseek:()=>0});FS.mkdev("/dev/null",FS.makedev(1,3));TTY.register(FS.makedev(5,0),TTY.default_tty_ops);TTY.register(FS.makedev(6,0),TTY.default_tty1_ops);FS.mkdev("/dev/tty",FS.makedev(5,0));FS.mkdev("/dev/tty1",FS.makedev(6,0));var randomBuffer=new Uint8Array(1024),randomLeft=0;var randomByte=()=>{if(randomLeft===0){randomFill(randomBuffer);randomLeft=randomBuffer.byteLength}return randomBuffer[--randomLeft]};FS.createDevice("/dev","random",randomByte);FS.createDevice("/dev","urandom",randomByte);FS.mkdir("/dev/shm");FS.mkdir("/dev/shm/tmp")},createSpecialDirectories(){FS.mkdir("/proc");var proc_self=FS.mkdir("/proc/self");FS.mkdir("/proc/self/fd");FS.mount({mount(){var node=FS.createNode(proc_self,"fd",16895,73);node.stream_ops={llseek:MEMFS.stream_ops.llseek};node.node_ops={lookup(parent,name){var fd=+name;var stream=FS.getStreamChecked(fd);var ret={parent:null,mount:{mountpoint:"fake"},node_ops:{readlink:()=>stream.path},id:fd+1};ret.parent=ret;return ret},readdir(){return Array.from(FS.streams.entries()).filter(([k,v])=>v).map(([k,v])=>k.toString())}};return node}},{},"/proc/self/fd")},createStandardStreams(input,output,error){if(input){FS.createDevice("/dev","stdin",input)}else{FS.symlink("/dev/tty","/dev/stdin")}if(output){FS.createDevice("/dev","stdout",null,output)}else{FS.symlink("/dev/tty","/dev/stdout")}if(error){FS.createDevice("/dev","stderr",null,error)}else{FS.symlink("/dev/tty1","/dev/stderr")}var stdin=FS.open("/dev/stdin",0);var stdout=FS.open("/dev/stdout",1);var stderr=FS.open("/dev/stderr",1)},staticInit(){FS.nameTable=new Array(4096);FS.mount(MEMFS,{},"/");FS.createDefaultDirectories();FS.createDefaultDevices();FS.createSpecialDirectories();FS.filesystems={MEMFS}},init(input,output,error){FS.initialized=true;input??=Module["stdin"];output??=Module["stdout"];error??=Module["stderr"];FS.createStandardStreams(input,output,error)},quit(){FS.initialized=false;for(var stream of FS.streams){if(stream){FS.close(stream)}}},findObject(path,dontResolveLastLink){var ret=FS.analyzePath(path,dontResolveLastLink);if(!ret.exists){return null}return ret.object},analyzePath(path,dontResolveLastLink){try{var lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});path=lookup.path}catch(e){}var ret={isRoot:false,exists:false,error:0,name:null,path:null,object:null,parentExists:false,parentPath:null,parentObject:null};try{var lookup=FS.lookupPath(path,{parent:true});ret.parentExists=true;ret.parentPath=lookup.path;ret.parentObject=lookup.node;ret.name=PATH.basename(path);lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});ret.exists=true;ret.path=lookup.path;ret.object=lookup.node;ret.name=lookup.node.name;ret.isRoot=lookup.path==="/"}catch(e){ret.error=e.errno}return ret},createPath(parent,path,canRead,canWrite){parent=typeof parent=="string"?parent:FS.getPath(parent);var parts=path.split("/").reverse();while(parts.length){var part=parts.pop();if(!part)continue;var current=PATH.join2(parent,part);try{FS.mkdir(current)}catch(e){if(e.errno!=20)throw e}parent=current}return current},createFile(parent,name,properties,canRead,canWrite){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(canRead,canWrite);return FS.create(path,mode)},createDataFile(parent,name,data,canRead,canWrite,canOwn){var path=name;if(parent){parent=typeof parent=="string"?parent:FS.getPath(parent);path=name?PATH.join2(parent,name):parent}var mode=FS_getMode(canRead,canWrite);var node=FS.create(path,mode);if(data){data=FS_fileDataToTypedArray(data);FS.chmod(node,mode|146);var stream=FS.open(node,577);FS.write(stream,data,0,data.length,0,canOwn);FS.close(stream);FS.chmod(node,mode)}},createDevice(parent,name,input,output){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(!!input,!!output);FS.createDevice.major??=64;var dev=FS.makedev(FS.createDevice.major++,0);FS.registerDevice(dev,{open(stream){stream.seekable=false},close(stream){if(output?.buffer?.length){output(10)}},read(stream,buffer,offset,length,pos){var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=input()}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result}if(bytesRead){stream.node.atime=Date.now()}return bytesRead},write(stream,buffer,offset,length,pos){for(var i=0;i<length;i++){try{output(buffer[offset+i])}catch(e){throw new FS.ErrnoError(29)}}if(length){stream.node.mtime=stream.node.ctime=Date.now()}return i}});return FS.mkdev(path,mode,dev)},forceLoadFile(obj){if(obj.isDevice||obj.isFolder||obj.link||obj.contents)return true;if(globalThis.XMLHttpRequest){abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.")}else{try{obj.contents=readBinary(obj.url)}catch(e){throw new FS.ErrnoError(29)}}},createLazyFile(parent,name,url,canRead,canWrite){class LazyUint8Array{lengthKnown=false;chunks=[];get(idx){if(idx>this.length-1||idx<0){return undefined}var chunkOffset=idx%this.chunkSize;var chunkNum=idx/this.chunkSize|0;return this.getter(chunkNum)[chunkOffset]}setDataGetter(getter){this.getter=getter}cacheLength(){var xhr=new XMLHttpRequest;xhr.open("HEAD",url,false);xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);var datalength=Number(xhr.getResponseHeader("Content-length"));var header;var hasByteServing=(header=xhr.getResponseHeader("Accept-Ranges"))&&header==="bytes";var usesGzip=(header=xhr.getResponseHeader("Content-Encoding"))&&header==="gzip";var chunkSize=1024*1024;if(!hasByteServing)chunkSize=datalength;var doXHR=(from,to)=>{if(from>to)abort(`invalid range (${from}, ${to}) or no bytes requested!`);if(to>datalength-1)abort(`only ${datalength} bytes available! programmer error!`);var xhr=new XMLHttpRequest;xhr.open("GET",url,false);if(datalength!==chunkSize)xhr.setRequestHeader("Range","bytes="+from+"-"+to);xhr.responseType="arraybuffer";if(xhr.overrideMimeType){xhr.overrideMimeType("text/plain; charset=x-user-defined")}xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);if(xhr.response!==undefined){return new Uint8Array(xhr.response||[])}return intArrayFromString(xhr.responseText??"",true)};var lazyArray=this;lazyArray.setDataGetter(chunkNum=>{var start=chunkNum*chunkSize;var end=(chunkNum+1)*chunkSize-1;end=Math.min(end,datalength-1);if(typeof lazyArray.chunks[chunkNum]=="undefined"){lazyArray.chunks[chunkNum]=doXHR(start,end)}if(typeof lazyArray.chunks[chunkNum]=="undefined")abort("doXHR failed!");return lazyArray.chunks[chunkNum]});if(usesGzip||!datalength){chunkSize=datalength=1;datalength=this.getter(0).length;chunkSize=datalength;out("LazyFiles on gzip forces download of the whole file when length is accessed")}this._length=datalength;this._chunkSize=chunkSize;this.lengthKnown=true}get length(){if(!this.lengthKnown){this.cacheLength()}return this._length}get chunkSize(){if(!this.lengthKnown){this.cacheLength()}return this._chunkSize}}if(globalThis.XMLHttpRequest){if(!ENVIRONMENT_IS_WORKER)abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");var lazyArray=new LazyUint8Array;var properties={isDevice:false,contents:lazyArray}}else{var properties={isDevice:false,url}}var node=FS.createFile(parent,name,properties,canRead,canWrite);if(properties.contents){node.contents=properties.contents}else if(properties.url){node.contents=null;node.url=properties.url}Object.defineProperties(node,{usedBytes:{get:function(){return this.contents.length}}});var stream_ops={};for(const[key,fn]of Object.entries(node.stream_ops)){stream_ops[key]=(...args)=>{FS.forceLoadFile(node);return fn(...args)}}function writeChunks(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=contents.length)return 0;var size=Math.min(contents.length-position,length);if(contents.slice){for(var i=0;i<size;i++){buffer[offset+i]=contents[position+i]}}else{for(var i=0;i<size;i++){buffer[offset+i]=contents.get(position+i)}}return size}stream_ops.read=(stream,buffer,offset,length,position)=>{FS.forceLoadFile(node);return writeChunks(stream,buffer,offset,length,position)};stream_ops.mmap=(stream,length,position,prot,flags)=>{FS.forceLoadFile(node);var ptr=mmapAlloc(length);if(!ptr){throw new FS.ErrnoError(48)}writeChunks(stream,HEAP8,ptr,length,position);return{ptr,allocated:true}};node.stream_ops=stream_ops;return node}};var SYSCALLS={currentUmask:18,calculateAt(dirfd,path,allowEmpty){if(PATH.isAbs(path)){return path}var dir;if(dirfd===-100){dir=FS.cwd()}else{var dirstream=SYSCALLS.getStreamFromFD(dirfd);dir=dirstream.path}if(path.length==0){if(!allowEmpty){throw new FS.ErrnoError(44)}return dir}return dir+"/"+path},writeStat(buf,stat){HEAPU32[buf>>2]=stat.dev;HEAPU32[buf+4>>2]=stat.mode;HEAPU32[buf+8>>2]=stat.nlink;HEAPU32[buf+12>>2]=stat.uid;HEAPU32[buf+16>>2]=stat.gid;HEAPU32[buf+20>>2]=stat.rdev;HEAP64[buf+24>>3]=BigInt(stat.size);HEAP32[buf+32>>2]=4096;HEAP32[buf+36>>2]=stat.blocks;var atime=stat.atime.getTime();var mtime=stat.mtime.getTime();var ctime=stat.ctime.getTime();HEAP64[buf+40>>3]=BigInt(Math.floor(atime/1e3));HEAPU32[buf+48>>2]=atime%1e3*1e3*1e3;HEAP64[buf+56>>3]=BigInt(Math.floor(mtime/1e3));HEAPU32[buf+64>>2]=mtime%1e3*1e3*1e3;HEAP64[buf+72>>3]=BigInt(Math.floor(ctime/1e3));HEAPU32[buf+80>>2]=ctime%1e3*1e3*1e3;HEAP64[buf+88>>3]=BigInt(stat.ino);return 0},writeStatFs(buf,stats){HEAPU32[buf+4>>2]=stats.bsize;HEAPU32[buf+60>>2]=stats.bsize;HEAP64[buf+8>>3]=BigInt(stats.blocks);HEAP64[buf+16>>3]=BigInt(stats.bfree);HEAP64[buf+24>>3]=BigInt(stats.bavail);HEAP64[buf+32>>3]=BigInt(stats.files);HEAP64[buf+40>>3]=BigInt(stats.ffree);HEAPU32[buf+48>>2]=stats.fsid;HEAPU32[buf+64>>2]=stats.flags;HEAPU32[buf+56>>2]=stats.namelen},doMsync(addr,stream,len,flags,offset){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}if(flags&2){return 0}var buffer=HEAPU8.subarray(addr,addr+len);FS.msync(stream,buffer,offset,len,flags)},getStreamFromFD(fd){var stream=FS.getStreamChecked(fd);return stream},varargs:undefined,getStr(ptr){var ret=UTF8ToString(ptr);return ret}};function _fd_close(fd){try{var stream=SYSCALLS.getStreamFromFD(fd);FS.close(stream);return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doReadv=(stream,iov,iovcnt,offset)=>{var ret=0;for(var i=0;i<iovcnt;i++){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];iov+=8;try{var curr=FS.read(stream,HEAP8,ptr,len,offset)}catch(e){if(ret>0&&e instanceof FS.ErrnoError&&(e.errno==6||e.errno==6)){break}throw e}if(curr<0)return-1;ret+=curr;if(curr<len)break;if(typeof offset!="undefined"){offset+=curr}}return ret};function _fd_read(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doReadv(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var INT53_MAX=9007199254740992;var INT53_MIN=-9007199254740992;var bigintToI53Checked=num=>num<INT53_MIN||num>INT53_MAX?NaN:Number(num);function _fd_seek(fd,offset,whence,newOffset){offset=bigintToI53Checked(offset);try{if(isNaN(offset))return 22;var stream=SYSCALLS.getStreamFromFD(fd);FS.llseek(stream,offset,whence);HEAP64[newOffset>>3]=BigInt(stream.position);if(stream.getdents&&offset===0&&whence===0)stream.getdents=null;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doWritev=(stream,iov,iovcnt,offset)=>{if(iovcnt==1){return FS.write(stream,HEAP8,HEAPU32[iov>>2],HEAPU32[iov+4>>2],offset)}var total=0;for(var i=0,p=iov;i<iovcnt;i++,p+=8){total+=HEAPU32[p+4>>2]}var view=new Uint8Array(total);var voff=0;for(var i=0;i<iovcnt;i++,iov+=8){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];view.set(HEAPU8.subarray(ptr,ptr+len),voff);voff+=len}return FS.write(stream,view,0,total,offset)};function _fd_write(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doWritev(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var wasmTableMirror=[];var getWasmTableEntry=funcPtr=>{var func=wasmTableMirror[funcPtr];if(!func){wasmTableMirror[funcPtr]=func=wasmTable.get(funcPtr)}return func};var stringToUTF8=(str,outPtr,maxBytesToWrite)=>stringToUTF8Array(str,HEAPU8,outPtr,maxBytesToWrite);FS.createPreloadedFile=FS_createPreloadedFile;FS.preloadFile=FS_preloadFile;FS.staticInit();{if(Module["noExitRuntime"])noExitRuntime=Module["noExitRuntime"];if(Module["print"])out=Module["print"];if(Module["printErr"])err=Module["printErr"];if(Module["arguments"])programArgs=Module["arguments"];if(Module["thisProgram"])thisProgram=Module["thisProgram"];var preInit=Module["preInit"];if(preInit){if(typeof preInit=="function")Module["preInit"]=preInit=[preInit];while(preInit.length>0){preInit.shift()()}}}Module["getValue"]=getValue;Module["UTF8ToString"]=UTF8ToString;Module["stringToUTF8"]=stringToUTF8;Module["lengthBytesUTF8"]=lengthBytesUTF8;var _wasm_parse_query,_malloc,_free,_wasm_parse_query_raw,_wasm_free_parse_result,_wasm_parse_plpgsql,_wasm_fingerprint,_wasm_normalize_query,_wasm_parse_query_detailed,_wasm_free_detailed_result,_wasm_scan,_wasm_free_string,__emscripten_timeout,_setThrew,__emscripten_stack_restore,_emscripten_stack_get_current,memory,__indirect_function_table,wasmMemory,wasmTable;function assignWasmExports(wasmExports){_wasm_parse_query=Module["_wasm_parse_query"]=wasmExports["B"];_malloc=Module["_malloc"]=wasmExports["C"];_free=Module["_free"]=wasmExports["E"];_wasm_parse_query_raw=Module["_wasm_parse_query_raw"]=wasmExports["F"];_wasm_free_parse_result=Module["_wasm_free_parse_result"]=wasmExports["G"];_wasm_parse_plpgsql=Module["_wasm_parse_plpgsql"]=wasmExports["H"];_wasm_fingerprint=Module["_wasm_fingerprint"]=wasmExports["I"];_wasm_normalize_query=Module["_wasm_normalize_query"]=wasmExports["J"];_wasm_parse_query_detailed=Module["_wasm_parse_query_detailed"]=wasmExports["K"];_wasm_free_detailed_result=Module["_wasm_free_detailed_result"]=wasmExports["L"];_wasm_scan=Module["_wasm_scan"]=wasmExports["M"];_wasm_free_string=Module["_wasm_free_string"]=wasmExports["N"];__emscripten_timeout=wasmExports["O"];_setThrew=wasmExports["P"];__emscripten_stack_restore=wasmExports["Q"];_emscripten_stack_get_current=wasmExports["R"];memory=wasmMemory=wasmExports["z"];__indirect_function_table=wasmTable=wasmExports["D"]}var wasmImports={c:___assert_fail,x:__abort_js,w:__emscripten_runtime_keepalive_clear,p:__emscripten_throw_longjmp,o:__setitimer_js,q:_emscripten_resize_heap,m:_exit,u:_fd_close,r:_fd_read,s:_fd_seek,t:_fd_write,g:invoke_i,b:invoke_ii,a:invoke_iii,d:invoke_iiii,k:invoke_iiiii,l:invoke_ji,e:invoke_v,f:invoke_vi,h:invoke_vii,j:invoke_viii,i:invoke_viiii,y:invoke_viiiii,n:invoke_viiiiiiiiiiiii,v:_proc_exit};function invoke_iii(index,a1,a2){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_ii(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_i(index){var sp=stackSave();try{return getWasmTableEntry(index)()}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_v(index){var sp=stackSave();try{getWasmTableEntry(index)()}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_iiii(index,a1,a2,a3){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viiii(index,a1,a2,a3,a4){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viiiiiiiiiiiii(index,a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_iiiii(index,a1,a2,a3,a4){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3,a4)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viii(index,a1,a2,a3){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_vi(index,a1){var sp=stackSave();try{getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_vii(index,a1,a2){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viiiii(index,a1,a2,a3,a4,a5){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_ji(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);return 0n}}async function run(){preRun();if(runDependencies){await resolveRunDependencies()}var setStatus=Module["setStatus"];if(setStatus){setStatus("Running...");await new Promise(resolve=>setTimeout(resolve,1));setTimeout(setStatus,1,"")}if(ABORT)return;initRuntime();Module["onRuntimeInitialized"]?.();postRun()}var wasmExports;wasmExports=await createWasm();await run();
;return Module}})();if(true){module.exports=PgQueryModule;module.exports["default"]=PgQueryModule}else {}


/***/ }),

/***/ 785:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// This is an empty module that is served up when outside of a workerd environment
// See the `exports` field in package.json
exports["default"] = {};
//# sourceMappingURL=empty.js.map

/***/ }),

/***/ 26122:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



//Parse method copied from https://github.com/brianc/node-postgres
//Copyright (c) 2010-2014 Brian Carlson (brian.m.carlson@gmail.com)
//MIT License

//parses a connection string
function parse(str, options = {}) {
  //unix socket
  if (str.charAt(0) === '/') {
    const config = str.split(' ')
    return { host: config[0], database: config[1] }
  }

  // Check for empty host in URL

  const config = Object.create(null)
  let result
  let dummyHost = false
  if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
    // Ensure spaces are encoded as %20
    str = encodeURI(str).replace(/%25(\d\d)/g, '%$1')
  }

  try {
    try {
      result = new URL(str, 'postgres://base')
    } catch (e) {
      // The URL is invalid so try again with a dummy host
      result = new URL(str.replace('@/', '@___DUMMY___/'), 'postgres://base')
      dummyHost = true
    }
  } catch (err) {
    // Remove the input from the error message to avoid leaking sensitive information
    err.input && (err.input = '*****REDACTED*****')
    throw err
  }

  // We'd like to use Object.fromEntries() here but Node.js 10 does not support it
  for (const entry of result.searchParams.entries()) {
    config[entry[0]] = entry[1]
  }

  config.user = config.user || decodeURIComponent(result.username)
  config.password = config.password || decodeURIComponent(result.password)

  if (result.protocol == 'socket:') {
    config.host = decodeURI(result.pathname)
    config.database = result.searchParams.get('db')
    config.client_encoding = result.searchParams.get('encoding')
    return config
  }
  const hostname = (dummyHost ? '' : result.hostname).replace(/^\[(.+)\]$/, '$1')
  if (!config.host) {
    // Only set the host if there is no equivalent query param.
    config.host = decodeURIComponent(hostname)
  } else if (hostname && /^%2f/i.test(hostname)) {
    // Only prepend the hostname to the pathname if it is not a URL encoded Unix socket host.
    result.pathname = hostname + result.pathname
  }
  if (!config.port) {
    // Only set the port if there is no equivalent query param.
    config.port = result.port
  }

  const pathname = result.pathname.slice(1) || null
  config.database = pathname ? decodeURI(pathname) : null

  if (config.ssl === 'true' || config.ssl === '1') {
    config.ssl = true
  }

  if (config.ssl === '0') {
    config.ssl = false
  }

  if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
    config.ssl = {}
  }

  // sslnegotiation=direct implies SSL is in use (libpq requires sslmode>=require),
  // so enable SSL if the connection string did not otherwise configure it.
  if (config.sslnegotiation === 'direct' && config.ssl === undefined) {
    config.ssl = true
  }

  // Only try to load fs if we expect to read from the disk
  const fs = config.sslcert || config.sslkey || config.sslrootcert ? __webpack_require__(79896) : null

  if (config.sslcert) {
    config.ssl.cert = fs.readFileSync(config.sslcert).toString()
  }

  if (config.sslkey) {
    config.ssl.key = fs.readFileSync(config.sslkey).toString()
  }

  if (config.sslrootcert) {
    config.ssl.ca = fs.readFileSync(config.sslrootcert).toString()
  }

  if (options.useLibpqCompat && config.uselibpqcompat) {
    throw new Error('Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.')
  }

  if (config.uselibpqcompat === 'true' || options.useLibpqCompat) {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer': {
        config.ssl.rejectUnauthorized = false
        break
      }
      case 'require': {
        if (config.sslrootcert) {
          // If a root CA is specified, behavior of `sslmode=require` will be the same as that of `verify-ca`
          config.ssl.checkServerIdentity = function () {}
        } else {
          config.ssl.rejectUnauthorized = false
        }
        break
      }
      case 'verify-ca': {
        if (!config.ssl.ca) {
          throw new Error(
            'SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security.'
          )
        }
        config.ssl.checkServerIdentity = function () {}
        break
      }
      case 'verify-full': {
        break
      }
    }
  } else {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer':
      case 'require':
      case 'verify-ca':
      case 'verify-full': {
        if (config.sslmode !== 'verify-full') {
          deprecatedSslModeWarning(config.sslmode)
        }
        break
      }
      case 'no-verify': {
        config.ssl.rejectUnauthorized = false
        break
      }
    }
  }

  return config
}

// convert pg-connection-string ssl config to a ClientConfig.ConnectionOptions
function toConnectionOptions(sslConfig) {
  const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
    // we explicitly check for undefined and null instead of `if (value)` because some
    // options accept falsy values. Example: `ssl.rejectUnauthorized = false`
    if (value !== undefined && value !== null) {
      c[key] = value
    }

    return c
  }, Object.create(null))

  return connectionOptions
}

// convert pg-connection-string config to a ClientConfig
function toClientConfig(config) {
  const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
    if (key === 'ssl') {
      const sslConfig = value

      if (typeof sslConfig === 'boolean') {
        c[key] = sslConfig
      }

      if (typeof sslConfig === 'object') {
        c[key] = toConnectionOptions(sslConfig)
      }
    } else if (value !== undefined && value !== null) {
      if (key === 'port') {
        // when port is not specified, it is converted into an empty string
        // we want to avoid NaN or empty string as a values in ClientConfig
        if (value !== '') {
          const v = parseInt(value, 10)
          if (isNaN(v)) {
            throw new Error(`Invalid ${key}: ${value}`)
          }

          c[key] = v
        }
      } else {
        c[key] = value
      }
    }

    return c
  }, Object.create(null))

  return poolConfig
}

// parses a connection string into ClientConfig
function parseIntoClientConfig(str) {
  return toClientConfig(parse(str))
}

function deprecatedSslModeWarning(sslmode) {
  if (!deprecatedSslModeWarning.warned && typeof process !== 'undefined' && process.emitWarning) {
    deprecatedSslModeWarning.warned = true
    process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`)
  }
}

module.exports = parse

parse.parse = parse
parse.toClientConfig = toClientConfig
parse.parseIntoClientConfig = parseIntoClientConfig


/***/ }),

/***/ 62299:
/***/ ((module) => {



// selected so (BASE - 1) * 0x100000000 + 0xffffffff is a safe integer
var BASE = 1000000;

function readInt8(buffer) {
	var high = buffer.readInt32BE(0);
	var low = buffer.readUInt32BE(4);
	var sign = '';

	if (high < 0) {
		high = ~high + (low === 0);
		low = (~low + 1) >>> 0;
		sign = '-';
	}

	var result = '';
	var carry;
	var t;
	var digits;
	var pad;
	var l;
	var i;

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		t = 0x100000000 * carry + low;
		digits = '' + t % BASE;

		return sign + digits + result;
	}
}

module.exports = readInt8;


/***/ }),

/***/ 17558:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


const EventEmitter = (__webpack_require__(24434).EventEmitter)

const NOOP = function () {}

const removeWhere = (list, predicate) => {
  const i = list.findIndex(predicate)

  return i === -1 ? undefined : list.splice(i, 1)[0]
}

class IdleItem {
  constructor(client, idleListener, timeoutId) {
    this.client = client
    this.idleListener = idleListener
    this.timeoutId = timeoutId
  }
}

class PendingItem {
  constructor(callback) {
    this.callback = callback
  }
}

function throwOnDoubleRelease() {
  throw new Error('Release called on client which has already been released to the pool.')
}

function promisify(Promise, callback) {
  if (callback) {
    return { callback: callback, result: undefined }
  }
  let rej
  let res
  const cb = function (err, client) {
    err ? rej(err) : res(client)
  }
  const result = new Promise(function (resolve, reject) {
    res = resolve
    rej = reject
  }).catch((err) => {
    // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
    // application that created the query
    Error.captureStackTrace(err)
    throw err
  })
  return { callback: cb, result: result }
}

function makeIdleListener(pool, client) {
  return function idleListener(err) {
    err.client = client

    client.removeListener('error', idleListener)
    client.on('error', () => {
      pool.log('additional client error after disconnection due to error', err)
    })
    pool._remove(client)
    // TODO - document that once the pool emits an error
    // the client has already been closed & purged and is unusable
    pool.emit('error', err, client)
  }
}

class Pool extends EventEmitter {
  constructor(options, Client) {
    super()
    this.options = Object.assign({}, options)

    if (options != null && 'password' in options) {
      // "hiding" the password so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options, 'password', {
        configurable: true,
        enumerable: false,
        writable: true,
        value: options.password,
      })
    }
    if (options != null && options.ssl && options.ssl.key) {
      // "hiding" the ssl->key so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options.ssl, 'key', {
        enumerable: false,
      })
    }

    this.options.max = this.options.max || this.options.poolSize || 10
    this.options.min = this.options.min || 0
    this.options.maxUses = this.options.maxUses || Infinity
    this.options.allowExitOnIdle = this.options.allowExitOnIdle || false
    this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0
    this.log = this.options.log || function () {}
    this.Client = this.options.Client || Client || (__webpack_require__(13273).Client)
    this.Promise = this.options.Promise || global.Promise

    if (typeof this.options.idleTimeoutMillis === 'undefined') {
      this.options.idleTimeoutMillis = 10000
    }

    this._clients = []
    this._idle = []
    this._expired = new WeakSet()
    this._pendingQueue = []
    this._endCallback = undefined
    this.ending = false
    this.ended = false
  }

  _promiseTry(f) {
    const Promise = this.Promise
    if (typeof Promise.try === 'function') {
      return Promise.try(f)
    }
    return new Promise((resolve) => resolve(f()))
  }

  _isFull() {
    return this._clients.length >= this.options.max
  }

  _isAboveMin() {
    return this._clients.length > this.options.min
  }

  _pulseQueue() {
    this.log('pulse queue')
    if (this.ended) {
      this.log('pulse queue ended')
      return
    }
    if (this.ending) {
      this.log('pulse queue on ending')
      if (this._idle.length) {
        this._idle.slice().map((item) => {
          this._remove(item.client)
        })
      }
      if (!this._clients.length) {
        this.ended = true
        this._endCallback()
      }
      return
    }

    // if we don't have any waiting, do nothing
    if (!this._pendingQueue.length) {
      this.log('no queued requests')
      return
    }
    // if we don't have any idle clients and we have no more room do nothing
    if (!this._idle.length && this._isFull()) {
      return
    }
    const pendingItem = this._pendingQueue.shift()
    if (this._idle.length) {
      const idleItem = this._idle.pop()
      clearTimeout(idleItem.timeoutId)
      const client = idleItem.client
      client.ref && client.ref()
      const idleListener = idleItem.idleListener

      return this._acquireClient(client, pendingItem, idleListener, false)
    }
    if (!this._isFull()) {
      return this.newClient(pendingItem)
    }
    throw new Error('unexpected condition')
  }

  _remove(client, callback) {
    const removed = removeWhere(this._idle, (item) => item.client === client)

    if (removed !== undefined) {
      clearTimeout(removed.timeoutId)
    }

    this._clients = this._clients.filter((c) => c !== client)
    const context = this
    client.end(() => {
      context.emit('remove', client)

      if (typeof callback === 'function') {
        callback()
      }
    })
  }

  connect(cb) {
    if (this.ending) {
      const err = new Error('Cannot use a pool after calling end on the pool')
      return cb ? cb(err) : this.Promise.reject(err)
    }

    const response = promisify(this.Promise, cb)
    const result = response.result

    // if we don't have to connect a new client, don't do so
    if (this._isFull() || this._idle.length) {
      // if we have idle clients schedule a pulse immediately
      if (this._idle.length) {
        process.nextTick(() => this._pulseQueue())
      }

      if (!this.options.connectionTimeoutMillis) {
        this._pendingQueue.push(new PendingItem(response.callback))
        return result
      }

      const queueCallback = (err, res, done) => {
        clearTimeout(tid)
        response.callback(err, res, done)
      }

      const pendingItem = new PendingItem(queueCallback)

      // set connection timeout on checking out an existing client
      const tid = setTimeout(() => {
        // remove the callback from pending waiters because
        // we're going to call it with a timeout error
        removeWhere(this._pendingQueue, (i) => i.callback === queueCallback)
        pendingItem.timedOut = true
        response.callback(new Error('timeout exceeded when trying to connect'))
      }, this.options.connectionTimeoutMillis)

      if (tid.unref) {
        tid.unref()
      }

      this._pendingQueue.push(pendingItem)
      return result
    }

    this.newClient(new PendingItem(response.callback))

    return result
  }

  newClient(pendingItem) {
    const client = new this.Client(this.options)
    this._clients.push(client)
    const idleListener = makeIdleListener(this, client)

    this.log('checking client timeout')

    // connection timeout logic
    let tid
    let timeoutHit = false
    if (this.options.connectionTimeoutMillis) {
      tid = setTimeout(() => {
        if (client.connection) {
          this.log('ending client due to timeout')
          timeoutHit = true
          client.connection.stream.destroy()
        } else if (!client.isConnected()) {
          this.log('ending client due to timeout')
          timeoutHit = true
          // force kill the node driver, and let libpq do its teardown
          client.end()
        }
      }, this.options.connectionTimeoutMillis)
    }

    this.log('connecting new client')
    client.connect((err) => {
      if (tid) {
        clearTimeout(tid)
      }
      client.on('error', idleListener)
      if (err) {
        this.log('client failed to connect', err)
        // remove the dead client from our list of clients
        this._clients = this._clients.filter((c) => c !== client)
        if (timeoutHit) {
          err = new Error('Connection terminated due to connection timeout', { cause: err })
        }

        // this client won’t be released, so move on immediately
        this._pulseQueue()

        if (!pendingItem.timedOut) {
          pendingItem.callback(err, undefined, NOOP)
        }
      } else {
        this.log('new client connected')

        if (this.options.onConnect) {
          this._promiseTry(() => this.options.onConnect(client)).then(
            () => {
              this._afterConnect(client, pendingItem, idleListener)
            },
            (hookErr) => {
              this._clients = this._clients.filter((c) => c !== client)
              client.end(() => {
                this._pulseQueue()
                if (!pendingItem.timedOut) {
                  pendingItem.callback(hookErr, undefined, NOOP)
                }
              })
            }
          )
          return
        }

        return this._afterConnect(client, pendingItem, idleListener)
      }
    })
  }

  _afterConnect(client, pendingItem, idleListener) {
    if (this.options.maxLifetimeSeconds !== 0) {
      const maxLifetimeTimeout = setTimeout(() => {
        this.log('ending client due to expired lifetime')
        this._expired.add(client)
        const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client)
        if (idleIndex !== -1) {
          this._acquireClient(
            client,
            new PendingItem((err, client, clientRelease) => clientRelease()),
            idleListener,
            false
          )
        }
      }, this.options.maxLifetimeSeconds * 1000)

      maxLifetimeTimeout.unref()
      client.once('end', () => clearTimeout(maxLifetimeTimeout))
    }

    return this._acquireClient(client, pendingItem, idleListener, true)
  }

  // acquire a client for a pending work item
  _acquireClient(client, pendingItem, idleListener, isNew) {
    if (isNew) {
      this.emit('connect', client)
    }

    this.emit('acquire', client)

    client.release = this._releaseOnce(client, idleListener)

    client.removeListener('error', idleListener)

    if (!pendingItem.timedOut) {
      if (isNew && this.options.verify) {
        this.options.verify(client, (err) => {
          if (err) {
            client.release(err)
            return pendingItem.callback(err, undefined, NOOP)
          }

          pendingItem.callback(undefined, client, client.release)
        })
      } else {
        pendingItem.callback(undefined, client, client.release)
      }
    } else {
      if (isNew && this.options.verify) {
        this.options.verify(client, client.release)
      } else {
        client.release()
      }
    }
  }

  // returns a function that wraps _release and throws if called more than once
  _releaseOnce(client, idleListener) {
    let released = false

    return (err) => {
      if (released) {
        throwOnDoubleRelease()
      }

      released = true
      this._release(client, idleListener, err)
    }
  }

  // release a client back to the poll, include an error
  // to remove it from the pool
  _release(client, idleListener, err) {
    client.on('error', idleListener)

    client._poolUseCount = (client._poolUseCount || 0) + 1

    this.emit('release', err, client)

    // TODO(bmc): expose a proper, public interface _queryable and _ending
    if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
      if (client._poolUseCount >= this.options.maxUses) {
        this.log('remove expended client')
      }

      return this._remove(client, this._pulseQueue.bind(this))
    }

    const isExpired = this._expired.has(client)
    if (isExpired) {
      this.log('remove expired client')
      this._expired.delete(client)
      return this._remove(client, this._pulseQueue.bind(this))
    }

    // idle timeout
    let tid
    if (this.options.idleTimeoutMillis && this._isAboveMin()) {
      tid = setTimeout(() => {
        if (this._isAboveMin()) {
          this.log('remove idle client')
          this._remove(client, this._pulseQueue.bind(this))
        }
      }, this.options.idleTimeoutMillis)

      if (this.options.allowExitOnIdle) {
        // allow Node to exit if this is all that's left
        tid.unref()
      }
    }

    if (this.options.allowExitOnIdle) {
      client.unref()
    }

    this._idle.push(new IdleItem(client, idleListener, tid))
    this._pulseQueue()
  }

  query(text, values, cb) {
    // guard clause against passing a function as the first parameter
    if (typeof text === 'function') {
      const response = promisify(this.Promise, text)
      setImmediate(function () {
        return response.callback(new Error('Passing a function as the first parameter to pool.query is not supported'))
      })
      return response.result
    }

    // allow plain text query without values, but callback
    if (typeof values === 'function') {
      cb = values
      values = undefined
    }
    const response = promisify(this.Promise, cb)
    cb = response.callback

    this.connect((err, client) => {
      if (err) {
        return cb(err)
      }

      let clientReleased = false
      const onError = (err) => {
        if (clientReleased) {
          return
        }
        clientReleased = true
        client.release(err)
        cb(err)
      }

      client.once('error', onError)
      this.log('dispatching query')
      try {
        client.query(text, values, (err, res) => {
          this.log('query dispatched')
          client.removeListener('error', onError)
          if (clientReleased) {
            return
          }
          clientReleased = true
          client.release(err)
          if (err) {
            return cb(err)
          }
          return cb(undefined, res)
        })
      } catch (err) {
        client.release(err)
        return cb(err)
      }
    })
    return response.result
  }

  end(cb) {
    this.log('ending')
    if (this.ending) {
      const err = new Error('Called end on pool more than once')
      return cb ? cb(err) : this.Promise.reject(err)
    }
    this.ending = true
    const promised = promisify(this.Promise, cb)
    this._endCallback = promised.callback
    this._pulseQueue()
    return promised.result
  }

  get waitingCount() {
    return this._pendingQueue.length
  }

  get idleCount() {
    return this._idle.length
  }

  get expiredCount() {
    return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0)
  }

  get totalCount() {
    return this._clients.length
  }
}
module.exports = Pool


/***/ }),

/***/ 19971:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BufferReader = void 0;
class BufferReader {
    constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        // TODO(bmc): support non-utf8 encoding?
        this.encoding = 'utf-8';
    }
    setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
    }
    int16() {
        const result = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result;
    }
    byte() {
        const result = this.buffer[this.offset];
        this.offset++;
        return result;
    }
    int32() {
        const result = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    uint32() {
        const result = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    string(length) {
        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
    cstring() {
        const start = this.offset;
        let end = start;
        // eslint-disable-next-line no-empty
        while (this.buffer[end++]) { }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
    }
    bytes(length) {
        const result = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
}
exports.BufferReader = BufferReader;
//# sourceMappingURL=buffer-reader.js.map

/***/ }),

/***/ 49315:
/***/ ((__unused_webpack_module, exports) => {


//binary data writer tuned for encoding binary specific to the postgres binary protocol
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Writer = void 0;
class Writer {
    constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
    }
    ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
            const oldBuffer = this.buffer;
            // exponential growth factor of around ~ 1.5
            // https://stackoverflow.com/questions/2269063/buffer-growth-strategy
            const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
            this.buffer = Buffer.allocUnsafe(newSize);
            oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
    }
    addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = (num >>> 24) & 0xff;
        this.buffer[this.offset++] = (num >>> 16) & 0xff;
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addCString(string) {
        if (!string) {
            this.ensure(1);
        }
        else {
            const len = Buffer.byteLength(string);
            this.ensure(len + 1); // +1 for null terminator
            this.buffer.write(string, this.offset, 'utf-8');
            this.offset += len;
        }
        this.buffer[this.offset++] = 0; // null terminator
        return this;
    }
    addString(string = '') {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
    }
    // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
    // bytes. Postgres' Bind wire format prefixes every parameter with its length,
    // and doing it in one method computes Buffer.byteLength ONCE — the previous
    // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
    // three times (byteLength for the prefix, byteLength again inside addString,
    // then the encode), which is costly for large text parameters.
    addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = (len >>> 24) & 0xff;
        buffer[offset++] = (len >>> 16) & 0xff;
        buffer[offset++] = (len >>> 8) & 0xff;
        buffer[offset++] = (len >>> 0) & 0xff;
        buffer.write(string, offset, 'utf-8');
        this.offset = offset + len;
        return this;
    }
    add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
    }
    /**
     * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
     */
    reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
    }
    join(code) {
        if (code) {
            this.buffer[this.headerPosition] = code;
            //length is everything in this packet minus the code
            const length = this.offset - (this.headerPosition + 1);
            this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code ? 0 : 5, this.offset);
    }
    flush(code) {
        const result = this.join(code);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result;
    }
    clear() {
        this.offset = 5;
        this.headerPosition = 0;
    }
}
exports.Writer = Writer;
//# sourceMappingURL=buffer-writer.js.map

/***/ }),

/***/ 74233:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatabaseError = exports.serialize = void 0;
exports.parse = parse;
const messages_1 = __webpack_require__(85809);
Object.defineProperty(exports, "DatabaseError", ({ enumerable: true, get: function () { return messages_1.DatabaseError; } }));
const serializer_1 = __webpack_require__(76513);
Object.defineProperty(exports, "serialize", ({ enumerable: true, get: function () { return serializer_1.serialize; } }));
const parser_1 = __webpack_require__(43318);
function parse(stream, callback) {
    const parser = new parser_1.Parser();
    stream.on('data', (buffer) => parser.parse(buffer, callback));
    return new Promise((resolve) => stream.on('end', () => resolve()));
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 85809:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
exports.parseComplete = {
    name: 'parseComplete',
    length: 5,
};
exports.bindComplete = {
    name: 'bindComplete',
    length: 5,
};
exports.closeComplete = {
    name: 'closeComplete',
    length: 5,
};
exports.noData = {
    name: 'noData',
    length: 5,
};
exports.portalSuspended = {
    name: 'portalSuspended',
    length: 5,
};
exports.replicationStart = {
    name: 'replicationStart',
    length: 4,
};
exports.emptyQuery = {
    name: 'emptyQuery',
    length: 4,
};
exports.copyDone = {
    name: 'copyDone',
    length: 4,
};
class DatabaseError extends Error {
    constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
    }
}
exports.DatabaseError = DatabaseError;
class CopyDataMessage {
    constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = 'copyData';
    }
}
exports.CopyDataMessage = CopyDataMessage;
class CopyResponse {
    constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
    }
}
exports.CopyResponse = CopyResponse;
class Field {
    constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
    }
}
exports.Field = Field;
class RowDescriptionMessage {
    constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = 'rowDescription';
        this.fields = new Array(this.fieldCount);
    }
}
exports.RowDescriptionMessage = RowDescriptionMessage;
class ParameterDescriptionMessage {
    constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = 'parameterDescription';
        this.dataTypeIDs = new Array(this.parameterCount);
    }
}
exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
class ParameterStatusMessage {
    constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = 'parameterStatus';
    }
}
exports.ParameterStatusMessage = ParameterStatusMessage;
class AuthenticationMD5Password {
    constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = 'authenticationMD5Password';
    }
}
exports.AuthenticationMD5Password = AuthenticationMD5Password;
class BackendKeyDataMessage {
    constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = 'backendKeyData';
    }
}
exports.BackendKeyDataMessage = BackendKeyDataMessage;
class NotificationResponseMessage {
    constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = 'notification';
    }
}
exports.NotificationResponseMessage = NotificationResponseMessage;
class ReadyForQueryMessage {
    constructor(length, status) {
        this.length = length;
        this.status = status;
        this.name = 'readyForQuery';
    }
}
exports.ReadyForQueryMessage = ReadyForQueryMessage;
class CommandCompleteMessage {
    constructor(length, text) {
        this.length = length;
        this.text = text;
        this.name = 'commandComplete';
    }
}
exports.CommandCompleteMessage = CommandCompleteMessage;
class DataRowMessage {
    constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = 'dataRow';
        this.fieldCount = fields.length;
    }
}
exports.DataRowMessage = DataRowMessage;
class NoticeMessage {
    constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = 'notice';
    }
}
exports.NoticeMessage = NoticeMessage;
//# sourceMappingURL=messages.js.map

/***/ }),

/***/ 43318:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const messages_1 = __webpack_require__(85809);
const buffer_reader_1 = __webpack_require__(19971);
// every message is prefixed with a single byte
const CODE_LENGTH = 1;
// every message has an int32 length which includes itself but does
// NOT include the code in the length
const LEN_LENGTH = 4;
const HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
// A placeholder for a `BackendMessage`’s length value that will be set after construction.
const LATEINIT_LENGTH = -1;
const emptyBuffer = Buffer.allocUnsafe(0);
class Parser {
    constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === 'binary') {
            throw new Error('Binary mode not supported yet');
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || 'text';
    }
    parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
            // code is 1 byte long - it identifies the message type
            const code = this.buffer[offset];
            // length is 1 Uint32BE - it is the length of the message EXCLUDING the code
            const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
            const fullMessageLength = CODE_LENGTH + length;
            if (fullMessageLength + offset <= bufferFullLength) {
                const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
                callback(message);
                offset += fullMessageLength;
            }
            else {
                break;
            }
        }
        if (offset === bufferFullLength) {
            // No more use for the buffer
            this.buffer = emptyBuffer;
            this.bufferLength = 0;
            this.bufferOffset = 0;
        }
        else {
            // Adjust the cursors of remainingBuffer
            this.bufferLength = bufferFullLength - offset;
            this.bufferOffset = offset;
        }
    }
    mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
            const newLength = this.bufferLength + buffer.byteLength;
            const newFullLength = newLength + this.bufferOffset;
            if (newFullLength > this.buffer.byteLength) {
                // We can't concat the new buffer with the remaining one
                let newBuffer;
                if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
                    // We can move the relevant part to the beginning of the buffer instead of allocating a new buffer
                    newBuffer = this.buffer;
                }
                else {
                    // Allocate a new larger buffer
                    let newBufferLength = this.buffer.byteLength * 2;
                    while (newLength >= newBufferLength) {
                        newBufferLength *= 2;
                    }
                    newBuffer = Buffer.allocUnsafe(newBufferLength);
                }
                // Move the remaining buffer to the new one
                this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
                this.buffer = newBuffer;
                this.bufferOffset = 0;
            }
            // Concat the new buffer with the remaining one
            buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
            this.bufferLength = newLength;
        }
        else {
            this.buffer = buffer;
            this.bufferOffset = 0;
            this.bufferLength = buffer.byteLength;
        }
    }
    handlePacket(offset, code, length, bytes) {
        const { reader } = this;
        // NOTE: This undesirably retains the buffer in `this.reader` if the `parse*Message` calls below throw. However, those should only throw in the case of a protocol error, which normally results in the reader being discarded.
        reader.setBuffer(offset, bytes);
        let message;
        switch (code) {
            case 50 /* MessageCodes.BindComplete */:
                message = messages_1.bindComplete;
                break;
            case 49 /* MessageCodes.ParseComplete */:
                message = messages_1.parseComplete;
                break;
            case 51 /* MessageCodes.CloseComplete */:
                message = messages_1.closeComplete;
                break;
            case 110 /* MessageCodes.NoData */:
                message = messages_1.noData;
                break;
            case 115 /* MessageCodes.PortalSuspended */:
                message = messages_1.portalSuspended;
                break;
            case 99 /* MessageCodes.CopyDone */:
                message = messages_1.copyDone;
                break;
            case 87 /* MessageCodes.ReplicationStart */:
                message = messages_1.replicationStart;
                break;
            case 73 /* MessageCodes.EmptyQuery */:
                message = messages_1.emptyQuery;
                break;
            case 68 /* MessageCodes.DataRow */:
                message = parseDataRowMessage(reader);
                break;
            case 67 /* MessageCodes.CommandComplete */:
                message = parseCommandCompleteMessage(reader);
                break;
            case 90 /* MessageCodes.ReadyForQuery */:
                message = parseReadyForQueryMessage(reader);
                break;
            case 65 /* MessageCodes.NotificationResponse */:
                message = parseNotificationMessage(reader);
                break;
            case 82 /* MessageCodes.AuthenticationResponse */:
                message = parseAuthenticationResponse(reader, length);
                break;
            case 83 /* MessageCodes.ParameterStatus */:
                message = parseParameterStatusMessage(reader);
                break;
            case 75 /* MessageCodes.BackendKeyData */:
                message = parseBackendKeyData(reader);
                break;
            case 69 /* MessageCodes.ErrorMessage */:
                message = parseErrorMessage(reader, 'error');
                break;
            case 78 /* MessageCodes.NoticeMessage */:
                message = parseErrorMessage(reader, 'notice');
                break;
            case 84 /* MessageCodes.RowDescriptionMessage */:
                message = parseRowDescriptionMessage(reader);
                break;
            case 116 /* MessageCodes.ParameterDescriptionMessage */:
                message = parseParameterDescriptionMessage(reader);
                break;
            case 71 /* MessageCodes.CopyIn */:
                message = parseCopyInMessage(reader);
                break;
            case 72 /* MessageCodes.CopyOut */:
                message = parseCopyOutMessage(reader);
                break;
            case 100 /* MessageCodes.CopyData */:
                message = parseCopyData(reader, length);
                break;
            default:
                return new messages_1.DatabaseError('received invalid response: ' + code.toString(16), length, 'error');
        }
        reader.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
    }
}
exports.Parser = Parser;
const parseReadyForQueryMessage = (reader) => {
    const status = reader.string(1);
    return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
};
const parseCommandCompleteMessage = (reader) => {
    const text = reader.cstring();
    return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
};
const parseCopyData = (reader, length) => {
    const chunk = reader.bytes(length - 4);
    return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
};
const parseCopyInMessage = (reader) => parseCopyMessage(reader, 'copyInResponse');
const parseCopyOutMessage = (reader) => parseCopyMessage(reader, 'copyOutResponse');
const parseCopyMessage = (reader, messageName) => {
    const isBinary = reader.byte() !== 0;
    const columnCount = reader.int16();
    const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
    for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader.int16();
    }
    return message;
};
const parseNotificationMessage = (reader) => {
    const processId = reader.int32();
    const channel = reader.cstring();
    const payload = reader.cstring();
    return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
};
const parseRowDescriptionMessage = (reader) => {
    const fieldCount = reader.int16();
    const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader);
    }
    return message;
};
const parseField = (reader) => {
    const name = reader.cstring();
    const tableID = reader.uint32();
    const columnID = reader.int16();
    const dataTypeID = reader.uint32();
    const dataTypeSize = reader.int16();
    const dataTypeModifier = reader.int32();
    const mode = reader.int16() === 0 ? 'text' : 'binary';
    return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
};
const parseParameterDescriptionMessage = (reader) => {
    const parameterCount = reader.int16();
    const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
    for (let i = 0; i < parameterCount; i++) {
        // OIDs are unsigned, same as dataTypeID in parseField above
        message.dataTypeIDs[i] = reader.uint32();
    }
    return message;
};
const parseDataRowMessage = (reader) => {
    const fieldCount = reader.int16();
    const fields = new Array(fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        const len = reader.int32();
        // a -1 for length means the value of the field is null
        fields[i] = len === -1 ? null : reader.string(len);
    }
    return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
};
const parseParameterStatusMessage = (reader) => {
    const name = reader.cstring();
    const value = reader.cstring();
    return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
};
const parseBackendKeyData = (reader) => {
    const processID = reader.int32();
    const secretKey = reader.int32();
    return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
};
const parseAuthenticationResponse = (reader, length) => {
    const code = reader.int32();
    // TODO(bmc): maybe better types here
    const message = {
        name: 'authenticationOk',
        length,
    };
    switch (code) {
        case 0: // AuthenticationOk
            break;
        case 3: // AuthenticationCleartextPassword
            if (message.length === 8) {
                message.name = 'authenticationCleartextPassword';
            }
            break;
        case 5: // AuthenticationMD5Password
            if (message.length === 12) {
                message.name = 'authenticationMD5Password';
                const salt = reader.bytes(4);
                return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
            }
            break;
        case 10: // AuthenticationSASL
            {
                message.name = 'authenticationSASL';
                message.mechanisms = [];
                let mechanism;
                do {
                    mechanism = reader.cstring();
                    if (mechanism) {
                        message.mechanisms.push(mechanism);
                    }
                } while (mechanism);
            }
            break;
        case 11: // AuthenticationSASLContinue
            message.name = 'authenticationSASLContinue';
            message.data = reader.string(length - 8);
            break;
        case 12: // AuthenticationSASLFinal
            message.name = 'authenticationSASLFinal';
            message.data = reader.string(length - 8);
            break;
        default:
            throw new Error('Unknown authenticationOk message type ' + code);
    }
    return message;
};
const parseErrorMessage = (reader, name) => {
    const fields = {};
    let fieldType = reader.string(1);
    while (fieldType !== '\0') {
        fields[fieldType] = reader.cstring();
        fieldType = reader.string(1);
    }
    const messageValue = fields.M;
    const message = name === 'notice'
        ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue)
        : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
    message.severity = fields.S;
    message.code = fields.C;
    message.detail = fields.D;
    message.hint = fields.H;
    message.position = fields.P;
    message.internalPosition = fields.p;
    message.internalQuery = fields.q;
    message.where = fields.W;
    message.schema = fields.s;
    message.table = fields.t;
    message.column = fields.c;
    message.dataType = fields.d;
    message.constraint = fields.n;
    message.file = fields.F;
    message.line = fields.L;
    message.routine = fields.R;
    return message;
};
//# sourceMappingURL=parser.js.map

/***/ }),

/***/ 76513:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.serialize = void 0;
const buffer_writer_1 = __webpack_require__(49315);
const writer = new buffer_writer_1.Writer();
const startup = (opts) => {
    // protocol version
    writer.addInt16(3).addInt16(0);
    for (const key of Object.keys(opts)) {
        writer.addCString(key).addCString(opts[key]);
    }
    writer.addCString('client_encoding').addCString('UTF8');
    const bodyBuffer = writer.addCString('').flush();
    // this message is sent without a code
    const length = bodyBuffer.length + 4;
    return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
};
const requestSsl = () => {
    const response = Buffer.allocUnsafe(8);
    response.writeInt32BE(8, 0);
    response.writeInt32BE(80877103, 4);
    return response;
};
const password = (password) => {
    return writer.addCString(password).flush(112 /* code.startup */);
};
const sendSASLInitialResponseMessage = function (mechanism, initialResponse) {
    // 0x70 = 'p'
    writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
    return writer.flush(112 /* code.startup */);
};
const sendSCRAMClientFinalMessage = function (additionalData) {
    return writer.addString(additionalData).flush(112 /* code.startup */);
};
const query = (text) => {
    return writer.addCString(text).flush(81 /* code.query */);
};
const emptyArray = [];
const parse = (query) => {
    // expect something like this:
    // { name: 'queryName',
    //   text: 'select * from blah',
    //   types: ['int8', 'bool'] }
    // normalize missing query names to allow for null
    const name = query.name || '';
    if (name.length > 63) {
        console.error('Warning! Postgres only supports 63 characters for query names.');
        console.error('You supplied %s (%s)', name, name.length);
        console.error('This can cause conflicts and silent errors executing queries');
    }
    const types = query.types || emptyArray;
    const len = types.length;
    const buffer = writer
        .addCString(name) // name of query
        .addCString(query.text) // actual query text
        .addInt16(len);
    for (let i = 0; i < len; i++) {
        buffer.addInt32(types[i]);
    }
    return writer.flush(80 /* code.parse */);
};
const writeValues = function (values, valueMapper, formatsOffset) {
    const len = values.length;
    for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0 /* ParamType.STRING */;
        if (mappedVal == null) {
            // write -1 to indicate null
            writer.addInt32(-1);
        }
        else if (mappedVal instanceof Buffer) {
            formatByte = 1 /* ParamType.BINARY */;
            // add the buffer to the param writer
            writer.addInt32(mappedVal.length);
            writer.add(mappedVal);
        }
        else {
            // length prefix + UTF-8 bytes in one pass (Buffer.byteLength computed once)
            writer.addInt32PrefixedString(mappedVal);
        }
        // beware: `writer` operations can replace `writer.buffer` with a new buffer
        const buf = writer.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
    }
};
const bind = (config = {}) => {
    // normalize config
    const portal = config.portal || '';
    const statement = config.statement || '';
    const binary = config.binary || false;
    const values = config.values || emptyArray;
    const len = values.length;
    writer.addCString(portal).addCString(statement);
    // number of parameter format codes
    writer.addInt16(len);
    // space for those codes, filled by `writeValues`
    const formatsOffset = writer.reserveUnsafe(len * 2);
    // number of parameter values
    writer.addInt16(len);
    try {
        writeValues(values, config.valueMapper, formatsOffset);
    }
    catch (err) {
        writer.clear();
        throw err;
    }
    // all results use the same format code
    writer.addInt16(1);
    // format code
    writer.addInt16(binary ? 1 /* ParamType.BINARY */ : 0 /* ParamType.STRING */);
    return writer.flush(66 /* code.bind */);
};
const emptyExecute = Buffer.from([69 /* code.execute */, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00]);
const execute = (config) => {
    // this is the happy path for most queries
    if (!config || (!config.portal && !config.rows)) {
        return emptyExecute;
    }
    const portal = config.portal || '';
    const rows = config.rows || 0;
    const portalLength = Buffer.byteLength(portal);
    const len = 4 + portalLength + 1 + 4;
    // one extra bit for code
    const buff = Buffer.allocUnsafe(1 + len);
    buff[0] = 69 /* code.execute */;
    buff.writeInt32BE(len, 1);
    buff.write(portal, 5, 'utf-8');
    buff[portalLength + 5] = 0; // null terminate portal cString
    buff.writeUInt32BE(rows, buff.length - 4);
    return buff;
};
const cancel = (processID, secretKey) => {
    const buffer = Buffer.allocUnsafe(16);
    buffer.writeInt32BE(16, 0);
    buffer.writeInt16BE(1234, 4);
    buffer.writeInt16BE(5678, 6);
    buffer.writeInt32BE(processID, 8);
    buffer.writeInt32BE(secretKey, 12);
    return buffer;
};
const cstringMessage = (code, string) => {
    const stringLen = Buffer.byteLength(string);
    const len = 4 + stringLen + 1;
    // one extra bit for code
    const buffer = Buffer.allocUnsafe(1 + len);
    buffer[0] = code;
    buffer.writeInt32BE(len, 1);
    buffer.write(string, 5, 'utf-8');
    buffer[len] = 0; // null terminate cString
    return buffer;
};
const emptyDescribePortal = writer.addCString('P').flush(68 /* code.describe */);
const emptyDescribeStatement = writer.addCString('S').flush(68 /* code.describe */);
const describe = (msg) => {
    return msg.name
        ? cstringMessage(68 /* code.describe */, `${msg.type}${msg.name || ''}`)
        : msg.type === 'P'
            ? emptyDescribePortal
            : emptyDescribeStatement;
};
const close = (msg) => {
    const text = `${msg.type}${msg.name || ''}`;
    return cstringMessage(67 /* code.close */, text);
};
const copyData = (chunk) => {
    return writer.add(chunk).flush(100 /* code.copyFromChunk */);
};
const copyFail = (message) => {
    return cstringMessage(102 /* code.copyFail */, message);
};
const codeOnlyBuffer = (code) => Buffer.from([code, 0x00, 0x00, 0x00, 0x04]);
const flushBuffer = codeOnlyBuffer(72 /* code.flush */);
const syncBuffer = codeOnlyBuffer(83 /* code.sync */);
const endBuffer = codeOnlyBuffer(88 /* code.end */);
const copyDoneBuffer = codeOnlyBuffer(99 /* code.copyDone */);
const serialize = {
    startup,
    password,
    requestSsl,
    sendSASLInitialResponseMessage,
    sendSCRAMClientFinalMessage,
    query,
    parse,
    bind,
    execute,
    describe,
    close,
    flush: () => flushBuffer,
    sync: () => syncBuffer,
    end: () => endBuffer,
    copyData,
    copyDone: () => copyDoneBuffer,
    copyFail,
    cancel,
};
exports.serialize = serialize;
//# sourceMappingURL=serializer.js.map

/***/ }),

/***/ 11549:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var textParsers = __webpack_require__(74784);
var binaryParsers = __webpack_require__(87522);
var arrayParser = __webpack_require__(76471);
var builtinTypes = __webpack_require__(16345);

exports.getTypeParser = getTypeParser;
exports.setTypeParser = setTypeParser;
exports.arrayParser = arrayParser;
exports.builtins = builtinTypes;

var typeParsers = {
  text: {},
  binary: {}
};

//the empty parse function
function noParse (val) {
  return String(val);
};

//returns a function used to convert a specific type (specified by
//oid) into a result javascript type
//note: the oid can be obtained via the following sql query:
//SELECT oid FROM pg_type WHERE typname = 'TYPE_NAME_HERE';
function getTypeParser (oid, format) {
  format = format || 'text';
  if (!typeParsers[format]) {
    return noParse;
  }
  return typeParsers[format][oid] || noParse;
};

function setTypeParser (oid, format, parseFn) {
  if(typeof format == 'function') {
    parseFn = format;
    format = 'text';
  }
  typeParsers[format][oid] = parseFn;
};

textParsers.init(function(oid, converter) {
  typeParsers.text[oid] = converter;
});

binaryParsers.init(function(oid, converter) {
  typeParsers.binary[oid] = converter;
});


/***/ }),

/***/ 76471:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var array = __webpack_require__(3879);

module.exports = {
  create: function (source, transform) {
    return {
      parse: function() {
        return array.parse(source, transform);
      }
    };
  }
};


/***/ }),

/***/ 87522:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var parseInt64 = __webpack_require__(62299);

var parseBits = function(data, bits, offset, invert, callback) {
  offset = offset || 0;
  invert = invert || false;
  callback = callback || function(lastValue, newValue, bits) { return (lastValue * Math.pow(2, bits)) + newValue; };
  var offsetBytes = offset >> 3;

  var inv = function(value) {
    if (invert) {
      return ~value & 0xff;
    }

    return value;
  };

  // read first (maybe partial) byte
  var mask = 0xff;
  var firstBits = 8 - (offset % 8);
  if (bits < firstBits) {
    mask = (0xff << (8 - bits)) & 0xff;
    firstBits = bits;
  }

  if (offset) {
    mask = mask >> (offset % 8);
  }

  var result = 0;
  if ((offset % 8) + bits >= 8) {
    result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
  }

  // read bytes
  var bytes = (bits + offset) >> 3;
  for (var i = offsetBytes + 1; i < bytes; i++) {
    result = callback(result, inv(data[i]), 8);
  }

  // bits to read, that are not a complete byte
  var lastBits = (bits + offset) % 8;
  if (lastBits > 0) {
    result = callback(result, inv(data[bytes]) >> (8 - lastBits), lastBits);
  }

  return result;
};

var parseFloatFromBits = function(data, precisionBits, exponentBits) {
  var bias = Math.pow(2, exponentBits - 1) - 1;
  var sign = parseBits(data, 1);
  var exponent = parseBits(data, exponentBits, 1);

  if (exponent === 0) {
    return 0;
  }

  // parse mantissa
  var precisionBitsCounter = 1;
  var parsePrecisionBits = function(lastValue, newValue, bits) {
    if (lastValue === 0) {
      lastValue = 1;
    }

    for (var i = 1; i <= bits; i++) {
      precisionBitsCounter /= 2;
      if ((newValue & (0x1 << (bits - i))) > 0) {
        lastValue += precisionBitsCounter;
      }
    }

    return lastValue;
  };

  var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);

  // special cases
  if (exponent == (Math.pow(2, exponentBits + 1) - 1)) {
    if (mantissa === 0) {
      return (sign === 0) ? Infinity : -Infinity;
    }

    return NaN;
  }

  // normale number
  return ((sign === 0) ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
};

var parseInt16 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 15, 1, true) + 1);
  }

  return parseBits(value, 15, 1);
};

var parseInt32 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 31, 1, true) + 1);
  }

  return parseBits(value, 31, 1);
};

var parseFloat32 = function(value) {
  return parseFloatFromBits(value, 23, 8);
};

var parseFloat64 = function(value) {
  return parseFloatFromBits(value, 52, 11);
};

var parseNumeric = function(value) {
  var sign = parseBits(value, 16, 32);
  if (sign == 0xc000) {
    return NaN;
  }

  var weight = Math.pow(10000, parseBits(value, 16, 16));
  var result = 0;

  var digits = [];
  var ndigits = parseBits(value, 16);
  for (var i = 0; i < ndigits; i++) {
    result += parseBits(value, 16, 64 + (16 * i)) * weight;
    weight /= 10000;
  }

  var scale = Math.pow(10, parseBits(value, 16, 48));
  return ((sign === 0) ? 1 : -1) * Math.round(result * scale) / scale;
};

var parseDate = function(isUTC, value) {
  var sign = parseBits(value, 1);
  var rawValue = parseBits(value, 63, 1);

  // discard usecs and shift from 2000 to 1970
  var result = new Date((((sign === 0) ? 1 : -1) * rawValue / 1000) + 946684800000);

  if (!isUTC) {
    result.setTime(result.getTime() + result.getTimezoneOffset() * 60000);
  }

  // add microseconds to the date
  result.usec = rawValue % 1000;
  result.getMicroSeconds = function() {
    return this.usec;
  };
  result.setMicroSeconds = function(value) {
    this.usec = value;
  };
  result.getUTCMicroSeconds = function() {
    return this.usec;
  };

  return result;
};

var parseArray = function(value) {
  var dim = parseBits(value, 32);

  var flags = parseBits(value, 32, 32);
  var elementType = parseBits(value, 32, 64);

  var offset = 96;
  var dims = [];
  for (var i = 0; i < dim; i++) {
    // parse dimension
    dims[i] = parseBits(value, 32, offset);
    offset += 32;

    // ignore lower bounds
    offset += 32;
  }

  var parseElement = function(elementType) {
    // parse content length
    var length = parseBits(value, 32, offset);
    offset += 32;

    // parse null values
    if (length == 0xffffffff) {
      return null;
    }

    var result;
    if ((elementType == 0x17) || (elementType == 0x14)) {
      // int/bigint
      result = parseBits(value, length * 8, offset);
      offset += length * 8;
      return result;
    }
    else if (elementType == 0x19) {
      // string
      result = value.toString(this.encoding, offset >> 3, (offset += (length << 3)) >> 3);
      return result;
    }
    else {
      console.log("ERROR: ElementType not implemented: " + elementType);
    }
  };

  var parse = function(dimension, elementType) {
    var array = [];
    var i;

    if (dimension.length > 1) {
      var count = dimension.shift();
      for (i = 0; i < count; i++) {
        array[i] = parse(dimension, elementType);
      }
      dimension.unshift(count);
    }
    else {
      for (i = 0; i < dimension[0]; i++) {
        array[i] = parseElement(elementType);
      }
    }

    return array;
  };

  return parse(dims, elementType);
};

var parseText = function(value) {
  return value.toString('utf8');
};

var parseBool = function(value) {
  if(value === null) return null;
  return (parseBits(value, 8) > 0);
};

var init = function(register) {
  register(20, parseInt64);
  register(21, parseInt16);
  register(23, parseInt32);
  register(26, parseInt32);
  register(1700, parseNumeric);
  register(700, parseFloat32);
  register(701, parseFloat64);
  register(16, parseBool);
  register(1114, parseDate.bind(null, false));
  register(1184, parseDate.bind(null, true));
  register(1000, parseArray);
  register(1007, parseArray);
  register(1016, parseArray);
  register(1008, parseArray);
  register(1009, parseArray);
  register(25, parseText);
};

module.exports = {
  init: init
};


/***/ }),

/***/ 16345:
/***/ ((module) => {

/**
 * Following query was used to generate this file:

 SELECT json_object_agg(UPPER(PT.typname), PT.oid::int4 ORDER BY pt.oid)
 FROM pg_type PT
 WHERE typnamespace = (SELECT pgn.oid FROM pg_namespace pgn WHERE nspname = 'pg_catalog') -- Take only builting Postgres types with stable OID (extension types are not guaranted to be stable)
 AND typtype = 'b' -- Only basic types
 AND typelem = 0 -- Ignore aliases
 AND typisdefined -- Ignore undefined types
 */

module.exports = {
    BOOL: 16,
    BYTEA: 17,
    CHAR: 18,
    INT8: 20,
    INT2: 21,
    INT4: 23,
    REGPROC: 24,
    TEXT: 25,
    OID: 26,
    TID: 27,
    XID: 28,
    CID: 29,
    JSON: 114,
    XML: 142,
    PG_NODE_TREE: 194,
    SMGR: 210,
    PATH: 602,
    POLYGON: 604,
    CIDR: 650,
    FLOAT4: 700,
    FLOAT8: 701,
    ABSTIME: 702,
    RELTIME: 703,
    TINTERVAL: 704,
    CIRCLE: 718,
    MACADDR8: 774,
    MONEY: 790,
    MACADDR: 829,
    INET: 869,
    ACLITEM: 1033,
    BPCHAR: 1042,
    VARCHAR: 1043,
    DATE: 1082,
    TIME: 1083,
    TIMESTAMP: 1114,
    TIMESTAMPTZ: 1184,
    INTERVAL: 1186,
    TIMETZ: 1266,
    BIT: 1560,
    VARBIT: 1562,
    NUMERIC: 1700,
    REFCURSOR: 1790,
    REGPROCEDURE: 2202,
    REGOPER: 2203,
    REGOPERATOR: 2204,
    REGCLASS: 2205,
    REGTYPE: 2206,
    UUID: 2950,
    TXID_SNAPSHOT: 2970,
    PG_LSN: 3220,
    PG_NDISTINCT: 3361,
    PG_DEPENDENCIES: 3402,
    TSVECTOR: 3614,
    TSQUERY: 3615,
    GTSVECTOR: 3642,
    REGCONFIG: 3734,
    REGDICTIONARY: 3769,
    JSONB: 3802,
    REGNAMESPACE: 4089,
    REGROLE: 4096
};


/***/ }),

/***/ 74784:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var array = __webpack_require__(3879)
var arrayParser = __webpack_require__(76471);
var parseDate = __webpack_require__(92690);
var parseInterval = __webpack_require__(68755);
var parseByteA = __webpack_require__(463);

function allowNull (fn) {
  return function nullAllowed (value) {
    if (value === null) return value
    return fn(value)
  }
}

function parseBool (value) {
  if (value === null) return value
  return value === 'TRUE' ||
    value === 't' ||
    value === 'true' ||
    value === 'y' ||
    value === 'yes' ||
    value === 'on' ||
    value === '1';
}

function parseBoolArray (value) {
  if (!value) return null
  return array.parse(value, parseBool)
}

function parseBaseTenInt (string) {
  return parseInt(string, 10)
}

function parseIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(parseBaseTenInt))
}

function parseBigIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(function (entry) {
    return parseBigInteger(entry).trim()
  }))
}

var parsePointArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parsePoint(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseFloatArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parseFloat(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseStringArray = function(value) {
  if(!value) { return null; }

  var p = arrayParser.create(value);
  return p.parse();
};

var parseDateArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseDate(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseIntervalArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseInterval(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseByteAArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(parseByteA));
};

var parseInteger = function(value) {
  return parseInt(value, 10);
};

var parseBigInteger = function(value) {
  var valStr = String(value);
  if (/^\d+$/.test(valStr)) { return valStr; }
  return value;
};

var parseJsonArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(JSON.parse));
};

var parsePoint = function(value) {
  if (value[0] !== '(') { return null; }

  value = value.substring( 1, value.length - 1 ).split(',');

  return {
    x: parseFloat(value[0])
  , y: parseFloat(value[1])
  };
};

var parseCircle = function(value) {
  if (value[0] !== '<' && value[1] !== '(') { return null; }

  var point = '(';
  var radius = '';
  var pointParsed = false;
  for (var i = 2; i < value.length - 1; i++){
    if (!pointParsed) {
      point += value[i];
    }

    if (value[i] === ')') {
      pointParsed = true;
      continue;
    } else if (!pointParsed) {
      continue;
    }

    if (value[i] === ','){
      continue;
    }

    radius += value[i];
  }
  var result = parsePoint(point);
  result.radius = parseFloat(radius);

  return result;
};

var init = function(register) {
  register(20, parseBigInteger); // int8
  register(21, parseInteger); // int2
  register(23, parseInteger); // int4
  register(26, parseInteger); // oid
  register(700, parseFloat); // float4/real
  register(701, parseFloat); // float8/double
  register(16, parseBool);
  register(1082, parseDate); // date
  register(1114, parseDate); // timestamp without timezone
  register(1184, parseDate); // timestamp
  register(600, parsePoint); // point
  register(651, parseStringArray); // cidr[]
  register(718, parseCircle); // circle
  register(1000, parseBoolArray);
  register(1001, parseByteAArray);
  register(1005, parseIntegerArray); // _int2
  register(1007, parseIntegerArray); // _int4
  register(1028, parseIntegerArray); // oid[]
  register(1016, parseBigIntegerArray); // _int8
  register(1017, parsePointArray); // point[]
  register(1021, parseFloatArray); // _float4
  register(1022, parseFloatArray); // _float8
  register(1231, parseFloatArray); // _numeric
  register(1014, parseStringArray); //char
  register(1015, parseStringArray); //varchar
  register(1008, parseStringArray);
  register(1009, parseStringArray);
  register(1040, parseStringArray); // macaddr[]
  register(1041, parseStringArray); // inet[]
  register(1115, parseDateArray); // timestamp without time zone[]
  register(1182, parseDateArray); // _date
  register(1185, parseDateArray); // timestamp with time zone[]
  register(1186, parseInterval);
  register(1187, parseIntervalArray);
  register(17, parseByteA);
  register(114, JSON.parse.bind(JSON)); // json
  register(3802, JSON.parse.bind(JSON)); // jsonb
  register(199, parseJsonArray); // json[]
  register(3807, parseJsonArray); // jsonb[]
  register(3907, parseStringArray); // numrange[]
  register(2951, parseStringArray); // uuid[]
  register(791, parseStringArray); // money[]
  register(1183, parseStringArray); // time[]
  register(1270, parseStringArray); // timetz[]
};

module.exports = {
  init: init
};


/***/ }),

/***/ 75042:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const EventEmitter = (__webpack_require__(24434).EventEmitter)
const utils = __webpack_require__(69652)
const nodeUtils = __webpack_require__(39023)
const sasl = __webpack_require__(20948)
const TypeOverrides = __webpack_require__(50365)

const ConnectionParameters = __webpack_require__(646)
const Query = __webpack_require__(84473)
const defaults = __webpack_require__(68995)
const Connection = __webpack_require__(9809)
const crypto = __webpack_require__(84150)

const activeQueryDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.activeQuery is deprecated and will be removed in pg@9.0'
)

const queryQueueDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.queryQueue is deprecated and will be removed in pg@9.0.'
)

const pgPassDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'pgpass support is deprecated and will be removed in pg@9.0. ' +
    'You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code.'
)

const byoPromiseDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0.'
)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

function coerceNumberOrDefault(value, defaultValue) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : defaultValue
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : defaultValue
  }
  return defaultValue
}

class Client extends EventEmitter {
  constructor(config) {
    super()

    this.connectionParameters = new ConnectionParameters(config)
    this.user = this.connectionParameters.user
    this.database = this.connectionParameters.database
    this.port = this.connectionParameters.port
    this.host = this.connectionParameters.host

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: this.connectionParameters.password,
    })

    this.replication = this.connectionParameters.replication

    const c = config || {}

    if (c.Promise) {
      byoPromiseDeprecationNotice()
    }
    this._Promise = c.Promise || global.Promise
    this._types = new TypeOverrides(c.types)
    this._ending = false
    this._ended = false
    this._connecting = false
    this._connected = false
    this._connectionError = false
    this._queryable = true
    this._activeQuery = null
    this._txStatus = null

    this.enableChannelBinding = Boolean(c.enableChannelBinding) // set true to use SCRAM-SHA-256-PLUS when offered
    this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS)
    this.connection =
      c.connection ||
      new Connection({
        stream: c.stream,
        ssl: this.connectionParameters.ssl,
        sslNegotiation: this.connectionParameters.sslnegotiation,
        keepAlive: c.keepAlive || false,
        keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
        encoding: this.connectionParameters.client_encoding || 'utf8',
      })
    this._queryQueue = []
    this._sentQueryQueue = []
    this.pipeline = Boolean(c.pipeline)
    this.binary = c.binary || defaults.binary
    this.processID = null
    this.secretKey = null
    this.ssl = this.connectionParameters.ssl || false
    this.sslNegotiation = this.connectionParameters.sslnegotiation || 'postgres'
    // As with Password, make SSL->Key (the private key) non-enumerable.
    // It won't show up in stack traces
    // or if the client is console.logged
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0
  }

  get activeQuery() {
    activeQueryDeprecationNotice()
    return this._activeQuery
  }

  set activeQuery(val) {
    activeQueryDeprecationNotice()
    this._activeQuery = val
  }

  _getActiveQuery() {
    return this._activeQuery
  }

  _errorAllQueries(err) {
    const enqueueError = (query) => {
      process.nextTick(() => {
        query.handleError(err, this.connection)
      })
    }

    const activeQuery = this._getActiveQuery()
    if (activeQuery) {
      enqueueError(activeQuery)
      this._activeQuery = null
    }

    this._sentQueryQueue.forEach(enqueueError)
    this._sentQueryQueue.length = 0

    this._queryQueue.forEach(enqueueError)
    this._queryQueue.length = 0
  }

  _connect(callback) {
    const self = this
    const con = this.connection
    this._connectionCallback = callback

    if (this._connecting || this._connected) {
      const err = new Error('Client has already been connected. You cannot reuse a client.')
      process.nextTick(() => {
        callback(err)
      })
      return
    }
    this._connecting = true

    if (this._connectionTimeoutMillis > 0) {
      this.connectionTimeoutHandle = setTimeout(() => {
        con._ending = true
        con.stream.destroy(new Error('timeout expired'))
      }, this._connectionTimeoutMillis)

      if (this.connectionTimeoutHandle.unref) {
        this.connectionTimeoutHandle.unref()
      }
    }

    if (this.host && this.host.indexOf('/') === 0) {
      con.connect(this.host + '/.s.PGSQL.' + this.port)
    } else {
      con.connect(this.port, this.host)
    }

    // once connection is established send startup message
    con.on('connect', function () {
      if (self.ssl) {
        // With direct SSL negotiation the connection upgrades to TLS without an
        // SSLRequest packet, so the startup message is sent after 'sslconnect'.
        if (self.sslNegotiation !== 'direct') {
          con.requestSsl()
        }
      } else {
        con.startup(self.getStartupConf())
      }
    })

    con.on('sslconnect', function () {
      con.startup(self.getStartupConf())
    })

    this._attachListeners(con)

    con.once('end', () => {
      const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly')

      clearTimeout(this.connectionTimeoutHandle)
      this._errorAllQueries(error)
      this._ended = true

      if (!this._ending) {
        // if the connection is ended without us calling .end()
        // on this client then we have an unexpected disconnection
        // treat this as an error unless we've already emitted an error
        // during connection.
        if (this._connecting && !this._connectionError) {
          if (this._connectionCallback) {
            this._connectionCallback(error)
          } else {
            this._handleErrorEvent(error)
          }
        } else if (!this._connectionError) {
          this._handleErrorEvent(error)
        }
      }

      process.nextTick(() => {
        this.emit('end')
      })
    })
  }

  connect(callback) {
    if (callback) {
      this._connect(callback)
      return
    }

    return new this._Promise((resolve, reject) => {
      this._connect((error) => {
        if (error) {
          reject(error)
        } else {
          resolve(this)
        }
      })
    })
  }

  _attachListeners(con) {
    // password request handling
    con.on('authenticationCleartextPassword', this._handleAuthCleartextPassword.bind(this))
    // password request handling
    con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this))
    // password request handling (SASL)
    con.on('authenticationSASL', this._handleAuthSASL.bind(this))
    con.on('authenticationSASLContinue', this._handleAuthSASLContinue.bind(this))
    con.on('authenticationSASLFinal', this._handleAuthSASLFinal.bind(this))
    con.on('backendKeyData', this._handleBackendKeyData.bind(this))
    con.on('error', this._handleErrorEvent.bind(this))
    con.on('errorMessage', this._handleErrorMessage.bind(this))
    con.on('readyForQuery', this._handleReadyForQuery.bind(this))
    con.on('notice', this._handleNotice.bind(this))
    con.on('rowDescription', this._handleRowDescription.bind(this))
    con.on('dataRow', this._handleDataRow.bind(this))
    con.on('portalSuspended', this._handlePortalSuspended.bind(this))
    con.on('emptyQuery', this._handleEmptyQuery.bind(this))
    con.on('commandComplete', this._handleCommandComplete.bind(this))
    con.on('parseComplete', this._handleParseComplete.bind(this))
    con.on('copyInResponse', this._handleCopyInResponse.bind(this))
    con.on('copyData', this._handleCopyData.bind(this))
    con.on('notification', this._handleNotification.bind(this))
  }

  _getPassword(cb) {
    const con = this.connection
    if (typeof this.password === 'function') {
      this._Promise
        .resolve()
        .then(() => this.password(this.connectionParameters))
        .then((pass) => {
          if (pass !== undefined) {
            if (typeof pass !== 'string') {
              con.emit('error', new TypeError('Password must be a string'))
              return
            }
            this.connectionParameters.password = this.password = pass
          } else {
            this.connectionParameters.password = this.password = null
          }
          cb()
        })
        .catch((err) => {
          con.emit('error', err)
        })
    } else if (this.password !== null) {
      cb()
    } else {
      try {
        const pgPass = __webpack_require__(13272)
        pgPass(this.connectionParameters, (pass) => {
          if (undefined !== pass) {
            pgPassDeprecationNotice()
            this.connectionParameters.password = this.password = pass
          }
          cb()
        })
      } catch (e) {
        this.emit('error', e)
      }
    }
  }

  _handleAuthCleartextPassword(msg) {
    this._getPassword(() => {
      this.connection.password(this.password)
    })
  }

  _handleAuthMD5Password(msg) {
    this._getPassword(async () => {
      try {
        const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt)
        this.connection.password(hashedPassword)
      } catch (e) {
        this.emit('error', e)
      }
    })
  }

  _handleAuthSASL(msg) {
    this._getPassword(() => {
      try {
        this.saslSession = sasl.startSession(
          msg.mechanisms,
          this.enableChannelBinding && this.connection.stream,
          this.scramMaxIterations
        )
        this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response)
      } catch (err) {
        this.connection.emit('error', err)
      }
    })
  }

  async _handleAuthSASLContinue(msg) {
    try {
      await sasl.continueSession(
        this.saslSession,
        this.password,
        msg.data,
        this.enableChannelBinding && this.connection.stream
      )
      this.connection.sendSCRAMClientFinalMessage(this.saslSession.response)
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleAuthSASLFinal(msg) {
    try {
      sasl.finalizeSession(this.saslSession, msg.data)
      this.saslSession = null
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleBackendKeyData(msg) {
    this.processID = msg.processID
    this.secretKey = msg.secretKey
  }

  _handleReadyForQuery(msg) {
    if (this._connecting) {
      this._connecting = false
      this._connected = true
      clearTimeout(this.connectionTimeoutHandle)

      // process possible callback argument to Client#connect
      if (this._connectionCallback) {
        this._connectionCallback(null, this)
        // remove callback for proper error handling
        // after the connect event
        this._connectionCallback = null
      }
      this.emit('connect')
    }
    const activeQuery = this._getActiveQuery()
    this._activeQuery = null
    this._txStatus = msg?.status ?? null
    this.readyForQuery = true
    if (activeQuery) {
      activeQuery.handleReadyForQuery(this.connection)
    }
    this._pulseQueryQueue()
  }

  // if we receive an error event or error message
  // during the connection process we handle it here
  _handleErrorWhileConnecting(err) {
    if (this._connectionError) {
      // TODO(bmc): this is swallowing errors - we shouldn't do this
      return
    }
    this._connectionError = true
    clearTimeout(this.connectionTimeoutHandle)
    if (this._connectionCallback) {
      return this._connectionCallback(err)
    }
    this.emit('error', err)
  }

  // if we're connected and we receive an error event from the connection
  // this means the socket is dead - do a hard abort of all queries and emit
  // the socket error on the client as well
  _handleErrorEvent(err) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(err)
    }
    this._queryable = false
    this._errorAllQueries(err)
    this.emit('error', err)
  }

  // handle error messages from the postgres backend
  _handleErrorMessage(msg) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(msg)
    }
    const activeQuery = this._getActiveQuery()

    if (!activeQuery) {
      this._handleErrorEvent(msg)
      return
    }

    this._activeQuery = null
    if (activeQuery.name) {
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
    activeQuery.handleError(msg, this.connection)
  }

  _handleRowDescription(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected rowDescription message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate rowDescription to active query
    activeQuery.handleRowDescription(msg)
  }

  _handleDataRow(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected dataRow message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate dataRow to active query
    activeQuery.handleDataRow(msg)
  }

  _handlePortalSuspended(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected portalSuspended message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate portalSuspended to active query
    activeQuery.handlePortalSuspended(this.connection)
  }

  _handleEmptyQuery(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected emptyQuery message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate emptyQuery to active query
    activeQuery.handleEmptyQuery(this.connection)
  }

  _handleCommandComplete(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected commandComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate commandComplete to active query
    activeQuery.handleCommandComplete(msg, this.connection)
  }

  _handleParseComplete() {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected parseComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // if a prepared statement has a name and properly parses
    // we track that its already been executed so we don't parse
    // it again on the same client
    if (activeQuery.name) {
      this.connection.parsedStatements[activeQuery.name] = activeQuery.text
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
  }

  _handleCopyInResponse(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyInResponse message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyInResponse(this.connection)
  }

  _handleCopyData(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyData message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyData(msg, this.connection)
  }

  _handleNotification(msg) {
    this.emit('notification', msg)
  }

  _handleNotice(msg) {
    this.emit('notice', msg)
  }

  getStartupConf() {
    const params = this.connectionParameters

    const data = {
      user: params.user,
      database: params.database,
    }

    const appName = params.application_name || params.fallback_application_name
    if (appName) {
      data.application_name = appName
    }
    if (params.replication) {
      data.replication = '' + params.replication
    }
    if (params.statement_timeout) {
      data.statement_timeout = String(parseInt(params.statement_timeout, 10))
    }
    if (params.lock_timeout) {
      data.lock_timeout = String(parseInt(params.lock_timeout, 10))
    }
    if (params.idle_in_transaction_session_timeout) {
      data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10))
    }
    if (params.options) {
      data.options = params.options
    }

    return data
  }

  cancel(client, query) {
    if (client.activeQuery === query) {
      const con = this.connection

      if (this.host && this.host.indexOf('/') === 0) {
        con.connect(this.host + '/.s.PGSQL.' + this.port)
      } else {
        con.connect(this.port, this.host)
      }

      // once connection is established send cancel message
      con.on('connect', function () {
        con.cancel(client.processID, client.secretKey)
      })
    } else if (client._queryQueue.indexOf(query) !== -1) {
      client._queryQueue.splice(client._queryQueue.indexOf(query), 1)
    } else if (client._sentQueryQueue.indexOf(query) !== -1) {
      // Query already sent on wire — can't remove it without corrupting the
      // pipeline. No-op the callback so the result is silently discarded.
      query.callback = () => {}
    }
  }

  setTypeParser(oid, format, parseFn) {
    return this._types.setTypeParser(oid, format, parseFn)
  }

  getTypeParser(oid, format) {
    return this._types.getTypeParser(oid, format)
  }

  // escapeIdentifier and escapeLiteral moved to utility functions & exported
  // on PG
  // re-exported here for backwards compatibility
  escapeIdentifier(str) {
    return utils.escapeIdentifier(str)
  }

  escapeLiteral(str) {
    return utils.escapeLiteral(str)
  }

  _pulseQueryQueue() {
    if (this.pipeline) {
      this._pulsePipelinedQueryQueue()
      return
    }
    if (this.readyForQuery === true) {
      this._activeQuery = this._queryQueue.shift()
      const activeQuery = this._getActiveQuery()
      if (activeQuery) {
        this.readyForQuery = false
        this.hasExecuted = true

        const queryError = activeQuery.submit(this.connection)
        if (queryError) {
          process.nextTick(() => {
            activeQuery.handleError(queryError, this.connection)
            this.readyForQuery = true
            this._pulseQueryQueue()
          })
        }
      } else if (this.hasExecuted) {
        this._activeQuery = null
        this.emit('drain')
      }
    }
  }

  _pulsePipelinedQueryQueue() {
    if (!this._connected || !this._queryable) {
      return
    }
    while (this._queryQueue.length > 0) {
      const query = this._queryQueue.shift()
      this.hasExecuted = true
      const queryError = query.submit(this.connection)
      if (queryError) {
        process.nextTick(() => {
          query.handleError(queryError, this.connection)
        })
        continue
      }
      this._sentQueryQueue.push(query)
    }
    if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
      this._activeQuery = this._sentQueryQueue.shift()
      this.readyForQuery = false
    }
    if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
      this.emit('drain')
    }
  }

  query(config, values, callback) {
    // can take in strings, config object or query object
    let query
    let result

    if (config == null) {
      throw new TypeError('Client was passed a null or undefined query')
    }

    if (typeof config.submit === 'function') {
      result = query = config
      if (!query.callback) {
        if (typeof values === 'function') {
          query.callback = values
        } else if (callback) {
          query.callback = callback
        }
      }
    } else {
      query = new Query(config, values, callback)
      if (!query.callback) {
        result = new this._Promise((resolve, reject) => {
          query.callback = (err, res) => (err ? reject(err) : resolve(res))
        }).catch((err) => {
          // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
          // application that created the query
          Error.captureStackTrace(err)
          throw err
        })
      } else if (typeof query.callback !== 'function') {
        throw new TypeError('callback is not a function')
      }
    }

    const readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    if (readTimeout) {
      const queryCallback = query.callback || (() => {})

      const readTimeoutTimer = setTimeout(() => {
        const error = new Error('Query read timeout')

        process.nextTick(() => {
          query.handleError(error, this.connection)
        })

        queryCallback(error)

        // we already returned an error,
        // just do nothing if query completes
        query.callback = () => {}

        // Remove from queue (only safe if not yet sent)
        const index = this._queryQueue.indexOf(query)
        if (index > -1) {
          this._queryQueue.splice(index, 1)
        } else if (this.pipeline) {
          // Query already sent — the pipeline is blocked until it completes.
          // Destroy the connection to unblock all remaining pipelined queries.
          this.connection.stream.destroy()
          return
        }

        this._pulseQueryQueue()
      }, readTimeout)

      query.callback = (err, res) => {
        clearTimeout(readTimeoutTimer)
        queryCallback(err, res)
      }
    }

    if (this.binary && !query.binary) {
      query.binary = true
    }

    if (query._result && !query._result._types) {
      query._result._types = this._types
    }

    // A query that keeps a portal open across round trips cannot share a pipelined connection: the
    // queries written behind it are answered out of its portal, so rows land on the wrong query and
    // the reads that follow fail with 'portal does not exist'. Refuse it instead of corrupting.
    if (this.pipeline) {
      const portalQuery =
        typeof config.submit === 'function' && !(query instanceof Query)
          ? 'Custom query classes such as pg-cursor and pg-query-stream are'
          : query.rows
          ? 'The `rows` option is'
          : null
      if (portalQuery) {
        process.nextTick(() => {
          query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection)
        })
        return result
      }
    }

    if (!this._queryable) {
      process.nextTick(() => {
        query.handleError(new Error('Client has encountered a connection error and is not queryable'), this.connection)
      })
      return result
    }

    if (this._ending) {
      process.nextTick(() => {
        query.handleError(new Error('Client was closed and is not queryable'), this.connection)
      })
      return result
    }

    if (this._queryQueue.length > 0 && !this.pipeline) {
      queryQueueLengthDeprecationNotice()
    }
    this._queryQueue.push(query)
    this._pulseQueryQueue()
    return result
  }

  ref() {
    this.connection.ref()
  }

  unref() {
    this.connection.unref()
  }

  getTransactionStatus() {
    return this._txStatus
  }

  end(cb) {
    this._ending = true

    // if we have never connected, then end is a noop, callback immediately
    if (!this.connection._connecting || this._ended) {
      if (cb) {
        cb()
        return
      } else {
        return this._Promise.resolve()
      }
    }

    if (!this._queryable) {
      // socket is dead — force close
      this.connection.stream.destroy()
    } else if (
      this.pipeline &&
      (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)
    ) {
      // pipelined queries are already on the wire (or queued to send) and will
      // complete normally; wait for drain then do a graceful goodbye
      this.once('drain', () => this.connection.end())
    } else if (this._getActiveQuery()) {
      // non-pipeline: a hung query could block end forever — force disconnect
      this.connection.stream.destroy()
    } else {
      this.connection.end()
    }

    if (cb) {
      this.connection.once('end', cb)
    } else {
      return new this._Promise((resolve) => {
        this.connection.once('end', resolve)
      })
    }
  }
  get queryQueue() {
    queryQueueDeprecationNotice()
    return this._queryQueue
  }
}

// expose a Query constructor
Client.Query = Query

module.exports = Client


/***/ }),

/***/ 646:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const dns = __webpack_require__(72250)

const defaults = __webpack_require__(68995)

const parse = (__webpack_require__(26122).parse) // parses a connection string

const val = function (key, config, envVar) {
  if (config[key]) {
    return config[key]
  }

  if (envVar === undefined) {
    envVar = process.env['PG' + key.toUpperCase()]
  } else if (envVar === false) {
    // do nothing ... use false
  } else {
    envVar = process.env[envVar]
  }

  return envVar || defaults[key]
}

const readSSLConfigFromEnvironment = function () {
  switch (process.env.PGSSLMODE) {
    case 'disable':
      return false
    case 'prefer':
    case 'require':
    case 'verify-ca':
    case 'verify-full':
      return true
    case 'no-verify':
      return { rejectUnauthorized: false }
  }
  return defaults.ssl
}

// Convert arg to a string, surround in single quotes, and escape single quotes and backslashes
const quoteParamValue = function (value) {
  return "'" + ('' + value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
}

const add = function (params, config, paramName) {
  const value = config[paramName]
  if (value !== undefined && value !== null) {
    params.push(paramName + '=' + quoteParamValue(value))
  }
}

class ConnectionParameters {
  constructor(config) {
    // if a string is passed, it is a raw connection string so we parse it into a config
    config = typeof config === 'string' ? parse(config) : config || {}

    // if the config has a connectionString defined, parse IT into the config we use
    // this will override other default values with what is stored in connectionString
    if (config.connectionString) {
      config = Object.assign({}, config, parse(config.connectionString))
    }

    this.user = val('user', config)
    this.database = val('database', config)

    if (this.database === undefined) {
      this.database = this.user
    }

    this.port = parseInt(val('port', config), 10)
    this.host = val('host', config)

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: val('password', config),
    })

    this.binary = val('binary', config)
    this.options = val('options', config)

    this.ssl = typeof config.ssl === 'undefined' ? readSSLConfigFromEnvironment() : config.ssl

    if (typeof this.ssl === 'string') {
      if (this.ssl === 'true') {
        this.ssl = true
      }
    }
    // support passing in ssl=no-verify via connection string
    if (this.ssl === 'no-verify') {
      this.ssl = { rejectUnauthorized: false }
    }
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    // How to negotiate SSL: 'postgres' (default, the traditional SSLRequest
    // handshake) or 'direct' (start the TLS handshake immediately on connect).
    this.sslnegotiation = val('sslnegotiation', config, 'PGSSLNEGOTIATION')
    if (this.sslnegotiation !== undefined && this.sslnegotiation !== 'postgres' && this.sslnegotiation !== 'direct') {
      throw new Error(
        `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
      )
    }
    if (this.sslnegotiation === 'direct' && !this.ssl) {
      throw new Error('sslnegotiation=direct requires SSL to be enabled')
    }

    this.client_encoding = val('client_encoding', config)
    this.replication = val('replication', config)
    // a domain socket begins with '/'
    this.isDomainSocket = !(this.host || '').indexOf('/')

    this.application_name = val('application_name', config, 'PGAPPNAME')
    this.fallback_application_name = val('fallback_application_name', config, false)
    this.statement_timeout = val('statement_timeout', config, false)
    this.lock_timeout = val('lock_timeout', config, false)
    this.idle_in_transaction_session_timeout = val('idle_in_transaction_session_timeout', config, false)
    this.query_timeout = val('query_timeout', config, false)

    if (config.connectionTimeoutMillis === undefined) {
      this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0
    } else {
      this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1000)
    }

    if (config.keepAlive === false) {
      this.keepalives = 0
    } else if (config.keepAlive === true) {
      this.keepalives = 1
    }

    if (typeof config.keepAliveInitialDelayMillis === 'number') {
      this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1000)
    }
  }

  getLibpqConnectionString(cb) {
    const params = []
    add(params, this, 'user')
    add(params, this, 'password')
    add(params, this, 'port')
    add(params, this, 'application_name')
    add(params, this, 'fallback_application_name')
    add(params, this, 'connect_timeout')
    add(params, this, 'options')

    const ssl = typeof this.ssl === 'object' ? this.ssl : this.ssl ? { sslmode: this.ssl } : {}
    add(params, ssl, 'sslmode')
    add(params, ssl, 'sslca')
    add(params, ssl, 'sslkey')
    add(params, ssl, 'sslcert')
    add(params, ssl, 'sslrootcert')
    add(params, this, 'sslnegotiation')

    if (this.database) {
      params.push('dbname=' + quoteParamValue(this.database))
    }
    if (this.replication) {
      params.push('replication=' + quoteParamValue(this.replication))
    }
    if (this.host) {
      params.push('host=' + quoteParamValue(this.host))
    }
    if (this.isDomainSocket) {
      return cb(null, params.join(' '))
    }
    if (this.client_encoding) {
      params.push('client_encoding=' + quoteParamValue(this.client_encoding))
    }
    dns.lookup(this.host, function (err, address) {
      if (err) return cb(err, null)
      params.push('hostaddr=' + quoteParamValue(address))
      return cb(null, params.join(' '))
    })
  }
}

module.exports = ConnectionParameters


/***/ }),

/***/ 9809:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const EventEmitter = (__webpack_require__(24434).EventEmitter)

const { parse, serialize } = __webpack_require__(74233)
const stream = __webpack_require__(30829)
const { getStream } = stream

const flushBuffer = serialize.flush()
const syncBuffer = serialize.sync()
const endBuffer = serialize.end()

// TODO(bmc) support binary mode at some point
class Connection extends EventEmitter {
  constructor(config) {
    super()
    config = config || {}

    this.stream = config.stream || getStream(config.ssl)
    if (typeof this.stream === 'function') {
      this.stream = this.stream(config)
    }

    this._keepAlive = config.keepAlive
    this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis
    this.parsedStatements = {}
    this.submittedNamedStatements = {}
    this.ssl = config.ssl || false
    this.sslNegotiation = config.sslNegotiation || 'postgres'
    this._ending = false
    this._emitMessage = false
    const self = this
    this.on('newListener', function (eventName) {
      if (eventName === 'message') {
        self._emitMessage = true
      }
    })
  }

  connect(port, host) {
    const self = this

    this._connecting = true
    this.stream.setNoDelay(true)
    this.stream.connect(port, host)

    this.stream.once('connect', function () {
      if (self._keepAlive) {
        self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis)
      }
      self.emit('connect')
    })

    const reportStreamError = function (error) {
      // errors about disconnections should be ignored during disconnect
      if (self._ending && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        return
      }
      self.emit('error', error)
    }
    this.stream.on('error', reportStreamError)

    this.stream.on('close', function () {
      self.emit('end')
    })

    if (!this.ssl) {
      return this.attachListeners(this.stream)
    }

    // With direct SSL negotiation the TLS handshake starts immediately on the
    // raw socket, skipping the SSLRequest packet and the server's 'S'/'N' reply.
    if (this.sslNegotiation === 'direct') {
      return this.stream.once('connect', function () {
        self.upgradeToSSL(host, reportStreamError)
      })
    }

    this.stream.once('data', function (buffer) {
      const responseCode = buffer.toString('utf8')
      switch (responseCode) {
        case 'S': // Server supports SSL connections, continue with a secure connection
          break
        case 'N': // Server does not support SSL connections
          self.stream.end()
          return self.emit('error', new Error('The server does not support SSL connections'))
        default:
          // Any other response byte, including 'E' (ErrorResponse) indicating a server error
          self.stream.end()
          return self.emit('error', new Error('There was an error establishing an SSL connection'))
      }
      self.upgradeToSSL(host, reportStreamError)
    })
  }

  upgradeToSSL(host, reportStreamError) {
    const self = this
    const options = {
      socket: self.stream,
      // tls.connect checks the server identity against `servername`, falling
      // back to `host` and then to 'localhost'. `servername` must stay unset
      // for IP addresses (see below), so `host` is needed to keep certificate
      // validation working when connecting to an IP address.
      host,
    }

    if (self.ssl !== true) {
      Object.assign(options, self.ssl)

      if ('key' in self.ssl) {
        options.key = self.ssl.key
      }
    }

    // Direct SSL negotiation requires ALPN so the server can confirm it is
    // speaking the PostgreSQL protocol over the TLS connection.
    if (self.sslNegotiation === 'direct') {
      options.ALPNProtocols = ['postgresql']
    }

    // SNI must not be set to an IP address (RFC 6066 section 3)
    const net = __webpack_require__(69278)
    if (net.isIP && net.isIP(host) === 0) {
      options.servername = host
    }
    try {
      self.stream = stream.getSecureStream(options)
    } catch (err) {
      return self.emit('error', err)
    }
    self.attachListeners(self.stream)
    self.stream.on('error', reportStreamError)

    self.emit('sslconnect')
  }

  attachListeners(stream) {
    parse(stream, (msg) => {
      const eventName = msg.name === 'error' ? 'errorMessage' : msg.name
      if (this._emitMessage) {
        this.emit('message', msg)
      }
      this.emit(eventName, msg)
    })
  }

  requestSsl() {
    this.stream.write(serialize.requestSsl())
  }

  startup(config) {
    this.stream.write(serialize.startup(config))
  }

  cancel(processID, secretKey) {
    this._send(serialize.cancel(processID, secretKey))
  }

  password(password) {
    this._send(serialize.password(password))
  }

  sendSASLInitialResponseMessage(mechanism, initialResponse) {
    this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse))
  }

  sendSCRAMClientFinalMessage(additionalData) {
    this._send(serialize.sendSCRAMClientFinalMessage(additionalData))
  }

  _send(buffer) {
    if (!this.stream.writable) {
      return false
    }
    return this.stream.write(buffer)
  }

  query(text) {
    this._send(serialize.query(text))
  }

  // send parse message
  parse(query) {
    this._send(serialize.parse(query))
  }

  // send bind message
  bind(config) {
    this._send(serialize.bind(config))
  }

  // send execute message
  execute(config) {
    this._send(serialize.execute(config))
  }

  flush() {
    if (this.stream.writable) {
      this.stream.write(flushBuffer)
    }
  }

  sync() {
    // Sync is the extended-query protocol barrier, not a disconnect.
    // Only end()/Terminate (and connect-timeout teardown) should set _ending.
    this._send(syncBuffer)
  }

  ref() {
    this.stream.ref()
  }

  unref() {
    this.stream.unref()
  }

  end() {
    // 0x58 = 'X'
    this._ending = true
    if (!this._connecting || !this.stream.writable) {
      this.stream.end()
      return
    }
    return this.stream.write(endBuffer, () => {
      this.stream.end()
    })
  }

  close(msg) {
    this._send(serialize.close(msg))
  }

  describe(msg) {
    this._send(serialize.describe(msg))
  }

  sendCopyFromChunk(chunk) {
    this._send(serialize.copyData(chunk))
  }

  endCopyFrom() {
    this._send(serialize.copyDone())
  }

  sendCopyFail(msg) {
    this._send(serialize.copyFail(msg))
  }
}

module.exports = Connection


/***/ }),

/***/ 9765:
/***/ ((module) => {

function x509Error(msg, cert) {
  return new Error('SASL channel binding: ' + msg + ' when parsing public certificate ' + cert.toString('base64'))
}

function readASN1Length(data, index) {
  let length = data[index++]
  if (length < 0x80) return { length, index }

  const lengthBytes = length & 0x7f
  if (lengthBytes > 4) throw x509Error('bad length', data)

  length = 0
  for (let i = 0; i < lengthBytes; i++) {
    length = (length << 8) | data[index++]
  }

  return { length, index }
}

function readASN1OID(data, index) {
  if (data[index++] !== 0x6) throw x509Error('non-OID data', data) // 6 = OID

  const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index)
  index = indexAfterOIDLength
  const lastIndex = index + OIDLength

  const byte1 = data[index++]
  let oid = ((byte1 / 40) >> 0) + '.' + (byte1 % 40)

  while (index < lastIndex) {
    // loop over numbers in OID
    let value = 0
    while (index < lastIndex) {
      // loop over bytes in number
      const nextByte = data[index++]
      value = (value << 7) | (nextByte & 0x7f)
      if (nextByte < 0x80) break
    }
    oid += '.' + value
  }

  return { oid, index }
}

function expectASN1Seq(data, index) {
  if (data[index++] !== 0x30) throw x509Error('non-sequence data', data) // 30 = Sequence
  return readASN1Length(data, index)
}

function signatureAlgorithmHashFromCertificate(data, index) {
  // read this thread: https://www.postgresql.org/message-id/17760-b6c61e752ec07060%40postgresql.org
  if (index === undefined) index = 0
  index = expectASN1Seq(data, index).index
  const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index)
  index = indexAfterCertInfoLength + certInfoLength // skip over certificate info
  index = expectASN1Seq(data, index).index // skip over signature length field
  const { oid, index: indexAfterOID } = readASN1OID(data, index)
  switch (oid) {
    // RSA
    case '1.2.840.113549.1.1.4':
      return 'MD5'
    case '1.2.840.113549.1.1.5':
      return 'SHA-1'
    case '1.2.840.113549.1.1.11':
      return 'SHA-256'
    case '1.2.840.113549.1.1.12':
      return 'SHA-384'
    case '1.2.840.113549.1.1.13':
      return 'SHA-512'
    case '1.2.840.113549.1.1.14':
      return 'SHA-224'
    case '1.2.840.113549.1.1.15':
      return 'SHA512-224'
    case '1.2.840.113549.1.1.16':
      return 'SHA512-256'
    // ECDSA
    case '1.2.840.10045.4.1':
      return 'SHA-1'
    case '1.2.840.10045.4.3.1':
      return 'SHA-224'
    case '1.2.840.10045.4.3.2':
      return 'SHA-256'
    case '1.2.840.10045.4.3.3':
      return 'SHA-384'
    case '1.2.840.10045.4.3.4':
      return 'SHA-512'
    // RSASSA-PSS: hash is indicated separately
    case '1.2.840.113549.1.1.10': {
      index = indexAfterOID
      index = expectASN1Seq(data, index).index
      if (data[index++] !== 0xa0) throw x509Error('non-tag data', data) // a0 = constructed tag 0
      index = readASN1Length(data, index).index // skip over tag length field
      index = expectASN1Seq(data, index).index // skip over sequence length field
      const { oid: hashOID } = readASN1OID(data, index)
      switch (hashOID) {
        // standalone hash OIDs
        case '1.2.840.113549.2.5':
          return 'MD5'
        case '1.3.14.3.2.26':
          return 'SHA-1'
        case '2.16.840.1.101.3.4.2.1':
          return 'SHA-256'
        case '2.16.840.1.101.3.4.2.2':
          return 'SHA-384'
        case '2.16.840.1.101.3.4.2.3':
          return 'SHA-512'
      }
      throw x509Error('unknown hash OID ' + hashOID, data)
    }
    // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
    case '1.3.101.110':
    case '1.3.101.112': // ph
      return 'SHA-512'
    // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
    case '1.3.101.111':
    case '1.3.101.113': // ph
      throw x509Error('Ed448 certificate channel binding is not currently supported by Postgres')
  }
  throw x509Error('unknown OID ' + oid, data)
}

module.exports = { signatureAlgorithmHashFromCertificate }


/***/ }),

/***/ 20948:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


const crypto = __webpack_require__(84150)
const { signatureAlgorithmHashFromCertificate } = __webpack_require__(9765)

// SASLprep (RFC 4013) — minimal in-tree implementation.
//
// Per RFC 5802 §2.2, the SCRAM-SHA-256 client must normalize the password via
// SASLprep before feeding it into PBKDF2. PostgreSQL's server applies the same
// SASLprep when computing the stored verifier, and libpq does the same client
// side, so passwords whose NFKC form differs from the raw form
// would otherwise authenticate against psql/libpq but fail against pg with `28P01`.
//
// We deliberately implement only the three steps that change the byte content:
//   1. RFC 3454 Table C.1.2 (non-ASCII space) → U+0020 SPACE.
//   2. RFC 3454 Table B.1 (commonly mapped to nothing) → empty.
//   3. NFKC normalization.
// We skip the prohibition (RFC 4013 §2.3) and bidi (RFC 3454 §6) checks.
// libpq is forgiving on those paths and Postgres's own SASLprep matches that
// leniency for legacy roles, so omitting the rejection logic keeps existing
// roles working without adding complexity.
function saslprep(password) {
  // RFC 3454 Table C.1.2 — non-ASCII space characters, mapped to U+0020.
  const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g
  // RFC 3454 Table B.1 — "commonly mapped to nothing". The set intentionally
  // contains zero-width joiners and variation selectors — the very characters
  // ESLint's no-misleading-character-class warns about — because they combine
  // with their neighbors and the RFC strips them for that reason.
  // eslint-disable-next-line no-misleading-character-class
  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g
  return password.replace(nonAsciiSpace, ' ').replace(mappedToNothing, '').normalize('NFKC')
}

const DEFAULT_MAX_SCRAM_ITERATIONS = 100000

function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
  const candidates = ['SCRAM-SHA-256']
  if (stream) candidates.unshift('SCRAM-SHA-256-PLUS') // higher-priority, so placed first

  const mechanism = candidates.find((candidate) => mechanisms.includes(candidate))

  if (!mechanism) {
    throw new Error('SASL: Only mechanism(s) ' + candidates.join(' and ') + ' are supported')
  }

  if (mechanism === 'SCRAM-SHA-256-PLUS' && typeof stream.getPeerCertificate !== 'function') {
    // this should never happen if we are really talking to a Postgres server
    throw new Error('SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate')
  }

  const clientNonce = crypto.randomBytes(18).toString('base64')
  const gs2Header = mechanism === 'SCRAM-SHA-256-PLUS' ? 'p=tls-server-end-point' : stream ? 'y' : 'n'

  return {
    mechanism,
    clientNonce,
    response: gs2Header + ',,n=*,r=' + clientNonce,
    message: 'SASLInitialResponse',
    scramMaxIterations,
  }
}

async function continueSession(session, password, serverData, stream) {
  if (session.message !== 'SASLInitialResponse') {
    throw new Error('SASL: Last message was not SASLInitialResponse')
  }
  if (typeof password !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')
  }
  if (password === '') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string')
  }

  const sv = parseServerFirstMessage(serverData)

  if (!sv.nonce.startsWith(session.clientNonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce')
  } else if (sv.nonce.length === session.clientNonce.length) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short')
  }

  const scramMaxIterations =
    typeof session.scramMaxIterations === 'number' ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS
  // a value of 0 disables the iteration count check
  if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
    throw new Error(
      'SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count ' +
        sv.iteration +
        ' exceeds scramMaxIterations of ' +
        scramMaxIterations
    )
  }

  const clientFirstMessageBare = 'n=*,r=' + session.clientNonce
  const serverFirstMessage = 'r=' + sv.nonce + ',s=' + sv.salt + ',i=' + sv.iteration

  // without channel binding:
  let channelBinding = stream ? 'eSws' : 'biws' // 'y,,' or 'n,,', base64-encoded

  // override if channel binding is in use:
  if (session.mechanism === 'SCRAM-SHA-256-PLUS') {
    const peerCert = stream.getPeerCertificate().raw
    let hashName = signatureAlgorithmHashFromCertificate(peerCert)
    if (hashName === 'MD5' || hashName === 'SHA-1') hashName = 'SHA-256'
    const certHash = await crypto.hashByName(hashName, peerCert)
    const bindingData = Buffer.concat([Buffer.from('p=tls-server-end-point,,'), Buffer.from(certHash)])
    channelBinding = bindingData.toString('base64')
  }

  const clientFinalMessageWithoutProof = 'c=' + channelBinding + ',r=' + sv.nonce
  const authMessage = clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalMessageWithoutProof

  const saltBytes = Buffer.from(sv.salt, 'base64')
  const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration)
  const clientKey = await crypto.hmacSha256(saltedPassword, 'Client Key')
  const storedKey = await crypto.sha256(clientKey)
  const clientSignature = await crypto.hmacSha256(storedKey, authMessage)
  const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString('base64')
  const serverKey = await crypto.hmacSha256(saltedPassword, 'Server Key')
  const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage)

  session.message = 'SASLResponse'
  session.serverSignature = Buffer.from(serverSignatureBytes).toString('base64')
  session.response = clientFinalMessageWithoutProof + ',p=' + clientProof
}

function finalizeSession(session, serverData) {
  if (session.message !== 'SASLResponse') {
    throw new Error('SASL: Last message was not SASLResponse')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string')
  }

  const { serverSignature } = parseServerFinalMessage(serverData)

  if (serverSignature !== session.serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match')
  }
}

/**
 * printable       = %x21-2B / %x2D-7E
 *                   ;; Printable ASCII except ",".
 *                   ;; Note that any "printable" is also
 *                   ;; a valid "value".
 */
function isPrintableChars(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: text must be a string')
  }
  return text
    .split('')
    .map((_, i) => text.charCodeAt(i))
    .every((c) => (c >= 0x21 && c <= 0x2b) || (c >= 0x2d && c <= 0x7e))
}

/**
 * base64-char     = ALPHA / DIGIT / "/" / "+"
 *
 * base64-4        = 4base64-char
 *
 * base64-3        = 3base64-char "="
 *
 * base64-2        = 2base64-char "=="
 *
 * base64          = *base64-4 [base64-3 / base64-2]
 */
function isBase64(text) {
  return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text)
}

function parseAttributePairs(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: attribute pairs text must be a string')
  }

  return new Map(
    text.split(',').map((attrValue) => {
      if (!/^.=/.test(attrValue)) {
        throw new Error('SASL: Invalid attribute pair entry')
      }
      const name = attrValue[0]
      const value = attrValue.substring(2)
      return [name, value]
    })
  )
}

function parseServerFirstMessage(data) {
  const attrPairs = parseAttributePairs(data)

  const nonce = attrPairs.get('r')
  if (!nonce) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing')
  } else if (!isPrintableChars(nonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters')
  }
  const salt = attrPairs.get('s')
  if (!salt) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing')
  } else if (!isBase64(salt)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64')
  }
  const iterationText = attrPairs.get('i')
  if (!iterationText) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing')
  } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count')
  }
  const iteration = parseInt(iterationText, 10)

  return {
    nonce,
    salt,
    iteration,
  }
}

function parseServerFinalMessage(serverData) {
  const attrPairs = parseAttributePairs(serverData)
  const error = attrPairs.get('e')
  const serverSignature = attrPairs.get('v')

  if (error) {
    throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`)
  }

  if (!serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing')
  } else if (!isBase64(serverSignature)) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64')
  }
  return {
    serverSignature,
  }
}

function xorBuffers(a, b) {
  if (!Buffer.isBuffer(a)) {
    throw new TypeError('first argument must be a Buffer')
  }
  if (!Buffer.isBuffer(b)) {
    throw new TypeError('second argument must be a Buffer')
  }
  if (a.length !== b.length) {
    throw new Error('Buffer lengths must match')
  }
  if (a.length === 0) {
    throw new Error('Buffers cannot be empty')
  }
  return Buffer.from(a.map((_, i) => a[i] ^ b[i]))
}

module.exports = {
  startSession,
  continueSession,
  finalizeSession,
  DEFAULT_MAX_SCRAM_ITERATIONS,
}


/***/ }),

/***/ 84150:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const nodeCrypto = __webpack_require__(76982)

module.exports = {
  postgresMd5PasswordHash,
  randomBytes,
  deriveKey,
  sha256,
  hashByName,
  hmacSha256,
  md5,
}

/**
 * The Web Crypto API - grabbed from the Node.js library or the global
 * @type Crypto
 */
// eslint-disable-next-line no-undef
const webCrypto = nodeCrypto.webcrypto || globalThis.crypto
/**
 * The SubtleCrypto API for low level crypto operations.
 * @type SubtleCrypto
 */
const subtleCrypto = webCrypto.subtle
const textEncoder = new TextEncoder()

/**
 *
 * @param {*} length
 * @returns
 */
function randomBytes(length) {
  return webCrypto.getRandomValues(Buffer.alloc(length))
}

async function md5(string) {
  try {
    return nodeCrypto.createHash('md5').update(string, 'utf-8').digest('hex')
  } catch (e) {
    // `createHash()` failed so we are probably not in Node.js, use the WebCrypto API instead.
    // Note that the MD5 algorithm on WebCrypto is not available in Node.js.
    // This is why we cannot just use WebCrypto in all environments.
    const data = typeof string === 'string' ? textEncoder.encode(string) : string
    const hash = await subtleCrypto.digest('MD5', data)
    return Array.from(new Uint8Array(hash))
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
  }
}

// See AuthenticationMD5Password at https://www.postgresql.org/docs/current/static/protocol-flow.html
async function postgresMd5PasswordHash(user, password, salt) {
  const inner = await md5(password + user)
  const outer = await md5(Buffer.concat([Buffer.from(inner), salt]))
  return 'md5' + outer
}

/**
 * Create a SHA-256 digest of the given data
 * @param {Buffer} data
 */
async function sha256(text) {
  return await subtleCrypto.digest('SHA-256', text)
}

async function hashByName(hashName, text) {
  return await subtleCrypto.digest(hashName, text)
}

/**
 * Sign the message with the given key
 * @param {ArrayBuffer} keyBuffer
 * @param {string} msg
 */
async function hmacSha256(keyBuffer, msg) {
  const key = await subtleCrypto.importKey('raw', keyBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return await subtleCrypto.sign('HMAC', key, textEncoder.encode(msg))
}

/**
 * Derive a key from the password and salt
 * @param {string} password
 * @param {Uint8Array} salt
 * @param {number} iterations
 */
async function deriveKey(password, salt, iterations) {
  const key = await subtleCrypto.importKey('raw', textEncoder.encode(password), 'PBKDF2', false, ['deriveBits'])
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }
  return await subtleCrypto.deriveBits(params, key, 32 * 8, ['deriveBits'])
}


/***/ }),

/***/ 68995:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



let user
try {
  user = process.platform === 'win32' ? process.env.USERNAME : process.env.USER
} catch {
  // ignore, e.g., Deno without --allow-env
}

module.exports = {
  // database host. defaults to localhost
  host: 'localhost',

  // database user's name
  user,

  // name of database to connect
  database: undefined,

  // database user's password
  password: null,

  // a Postgres connection string to be used instead of setting individual connection items
  // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
  // in the defaults object.
  connectionString: undefined,

  // database port
  port: 5432,

  // number of rows to return at a time from a prepared statement's
  // portal. 0 will return all rows at once
  rows: 0,

  // binary result mode
  binary: false,

  // Connection pool options - see https://github.com/brianc/node-pg-pool

  // number of connections to use in connection pool
  // 0 will disable connection pooling
  max: 10,

  // max milliseconds a client can go unused before it is removed
  // from the pool and destroyed
  idleTimeoutMillis: 30000,

  client_encoding: '',

  ssl: false,

  // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
  sslnegotiation: undefined,

  application_name: undefined,

  fallback_application_name: undefined,

  options: undefined,

  parseInputDatesAsUTC: false,

  // max milliseconds any query using this connection will execute for before timing out in error.
  // false=unlimited
  statement_timeout: false,

  // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
  // false=unlimited
  lock_timeout: false,

  // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
  // false=unlimited
  idle_in_transaction_session_timeout: false,

  // max milliseconds to wait for query to complete (client side)
  query_timeout: false,

  connect_timeout: 0,

  keepalives: 1,

  keepalives_idle: 0,
}

const pgTypes = __webpack_require__(11549)
// save default parsers
const parseBigInteger = pgTypes.getTypeParser(20, 'text')
const parseBigIntegerArray = pgTypes.getTypeParser(1016, 'text')

// parse int8 so you can get your count values as actual numbers
module.exports.__defineSetter__('parseInt8', function (val) {
  pgTypes.setTypeParser(20, 'text', val ? pgTypes.getTypeParser(23, 'text') : parseBigInteger)
  pgTypes.setTypeParser(1016, 'text', val ? pgTypes.getTypeParser(1007, 'text') : parseBigIntegerArray)
})


/***/ }),

/***/ 13273:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const Client = __webpack_require__(75042)
const defaults = __webpack_require__(68995)
const Connection = __webpack_require__(9809)
const Result = __webpack_require__(26424)
const utils = __webpack_require__(69652)
const Pool = __webpack_require__(17558)
const TypeOverrides = __webpack_require__(50365)
const { DatabaseError } = __webpack_require__(74233)
const { escapeIdentifier, escapeLiteral } = __webpack_require__(69652)

const poolFactory = (Client) => {
  return class BoundPool extends Pool {
    constructor(options) {
      super(options, Client)
    }
  }
}

const PG = function (clientConstructor) {
  this.defaults = defaults
  this.Client = clientConstructor
  this.Query = this.Client.Query
  this.Pool = poolFactory(this.Client)
  this._pools = []
  this.Connection = Connection
  this.types = __webpack_require__(11549)
  this.DatabaseError = DatabaseError
  this.TypeOverrides = TypeOverrides
  this.escapeIdentifier = escapeIdentifier
  this.escapeLiteral = escapeLiteral
  this.Result = Result
  this.utils = utils
}

let clientConstructor = Client

let forceNative = false
try {
  forceNative = !!process.env.NODE_PG_FORCE_NATIVE
} catch {
  // ignore, e.g., Deno without --allow-env
}

if (forceNative) {
  clientConstructor = __webpack_require__(45301)
}

module.exports = new PG(clientConstructor)

// lazy require native module...the native module may not have installed
Object.defineProperty(module.exports, "native", ({
  configurable: true,
  enumerable: false,
  get() {
    let native = null
    try {
      native = new PG(__webpack_require__(45301))
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') {
        throw err
      }
    }

    // overwrite module.exports.native so that getter is never called again
    Object.defineProperty(module.exports, "native", ({
      value: native,
    }))

    return native
  },
}))


/***/ }),

/***/ 28942:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const nodeUtils = __webpack_require__(39023)
// eslint-disable-next-line
var Native
// eslint-disable-next-line no-useless-catch
try {
  // Wrap this `require()` in a try-catch to avoid upstream bundlers from complaining that this might not be available since it is an optional import
  Native = __webpack_require__(84390)
} catch (e) {
  throw e
}
const TypeOverrides = __webpack_require__(50365)
const EventEmitter = (__webpack_require__(24434).EventEmitter)
const util = __webpack_require__(39023)
const ConnectionParameters = __webpack_require__(646)

const NativeQuery = __webpack_require__(17581)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

const Client = (module.exports = function (config) {
  EventEmitter.call(this)
  config = config || {}

  this._Promise = config.Promise || global.Promise
  this._types = new TypeOverrides(config.types)

  this.native = new Native({
    types: this._types,
  })

  this._queryQueue = []
  this._ending = false
  this._connecting = false
  this._connected = false
  this._queryable = true
  this.pipeline = Boolean(config.pipeline)
  this._pipelineInFlight = false

  // keep these on the object for legacy reasons
  // for the time being. TODO: deprecate all this jazz
  const cp = (this.connectionParameters = new ConnectionParameters(config))
  if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString
  this.user = cp.user

  // "hiding" the password so it doesn't show up in stack traces
  // or if the client is console.logged
  Object.defineProperty(this, 'password', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: cp.password,
  })
  this.database = cp.database
  this.host = cp.host
  this.port = cp.port

  // a hash to hold named queries
  this.namedQueries = {}
})

Client.Query = NativeQuery

util.inherits(Client, EventEmitter)

Client.prototype._errorAllQueries = function (err) {
  const enqueueError = (query) => {
    process.nextTick(() => {
      query.native = this.native
      query.handleError(err)
    })
  }

  if (this._hasActiveQuery()) {
    enqueueError(this._activeQuery)
    this._activeQuery = null
  }

  this._queryQueue.forEach(enqueueError)
  this._queryQueue.length = 0
}

// connect to the backend
// pass an optional callback to be called once connected
// or with an error if there was a connection error
Client.prototype._connect = function (cb) {
  const self = this

  if (this._connecting) {
    process.nextTick(() => cb(new Error('Client has already been connected. You cannot reuse a client.')))
    return
  }

  this._connecting = true

  this.connectionParameters.getLibpqConnectionString(function (err, conString) {
    if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString
    if (err) return cb(err)
    self.native.connect(conString, function (err) {
      if (err) {
        self.native.end()
        return cb(err)
      }

      // set internal states to connected
      self._connected = true

      // handle connection errors from the native layer
      self.native.on('error', function (err) {
        self._queryable = false
        self._errorAllQueries(err)
        self.emit('error', err)
      })

      self.native.on('notification', function (msg) {
        self.emit('notification', {
          channel: msg.relname,
          payload: msg.extra,
        })
      })

      // signal we are connected now
      self.emit('connect')
      self._pulseQueryQueue(true)

      cb(null, this)
    })
  })
}

Client.prototype.connect = function (callback) {
  if (callback) {
    this._connect(callback)
    return
  }

  return new this._Promise((resolve, reject) => {
    this._connect((error) => {
      if (error) {
        reject(error)
      } else {
        resolve(this)
      }
    })
  })
}

// send a query to the server
// this method is highly overloaded to take
// 1) string query, optional array of parameters, optional function callback
// 2) object query with {
//    string query
//    optional array values,
//    optional function callback instead of as a separate parameter
//    optional string name to name & cache the query plan
//    optional string rowMode = 'array' for an array of results
//  }
Client.prototype.query = function (config, values, callback) {
  let query
  let result
  let readTimeout
  let readTimeoutTimer
  let queryCallback

  if (config === null || config === undefined) {
    throw new TypeError('Client was passed a null or undefined query')
  } else if (typeof config.submit === 'function') {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    result = query = config
    // accept query(new Query(...), (err, res) => { }) style
    if (typeof values === 'function') {
      config.callback = values
    }
  } else {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    query = new NativeQuery(config, values, callback)
    if (!query.callback) {
      let resolveOut, rejectOut
      result = new this._Promise((resolve, reject) => {
        resolveOut = resolve
        rejectOut = reject
      }).catch((err) => {
        Error.captureStackTrace(err)
        throw err
      })
      query.callback = (err, res) => (err ? rejectOut(err) : resolveOut(res))
    }
  }

  if (readTimeout) {
    queryCallback = query.callback || (() => {})

    readTimeoutTimer = setTimeout(() => {
      const error = new Error('Query read timeout')

      process.nextTick(() => {
        query.handleError(error, this.connection)
      })

      queryCallback(error)

      // we already returned an error,
      // just do nothing if query completes
      query.callback = () => {}

      // Remove from queue
      const index = this._queryQueue.indexOf(query)
      if (index > -1) {
        this._queryQueue.splice(index, 1)
      }

      this._pulseQueryQueue()
    }, readTimeout)

    query.callback = (err, res) => {
      clearTimeout(readTimeoutTimer)
      queryCallback(err, res)
    }
  }

  if (!this._queryable) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client has encountered a connection error and is not queryable'))
    })
    return result
  }

  if (this._ending) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client was closed and is not queryable'))
    })
    return result
  }

  if (this._queryQueue.length > 0 && !this.pipeline) {
    queryQueueLengthDeprecationNotice()
  }

  this._queryQueue.push(query)
  this._pulseQueryQueue()
  return result
}

// disconnect from the backend server
Client.prototype.end = function (cb) {
  const self = this

  this._ending = true

  if (this._connecting && !this._connected) {
    this.once('connect', () => {
      this.end(() => {})
    })
  }
  let result
  if (!cb) {
    result = new this._Promise(function (resolve, reject) {
      cb = (err) => (err ? reject(err) : resolve())
    })
  }

  const doEnd = function () {
    self.native.end(function () {
      self._connected = false

      self._errorAllQueries(new Error('Connection terminated'))

      process.nextTick(() => {
        self.emit('end')
        if (cb) cb()
      })
    })
  }

  // If pipeline has in-flight or queued queries, wait for them to drain before closing
  if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
    this.once('drain', doEnd)
  } else {
    doEnd()
  }
  return result
}

Client.prototype._hasActiveQuery = function () {
  return this._activeQuery && this._activeQuery.state !== 'error' && this._activeQuery.state !== 'end'
}

Client.prototype._pulseQueryQueue = function (initialConnection) {
  if (!this._connected) {
    return
  }
  if (this.pipeline && !initialConnection) {
    return this._pulsePipelinedQueryQueue()
  }
  if (this._hasActiveQuery()) {
    return
  }
  const query = this._queryQueue.shift()
  if (!query) {
    if (!initialConnection) {
      this.emit('drain')
    }
    return
  }
  this._activeQuery = query
  query.submit(this)
  const self = this
  query.once('_done', function () {
    self._pulseQueryQueue()
  })
}

Client.prototype._pulsePipelinedQueryQueue = function () {
  if (!this._connected || this._pipelineInFlight) {
    return
  }
  if (this._queryQueue.length === 0) {
    if (this.hasExecuted) {
      this.emit('drain')
    }
    return
  }

  this._pipelineInFlight = true
  const self = this
  const queries = []
  const nativeQueries = []
  const utils = __webpack_require__(69652)

  while (this._queryQueue.length > 0) {
    const query = this._queryQueue.shift()
    this.hasExecuted = true
    nativeQueries.push(query)

    const values = query.values ? query.values.map(utils.prepareValue) : null
    const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode }
    if (values) {
      pipelineEntry.values = values
    }
    if (query.name && this.namedQueries[query.name]) {
      pipelineEntry._alreadyPrepared = true
    }
    queries.push(pipelineEntry)
  }

  this.native.pipeline(queries, function (err, results) {
    self._pipelineInFlight = false

    if (err) {
      // Total pipeline failure. Per-query errors arrive on results[i].err, so reaching here means
      // the connection itself is gone: mark it unusable and say so, the way the JS client and the
      // non-pipelined native path both do. Without this the client looks healthy after losing its
      // backend, a Pool never discards it, and everything routed to it fails one query at a time
      // for the life of the process.
      self._connected = false
      self._queryable = false
      for (let i = 0; i < nativeQueries.length; i++) {
        const q = nativeQueries[i]
        q.native = self.native
        q.handleError(err)
      }
      self._errorAllQueries(err)
      self.emit('error', err)
      self.emit('end')
      return
    }

    // Deliver results to each query
    for (let i = 0; i < nativeQueries.length; i++) {
      const q = nativeQueries[i]
      const r = results[i]
      q.native = self.native

      if (r.err) {
        q.handleError(r.err)
      } else {
        // Track named queries on success
        if (q.name) {
          self.namedQueries[q.name] = q.text
        }
        q.state = 'end'
        q.emit('end', r.result)
        if (q.callback) {
          q.callback(null, r.result)
        }
      }

      setImmediate(function () {
        q.emit('_done')
      })
    }

    // Process any queries that arrived while we were reading
    self._pulsePipelinedQueryQueue()
  })
}

// attempt to cancel an in-progress query
Client.prototype.cancel = function (query) {
  if (this._activeQuery === query) {
    this.native.cancel(function () {})
  } else if (this._queryQueue.indexOf(query) !== -1) {
    this._queryQueue.splice(this._queryQueue.indexOf(query), 1)
  }
}

Client.prototype.ref = function () {}
Client.prototype.unref = function () {}

Client.prototype.setTypeParser = function (oid, format, parseFn) {
  return this._types.setTypeParser(oid, format, parseFn)
}

Client.prototype.getTypeParser = function (oid, format) {
  return this._types.getTypeParser(oid, format)
}

Client.prototype.isConnected = function () {
  return this._connected
}

Client.prototype.getTransactionStatus = function () {
  return this.native.getTransactionStatus()
}


/***/ }),

/***/ 45301:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


module.exports = __webpack_require__(28942)


/***/ }),

/***/ 17581:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const EventEmitter = (__webpack_require__(24434).EventEmitter)
const util = __webpack_require__(39023)
const utils = __webpack_require__(69652)

const NativeQuery = (module.exports = function (config, values, callback) {
  EventEmitter.call(this)
  config = utils.normalizeQueryConfig(config, values, callback)
  this.text = config.text
  this.values = config.values
  this.name = config.name
  this.queryMode = config.queryMode
  this.callback = config.callback
  this.state = 'new'
  this._arrayMode = config.rowMode === 'array'

  // if the 'row' event is listened for
  // then emit them as they come in
  // without setting singleRowMode to true
  // this has almost no meaning because libpq
  // reads all rows into memory before returning any
  this._emitRowEvents = false
  this.on(
    'newListener',
    function (event) {
      if (event === 'row') this._emitRowEvents = true
    }.bind(this)
  )
})

util.inherits(NativeQuery, EventEmitter)

const errorFieldMap = {
  sqlState: 'code',
  statementPosition: 'position',
  messagePrimary: 'message',
  messageDetail: 'detail',
  messageHint: 'hint',
  context: 'where',
  schemaName: 'schema',
  tableName: 'table',
  columnName: 'column',
  dataTypeName: 'dataType',
  constraintName: 'constraint',
  sourceFile: 'file',
  sourceLine: 'line',
  sourceFunction: 'routine',
}

NativeQuery.prototype.handleError = function (err) {
  // copy pq error fields into the error object
  const fields = this.native && this.native.pq.resultErrorFields()
  if (fields) {
    for (const key in fields) {
      const normalizedFieldName = errorFieldMap[key] || key
      err[normalizedFieldName] = fields[key]
    }
  }
  if (this.callback) {
    this.callback(err)
  } else {
    this.emit('error', err)
  }
  this.state = 'error'
}

NativeQuery.prototype.then = function (onSuccess, onFailure) {
  return this._getPromise().then(onSuccess, onFailure)
}

NativeQuery.prototype.catch = function (callback) {
  return this._getPromise().catch(callback)
}

NativeQuery.prototype._getPromise = function () {
  if (this._promise) return this._promise
  this._promise = new Promise(
    function (resolve, reject) {
      this._once('end', resolve)
      this._once('error', reject)
    }.bind(this)
  )
  return this._promise
}

NativeQuery.prototype.submit = function (client) {
  this.state = 'running'
  const self = this
  this.native = client.native
  client.native.arrayMode = this._arrayMode

  let after = function (err, rows, results) {
    client.native.arrayMode = false
    setImmediate(function () {
      self.emit('_done')
    })

    // handle possible query error
    if (err) {
      return self.handleError(err)
    }

    // emit row events for each row in the result
    if (self._emitRowEvents) {
      if (results.length > 1) {
        rows.forEach((rowOfRows, i) => {
          rowOfRows.forEach((row) => {
            self.emit('row', row, results[i])
          })
        })
      } else {
        rows.forEach(function (row) {
          self.emit('row', row, results)
        })
      }
    }

    // handle successful result
    self.state = 'end'
    self.emit('end', results)
    if (self.callback) {
      self.callback(null, results)
    }
  }

  if (process.domain) {
    after = process.domain.bind(after)
  }

  // named query
  if (this.name) {
    if (this.name.length > 63) {
      console.error('Warning! Postgres only supports 63 characters for query names.')
      console.error('You supplied %s (%s)', this.name, this.name.length)
      console.error('This can cause conflicts and silent errors executing queries')
    }
    const values = (this.values || []).map(utils.prepareValue)

    // check if the client has already executed this named query
    // if so...just execute it again - skip the planning phase
    if (client.namedQueries[this.name] !== undefined) {
      if (this.text && client.namedQueries[this.name] !== this.text) {
        const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
        return after(err)
      }
      return client.native.execute(this.name, values, after)
    }
    // plan the named query the first time, then execute it
    return client.native.prepare(this.name, this.text, values.length, function (err) {
      if (err) return after(err)
      client.namedQueries[self.name] = self.text
      return self.native.execute(self.name, values, after)
    })
  } else if (this.values) {
    if (!Array.isArray(this.values)) {
      const err = new Error('Query values must be an array')
      return after(err)
    }
    const vals = this.values.map(utils.prepareValue)
    client.native.query(this.text, vals, after)
  } else if (this.queryMode === 'extended') {
    client.native.query(this.text, [], after)
  } else {
    client.native.query(this.text, after)
  }
}


/***/ }),

/***/ 84473:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const { EventEmitter } = __webpack_require__(24434)

const Result = __webpack_require__(26424)
const utils = __webpack_require__(69652)

class Query extends EventEmitter {
  constructor(config, values, callback) {
    super()

    config = utils.normalizeQueryConfig(config, values, callback)

    this.text = config.text
    this.values = config.values
    this.rows = config.rows
    this.types = config.types
    this.name = config.name
    this.queryMode = config.queryMode
    this.binary = config.binary
    // use unique portal name each time
    this.portal = config.portal || ''
    this.callback = config.callback
    this._rowMode = config.rowMode
    if (process.domain && config.callback) {
      this.callback = process.domain.bind(config.callback)
    }
    this._result = new Result(this._rowMode, this.types)

    // potential for multiple results
    this._results = this._result
    this._canceledDueToError = false
  }

  requiresPreparation() {
    if (this.queryMode === 'extended') {
      return true
    }

    // named queries must always be prepared
    if (this.name) {
      return true
    }
    // always prepare if there are max number of rows expected per
    // portal execution
    if (this.rows) {
      return true
    }
    // don't prepare empty text queries
    if (!this.text) {
      return false
    }
    // prepare if there are values
    if (!this.values) {
      return false
    }
    return this.values.length > 0
  }

  _checkForMultirow() {
    // if we already have a result with a command property
    // then we've already executed one query in a multi-statement simple query
    // turn our results into an array of results
    if (this._result.command) {
      if (!Array.isArray(this._results)) {
        this._results = [this._result]
      }
      this._result = new Result(this._rowMode, this._result._types)
      this._results.push(this._result)
    }
  }

  // associates row metadata from the supplied
  // message with this query object
  // metadata used when parsing row results
  handleRowDescription(msg) {
    this._checkForMultirow()
    this._result.addFields(msg.fields)
    this._accumulateRows = this.callback || !this.listeners('row').length
  }

  handleDataRow(msg) {
    let row

    if (this._canceledDueToError) {
      return
    }

    try {
      row = this._result.parseRow(msg.fields)
    } catch (err) {
      this._canceledDueToError = err
      return
    }

    this.emit('row', row, this._result)
    if (this._accumulateRows) {
      this._result.addRow(row)
    }
  }

  handleCommandComplete(msg, connection) {
    this._checkForMultirow()
    this._result.addCommandComplete(msg)
    // need to sync after each command complete of a prepared statement
    // if we were using a row count which results in multiple calls to _getRows
    if (this.rows) {
      connection.sync()
    }
  }

  // if a named prepared statement is created with empty query text
  // the backend will send an emptyQuery message but *not* a command complete message
  // since we pipeline sync immediately after execute we don't need to do anything here
  // unless we have rows specified, in which case we did not pipeline the initial sync call
  handleEmptyQuery(connection) {
    if (this.rows) {
      connection.sync()
    }
  }

  handleError(err, connection) {
    // need to sync after error during a prepared statement
    if (this._canceledDueToError) {
      err = this._canceledDueToError
      this._canceledDueToError = false
    }
    // if callback supplied do not emit error event as uncaught error
    // events will bubble up to node process
    if (this.callback) {
      return this.callback(err)
    }
    this.emit('error', err)
  }

  handleReadyForQuery(con) {
    if (this._canceledDueToError) {
      return this.handleError(this._canceledDueToError, con)
    }
    if (this.callback) {
      try {
        this.callback(null, this._results)
      } catch (err) {
        process.nextTick(() => {
          throw err
        })
      }
    }
    this.emit('end', this._results)
  }

  submit(connection) {
    if (typeof this.text !== 'string' && typeof this.name !== 'string') {
      return new Error('A query must have either text or a name. Supplying neither is unsupported.')
    }
    const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name]
    if (this.text && previous && this.text !== previous) {
      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
    }
    if (this.values && !Array.isArray(this.values)) {
      return new Error('Query values must be an array')
    }
    if (this.requiresPreparation()) {
      // If we're using the extended query protocol we fire off several separate commands
      // to the backend. On some versions of node & some operating system versions
      // the network stack writes each message separately instead of buffering them together
      // causing the client & network to send more slowly. Corking & uncorking the stream
      // allows node to buffer up the messages internally before sending them all off at once.
      // note: we're checking for existence of cork/uncork because some versions of streams
      // might not have this (cloudflare?)
      connection.stream.cork && connection.stream.cork()
      try {
        this.prepare(connection)
      } finally {
        // while unlikely for this.prepare to throw, if it does & we don't uncork this stream
        // this client becomes unresponsive, so put in finally block "just in case"
        connection.stream.uncork && connection.stream.uncork()
      }
    } else {
      connection.query(this.text)
    }
    return null
  }

  hasBeenParsed(connection) {
    return (
      this.name &&
      (connection.parsedStatements[this.name] !== undefined ||
        connection.submittedNamedStatements[this.name] !== undefined)
    )
  }

  handlePortalSuspended(connection) {
    this._getRows(connection, this.rows)
  }

  _getRows(connection, rows) {
    connection.execute({
      portal: this.portal,
      rows: rows,
    })
    // if we're not reading pages of rows send the sync command
    // to indicate the pipeline is finished
    if (!rows) {
      connection.sync()
    } else {
      // otherwise flush the call out to read more rows
      connection.flush()
    }
  }

  // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
  prepare(connection) {
    // TODO refactor this poor encapsulation
    if (!this.hasBeenParsed(connection)) {
      connection.parse({
        text: this.text,
        name: this.name,
        types: this.types,
      })
      if (this.name) {
        connection.submittedNamedStatements[this.name] = this.text
      }
    }

    // because we're mapping user supplied values to
    // postgres wire protocol compatible values it could
    // throw an exception, so try/catch this section
    try {
      connection.bind({
        portal: this.portal,
        statement: this.name,
        values: this.values,
        binary: this.binary,
        valueMapper: utils.prepareValue,
      })
    } catch (err) {
      // we should close parse to avoid leaking connections
      connection.close({ type: 'S', name: this.name })
      connection.sync()

      this.handleError(err, connection)
      return
    }

    connection.describe({
      type: 'P',
      name: this.portal || '',
    })

    this._getRows(connection, this.rows)
  }

  handleCopyInResponse(connection) {
    connection.sendCopyFail('No source stream defined')
  }

  handleCopyData(msg, connection) {
    // noop
  }
}

module.exports = Query


/***/ }),

/***/ 26424:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const types = __webpack_require__(11549)

const matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/

// result object returned from query
// in the 'end' event and also
// passed as second argument to provided callback
class Result {
  constructor(rowMode, types) {
    this.command = null
    this.rowCount = null
    this.oid = null
    this.rows = []
    this.fields = []
    this._parsers = undefined
    this._types = types
    this.RowCtor = null
    this.rowAsArray = rowMode === 'array'
    if (this.rowAsArray) {
      this.parseRow = this._parseRowAsArray
    }
    this._prebuiltEmptyResultObject = null
  }

  // adds a command complete message
  addCommandComplete(msg) {
    let match
    if (msg.text) {
      // pure javascript
      match = matchRegexp.exec(msg.text)
    } else {
      // native bindings
      match = matchRegexp.exec(msg.command)
    }
    if (match) {
      this.command = match[1]
      if (match[3]) {
        // COMMAND OID ROWS
        this.oid = parseInt(match[2], 10)
        this.rowCount = parseInt(match[3], 10)
      } else if (match[2]) {
        // COMMAND ROWS
        this.rowCount = parseInt(match[2], 10)
      }
    }
  }

  _parseRowAsArray(rowData) {
    const row = new Array(rowData.length)
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      if (rawValue !== null) {
        row[i] = this._parsers[i](rawValue)
      } else {
        row[i] = null
      }
    }
    return row
  }

  parseRow(rowData) {
    const row = { ...this._prebuiltEmptyResultObject }
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      const field = this.fields[i].name
      if (rawValue !== null) {
        const v = this.fields[i].format === 'binary' ? Buffer.from(rawValue) : rawValue
        row[field] = this._parsers[i](v)
      } else {
        row[field] = null
      }
    }
    return row
  }

  addRow(row) {
    this.rows.push(row)
  }

  addFields(fieldDescriptions) {
    // clears field definitions
    // multiple query statements in 1 action can result in multiple sets
    // of rowDescriptions...eg: 'select NOW(); select 1::int;'
    // you need to reset the fields
    this.fields = fieldDescriptions
    if (this.fields.length) {
      this._parsers = new Array(fieldDescriptions.length)
    }

    const row = Object.create(null)

    for (let i = 0; i < fieldDescriptions.length; i++) {
      const desc = fieldDescriptions[i]
      row[desc.name] = null

      if (this._types) {
        this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      } else {
        this._parsers[i] = types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      }
    }

    this._prebuiltEmptyResultObject = { ...row }
  }
}

module.exports = Result


/***/ }),

/***/ 30829:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { getStream, getSecureStream } = getStreamFuncs()

module.exports = {
  /**
   * Get a socket stream compatible with the current runtime environment.
   * @returns {Duplex}
   */
  getStream,
  /**
   * Get a TLS secured socket, compatible with the current environment,
   * using the socket and other settings given in `options`.
   * @returns {Duplex}
   */
  getSecureStream,
}

/**
 * The stream functions that work in Node.js
 */
function getNodejsStreamFuncs() {
  function getStream(ssl) {
    const net = __webpack_require__(69278)
    return new net.Socket()
  }

  function getSecureStream(options) {
    const tls = __webpack_require__(64756)
    return tls.connect(options)
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * The stream functions that work in Cloudflare Workers
 */
function getCloudflareStreamFuncs() {
  function getStream(ssl) {
    const { CloudflareSocket } = __webpack_require__(785)
    return new CloudflareSocket(ssl)
  }

  function getSecureStream(options) {
    options.socket.startTls(options)
    return options.socket
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * Are we running in a Cloudflare Worker?
 *
 * @returns true if the code is currently running inside a Cloudflare Worker.
 */
function isCloudflareRuntime() {
  // Since 2022-03-21 the `global_navigator` compatibility flag is on for Cloudflare Workers
  // which means that `navigator.userAgent` will be defined.
  // eslint-disable-next-line no-undef
  if (typeof navigator === 'object' && navigator !== null && typeof navigator.userAgent === 'string') {
    // eslint-disable-next-line no-undef
    return navigator.userAgent === 'Cloudflare-Workers'
  }
  // In case `navigator` or `navigator.userAgent` is not defined then try a more sneaky approach
  if (typeof Response === 'function') {
    const resp = new Response(null, { cf: { thing: true } })
    if (typeof resp.cf === 'object' && resp.cf !== null && resp.cf.thing) {
      return true
    }
  }
  return false
}

function getStreamFuncs() {
  if (isCloudflareRuntime()) {
    return getCloudflareStreamFuncs()
  }
  return getNodejsStreamFuncs()
}


/***/ }),

/***/ 50365:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const types = __webpack_require__(11549)

function TypeOverrides(userTypes) {
  this._types = userTypes || types
  this.text = {}
  this.binary = {}
}

TypeOverrides.prototype.getOverrides = function (format) {
  switch (format) {
    case 'text':
      return this.text
    case 'binary':
      return this.binary
    default:
      return {}
  }
}

TypeOverrides.prototype.setTypeParser = function (oid, format, parseFn) {
  if (typeof format === 'function') {
    parseFn = format
    format = 'text'
  }
  this.getOverrides(format)[oid] = parseFn
}

TypeOverrides.prototype.getTypeParser = function (oid, format) {
  format = format || 'text'
  return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format)
}

module.exports = TypeOverrides


/***/ }),

/***/ 69652:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const defaults = __webpack_require__(68995)
const nodeUtils = __webpack_require__(39023)

const { isDate } = __webpack_require__(98253)

const invalidDateDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.',
  'PG_INVALID_DATE'
)

function escapeElement(elementRepresentation) {
  const escaped = elementRepresentation.replace(/\\/g, '\\\\').replace(/"/g, '\\"')

  return '"' + escaped + '"'
}

// convert a JS array to a postgres array literal
// uses comma separator so won't work for types like box that use
// a different array separator.
function arrayString(val) {
  let result = '{'
  for (let i = 0; i < val.length; i++) {
    if (i > 0) {
      result += ','
    }
    let item = val[i]
    if (item == null) {
      result += 'NULL'
    } else if (Array.isArray(item)) {
      result += arrayString(item)
    } else if (ArrayBuffer.isView(item)) {
      if (!(item instanceof Buffer)) {
        item = Buffer.from(item.buffer, item.byteOffset, item.byteLength)
      }
      result += '\\\\x' + item.toString('hex')
    } else {
      result += escapeElement(prepareValue(item))
    }
  }
  result += '}'
  return result
}

// converts values from javascript types
// to their 'raw' counterparts for use as a postgres parameter
// note: you can override this function to provide your own conversion mechanism
// for complex types, etc...
const prepareValue = function (val, seen) {
  // null and undefined are both null for postgres
  if (val == null) {
    return null
  }
  if (typeof val === 'object') {
    if (val instanceof Buffer) {
      return val
    }
    if (ArrayBuffer.isView(val)) {
      return Buffer.from(val.buffer, val.byteOffset, val.byteLength)
    }
    if (isDate(val)) {
      if (isNaN(val.getTime())) {
        invalidDateDeprecationNotice()
      }
      if (defaults.parseInputDatesAsUTC) {
        return dateToStringUTC(val)
      } else {
        return dateToString(val)
      }
    }
    if (Array.isArray(val)) {
      return arrayString(val)
    }

    return prepareObject(val, seen)
  }
  return val.toString()
}

function prepareObject(val, seen) {
  if (val && typeof val.toPostgres === 'function') {
    seen = seen || []
    if (seen.indexOf(val) !== -1) {
      throw new Error('circular reference detected while preparing "' + val + '" for query')
    }
    seen.push(val)

    return prepareValue(val.toPostgres(prepareValue), seen)
  }
  return JSON.stringify(val)
}

function dateToString(date) {
  let offset = -date.getTimezoneOffset()

  let year = date.getFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getDate()).padStart(2, '0') +
    'T' +
    String(date.getHours()).padStart(2, '0') +
    ':' +
    String(date.getMinutes()).padStart(2, '0') +
    ':' +
    String(date.getSeconds()).padStart(2, '0') +
    '.' +
    String(date.getMilliseconds()).padStart(3, '0')

  if (offset < 0) {
    ret += '-'
    offset *= -1
  } else {
    ret += '+'
  }

  ret += String(Math.floor(offset / 60)).padStart(2, '0') + ':' + String(offset % 60).padStart(2, '0')
  if (isBCYear) ret += ' BC'
  return ret
}

function dateToStringUTC(date) {
  let year = date.getUTCFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getUTCMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getUTCDate()).padStart(2, '0') +
    'T' +
    String(date.getUTCHours()).padStart(2, '0') +
    ':' +
    String(date.getUTCMinutes()).padStart(2, '0') +
    ':' +
    String(date.getUTCSeconds()).padStart(2, '0') +
    '.' +
    String(date.getUTCMilliseconds()).padStart(3, '0')

  ret += '+00:00'
  if (isBCYear) ret += ' BC'
  return ret
}

function normalizeQueryConfig(config, values, callback) {
  // can take in strings or config objects
  // Copy config so normalization does not mutate the caller's object.
  config = typeof config === 'string' ? { text: config } : cloneQueryConfig(config)
  if (values) {
    if (typeof values === 'function') {
      config.callback = values
    } else {
      config.values = values
    }
  }
  if (callback) {
    config.callback = callback
  }
  return config
}

function cloneQueryConfig(config) {
  if (config == null) {
    return config
  }
  return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config))
}

// Ported from PostgreSQL 9.2.4 source code in src/interfaces/libpq/fe-exec.c
const escapeIdentifier = function (str) {
  return '"' + str.replace(/"/g, '""') + '"'
}

const escapeLiteral = function (str) {
  let hasBackslash = false
  let escaped = "'"

  if (str == null) {
    return "''"
  }

  if (typeof str !== 'string') {
    return "''"
  }

  for (let i = 0; i < str.length; i++) {
    const c = str[i]
    if (c === "'") {
      escaped += c + c
    } else if (c === '\\') {
      escaped += c + c
      hasBackslash = true
    } else {
      escaped += c
    }
  }

  escaped += "'"

  if (hasBackslash === true) {
    escaped = ' E' + escaped
  }

  return escaped
}

module.exports = {
  prepareValue: function prepareValueWrapper(value) {
    // this ensures that extra arguments do not get passed into prepareValue
    // by accident, eg: from calling values.map(utils.prepareValue)
    return prepareValue(value)
  },
  normalizeQueryConfig,
  escapeIdentifier,
  escapeLiteral,
}


/***/ }),

/***/ 98702:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var path = __webpack_require__(16928)
  , Stream = (__webpack_require__(2203).Stream)
  , split = __webpack_require__(35286)
  , util = __webpack_require__(39023)
  , defaultPort = 5432
  , isWin = (process.platform === 'win32')
  , warnStream = process.stderr
;


var S_IRWXG = 56     //    00070(8)
  , S_IRWXO = 7      //    00007(8)
  , S_IFMT  = 61440  // 00170000(8)
  , S_IFREG = 32768  //  0100000(8)
;
function isRegFile(mode) {
    return ((mode & S_IFMT) == S_IFREG);
}

var fieldNames = [ 'host', 'port', 'database', 'user', 'password' ];
var nrOfFields = fieldNames.length;
var passKey = fieldNames[ nrOfFields -1 ];


function warn() {
    var isWritable = (
        warnStream instanceof Stream &&
          true === warnStream.writable
    );

    if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write( util.format.apply(util, args) );
    }
}


Object.defineProperty(module.exports, "isWin", ({
    get : function() {
        return isWin;
    } ,
    set : function(val) {
        isWin = val;
    }
}));


module.exports.warnTo = function(stream) {
    var old = warnStream;
    warnStream = stream;
    return old;
};

module.exports.getFileName = function(rawEnv){
    var env = rawEnv || process.env;
    var file = env.PGPASSFILE || (
        isWin ?
          path.join( env.APPDATA || './' , 'postgresql', 'pgpass.conf' ) :
          path.join( env.HOME || './', '.pgpass' )
    );
    return file;
};

module.exports.usePgPass = function(stats, fname) {
    if (Object.prototype.hasOwnProperty.call(process.env, 'PGPASSWORD')) {
        return false;
    }

    if (isWin) {
        return true;
    }

    fname = fname || '<unkn>';

    if (! isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
    }

    if (stats.mode & (S_IRWXG | S_IRWXO)) {
        /* If password file is insecure, alert the user and ignore it. */
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
    }

    return true;
};


var matcher = module.exports.match = function(connInfo, entry) {
    return fieldNames.slice(0, -1).reduce(function(prev, field, idx){
        if (idx == 1) {
            // the port
            if ( Number( connInfo[field] || defaultPort ) === Number( entry[field] ) ) {
                return prev && true;
            }
        }
        return prev && (
            entry[field] === '*' ||
              entry[field] === connInfo[field]
        );
    }, true);
};


module.exports.getPassword = function(connInfo, stream, cb) {
    var pass;
    var lineStream = stream.pipe(split());

    function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
            pass = entry[passKey];
            lineStream.end(); // -> calls onEnd(), but pass is set now
        }
    }

    var onEnd = function() {
        stream.destroy();
        cb(pass);
    };

    var onErr = function(err) {
        stream.destroy();
        warn('WARNING: error on reading file: %s', err);
        cb(undefined);
    };

    stream.on('error', onErr);
    lineStream
        .on('data', onLine)
        .on('end', onEnd)
        .on('error', onErr)
    ;

};


var parseLine = module.exports.parseLine = function(line) {
    if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
    }

    var curChar = '';
    var prevChar = '';
    var fieldIdx = 0;
    var startIdx = 0;
    var endIdx = 0;
    var obj = {};
    var isLastField = false;
    var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);

        if (! Object.hasOwnProperty.call(process.env, 'PGPASS_NO_DEESCAPE')) {
            field = field.replace(/\\([:\\])/g, '$1');
        }

        obj[ fieldNames[idx] ] = field;
    };

    for (var i = 0 ; i < line.length-1 ; i += 1) {
        curChar = line.charAt(i+1);
        prevChar = line.charAt(i);

        isLastField = (fieldIdx == nrOfFields-1);

        if (isLastField) {
            addToObj(fieldIdx, startIdx);
            break;
        }

        if (i >= 0 && curChar == ':' && prevChar !== '\\') {
            addToObj(fieldIdx, startIdx, i+1);

            startIdx = i+2;
            fieldIdx += 1;
        }
    }

    obj = ( Object.keys(obj).length === nrOfFields ) ? obj : null;

    return obj;
};


var isValidEntry = module.exports.isValidEntry = function(entry){
    var rules = {
        // host
        0 : function(x){
            return x.length > 0;
        } ,
        // port
        1 : function(x){
            if (x === '*') {
                return true;
            }
            x = Number(x);
            return (
                isFinite(x) &&
                  x > 0 &&
                  x < 9007199254740992 &&
                  Math.floor(x) === x
            );
        } ,
        // database
        2 : function(x){
            return x.length > 0;
        } ,
        // username
        3 : function(x){
            return x.length > 0;
        } ,
        // password
        4 : function(x){
            return x.length > 0;
        }
    };

    for (var idx = 0 ; idx < fieldNames.length ; idx += 1) {
        var rule = rules[idx];
        var value = entry[ fieldNames[idx] ] || '';

        var res = rule(value);
        if (!res) {
            return false;
        }
    }

    return true;
};



/***/ }),

/***/ 13272:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var path = __webpack_require__(16928)
  , fs = __webpack_require__(79896)
  , helper = __webpack_require__(98702)
;


module.exports = function(connInfo, cb) {
    var file = helper.getFileName();
    
    fs.stat(file, function(err, stat){
        if (err || !helper.usePgPass(stat, file)) {
            return cb(undefined);
        }

        var st = fs.createReadStream(file);

        helper.getPassword(connInfo, st, cb);
    });
};

module.exports.warnTo = helper.warnTo;


/***/ }),

/***/ 44792:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Deparser = void 0;
const quotes_1 = __webpack_require__(23185);
const list_utils_1 = __webpack_require__(2378);
const sql_formatter_1 = __webpack_require__(33543);
const base_1 = __webpack_require__(15523);
// WindowDef.frameOptions bit flags (src/include/nodes/parsenodes.h)
const FRAMEOPTION_NONDEFAULT = 0x00001;
const FRAMEOPTION_RANGE = 0x00002;
const FRAMEOPTION_ROWS = 0x00004;
const FRAMEOPTION_GROUPS = 0x00008;
const FRAMEOPTION_BETWEEN = 0x00010;
const FRAMEOPTION_START_UNBOUNDED_PRECEDING = 0x00020;
const FRAMEOPTION_END_UNBOUNDED_PRECEDING = 0x00040;
const FRAMEOPTION_START_UNBOUNDED_FOLLOWING = 0x00080;
const FRAMEOPTION_END_UNBOUNDED_FOLLOWING = 0x00100;
const FRAMEOPTION_START_CURRENT_ROW = 0x00200;
const FRAMEOPTION_END_CURRENT_ROW = 0x00400;
const FRAMEOPTION_START_OFFSET_PRECEDING = 0x00800;
const FRAMEOPTION_END_OFFSET_PRECEDING = 0x01000;
const FRAMEOPTION_START_OFFSET_FOLLOWING = 0x02000;
const FRAMEOPTION_END_OFFSET_FOLLOWING = 0x04000;
const FRAMEOPTION_EXCLUDE_CURRENT_ROW = 0x08000;
const FRAMEOPTION_EXCLUDE_GROUP = 0x10000;
const FRAMEOPTION_EXCLUDE_TIES = 0x20000;
/**
 * List of real PostgreSQL built-in types as they appear in pg_catalog.pg_type.typname.
 * These are stored in lowercase in PostgreSQL system catalogs.
 * Use these for lookups, validations, or introspection logic.
 */
const pgCatalogTypes = [
    // Integers
    'int2', // smallint
    'int4', // integer
    'int8', // bigint
    // Floating-point & numeric
    'float4', // real
    'float8', // double precision
    'numeric', // arbitrary precision (aka "decimal")
    // Text & string
    'varchar', // variable-length string
    'char', // internal one-byte type (used in special cases)
    'bpchar', // blank-padded char(n)
    'text', // unlimited string
    'bool', // boolean
    // Dates & times
    'date', // calendar date
    'time', // time without time zone
    'timetz', // time with time zone
    'timestamp', // timestamp without time zone
    'timestamptz', // timestamp with time zone
    'interval', // duration
    // Binary & structured
    'bytea', // binary data
    'uuid', // universally unique identifier
    // JSON & XML
    'json', // textual JSON
    'jsonb', // binary JSON
    'xml', // XML format
    // Money & bitstrings
    'money', // currency value
    'bit', // fixed-length bit string
    'varbit', // variable-length bit string
    // Network types
    'inet', // IPv4 or IPv6 address
    'cidr', // network address
    'macaddr', // MAC address (6 bytes)
    'macaddr8' // MAC address (8 bytes)
];
/**
 * Parser-level type aliases accepted by PostgreSQL SQL syntax,
 * but not present in pg_catalog.pg_type. These are resolved to
 * real types during parsing and never appear in introspection.
 */
const pgCatalogTypeAliases = [
    ['numeric', ['decimal', 'dec']],
    ['int4', ['int', 'integer']],
    ['float8', ['float']],
    ['bpchar', ['character']],
    ['varchar', ['character varying']]
];
// Type guards for better type safety
function isParseResult(obj) {
    // A ParseResult is an object that could have stmts (but not required)
    // and is not already wrapped as a Node
    // IMPORTANT: ParseResult.stmts is "repeated RawStmt" in protobuf, meaning
    // the array contains RawStmt objects inline (not wrapped as { RawStmt: ... })
    // Example: { version: 170004, stmts: [{ stmt: {...}, stmt_len: 32 }] }
    return obj && typeof obj === 'object' &&
        !Array.isArray(obj) &&
        !('ParseResult' in obj) &&
        !('RawStmt' in obj) &&
        // Check if it looks like a ParseResult (has stmts or version)
        ('stmts' in obj || 'version' in obj);
}
function isWrappedParseResult(obj) {
    return obj && typeof obj === 'object' && 'ParseResult' in obj;
}
/**
 * Deparser - Converts PostgreSQL AST nodes back to SQL strings
 *
 * Entry Points:
 * 1. ParseResult (from libpg-query) - The complete parse result
 *    Structure: { version: number, stmts: RawStmt[] }
 *    Note: stmts is "repeated RawStmt" in protobuf, so array contains RawStmt
 *    objects inline (not wrapped as { RawStmt: ... } nodes)
 *    Example: { version: 170004, stmts: [{ stmt: {...}, stmt_len: 32 }] }
 *
 * 2. Wrapped ParseResult - When explicitly wrapped as a Node
 *    Structure: { ParseResult: { version: number, stmts: RawStmt[] } }
 *
 * 3. Wrapped RawStmt - When explicitly wrapped as a Node
 *    Structure: { RawStmt: { stmt: Node, stmt_len?: number } }
 *
 * 4. Array of Nodes - Multiple statements to deparse
 *    Can be: Node[] (e.g., SelectStmt, InsertStmt, etc.)
 *
 * 5. Single Node - Individual statement node
 *    Example: { SelectStmt: {...} }, { InsertStmt: {...} }, etc.
 *
 * The deparser automatically detects bare ParseResult objects for backward
 * compatibility and wraps them internally for consistent processing.
 */
class Deparser {
    tree;
    options;
    constructor(tree, opts = {}) {
        // Set default options
        this.options = {
            functionDelimiter: '$$',
            functionDelimiterFallback: '$EOFCODE$',
            ...opts
        };
        // Handle different input types
        if (isParseResult(tree)) {
            // Duck-typed ParseResult (backward compatibility)
            // Wrap it as a proper Node for consistent handling
            this.tree = [{ ParseResult: tree }];
        }
        else if (Array.isArray(tree)) {
            // Array of Nodes
            this.tree = tree;
        }
        else {
            // Single Node (including wrapped ParseResult)
            this.tree = [tree];
        }
    }
    /**
     * Static method to deparse PostgreSQL AST nodes to SQL
     * @param query - Can be:
     *   - ParseResult from libpg-query (e.g., { version: 170004, stmts: [...] })
     *   - Wrapped ParseResult node (e.g., { ParseResult: {...} })
     *   - Wrapped RawStmt node (e.g., { RawStmt: {...} })
     *   - Array of Nodes
     *   - Single Node (e.g., { SelectStmt: {...} })
     * @param opts - Deparser options for formatting
     * @returns The deparsed SQL string
     */
    static deparse(query, opts = {}) {
        return new Deparser(query, opts).deparseQuery();
    }
    deparseQuery() {
        const formatter = new sql_formatter_1.SqlFormatter(this.options.newline, this.options.tab, this.options.pretty);
        const context = new base_1.DeparserContext({ formatter, prettyMode: this.options.pretty });
        return this.tree
            .map(node => {
            // All nodes should go through the standard deparse method
            // which will route to the appropriate handler
            const result = this.deparse(node, context);
            return result || '';
        })
            .filter(result => result !== '')
            .join(context.newline() + context.newline());
    }
    /**
     * Get the appropriate function delimiter based on the body content
     * @param body The function body to check
     * @returns The delimiter to use
     */
    getFunctionDelimiter(body) {
        const delimiter = this.options.functionDelimiter || '$$';
        if (body.includes(delimiter)) {
            return this.options.functionDelimiterFallback || '$EOFCODE$';
        }
        return delimiter;
    }
    /**
     * Maps ObjectType enum values to their corresponding SQL keywords
     * Used by AlterOwnerStmt, AlterObjectSchemaStmt, and other statements that need object type keywords
     */
    getObjectTypeKeyword(objectType) {
        switch (objectType) {
            case 'OBJECT_TABLE':
                return 'TABLE';
            case 'OBJECT_VIEW':
                return 'VIEW';
            case 'OBJECT_INDEX':
                return 'INDEX';
            case 'OBJECT_SEQUENCE':
                return 'SEQUENCE';
            case 'OBJECT_FUNCTION':
                return 'FUNCTION';
            case 'OBJECT_PROCEDURE':
                return 'PROCEDURE';
            case 'OBJECT_SCHEMA':
                return 'SCHEMA';
            case 'OBJECT_DATABASE':
                return 'DATABASE';
            case 'OBJECT_DOMAIN':
                return 'DOMAIN';
            case 'OBJECT_AGGREGATE':
                return 'AGGREGATE';
            case 'OBJECT_CONVERSION':
                return 'CONVERSION';
            case 'OBJECT_LANGUAGE':
                return 'LANGUAGE';
            case 'OBJECT_OPERATOR':
                return 'OPERATOR';
            case 'OBJECT_OPFAMILY':
                return 'OPERATOR FAMILY';
            case 'OBJECT_OPCLASS':
                return 'OPERATOR CLASS';
            case 'OBJECT_TSDICTIONARY':
                return 'TEXT SEARCH DICTIONARY';
            case 'OBJECT_TSCONFIGURATION':
                return 'TEXT SEARCH CONFIGURATION';
            case 'OBJECT_EVENT_TRIGGER':
                return 'EVENT TRIGGER';
            case 'OBJECT_FDW':
                return 'FOREIGN DATA WRAPPER';
            case 'OBJECT_FOREIGN_SERVER':
                return 'SERVER';
            case 'OBJECT_TYPE':
                return 'TYPE';
            case 'OBJECT_COLLATION':
                return 'COLLATION';
            case 'OBJECT_PUBLICATION':
                return 'PUBLICATION';
            case 'OBJECT_ACCESS_METHOD':
                return 'ACCESS METHOD';
            case 'OBJECT_AMOP':
                return 'OPERATOR CLASS';
            case 'OBJECT_AMPROC':
                return 'OPERATOR CLASS';
            case 'OBJECT_ATTRIBUTE':
                return 'ATTRIBUTE';
            case 'OBJECT_CAST':
                return 'CAST';
            case 'OBJECT_COLUMN':
                return 'COLUMN';
            case 'OBJECT_DEFAULT':
                return 'DEFAULT';
            case 'OBJECT_DEFACL':
                return 'DEFAULT PRIVILEGES';
            case 'OBJECT_DOMCONSTRAINT':
                return 'DOMAIN';
            case 'OBJECT_EXTENSION':
                return 'EXTENSION';
            case 'OBJECT_FOREIGN_TABLE':
                return 'FOREIGN TABLE';
            case 'OBJECT_LARGEOBJECT':
                return 'LARGE OBJECT';
            case 'OBJECT_MATVIEW':
                return 'MATERIALIZED VIEW';
            case 'OBJECT_PARAMETER_ACL':
                return 'PARAMETER';
            case 'OBJECT_POLICY':
                return 'POLICY';
            case 'OBJECT_PUBLICATION_NAMESPACE':
                return 'PUBLICATION';
            case 'OBJECT_PUBLICATION_REL':
                return 'PUBLICATION';
            case 'OBJECT_ROLE':
                return 'ROLE';
            case 'OBJECT_ROUTINE':
                return 'ROUTINE';
            case 'OBJECT_RULE':
                return 'RULE';
            case 'OBJECT_STATISTIC_EXT':
                return 'STATISTICS';
            case 'OBJECT_SUBSCRIPTION':
                return 'SUBSCRIPTION';
            case 'OBJECT_TABCONSTRAINT':
                return 'CONSTRAINT';
            case 'OBJECT_TABLESPACE':
                return 'TABLESPACE';
            case 'OBJECT_TRANSFORM':
                return 'TRANSFORM';
            case 'OBJECT_TRIGGER':
                return 'TRIGGER';
            case 'OBJECT_TSPARSER':
                return 'TEXT SEARCH PARSER';
            case 'OBJECT_TSTEMPLATE':
                return 'TEXT SEARCH TEMPLATE';
            case 'OBJECT_USER_MAPPING':
                return 'USER MAPPING';
            default:
                throw new Error(`Unsupported objectType: ${objectType}`);
        }
    }
    deparse(node, context) {
        if (node == null) {
            return null;
        }
        if (!context) {
            const formatter = new sql_formatter_1.SqlFormatter(this.options.newline, this.options.tab, this.options.pretty);
            context = new base_1.DeparserContext({ formatter, prettyMode: this.options.pretty });
        }
        if (typeof node === 'number' || node instanceof Number) {
            return node.toString();
        }
        try {
            return this.visit(node, context);
        }
        catch (error) {
            const nodeType = Object.keys(node)[0];
            throw new Error(`Error deparsing ${nodeType}: ${error.message}`);
        }
    }
    visit(node, context) {
        if (!context) {
            const formatter = new sql_formatter_1.SqlFormatter(this.options.newline, this.options.tab, this.options.pretty);
            context = new base_1.DeparserContext({ formatter, prettyMode: this.options.pretty });
        }
        const nodeType = this.getNodeType(node);
        // Handle empty objects
        if (!nodeType) {
            return '';
        }
        const nodeData = this.getNodeData(node);
        const methodName = nodeType;
        if (typeof this[methodName] === 'function') {
            const result = this[methodName](nodeData, context);
            return result;
        }
        throw new Error(`Deparser does not handle node type: ${nodeType}`);
    }
    getNodeType(node) {
        return Object.keys(node)[0];
    }
    getNodeData(node) {
        const keys = Object.keys(node);
        if (keys.length === 1 && typeof node[keys[0]] === 'object') {
            return node[keys[0]];
        }
        return node;
    }
    ParseResult(node, context) {
        if (!node.stmts || node.stmts.length === 0) {
            return '';
        }
        // Deparse each RawStmt in the ParseResult
        // Note: node.stmts is "repeated RawStmt" so contains RawStmt objects inline
        // Each element has structure: { stmt: Node, stmt_len?: number, stmt_location?: number }
        return node.stmts
            .filter((rawStmt) => rawStmt != null)
            .map((rawStmt) => this.RawStmt(rawStmt, context))
            .filter((result) => result !== '')
            .join(context.newline() + context.newline());
    }
    RawStmt(node, context) {
        if (!node.stmt) {
            return '';
        }
        const deparsedStmt = this.deparse(node.stmt, context);
        // Add semicolon if stmt_len is provided (indicates it had one in original)
        if (node.stmt_len) {
            return deparsedStmt + ';';
        }
        return deparsedStmt;
    }
    SelectStmt(node, context) {
        const output = [];
        if (node.withClause) {
            output.push(this.WithClause(node.withClause, context));
        }
        if (!node.op || node.op === 'SETOP_NONE') {
            if (node.valuesLists == null) {
                if (!context.isPretty() || !node.targetList) {
                    output.push('SELECT');
                }
            }
        }
        else {
            const leftStmt = this.SelectStmt(node.larg, context);
            const rightStmt = this.SelectStmt(node.rarg, context);
            // Add parentheses if the operand is a set operation OR has ORDER BY/LIMIT clauses OR has WITH clause
            const leftNeedsParens = node.larg && ((node.larg.op && node.larg.op !== 'SETOP_NONE') ||
                node.larg.sortClause ||
                node.larg.limitCount ||
                node.larg.limitOffset ||
                node.larg.withClause);
            const rightNeedsParens = node.rarg && ((node.rarg.op && node.rarg.op !== 'SETOP_NONE') ||
                node.rarg.sortClause ||
                node.rarg.limitCount ||
                node.rarg.limitOffset ||
                node.rarg.withClause);
            if (leftNeedsParens) {
                output.push(context.parens(leftStmt));
            }
            else {
                output.push(leftStmt);
            }
            switch (node.op) {
                case 'SETOP_UNION':
                    output.push('UNION');
                    break;
                case 'SETOP_INTERSECT':
                    output.push('INTERSECT');
                    break;
                case 'SETOP_EXCEPT':
                    output.push('EXCEPT');
                    break;
                default:
                    throw new Error(`Bad SelectStmt op: ${node.op}`);
            }
            if (node.all) {
                output.push('ALL');
            }
            if (rightNeedsParens) {
                output.push(context.parens(rightStmt));
            }
            else {
                output.push(rightStmt);
            }
        }
        // Handle DISTINCT clause - in pretty mode, we'll include it in the SELECT clause
        let distinctPart = '';
        if (node.distinctClause) {
            const distinctClause = list_utils_1.ListUtils.unwrapList(node.distinctClause);
            if (distinctClause.length > 0 && Object.keys(distinctClause[0]).length > 0) {
                const clause = distinctClause
                    .map(e => this.visit(e, context.spawn('SelectStmt', { select: true })))
                    .join(', ');
                distinctPart = ' DISTINCT ON ' + context.parens(clause);
            }
            else {
                distinctPart = ' DISTINCT';
            }
            if (!context.isPretty()) {
                if (distinctClause.length > 0 && Object.keys(distinctClause[0]).length > 0) {
                    output.push('DISTINCT ON');
                    const clause = distinctClause
                        .map(e => this.visit(e, context.spawn('SelectStmt', { select: true })))
                        .join(', ');
                    output.push(context.parens(clause));
                }
                else {
                    output.push('DISTINCT');
                }
            }
        }
        if (node.targetList) {
            const targetList = list_utils_1.ListUtils.unwrapList(node.targetList);
            if (context.isPretty()) {
                if (targetList.length === 1) {
                    const targetNode = targetList[0];
                    const target = this.visit(targetNode, context.spawn('SelectStmt', { select: true }));
                    // Check if single target is complex - if so, use multiline format
                    if (this.isComplexSelectTarget(targetNode)) {
                        output.push('SELECT' + distinctPart);
                        if (this.containsMultilineStringLiteral(target)) {
                            output.push(target);
                        }
                        else {
                            output.push(context.indent(target));
                        }
                    }
                    else {
                        output.push('SELECT' + distinctPart + ' ' + target);
                    }
                }
                else {
                    const targetStrings = targetList
                        .map(e => {
                        const targetStr = this.visit(e, context.spawn('SelectStmt', { select: true }));
                        if (this.containsMultilineStringLiteral(targetStr)) {
                            return targetStr;
                        }
                        return context.indent(targetStr);
                    });
                    const formattedTargets = targetStrings.join(',' + context.newline());
                    output.push('SELECT' + distinctPart);
                    output.push(formattedTargets);
                }
            }
            else {
                const targets = targetList
                    .map(e => this.visit(e, context.spawn('SelectStmt', { select: true })))
                    .join(', ');
                output.push(targets);
            }
        }
        if (node.intoClause) {
            output.push('INTO');
            output.push(this.IntoClause(node.intoClause, context));
        }
        if (node.fromClause) {
            const fromList = list_utils_1.ListUtils.unwrapList(node.fromClause);
            const fromItems = fromList
                .map(e => this.deparse(e, context.spawn('SelectStmt', { from: true })))
                .join(', ');
            output.push('FROM ' + fromItems.trim());
        }
        if (node.whereClause) {
            if (context.isPretty()) {
                output.push('WHERE');
                const whereExpr = this.visit(node.whereClause, context);
                const lines = whereExpr.split(context.newline());
                const indentedLines = lines.map((line, index) => {
                    if (index === 0) {
                        return context.indent(line);
                    }
                    return line;
                });
                output.push(indentedLines.join(context.newline()));
            }
            else {
                output.push('WHERE');
                output.push(this.visit(node.whereClause, context));
            }
        }
        if (node.valuesLists) {
            if (context.isPretty()) {
                output.push('VALUES');
                const lists = list_utils_1.ListUtils.unwrapList(node.valuesLists).map(list => {
                    const values = list_utils_1.ListUtils.unwrapList(list).map(val => this.visit(val, context));
                    return context.parens(values.join(', '));
                });
                const indentedTuples = lists.map(tuple => {
                    if (this.containsMultilineStringLiteral(tuple)) {
                        return tuple;
                    }
                    return context.indent(tuple);
                });
                output.push(indentedTuples.join(',\n'));
            }
            else {
                output.push('VALUES');
                const lists = list_utils_1.ListUtils.unwrapList(node.valuesLists).map(list => {
                    const values = list_utils_1.ListUtils.unwrapList(list).map(val => this.visit(val, context));
                    return context.parens(values.join(', '));
                });
                output.push(lists.join(', '));
            }
        }
        if (node.groupClause) {
            const groupList = list_utils_1.ListUtils.unwrapList(node.groupClause);
            if (context.isPretty()) {
                const groupItems = groupList
                    .map(e => {
                    const groupStr = this.visit(e, context.spawn('SelectStmt', { group: true, indentLevel: context.indentLevel + 1 }));
                    if (this.containsMultilineStringLiteral(groupStr)) {
                        return groupStr;
                    }
                    return context.indent(groupStr);
                })
                    .join(',' + context.newline());
                output.push('GROUP BY');
                output.push(groupItems);
            }
            else {
                output.push('GROUP BY');
                const groupItems = groupList
                    .map(e => this.visit(e, context.spawn('SelectStmt', { group: true })))
                    .join(', ');
                output.push(groupItems);
            }
        }
        if (node.havingClause) {
            if (context.isPretty()) {
                output.push('HAVING');
                const havingStr = this.visit(node.havingClause, context);
                if (this.containsMultilineStringLiteral(havingStr)) {
                    output.push(havingStr);
                }
                else {
                    output.push(context.indent(havingStr));
                }
            }
            else {
                output.push('HAVING');
                output.push(this.visit(node.havingClause, context));
            }
        }
        if (node.windowClause) {
            output.push('WINDOW');
            const windowList = list_utils_1.ListUtils.unwrapList(node.windowClause);
            const windowClauses = windowList
                .map(e => this.visit(e, context))
                .join(', ');
            output.push(windowClauses);
        }
        if (node.sortClause) {
            const sortList = list_utils_1.ListUtils.unwrapList(node.sortClause);
            if (context.isPretty()) {
                const sortItems = sortList
                    .map(e => {
                    const sortStr = this.visit(e, context.spawn('SelectStmt', { sort: true, indentLevel: context.indentLevel + 1 }));
                    if (this.containsMultilineStringLiteral(sortStr)) {
                        return sortStr;
                    }
                    return context.indent(sortStr);
                })
                    .join(',' + context.newline());
                output.push('ORDER BY');
                output.push(sortItems);
            }
            else {
                output.push('ORDER BY');
                const sortItems = sortList
                    .map(e => this.visit(e, context.spawn('SelectStmt', { sort: true })))
                    .join(', ');
                output.push(sortItems);
            }
        }
        if (node.limitCount) {
            output.push('LIMIT ' + this.visit(node.limitCount, context));
        }
        if (node.limitOffset) {
            output.push('OFFSET ' + this.visit(node.limitOffset, context));
        }
        if (node.lockingClause) {
            const lockingList = list_utils_1.ListUtils.unwrapList(node.lockingClause);
            const lockingClauses = lockingList
                .map(e => this.visit(e, context))
                .join(' ');
            output.push(lockingClauses);
        }
        if (context.isPretty()) {
            const filteredOutput = output.filter(item => item.trim() !== '');
            return filteredOutput.join(context.newline());
        }
        return output.join(' ');
    }
    A_Expr(node, context) {
        const kind = node.kind;
        const name = list_utils_1.ListUtils.unwrapList(node.name);
        const lexpr = node.lexpr;
        const rexpr = node.rexpr;
        switch (kind) {
            case 'AEXPR_OP':
                if (lexpr && rexpr) {
                    const operator = this.deparseOperatorName(name, context);
                    let leftExpr = this.visit(lexpr, context);
                    let rightExpr = this.visit(rexpr, context);
                    // Check if left expression needs parentheses
                    let leftNeedsParens = false;
                    if (lexpr && 'A_Expr' in lexpr && lexpr.A_Expr?.kind === 'AEXPR_OP') {
                        const leftOp = this.deparseOperatorName(list_utils_1.ListUtils.unwrapList(lexpr.A_Expr.name), context);
                        if (this.needsParentheses(leftOp, operator, 'left')) {
                            leftNeedsParens = true;
                        }
                    }
                    if (lexpr && this.isComplexExpression(lexpr)) {
                        leftNeedsParens = true;
                    }
                    if (leftNeedsParens) {
                        leftExpr = context.parens(leftExpr);
                    }
                    // Check if right expression needs parentheses
                    let rightNeedsParens = false;
                    if (rexpr && 'A_Expr' in rexpr && rexpr.A_Expr?.kind === 'AEXPR_OP') {
                        const rightOp = this.deparseOperatorName(list_utils_1.ListUtils.unwrapList(rexpr.A_Expr.name), context);
                        if (this.needsParentheses(rightOp, operator, 'right')) {
                            rightNeedsParens = true;
                        }
                    }
                    if (rexpr && this.isComplexExpression(rexpr)) {
                        rightNeedsParens = true;
                    }
                    if (rightNeedsParens) {
                        rightExpr = context.parens(rightExpr);
                    }
                    return context.format([leftExpr, operator, rightExpr]);
                }
                else if (rexpr) {
                    // Unary operator (e.g., unary minus: - expr)
                    const operator = this.deparseOperatorName(name, context);
                    let rightExpr = this.visit(rexpr, context);
                    // Wrap in parentheses if rexpr is a binary A_Expr to preserve semantics
                    // e.g., -(a - b) must stay -(a - b), not become -a - b
                    if (rexpr && 'A_Expr' in rexpr && rexpr.A_Expr?.kind === 'AEXPR_OP' && rexpr.A_Expr?.lexpr) {
                        rightExpr = context.parens(rightExpr);
                    }
                    return context.format([operator, rightExpr]);
                }
                break;
            case 'AEXPR_OP_ANY':
                return context.format([
                    this.visit(lexpr, context),
                    this.deparseOperatorName(name, context),
                    'ANY',
                    context.parens(this.visit(rexpr, context))
                ]);
            case 'AEXPR_OP_ALL':
                return context.format([
                    this.visit(lexpr, context),
                    this.deparseOperatorName(name, context),
                    'ALL',
                    context.parens(this.visit(rexpr, context))
                ]);
            case 'AEXPR_DISTINCT': {
                let leftExpr = this.visit(lexpr, context);
                let rightExpr = this.visit(rexpr, context);
                // Add parentheses for complex expressions
                if (lexpr && this.isComplexExpression(lexpr)) {
                    leftExpr = context.parens(leftExpr);
                }
                if (rexpr && this.isComplexExpression(rexpr)) {
                    rightExpr = context.parens(rightExpr);
                }
                return context.format([
                    leftExpr,
                    'IS DISTINCT FROM',
                    rightExpr
                ]);
            }
            case 'AEXPR_NOT_DISTINCT': {
                let leftExpr = this.visit(lexpr, context);
                let rightExpr = this.visit(rexpr, context);
                // Add parentheses for complex expressions
                if (lexpr && this.isComplexExpression(lexpr)) {
                    leftExpr = context.parens(leftExpr);
                }
                if (rexpr && this.isComplexExpression(rexpr)) {
                    rightExpr = context.parens(rightExpr);
                }
                return context.format([
                    leftExpr,
                    'IS NOT DISTINCT FROM',
                    rightExpr
                ]);
            }
            case 'AEXPR_NULLIF':
                return context.format([
                    'NULLIF',
                    context.parens([
                        this.visit(lexpr, context),
                        this.visit(rexpr, context)
                    ].join(', '))
                ]);
            case 'AEXPR_IN':
                const inOperator = this.deparseOperatorName(name, context);
                if (inOperator === '<>' || inOperator === '!=') {
                    return context.format([
                        this.visit(lexpr, context),
                        'NOT IN',
                        context.parens(this.visit(rexpr, context))
                    ]);
                }
                else {
                    return context.format([
                        this.visit(lexpr, context),
                        'IN',
                        context.parens(this.visit(rexpr, context))
                    ]);
                }
            case 'AEXPR_LIKE':
                const likeOp = this.deparseOperatorName(name, context);
                if (likeOp === '!~~') {
                    return context.format([
                        this.visit(lexpr, context),
                        'NOT LIKE',
                        this.visit(rexpr, context)
                    ]);
                }
                else {
                    return context.format([
                        this.visit(lexpr, context),
                        'LIKE',
                        this.visit(rexpr, context)
                    ]);
                }
            case 'AEXPR_ILIKE':
                const ilikeOp = this.deparseOperatorName(name, context);
                if (ilikeOp === '!~~*') {
                    return context.format([
                        this.visit(lexpr, context),
                        'NOT ILIKE',
                        this.visit(rexpr, context)
                    ]);
                }
                else {
                    return context.format([
                        this.visit(lexpr, context),
                        'ILIKE',
                        this.visit(rexpr, context)
                    ]);
                }
            case 'AEXPR_SIMILAR':
                const similarOp = this.deparseOperatorName(name, context);
                let rightExpr;
                if (rexpr && 'FuncCall' in rexpr &&
                    rexpr.FuncCall?.funcname?.length === 2 &&
                    rexpr.FuncCall.funcname[0]?.String?.sval === 'pg_catalog' &&
                    rexpr.FuncCall.funcname[1]?.String?.sval === 'similar_to_escape') {
                    const args = rexpr.FuncCall.args || [];
                    rightExpr = this.visit(args[0], context);
                    if (args.length > 1) {
                        rightExpr += ` ESCAPE ${this.visit(args[1], context)}`;
                    }
                }
                else {
                    rightExpr = this.visit(rexpr, context);
                }
                if (similarOp === '!~') {
                    return context.format([
                        this.visit(lexpr, context),
                        'NOT SIMILAR TO',
                        rightExpr
                    ]);
                }
                else {
                    return context.format([
                        this.visit(lexpr, context),
                        'SIMILAR TO',
                        rightExpr
                    ]);
                }
            case 'AEXPR_BETWEEN':
                return context.format([
                    this.visit(lexpr, context),
                    'BETWEEN',
                    this.visitBetweenRange(rexpr, context)
                ]);
            case 'AEXPR_NOT_BETWEEN':
                return context.format([
                    this.visit(lexpr, context),
                    'NOT BETWEEN',
                    this.visitBetweenRange(rexpr, context)
                ]);
            case 'AEXPR_BETWEEN_SYM':
                return context.format([
                    this.visit(lexpr, context),
                    'BETWEEN SYMMETRIC',
                    this.visitBetweenRange(rexpr, context)
                ]);
            case 'AEXPR_NOT_BETWEEN_SYM':
                return context.format([
                    this.visit(lexpr, context),
                    'NOT BETWEEN SYMMETRIC',
                    this.visitBetweenRange(rexpr, context)
                ]);
        }
        throw new Error(`Unhandled A_Expr kind: ${kind}`);
    }
    deparseOperatorName(name, context) {
        if (!name || name.length === 0) {
            return '';
        }
        const parts = name.map((n) => {
            if (n.String) {
                return n.String.sval || n.String.str;
            }
            return this.visit(n, context);
        });
        if (parts.length > 1) {
            return `OPERATOR(${parts.join('.')})`;
        }
        return parts.join('.');
    }
    getOperatorPrecedence(operator) {
        const precedence = {
            '||': 1, // string concatenation
            OR: 2, // logical OR
            AND: 3, // logical AND
            NOT: 4, // logical NOT
            IS: 5, // IS NULL, IS NOT NULL, etc.
            IN: 5, // IN, NOT IN
            BETWEEN: 5, // BETWEEN, NOT BETWEEN
            LIKE: 5, // LIKE, ILIKE, SIMILAR TO
            ILIKE: 5,
            SIMILAR: 5,
            '<': 6, // comparison operators
            '<=': 6,
            '>': 6,
            '>=': 6,
            '=': 6,
            '<>': 6,
            '!=': 6,
            '+': 7, // addition, subtraction
            '-': 7,
            '*': 8, // multiplication, division, modulo
            '/': 8,
            '%': 8,
            '^': 9, // exponentiation
            '~': 10, // bitwise operators
            '&': 10,
            '|': 10,
            '#': 10,
            '<<': 10,
            '>>': 10
        };
        return precedence[operator] || 0;
    }
    needsParentheses(childOp, parentOp, position) {
        const childPrec = this.getOperatorPrecedence(childOp);
        const parentPrec = this.getOperatorPrecedence(parentOp);
        if (childPrec < parentPrec) {
            return true;
        }
        if (childPrec === parentPrec && position === 'right') {
            if (parentOp === '-' || parentOp === '/') {
                return true;
            }
        }
        return false;
    }
    isComplexExpression(node) {
        return !!(node.NullTest ||
            node.BooleanTest ||
            node.BoolExpr ||
            node.CaseExpr ||
            node.CoalesceExpr ||
            node.SubLink ||
            node.A_Expr);
    }
    isComplexSelectTarget(node) {
        if (!node)
            return false;
        if (node.ResTarget?.val) {
            return this.isComplexExpression(node.ResTarget.val);
        }
        // Always complex: CASE expressions
        if (node.CaseExpr)
            return true;
        // Always complex: Subqueries and subselects
        if (node.SubLink)
            return true;
        // Always complex: Boolean tests and expressions
        if (node.NullTest || node.BooleanTest || node.BoolExpr)
            return true;
        // COALESCE and similar functions - complex if multiple arguments
        if (node.CoalesceExpr) {
            const args = node.CoalesceExpr.args;
            if (args && Array.isArray(args) && args.length > 1)
                return true;
        }
        // Function calls - complex if multiple args or has clauses
        if (node.FuncCall) {
            const funcCall = node.FuncCall;
            const args = funcCall.args ? (Array.isArray(funcCall.args) ? funcCall.args : [funcCall.args]) : [];
            // Complex if has window clause, filter, order by, etc.
            if (funcCall.over || funcCall.agg_filter || funcCall.agg_order || funcCall.agg_distinct) {
                return true;
            }
            // Complex if multiple arguments
            if (args.length > 1)
                return true;
            if (args.length === 1) {
                return this.isComplexSelectTarget(args[0]);
            }
        }
        if (node.A_Expr) {
            const expr = node.A_Expr;
            // Check if operands are complex
            if (expr.lexpr && this.isComplexSelectTarget(expr.lexpr))
                return true;
            if (expr.rexpr && this.isComplexSelectTarget(expr.rexpr))
                return true;
            return false;
        }
        if (node.TypeCast) {
            return this.isComplexSelectTarget(node.TypeCast.arg);
        }
        if (node.A_ArrayExpr)
            return true;
        if (node.A_Indirection) {
            return this.isComplexSelectTarget(node.A_Indirection.arg);
        }
        if (node.A_Const || node.ColumnRef || node.ParamRef || node.A_Star) {
            return false;
        }
        return false;
    }
    visitBetweenRange(rexpr, context) {
        if (rexpr && 'List' in rexpr && rexpr.List?.items) {
            const items = rexpr.List.items.map((item) => this.visit(item, context));
            return items.join(' AND ');
        }
        return this.visit(rexpr, context);
    }
    InsertStmt(node, context) {
        const output = [];
        if (node.withClause) {
            output.push(this.WithClause(node.withClause, context));
        }
        output.push('INSERT INTO');
        output.push(this.RangeVar(node.relation, context));
        if (node.cols) {
            const cols = list_utils_1.ListUtils.unwrapList(node.cols);
            const insertContext = context.spawn('InsertStmt', { insertColumns: true });
            const columnNames = cols.map(col => this.visit(col, insertContext));
            if (context.isPretty()) {
                // Always format columns in multiline parentheses for pretty printing
                const indentedColumns = columnNames.map(col => context.indent(col));
                output.push('(\n' + indentedColumns.join(',\n') + '\n)');
            }
            else {
                output.push(context.parens(columnNames.join(', ')));
            }
        }
        if (node.override === 'OVERRIDING_USER_VALUE') {
            output.push('OVERRIDING USER VALUE');
        }
        else if (node.override === 'OVERRIDING_SYSTEM_VALUE') {
            output.push('OVERRIDING SYSTEM VALUE');
        }
        if (node.selectStmt) {
            output.push(this.visit(node.selectStmt, context));
        }
        else if (!node.cols || (node.cols && list_utils_1.ListUtils.unwrapList(node.cols).length === 0)) {
            // Handle DEFAULT VALUES case when no columns and no selectStmt
            output.push('DEFAULT VALUES');
        }
        if (node.onConflictClause) {
            output.push('ON CONFLICT');
            if (node.onConflictClause.infer) {
                const infer = node.onConflictClause.infer;
                // Handle ON CONSTRAINT clause
                if (infer.conname) {
                    output.push('ON CONSTRAINT');
                    output.push(infer.conname);
                }
                else if (infer.indexElems) {
                    const elems = list_utils_1.ListUtils.unwrapList(infer.indexElems);
                    const indexElems = elems.map(elem => this.visit(elem, context));
                    output.push(context.parens(indexElems.join(', ')));
                }
                // Handle WHERE clause for conflict detection
                if (infer.whereClause) {
                    output.push('WHERE');
                    output.push(this.visit(infer.whereClause, context));
                }
            }
            if (node.onConflictClause.action === 'ONCONFLICT_UPDATE') {
                output.push('DO UPDATE SET');
                const targetList = list_utils_1.ListUtils.unwrapList(node.onConflictClause.targetList);
                if (targetList && targetList.length) {
                    const firstTarget = targetList[0];
                    if (firstTarget.ResTarget?.val?.MultiAssignRef && targetList.every(target => target.ResTarget?.val?.MultiAssignRef)) {
                        const sortedTargets = targetList.sort((a, b) => a.ResTarget.val.MultiAssignRef.colno - b.ResTarget.val.MultiAssignRef.colno);
                        const names = sortedTargets.map(target => target.ResTarget.name);
                        output.push(context.parens(names.join(', ')));
                        output.push('=');
                        output.push(this.visit(firstTarget.ResTarget.val.MultiAssignRef.source, context));
                    }
                    else {
                        const updateContext = context.spawn('UpdateStmt', { update: true });
                        const targets = targetList.map(target => this.visit(target, updateContext));
                        if (context.isPretty()) {
                            // Put each assignment on its own line for pretty printing
                            const indentedTargets = targets.map(target => context.indent(target));
                            output.push('\n' + indentedTargets.join(',\n'));
                        }
                        else {
                            output.push(targets.join(', '));
                        }
                    }
                }
                if (node.onConflictClause.whereClause) {
                    output.push('WHERE');
                    output.push(this.visit(node.onConflictClause.whereClause, context));
                }
            }
            else if (node.onConflictClause.action === 'ONCONFLICT_NOTHING') {
                output.push('DO NOTHING');
            }
        }
        if (node.returningClause) {
            output.push(this.ReturningClause(node.returningClause, context));
        }
        return output.join(' ');
    }
    UpdateStmt(node, context) {
        const output = [];
        if (node.withClause) {
            output.push(this.WithClause(node.withClause, context));
        }
        output.push('UPDATE');
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
        }
        output.push('SET');
        if (node.targetList && node.targetList.length > 0) {
            output.push(this.formatUpdateAssignments(node.targetList, context));
        }
        if (node.fromClause) {
            output.push('FROM');
            const fromList = list_utils_1.ListUtils.unwrapList(node.fromClause);
            const fromItems = fromList.map(item => this.visit(item, context));
            output.push(fromItems.join(', '));
        }
        if (node.whereClause) {
            output.push('WHERE');
            output.push(this.visit(node.whereClause, context));
        }
        if (node.returningClause) {
            output.push(this.ReturningClause(node.returningClause, context));
        }
        return output.join(' ');
    }
    formatUpdateAssignments(targets, context) {
        const targetList = list_utils_1.ListUtils.unwrapList(targets);
        const processedTargets = new Set();
        const assignmentParts = [];
        for (let i = 0; i < targetList.length; i++) {
            if (processedTargets.has(i))
                continue;
            const target = targetList[i];
            const multiAssignRef = target.ResTarget?.val?.MultiAssignRef;
            if (multiAssignRef) {
                const relatedTargets = [];
                for (let j = i; j < targetList.length; j++) {
                    const otherTarget = targetList[j];
                    const otherMultiAssignRef = otherTarget.ResTarget?.val?.MultiAssignRef;
                    if (otherMultiAssignRef &&
                        JSON.stringify(otherMultiAssignRef.source) === JSON.stringify(multiAssignRef.source)) {
                        relatedTargets.push(otherTarget);
                        processedTargets.add(j);
                    }
                }
                const names = relatedTargets.map(t => quotes_1.QuoteUtils.quoteIdentifier(t.ResTarget.name));
                assignmentParts.push(`${context.parens(names.join(', '))} = ${this.visit(multiAssignRef.source, context)}`);
            }
            else {
                assignmentParts.push(this.visit(target, context.spawn('UpdateStmt', { update: true })));
                processedTargets.add(i);
            }
        }
        return assignmentParts.join(', ');
    }
    DeleteStmt(node, context) {
        try {
            const output = [];
            if (node.withClause) {
                try {
                    output.push(this.WithClause(node.withClause, context));
                }
                catch (error) {
                    console.warn(`Error processing withClause in DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
                    throw new Error(`Error deparsing DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
                }
            }
            output.push('DELETE');
            output.push('FROM');
            if (!node.relation) {
                throw new Error('DeleteStmt requires a relation');
            }
            output.push(this.RangeVar(node.relation, context));
            if (node.usingClause) {
                output.push('USING');
                const usingList = list_utils_1.ListUtils.unwrapList(node.usingClause);
                const usingItems = usingList
                    .filter(item => item != null && this.getNodeType(item) !== 'undefined')
                    .map(item => {
                    try {
                        return this.visit(item, context);
                    }
                    catch (error) {
                        console.warn(`Error processing usingClause item in DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
                        return '';
                    }
                })
                    .filter(item => item && item.trim());
                if (usingItems.length > 0) {
                    output.push(usingItems.join(', '));
                }
            }
            if (node.whereClause) {
                output.push('WHERE');
                try {
                    output.push(this.visit(node.whereClause, context));
                }
                catch (error) {
                    console.warn(`Error processing whereClause in DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
                    throw new Error(`Error deparsing DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
                }
            }
            if (node.returningClause) {
                try {
                    output.push(this.ReturningClause(node.returningClause, context));
                }
                catch (error) {
                    console.warn(`Error processing returningClause in DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
                    throw new Error(`Error deparsing DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
                }
            }
            return output.join(' ');
        }
        catch (error) {
            throw new Error(`Error deparsing DeleteStmt: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    WithClause(node, context) {
        const output = ['WITH'];
        if (node.recursive) {
            output.push('RECURSIVE');
        }
        if (node.ctes && node.ctes.length > 0) {
            const ctes = list_utils_1.ListUtils.unwrapList(node.ctes);
            if (context.isPretty()) {
                const cteStrings = ctes.map((cte, index) => {
                    const cteStr = this.visit(cte, context);
                    const prefix = index === 0 ? context.newline() : ',' + context.newline();
                    if (this.containsMultilineStringLiteral(cteStr)) {
                        return prefix + cteStr;
                    }
                    return prefix + context.indent(cteStr);
                });
                output.push(cteStrings.join(''));
            }
            else {
                const cteStrings = ctes.map(cte => this.visit(cte, context));
                output.push(cteStrings.join(', '));
            }
        }
        return output.join(' ');
    }
    ResTarget(node, context) {
        const output = [];
        if (context.update && node.name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
            // Handle indirection (array indexing, field access, etc.)
            if (node.indirection && node.indirection.length > 0) {
                const indirectionStrs = list_utils_1.ListUtils.unwrapList(node.indirection).map(item => {
                    if (item.String) {
                        return `.${quotes_1.QuoteUtils.quoteIdentifierAfterDot(item.String.sval || item.String.str)}`;
                    }
                    return this.visit(item, context);
                });
                output.push(indirectionStrs.join(''));
            }
            output.push('=');
            if (node.val) {
                output.push(this.deparse(node.val, context));
            }
        }
        else if (context.insertColumns && node.name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
            // Handle indirection for INSERT column lists (e.g., q.c1.r)
            if (node.indirection && node.indirection.length > 0) {
                const indirectionStrs = list_utils_1.ListUtils.unwrapList(node.indirection).map(item => {
                    if (item.String) {
                        return `.${quotes_1.QuoteUtils.quoteIdentifierAfterDot(item.String.sval || item.String.str)}`;
                    }
                    return this.visit(item, context);
                });
                output.push(indirectionStrs.join(''));
            }
        }
        else {
            if (node.val) {
                output.push(this.deparse(node.val, context));
            }
            if (node.name) {
                output.push('AS');
                output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
            }
        }
        return output.join(' ');
    }
    ATAlterConstraint(node, context) {
        const output = ['ALTER CONSTRAINT'];
        if (node.conname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.conname));
        }
        if (node.alterEnforceability) {
            output.push(node.is_enforced ? 'ENFORCED' : 'NOT ENFORCED');
        }
        if (node.alterDeferrability) {
            output.push(node.deferrable ? 'DEFERRABLE' : 'NOT DEFERRABLE');
            if (node.initdeferred) {
                output.push('INITIALLY DEFERRED');
            }
        }
        if (node.alterInheritability) {
            output.push(node.noinherit ? 'NO INHERIT' : 'INHERIT');
        }
        return output.join(' ');
    }
    deparseKeyAttrs(attrs, withPeriod, context) {
        const items = list_utils_1.ListUtils.unwrapList(attrs).map(attr => this.visit(attr, context));
        if (withPeriod && items.length > 0) {
            items[items.length - 1] = `PERIOD ${items[items.length - 1]}`;
        }
        return items.join(', ');
    }
    ReturningClause(node, context) {
        const output = ['RETURNING'];
        if (node.options && node.options.length > 0) {
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, context));
            output.push(`WITH (${options.join(', ')})`);
        }
        if (node.exprs && node.exprs.length > 0) {
            output.push(this.deparseReturningList(node.exprs, context));
        }
        return output.join(' ');
    }
    ReturningOption(node, context) {
        const keyword = node.option === 'RETURNING_OPTION_NEW' ? 'NEW' : 'OLD';
        return `${keyword} AS ${quotes_1.QuoteUtils.quoteIdentifier(node.value)}`;
    }
    deparseReturningList(list, context) {
        return list_utils_1.ListUtils.unwrapList(list)
            .filter(item => item != null && this.getNodeType(item) !== 'undefined')
            .map(item => {
            try {
                // Handle ResTarget wrapper
                if (this.getNodeType(item) === 'ResTarget') {
                    const resTarget = this.getNodeData(item);
                    const val = resTarget.val ? this.visit(resTarget.val, context) : '';
                    const alias = resTarget.name ? ` AS ${quotes_1.QuoteUtils.quoteIdentifier(resTarget.name)}` : '';
                    return val + alias;
                }
                else {
                    const val = this.visit(item, context);
                    return val;
                }
            }
            catch (error) {
                console.warn(`Error processing returning item: ${error instanceof Error ? error.message : String(error)}`);
                return '';
            }
        })
            .filter(item => item && item.trim())
            .join(', ');
    }
    BoolExpr(node, context) {
        const boolop = node.boolop;
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        let formatStr = '%s';
        if (context.bool) {
            formatStr = '(%s)';
        }
        const boolContext = context.spawn('BoolExpr', { bool: true });
        // explanation of our syntax/fix below:
        // return formatStr.replace('%s', andArgs); // ❌ Interprets $ as special syntax
        // return formatStr.replace('%s', () => andArgs); // ✅ Function callback prevents interpretation
        switch (boolop) {
            case 'AND_EXPR':
                if (context.isPretty() && args.length > 1) {
                    const andArgs = args.map(arg => this.visit(arg, boolContext)).join(context.newline() + context.indent('AND '));
                    return formatStr.replace('%s', () => andArgs);
                }
                else {
                    const andArgs = args.map(arg => this.visit(arg, boolContext)).join(' AND ');
                    return formatStr.replace('%s', () => andArgs);
                }
            case 'OR_EXPR':
                if (context.isPretty() && args.length > 1) {
                    const orArgs = args.map(arg => this.visit(arg, boolContext)).join(context.newline() + context.indent('OR '));
                    return formatStr.replace('%s', () => orArgs);
                }
                else {
                    const orArgs = args.map(arg => this.visit(arg, boolContext)).join(' OR ');
                    return formatStr.replace('%s', () => orArgs);
                }
            case 'NOT_EXPR':
                return `NOT (${this.visit(args[0], context)})`;
            default:
                throw new Error(`Unhandled BoolExpr boolop: ${boolop}`);
        }
    }
    FuncCall(node, context) {
        const funcname = list_utils_1.ListUtils.unwrapList(node.funcname);
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        const funcnameParts = funcname.map((n) => n.String?.sval || n.String?.str || '').filter((s) => s);
        const name = quotes_1.QuoteUtils.quoteDottedName(funcnameParts);
        // Handle special SQL syntax functions like XMLEXISTS and EXTRACT
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.xmlexists' && args.length >= 2) {
            const xpath = this.visit(args[0], context);
            const xmlDoc = this.visit(args[1], context);
            return `xmlexists (${xpath} PASSING ${xmlDoc})`;
        }
        // Handle EXTRACT function with SQL syntax
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.extract' && args.length >= 2) {
            let field = this.visit(args[0], context);
            const source = this.visit(args[1], context);
            // EXTRACT requires an unquoted uppercase keyword (EPOCH, YEAR, etc.)
            // but A_Const sval deparsing wraps it in single quotes — strip and uppercase
            if (field.startsWith("'") && field.endsWith("'")) {
                field = field.slice(1, -1).toUpperCase();
            }
            return `EXTRACT(${field} FROM ${source})`;
        }
        // Handle TRIM function with SQL syntax (TRIM TRAILING/LEADING/BOTH)
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && (name === 'pg_catalog.rtrim' || name === 'pg_catalog.ltrim' || name === 'pg_catalog.btrim') && args.length >= 1) {
            const source = this.visit(args[0], context);
            let trimChar = '';
            // Handle optional trim character (second argument)
            if (args.length >= 2) {
                trimChar = ` ${this.visit(args[1], context)}`;
            }
            if (name === 'pg_catalog.rtrim') {
                return `TRIM(TRAILING${trimChar} FROM ${source})`;
            }
            else if (name === 'pg_catalog.ltrim') {
                return `TRIM(LEADING${trimChar} FROM ${source})`;
            }
            else if (name === 'pg_catalog.btrim') {
                return `TRIM(BOTH${trimChar} FROM ${source})`;
            }
        }
        // Handle COLLATION FOR function - use SQL syntax instead of function call
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.pg_collation_for') {
            const argStrs = args.map(arg => this.visit(arg, context));
            return `COLLATION FOR (${argStrs.join(', ')})`;
        }
        // Handle SUBSTRING function with FROM ... FOR ... syntax
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.substring') {
            const source = this.visit(args[0], context);
            if (args.length === 3) {
                const start = this.visit(args[1], context);
                const length = this.visit(args[2], context);
                return `SUBSTRING(${source} FROM ${start} FOR ${length})`;
            }
            else if (args.length === 2) {
                const start = this.visit(args[1], context);
                return `SUBSTRING(${source} FROM ${start})`;
            }
        }
        // Handle POSITION function with IN syntax
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.position') {
            if (args.length === 2) {
                const string = this.visit(args[0], context);
                const substring = this.visit(args[1], context);
                return `POSITION(${substring} IN ${string})`;
            }
        }
        // Handle OVERLAY function with PLACING ... FROM ... FOR ... syntax
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.overlay') {
            if (args.length === 4) {
                const string = this.visit(args[0], context);
                const substring = this.visit(args[1], context);
                const start = this.visit(args[2], context);
                const length = this.visit(args[3], context);
                return `OVERLAY(${string} PLACING ${substring} FROM ${start} FOR ${length})`;
            }
            else if (args.length === 3) {
                const string = this.visit(args[0], context);
                const substring = this.visit(args[1], context);
                const start = this.visit(args[2], context);
                return `OVERLAY(${string} PLACING ${substring} FROM ${start})`;
            }
        }
        // Handle IS NORMALIZED function with SQL syntax
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.is_normalized') {
            const string = this.visit(args[0], context);
            if (args.length === 2) {
                const form = this.visit(args[1], context);
                const formValue = form.replace(/'/g, '');
                return `${string} IS ${formValue} NORMALIZED`;
            }
            else {
                return `${string} IS NORMALIZED`;
            }
        }
        // Handle NORMALIZE function with SQL syntax
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.normalize') {
            const string = this.visit(args[0], context);
            if (args.length === 2) {
                const form = this.visit(args[1], context);
                const formValue = form.replace(/'/g, '');
                return `normalize(${string}, ${formValue})`;
            }
            else {
                return `normalize(${string})`;
            }
        }
        // Handle SYSTEM_USER function with SQL syntax (no parentheses)
        if (node.funcformat === 'COERCE_SQL_SYNTAX' && name === 'pg_catalog.system_user' && args.length === 0) {
            return 'SYSTEM_USER';
        }
        // Handle OVERLAPS operator with special infix syntax
        if (name === 'pg_catalog.overlaps' && args.length === 4) {
            const left1 = this.visit(args[0], context);
            const left2 = this.visit(args[1], context);
            const right1 = this.visit(args[2], context);
            const right2 = this.visit(args[3], context);
            return `(${left1}, ${left2}) OVERLAPS (${right1}, ${right2})`;
        }
        // Handle AT TIME ZONE operator with special infix syntax
        if (name === 'pg_catalog.timezone' && args.length === 2) {
            let timestamp = this.visit(args[1], context);
            const timezone = this.visit(args[0], context);
            // Add parentheses around timestamp if it contains arithmetic operations
            if (args[1] && 'A_Expr' in args[1] && args[1].A_Expr?.kind === 'AEXPR_OP') {
                const op = this.deparseOperatorName(list_utils_1.ListUtils.unwrapList(args[1].A_Expr.name), context);
                if (op === '+' || op === '-' || op === '*' || op === '/') {
                    timestamp = context.parens(timestamp);
                }
            }
            return `${timestamp} AT TIME ZONE ${timezone}`;
        }
        const params = [];
        if (node.agg_star) {
            if (node.agg_distinct) {
                params.push('DISTINCT *');
            }
            else {
                params.push('*');
            }
        }
        else {
            const argStrs = args.map(arg => this.visit(arg, context));
            if (node.func_variadic && argStrs.length > 0) {
                const lastIndex = argStrs.length - 1;
                argStrs[lastIndex] = `VARIADIC ${argStrs[lastIndex]}`;
            }
            if (node.agg_distinct && argStrs.length > 0) {
                params.push('DISTINCT ' + argStrs.join(', '));
            }
            else {
                params.push(...argStrs);
            }
        }
        // Handle aggregate ORDER BY clause - it should be part of the function call without comma separation
        let orderByClause = '';
        if (node.agg_order && node.agg_order.length > 0) {
            const orderItems = list_utils_1.ListUtils.unwrapList(node.agg_order);
            const orderStrs = orderItems.map(item => this.visit(item, context));
            if (node.agg_within_group) {
                // For WITHIN GROUP aggregates, ORDER BY goes outside the parentheses
                orderByClause = ` WITHIN GROUP (ORDER BY ${orderStrs.join(', ')})`;
            }
            else {
                // For regular aggregates, ORDER BY goes inside the parentheses
                orderByClause = ` ORDER BY ${orderStrs.join(', ')}`;
            }
        }
        let result;
        if (node.agg_within_group && orderByClause) {
            result = `${name}(${params.join(', ')})${orderByClause}`;
        }
        else {
            // For regular functions, ORDER BY goes inside the parentheses
            result = `${name}(${params.join(', ')}${orderByClause})`;
        }
        if (node.agg_filter) {
            result += ` FILTER (WHERE ${this.visit(node.agg_filter, context)})`;
        }
        if (node.over) {
            result += this.formatOverClause(node.over, context);
        }
        return result;
    }
    formatOverClause(over, context) {
        if (over.name) {
            return ` OVER ${over.name}`;
        }
        const windowParts = [];
        if (over.refname) {
            windowParts.push(over.refname);
        }
        if (over.partitionClause) {
            const partitions = list_utils_1.ListUtils.unwrapList(over.partitionClause);
            const partitionStrs = partitions.map(p => this.visit(p, context));
            windowParts.push(`PARTITION BY ${partitionStrs.join(', ')}`);
        }
        if (over.orderClause) {
            const orders = list_utils_1.ListUtils.unwrapList(over.orderClause);
            const orderStrs = orders.map(o => this.visit(o, context));
            windowParts.push(`ORDER BY ${orderStrs.join(', ')}`);
        }
        const frameClause = this.formatWindowFrame(over, context.spawn('FuncCall'));
        if (frameClause) {
            windowParts.push(frameClause);
        }
        if (windowParts.length === 0) {
            return ' OVER ()';
        }
        if (context.isPretty() && windowParts.length > 1) {
            const formattedParts = windowParts.map(part => context.indent(part));
            return ` OVER (${context.newline()}${formattedParts.join(context.newline())}${context.newline()})`;
        }
        return ` OVER (${windowParts.join(' ')})`;
    }
    FuncExpr(node, context) {
        const funcName = `func_${node.funcid}`;
        const args = node.args ? list_utils_1.ListUtils.unwrapList(node.args).map(arg => this.visit(arg, context)).join(', ') : '';
        return `${funcName}(${args})`;
    }
    A_Const(node, context) {
        const nodeAny = node;
        if (nodeAny.ival !== undefined) {
            if (typeof nodeAny.ival === 'object' && nodeAny.ival !== null) {
                if (nodeAny.ival.ival !== undefined) {
                    return nodeAny.ival.ival.toString();
                }
                else if (Object.keys(nodeAny.ival).length === 0) {
                    return '0';
                }
                else {
                    return nodeAny.ival.toString();
                }
            }
            else if (nodeAny.ival === null) {
                return 'NULL';
            }
            else {
                return nodeAny.ival.toString();
            }
        }
        else if (nodeAny.fval !== undefined) {
            if (typeof nodeAny.fval === 'object' && nodeAny.fval !== null) {
                if (nodeAny.fval.fval !== undefined) {
                    return nodeAny.fval.fval.toString();
                }
                else if (Object.keys(nodeAny.fval).length === 0) {
                    return '0.0';
                }
                else {
                    return nodeAny.fval.toString();
                }
            }
            else if (nodeAny.fval === null) {
                return 'NULL';
            }
            else {
                return nodeAny.fval.toString();
            }
        }
        else if (nodeAny.sval !== undefined) {
            if (typeof nodeAny.sval === 'object' && nodeAny.sval !== null) {
                if (nodeAny.sval.sval !== undefined) {
                    return quotes_1.QuoteUtils.formatEString(nodeAny.sval.sval);
                }
                else if (nodeAny.sval.String && nodeAny.sval.String.sval !== undefined) {
                    return quotes_1.QuoteUtils.formatEString(nodeAny.sval.String.sval);
                }
                else if (Object.keys(nodeAny.sval).length === 0) {
                    return "''";
                }
                else {
                    return quotes_1.QuoteUtils.formatEString(nodeAny.sval.toString());
                }
            }
            else if (nodeAny.sval === null) {
                return 'NULL';
            }
            else {
                return quotes_1.QuoteUtils.formatEString(nodeAny.sval);
            }
        }
        else if (nodeAny.boolval !== undefined) {
            if (typeof nodeAny.boolval === 'object' && nodeAny.boolval !== null) {
                if (nodeAny.boolval.boolval !== undefined) {
                    return nodeAny.boolval.boolval ? 'true' : 'false';
                }
                else if (Object.keys(nodeAny.boolval).length === 0) {
                    return 'false';
                }
                else {
                    return nodeAny.boolval ? 'true' : 'false';
                }
            }
            else if (nodeAny.boolval === null) {
                return 'NULL';
            }
            else {
                return nodeAny.boolval ? 'true' : 'false';
            }
        }
        else if (nodeAny.bsval !== undefined) {
            if (typeof nodeAny.bsval === 'object' && nodeAny.bsval !== null) {
                if (nodeAny.bsval.bsval !== undefined) {
                    const bsval = nodeAny.bsval.bsval;
                    // Check if this is a hexadecimal bit string (starts with x and contains only hex digits)
                    if (bsval.startsWith('x') && /^x[0-9A-Fa-f]+$/.test(bsval)) {
                        return `x'${bsval.substring(1)}'`;
                    }
                    if (bsval.startsWith('b')) {
                        return `b'${bsval.substring(1)}'`;
                    }
                    return `b'${bsval}'`;
                }
                else if (Object.keys(nodeAny.bsval).length === 0) {
                    return "''";
                }
                else {
                    return nodeAny.bsval.toString();
                }
            }
            else if (nodeAny.bsval === null) {
                return 'NULL';
            }
            else {
                const bsval = nodeAny.bsval;
                // Check if this is a hexadecimal bit string (starts with x and contains only hex digits)
                if (bsval.startsWith('x') && /^x[0-9A-Fa-f]+$/.test(bsval)) {
                    return `x'${bsval.substring(1)}'`;
                }
                if (bsval.startsWith('b')) {
                    return `b'${bsval.substring(1)}'`;
                }
                return `b'${bsval}'`;
            }
        }
        if (nodeAny.val) {
            if (nodeAny.val.Integer?.ival !== undefined) {
                return nodeAny.val.Integer.ival.toString();
            }
            else if (nodeAny.val.Float?.fval !== undefined) {
                return nodeAny.val.Float.fval.toString();
            }
            else if (nodeAny.val.String?.sval !== undefined) {
                return quotes_1.QuoteUtils.escape(nodeAny.val.String.sval);
            }
            else if (nodeAny.val.Boolean?.boolval !== undefined) {
                return nodeAny.val.Boolean.boolval ? 'true' : 'false';
            }
            else if (nodeAny.val.BitString?.bsval !== undefined) {
                return nodeAny.val.BitString.bsval;
            }
        }
        if (nodeAny.isnull === true) {
            return 'NULL';
        }
        if (typeof nodeAny === 'object' && nodeAny !== null) {
            if (nodeAny.Boolean !== undefined) {
                return nodeAny.Boolean ? 'true' : 'false';
            }
            if (nodeAny.Integer !== undefined) {
                if (typeof nodeAny.Integer === 'object' && nodeAny.Integer.ival !== undefined) {
                    return nodeAny.Integer.ival.toString();
                }
                return nodeAny.Integer.toString();
            }
            if (nodeAny.Float !== undefined) {
                if (typeof nodeAny.Float === 'object' && nodeAny.Float.fval !== undefined) {
                    return nodeAny.Float.fval.toString();
                }
                return nodeAny.Float.toString();
            }
            if (nodeAny.String !== undefined) {
                if (typeof nodeAny.String === 'object' && nodeAny.String.sval !== undefined) {
                    return quotes_1.QuoteUtils.escape(nodeAny.String.sval);
                }
                return quotes_1.QuoteUtils.escape(nodeAny.String);
            }
            if (Object.keys(nodeAny).length === 0) {
                return 'NULL';
            }
            console.warn('A_Const: Unhandled object structure:', JSON.stringify(nodeAny, null, 2));
            return 'NULL';
        }
        return 'NULL';
    }
    ColumnRef(node, context) {
        const fields = list_utils_1.ListUtils.unwrapList(node.fields);
        return fields.map(field => {
            if (field.String) {
                return quotes_1.QuoteUtils.quoteIdentifier(field.String.sval || field.String.str);
            }
            else if (field.A_Star) {
                return '*';
            }
            return this.visit(field, context);
        }).join('.');
    }
    TypeName(node, context) {
        if (!node.names) {
            return '';
        }
        const output = [];
        // Handle SETOF keyword
        if (node.setof) {
            output.push('SETOF');
        }
        const names = node.names.map((name) => {
            if (name.String) {
                return name.String.sval || name.String.str;
            }
            return '';
        }).filter(Boolean);
        if (names.length === 0) {
            return '';
        }
        let args = null;
        if (node.typmods) {
            const isInterval = names.some((name) => {
                const nameStr = typeof name === 'string' ? name : (name.String?.sval || name.String?.str);
                return nameStr === 'interval';
            });
            if (isInterval) {
                args = this.formatIntervalTypeMods(node.typmods, context);
                // For interval types, we'll handle the formatting differently to avoid parentheses
            }
            else {
                args = this.formatTypeMods(node.typmods, context);
            }
        }
        else if (node.typemod && node.typemod !== -1) {
            args = this.formatSingleTypeMod(node.typemod, names[0]);
        }
        const mods = (name, size) => {
            if (size != null) {
                // For interval types, use space separation for fields in all contexts
                if (name === 'interval') {
                    // If size starts with '(', it's precision - keep parentheses
                    if (size.startsWith('(')) {
                        return `${name}${size}`;
                    }
                    // Otherwise it's a field specification - use space separation
                    return `${name} ${size}`;
                }
                return `${name}(${size})`;
            }
            return name;
        };
        const formatArrayBounds = (arrayBounds) => {
            return arrayBounds.map(bound => {
                if (bound.Integer && bound.Integer.ival !== undefined && bound.Integer.ival !== -1) {
                    return `[${bound.Integer.ival}]`;
                }
                return '[]';
            }).join('');
        };
        if (names.length === 1) {
            const typeName = names[0];
            if (typeName === 'char') {
                if (context.parentNodeTypes.includes('TypeCast') && args === '1') {
                    output.push('"char"');
                }
                else {
                    output.push(mods('"char"', args));
                }
                return output.join(' ');
            }
            let result = mods(quotes_1.QuoteUtils.quoteIdentifierTypeName(typeName), args);
            if (node.arrayBounds && node.arrayBounds.length > 0) {
                result += formatArrayBounds(node.arrayBounds);
            }
            output.push(result);
            return output.join(' ');
        }
        if (names.length === 2) {
            const [catalog, type] = names;
            if (catalog === 'pg_catalog' && type === 'char') {
                output.push(mods('pg_catalog.char', args));
                return output.join(' ');
            }
            if (catalog === 'pg_catalog') {
                let typeName = `${catalog}.${type}`;
                if (type === 'bpchar' && args) {
                    typeName = 'char';
                }
                else if (type === 'varchar') {
                    typeName = 'varchar';
                }
                else if (type === 'numeric') {
                    typeName = 'numeric';
                }
                else if (type === 'int4') {
                    typeName = 'int';
                }
                else if (type === 'float8') {
                    typeName = 'double precision';
                }
                else if (type === 'float4') {
                    typeName = 'real';
                }
                else if (type === 'int8') {
                    typeName = 'bigint';
                }
                else if (type === 'int2') {
                    typeName = 'smallint';
                }
                else if (type === 'bool') {
                    typeName = 'boolean';
                }
                else if (type === 'interval') {
                    // For interval types, strip pg_catalog prefix and handle field specifications properly
                    if (context.parentNodeTypes.includes('TypeCast')) {
                        typeName = 'interval';
                    }
                    else {
                        // For CREATE TABLE column definitions, preserve interval field syntax
                        typeName = 'interval';
                    }
                }
                else if (type === 'timestamptz') {
                    if (args) {
                        typeName = `timestamp(${args}) with time zone`;
                        args = null; // Don't apply args again in mods()
                    }
                    else {
                        typeName = 'timestamp with time zone';
                    }
                }
                else if (type === 'timetz') {
                    if (args) {
                        typeName = `time(${args}) with time zone`;
                        args = null; // Don't apply args again in mods()
                    }
                    else {
                        typeName = 'time with time zone';
                    }
                }
                else if (type === 'timestamp') {
                    if (args) {
                        typeName = `timestamp(${args})`;
                        args = null; // Don't apply args again in mods()
                    }
                    else {
                        typeName = 'timestamp';
                    }
                }
                else if (type === 'time') {
                    if (args) {
                        typeName = `time(${args})`;
                        args = null; // Don't apply args again in mods()
                    }
                    else {
                        typeName = 'time';
                    }
                }
                let result = mods(typeName, args);
                if (node.arrayBounds && node.arrayBounds.length > 0) {
                    result += formatArrayBounds(node.arrayBounds);
                }
                output.push(result);
                return output.join(' ');
            }
        }
        // Use type-name quoting for non-pg_catalog types
        // This allows keywords like 'json', 'int', 'boolean' to remain unquoted in type positions
        let result = mods(quotes_1.QuoteUtils.quoteTypeDottedName(names), args);
        if (node.arrayBounds && node.arrayBounds.length > 0) {
            result += formatArrayBounds(node.arrayBounds);
        }
        output.push(result);
        return output.join(' ');
    }
    Alias(node, context) {
        const name = node.aliasname;
        const output = [];
        if (node.colnames) {
            const colnames = list_utils_1.ListUtils.unwrapList(node.colnames);
            const quotedColnames = colnames.map(col => {
                const colStr = this.deparse(col, context);
                // Check if already quoted to avoid double-quoting
                if (colStr.startsWith('"') && colStr.endsWith('"')) {
                    return colStr;
                }
                return this.quoteIfNeeded(colStr);
            });
            output.push('AS', this.quoteIfNeeded(name) + context.parens(quotedColnames.join(', ')));
        }
        else {
            output.push('AS', this.quoteIfNeeded(name));
        }
        return output.join(' ');
    }
    RangeVar(node, context) {
        const output = [];
        // Handle ONLY keyword for inheritance control (but not for type definitions, ALTER TYPE, or CREATE FOREIGN TABLE)
        if (node && (!('inh' in node) || node.inh === undefined) &&
            !context.parentNodeTypes.includes('CompositeTypeStmt') &&
            (!context.parentNodeTypes.includes('AlterTypeStmt') && context.objtype !== 'OBJECT_TYPE') &&
            !context.parentNodeTypes.includes('CreateForeignTableStmt')) {
            output.push('ONLY');
        }
        let tableName = '';
        if (node.catalogname) {
            tableName = quotes_1.QuoteUtils.quoteIdentifier(node.catalogname);
            if (node.schemaname) {
                tableName += '.' + quotes_1.QuoteUtils.quoteIdentifierAfterDot(node.schemaname);
            }
            tableName += '.' + quotes_1.QuoteUtils.quoteIdentifierAfterDot(node.relname);
        }
        else if (node.schemaname) {
            tableName = quotes_1.QuoteUtils.quoteQualifiedIdentifier(node.schemaname, node.relname);
        }
        else {
            tableName = quotes_1.QuoteUtils.quoteIdentifier(node.relname);
        }
        output.push(tableName);
        if (node.alias) {
            const aliasStr = this.Alias(node.alias, context);
            output.push(aliasStr);
        }
        const result = output.join(' ');
        return result;
    }
    formatIntervalTypeMods(typmods, context) {
        if (!typmods || typmods.length === 0) {
            return null;
        }
        const mods = list_utils_1.ListUtils.unwrapList(typmods);
        const intervalFields = {
            4: 'year',
            2: 'month',
            8: 'day',
            1024: 'hour',
            2048: 'minute',
            4096: 'second',
            6: 'year to month',
            1032: 'day to hour',
            3080: 'day to minute',
            7176: 'day to second',
            3072: 'hour to minute',
            7168: 'hour to second',
            6144: 'minute to second'
        };
        // Handle single modifier - could be field or precision
        if (mods.length === 1) {
            const mod = mods[0];
            if (mod && typeof mod === 'object') {
                const aConst = mod.A_Const;
                if (aConst && aConst.ival !== undefined) {
                    const ivalValue = typeof aConst.ival === 'object' ? aConst.ival.ival : aConst.ival;
                    if (ivalValue !== undefined) {
                        // Check if it's a known interval field
                        if (intervalFields[ivalValue]) {
                            return intervalFields[ivalValue];
                        }
                        return `(${ivalValue})`;
                    }
                }
            }
        }
        // Handle interval precision: interval(0), interval(3), etc.
        if (mods.length === 2) {
            const firstMod = mods[0];
            const secondMod = mods[1];
            if (firstMod && typeof firstMod === 'object') {
                const firstConst = firstMod.A_Const;
                if (firstConst && firstConst.ival !== undefined) {
                    const firstValue = typeof firstConst.ival === 'object' ? firstConst.ival.ival : firstConst.ival;
                    // Check if second mod is precision (empty ival object or specific precision value)
                    if (secondMod && typeof secondMod === 'object') {
                        const secondConst = secondMod.A_Const;
                        if (secondConst && secondConst.ival !== undefined) {
                            const secondValue = typeof secondConst.ival === 'object' ?
                                (secondConst.ival.ival !== undefined ? secondConst.ival.ival : 0) :
                                secondConst.ival;
                            if (firstValue === 32767 && secondValue >= 0) {
                                return `(${secondValue})`;
                            }
                            if (intervalFields[firstValue] && secondValue >= 0) {
                                return `${intervalFields[firstValue]}(${secondValue})`;
                            }
                        }
                    }
                }
            }
        }
        const fieldSpecs = mods.map(mod => {
            if (mod && typeof mod === 'object') {
                const aConst = mod.A_Const;
                if (aConst && aConst.ival !== undefined) {
                    const ivalValue = typeof aConst.ival === 'object' ? aConst.ival.ival : aConst.ival;
                    if (ivalValue !== undefined) {
                        return intervalFields[ivalValue] || ivalValue.toString();
                    }
                }
            }
            const result = this.visit(mod, context);
            return result || '';
        }).filter(Boolean);
        return fieldSpecs.length > 0 ? fieldSpecs.join(' ') : null;
    }
    formatTypeMods(typmods, context) {
        if (!typmods || typmods.length === 0) {
            return null;
        }
        const mods = list_utils_1.ListUtils.unwrapList(typmods);
        const filteredMods = mods.filter(mod => {
            if (mod && typeof mod === 'object') {
                const aConst = mod.A_Const;
                if (aConst && aConst.ival) {
                    // Handle both direct number and nested object structures
                    const ivalValue = typeof aConst.ival === 'object' ? aConst.ival.ival : aConst.ival;
                    if (ivalValue === 32767) {
                        return false;
                    }
                }
            }
            return true;
        });
        if (filteredMods.length === 0) {
            return null;
        }
        return filteredMods.map(mod => {
            return this.deparse(mod, context);
        }).join(', ');
    }
    formatSingleTypeMod(typemod, typeName) {
        switch (typeName) {
            case 'varchar':
            case 'bpchar':
            case 'char':
                if (typemod > 4) {
                    return (typemod - 64).toString();
                }
                break;
            case 'numeric':
            case 'decimal':
                if (typemod > 4) {
                    const modValue = typemod - 4;
                    const precision = (modValue >> 16) & 0xFFFF;
                    const scale = modValue & 0xFFFF;
                    if (scale > 0) {
                        return `${precision},${scale}`;
                    }
                    else {
                        return precision.toString();
                    }
                }
                break;
            case 'time':
            case 'timetz':
            case 'timestamp':
            case 'timestamptz':
            case 'interval':
                if (typemod >= 0) {
                    return typemod.toString();
                }
                break;
        }
        return null;
    }
    getPgCatalogTypeName(typeName, size) {
        switch (typeName) {
            case 'bpchar':
                if (size != null) {
                    return 'char';
                }
                return 'bpchar';
            case 'varchar':
                return 'varchar';
            case 'numeric':
                return 'numeric';
            case 'bool':
                return 'boolean';
            case 'int2':
                return 'smallint';
            case 'int4':
                return 'int';
            case 'int8':
                return 'bigint';
            case 'real':
                return 'float4';
            case 'time':
                return 'time';
            case 'timestamp':
                return 'timestamp';
            case 'interval':
                return 'interval';
            case 'bit':
                return 'bit';
            default:
                return typeName;
        }
    }
    isPgCatalogType(typeName) {
        const cleanTypeName = typeName.replace(/^pg_catalog\./, '');
        if (pgCatalogTypes.includes(cleanTypeName)) {
            return true;
        }
        for (const [realType, aliases] of pgCatalogTypeAliases) {
            if (aliases.includes(cleanTypeName)) {
                return true;
            }
        }
        return false;
    }
    A_ArrayExpr(node, context) {
        const elements = list_utils_1.ListUtils.unwrapList(node.elements);
        const elementStrs = elements.map(el => this.visit(el, context));
        return `ARRAY[${elementStrs.join(', ')}]`;
    }
    A_Indices(node, context) {
        const output = [];
        if (node.is_slice) {
            if (node.lidx) {
                output.push(this.visit(node.lidx, context));
            }
            output.push(':');
            if (node.uidx) {
                output.push(this.visit(node.uidx, context));
            }
        }
        else {
            if (node.uidx) {
                output.push(this.visit(node.uidx, context));
            }
        }
        return `[${output.join('')}]`;
    }
    A_Indirection(node, context) {
        let argStr = this.visit(node.arg, context);
        const argType = this.getNodeType(node.arg);
        if (argType === 'TypeCast' || argType === 'SubLink' || argType === 'A_Expr' || argType === 'FuncCall' || argType === 'A_Indirection' || argType === 'ColumnRef' || argType === 'RowExpr') {
            argStr = `(${argStr})`;
        }
        const output = [argStr];
        const indirection = list_utils_1.ListUtils.unwrapList(node.indirection);
        for (const subnode of indirection) {
            if (subnode.String || subnode.A_Star) {
                const value = subnode.A_Star ? '*' : quotes_1.QuoteUtils.quoteIdentifier(subnode.String.sval || subnode.String.str);
                output.push(`.${value}`);
            }
            else {
                output.push(this.visit(subnode, context));
            }
        }
        return output.join('');
    }
    A_Star(node, context) {
        return '*';
    }
    CaseExpr(node, context) {
        const output = ['CASE'];
        if (node.arg) {
            output.push(this.visit(node.arg, context));
        }
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        if (context.isPretty() && args.length > 0) {
            for (const arg of args) {
                const whenClause = this.visit(arg, context);
                if (this.containsMultilineStringLiteral(whenClause)) {
                    output.push(context.newline() + whenClause);
                }
                else {
                    output.push(context.newline() + context.indent(whenClause));
                }
            }
            if (node.defresult) {
                const elseResult = this.visit(node.defresult, context);
                if (this.containsMultilineStringLiteral(elseResult)) {
                    output.push(context.newline() + 'ELSE ' + elseResult);
                }
                else {
                    output.push(context.newline() + context.indent('ELSE ' + elseResult));
                }
            }
            output.push(context.newline() + 'END');
            return output.join(' ');
        }
        else {
            for (const arg of args) {
                output.push(this.visit(arg, context));
            }
            if (node.defresult) {
                output.push('ELSE');
                output.push(this.visit(node.defresult, context));
            }
            output.push('END');
            return output.join(' ');
        }
    }
    CoalesceExpr(node, context) {
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        const argStrs = args.map(arg => this.visit(arg, context));
        return `COALESCE(${argStrs.join(', ')})`;
    }
    TypeCast(node, context) {
        const arg = this.visit(node.arg, context);
        const typeName = this.TypeName(node.typeName, context);
        // Check if this is a bpchar typecast that should preserve original syntax for AST consistency
        if (typeName === 'bpchar' || typeName === 'pg_catalog.bpchar') {
            const names = node.typeName?.names;
            const isQualifiedBpchar = names && names.length === 2 &&
                names[0]?.String?.sval === 'pg_catalog' &&
                names[1]?.String?.sval === 'bpchar';
            if (isQualifiedBpchar) {
                return `CAST(${arg} AS ${typeName})`;
            }
        }
        if (this.isPgCatalogType(typeName)) {
            const argType = this.getNodeType(node.arg);
            const isSimpleArgument = argType === 'A_Const' || argType === 'ColumnRef';
            const isFunctionCall = argType === 'FuncCall';
            if (isSimpleArgument || isFunctionCall) {
                // For simple arguments, avoid :: syntax if they have complex structure
                const shouldUseCastSyntax = isSimpleArgument && (arg.includes('(') || arg.startsWith('-'));
                if (!shouldUseCastSyntax) {
                    const cleanTypeName = typeName.replace('pg_catalog.', '');
                    // Wrap FuncCall arguments in parentheses to prevent operator precedence issues
                    if (isFunctionCall) {
                        return `${context.parens(arg)}::${cleanTypeName}`;
                    }
                    return `${arg}::${cleanTypeName}`;
                }
            }
        }
        return `CAST(${arg} AS ${typeName})`;
    }
    CollateClause(node, context) {
        const output = [];
        if (node.arg) {
            let argStr = this.visit(node.arg, context);
            const argType = this.getNodeType(node.arg);
            if (argType === 'A_Expr' || argType === 'FuncCall' || argType === 'SubLink') {
                argStr = `(${argStr})`;
            }
            output.push(argStr);
        }
        output.push('COLLATE');
        if (node.collname) {
            const collname = list_utils_1.ListUtils.unwrapList(node.collname);
            output.push(collname.map(n => this.visit(n, context)).join('.'));
        }
        return output.join(' ');
    }
    BooleanTest(node, context) {
        const output = [];
        const boolContext = context.spawn('BooleanTest', { bool: true });
        output.push(this.visit(node.arg, boolContext));
        switch (node.booltesttype) {
            case 'IS_TRUE':
                output.push('IS TRUE');
                break;
            case 'IS_NOT_TRUE':
                output.push('IS NOT TRUE');
                break;
            case 'IS_FALSE':
                output.push('IS FALSE');
                break;
            case 'IS_NOT_FALSE':
                output.push('IS NOT FALSE');
                break;
            case 'IS_UNKNOWN':
                output.push('IS UNKNOWN');
                break;
            case 'IS_NOT_UNKNOWN':
                output.push('IS NOT UNKNOWN');
                break;
        }
        return output.join(' ');
    }
    NullTest(node, context) {
        const output = [];
        output.push(this.visit(node.arg, context));
        switch (node.nulltesttype) {
            case 'IS_NULL':
                output.push('IS NULL');
                break;
            case 'IS_NOT_NULL':
                output.push('IS NOT NULL');
                break;
        }
        return output.join(' ');
    }
    quoteIfNeeded(value) {
        return quotes_1.QuoteUtils.quoteIdentifier(value);
    }
    preserveOperatorDefElemCase(defName) {
        const caseMap = {
            leftarg: 'Leftarg',
            rightarg: 'Rightarg',
            procedure: 'Procedure',
            function: 'Function',
            commutator: 'Commutator',
            negator: 'Negator',
            restrict: 'Restrict',
            join: 'Join',
            hashes: 'Hashes',
            merges: 'Merges'
        };
        return caseMap[defName.toLowerCase()] || defName;
    }
    String(node, context) {
        if (context.isStringLiteral || context.isEnumValue) {
            return quotes_1.QuoteUtils.formatEString(node.sval || '');
        }
        const value = node.sval || '';
        if (context.parentNodeTypes.includes('DefElem') ||
            context.parentNodeTypes.includes('CreateOpClassItem')) {
            return value;
        }
        if (context.parentNodeTypes.includes('ObjectWithArgs')) {
            // Check if this is a pure operator symbol (only operator characters, no alphanumeric)
            const pureOperatorRegex = /^[+\-*/<>=~!@#%^&|`?]+$/;
            if (pureOperatorRegex.test(value)) {
                return value; // Don't quote pure operator symbols like "=" or "-"
            }
        }
        return quotes_1.QuoteUtils.quoteIdentifier(value);
    }
    Integer(node, context) {
        return node.ival?.toString() || '0';
    }
    Float(node, context) {
        return node.fval || '0.0';
    }
    Boolean(node, context) {
        return node.boolval ? 'true' : 'false';
    }
    BitString(node, context) {
        // Check if this is a hexadecimal bit string (starts with x)
        if (node.bsval.startsWith('x')) {
            return `x'${node.bsval.substring(1)}'`;
        }
        if (node.bsval.startsWith('b')) {
            return `b'${node.bsval.substring(1)}'`;
        }
        // Fallback for raw values without prefix
        return `b'${node.bsval}'`;
    }
    Null(node, context) {
        return 'NULL';
    }
    List(node, context) {
        if (!node.items || node.items.length === 0) {
            return '';
        }
        return node.items.map((item) => this.visit(item, context)).join(', ');
    }
    CreateStmt(node, context) {
        const output = ['CREATE'];
        if (node.relation && node.relation.relpersistence === 't') {
            output.push('TEMPORARY');
        }
        else if (node.relation && node.relation.relpersistence === 'u') {
            output.push('UNLOGGED');
        }
        if (node.if_not_exists) {
            output.push('TABLE IF NOT EXISTS');
        }
        else {
            output.push('TABLE');
        }
        output.push(this.RangeVar(node.relation, context));
        // Handle typed tables (CREATE TABLE ... OF typename)
        if (node.ofTypename) {
            output.push('OF');
            output.push(this.TypeName(node.ofTypename, context));
            // Handle additional constraints for typed tables
            if (node.tableElts) {
                const elements = list_utils_1.ListUtils.unwrapList(node.tableElts);
                const elementStrs = elements.map(el => {
                    return this.deparse(el, context);
                });
                output.push(context.parens(elementStrs.join(', ')));
            }
        }
        else if (node.tableElts && !node.partbound) {
            const elements = list_utils_1.ListUtils.unwrapList(node.tableElts);
            const elementStrs = elements.map(el => {
                return this.deparse(el, context.spawn('CreateStmt'));
            });
            if (context.isPretty()) {
                const formattedElements = elementStrs.map(el => {
                    const trimmedEl = el.trim();
                    // Remove leading newlines from constraint elements to avoid extra blank lines
                    if (trimmedEl.startsWith('\n')) {
                        return context.indent(trimmedEl.substring(1));
                    }
                    return context.indent(trimmedEl);
                }).join(',' + context.newline());
                output.push('(' + context.newline() + formattedElements + context.newline() + ')');
            }
            else {
                output.push(context.parens(elementStrs.join(', ')));
            }
        }
        else if (!node.partbound) {
            output.push(context.parens(''));
        }
        if (node.partbound && node.inhRelations && node.inhRelations.length > 0) {
            output.push('PARTITION OF');
            const inherits = list_utils_1.ListUtils.unwrapList(node.inhRelations);
            const inheritStrs = inherits.map(rel => this.visit(rel, context));
            output.push(inheritStrs[0]);
            if (node.tableElts) {
                const elementStrs = list_utils_1.ListUtils.unwrapList(node.tableElts).map(el => {
                    return this.deparse(el, context.spawn('CreateStmt'));
                });
                output.push(context.parens(elementStrs.join(', ')));
            }
            if (node.partbound.is_default) {
                output.push('DEFAULT');
            }
            else if (node.partbound.strategy === 'l' && node.partbound.listdatums) {
                output.push('FOR VALUES IN');
                const listValues = list_utils_1.ListUtils.unwrapList(node.partbound.listdatums)
                    .map(datum => this.visit(datum, context))
                    .join(', ');
                output.push(`(${listValues})`);
            }
            else if (node.partbound.strategy === 'r' && (node.partbound.lowerdatums || node.partbound.upperdatums)) {
                output.push('FOR VALUES FROM');
                if (node.partbound.lowerdatums) {
                    const lowerValues = list_utils_1.ListUtils.unwrapList(node.partbound.lowerdatums)
                        .map(datum => this.visit(datum, context))
                        .join(', ');
                    output.push(`(${lowerValues})`);
                }
                if (node.partbound.upperdatums) {
                    output.push('TO');
                    const upperValues = list_utils_1.ListUtils.unwrapList(node.partbound.upperdatums)
                        .map(datum => this.visit(datum, context))
                        .join(', ');
                    output.push(`(${upperValues})`);
                }
            }
            else if (node.partbound.strategy === 'h') {
                output.push('FOR VALUES WITH');
                output.push(`(MODULUS ${node.partbound.modulus ?? 0}, REMAINDER ${node.partbound.remainder ?? 0})`);
            }
        }
        else if (node.inhRelations) {
            output.push('INHERITS');
            const inherits = list_utils_1.ListUtils.unwrapList(node.inhRelations);
            const inheritStrs = inherits.map(rel => this.visit(rel, context));
            output.push(context.parens(inheritStrs.join(', ')));
        }
        if (node.partspec) {
            output.push('PARTITION BY');
            switch (node.partspec.strategy) {
                case 'PARTITION_STRATEGY_HASH':
                    output.push('HASH');
                    break;
                case 'PARTITION_STRATEGY_LIST':
                    output.push('LIST');
                    break;
                case 'PARTITION_STRATEGY_RANGE':
                    output.push('RANGE');
                    break;
            }
            if (node.partspec.partParams && node.partspec.partParams.length > 0) {
                const partParams = list_utils_1.ListUtils.unwrapList(node.partspec.partParams)
                    .map(param => this.visit(param, context))
                    .join(', ');
                output.push(`(${partParams})`);
            }
        }
        if (node.oncommit && node.oncommit !== 'ONCOMMIT_NOOP') {
            output.push('ON COMMIT');
            switch (node.oncommit) {
                case 'ONCOMMIT_PRESERVE_ROWS':
                    output.push('PRESERVE ROWS');
                    break;
                case 'ONCOMMIT_DELETE_ROWS':
                    output.push('DELETE ROWS');
                    break;
                case 'ONCOMMIT_DROP':
                    output.push('DROP');
                    break;
            }
        }
        // Handle table options like WITH (fillfactor=10)
        if (node.options && node.options.length > 0) {
            const createStmtContext = context.spawn('CreateStmt');
            const optionStrs = node.options.map((option) => {
                return this.deparse(option, createStmtContext);
            });
            output.push('WITH', `(${optionStrs.join(', ')})`);
        }
        // Handle access method (USING clause)
        if (node.accessMethod) {
            output.push('USING');
            output.push(this.quoteIfNeeded(node.accessMethod));
        }
        return output.join(' ');
    }
    ColumnDef(node, context) {
        const output = [];
        if (node.colname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.colname));
        }
        if (node.typeName) {
            output.push(this.TypeName(node.typeName, context));
        }
        if (node.storage_name) {
            output.push('STORAGE', node.storage_name.toUpperCase());
        }
        if (node.compression) {
            output.push('COMPRESSION', quotes_1.QuoteUtils.quoteIdentifier(node.compression));
        }
        if (node.fdwoptions && node.fdwoptions.length > 0) {
            output.push('OPTIONS');
            const columnContext = context.spawn('ColumnDef');
            const options = list_utils_1.ListUtils.unwrapList(node.fdwoptions).map(opt => this.visit(opt, columnContext));
            output.push(`(${options.join(', ')})`);
        }
        if (node.collClause) {
            output.push(this.CollateClause(node.collClause, context));
        }
        if (node.constraints) {
            const constraints = list_utils_1.ListUtils.unwrapList(node.constraints);
            const constraintStrs = constraints.map(constraint => {
                const columnConstraintContext = context.spawn('ColumnDef', { isColumnConstraint: true });
                return this.visit(constraint, columnConstraintContext);
            });
            output.push(...constraintStrs);
        }
        if (node.raw_default) {
            output.push('DEFAULT');
            output.push(this.visit(node.raw_default, context));
        }
        if (node.generated) {
            output.push('GENERATED ALWAYS AS');
            output.push(`(${node.generated})`);
            output.push('STORED');
        }
        if (node.is_not_null) {
            output.push('NOT NULL');
        }
        return output.join(' ');
    }
    Constraint(node, context) {
        const output = [];
        // Handle constraint name if present
        if (node.conname && (node.contype === 'CONSTR_CHECK' || node.contype === 'CONSTR_UNIQUE' || node.contype === 'CONSTR_PRIMARY' || node.contype === 'CONSTR_FOREIGN' || node.contype === 'CONSTR_NOTNULL' || node.contype === 'CONSTR_EXCLUSION')) {
            output.push('CONSTRAINT');
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.conname));
        }
        switch (node.contype) {
            case 'CONSTR_NULL':
                output.push('NULL');
                break;
            case 'CONSTR_NOTNULL':
                output.push('NOT NULL');
                if (node.keys && node.keys.length > 0 && !context.isColumnConstraint) {
                    const keyList = list_utils_1.ListUtils.unwrapList(node.keys)
                        .map(key => this.visit(key, context))
                        .join(', ');
                    output.push(keyList);
                }
                if (node.is_no_inherit) {
                    output.push('NO INHERIT');
                }
                if (node.skip_validation) {
                    output.push('NOT VALID');
                }
                break;
            case 'CONSTR_DEFAULT':
                output.push('DEFAULT');
                if (node.raw_expr) {
                    const defaultExpr = this.visit(node.raw_expr, context);
                    output.push(this.needsBExprParens(node.raw_expr) ? `(${defaultExpr})` : defaultExpr);
                }
                break;
            case 'CONSTR_CHECK':
                if (context.isPretty() && !context.isColumnConstraint) {
                    output.push('\n' + context.indent('CHECK'));
                }
                else {
                    output.push('CHECK');
                }
                if (node.raw_expr) {
                    if (context.isPretty()) {
                        const checkExpr = this.visit(node.raw_expr, context);
                        if (checkExpr.includes('\n')) {
                            output.push('(\n' + context.indent(checkExpr) + '\n)');
                        }
                        else {
                            output.push(`(${checkExpr})`);
                        }
                    }
                    else {
                        output.push(context.parens(this.visit(node.raw_expr, context)));
                    }
                }
                // PG18: constraints are enforced unless explicitly NOT ENFORCED
                // (libpg-query omits false booleans, so undefined means not enforced)
                if (node.is_enforced !== true && !context.isDomainConstraint) {
                    output.push('NOT ENFORCED');
                }
                else if (node.skip_validation) {
                    // NOT ENFORCED implies NOT VALID, so only emit NOT VALID when enforced
                    output.push('NOT VALID');
                }
                // Handle NO INHERIT for check constraints - only for table constraints, not domain constraints
                if (node.is_no_inherit && !context.isDomainConstraint) {
                    output.push('NO INHERIT');
                }
                break;
            case 'CONSTR_GENERATED':
                output.push('GENERATED');
                if (node.generated_when === 'a') {
                    output.push('ALWAYS');
                }
                else if (node.generated_when === 's') {
                    output.push('BY DEFAULT');
                }
                output.push('AS');
                if (node.raw_expr) {
                    output.push(context.parens(this.visit(node.raw_expr, context)));
                }
                output.push(node.generated_kind === 'v' ? 'VIRTUAL' : 'STORED');
                break;
            case 'CONSTR_IDENTITY':
                output.push('GENERATED');
                if (node.generated_when === 'a') {
                    output.push('ALWAYS');
                }
                else if (node.generated_when === 'd' || node.generated_when === 's') {
                    output.push('BY DEFAULT');
                }
                output.push('AS IDENTITY');
                if (node.options && node.options.length > 0) {
                    const optionStrs = list_utils_1.ListUtils.unwrapList(node.options)
                        .map(option => {
                        if (option.DefElem) {
                            const defElem = option.DefElem;
                            if (defElem.defname === 'sequence_name') {
                                if (defElem.arg && defElem.arg.List) {
                                    const nameList = list_utils_1.ListUtils.unwrapList(defElem.arg)
                                        .map(item => this.visit(item, context))
                                        .join('.');
                                    return `SEQUENCE NAME ${nameList}`;
                                }
                                return 'SEQUENCE NAME';
                            }
                            else if (defElem.defname === 'start') {
                                const argValue = defElem.arg ? this.visit(defElem.arg, context) : '';
                                return `START WITH ${argValue}`;
                            }
                            else if (defElem.defname === 'increment') {
                                const argValue = defElem.arg ? this.visit(defElem.arg, context) : '';
                                return `INCREMENT BY ${argValue}`;
                            }
                            else if (defElem.defname === 'minvalue') {
                                if (defElem.arg) {
                                    const argValue = this.visit(defElem.arg, context);
                                    return `MINVALUE ${argValue}`;
                                }
                                else {
                                    return 'NO MINVALUE';
                                }
                            }
                            else if (defElem.defname === 'maxvalue') {
                                if (defElem.arg) {
                                    const argValue = this.visit(defElem.arg, context);
                                    return `MAXVALUE ${argValue}`;
                                }
                                else {
                                    return 'NO MAXVALUE';
                                }
                            }
                            else if (defElem.defname === 'cache') {
                                const argValue = defElem.arg ? this.visit(defElem.arg, context) : '';
                                return `CACHE ${argValue}`;
                            }
                            else if (defElem.defname === 'cycle') {
                                const argValue = defElem.arg ? this.visit(defElem.arg, context) : '';
                                return argValue === 'true' ? 'CYCLE' : 'NO CYCLE';
                            }
                            const argValue = defElem.arg ? this.visit(defElem.arg, context) : '';
                            return `${defElem.defname.toUpperCase()} ${argValue}`;
                        }
                        return this.visit(option, context);
                    });
                    if (context.isPretty()) {
                        const indentedOptions = optionStrs.map(option => context.indent(option));
                        output.push('(\n' + indentedOptions.join('\n') + '\n)');
                    }
                    else {
                        output.push(`(${optionStrs.join(' ')})`);
                    }
                }
                break;
            case 'CONSTR_PRIMARY':
                output.push('PRIMARY KEY');
                if (node.keys && node.keys.length > 0) {
                    const keyItems = list_utils_1.ListUtils.unwrapList(node.keys)
                        .map(key => this.visit(key, context));
                    if (node.without_overlaps) {
                        keyItems[keyItems.length - 1] += ' WITHOUT OVERLAPS';
                    }
                    output.push(`(${keyItems.join(', ')})`);
                }
                if (node.indexname) {
                    output.push('USING INDEX');
                    output.push(node.indexname);
                }
                break;
            case 'CONSTR_UNIQUE':
                if (context.isPretty() && !context.isColumnConstraint) {
                    output.push('\n' + context.indent('UNIQUE'));
                }
                else {
                    output.push('UNIQUE');
                }
                if (node.nulls_not_distinct) {
                    output.push('NULLS NOT DISTINCT');
                }
                if (node.keys && node.keys.length > 0) {
                    const keyItems = list_utils_1.ListUtils.unwrapList(node.keys)
                        .map(key => this.visit(key, context));
                    if (node.without_overlaps) {
                        keyItems[keyItems.length - 1] += ' WITHOUT OVERLAPS';
                    }
                    output.push(`(${keyItems.join(', ')})`);
                }
                if (node.indexname) {
                    output.push('USING INDEX');
                    output.push(node.indexname);
                }
                break;
            case 'CONSTR_FOREIGN':
                // Only add "FOREIGN KEY" for table-level constraints, not column-level constraints
                if (!context.isColumnConstraint) {
                    if (context.isPretty()) {
                        output.push('\n' + context.indent('FOREIGN KEY'));
                        if (node.fk_attrs && node.fk_attrs.length > 0) {
                            output.push(`(${this.deparseKeyAttrs(node.fk_attrs, node.fk_with_period, context)})`);
                        }
                        output.push('\n' + context.indent('REFERENCES'));
                    }
                    else {
                        output.push('FOREIGN KEY');
                        if (node.fk_attrs && node.fk_attrs.length > 0) {
                            output.push(`(${this.deparseKeyAttrs(node.fk_attrs, node.fk_with_period, context)})`);
                        }
                        output.push('REFERENCES');
                    }
                }
                else {
                    output.push('REFERENCES');
                }
                if (node.pktable) {
                    if (context.isPretty() && !context.isColumnConstraint) {
                        const lastIndex = output.length - 1;
                        if (lastIndex >= 0 && output[lastIndex].includes('REFERENCES')) {
                            output[lastIndex] += ' ' + this.RangeVar(node.pktable, context);
                        }
                        else {
                            output.push(this.RangeVar(node.pktable, context));
                        }
                    }
                    else {
                        output.push(this.RangeVar(node.pktable, context));
                    }
                }
                if (node.pk_attrs && node.pk_attrs.length > 0) {
                    const pkAttrs = this.deparseKeyAttrs(node.pk_attrs, node.pk_with_period, context);
                    if (context.isPretty() && !context.isColumnConstraint) {
                        const lastIndex = output.length - 1;
                        if (lastIndex >= 0) {
                            output[lastIndex] += ` (${pkAttrs})`;
                        }
                        else {
                            output.push(`(${pkAttrs})`);
                        }
                    }
                    else {
                        output.push(`(${pkAttrs})`);
                    }
                }
                if (node.fk_matchtype && node.fk_matchtype !== 's') {
                    let matchClause = '';
                    switch (node.fk_matchtype) {
                        case 'f':
                            matchClause = 'MATCH FULL';
                            break;
                        case 'p':
                            matchClause = 'MATCH PARTIAL';
                            break;
                    }
                    if (context.isPretty() && !context.isColumnConstraint) {
                        output.push('\n' + context.indent(matchClause));
                    }
                    else {
                        output.push(matchClause);
                    }
                }
                if (node.fk_upd_action && node.fk_upd_action !== 'a') {
                    let updateClause = 'ON UPDATE ';
                    switch (node.fk_upd_action) {
                        case 'r':
                            updateClause += 'RESTRICT';
                            break;
                        case 'c':
                            updateClause += 'CASCADE';
                            break;
                        case 'n':
                            updateClause += 'SET NULL';
                            break;
                        case 'd':
                            updateClause += 'SET DEFAULT';
                            break;
                    }
                    if (context.isPretty()) {
                        output.push('\n' + context.indent(updateClause));
                    }
                    else {
                        output.push('ON UPDATE');
                        output.push(updateClause.replace('ON UPDATE ', ''));
                    }
                }
                if (node.fk_del_action && node.fk_del_action !== 'a') {
                    let deleteClause = 'ON DELETE ';
                    switch (node.fk_del_action) {
                        case 'r':
                            deleteClause += 'RESTRICT';
                            break;
                        case 'c':
                            deleteClause += 'CASCADE';
                            break;
                        case 'n':
                            deleteClause += 'SET NULL';
                            break;
                        case 'd':
                            deleteClause += 'SET DEFAULT';
                            break;
                    }
                    if ((node.fk_del_action === 'n' || node.fk_del_action === 'd') && node.fk_del_set_cols && node.fk_del_set_cols.length > 0) {
                        const setColumns = list_utils_1.ListUtils.unwrapList(node.fk_del_set_cols)
                            .map(column => {
                            const stringNode = column.String;
                            return quotes_1.QuoteUtils.quoteIdentifier(stringNode.sval || stringNode.str || '');
                        })
                            .join(', ');
                        deleteClause += ` (${setColumns})`;
                    }
                    if (context.isPretty()) {
                        output.push('\n' + context.indent(deleteClause));
                    }
                    else {
                        output.push('ON DELETE');
                        output.push(deleteClause.replace('ON DELETE ', ''));
                    }
                }
                // PG18: constraints are enforced unless explicitly NOT ENFORCED
                // (libpg-query omits false booleans, so undefined means not enforced)
                if (node.is_enforced !== true && !context.isDomainConstraint) {
                    if (context.isPretty() && !context.isColumnConstraint) {
                        output.push('\n' + context.indent('NOT ENFORCED'));
                    }
                    else {
                        output.push('NOT ENFORCED');
                    }
                }
                else if (node.skip_validation && !context.isDomainConstraint) {
                    // NOT ENFORCED implies NOT VALID, so only emit NOT VALID when enforced
                    if (context.isPretty() && !context.isColumnConstraint) {
                        output.push('\n' + context.indent('NOT VALID'));
                    }
                    else {
                        output.push('NOT VALID');
                    }
                }
                break;
            case 'CONSTR_ATTR_DEFERRABLE':
                output.push('DEFERRABLE');
                break;
            case 'CONSTR_ATTR_NOT_DEFERRABLE':
                output.push('NOT DEFERRABLE');
                break;
            case 'CONSTR_ATTR_DEFERRED':
                output.push('INITIALLY DEFERRED');
                break;
            case 'CONSTR_ATTR_IMMEDIATE':
                output.push('INITIALLY IMMEDIATE');
                break;
            case 'CONSTR_ATTR_ENFORCED':
                output.push('ENFORCED');
                break;
            case 'CONSTR_ATTR_NOT_ENFORCED':
                output.push('NOT ENFORCED');
                break;
            case 'CONSTR_EXCLUSION':
                output.push('EXCLUDE');
                if (node.access_method) {
                    output.push('USING');
                    output.push(node.access_method);
                }
                if (node.exclusions && node.exclusions.length > 0) {
                    const exclusionElements = list_utils_1.ListUtils.unwrapList(node.exclusions).map(elem => {
                        if (this.getNodeType(elem) === 'List') {
                            const elemList = list_utils_1.ListUtils.unwrapList(elem);
                            if (elemList.length >= 2) {
                                const column = this.visit(elemList[0], context);
                                // Extract operator string from nested List structure
                                const operatorNode = elemList[1];
                                let operator = '';
                                if (this.getNodeType(operatorNode) === 'List') {
                                    const operatorList = list_utils_1.ListUtils.unwrapList(operatorNode);
                                    if (operatorList.length > 0 && operatorList[0].String) {
                                        operator = operatorList[0].String.sval;
                                    }
                                }
                                else if (operatorNode.String) {
                                    operator = operatorNode.String.sval;
                                }
                                else {
                                    operator = this.visit(operatorNode, context);
                                }
                                return `${column} WITH ${operator}`;
                            }
                        }
                        return this.visit(elem, context);
                    });
                    output.push(`(${exclusionElements.join(', ')})`);
                }
                if (node.where_clause) {
                    output.push('WHERE');
                    output.push(context.parens(this.visit(node.where_clause, context)));
                }
                break;
        }
        // Handle deferrable constraints for all constraint types that support it
        if (node.contype === 'CONSTR_PRIMARY' || node.contype === 'CONSTR_UNIQUE' || node.contype === 'CONSTR_FOREIGN' || node.contype === 'CONSTR_EXCLUSION') {
            if (node.deferrable) {
                if (context.isPretty() && node.contype === 'CONSTR_FOREIGN') {
                    output.push('\n' + context.indent('DEFERRABLE'));
                    if (node.initdeferred === true) {
                        output.push('\n' + context.indent('INITIALLY DEFERRED'));
                    }
                    else if (node.initdeferred === false) {
                        output.push('\n' + context.indent('INITIALLY IMMEDIATE'));
                    }
                }
                else {
                    output.push('DEFERRABLE');
                    if (node.initdeferred === true) {
                        output.push('INITIALLY DEFERRED');
                    }
                    else if (node.initdeferred === false) {
                        output.push('INITIALLY IMMEDIATE');
                    }
                }
            }
            else if (node.deferrable === false) {
                if (context.isPretty() && node.contype === 'CONSTR_FOREIGN') {
                    output.push('\n' + context.indent('NOT DEFERRABLE'));
                }
                else {
                    output.push('NOT DEFERRABLE');
                }
            }
            else if (node.initdeferred) {
                output.push('INITIALLY DEFERRED');
            }
        }
        if (context.isPretty() && node.contype === 'CONSTR_FOREIGN') {
            let result = '';
            for (let i = 0; i < output.length; i++) {
                if (output[i].startsWith('\n')) {
                    result += output[i];
                }
                else {
                    if (i > 0 && !output[i - 1].startsWith('\n')) {
                        result += ' ';
                    }
                    result += output[i];
                }
            }
            return result;
        }
        return output.join(' ');
    }
    SubLink(node, context) {
        const subselect = context.parens(this.visit(node.subselect, context));
        switch (node.subLinkType) {
            case 'ANY_SUBLINK':
                if (node.testexpr && node.operName) {
                    const testExpr = this.visit(node.testexpr, context);
                    const operator = this.deparseOperatorName(node.operName, context);
                    return `${testExpr} ${operator} ANY ${subselect}`;
                }
                else if (node.testexpr) {
                    const testExpr = this.visit(node.testexpr, context);
                    return `${testExpr} IN ${subselect}`;
                }
                return subselect;
            case 'ALL_SUBLINK':
                if (node.testexpr && node.operName) {
                    const testExpr = this.visit(node.testexpr, context);
                    const operator = this.deparseOperatorName(node.operName, context);
                    return `${testExpr} ${operator} ALL ${subselect}`;
                }
                return subselect;
            case 'EXISTS_SUBLINK':
                return `EXISTS ${subselect}`;
            case 'ARRAY_SUBLINK':
                return `ARRAY${subselect}`;
            case 'EXPR_SUBLINK':
            default:
                return subselect;
        }
    }
    CaseWhen(node, context) {
        const output = ['WHEN'];
        if (node.expr) {
            output.push(this.visit(node.expr, context));
        }
        output.push('THEN');
        if (node.result) {
            output.push(this.visit(node.result, context));
        }
        return output.join(' ');
    }
    WindowDef(node, context) {
        const output = [];
        if (node.name) {
            output.push(node.name);
        }
        const windowParts = [];
        if (node.refname) {
            windowParts.push(node.refname);
        }
        if (node.partitionClause) {
            const partitions = list_utils_1.ListUtils.unwrapList(node.partitionClause);
            const partitionStrs = partitions.map(p => this.visit(p, context));
            windowParts.push(`PARTITION BY ${partitionStrs.join(', ')}`);
        }
        if (node.orderClause) {
            const orders = list_utils_1.ListUtils.unwrapList(node.orderClause);
            const orderStrs = orders.map(o => this.visit(o, context));
            windowParts.push(`ORDER BY ${orderStrs.join(', ')}`);
        }
        const frameClause = this.formatWindowFrame(node, context.spawn('WindowDef'));
        if (frameClause) {
            windowParts.push(frameClause);
        }
        if (windowParts.length > 0) {
            if (node.name) {
                output.push('AS');
            }
            output.push(`(${windowParts.join(' ')})`);
        }
        else if (node.name) {
            output.push('AS');
            output.push('()');
        }
        else if (output.length === 0) {
            output.push('()');
        }
        return output.join(' ');
    }
    formatIdentityColumnOptions(def, context) {
        const seqContext = context.spawn('AlterSeqStmt');
        return list_utils_1.ListUtils.unwrapList(def).map(item => {
            const el = item.DefElem;
            if (!el)
                return this.visit(item, context);
            if (el.defname === 'generated') {
                const ival = el.arg?.Integer?.ival ?? 0;
                return ival === 97 ? 'SET GENERATED ALWAYS' : 'SET GENERATED BY DEFAULT';
            }
            if (el.defname === 'restart') {
                return el.arg ? `RESTART WITH ${this.visit(el.arg, context)}` : 'RESTART';
            }
            return `SET ${this.visit(item, seqContext)}`;
        }).join(' ');
    }
    // b_expr (used by DEFAULT) excludes IN/LIKE/BETWEEN and boolean operators.
    needsBExprParens(node) {
        const nodeType = this.getNodeType(node);
        if (nodeType === 'BoolExpr')
            return true;
        if (nodeType === 'A_Expr') {
            const kind = this.getNodeData(node).kind;
            return kind !== 'AEXPR_OP' && kind !== 'AEXPR_DISTINCT' && kind !== 'AEXPR_NOT_DISTINCT';
        }
        return false;
    }
    formatWindowFrame(node, context) {
        if (!node.frameOptions || !(node.frameOptions & FRAMEOPTION_NONDEFAULT))
            return null;
        const frameOptions = node.frameOptions;
        const frameParts = [];
        if (frameOptions & FRAMEOPTION_RANGE) {
            frameParts.push('RANGE');
        }
        else if (frameOptions & FRAMEOPTION_ROWS) {
            frameParts.push('ROWS');
        }
        else if (frameOptions & FRAMEOPTION_GROUPS) {
            frameParts.push('GROUPS');
        }
        if (frameParts.length === 0)
            return null;
        let start = null;
        if (frameOptions & FRAMEOPTION_START_UNBOUNDED_PRECEDING) {
            start = 'UNBOUNDED PRECEDING';
        }
        else if (frameOptions & FRAMEOPTION_START_UNBOUNDED_FOLLOWING) {
            start = 'UNBOUNDED FOLLOWING';
        }
        else if (frameOptions & FRAMEOPTION_START_CURRENT_ROW) {
            start = 'CURRENT ROW';
        }
        else if (frameOptions & FRAMEOPTION_START_OFFSET_PRECEDING && node.startOffset) {
            start = `${this.visit(node.startOffset, context)} PRECEDING`;
        }
        else if (frameOptions & FRAMEOPTION_START_OFFSET_FOLLOWING && node.startOffset) {
            start = `${this.visit(node.startOffset, context)} FOLLOWING`;
        }
        let end = null;
        if (frameOptions & FRAMEOPTION_END_UNBOUNDED_PRECEDING) {
            end = 'UNBOUNDED PRECEDING';
        }
        else if (frameOptions & FRAMEOPTION_END_UNBOUNDED_FOLLOWING) {
            end = 'UNBOUNDED FOLLOWING';
        }
        else if (frameOptions & FRAMEOPTION_END_CURRENT_ROW) {
            end = 'CURRENT ROW';
        }
        else if (frameOptions & FRAMEOPTION_END_OFFSET_PRECEDING && node.endOffset) {
            end = `${this.visit(node.endOffset, context)} PRECEDING`;
        }
        else if (frameOptions & FRAMEOPTION_END_OFFSET_FOLLOWING && node.endOffset) {
            end = `${this.visit(node.endOffset, context)} FOLLOWING`;
        }
        if (start) {
            if (frameOptions & FRAMEOPTION_BETWEEN) {
                frameParts.push(`BETWEEN ${start} AND ${end ?? 'CURRENT ROW'}`);
            }
            else {
                frameParts.push(start);
            }
        }
        if (frameOptions & FRAMEOPTION_EXCLUDE_CURRENT_ROW) {
            frameParts.push('EXCLUDE CURRENT ROW');
        }
        else if (frameOptions & FRAMEOPTION_EXCLUDE_GROUP) {
            frameParts.push('EXCLUDE GROUP');
        }
        else if (frameOptions & FRAMEOPTION_EXCLUDE_TIES) {
            frameParts.push('EXCLUDE TIES');
        }
        return frameParts.join(' ');
    }
    SortBy(node, context) {
        const output = [];
        if (node.node) {
            output.push(this.visit(node.node, context));
        }
        if (node.sortby_dir === 'SORTBY_USING' && node.useOp) {
            output.push('USING');
            const useOp = list_utils_1.ListUtils.unwrapList(node.useOp);
            output.push(useOp.map(op => {
                if (op.String && op.String.sval) {
                    return op.String.sval;
                }
                return this.visit(op, context);
            }).join('.'));
        }
        else if (node.sortby_dir === 'SORTBY_ASC') {
            output.push('ASC');
        }
        else if (node.sortby_dir === 'SORTBY_DESC') {
            output.push('DESC');
        }
        if (node.sortby_nulls === 'SORTBY_NULLS_FIRST') {
            output.push('NULLS FIRST');
        }
        else if (node.sortby_nulls === 'SORTBY_NULLS_LAST') {
            output.push('NULLS LAST');
        }
        return output.join(' ');
    }
    GroupingSet(node, context) {
        switch (node.kind) {
            case 'GROUPING_SET_EMPTY':
                return '()';
            case 'GROUPING_SET_SIMPLE':
                // Not present in raw parse trees
                return '';
            case 'GROUPING_SET_ROLLUP':
                const rollupContent = list_utils_1.ListUtils.unwrapList(node.content);
                const rollupStrs = rollupContent.map(c => this.visit(c, context));
                return `ROLLUP (${rollupStrs.join(', ')})`;
            case 'GROUPING_SET_CUBE':
                const cubeContent = list_utils_1.ListUtils.unwrapList(node.content);
                const cubeStrs = cubeContent.map(c => this.visit(c, context));
                return `CUBE (${cubeStrs.join(', ')})`;
            case 'GROUPING_SET_SETS':
                const setsContent = list_utils_1.ListUtils.unwrapList(node.content);
                const setsStrs = setsContent.map(c => this.visit(c, context));
                return `GROUPING SETS (${setsStrs.join(', ')})`;
            default:
                return '';
        }
    }
    CommonTableExpr(node, context) {
        const output = [];
        if (node.ctename) {
            output.push(node.ctename);
        }
        if (node.aliascolnames) {
            const colnames = list_utils_1.ListUtils.unwrapList(node.aliascolnames);
            const colnameStrs = colnames.map(col => this.visit(col, context));
            // Don't add space before column list parentheses to match original formatting
            output[output.length - 1] += context.parens(colnameStrs.join(', '));
        }
        output.push('AS');
        // Handle materialization clauses
        if (node.ctematerialized === 'CTEMaterializeNever') {
            output.push('NOT MATERIALIZED');
        }
        else if (node.ctematerialized === 'CTEMaterializeAlways') {
            output.push('MATERIALIZED');
        }
        if (node.ctequery) {
            output.push(context.parens(this.visit(node.ctequery, context)));
        }
        if (node.search_clause) {
            const sc = node.search_clause;
            const cols = list_utils_1.ListUtils.unwrapList(sc.search_col_list).map(c => this.visit(c, context));
            output.push('SEARCH', sc.search_breadth_first ? 'BREADTH' : 'DEPTH', 'FIRST BY');
            output.push(cols.join(', '));
            output.push('SET', quotes_1.QuoteUtils.quoteIdentifier(sc.search_seq_column));
        }
        if (node.cycle_clause) {
            const cc = node.cycle_clause;
            const cols = list_utils_1.ListUtils.unwrapList(cc.cycle_col_list).map(c => this.visit(c, context));
            output.push('CYCLE', cols.join(', '));
            output.push('SET', quotes_1.QuoteUtils.quoteIdentifier(cc.cycle_mark_column));
            if (cc.cycle_mark_value && cc.cycle_mark_default) {
                output.push('TO', this.formatAexprConst(cc.cycle_mark_value, context));
                output.push('DEFAULT', this.formatAexprConst(cc.cycle_mark_default, context));
            }
            output.push('USING', quotes_1.QuoteUtils.quoteIdentifier(cc.cycle_path_column));
        }
        return output.join(' ');
    }
    // Renders a constant in the restricted AexprConst grammar (e.g. `point '(1,1)'`
    // rather than `CAST('(1,1)' AS point)`).
    formatAexprConst(node, context) {
        const cast = node.TypeCast;
        if (cast?.arg?.A_Const?.sval && cast.typeName) {
            return `${this.TypeName(cast.typeName, context)} ${this.visit(cast.arg, context)}`;
        }
        return this.visit(node, context);
    }
    ParamRef(node, context) {
        return `$${node.number}`;
    }
    LockingClause(node, context) {
        const output = [];
        switch (node.strength) {
            case 'LCS_FORUPDATE':
                output.push('FOR UPDATE');
                break;
            case 'LCS_FORSHARE':
                output.push('FOR SHARE');
                break;
            case 'LCS_FORKEYSHARE':
                output.push('FOR KEY SHARE');
                break;
            case 'LCS_FORNOKEYUPDATE':
                output.push('FOR NO KEY UPDATE');
                break;
            default:
                throw new Error(`Unsupported locking strength: ${node.strength}`);
        }
        if (node.lockedRels && node.lockedRels.length > 0) {
            output.push('OF');
            const relations = list_utils_1.ListUtils.unwrapList(node.lockedRels)
                .map(rel => this.visit(rel, context))
                .join(', ');
            output.push(relations);
        }
        if (node.waitPolicy === 'LockWaitSkip') {
            output.push('SKIP LOCKED');
        }
        else if (node.waitPolicy === 'LockWaitError') {
            output.push('NOWAIT');
        }
        return output.join(' ');
    }
    MinMaxExpr(node, context) {
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        const argStrs = args.map(arg => this.visit(arg, context));
        if (node.op === 'IS_GREATEST') {
            return `GREATEST(${argStrs.join(', ')})`;
        }
        else {
            return `LEAST(${argStrs.join(', ')})`;
        }
    }
    RowExpr(node, context) {
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        const argStrs = args.map(arg => this.visit(arg, context));
        if (node.row_format === 'COERCE_IMPLICIT_CAST') {
            return `(${argStrs.join(', ')})`;
        }
        return `ROW(${argStrs.join(', ')})`;
    }
    OpExpr(node, context) {
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        if (args.length === 2) {
            const left = this.visit(args[0], context);
            const right = this.visit(args[1], context);
            const opname = this.getOperatorName(node.opno);
            return `${left} ${opname} ${right}`;
        }
        else if (args.length === 1) {
            const arg = this.visit(args[0], context);
            const opname = this.getOperatorName(node.opno);
            return `${opname} ${arg}`;
        }
        throw new Error(`Unsupported OpExpr with ${args.length} arguments`);
    }
    DistinctExpr(node, context) {
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        if (args.length === 2) {
            const literalContext = context.spawn('DistinctExpr', { isStringLiteral: true });
            const left = this.visit(args[0], literalContext);
            const right = this.visit(args[1], literalContext);
            return `${left} IS DISTINCT FROM ${right}`;
        }
        throw new Error(`DistinctExpr requires exactly 2 arguments, got ${args.length}`);
    }
    NullIfExpr(node, context) {
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        if (args.length === 2) {
            const literalContext = context.spawn('NullIfExpr', { isStringLiteral: true });
            const left = this.visit(args[0], literalContext);
            const right = this.visit(args[1], literalContext);
            return `NULLIF(${left}, ${right})`;
        }
        throw new Error(`NullIfExpr requires exactly 2 arguments, got ${args.length}`);
    }
    ScalarArrayOpExpr(node, context) {
        const args = list_utils_1.ListUtils.unwrapList(node.args);
        if (args.length === 2) {
            const left = this.visit(args[0], context);
            const right = this.visit(args[1], context);
            const operator = node.useOr ? 'ANY' : 'ALL';
            const opname = this.getOperatorName(node.opno);
            return `${left} ${opname} ${operator}(${right})`;
        }
        throw new Error(`ScalarArrayOpExpr requires exactly 2 arguments, got ${args.length}`);
    }
    Aggref(node, context) {
        const funcName = this.getAggFunctionName(node.aggfnoid);
        let result = funcName + '(';
        const hasDistinct = node.aggdistinct && node.aggdistinct.length > 0;
        if (node.args && node.args.length > 0) {
            const args = list_utils_1.ListUtils.unwrapList(node.args);
            const argStrs = args.map(arg => this.visit(arg, context));
            if (hasDistinct) {
                result += 'DISTINCT ' + argStrs.join(', ');
            }
            else {
                result += argStrs.join(', ');
            }
        }
        else if (funcName.toUpperCase() === 'COUNT') {
            if (hasDistinct) {
                result += 'DISTINCT *';
            }
            else {
                result += '*';
            }
        }
        result += ')';
        if (node.aggorder && node.aggorder.length > 0) {
            result += ' ORDER BY ';
            const orderItems = list_utils_1.ListUtils.unwrapList(node.aggorder);
            const orderStrs = orderItems.map(item => this.visit(item, context));
            result += orderStrs.join(', ');
        }
        return result;
    }
    WindowFunc(node, context) {
        const funcName = this.getWindowFunctionName(node.winfnoid);
        let result = funcName + '(';
        if (node.args && node.args.length > 0) {
            const args = list_utils_1.ListUtils.unwrapList(node.args);
            const argStrs = args.map(arg => this.visit(arg, context));
            result += argStrs.join(', ');
        }
        result += ') OVER (';
        if (node.winref && typeof node.winref === 'object') {
            result += this.visit(node.winref, context);
        }
        else if (node.winref) {
            result += 'ORDER BY created_at ASC';
        }
        result += ')';
        return result;
    }
    FieldSelect(node, context) {
        const output = [];
        if (node.arg) {
            output.push(this.visit(node.arg, context));
        }
        if (node.fieldnum !== undefined) {
            output.push(`.field_${node.fieldnum}`);
        }
        return output.join('');
    }
    RelabelType(node, context) {
        if (node.arg) {
            const literalContext = context.spawn('RelabelType', { isStringLiteral: true });
            return this.visit(node.arg, literalContext);
        }
        return '';
    }
    CoerceViaIO(node, context) {
        if (node.arg) {
            return this.visit(node.arg, context);
        }
        return '';
    }
    ArrayCoerceExpr(node, context) {
        if (node.arg) {
            return this.visit(node.arg, context);
        }
        return '';
    }
    ConvertRowtypeExpr(node, context) {
        if (node.arg) {
            const literalContext = context.spawn('ConvertRowtypeExpr', { isStringLiteral: true });
            return this.visit(node.arg, literalContext);
        }
        return '';
    }
    NamedArgExpr(node, context) {
        const output = [];
        if (node.name) {
            output.push(node.name);
            output.push('=>');
        }
        if (node.arg) {
            output.push(this.visit(node.arg, context));
        }
        return output.join(' ');
    }
    ViewStmt(node, context) {
        const output = [];
        output.push('CREATE');
        if (node.replace) {
            output.push('OR REPLACE');
        }
        if (node.view && node.view.relpersistence === 't') {
            output.push('TEMPORARY');
        }
        output.push('VIEW');
        if (node.view) {
            output.push(this.RangeVar(node.view, context));
        }
        if (node.aliases && node.aliases.length > 0) {
            const aliasStrs = list_utils_1.ListUtils.unwrapList(node.aliases).map(alias => this.visit(alias, context));
            output.push(context.parens(aliasStrs.join(', ')));
        }
        if (node.options && node.options.length > 0) {
            const viewContext = context.spawn('ViewStmt');
            const optionStrs = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, viewContext));
            output.push(`WITH (${optionStrs.join(', ')})`);
        }
        output.push('AS');
        if (node.query) {
            output.push(this.visit(node.query, context));
        }
        if (node.withCheckOption) {
            switch (node.withCheckOption) {
                case 'CASCADED_CHECK_OPTION':
                    output.push('WITH CASCADED CHECK OPTION');
                    break;
                case 'LOCAL_CHECK_OPTION':
                    output.push('WITH LOCAL CHECK OPTION');
                    break;
            }
        }
        return output.join(' ');
    }
    IndexStmt(node, context) {
        const output = [];
        output.push('CREATE');
        if (node.unique) {
            output.push('UNIQUE');
        }
        output.push('INDEX');
        if (node.concurrent) {
            output.push('CONCURRENTLY');
        }
        if (node.if_not_exists) {
            output.push('IF NOT EXISTS');
        }
        if (node.idxname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.idxname));
        }
        output.push('ON');
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
        }
        if (node.accessMethod && node.accessMethod !== 'btree') {
            output.push('USING');
            output.push(node.accessMethod);
        }
        if (node.indexParams && node.indexParams.length > 0) {
            const paramStrs = list_utils_1.ListUtils.unwrapList(node.indexParams).map(param => this.visit(param, context));
            output.push(context.parens(paramStrs.join(', ')));
        }
        if (node.indexIncludingParams && node.indexIncludingParams.length > 0) {
            const includeStrs = list_utils_1.ListUtils.unwrapList(node.indexIncludingParams).map(param => this.visit(param, context));
            output.push('INCLUDE');
            output.push(context.parens(includeStrs.join(', ')));
        }
        if (node.nulls_not_distinct) {
            output.push('NULLS NOT DISTINCT');
        }
        if (node.options && node.options.length > 0) {
            const indexContext = context.spawn('IndexStmt');
            const optionStrs = list_utils_1.ListUtils.unwrapList(node.options).map(option => this.visit(option, indexContext));
            output.push('WITH');
            output.push(context.parens(optionStrs.join(', ')));
        }
        if (node.tableSpace) {
            output.push('TABLESPACE');
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.tableSpace));
        }
        if (node.whereClause) {
            output.push('WHERE');
            output.push(this.visit(node.whereClause, context));
        }
        return output.join(' ');
    }
    IndexElem(node, context) {
        const output = [];
        if (node.name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
        }
        else if (node.expr) {
            output.push(context.parens(this.visit(node.expr, context)));
        }
        if (node.collation && node.collation.length > 0) {
            const collationStrs = list_utils_1.ListUtils.unwrapList(node.collation).map(coll => this.visit(coll, context));
            output.push('COLLATE');
            output.push(collationStrs.join('.'));
        }
        if (node.opclass && node.opclass.length > 0) {
            const opclassStrs = list_utils_1.ListUtils.unwrapList(node.opclass).map(op => this.visit(op, context));
            let opclassStr = opclassStrs.join('.');
            // Handle operator class parameters (opclassopts)
            if (node.opclassopts && node.opclassopts.length > 0) {
                const opclassOpts = list_utils_1.ListUtils.unwrapList(node.opclassopts).map(opt => {
                    if (opt.DefElem && opt.DefElem.arg && this.getNodeType(opt.DefElem.arg) === 'String') {
                        const stringData = this.getNodeData(opt.DefElem.arg);
                        return `${opt.DefElem.defname}='${stringData.sval}'`;
                    }
                    return this.visit(opt, context.spawn('IndexElem'));
                });
                opclassStr += `(${opclassOpts.join(', ')})`;
            }
            output.push(opclassStr);
        }
        if (node.ordering) {
            switch (node.ordering) {
                case 'SORTBY_ASC':
                    output.push('ASC');
                    break;
                case 'SORTBY_DESC':
                    output.push('DESC');
                    break;
            }
        }
        if (node.nulls_ordering) {
            switch (node.nulls_ordering) {
                case 'SORTBY_NULLS_FIRST':
                    output.push('NULLS FIRST');
                    break;
                case 'SORTBY_NULLS_LAST':
                    output.push('NULLS LAST');
                    break;
            }
        }
        return output.join(' ');
    }
    PartitionElem(node, context) {
        const output = [];
        if (node.name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
        }
        else if (node.expr) {
            output.push(context.parens(this.visit(node.expr, context)));
        }
        if (node.collation && node.collation.length > 0) {
            const collationStrs = list_utils_1.ListUtils.unwrapList(node.collation).map(coll => this.visit(coll, context));
            output.push('COLLATE');
            output.push(collationStrs.join('.'));
        }
        if (node.opclass && node.opclass.length > 0) {
            const opclassStrs = list_utils_1.ListUtils.unwrapList(node.opclass).map(op => this.visit(op, context));
            output.push(opclassStrs.join('.'));
        }
        return output.join(' ');
    }
    PartitionCmd(node, context) {
        const output = [];
        if (node.name) {
            output.push(this.RangeVar(node.name, context));
        }
        if (node.concurrent) {
            output.push('CONCURRENTLY');
        }
        if (node.bound) {
            if (node.bound.strategy === 'l' && node.bound.listdatums) {
                output.push('FOR VALUES IN');
                const listValues = list_utils_1.ListUtils.unwrapList(node.bound.listdatums)
                    .map(datum => this.visit(datum, context))
                    .join(', ');
                output.push(`(${listValues})`);
            }
            else if (node.bound.strategy === 'r' && (node.bound.lowerdatums || node.bound.upperdatums)) {
                output.push('FOR VALUES FROM');
                if (node.bound.lowerdatums) {
                    const lowerValues = list_utils_1.ListUtils.unwrapList(node.bound.lowerdatums)
                        .map(datum => this.visit(datum, context))
                        .join(', ');
                    output.push(`(${lowerValues})`);
                }
                if (node.bound.upperdatums) {
                    output.push('TO');
                    const upperValues = list_utils_1.ListUtils.unwrapList(node.bound.upperdatums)
                        .map(datum => this.visit(datum, context))
                        .join(', ');
                    output.push(`(${upperValues})`);
                }
            }
            else if (node.bound.strategy === 'h') {
                output.push('FOR VALUES WITH');
                output.push(`(MODULUS ${node.bound.modulus ?? 0}, REMAINDER ${node.bound.remainder ?? 0})`);
            }
            else if (node.bound.is_default) {
                output.push('DEFAULT');
            }
        }
        return output.join(' ');
    }
    getAggFunctionName(aggfnoid) {
        const commonAggFunctions = {
            2100: 'avg',
            2101: 'count',
            2102: 'max',
            2103: 'min',
            2104: 'sum',
            2105: 'stddev',
            2106: 'variance',
            2107: 'array_agg',
            2108: 'string_agg'
        };
        return commonAggFunctions[aggfnoid || 0] || 'unknown_agg';
    }
    getWindowFunctionName(winfnoid) {
        const commonWindowFunctions = {
            3100: 'row_number',
            3101: 'rank',
            3102: 'dense_rank',
            3103: 'percent_rank',
            3104: 'cume_dist',
            3105: 'ntile',
            3106: 'lag',
            3107: 'lead',
            3108: 'first_value',
            3109: 'last_value'
        };
        return commonWindowFunctions[winfnoid || 0] || 'unknown_window_func';
    }
    getOperatorName(opno) {
        const commonOperators = {
            96: '=',
            518: '<>',
            97: '<',
            521: '>',
            523: '<=',
            525: '>=',
            551: '+',
            552: '-',
            553: '*',
            554: '/',
            555: '%',
            484: '-', // unary minus
            1752: '~~', // LIKE
            1753: '!~~', // NOT LIKE
            1754: '~~*', // ILIKE
            1755: '!~~*', // NOT ILIKE
            15: '=', // int4eq
            58: '<', // int4lt
            59: '<=', // int4le
            61: '>', // int4gt
            62: '>=', // int4ge
        };
        return commonOperators[opno || 0] || '=';
    }
    JoinExpr(node, context) {
        const output = [];
        if (node.larg) {
            output.push(this.visit(node.larg, context));
        }
        let joinStr = '';
        if (node.isNatural) {
            joinStr = 'NATURAL ';
        }
        switch (node.jointype) {
            case 'JOIN_INNER':
                if (node.isNatural) {
                    joinStr += 'JOIN';
                }
                else if (!node.quals && (!node.usingClause || node.usingClause.length === 0)) {
                    joinStr += 'CROSS JOIN';
                }
                else {
                    joinStr += 'JOIN';
                }
                break;
            case 'JOIN_LEFT':
                joinStr += 'LEFT JOIN';
                break;
            case 'JOIN_FULL':
                joinStr += 'FULL JOIN';
                break;
            case 'JOIN_RIGHT':
                joinStr += 'RIGHT JOIN';
                break;
            default:
                joinStr += 'JOIN';
        }
        if (node.rarg) {
            let rargStr = this.visit(node.rarg, context);
            if (node.rarg && 'JoinExpr' in node.rarg && !node.rarg.JoinExpr.alias) {
                rargStr = `(${rargStr})`;
            }
            if (context.isPretty()) {
                output.push(context.newline() + joinStr + ' ' + rargStr);
            }
            else {
                output.push(joinStr + ' ' + rargStr);
            }
        }
        else {
            if (context.isPretty()) {
                output.push(context.newline() + joinStr);
            }
            else {
                output.push(joinStr);
            }
        }
        if (node.usingClause && node.usingClause.length > 0) {
            const usingList = list_utils_1.ListUtils.unwrapList(node.usingClause);
            const columnNames = usingList.map(col => this.visit(col, context));
            if (context.isPretty()) {
                output.push(` USING (${columnNames.join(', ')})`);
            }
            else {
                output.push(`USING (${columnNames.join(', ')})`);
            }
        }
        else if (node.quals) {
            const qualsStr = this.visit(node.quals, context);
            if (context.isPretty()) {
                // For complex JOIN conditions, format with proper indentation
                if (qualsStr.includes('AND') || qualsStr.includes('OR') || qualsStr.length > 50) {
                    if (this.containsMultilineStringLiteral(qualsStr)) {
                        output.push(` ON ${qualsStr}`);
                    }
                    else {
                        output.push(` ON${context.newline()}${context.indent(qualsStr)}`);
                    }
                }
                else {
                    output.push(` ON ${qualsStr}`);
                }
            }
            else {
                output.push(`ON ${qualsStr}`);
            }
        }
        let result;
        if (context.isPretty()) {
            result = output.join('');
        }
        else {
            result = output.join(' ');
        }
        if (node.join_using_alias && node.join_using_alias.aliasname) {
            let aliasStr = node.join_using_alias.aliasname;
            if (node.join_using_alias.colnames && node.join_using_alias.colnames.length > 0) {
                const colNames = list_utils_1.ListUtils.unwrapList(node.join_using_alias.colnames);
                const columnList = colNames.map(col => this.visit(col, context)).join(', ');
                aliasStr += `(${columnList})`;
            }
            result += ` AS ${aliasStr}`;
        }
        if (node.alias && node.alias.aliasname) {
            let aliasStr = node.alias.aliasname;
            if (node.alias.colnames && node.alias.colnames.length > 0) {
                const colNames = list_utils_1.ListUtils.unwrapList(node.alias.colnames);
                const columnList = colNames.map(col => this.visit(col, context)).join(', ');
                aliasStr += `(${columnList})`;
            }
            result = `(${result}) ${aliasStr}`;
        }
        return result;
    }
    FromExpr(node, context) {
        const fromlist = list_utils_1.ListUtils.unwrapList(node.fromlist);
        const fromStrs = fromlist.map(item => this.visit(item, context));
        let result = fromStrs.join(', ');
        if (node.quals) {
            result += ` WHERE ${this.visit(node.quals, context)}`;
        }
        return result;
    }
    TransactionStmt(node, context) {
        const output = [];
        switch (node.kind) {
            case 'TRANS_STMT_BEGIN':
                output.push('BEGIN');
                break;
            case 'TRANS_STMT_START':
                output.push('START TRANSACTION');
                break;
            case 'TRANS_STMT_COMMIT':
                output.push('COMMIT');
                break;
            case 'TRANS_STMT_ROLLBACK':
                output.push('ROLLBACK');
                break;
            case 'TRANS_STMT_SAVEPOINT':
                output.push('SAVEPOINT');
                if (node.savepoint_name) {
                    output.push(quotes_1.QuoteUtils.quoteIdentifier(node.savepoint_name));
                }
                break;
            case 'TRANS_STMT_RELEASE':
                output.push('RELEASE SAVEPOINT');
                if (node.savepoint_name) {
                    output.push(quotes_1.QuoteUtils.quoteIdentifier(node.savepoint_name));
                }
                break;
            case 'TRANS_STMT_ROLLBACK_TO':
                output.push('ROLLBACK TO');
                if (node.savepoint_name) {
                    output.push(quotes_1.QuoteUtils.quoteIdentifier(node.savepoint_name));
                }
                break;
            case 'TRANS_STMT_PREPARE':
                output.push('PREPARE TRANSACTION');
                if (node.gid) {
                    output.push(`'${node.gid}'`);
                }
                break;
            case 'TRANS_STMT_COMMIT_PREPARED':
                output.push('COMMIT PREPARED');
                if (node.gid) {
                    output.push(`'${node.gid}'`);
                }
                break;
            case 'TRANS_STMT_ROLLBACK_PREPARED':
                output.push('ROLLBACK PREPARED');
                if (node.gid) {
                    output.push(`'${node.gid}'`);
                }
                break;
            default:
                throw new Error(`Unsupported TransactionStmt kind: ${node.kind}`);
        }
        // Handle transaction options (e.g., READ ONLY, ISOLATION LEVEL)
        if (node.options && node.options.length > 0) {
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(option => {
                if (option.DefElem) {
                    const defElem = option.DefElem;
                    if (defElem.defname === 'transaction_read_only') {
                        // Handle both A_Const with ival (integer) and sval (string) values
                        let boolValue = false;
                        if (defElem.arg) {
                            const nodeData = this.getNodeData(defElem.arg);
                            if (nodeData.ival !== undefined) {
                                // Handle nested ival structure: { ival: { ival: 1 } }
                                const ivalValue = typeof nodeData.ival === 'object' ? nodeData.ival.ival : nodeData.ival;
                                boolValue = ivalValue === 1;
                            }
                            else if (nodeData.sval !== undefined) {
                                // Handle nested sval structure: { sval: { sval: "value" } }
                                const svalValue = typeof nodeData.sval === 'object' ? nodeData.sval.sval : nodeData.sval;
                                const stringValue = svalValue.replace(/'/g, '');
                                boolValue = stringValue.toLowerCase() === 'on' || stringValue.toLowerCase() === 'true';
                            }
                        }
                        return boolValue ? 'READ ONLY' : 'READ WRITE';
                    }
                    else if (defElem.defname === 'transaction_isolation') {
                        if (defElem.arg && defElem.arg.A_Const && defElem.arg.A_Const.sval) {
                            return `ISOLATION LEVEL ${defElem.arg.A_Const.sval.sval.toUpperCase()}`;
                        }
                    }
                    else if (defElem.defname === 'transaction_deferrable') {
                        // Handle both A_Const with ival (integer) and sval (string) values
                        let boolValue = false;
                        if (defElem.arg) {
                            const nodeData = this.getNodeData(defElem.arg);
                            if (nodeData.ival !== undefined) {
                                // Handle nested ival structure: { ival: { ival: 1 } }
                                const ivalValue = typeof nodeData.ival === 'object' ? nodeData.ival.ival : nodeData.ival;
                                boolValue = ivalValue === 1;
                            }
                            else if (nodeData.sval !== undefined) {
                                // Handle nested sval structure: { sval: { sval: "value" } }
                                const svalValue = typeof nodeData.sval === 'object' ? nodeData.sval.sval : nodeData.sval;
                                const stringValue = svalValue.replace(/'/g, '');
                                boolValue = stringValue.toLowerCase() === 'on' || stringValue.toLowerCase() === 'true';
                            }
                        }
                        return boolValue ? 'DEFERRABLE' : 'NOT DEFERRABLE';
                    }
                }
                return this.visit(option, context);
            }).filter(Boolean);
            if (options.length > 0) {
                output.push(options.join(', '));
            }
        }
        return output.join(' ');
    }
    VariableSetStmt(node, context) {
        switch (node.kind) {
            case 'VAR_SET_VALUE':
                const localPrefix = node.is_local ? 'LOCAL ' : '';
                if (node.jumble_args && node.name === 'xmloption' && node.args) {
                    const xmlValue = this.getNodeData(list_utils_1.ListUtils.unwrapList(node.args)[0]);
                    const xmlOption = (typeof xmlValue.sval === 'object' ? xmlValue.sval.sval : xmlValue.sval) || '';
                    return `SET ${localPrefix}XML OPTION ${xmlOption.toUpperCase()}`;
                }
                const args = node.args ? list_utils_1.ListUtils.unwrapList(node.args).map(arg => {
                    const nodeData = this.getNodeData(arg);
                    if (nodeData.sval !== undefined) {
                        const svalValue = typeof nodeData.sval === 'object' ? nodeData.sval.sval : nodeData.sval;
                        if (svalValue === '' || svalValue.includes(' ') || svalValue.includes('-') || /[A-Z]/.test(svalValue) || /^\d/.test(svalValue) || svalValue.includes('.') || svalValue.includes('$') || svalValue.toLowerCase() === 'all' || /^[+-]\d/.test(svalValue)) {
                            return `'${svalValue}'`;
                        }
                        return svalValue;
                    }
                    return this.visit(arg, context);
                }).join(', ') : '';
                if (node.jumble_args && node.name === 'timezone') {
                    return `SET ${localPrefix}TIME ZONE ${args}`;
                }
                // Handle args - always include TO clause if args exist (even if empty string)
                const paramName = quotes_1.QuoteUtils.quoteIdentifier(node.name);
                if (!node.args || node.args.length === 0) {
                    return `SET ${localPrefix}${paramName}`;
                }
                return `SET ${localPrefix}${paramName} TO ${args}`;
            case 'VAR_SET_DEFAULT':
                if (node.jumble_args && node.name === 'timezone') {
                    return `SET ${node.is_local ? 'LOCAL ' : ''}TIME ZONE DEFAULT`;
                }
                const defaultParamName = quotes_1.QuoteUtils.quoteIdentifier(node.name);
                return `SET ${defaultParamName} TO DEFAULT`;
            case 'VAR_SET_CURRENT':
                const currentParamName = quotes_1.QuoteUtils.quoteIdentifier(node.name);
                return `SET ${currentParamName} FROM CURRENT`;
            case 'VAR_SET_MULTI':
                if (node.name === 'TRANSACTION' || node.name === 'SESSION CHARACTERISTICS') {
                    // Handle SET TRANSACTION statements specially
                    const transactionOptions = [];
                    if (node.args) {
                        const args = list_utils_1.ListUtils.unwrapList(node.args);
                        for (const arg of args) {
                            if (arg.DefElem) {
                                const defElem = arg.DefElem;
                                if (defElem.defname === 'transaction_isolation') {
                                    const value = defElem.arg ? this.visit(defElem.arg, context) : '';
                                    transactionOptions.push(`ISOLATION LEVEL ${value.replace(/'/g, '').toUpperCase()}`);
                                }
                                else if (defElem.defname === 'transaction_read_only') {
                                    // Handle both A_Const with ival (integer) and sval (string) values
                                    let boolValue = false;
                                    if (defElem.arg) {
                                        const nodeData = this.getNodeData(defElem.arg);
                                        if (nodeData.ival !== undefined) {
                                            // Handle nested ival structure: { ival: { ival: 1 } }
                                            const ivalValue = typeof nodeData.ival === 'object' ? nodeData.ival.ival : nodeData.ival;
                                            boolValue = ivalValue === 1;
                                        }
                                        else if (nodeData.sval !== undefined) {
                                            // Handle nested sval structure: { sval: { sval: "value" } }
                                            const svalValue = typeof nodeData.sval === 'object' ? nodeData.sval.sval : nodeData.sval;
                                            const stringValue = svalValue.replace(/'/g, '');
                                            boolValue = stringValue.toLowerCase() === 'on' || stringValue.toLowerCase() === 'true';
                                        }
                                    }
                                    transactionOptions.push(boolValue ? 'READ ONLY' : 'READ WRITE');
                                }
                                else if (defElem.defname === 'transaction_deferrable') {
                                    // Handle both A_Const with ival (integer) and sval (string) values
                                    let boolValue = false;
                                    if (defElem.arg) {
                                        const nodeData = this.getNodeData(defElem.arg);
                                        if (nodeData.ival !== undefined) {
                                            // Handle nested ival structure: { ival: { ival: 1 } }
                                            const ivalValue = typeof nodeData.ival === 'object' ? nodeData.ival.ival : nodeData.ival;
                                            boolValue = ivalValue === 1;
                                        }
                                        else if (nodeData.sval !== undefined) {
                                            // Handle nested sval structure: { sval: { sval: "value" } }
                                            const svalValue = typeof nodeData.sval === 'object' ? nodeData.sval.sval : nodeData.sval;
                                            const stringValue = svalValue.replace(/'/g, '');
                                            boolValue = stringValue.toLowerCase() === 'on' || stringValue.toLowerCase() === 'true';
                                        }
                                    }
                                    transactionOptions.push(boolValue ? 'DEFERRABLE' : 'NOT DEFERRABLE');
                                }
                            }
                        }
                    }
                    if (node.name === 'SESSION CHARACTERISTICS') {
                        return `SET SESSION CHARACTERISTICS AS TRANSACTION ${transactionOptions.join(', ')}`;
                    }
                    else {
                        return `SET TRANSACTION ${transactionOptions.join(', ')}`;
                    }
                }
                else {
                    // Handle other multi-variable sets
                    const assignments = node.args ? list_utils_1.ListUtils.unwrapList(node.args).map(arg => {
                        if (arg.VariableSetStmt) {
                            return this.VariableSetStmt(arg.VariableSetStmt, context);
                        }
                        return this.visit(arg, context);
                    }).join(', ') : '';
                    return `SET ${assignments}`;
                }
            case 'VAR_RESET':
                const resetParamName = quotes_1.QuoteUtils.quoteIdentifier(node.name);
                return `RESET ${resetParamName}`;
            case 'VAR_RESET_ALL':
                return 'RESET ALL';
            default:
                throw new Error(`Unsupported VariableSetStmt kind: ${node.kind}`);
        }
    }
    VariableShowStmt(node, context) {
        if (node.name === 'ALL') {
            return 'SHOW ALL';
        }
        return `SHOW ${node.name}`;
    }
    CreateSchemaStmt(node, context) {
        const output = ['CREATE SCHEMA'];
        if (node.if_not_exists) {
            output.push('IF NOT EXISTS');
        }
        if (node.schemaname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.schemaname));
        }
        if (node.authrole) {
            output.push('AUTHORIZATION');
            output.push(this.RoleSpec(node.authrole, context));
        }
        if (node.schemaElts && node.schemaElts.length > 0) {
            const elements = list_utils_1.ListUtils.unwrapList(node.schemaElts)
                .map(element => this.visit(element, context))
                .join(' ');
            output.push(elements);
        }
        return output.join(' ');
    }
    RoleSpec(node, context) {
        if (node.rolename) {
            return this.quoteIfNeeded(node.rolename);
        }
        switch (node.roletype) {
            case 'ROLESPEC_PUBLIC':
                return 'PUBLIC';
            case 'ROLESPEC_CURRENT_USER':
                return 'CURRENT_USER';
            case 'ROLESPEC_SESSION_USER':
                return 'SESSION_USER';
            case 'ROLESPEC_CURRENT_ROLE':
                return 'CURRENT_ROLE';
            default:
                return 'PUBLIC';
        }
    }
    roletype(node, context) {
        if (node.rolename) {
            return node.rolename;
        }
        return '';
    }
    DropStmt(node, context) {
        const output = ['DROP'];
        if (node.removeType) {
            switch (node.removeType) {
                case 'OBJECT_TABLE':
                    output.push('TABLE');
                    break;
                case 'OBJECT_VIEW':
                    output.push('VIEW');
                    break;
                case 'OBJECT_INDEX':
                    output.push('INDEX');
                    break;
                case 'OBJECT_SEQUENCE':
                    output.push('SEQUENCE');
                    break;
                case 'OBJECT_SCHEMA':
                    output.push('SCHEMA');
                    break;
                case 'OBJECT_FUNCTION':
                    output.push('FUNCTION');
                    break;
                case 'OBJECT_PROCEDURE':
                    output.push('PROCEDURE');
                    break;
                case 'OBJECT_DATABASE':
                    output.push('DATABASE');
                    break;
                case 'OBJECT_EXTENSION':
                    output.push('EXTENSION');
                    break;
                case 'OBJECT_TYPE':
                    output.push('TYPE');
                    break;
                case 'OBJECT_DOMAIN':
                    output.push('DOMAIN');
                    break;
                case 'OBJECT_TRIGGER':
                    output.push('TRIGGER');
                    break;
                case 'OBJECT_RULE':
                    output.push('RULE');
                    break;
                case 'OBJECT_POLICY':
                    output.push('POLICY');
                    break;
                case 'OBJECT_ROLE':
                    output.push('ROLE');
                    break;
                case 'OBJECT_TABLESPACE':
                    output.push('TABLESPACE');
                    break;
                case 'OBJECT_FOREIGN_SERVER':
                    output.push('SERVER');
                    break;
                case 'OBJECT_FDW':
                    output.push('FOREIGN DATA WRAPPER');
                    break;
                case 'OBJECT_PUBLICATION':
                    output.push('PUBLICATION');
                    break;
                case 'OBJECT_SUBSCRIPTION':
                    output.push('SUBSCRIPTION');
                    break;
                case 'OBJECT_CAST':
                    output.push('CAST');
                    break;
                case 'OBJECT_TRANSFORM':
                    output.push('TRANSFORM');
                    break;
                case 'OBJECT_ACCESS_METHOD':
                    output.push('ACCESS METHOD');
                    break;
                case 'OBJECT_OPERATOR':
                    output.push('OPERATOR');
                    break;
                case 'OBJECT_FOREIGN_TABLE':
                    output.push('FOREIGN TABLE');
                    break;
                case 'OBJECT_MATVIEW':
                    output.push('MATERIALIZED VIEW');
                    break;
                case 'OBJECT_OPCLASS':
                    output.push('OPERATOR CLASS');
                    break;
                case 'OBJECT_OPFAMILY':
                    output.push('OPERATOR FAMILY');
                    break;
                case 'OBJECT_COLLATION':
                    output.push('COLLATION');
                    break;
                case 'OBJECT_CONVERSION':
                    output.push('CONVERSION');
                    break;
                case 'OBJECT_LANGUAGE':
                    output.push('LANGUAGE');
                    break;
                case 'OBJECT_LARGEOBJECT':
                    output.push('LARGE OBJECT');
                    break;
                case 'OBJECT_AGGREGATE':
                    output.push('AGGREGATE');
                    break;
                case 'OBJECT_STATISTIC_EXT':
                    output.push('STATISTICS');
                    break;
                case 'OBJECT_EVENT_TRIGGER':
                    output.push('EVENT TRIGGER');
                    break;
                case 'OBJECT_AMOP':
                    output.push('OPERATOR CLASS');
                    break;
                case 'OBJECT_AMPROC':
                    output.push('OPERATOR CLASS');
                    break;
                case 'OBJECT_ATTRIBUTE':
                    output.push('ATTRIBUTE');
                    break;
                case 'OBJECT_DEFAULT':
                    output.push('DEFAULT');
                    break;
                case 'OBJECT_DEFACL':
                    output.push('DEFAULT PRIVILEGES');
                    break;
                case 'OBJECT_PARAMETER_ACL':
                    output.push('PARAMETER');
                    break;
                case 'OBJECT_PUBLICATION_NAMESPACE':
                    output.push('PUBLICATION');
                    break;
                case 'OBJECT_PUBLICATION_REL':
                    output.push('PUBLICATION');
                    break;
                case 'OBJECT_ROUTINE':
                    output.push('ROUTINE');
                    break;
                case 'OBJECT_TABCONSTRAINT':
                    output.push('CONSTRAINT');
                    break;
                case 'OBJECT_TSCONFIGURATION':
                    output.push('TEXT SEARCH CONFIGURATION');
                    break;
                case 'OBJECT_TSDICTIONARY':
                    output.push('TEXT SEARCH DICTIONARY');
                    break;
                case 'OBJECT_TSPARSER':
                    output.push('TEXT SEARCH PARSER');
                    break;
                case 'OBJECT_TSTEMPLATE':
                    output.push('TEXT SEARCH TEMPLATE');
                    break;
                case 'OBJECT_USER_MAPPING':
                    output.push('USER MAPPING');
                    break;
                default:
                    throw new Error(`Unsupported DROP object type: ${node.removeType}`);
            }
        }
        if (node.concurrent) {
            output.push('CONCURRENTLY');
        }
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        if (node.objects && node.objects.length > 0) {
            if (node.removeType === 'OBJECT_POLICY') {
                const objList = node.objects[0];
                if (objList && objList.List && objList.List.items) {
                    const items = objList.List.items.map((item) => {
                        if (item.String && item.String.sval) {
                            return item.String.sval;
                        }
                        return this.visit(item, context);
                    });
                    if (items.length === 3) {
                        const [schemaName, tableName, policyName] = items;
                        output.push(`${policyName} ON ${schemaName}.${tableName}`);
                    }
                    else if (items.length === 2) {
                        const [tableName, policyName] = items;
                        output.push(`${policyName} ON ${tableName}`);
                    }
                    else {
                        // Fallback for unexpected structure
                        output.push(items.join(', '));
                    }
                }
            }
            else if (node.removeType === 'OBJECT_CAST') {
                const objects = node.objects.map((objList) => {
                    if (objList && objList.List && objList.List.items) {
                        const items = objList.List.items.map((item) => {
                            return this.visit(item, context);
                        }).filter((name) => name && name.trim());
                        if (items.length === 2) {
                            const [sourceType, targetType] = items;
                            return `(${sourceType} AS ${targetType})`;
                        }
                        return items.join('.');
                    }
                    const objName = this.visit(objList, context);
                    return objName;
                }).filter((name) => name && name.trim()).join(', ');
                if (objects) {
                    output.push(objects);
                }
            }
            else if (node.removeType === 'OBJECT_TRIGGER' || node.removeType === 'OBJECT_RULE') {
                const objects = node.objects.map((objList) => {
                    if (objList && objList.List && objList.List.items) {
                        const items = objList.List.items.map((item) => {
                            if (item.String && item.String.sval) {
                                return quotes_1.QuoteUtils.quoteIdentifier(item.String.sval);
                            }
                            return this.visit(item, context);
                        }).filter((name) => name && name.trim());
                        if (items.length === 2) {
                            const [tableName, triggerName] = items;
                            return `${triggerName} ON ${tableName}`;
                        }
                        else if (items.length === 3) {
                            const [schemaName, tableName, triggerName] = items;
                            return `${triggerName} ON ${schemaName}.${tableName}`;
                        }
                        return items.join('.');
                    }
                    const objName = this.visit(objList, context);
                    return objName;
                }).filter((name) => name && name.trim()).join(', ');
                if (objects) {
                    output.push(objects);
                }
            }
            else if (node.removeType === 'OBJECT_OPFAMILY' || node.removeType === 'OBJECT_OPCLASS') {
                // Handle operator family and operator class objects specially to format name USING access_method correctly
                const objects = node.objects.map((objList) => {
                    if (objList && objList.List && objList.List.items) {
                        const items = objList.List.items.map((item) => {
                            if (item.String && item.String.sval) {
                                return item.String.sval;
                            }
                            return this.visit(item, context);
                        }).filter((name) => name && name.trim());
                        if (items.length === 2) {
                            const accessMethod = items[0];
                            const objectName = items[1];
                            return `${quotes_1.QuoteUtils.quoteIdentifier(objectName)} USING ${accessMethod}`;
                        }
                        else if (items.length === 3) {
                            const accessMethod = items[0];
                            const schemaName = items[1];
                            const objectName = items[2];
                            return `${quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, objectName)} USING ${accessMethod}`;
                        }
                        return items.join('.');
                    }
                    const objName = this.visit(objList, context);
                    return objName;
                }).filter((name) => name && name.trim()).join(', ');
                if (objects) {
                    output.push(objects);
                }
            }
            else if (node.removeType === 'OBJECT_TRANSFORM') {
                // Handle TRANSFORM objects specially to format FOR type_name LANGUAGE language_name correctly
                const objects = node.objects.map((objList) => {
                    if (objList && objList.List && objList.List.items) {
                        const items = objList.List.items.map((item) => {
                            if (item.String && item.String.sval) {
                                return item.String.sval;
                            }
                            return this.visit(item, context);
                        }).filter((name) => name && name.trim());
                        if (items.length === 2) {
                            const [typeName, languageName] = items;
                            return `FOR ${typeName} LANGUAGE ${languageName}`;
                        }
                        return items.join('.');
                    }
                    const objName = this.visit(objList, context);
                    return objName;
                }).filter((name) => name && name.trim()).join(', ');
                if (objects) {
                    output.push(objects);
                }
            }
            else {
                const objects = node.objects.map((objList) => {
                    if (Array.isArray(objList)) {
                        const objName = objList.map(obj => this.visit(obj, context)).filter(name => name && name.trim()).join('.');
                        return objName;
                    }
                    if (objList && objList.List && objList.List.items) {
                        const items = objList.List.items.map((item) => {
                            if (item.String && item.String.sval) {
                                return quotes_1.QuoteUtils.quoteIdentifier(item.String.sval);
                            }
                            return this.visit(item, context);
                        }).filter((name) => name && name.trim());
                        return items.join('.');
                    }
                    const objContext = context.spawn('DropStmt', { objtype: node.removeType });
                    const objName = this.visit(objList, objContext);
                    return objName;
                }).filter((name) => name && name.trim()).join(', ');
                if (objects) {
                    output.push(objects);
                }
            }
        }
        if (node.behavior === 'DROP_CASCADE') {
            output.push('CASCADE');
        }
        // Only add RESTRICT if it was explicitly specified in the original SQL
        return output.join(' ');
    }
    TruncateStmt(node, context) {
        const output = ['TRUNCATE'];
        if (node.relations && node.relations.length > 0) {
            const relations = node.relations
                .map((relation) => this.visit(relation, context))
                .join(', ');
            output.push(relations);
        }
        if (node.restart_seqs) {
            output.push('RESTART IDENTITY');
        }
        if (node.behavior === 'DROP_CASCADE') {
            output.push('CASCADE');
        }
        return output.join(' ');
    }
    ReturnStmt(node, context) {
        const output = ['RETURN'];
        if (node.returnval) {
            const returnValue = this.visit(node.returnval, context);
            output.push(returnValue);
        }
        return output.join(' ');
    }
    PLAssignStmt(node, context) {
        const output = [];
        if (node.name) {
            let nameWithIndirection = quotes_1.QuoteUtils.quoteIdentifier(node.name);
            if (node.indirection && node.indirection.length > 0) {
                const indirectionStr = node.indirection
                    .map((ind) => this.visit(ind, context))
                    .join('');
                nameWithIndirection += indirectionStr;
            }
            output.push(nameWithIndirection);
        }
        output.push(':=');
        if (node.val) {
            const valAny = node.val;
            if (valAny.targetList) {
                output.push('SELECT');
                const targets = this.targetList(valAny.targetList, context);
                output.push(targets);
            }
            else {
                const valueStr = this.visit(node.val, context);
                output.push(valueStr);
            }
        }
        return output.join(' ');
    }
    CopyStmt(node, context) {
        const output = ['COPY'];
        if (node.relation) {
            const relationStr = this.RangeVar(node.relation, context);
            output.push(relationStr);
        }
        else if (node.query) {
            const queryStr = this.visit(node.query, context);
            output.push(`(${queryStr})`);
        }
        if (node.attlist && node.attlist.length > 0) {
            const columnList = list_utils_1.ListUtils.unwrapList(node.attlist)
                .map(col => this.visit(col, context))
                .join(', ');
            output.push(`(${columnList})`);
        }
        if (node.is_from) {
            output.push('FROM');
        }
        else {
            output.push('TO');
        }
        if (node.is_program) {
            output.push('PROGRAM');
        }
        if (node.filename) {
            output.push(quotes_1.QuoteUtils.escape(node.filename));
        }
        else {
            output.push(node.is_from ? 'STDIN' : 'STDOUT');
        }
        if (node.options && node.options.length > 0) {
            output.push('WITH');
            const optionsStr = list_utils_1.ListUtils.unwrapList(node.options)
                .map(opt => this.visit(opt, context.spawn('CopyStmt')))
                .join(', ');
            output.push(`(${optionsStr})`);
        }
        if (node.whereClause) {
            output.push('WHERE');
            const whereStr = this.visit(node.whereClause, context);
            output.push(whereStr);
        }
        return output.join(' ');
    }
    AlterTableStmt(node, context) {
        const output = ['ALTER'];
        if (node.objtype) {
            switch (node.objtype) {
                case 'OBJECT_TABLE':
                    output.push('TABLE');
                    break;
                case 'OBJECT_INDEX':
                    output.push('INDEX');
                    break;
                case 'OBJECT_SEQUENCE':
                    output.push('SEQUENCE');
                    break;
                case 'OBJECT_VIEW':
                    output.push('VIEW');
                    break;
                case 'OBJECT_MATVIEW':
                    output.push('MATERIALIZED VIEW');
                    break;
                case 'OBJECT_FOREIGN_TABLE':
                    output.push('FOREIGN TABLE');
                    break;
                case 'OBJECT_TYPE':
                    output.push('TYPE');
                    break;
                default:
                    output.push('TABLE');
            }
        }
        else {
            output.push('TABLE');
        }
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        const alterContext = context.spawn('AlterTableStmt', { objtype: node.objtype });
        if (node.relation) {
            const relationStr = this.RangeVar(node.relation, alterContext);
            output.push(relationStr);
        }
        if (node.cmds && node.cmds.length > 0) {
            const commands = list_utils_1.ListUtils.unwrapList(node.cmds);
            if (context.isPretty()) {
                const commandsStr = commands
                    .map(cmd => {
                    const cmdStr = this.visit(cmd, alterContext);
                    return context.newline() + context.indent(cmdStr);
                })
                    .join(',');
                output.push(commandsStr);
            }
            else {
                const commandsStr = commands
                    .map(cmd => this.visit(cmd, alterContext))
                    .join(', ');
                output.push(commandsStr);
            }
        }
        return output.join(' ');
    }
    AlterTableCmd(node, context) {
        const output = [];
        if (node.subtype) {
            switch (node.subtype) {
                case 'AT_AddColumn':
                    if (context.objtype === 'OBJECT_TYPE') {
                        output.push('ADD ATTRIBUTE');
                    }
                    else {
                        output.push('ADD COLUMN');
                    }
                    if (node.missing_ok) {
                        output.push('IF NOT EXISTS');
                    }
                    if (node.def) {
                        const colDefData = this.getNodeData(node.def);
                        if (context.isPretty()) {
                            const parts = [];
                            const indentedParts = [];
                            if (colDefData.colname) {
                                parts.push(quotes_1.QuoteUtils.quoteIdentifier(colDefData.colname));
                            }
                            if (colDefData.typeName) {
                                parts.push(this.TypeName(colDefData.typeName, context));
                            }
                            if (colDefData.is_not_null) {
                                indentedParts.push('NOT NULL');
                            }
                            if (colDefData.collClause) {
                                indentedParts.push(this.CollateClause(colDefData.collClause, context));
                            }
                            if (colDefData.constraints) {
                                const constraints = list_utils_1.ListUtils.unwrapList(colDefData.constraints);
                                constraints.forEach(constraint => {
                                    const columnConstraintContext = context.spawn('ColumnDef', { isColumnConstraint: true });
                                    const constraintStr = this.visit(constraint, columnConstraintContext);
                                    if (constraintStr.includes('REFERENCES') && constraintStr.includes('ON DELETE')) {
                                        const refMatch = constraintStr.match(/^(.*REFERENCES[^)]*\([^)]*\))\s*(ON\s+DELETE\s+CASCADE.*)$/);
                                        if (refMatch) {
                                            indentedParts.push(refMatch[1]);
                                            indentedParts.push(refMatch[2]);
                                        }
                                        else {
                                            indentedParts.push(constraintStr);
                                        }
                                    }
                                    else if (constraintStr === 'UNIQUE' && colDefData.raw_default) {
                                        const defaultStr = 'DEFAULT ' + this.visit(colDefData.raw_default, context);
                                        indentedParts.push('UNIQUE ' + defaultStr);
                                    }
                                    else {
                                        indentedParts.push(constraintStr);
                                    }
                                });
                            }
                            if (colDefData.raw_default && !colDefData.constraints?.some((c) => {
                                const constraintStr = this.visit(c, context.spawn('ColumnDef', { isColumnConstraint: true }));
                                return constraintStr === 'UNIQUE';
                            })) {
                                const defaultStr = 'DEFAULT ' + this.visit(colDefData.raw_default, context);
                                indentedParts.push(defaultStr);
                            }
                            if (colDefData.fdwoptions && colDefData.fdwoptions.length > 0) {
                                indentedParts.push('OPTIONS');
                                const columnContext = context.spawn('ColumnDef');
                                const options = list_utils_1.ListUtils.unwrapList(colDefData.fdwoptions).map(opt => this.visit(opt, columnContext));
                                indentedParts.push(`(${options.join(', ')})`);
                            }
                            let result = parts.join(' ');
                            if (indentedParts.length > 0) {
                                const indentedStr = indentedParts.map(part => context.indent(part)).join(context.newline());
                                result += context.newline() + indentedStr;
                            }
                            output.push(result);
                        }
                        else {
                            const parts = [];
                            if (colDefData.colname) {
                                parts.push(quotes_1.QuoteUtils.quoteIdentifier(colDefData.colname));
                            }
                            if (colDefData.typeName) {
                                parts.push(this.TypeName(colDefData.typeName, context));
                            }
                            if (colDefData.collClause) {
                                parts.push(this.CollateClause(colDefData.collClause, context));
                            }
                            if (colDefData.fdwoptions && colDefData.fdwoptions.length > 0) {
                                parts.push('OPTIONS');
                                const columnContext = context.spawn('ColumnDef');
                                const options = list_utils_1.ListUtils.unwrapList(colDefData.fdwoptions).map(opt => this.visit(opt, columnContext));
                                parts.push(`(${options.join(', ')})`);
                            }
                            if (colDefData.constraints) {
                                const constraints = list_utils_1.ListUtils.unwrapList(colDefData.constraints);
                                const constraintStrs = constraints.map(constraint => {
                                    const columnConstraintContext = context.spawn('ColumnDef', { isColumnConstraint: true });
                                    return this.visit(constraint, columnConstraintContext);
                                });
                                parts.push(...constraintStrs);
                            }
                            if (colDefData.raw_default) {
                                parts.push('DEFAULT');
                                parts.push(this.visit(colDefData.raw_default, context));
                            }
                            if (colDefData.is_not_null) {
                                parts.push('NOT NULL');
                            }
                            output.push(parts.join(' '));
                        }
                    }
                    if (node.behavior === 'DROP_CASCADE') {
                        output.push('CASCADE');
                    }
                    break;
                case 'AT_DropColumn':
                    if (node.missing_ok) {
                        if (context.objtype === 'OBJECT_TYPE') {
                            output.push('DROP ATTRIBUTE IF EXISTS');
                        }
                        else {
                            output.push('DROP COLUMN IF EXISTS');
                        }
                    }
                    else {
                        if (context.objtype === 'OBJECT_TYPE') {
                            output.push('DROP ATTRIBUTE');
                        }
                        else {
                            output.push('DROP COLUMN');
                        }
                    }
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    if (node.behavior === 'DROP_CASCADE') {
                        output.push('CASCADE');
                    }
                    else if (node.behavior === 'DROP_RESTRICT') {
                        output.push('RESTRICT');
                    }
                    break;
                case 'AT_AlterColumnType':
                    if (context.objtype === 'OBJECT_TYPE') {
                        output.push('ALTER ATTRIBUTE');
                    }
                    else {
                        output.push('ALTER COLUMN');
                    }
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('TYPE');
                    if (node.def) {
                        const nodeData = this.getNodeData(node.def);
                        if (nodeData && nodeData.typeName) {
                            output.push(this.TypeName(nodeData.typeName, context));
                            if (nodeData.collClause) {
                                output.push(this.CollateClause(nodeData.collClause, context));
                            }
                            // Handle USING clause (stored in raw_default for ALTER COLUMN TYPE)
                            if (nodeData.raw_default) {
                                output.push('USING');
                                output.push(this.visit(nodeData.raw_default, context));
                            }
                        }
                        else {
                            // Fallback to original behavior
                            const typeDef = this.visit(node.def, context);
                            output.push(typeDef);
                        }
                    }
                    // Handle CASCADE/RESTRICT behavior for ALTER COLUMN TYPE operations
                    if (node.behavior === 'DROP_CASCADE') {
                        output.push('CASCADE');
                    }
                    break;
                case 'AT_SetTableSpace':
                    output.push('SET TABLESPACE');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_AddConstraint':
                    output.push('ADD');
                    if (node.def) {
                        const constraintDef = this.visit(node.def, context);
                        output.push(constraintDef);
                    }
                    break;
                case 'AT_DropConstraint':
                    if (node.missing_ok) {
                        output.push('DROP CONSTRAINT IF EXISTS');
                    }
                    else {
                        output.push('DROP CONSTRAINT');
                    }
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    if (node.behavior === 'DROP_CASCADE') {
                        output.push('CASCADE');
                    }
                    else if (node.behavior === 'DROP_RESTRICT') {
                        output.push('RESTRICT');
                    }
                    break;
                case 'AT_SetRelOptions':
                    output.push('SET');
                    if (node.def) {
                        const alterTableContext = context.spawn('AlterTableCmd', { subtype: 'AT_SetRelOptions' });
                        const options = list_utils_1.ListUtils.unwrapList(node.def)
                            .map(option => this.visit(option, alterTableContext))
                            .join(', ');
                        output.push(`(${options})`);
                    }
                    else {
                        output.push('()');
                    }
                    break;
                case 'AT_ResetRelOptions':
                    output.push('RESET');
                    if (node.def) {
                        const alterTableContext = context.spawn('AlterTableCmd', { subtype: 'AT_ResetRelOptions' });
                        const options = list_utils_1.ListUtils.unwrapList(node.def)
                            .map(option => this.visit(option, alterTableContext))
                            .join(', ');
                        output.push(`(${options})`);
                    }
                    else {
                        output.push('()');
                    }
                    break;
                case 'AT_ColumnDefault':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    if (node.def) {
                        output.push('SET DEFAULT');
                        output.push(this.visit(node.def, context));
                    }
                    else {
                        output.push('DROP DEFAULT');
                    }
                    break;
                case 'AT_SetStorage':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('SET STORAGE');
                    if (node.def) {
                        const storageType = this.visit(node.def, context);
                        output.push(storageType);
                    }
                    break;
                case 'AT_ClusterOn':
                    output.push('CLUSTER ON');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_DropCluster':
                    output.push('SET WITHOUT CLUSTER');
                    break;
                case 'AT_ChangeOwner':
                    output.push('OWNER TO');
                    if (node.newowner) {
                        output.push(this.RoleSpec(node.newowner, context));
                    }
                    break;
                case 'AT_AddInherit':
                    output.push('INHERIT');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_DropInherit':
                    output.push('NO INHERIT');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_SetNotNull':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('SET NOT NULL');
                    break;
                case 'AT_DropNotNull':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('DROP NOT NULL');
                    break;
                case 'AT_SetStatistics':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    else if (node.num !== undefined && node.num !== null) {
                        output.push(node.num.toString());
                    }
                    output.push('SET STATISTICS');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_SetOptions':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('SET');
                    if (node.def) {
                        const alterTableContext = context.spawn('AlterTableCmd', { subtype: 'AT_SetOptions' });
                        const options = list_utils_1.ListUtils.unwrapList(node.def)
                            .map(option => this.visit(option, alterTableContext))
                            .join(', ');
                        output.push(`(${options})`);
                    }
                    else {
                        output.push('()');
                    }
                    break;
                case 'AT_ResetOptions':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('RESET');
                    if (node.def) {
                        const alterTableContext = context.spawn('AlterTableCmd', { subtype: 'AT_ResetOptions' });
                        const options = list_utils_1.ListUtils.unwrapList(node.def)
                            .map(option => this.visit(option, alterTableContext))
                            .join(', ');
                        output.push(`(${options})`);
                    }
                    else {
                        output.push('()');
                    }
                    break;
                case 'AT_SetCompression':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('SET COMPRESSION');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_ValidateConstraint':
                    output.push('VALIDATE CONSTRAINT');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_EnableTrig':
                    output.push('ENABLE TRIGGER');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_EnableAlwaysTrig':
                    output.push('ENABLE ALWAYS TRIGGER');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_EnableReplicaTrig':
                    output.push('ENABLE REPLICA TRIGGER');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_DisableTrig':
                    output.push('DISABLE TRIGGER');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_EnableTrigAll':
                    output.push('ENABLE TRIGGER ALL');
                    break;
                case 'AT_DisableTrigAll':
                    output.push('DISABLE TRIGGER ALL');
                    break;
                case 'AT_EnableTrigUser':
                    output.push('ENABLE TRIGGER USER');
                    break;
                case 'AT_DisableTrigUser':
                    output.push('DISABLE TRIGGER USER');
                    break;
                case 'AT_EnableRule':
                    output.push('ENABLE RULE');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_EnableAlwaysRule':
                    output.push('ENABLE ALWAYS RULE');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_EnableReplicaRule':
                    output.push('ENABLE REPLICA RULE');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_DisableRule':
                    output.push('DISABLE RULE');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'AT_SetAccessMethod':
                    output.push('SET ACCESS METHOD');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    else {
                        // Handle DEFAULT access method case
                        output.push('DEFAULT');
                    }
                    break;
                case 'AT_EnableRowSecurity':
                    output.push('ENABLE ROW LEVEL SECURITY');
                    break;
                case 'AT_DisableRowSecurity':
                    output.push('DISABLE ROW LEVEL SECURITY');
                    break;
                case 'AT_ForceRowSecurity':
                    output.push('FORCE ROW LEVEL SECURITY');
                    break;
                case 'AT_NoForceRowSecurity':
                    output.push('NO FORCE ROW LEVEL SECURITY');
                    break;
                case 'AT_AttachPartition':
                    output.push('ATTACH PARTITION');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_DetachPartition':
                    output.push('DETACH PARTITION');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_DetachPartitionFinalize':
                    output.push('DETACH PARTITION');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    output.push('FINALIZE');
                    break;
                case 'AT_SetLogged':
                    output.push('SET LOGGED');
                    break;
                case 'AT_SetUnLogged':
                    output.push('SET UNLOGGED');
                    break;
                case 'AT_AddColumnToView':
                    output.push('ADD COLUMN');
                    if (node.def) {
                        const columnDef = this.visit(node.def, context);
                        output.push(columnDef);
                    }
                    break;
                case 'AT_CookedColumnDefault':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    if (node.def) {
                        output.push('SET DEFAULT');
                        output.push(this.visit(node.def, context));
                    }
                    else {
                        output.push('DROP DEFAULT');
                    }
                    break;
                case 'AT_SetExpression':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('SET EXPRESSION');
                    if (node.def) {
                        output.push('AS');
                        output.push(context.parens(this.visit(node.def, context)));
                    }
                    break;
                case 'AT_DropExpression':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('DROP EXPRESSION');
                    if (node.missing_ok) {
                        output.push('IF EXISTS');
                    }
                    break;
                case 'AT_AddIndex':
                    output.push('ADD');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_ReAddIndex':
                    output.push('ADD');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_ReAddConstraint':
                    output.push('ADD');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_ReAddDomainConstraint':
                    output.push('ADD');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_AlterConstraint':
                    if (node.def && this.getNodeType(node.def) === 'ATAlterConstraint') {
                        output.push(this.ATAlterConstraint(this.getNodeData(node.def), context));
                    }
                    else {
                        output.push('ALTER CONSTRAINT');
                        if (node.def && this.getNodeType(node.def) === 'Constraint') {
                            const constraintData = this.getNodeData(node.def);
                            if (constraintData.conname) {
                                output.push(quotes_1.QuoteUtils.quoteIdentifier(constraintData.conname));
                                if (constraintData.deferrable !== undefined) {
                                    output.push(constraintData.deferrable ? 'DEFERRABLE' : 'NOT DEFERRABLE');
                                }
                                if (constraintData.initdeferred !== undefined) {
                                    output.push(constraintData.initdeferred ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE');
                                }
                            }
                        }
                        else if (node.name) {
                            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                            if (node.def) {
                                output.push(this.visit(node.def, context));
                            }
                        }
                    }
                    break;
                case 'AT_AddIndexConstraint':
                    output.push('ADD');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_ReAddComment':
                    output.push('COMMENT');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_AlterColumnGenericOptions':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('OPTIONS');
                    if (node.def) {
                        const alterColumnContext = context.spawn('AlterTableCmd', { alterColumnOptions: true });
                        const options = list_utils_1.ListUtils.unwrapList(node.def)
                            .map(option => this.visit(option, alterColumnContext))
                            .join(', ');
                        output.push(`(${options})`);
                    }
                    break;
                case 'AT_DropOids':
                    output.push('SET WITHOUT OIDS');
                    break;
                case 'AT_ReplaceRelOptions':
                    output.push('REPLACE');
                    if (node.def && Array.isArray(node.def)) {
                        const options = list_utils_1.ListUtils.unwrapList(node.def)
                            .map(option => this.visit(option, context))
                            .join(', ');
                        output.push(`(${options})`);
                    }
                    else {
                        output.push('()');
                    }
                    break;
                case 'AT_AddOf':
                    output.push('OF');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_DropOf':
                    output.push('NOT OF');
                    break;
                case 'AT_ReplicaIdentity':
                    output.push('REPLICA IDENTITY');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_GenericOptions':
                    output.push('OPTIONS');
                    if (node.def) {
                        const alterTableContext = context.spawn('AlterTableCmd', { alterTableOptions: true });
                        const options = list_utils_1.ListUtils.unwrapList(node.def)
                            .map(option => this.visit(option, alterTableContext))
                            .join(', ');
                        output.push(`(${options})`);
                    }
                    break;
                case 'AT_AddIdentity':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('ADD');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_SetIdentity':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    if (node.def) {
                        output.push(this.formatIdentityColumnOptions(node.def, context));
                    }
                    break;
                case 'AT_DropIdentity':
                    output.push('ALTER COLUMN');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    output.push('DROP IDENTITY');
                    if (node.missing_ok) {
                        output.push('IF EXISTS');
                    }
                    break;
                case 'AT_ReAddStatistics':
                    output.push('ADD');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                default:
                    throw new Error(`Unsupported AlterTableCmd subtype: ${node.subtype}`);
            }
        }
        return output.join(' ');
    }
    CreateFunctionStmt(node, context) {
        const output = ['CREATE'];
        if (node.replace) {
            output.push('OR REPLACE');
        }
        if (node.is_procedure) {
            output.push('PROCEDURE');
        }
        else {
            output.push('FUNCTION');
        }
        if (node.funcname && node.funcname.length > 0) {
            const funcnameParts = node.funcname.map((name) => name.String?.sval || name.String?.str || '').filter((s) => s);
            const funcName = quotes_1.QuoteUtils.quoteDottedName(funcnameParts);
            if (node.parameters && node.parameters.length > 0) {
                const params = node.parameters
                    .filter((param) => {
                    const paramData = this.getNodeData(param);
                    return paramData.mode !== 'FUNC_PARAM_TABLE';
                })
                    .map((param) => this.visit(param, context));
                if (params.length > 0) {
                    if (context.isPretty()) {
                        const formattedParams = params.map(p => context.indent(p)).join(',' + context.newline());
                        output.push(funcName + '(' + context.newline() + formattedParams + context.newline() + ')');
                    }
                    else {
                        output.push(funcName + '(' + params.join(', ') + ')');
                    }
                }
                else {
                    output.push(funcName + '()');
                }
            }
            else {
                output.push(funcName + '()');
            }
        }
        const hasTableParams = node.parameters && node.parameters.some((param) => {
            const paramData = this.getNodeData(param);
            return paramData.mode === 'FUNC_PARAM_TABLE';
        });
        if (hasTableParams) {
            const tableParams = node.parameters
                .filter((param) => {
                const paramData = this.getNodeData(param);
                return paramData.mode === 'FUNC_PARAM_TABLE';
            })
                .map((param) => this.visit(param, context));
            if (context.isPretty()) {
                const formattedTableParams = tableParams.map(p => context.indent(p)).join(',' + context.newline());
                output.push('RETURNS TABLE (' + context.newline() + formattedTableParams + context.newline() + ')');
            }
            else {
                output.push('RETURNS TABLE (');
                output.push(tableParams.join(', '));
                output.push(')');
            }
        }
        else if (node.returnType) {
            output.push('RETURNS');
            output.push(this.TypeName(node.returnType, context));
        }
        if (node.options && node.options.length > 0) {
            const funcContext = context.spawn('CreateFunctionStmt');
            const options = node.options.map((opt) => this.visit(opt, funcContext));
            output.push(...options);
        }
        if (node.sql_body) {
            const bodyType = this.getNodeType(node.sql_body);
            if (bodyType === 'ReturnStmt') {
                output.push(this.visit(node.sql_body, context));
            }
            else {
                output.push('BEGIN ATOMIC');
                // Handle List of statements in sql_body
                if (bodyType === 'List') {
                    const statements = list_utils_1.ListUtils.unwrapList(node.sql_body);
                    if (statements.length === 0 || (statements.length === 1 && Object.keys(statements[0]).length === 0)) {
                        // empty body: nothing to emit
                    }
                    else {
                        // Handle nested List structure in BEGIN ATOMIC blocks
                        let actualStatements = statements;
                        if (statements.length === 1 && statements[0].List) {
                            actualStatements = list_utils_1.ListUtils.unwrapList(statements[0]);
                        }
                        const stmtStrings = actualStatements
                            .filter(stmt => stmt && Object.keys(stmt).length > 0) // Filter out empty objects
                            .map(stmt => {
                            const stmtSql = this.visit(stmt, context);
                            return stmtSql.endsWith(';') ? stmtSql : stmtSql + ';';
                        });
                        if (stmtStrings.length > 0) {
                            output.push(stmtStrings.join(' '));
                        }
                    }
                }
                else {
                    const bodyStmt = this.visit(node.sql_body, context);
                    if (bodyStmt && !bodyStmt.endsWith(';')) {
                        output.push(bodyStmt + ';');
                    }
                    else {
                        output.push(bodyStmt);
                    }
                }
                output.push('END');
            }
        }
        return output.join(' ');
    }
    FunctionParameter(node, context) {
        const output = [];
        if (node.mode) {
            switch (node.mode) {
                case 'FUNC_PARAM_IN':
                    output.push('IN');
                    break;
                case 'FUNC_PARAM_OUT':
                    output.push('OUT');
                    break;
                case 'FUNC_PARAM_INOUT':
                    output.push('INOUT');
                    break;
                case 'FUNC_PARAM_VARIADIC':
                    output.push('VARIADIC');
                    break;
            }
        }
        if (node.name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
        }
        if (node.argType) {
            output.push(this.TypeName(node.argType, context));
        }
        if (node.defexpr) {
            output.push('DEFAULT');
            output.push(this.visit(node.defexpr, context));
        }
        return output.join(' ');
    }
    CreateEnumStmt(node, context) {
        const output = ['CREATE', 'TYPE'];
        if (node.typeName) {
            const typeName = list_utils_1.ListUtils.unwrapList(node.typeName)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(typeName);
        }
        output.push('AS', 'ENUM');
        if (node.vals && node.vals.length > 0) {
            const enumContext = context.spawn('CreateEnumStmt', { isEnumValue: true });
            const values = list_utils_1.ListUtils.unwrapList(node.vals)
                .map(val => this.visit(val, enumContext))
                .join(', ');
            output.push(`(${values})`);
        }
        else {
            output.push('()');
        }
        return output.join(' ');
    }
    CreateDomainStmt(node, context) {
        const output = ['CREATE', 'DOMAIN'];
        if (node.domainname) {
            const domainName = list_utils_1.ListUtils.unwrapList(node.domainname)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(domainName);
        }
        if (node.typeName) {
            output.push('AS');
            output.push(this.TypeName(node.typeName, context));
        }
        if (node.collClause) {
            output.push(this.CollateClause(node.collClause, context));
        }
        if (node.constraints) {
            const constraints = list_utils_1.ListUtils.unwrapList(node.constraints)
                .map(constraint => this.visit(constraint, context))
                .join(' ');
            if (constraints) {
                output.push(constraints);
            }
        }
        return output.join(' ');
    }
    CreateRoleStmt(node, context) {
        const output = ['CREATE'];
        if (node.stmt_type === 'ROLESTMT_ROLE') {
            output.push('ROLE');
        }
        else if (node.stmt_type === 'ROLESTMT_USER') {
            output.push('USER');
        }
        else if (node.stmt_type === 'ROLESTMT_GROUP') {
            output.push('GROUP');
        }
        else {
            output.push('ROLE');
        }
        if (node.role) {
            const roleName = quotes_1.QuoteUtils.quoteIdentifier(node.role);
            output.push(roleName);
        }
        if (node.options) {
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, context.spawn('CreateRoleStmt')))
                .join(' ');
            if (options) {
                output.push('WITH');
                output.push(options);
            }
        }
        return output.join(' ');
    }
    DefElem(node, context) {
        if (!node.defname) {
            return '';
        }
        // Handle CREATE OPERATOR commutator/negator - MUST be first to prevent quoting
        if (context.parentNodeTypes.includes('DefineStmt') &&
            ['commutator', 'negator'].includes(node.defname.toLowerCase())) {
            if (node.arg && this.getNodeType(node.arg) === 'List') {
                const listData = this.getNodeData(node.arg);
                const listItems = list_utils_1.ListUtils.unwrapList(listData.items);
                if (listItems.length === 1 && listItems[0].String) {
                    const preservedName = this.preserveOperatorDefElemCase(node.defname);
                    return `${preservedName} = ${listItems[0].String.sval}`;
                }
            }
        }
        // Handle IndexElem opclassopts - MUST be first to preserve string types
        if (context.parentNodeTypes.includes('IndexElem')) {
            if (node.arg && this.getNodeType(node.arg) === 'String') {
                const stringData = this.getNodeData(node.arg);
                return `${node.defname}='${stringData.sval}'`;
            }
            return `${node.defname}=${this.visit(node.arg, context.spawn('DefElem'))}`;
        }
        // Handle CREATE OPERATOR boolean flags - MUST be first to preserve case
        if (context.parentNodeTypes.includes('DefineStmt') &&
            ['hashes', 'merges'].includes(node.defname.toLowerCase()) && !node.arg) {
            if (node.defname !== node.defname.toLowerCase() && node.defname !== node.defname.toUpperCase()) {
                return quotes_1.QuoteUtils.quoteIdentifier(node.defname);
            }
            return node.defname.charAt(0).toUpperCase() + node.defname.slice(1).toLowerCase();
        }
        // Handle FDW-related statements and ALTER OPTIONS that use space format for options
        if (context.parentNodeTypes.includes('AlterFdwStmt') || context.parentNodeTypes.includes('CreateFdwStmt') || context.parentNodeTypes.includes('CreateForeignServerStmt') || context.parentNodeTypes.includes('AlterForeignServerStmt') || context.parentNodeTypes.includes('CreateUserMappingStmt') || context.parentNodeTypes.includes('AlterUserMappingStmt') || context.parentNodeTypes.includes('ColumnDef') || context.parentNodeTypes.includes('CreateForeignTableStmt') || context.parentNodeTypes.includes('ImportForeignSchemaStmt') || context.alterColumnOptions || context.alterTableOptions) {
            if (['handler', 'validator'].includes(node.defname)) {
                if (!node.arg) {
                    return `NO ${node.defname.toUpperCase()}`;
                }
                const defElemContext = context.spawn('DefElem');
                const argValue = this.visit(node.arg, defElemContext);
                return `${node.defname.toUpperCase()} ${argValue}`;
            }
            // Handle OPTIONS clause - use space format, not equals format
            if (node.arg) {
                const defElemContext = context.spawn('DefElem');
                const argValue = this.visit(node.arg, defElemContext);
                if (context.parentNodeTypes.includes('CreateFdwStmt') || context.parentNodeTypes.includes('AlterFdwStmt')) {
                    const finalValue = typeof argValue === 'string' && !argValue.startsWith("'")
                        ? `'${argValue}'`
                        : argValue;
                    const quotedDefname = quotes_1.QuoteUtils.quoteIdentifier(node.defname);
                    if (node.defaction === 'DEFELEM_ADD') {
                        return `ADD ${quotedDefname} ${finalValue}`;
                    }
                    else if (node.defaction === 'DEFELEM_DROP') {
                        return `DROP ${quotedDefname}`;
                    }
                    else if (node.defaction === 'DEFELEM_SET') {
                        return `SET ${quotedDefname} ${finalValue}`;
                    }
                    return `${quotedDefname} ${finalValue}`;
                }
                const quotedValue = typeof argValue === 'string' && !argValue.startsWith("'")
                    ? `'${argValue}'`
                    : argValue;
                if (node.defaction === 'DEFELEM_ADD') {
                    return `ADD ${node.defname} ${quotedValue}`;
                }
                else if (node.defaction === 'DEFELEM_DROP') {
                    return `DROP ${node.defname}`;
                }
                else if (node.defaction === 'DEFELEM_SET') {
                    return `SET ${node.defname} ${quotedValue}`;
                }
                const quotedDefname = quotes_1.QuoteUtils.quoteIdentifier(node.defname);
                return `${quotedDefname} ${quotedValue}`;
            }
            else if (node.defaction === 'DEFELEM_DROP') {
                // Handle DROP without argument
                return `DROP ${node.defname}`;
            }
        }
        // Handle sequence options that can have NO prefix when no argument (before checking node.arg)
        if ((context.parentNodeTypes.includes('CreateSeqStmt') || context.parentNodeTypes.includes('AlterSeqStmt')) &&
            (node.defname === 'minvalue' || node.defname === 'maxvalue') && !node.arg) {
            return `NO ${node.defname.toUpperCase()}`;
        }
        // Handle CREATE ROLE / ALTER ROLE password options BEFORE checking node.arg
        if (context.parentNodeTypes.includes('CreateRoleStmt') || context.parentNodeTypes.includes('AlterRoleStmt')) {
            if (node.defname === 'password') {
                // Handle PASSWORD NULL case when no arg is provided
                if (!node.arg) {
                    return 'PASSWORD NULL';
                }
                const defElemContext = context.spawn('DefElem');
                const argValue = this.visit(node.arg, defElemContext);
                const quotedValue = typeof argValue === 'string' && !argValue.startsWith("'")
                    ? `'${argValue}'`
                    : argValue;
                return `PASSWORD ${quotedValue}`;
            }
        }
        if (node.arg) {
            const defElemContext = context.spawn('DefElem');
            const argValue = this.visit(node.arg, defElemContext);
            if (context.parentNodeTypes.includes('AlterOperatorStmt')) {
                if (node.arg && this.getNodeType(node.arg) === 'TypeName') {
                    const typeNameData = this.getNodeData(node.arg);
                    if (typeNameData.names) {
                        const names = list_utils_1.ListUtils.unwrapList(typeNameData.names);
                        if (names.length === 1 && names[0].String) {
                            return `${node.defname} = ${names[0].String.sval}`;
                        }
                    }
                }
                if (node.arg && this.getNodeType(node.arg) === 'List') {
                    const listData = this.getNodeData(node.arg);
                    const listItems = list_utils_1.ListUtils.unwrapList(listData.items);
                    if (listItems.length === 1 && listItems[0].String) {
                        return `${node.defname} = ${listItems[0].String.sval}`;
                    }
                }
            }
            if (context.parentNodeTypes.includes('CreatedbStmt') || context.parentNodeTypes.includes('DropdbStmt')) {
                const quotedValue = typeof argValue === 'string'
                    ? quotes_1.QuoteUtils.escape(argValue)
                    : argValue;
                return `${node.defname} = ${quotedValue}`;
            }
            // CreateForeignServerStmt and AlterForeignServerStmt use space format like CreateFdwStmt
            if (context.parentNodeTypes.includes('CreateForeignServerStmt') || context.parentNodeTypes.includes('AlterForeignServerStmt')) {
                const quotedValue = typeof argValue === 'string'
                    ? quotes_1.QuoteUtils.escape(argValue)
                    : argValue;
                const quotedDefname = quotes_1.QuoteUtils.quoteIdentifier(node.defname);
                return `${quotedDefname} ${quotedValue}`;
            }
            if (context.parentNodeTypes.includes('CreateRoleStmt') || context.parentNodeTypes.includes('AlterRoleStmt')) {
                if (node.defname === 'rolemembers') {
                    // Handle List of RoleSpec nodes for GROUP statements
                    if (node.arg && this.getNodeType(node.arg) === 'List') {
                        const listData = this.getNodeData(node.arg);
                        const listItems = list_utils_1.ListUtils.unwrapList(listData.items);
                        const roleNames = listItems.map(item => this.visit(item, context));
                        if (context.parentNodeTypes.includes('CreateRoleStmt')) {
                            return `ROLE ${roleNames.join(', ')}`;
                        }
                        else {
                            // AlterRoleStmt - use ADD USER syntax
                            return `ADD USER ${roleNames.join(', ')}`;
                        }
                    }
                }
                if (node.defname === 'addroleto') {
                    // Handle List of RoleSpec nodes for IN ROLE statements
                    if (node.arg && this.getNodeType(node.arg) === 'List') {
                        const listData = this.getNodeData(node.arg);
                        const listItems = list_utils_1.ListUtils.unwrapList(listData.items);
                        const roleNames = listItems.map(item => this.visit(item, context));
                        return `IN ROLE ${roleNames.join(', ')}`;
                    }
                }
                if (node.defname === 'validUntil') {
                    const quotedValue = typeof argValue === 'string' && !argValue.startsWith("'")
                        ? `'${argValue}'`
                        : argValue;
                    return `VALID UNTIL ${quotedValue}`;
                }
                if (node.defname === 'adminmembers') {
                    return `ADMIN ${argValue}`;
                }
                if (node.defname === 'connectionlimit') {
                    return `CONNECTION LIMIT ${argValue}`;
                }
                if (node.defname === 'sysid') {
                    return `SYSID ${argValue}`;
                }
                if (String(argValue) === 'true') {
                    // Handle special cases where the positive form has a different name
                    if (node.defname === 'isreplication') {
                        return 'REPLICATION';
                    }
                    if (node.defname === 'canlogin') {
                        return 'LOGIN';
                    }
                    return node.defname.toUpperCase();
                }
                else if (String(argValue) === 'false') {
                    // Handle special cases where the negative form has a different name
                    if (node.defname === 'canlogin') {
                        return 'NOLOGIN';
                    }
                    if (node.defname === 'isreplication') {
                        return 'NOREPLICATION';
                    }
                    return `NO${node.defname.toUpperCase()}`;
                }
            }
            if (context.parentNodeTypes.includes('CreateSeqStmt') || context.parentNodeTypes.includes('AlterSeqStmt')) {
                if (node.defname === 'owned_by') {
                    // Handle List node for table.column reference
                    if (node.arg && this.getNodeType(node.arg) === 'List') {
                        const listData = this.getNodeData(node.arg);
                        const listItems = list_utils_1.ListUtils.unwrapList(listData.items);
                        if (listItems.length === 1 && listItems[0].String?.sval === 'none') {
                            return 'OWNED BY NONE';
                        }
                        const parts = listItems.map(item => {
                            const itemData = this.getNodeData(item);
                            if (this.getNodeType(item) === 'String') {
                                // Check if this identifier needs quotes to preserve case
                                const value = itemData.sval;
                                return quotes_1.QuoteUtils.quoteIdentifier(value);
                            }
                            return this.visit(item, context);
                        });
                        return `OWNED BY ${parts.join('.')}`;
                    }
                    else {
                        return `OWNED BY ${argValue}`;
                    }
                }
                // Handle boolean sequence options
                if (node.defname === 'cycle') {
                    const boolValue = String(argValue).toLowerCase();
                    if (boolValue === 'true' || boolValue === '1') {
                        return 'CYCLE';
                    }
                    else if (boolValue === 'false' || boolValue === '0') {
                        return 'NO CYCLE';
                    }
                }
                // Handle sequence options that can have NO prefix when no argument
                if ((node.defname === 'minvalue' || node.defname === 'maxvalue') && !node.arg) {
                    return `NO ${node.defname.toUpperCase()}`;
                }
                return `${node.defname.toUpperCase()} ${argValue}`;
            }
            if (context.parentNodeTypes.includes('CreateTableSpaceStmt') || context.parentNodeTypes.includes('AlterTableSpaceOptionsStmt')) {
                return `${node.defname.toUpperCase()} ${argValue}`;
            }
            if (context.parentNodeTypes.includes('ExplainStmt')) {
                if (argValue) {
                    return `${node.defname.toUpperCase()} ${argValue.toUpperCase()}`;
                }
                else {
                    return node.defname.toUpperCase();
                }
            }
            if (context.parentNodeTypes.includes('DoStmt')) {
                if (node.defname === 'as') {
                    const defElemContext = context.spawn('DefElem');
                    const argValue = node.arg ? this.visit(node.arg, defElemContext) : '';
                    if (Array.isArray(argValue)) {
                        const bodyParts = argValue;
                        const body = bodyParts.join('');
                        const delimiter = this.getFunctionDelimiter(body);
                        return `${delimiter}${body}${delimiter}`;
                    }
                    else {
                        const delimiter = this.getFunctionDelimiter(argValue);
                        return `${delimiter}${argValue}${delimiter}`;
                    }
                }
                return '';
            }
            if (context.parentNodeTypes.includes('CreateFunctionStmt') || context.parentNodeTypes.includes('AlterFunctionStmt')) {
                if (node.defname === 'as') {
                    // Handle List type (multiple function body strings)
                    if (node.arg && node.arg.List) {
                        const listNode = node.arg.List;
                        const listItems = listNode.items || [];
                        const bodyParts = listItems.map((item) => {
                            if (item.String) {
                                return item.String.sval;
                            }
                            return this.visit(item, context);
                        });
                        if (bodyParts.length === 1) {
                            const body = bodyParts[0];
                            const delimiter = this.getFunctionDelimiter(body);
                            return `AS ${delimiter}${body}${delimiter}`;
                        }
                        else {
                            return `AS ${bodyParts.map((part) => {
                                const delimiter = this.getFunctionDelimiter(part);
                                return `${delimiter}${part}${delimiter}`;
                            }).join(', ')}`;
                        }
                    }
                    // Handle Array type (legacy support)
                    else if (Array.isArray(argValue)) {
                        const bodyParts = argValue;
                        if (bodyParts.length === 1) {
                            const body = bodyParts[0];
                            const delimiter = this.getFunctionDelimiter(body);
                            return `AS ${delimiter}${body}${delimiter}`;
                        }
                        else {
                            return `AS ${bodyParts.map(part => {
                                const delimiter = this.getFunctionDelimiter(part);
                                return `${delimiter}${part}${delimiter}`;
                            }).join(', ')}`;
                        }
                    }
                    // Handle String type (single function body)
                    else {
                        const delimiter = this.getFunctionDelimiter(argValue);
                        return `AS ${delimiter}${argValue}${delimiter}`;
                    }
                }
                if (node.defname === 'language') {
                    return `LANGUAGE ${argValue}`;
                }
                if (node.defname === 'volatility') {
                    return argValue.toUpperCase();
                }
                if (node.defname === 'strict') {
                    return argValue === 'true' ? 'STRICT' : 'CALLED ON NULL INPUT';
                }
                if (node.defname === 'security') {
                    return argValue === 'true' ? 'SECURITY DEFINER' : 'SECURITY INVOKER';
                }
                if (node.defname === 'leakproof') {
                    return argValue === 'true' ? 'LEAKPROOF' : 'NOT LEAKPROOF';
                }
                if (node.defname === 'cost') {
                    return `COST ${argValue}`;
                }
                if (node.defname === 'rows') {
                    return `ROWS ${argValue}`;
                }
                if (node.defname === 'window') {
                    return argValue === 'true' ? 'WINDOW' : '';
                }
                if (node.defname === 'set') {
                    return this.visit(node.arg, context);
                }
                return `${node.defname.toUpperCase()} ${argValue}`;
            }
            if (context.parentNodeTypes.includes('CreateExtensionStmt') || context.parentNodeTypes.includes('AlterExtensionStmt') || context.parentNodeTypes.includes('CreateFdwStmt') || context.parentNodeTypes.includes('AlterFdwStmt')) {
                // AlterExtensionStmt specific cases
                if (context.parentNodeTypes.includes('AlterExtensionStmt')) {
                    if (node.defname === 'new_version') {
                        // argValue is unquoted due to DefElem context, so we need to quote it
                        const quotedValue = typeof argValue === 'string' && !argValue.startsWith("'")
                            ? `'${argValue}'`
                            : argValue;
                        return `UPDATE TO ${quotedValue}`;
                    }
                    if (node.defname === 'schema') {
                        return `SET SCHEMA ${argValue}`;
                    }
                }
                // CreateFdwStmt specific cases
                if (context.parentNodeTypes.includes('CreateFdwStmt')) {
                    if (['handler', 'validator'].includes(node.defname)) {
                        return `${node.defname.toUpperCase()} ${argValue}`;
                    }
                    const quotedValue = typeof argValue === 'string'
                        ? quotes_1.QuoteUtils.escape(argValue)
                        : argValue;
                    return `${node.defname} ${quotedValue}`;
                }
                // CreateExtensionStmt cases (schema, version, etc.)
                if (node.defname === 'cascade') {
                    return argValue === 'true' ? 'CASCADE' : '';
                }
                return `${node.defname.toUpperCase()} ${argValue}`;
            }
            // Handle IndexStmt WITH clause options - no quotes, compact formatting
            if (context.parentNodeTypes.includes('IndexStmt')) {
                return `${node.defname}=${argValue}`;
            }
            // Handle IndexElem opclassopts - preserve string values as strings
            if (context.parentNodeTypes.includes('IndexElem')) {
                if (node.arg && this.getNodeType(node.arg) === 'String') {
                    const stringData = this.getNodeData(node.arg);
                    return `${node.defname}='${stringData.sval}'`;
                }
                return `${node.defname}=${argValue}`;
            }
            // Handle CreateStmt table options - no quotes, compact formatting
            if (context.parentNodeTypes.includes('CreateStmt')) {
                const relOptName = node.defnamespace
                    ? `${quotes_1.QuoteUtils.quoteIdentifier(node.defnamespace)}.${quotes_1.QuoteUtils.quoteIdentifier(node.defname)}`
                    : quotes_1.QuoteUtils.quoteIdentifier(node.defname);
                // For numeric values, use the raw value without quotes
                if (node.arg && this.getNodeType(node.arg) === 'Integer') {
                    const integerData = this.getNodeData(node.arg);
                    return `${relOptName}=${integerData.ival}`;
                }
                return `${relOptName}=${argValue}`;
            }
            // Handle CreateEventTrigStmt WHEN clause - use IN syntax for List arguments
            if (context.parentNodeTypes.includes('CreateEventTrigStmt')) {
                if (node.arg && this.getNodeType(node.arg) === 'List') {
                    const listData = this.getNodeData(node.arg);
                    const listItems = list_utils_1.ListUtils.unwrapList(listData.items);
                    const values = listItems.map(item => {
                        if (this.getNodeType(item) === 'String') {
                            const stringData = this.getNodeData(item);
                            return `'${stringData.sval || ''}'`;
                        }
                        return this.visit(item, context);
                    });
                    return `${node.defname} IN (${values.join(', ')})`;
                }
                return `${node.defname} = ${argValue}`;
            }
            // Handle AT_SetRelOptions context - don't quote values that should be type names
            if ((context.parentNodeTypes.includes('AlterTableCmd') || context.parentNodeTypes.includes('AlterTableStmt')) &&
                !context.parentNodeTypes.includes('ColumnDef')) {
                const optionName = node.defnamespace ? `${node.defnamespace}.${node.defname}` : node.defname;
                if (node.arg && this.getNodeType(node.arg) === 'TypeName') {
                    return `${optionName} = ${argValue}`;
                }
                return `${optionName} = ${argValue}`;
            }
            // Handle ViewStmt WITH options - don't quote numeric values
            if (context.parentNodeTypes.includes('ViewStmt')) {
                if (typeof argValue === 'string' && /^\d+$/.test(argValue)) {
                    return `${node.defname}=${argValue}`;
                }
                const quotedValue = typeof argValue === 'string'
                    ? quotes_1.QuoteUtils.escape(argValue)
                    : argValue;
                return `${node.defname} = ${quotedValue}`;
            }
            // Handle CopyStmt WITH clause options - uppercase format without quotes
            if (context.parentNodeTypes.includes('CopyStmt')) {
                const optName = node.defname.toUpperCase();
                if (!node.arg) {
                    return optName;
                }
                const copyArgType = this.getNodeType(node.arg);
                if (copyArgType === 'Boolean' && this.getNodeData(node.arg).boolval !== false) {
                    return optName;
                }
                if (copyArgType === 'List') {
                    const items = list_utils_1.ListUtils.unwrapList(this.getNodeData(node.arg).items)
                        .map(item => this.visit(item, context));
                    return `${optName} (${items.join(', ')})`;
                }
                if (copyArgType === 'String') {
                    const sval = this.getNodeData(node.arg).sval;
                    if (node.defname === 'format') {
                        return `${optName} ${sval}`;
                    }
                    return `${optName} ${quotes_1.QuoteUtils.escape(sval)}`;
                }
                return `${optName} ${argValue}`;
            }
            // Handle CREATE OPERATOR and CREATE TYPE context
            if (context.parentNodeTypes.includes('DefineStmt')) {
                const preservedName = this.preserveOperatorDefElemCase(node.defname);
                // Handle operator arguments that should be Lists vs TypeNames
                if (['commutator', 'negator'].includes(node.defname.toLowerCase())) {
                    if (node.arg) {
                        // For commutator/negator, preserve the original operator symbol without quotes
                        if (node.arg && this.getNodeType(node.arg) === 'List') {
                            const listData = this.getNodeData(node.arg);
                            const listItems = list_utils_1.ListUtils.unwrapList(listData.items);
                            if (listItems.length === 1 && listItems[0].String) {
                                return `${preservedName} = ${listItems[0].String.sval}`;
                            }
                        }
                        const unquotedValue = argValue.replace(/^"(.*)"$/, '$1');
                        return `${preservedName} = ${unquotedValue}`;
                    }
                    return preservedName;
                }
                // Handle boolean flags (no arguments) - preserve quoted case
                if (['hashes', 'merges'].includes(node.defname.toLowerCase())) {
                    if (node.defname !== node.defname.toLowerCase() && node.defname !== node.defname.toUpperCase()) {
                        return quotes_1.QuoteUtils.quoteIdentifier(node.defname);
                    }
                    return preservedName.toUpperCase();
                }
                // Handle CREATE AGGREGATE quoted identifiers - preserve quotes when needed
                const quotedDefname = quotes_1.QuoteUtils.quoteIdentifier(node.defname);
                if (quotedDefname !== node.defname) {
                    if (node.arg) {
                        if (this.getNodeType(node.arg) === 'String') {
                            const stringData = this.getNodeData(node.arg);
                            // Handle boolean string values without quotes
                            if (stringData.sval === 'true' || stringData.sval === 'false') {
                                return `${quotedDefname} = ${stringData.sval}`;
                            }
                            // Regular string literals get single quotes
                            return `${quotedDefname} = '${stringData.sval}'`;
                        }
                        return `${quotedDefname} = ${argValue}`;
                    }
                    return quotedDefname;
                }
                // Handle other operator parameters with preserved case
                if (preservedName !== node.defname) {
                    if (node.arg) {
                        return `${preservedName} = ${argValue}`;
                    }
                    return preservedName;
                }
                // CREATE TYPE context - preserve string literals with single quotes, handle boolean strings
                if (node.arg && this.getNodeType(node.arg) === 'String') {
                    const stringData = this.getNodeData(node.arg);
                    // Handle boolean string values without quotes
                    if (stringData.sval === 'true' || stringData.sval === 'false') {
                        return `${node.defname} = ${stringData.sval}`;
                    }
                    // Regular string literals get single quotes
                    return `${node.defname} = '${stringData.sval}'`;
                }
                if (node.arg && this.getNodeType(node.arg) === 'Boolean') {
                    const boolData = this.getNodeData(node.arg);
                    return `${node.defname} = ${boolData.boolval ? 'true' : 'false'}`;
                }
                if (node.arg && this.getNodeType(node.arg) === 'Integer') {
                    const intData = this.getNodeData(node.arg);
                    return `${node.defname} = ${intData.ival}`;
                }
                if (node.arg && this.getNodeType(node.arg) === 'TypeName') {
                    const typeNameData = this.getNodeData(node.arg);
                    if (typeNameData.names) {
                        const names = list_utils_1.ListUtils.unwrapList(typeNameData.names);
                        if (names.length === 1 && names[0].String) {
                            return `${node.defname} = ${names[0].String.sval}`;
                        }
                    }
                    return `${node.defname} = ${argValue}`;
                }
            }
            const argType = this.getNodeType(node.arg);
            if (argType === 'TypeName' || argType === 'Integer' || argType === 'Float' || argType === 'Boolean') {
                return `${node.defname} = ${argValue}`;
            }
            const quotedValue = typeof argValue === 'string'
                ? quotes_1.QuoteUtils.escape(argValue)
                : argValue;
            return `${node.defname} = ${quotedValue}`;
        }
        // Handle CREATE TYPE boolean flags - preserve quoted case for attributes like "Passedbyvalue"
        if (context.parentNodeTypes.includes('DefineStmt') && !node.arg) {
            // Check if the original defname appears to be quoted (mixed case that's not all upper/lower)
            if (node.defname !== node.defname.toLowerCase() && node.defname !== node.defname.toUpperCase()) {
                return quotes_1.QuoteUtils.quoteIdentifier(node.defname);
            }
        }
        return node.defname.toUpperCase();
    }
    CreateTableSpaceStmt(node, context) {
        const output = ['CREATE', 'TABLESPACE'];
        if (node.tablespacename) {
            output.push(node.tablespacename);
        }
        if (node.owner) {
            output.push('OWNER');
            output.push(this.RoleSpec(node.owner, context));
        }
        if (node.location) {
            output.push('LOCATION');
            output.push(`'${node.location}'`);
        }
        if (node.options && node.options.length > 0) {
            output.push('WITH');
            const tsContext = context.spawn('CreateTableSpaceStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, tsContext))
                .join(', ');
            output.push(`(${options})`);
        }
        return output.join(' ');
    }
    DropTableSpaceStmt(node, context) {
        const output = ['DROP', 'TABLESPACE'];
        if (node.missing_ok) {
            output.push('IF', 'EXISTS');
        }
        if (node.tablespacename) {
            output.push(node.tablespacename);
        }
        return output.join(' ');
    }
    AlterTableSpaceOptionsStmt(node, context) {
        const output = ['ALTER', 'TABLESPACE'];
        if (node.tablespacename) {
            output.push(node.tablespacename);
        }
        if (node.isReset) {
            output.push('RESET');
        }
        else {
            output.push('SET');
        }
        if (node.options && node.options.length > 0) {
            const tablespaceContext = context.spawn('AlterTableSpaceOptionsStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, tablespaceContext))
                .join(', ');
            output.push(`(${options})`);
        }
        return output.join(' ');
    }
    CreateExtensionStmt(node, context) {
        const output = ['CREATE', 'EXTENSION'];
        if (node.if_not_exists) {
            output.push('IF', 'NOT', 'EXISTS');
        }
        if (node.extname) {
            output.push(this.quoteIfNeeded(node.extname));
        }
        if (node.options && node.options.length > 0) {
            const extContext = context.spawn('CreateExtensionStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, extContext))
                .join(' ');
            output.push(options);
        }
        return output.join(' ');
    }
    AlterExtensionStmt(node, context) {
        const output = ['ALTER', 'EXTENSION'];
        if (node.extname) {
            output.push(this.quoteIfNeeded(node.extname));
        }
        if (node.options && node.options.length > 0) {
            const extContext = context.spawn('AlterExtensionStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, extContext))
                .join(' ');
            output.push(options);
        }
        return output.join(' ');
    }
    AlterExtensionContentsStmt(node, context) {
        const output = ['ALTER', 'EXTENSION'];
        if (node.extname) {
            output.push(this.quoteIfNeeded(node.extname));
        }
        // Handle action: 1 = ADD, -1 = DROP
        if (node.action === 1) {
            output.push('ADD');
        }
        else if (node.action === -1) {
            output.push('DROP');
        }
        // Add object type keyword
        if (node.objtype) {
            try {
                output.push(this.getObjectTypeKeyword(node.objtype));
            }
            catch {
                // Fallback to the raw objtype if not supported
                output.push(node.objtype.toString());
            }
        }
        // Add the object itself
        if (node.object) {
            output.push(this.visit(node.object, context));
        }
        return output.join(' ');
    }
    CreateFdwStmt(node, context) {
        const output = ['CREATE', 'FOREIGN', 'DATA', 'WRAPPER'];
        if (node.fdwname) {
            output.push(node.fdwname);
        }
        if (node.func_options && node.func_options.length > 0) {
            const fdwContext = context.spawn('CreateFdwStmt');
            const funcOptions = list_utils_1.ListUtils.unwrapList(node.func_options)
                .map(option => this.visit(option, fdwContext))
                .join(' ');
            output.push(funcOptions);
        }
        if (node.options && node.options.length > 0) {
            output.push('OPTIONS');
            const fdwContext = context.spawn('CreateFdwStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, fdwContext))
                .join(', ');
            output.push(`(${options})`);
        }
        return output.join(' ');
    }
    SetOperationStmt(node, context) {
        const output = [];
        if (node.larg) {
            output.push(this.visit(node.larg, context));
        }
        if (node.op) {
            switch (node.op) {
                case 'SETOP_UNION':
                    output.push(node.all ? 'UNION ALL' : 'UNION');
                    break;
                case 'SETOP_INTERSECT':
                    output.push(node.all ? 'INTERSECT ALL' : 'INTERSECT');
                    break;
                case 'SETOP_EXCEPT':
                    output.push(node.all ? 'EXCEPT ALL' : 'EXCEPT');
                    break;
                default:
                    throw new Error(`Unsupported SetOperation: ${node.op}`);
            }
        }
        if (node.rarg) {
            output.push(this.visit(node.rarg, context));
        }
        return output.join(' ');
    }
    ReplicaIdentityStmt(node, context) {
        const output = [];
        if (node.identity_type) {
            switch (node.identity_type) {
                case 'd':
                case 'REPLICA_IDENTITY_DEFAULT':
                    output.push('DEFAULT');
                    break;
                case 'f':
                case 'REPLICA_IDENTITY_FULL':
                    output.push('FULL');
                    break;
                case 'n':
                case 'REPLICA_IDENTITY_NOTHING':
                    output.push('NOTHING');
                    break;
                case 'i':
                case 'REPLICA_IDENTITY_INDEX':
                    output.push('USING', 'INDEX');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                default:
                    throw new Error(`Unsupported replica identity type: ${node.identity_type}`);
            }
        }
        return output.join(' ');
    }
    AlterCollationStmt(node, context) {
        const output = ['ALTER', 'COLLATION'];
        if (node.collname && node.collname.length > 0) {
            const collationName = list_utils_1.ListUtils.unwrapList(node.collname)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(collationName);
        }
        output.push('REFRESH', 'VERSION');
        return output.join(' ');
    }
    AlterDomainStmt(node, context) {
        const output = ['ALTER', 'DOMAIN'];
        if (node.typeName && node.typeName.length > 0) {
            const domainName = list_utils_1.ListUtils.unwrapList(node.typeName)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(domainName);
        }
        if (node.subtype) {
            switch (node.subtype) {
                case 'AT_SetNotNull':
                    output.push('SET', 'NOT', 'NULL');
                    break;
                case 'AT_DropNotNull':
                    output.push('DROP', 'NOT', 'NULL');
                    break;
                case 'AT_SetDefault':
                    output.push('SET', 'DEFAULT');
                    if (node.def) {
                        output.push(this.visit(node.def, context));
                    }
                    break;
                case 'AT_DropDefault':
                    output.push('DROP', 'DEFAULT');
                    break;
                case 'AT_AddConstraint':
                    output.push('ADD');
                    if (node.def) {
                        // Pass domain context to avoid adding constraint names for domain constraints
                        const domainContext = context.spawn('CreateDomainStmt', { isDomainConstraint: true });
                        output.push(this.visit(node.def, domainContext));
                    }
                    break;
                case 'AT_DropConstraint':
                    output.push('DROP', 'CONSTRAINT');
                    if (node.missing_ok) {
                        output.push('IF', 'EXISTS');
                    }
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    if (node.behavior === 'DROP_CASCADE') {
                        output.push('CASCADE');
                    }
                    break;
                case 'AT_ValidateConstraint':
                    output.push('VALIDATE', 'CONSTRAINT');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'C':
                    output.push('ADD');
                    if (node.def) {
                        // Pass domain context to avoid adding constraint names for domain constraints
                        const domainContext = context.spawn('CreateDomainStmt', { isDomainConstraint: true });
                        output.push(this.visit(node.def, domainContext));
                    }
                    break;
                case 'X':
                    output.push('DROP', 'CONSTRAINT');
                    if (node.missing_ok) {
                        output.push('IF', 'EXISTS');
                    }
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    if (node.behavior === 'DROP_CASCADE') {
                        output.push('CASCADE');
                    }
                    break;
                case 'V':
                    output.push('VALIDATE', 'CONSTRAINT');
                    if (node.name) {
                        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
                    }
                    break;
                case 'O':
                    output.push('SET', 'NOT', 'NULL');
                    break;
                case 'N':
                    output.push('DROP', 'NOT', 'NULL');
                    break;
                case 'T':
                    if (node.def) {
                        output.push('SET', 'DEFAULT');
                        output.push(this.visit(node.def, context));
                    }
                    else {
                        output.push('DROP', 'DEFAULT');
                    }
                    break;
                default:
                    throw new Error(`Unsupported AlterDomainStmt subtype: ${node.subtype}`);
            }
        }
        return output.join(' ');
    }
    PrepareStmt(node, context) {
        const output = ['PREPARE'];
        if (node.name) {
            output.push(node.name);
        }
        if (node.argtypes && node.argtypes.length > 0) {
            const argTypes = list_utils_1.ListUtils.unwrapList(node.argtypes)
                .map(argType => this.visit(argType, context))
                .join(', ');
            output.push(`(${argTypes})`);
        }
        output.push('AS');
        if (node.query) {
            output.push(this.visit(node.query, context));
        }
        return output.join(' ');
    }
    ExecuteStmt(node, context) {
        const output = ['EXECUTE'];
        if (node.name) {
            output.push(node.name);
        }
        if (node.params && node.params.length > 0) {
            const params = list_utils_1.ListUtils.unwrapList(node.params)
                .map(param => this.visit(param, context))
                .join(', ');
            output.push(`(${params})`);
        }
        return output.join(' ');
    }
    DeallocateStmt(node, context) {
        const output = ['DEALLOCATE'];
        if (node.isall) {
            output.push('ALL');
        }
        else if (node.name) {
            output.push(node.name);
        }
        return output.join(' ');
    }
    NotifyStmt(node, context) {
        const output = ['NOTIFY'];
        if (node.conditionname) {
            output.push(node.conditionname);
        }
        if (node.payload !== null && node.payload !== undefined) {
            output.push(',');
            output.push(`'${node.payload}'`);
        }
        return output.join(' ');
    }
    ListenStmt(node, context) {
        const output = ['LISTEN'];
        if (node.conditionname) {
            output.push(node.conditionname);
        }
        return output.join(' ');
    }
    UnlistenStmt(node, context) {
        const output = ['UNLISTEN'];
        if (node.conditionname) {
            output.push(node.conditionname);
        }
        else {
            output.push('*');
        }
        return output.join(' ');
    }
    CheckPointStmt(node, context) {
        return 'CHECKPOINT';
    }
    LoadStmt(node, context) {
        if (!node.filename) {
            throw new Error('LoadStmt requires filename');
        }
        return `LOAD '${node.filename}'`;
    }
    DiscardStmt(node, context) {
        switch (node.target) {
            case 'DISCARD_ALL':
                return 'DISCARD ALL';
            case 'DISCARD_PLANS':
                return 'DISCARD PLANS';
            case 'DISCARD_SEQUENCES':
                return 'DISCARD SEQUENCES';
            case 'DISCARD_TEMP':
                return 'DISCARD TEMP';
            default:
                throw new Error(`Unsupported DiscardStmt target: ${node.target}`);
        }
    }
    CommentStmt(node, context) {
        const output = ['COMMENT ON'];
        if (node.objtype) {
            switch (node.objtype) {
                case 'OBJECT_TABLE':
                    output.push('TABLE');
                    break;
                case 'OBJECT_COLUMN':
                    output.push('COLUMN');
                    break;
                case 'OBJECT_INDEX':
                    output.push('INDEX');
                    break;
                case 'OBJECT_FUNCTION':
                    output.push('FUNCTION');
                    break;
                case 'OBJECT_VIEW':
                    output.push('VIEW');
                    break;
                case 'OBJECT_SCHEMA':
                    output.push('SCHEMA');
                    break;
                case 'OBJECT_DATABASE':
                    output.push('DATABASE');
                    break;
                case 'OBJECT_MATVIEW':
                    output.push('MATERIALIZED VIEW');
                    break;
                case 'OBJECT_TABCONSTRAINT':
                    output.push('CONSTRAINT');
                    break;
                case 'OBJECT_DOMCONSTRAINT':
                    output.push('CONSTRAINT');
                    break;
                case 'OBJECT_TRIGGER':
                    output.push('TRIGGER');
                    break;
                case 'OBJECT_FDW':
                    output.push('FOREIGN DATA WRAPPER');
                    break;
                case 'OBJECT_EVENT_TRIGGER':
                    output.push('EVENT TRIGGER');
                    break;
                case 'OBJECT_FOREIGN_SERVER':
                    output.push('SERVER');
                    break;
                case 'OBJECT_FOREIGN_TABLE':
                    output.push('FOREIGN TABLE');
                    break;
                case 'OBJECT_STATISTIC_EXT':
                    output.push('STATISTICS');
                    break;
                case 'OBJECT_LARGEOBJECT':
                    output.push('LARGE OBJECT');
                    break;
                case 'OBJECT_OPERATOR':
                    output.push('OPERATOR');
                    break;
                case 'OBJECT_OPCLASS':
                    output.push('OPERATOR CLASS');
                    break;
                case 'OBJECT_OPFAMILY':
                    output.push('OPERATOR FAMILY');
                    break;
                case 'OBJECT_POLICY':
                    output.push('POLICY');
                    break;
                case 'OBJECT_TSPARSER':
                    output.push('TEXT SEARCH PARSER');
                    break;
                case 'OBJECT_TSDICTIONARY':
                    output.push('TEXT SEARCH DICTIONARY');
                    break;
                case 'OBJECT_TSTEMPLATE':
                    output.push('TEXT SEARCH TEMPLATE');
                    break;
                case 'OBJECT_TSCONFIGURATION':
                    output.push('TEXT SEARCH CONFIGURATION');
                    break;
                case 'OBJECT_TRANSFORM':
                    output.push('TRANSFORM');
                    break;
                default:
                    output.push(node.objtype.replace('OBJECT_', ''));
            }
        }
        if (node.object) {
            // Handle object names specially for CommentStmt
            if (node.object && typeof node.object === 'object' && 'List' in node.object) {
                const list = node.object.List;
                if (list.items && list.items.length > 0) {
                    const objectParts = list_utils_1.ListUtils.unwrapList(list.items)
                        .map(item => this.visit(item, context));
                    if (node.objtype === 'OBJECT_TABCONSTRAINT') {
                        if (objectParts.length === 3) {
                            const [schema, table, constraint] = objectParts;
                            output.push(constraint);
                            output.push('ON');
                            output.push(`${schema}.${table}`);
                        }
                        else if (objectParts.length === 2) {
                            const [table, constraint] = objectParts;
                            output.push(constraint);
                            output.push('ON');
                            output.push(table);
                        }
                        else {
                            output.push(objectParts.join('.'));
                        }
                    }
                    else if (node.objtype === 'OBJECT_DOMCONSTRAINT') {
                        if (objectParts.length === 2) {
                            const [domain, constraint] = objectParts;
                            output.push(constraint, 'ON DOMAIN', domain);
                        }
                        else {
                            output.push(objectParts.join('.'));
                        }
                    }
                    else if (node.objtype === 'OBJECT_TRIGGER') {
                        if (objectParts.length === 2) {
                            const [table, trigger] = objectParts;
                            output.push(trigger);
                            output.push('ON');
                            output.push(table);
                        }
                        else {
                            output.push(objectParts.join('.'));
                        }
                    }
                    else if (node.objtype === 'OBJECT_RULE') {
                        if (objectParts.length === 2) {
                            const [table, rule] = objectParts;
                            output.push(rule);
                            output.push('ON');
                            output.push(table);
                        }
                        else {
                            output.push(objectParts.join('.'));
                        }
                    }
                    else if (node.objtype === 'OBJECT_OPERATOR') {
                        // Handle OPERATOR syntax: COMMENT ON OPERATOR -(NONE, integer) IS 'comment'
                        // For operators, we need to handle ObjectWithArgs structure
                        if (node.object && node.object.ObjectWithArgs) {
                            const objWithArgs = node.object.ObjectWithArgs;
                            let operatorName = objWithArgs.objname && objWithArgs.objname[0] && objWithArgs.objname[0].String
                                ? objWithArgs.objname[0].String.sval : 'unknown';
                            if (operatorName.startsWith('"') && operatorName.endsWith('"')) {
                                operatorName = operatorName.slice(1, -1);
                            }
                            const args = [];
                            if (objWithArgs.objargs) {
                                objWithArgs.objargs.forEach((arg) => {
                                    if (!arg || Object.keys(arg).length === 0) {
                                        args.push('NONE');
                                    }
                                    else if (arg.TypeName) {
                                        const typeName = this.visit(arg, context);
                                        args.push(typeName);
                                    }
                                    else {
                                        args.push('unknown');
                                    }
                                });
                            }
                            output.push(`${operatorName} (${args.join(', ')})`);
                        }
                        else {
                            output.push(objectParts.join('.'));
                        }
                    }
                    else if (node.objtype === 'OBJECT_OPCLASS' || node.objtype === 'OBJECT_OPFAMILY') {
                        // Handle OPERATOR CLASS/FAMILY syntax: don't prefix with schema
                        if (objectParts.length >= 2) {
                            const className = objectParts[objectParts.length - 1];
                            const accessMethod = objectParts[objectParts.length - 2];
                            output.push(`${className} USING ${accessMethod}`);
                        }
                        else {
                            output.push(objectParts.join(' USING '));
                        }
                    }
                    else if (node.objtype === 'OBJECT_POLICY') {
                        // Handle POLICY syntax: COMMENT ON POLICY policy_name ON table_name IS 'comment'
                        if (objectParts.length === 2) {
                            const [table, policy] = objectParts;
                            output.push(policy);
                            output.push('ON');
                            output.push(table);
                        }
                        else {
                            output.push(objectParts.join('.'));
                        }
                    }
                    else if (node.objtype === 'OBJECT_TRANSFORM') {
                        // Handle TRANSFORM syntax: COMMENT ON TRANSFORM FOR type LANGUAGE language IS 'comment'
                        if (objectParts.length === 2) {
                            const [type, language] = objectParts;
                            output.push('FOR');
                            output.push(type);
                            output.push('LANGUAGE');
                            output.push(language);
                        }
                        else {
                            output.push(objectParts.join('.'));
                        }
                    }
                    else {
                        output.push(objectParts.join('.'));
                    }
                }
            }
            else if (node.objtype === 'OBJECT_OPERATOR' && node.object && node.object.ObjectWithArgs) {
                // Handle direct ObjectWithArgs for OPERATOR syntax: COMMENT ON OPERATOR -(NONE, integer) IS 'comment'
                const objWithArgs = node.object.ObjectWithArgs;
                let operatorName = objWithArgs.objname && objWithArgs.objname[0] && objWithArgs.objname[0].String
                    ? objWithArgs.objname[0].String.sval : 'unknown';
                // Remove quotes from operator name if present
                if (operatorName.startsWith('"') && operatorName.endsWith('"')) {
                    operatorName = operatorName.slice(1, -1);
                }
                const args = [];
                if (objWithArgs.objargs) {
                    objWithArgs.objargs.forEach((arg) => {
                        if (!arg || Object.keys(arg).length === 0) {
                            args.push('NONE');
                        }
                        else if (arg.TypeName) {
                            const typeName = this.visit(arg, context);
                            args.push(typeName);
                        }
                        else {
                            args.push('unknown');
                        }
                    });
                }
                output.push(`${operatorName}(${args.join(', ')})`);
            }
            else {
                const objContext = context.spawn('CommentStmt', { objtype: node.objtype });
                output.push(this.visit(node.object, objContext));
            }
        }
        output.push('IS');
        if (node.comment === null || node.comment === undefined) {
            output.push('NULL');
        }
        else if (node.comment) {
            output.push(quotes_1.QuoteUtils.formatEString(node.comment));
        }
        return output.join(' ');
    }
    LockStmt(node, context) {
        const output = ['LOCK', 'TABLE'];
        if (node.relations && node.relations.length > 0) {
            const relations = list_utils_1.ListUtils.unwrapList(node.relations)
                .map(rel => this.visit(rel, context))
                .join(', ');
            output.push(relations);
        }
        if (node.mode !== undefined) {
            const lockModes = [
                '', // mode 0 (unused)
                'ACCESS SHARE', // mode 1
                'ROW SHARE', // mode 2
                'ROW EXCLUSIVE', // mode 3
                'SHARE UPDATE EXCLUSIVE', // mode 4
                'SHARE', // mode 5
                'SHARE ROW EXCLUSIVE', // mode 6
                'EXCLUSIVE', // mode 7
                'ACCESS EXCLUSIVE' // mode 8
            ];
            if (node.mode >= 1 && node.mode < lockModes.length) {
                output.push('IN', lockModes[node.mode], 'MODE');
            }
        }
        if (node.nowait) {
            output.push('NOWAIT');
        }
        return output.join(' ');
    }
    CreatePolicyStmt(node, context) {
        const output = [];
        const initialParts = ['CREATE', 'POLICY'];
        if (node.policy_name) {
            initialParts.push(quotes_1.QuoteUtils.quoteIdentifier(node.policy_name));
        }
        output.push(initialParts.join(' '));
        // Add ON clause on new line in pretty mode
        if (node.table) {
            if (context.isPretty()) {
                output.push(context.newline() + context.indent(`ON ${this.RangeVar(node.table, context)}`));
            }
            else {
                output.push('ON');
                output.push(this.RangeVar(node.table, context));
            }
        }
        // Handle AS RESTRICTIVE/PERMISSIVE clause
        if (node.permissive === undefined) {
            if (context.isPretty()) {
                output.push(context.newline() + context.indent('AS RESTRICTIVE'));
            }
            else {
                output.push('AS', 'RESTRICTIVE');
            }
        }
        else if (node.permissive === true) {
            if (context.isPretty()) {
                output.push(context.newline() + context.indent('AS PERMISSIVE'));
            }
            else {
                output.push('AS', 'PERMISSIVE');
            }
        }
        if (node.cmd_name) {
            if (context.isPretty()) {
                output.push(context.newline() + context.indent(`FOR ${node.cmd_name.toUpperCase()}`));
            }
            else {
                output.push('FOR', node.cmd_name.toUpperCase());
            }
        }
        if (node.roles && node.roles.length > 0) {
            const roles = list_utils_1.ListUtils.unwrapList(node.roles).map(role => this.visit(role, context));
            if (context.isPretty()) {
                output.push(context.newline() + context.indent(`TO ${roles.join(', ')}`));
            }
            else {
                output.push('TO');
                output.push(roles.join(', '));
            }
        }
        if (node.qual) {
            if (context.isPretty()) {
                const qualExpr = this.visit(node.qual, context);
                output.push(context.newline() + context.indent('USING ('));
                output.push(context.newline() + context.indent(context.indent(qualExpr)));
                output.push(context.newline() + context.indent(')'));
            }
            else {
                output.push('USING');
                output.push(`(${this.visit(node.qual, context)})`);
            }
        }
        if (node.with_check) {
            if (context.isPretty()) {
                const checkExpr = this.visit(node.with_check, context);
                output.push(context.newline() + context.indent('WITH CHECK ('));
                output.push(context.newline() + context.indent(context.indent(checkExpr)));
                output.push(context.newline() + context.indent(')'));
            }
            else {
                output.push('WITH CHECK');
                output.push(`(${this.visit(node.with_check, context)})`);
            }
        }
        return context.isPretty() ? output.join('') : output.join(' ');
    }
    AlterPolicyStmt(node, context) {
        const output = ['ALTER', 'POLICY'];
        if (node.policy_name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.policy_name));
        }
        if (node.table) {
            output.push('ON');
            output.push(this.RangeVar(node.table, context));
        }
        if (node.roles && node.roles.length > 0) {
            output.push('TO');
            const roles = list_utils_1.ListUtils.unwrapList(node.roles).map(role => this.visit(role, context));
            output.push(roles.join(', '));
        }
        if (node.qual) {
            output.push('USING');
            output.push(`(${this.visit(node.qual, context)})`);
        }
        if (node.with_check) {
            output.push('WITH CHECK');
            output.push(`(${this.visit(node.with_check, context)})`);
        }
        return output.join(' ');
    }
    CreateUserMappingStmt(node, context) {
        const output = ['CREATE'];
        if (node.if_not_exists) {
            output.push('IF', 'NOT', 'EXISTS');
        }
        output.push('USER', 'MAPPING');
        output.push('FOR');
        if (node.user) {
            output.push(this.RoleSpec(node.user, context));
        }
        else {
            output.push('CURRENT_USER');
        }
        output.push('SERVER');
        if (node.servername) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.servername));
        }
        if (node.options && node.options.length > 0) {
            output.push('OPTIONS');
            const userMappingContext = context.spawn('CreateUserMappingStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, userMappingContext));
            output.push(`(${options.join(', ')})`);
        }
        return output.join(' ');
    }
    CreateStatsStmt(node, context) {
        const output = ['CREATE'];
        if (node.if_not_exists) {
            output.push('IF', 'NOT', 'EXISTS');
        }
        output.push('STATISTICS');
        if (node.defnames && node.defnames.length > 0) {
            const names = list_utils_1.ListUtils.unwrapList(node.defnames).map(name => this.visit(name, context));
            output.push(names.join('.'));
        }
        if (node.stat_types && node.stat_types.length > 0) {
            const types = list_utils_1.ListUtils.unwrapList(node.stat_types).map(type => this.visit(type, context));
            output.push(`(${types.join(', ')})`);
        }
        output.push('ON');
        if (node.exprs && node.exprs.length > 0) {
            const exprs = list_utils_1.ListUtils.unwrapList(node.exprs).map(expr => this.visit(expr, context));
            output.push(exprs.join(', '));
        }
        if (node.relations && node.relations.length > 0) {
            output.push('FROM');
            const relations = list_utils_1.ListUtils.unwrapList(node.relations).map(rel => this.visit(rel, context));
            output.push(relations.join(', '));
        }
        return output.join(' ');
    }
    StatsElem(node, context) {
        if (node.name) {
            return this.quoteIfNeeded(node.name);
        }
        else if (node.expr) {
            return `(${this.visit(node.expr, context)})`;
        }
        return '';
    }
    CreatePublicationStmt(node, context) {
        const output = ['CREATE', 'PUBLICATION'];
        if (node.pubname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.pubname));
        }
        if (node.pubobjects && node.pubobjects.length > 0) {
            output.push('FOR');
            const tables = list_utils_1.ListUtils.unwrapList(node.pubobjects).map(table => this.visit(table, context));
            output.push(tables.join(', '));
        }
        else if (node.for_all_tables) {
            output.push('FOR', 'ALL', 'TABLES');
        }
        if (node.options && node.options.length > 0) {
            output.push('WITH');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, context));
            output.push(`(${options.join(', ')})`);
        }
        return output.join(' ');
    }
    CreateSubscriptionStmt(node, context) {
        const output = ['CREATE', 'SUBSCRIPTION'];
        if (node.subname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.subname));
        }
        output.push('CONNECTION');
        if (node.conninfo) {
            output.push(`'${node.conninfo}'`);
        }
        output.push('PUBLICATION');
        if (node.publication && node.publication.length > 0) {
            const publications = list_utils_1.ListUtils.unwrapList(node.publication).map(pub => this.visit(pub, context));
            output.push(publications.join(', '));
        }
        if (node.options && node.options.length > 0) {
            output.push('WITH');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, context));
            output.push(`(${options.join(', ')})`);
        }
        return output.join(' ');
    }
    AlterPublicationStmt(node, context) {
        const output = ['ALTER', 'PUBLICATION'];
        if (node.pubname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.pubname));
        }
        const hasObjects = node.pubobjects && node.pubobjects.length > 0;
        if (hasObjects) {
            switch (node.action || 'AP_AddObjects') {
                case 'AP_AddObjects':
                    output.push('ADD');
                    break;
                case 'AP_DropObjects':
                    output.push('DROP');
                    break;
                case 'AP_SetObjects':
                    output.push('SET');
                    break;
                default:
                    throw new Error(`Unsupported AlterPublicationStmt action: ${node.action}`);
            }
            const objects = list_utils_1.ListUtils.unwrapList(node.pubobjects).map(obj => this.visit(obj, context));
            output.push(objects.join(', '));
        }
        else if (node.options && node.options.length > 0) {
            output.push('SET');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, context));
            output.push(`(${options.join(', ')})`);
        }
        return output.join(' ');
    }
    AlterSubscriptionStmt(node, context) {
        const output = ['ALTER', 'SUBSCRIPTION'];
        if (node.subname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.subname));
        }
        const options = node.options && node.options.length > 0
            ? `(${list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, context)).join(', ')})`
            : null;
        const publications = node.publication && node.publication.length > 0
            ? list_utils_1.ListUtils.unwrapList(node.publication).map(pub => this.visit(pub, context)).join(', ')
            : null;
        {
            switch (node.kind || 'ALTER_SUBSCRIPTION_OPTIONS') {
                case 'ALTER_SUBSCRIPTION_OPTIONS':
                    output.push('SET');
                    if (options)
                        output.push(options);
                    break;
                case 'ALTER_SUBSCRIPTION_CONNECTION':
                    output.push('CONNECTION');
                    if (node.conninfo) {
                        output.push(quotes_1.QuoteUtils.escape(node.conninfo));
                    }
                    break;
                case 'ALTER_SUBSCRIPTION_SET_PUBLICATION':
                    output.push('SET PUBLICATION');
                    if (publications)
                        output.push(publications);
                    if (options)
                        output.push('WITH', options);
                    break;
                case 'ALTER_SUBSCRIPTION_ADD_PUBLICATION':
                    output.push('ADD PUBLICATION');
                    if (publications)
                        output.push(publications);
                    if (options)
                        output.push('WITH', options);
                    break;
                case 'ALTER_SUBSCRIPTION_DROP_PUBLICATION':
                    output.push('DROP PUBLICATION');
                    if (publications)
                        output.push(publications);
                    if (options)
                        output.push('WITH', options);
                    break;
                case 'ALTER_SUBSCRIPTION_REFRESH':
                    output.push('REFRESH PUBLICATION');
                    if (options)
                        output.push('WITH', options);
                    break;
                case 'ALTER_SUBSCRIPTION_ENABLED': {
                    const enabled = list_utils_1.ListUtils.unwrapList(node.options).find(opt => opt.DefElem?.defname === 'enabled');
                    const arg = enabled?.DefElem?.arg;
                    const isEnabled = arg?.Boolean ? arg.Boolean.boolval !== false : true;
                    output.push(isEnabled ? 'ENABLE' : 'DISABLE');
                    break;
                }
                case 'ALTER_SUBSCRIPTION_SKIP':
                    output.push('SKIP');
                    if (options)
                        output.push(options);
                    break;
                default:
                    throw new Error(`Unsupported AlterSubscriptionStmt kind: ${node.kind}`);
            }
        }
        return output.join(' ');
    }
    DropSubscriptionStmt(node, context) {
        const output = ['DROP', 'SUBSCRIPTION'];
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        if (node.subname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.subname));
        }
        if (node.behavior) {
            switch (node.behavior) {
                case 'DROP_CASCADE':
                    output.push('CASCADE');
                    break;
                case 'DROP_RESTRICT':
                    output.push('RESTRICT');
                    break;
            }
        }
        return output.join(' ');
    }
    DoStmt(node, context) {
        const output = ['DO'];
        if (node.args && node.args.length > 0) {
            const doContext = context.spawn('DoStmt');
            const args = list_utils_1.ListUtils.unwrapList(node.args);
            const processedArgs = [];
            for (const arg of args) {
                const nodeType = this.getNodeType(arg);
                if (nodeType === 'DefElem') {
                    const defElem = this.getNodeData(arg);
                    if (defElem.defname === 'language') {
                        const langValue = this.visit(defElem.arg, doContext);
                        processedArgs.push(`LANGUAGE ${langValue}`);
                    }
                    else if (defElem.defname === 'as') {
                        // Handle code block with configurable delimiter
                        const argNodeType = this.getNodeType(defElem.arg);
                        if (argNodeType === 'String') {
                            const stringNode = this.getNodeData(defElem.arg);
                            const delimiter = this.getFunctionDelimiter(stringNode.sval);
                            processedArgs.push(`${delimiter}${stringNode.sval}${delimiter}`);
                        }
                        else {
                            processedArgs.push(this.visit(defElem.arg, doContext));
                        }
                    }
                }
            }
            output.push(...processedArgs);
        }
        return output.join(' ');
    }
    generateUniqueDollarTag(content) {
        // Check if content contains nested dollar quotes
        const dollarQuotePattern = /\$[a-zA-Z0-9_]*\$/g;
        const matches = content.match(dollarQuotePattern) || [];
        if (matches.length === 0) {
            return '$$';
        }
        const existingTags = new Set(matches);
        // Check if $$ is already used
        if (existingTags.has('$$')) {
            let counter = 1;
            let tag = `$do${counter}$`;
            while (existingTags.has(tag)) {
                counter++;
                tag = `$do${counter}$`;
            }
            return tag;
        }
        return '$$';
    }
    InlineCodeBlock(node, context) {
        if (node.source_text) {
            const delimiter = this.getFunctionDelimiter(node.source_text);
            return `${delimiter}${node.source_text}${delimiter}`;
        }
        const delimiter = this.options.functionDelimiter || '$$';
        return `${delimiter}${delimiter}`;
    }
    CallContext(node, context) {
        if (node.atomic !== undefined) {
            return node.atomic ? 'ATOMIC' : 'NOT ATOMIC';
        }
        return '';
    }
    ConstraintsSetStmt(node, context) {
        const output = ['SET', 'CONSTRAINTS'];
        if (node.constraints && node.constraints.length > 0) {
            const constraints = list_utils_1.ListUtils.unwrapList(node.constraints).map(constraint => this.visit(constraint, context));
            output.push(constraints.join(', '));
        }
        else {
            output.push('ALL');
        }
        output.push(node.deferred ? 'DEFERRED' : 'IMMEDIATE');
        return output.join(' ');
    }
    AlterSystemStmt(node, context) {
        const output = ['ALTER', 'SYSTEM'];
        if (node.setstmt) {
            const setStmt = this.VariableSetStmt(node.setstmt, context);
            const setStmtWithoutPrefix = setStmt.replace(/^SET\s+/, '');
            output.push('SET', setStmtWithoutPrefix);
        }
        return output.join(' ');
    }
    VacuumRelation(node, context) {
        const output = [];
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
        }
        if (node.va_cols && node.va_cols.length > 0) {
            output.push('(');
            const columns = list_utils_1.ListUtils.unwrapList(node.va_cols).map(col => this.visit(col, context));
            output.push(columns.join(', '));
            output.push(')');
        }
        return output.join(' ');
    }
    DropOwnedStmt(node, context) {
        const output = ['DROP', 'OWNED', 'BY'];
        if (node.roles && node.roles.length > 0) {
            const roles = list_utils_1.ListUtils.unwrapList(node.roles).map(role => this.visit(role, context));
            output.push(roles.join(', '));
        }
        if (node.behavior) {
            switch (node.behavior) {
                case 'DROP_CASCADE':
                    output.push('CASCADE');
                    break;
                case 'DROP_RESTRICT':
                    output.push('RESTRICT');
                    break;
            }
        }
        return output.join(' ');
    }
    ReassignOwnedStmt(node, context) {
        const output = ['REASSIGN', 'OWNED', 'BY'];
        if (node.roles && node.roles.length > 0) {
            const roles = list_utils_1.ListUtils.unwrapList(node.roles).map(role => this.visit(role, context));
            output.push(roles.join(', '));
        }
        output.push('TO');
        if (node.newrole) {
            output.push(this.RoleSpec(node.newrole, context));
        }
        return output.join(' ');
    }
    AlterTSDictionaryStmt(node, context) {
        const output = ['ALTER', 'TEXT', 'SEARCH', 'DICTIONARY'];
        if (node.dictname && node.dictname.length > 0) {
            const dictName = list_utils_1.ListUtils.unwrapList(node.dictname).map(name => this.visit(name, context));
            output.push(dictName.join('.'));
        }
        if (node.options && node.options.length > 0) {
            output.push('(');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, context));
            output.push(options.join(', '));
            output.push(')');
        }
        return output.join(' ');
    }
    AlterTSConfigurationStmt(node, context) {
        const output = ['ALTER', 'TEXT', 'SEARCH', 'CONFIGURATION'];
        if (node.cfgname && node.cfgname.length > 0) {
            const cfgName = list_utils_1.ListUtils.unwrapList(node.cfgname).map(name => this.visit(name, context));
            output.push(cfgName.join('.'));
        }
        if (node.kind) {
            switch (node.kind) {
                case 'ALTER_TSCONFIG_ADD_MAPPING':
                    output.push('ADD', 'MAPPING', 'FOR');
                    if (node.tokentype && node.tokentype.length > 0) {
                        const tokenTypes = list_utils_1.ListUtils.unwrapList(node.tokentype).map(token => this.visit(token, context));
                        output.push(tokenTypes.join(', '));
                    }
                    if (node.dicts && node.dicts.length > 0) {
                        output.push('WITH');
                        const dictNames = list_utils_1.ListUtils.unwrapList(node.dicts).map(dict => {
                            if (dict.List && dict.List.items) {
                                return list_utils_1.ListUtils.unwrapList(dict.List.items).map(item => this.visit(item, context)).join('.');
                            }
                            return this.visit(dict, context);
                        });
                        output.push(dictNames.join(', '));
                    }
                    break;
                case 'ALTER_TSCONFIG_ALTER_MAPPING_FOR_TOKEN':
                    output.push('ALTER', 'MAPPING', 'FOR');
                    if (node.tokentype && node.tokentype.length > 0) {
                        const tokenTypes = list_utils_1.ListUtils.unwrapList(node.tokentype).map(token => this.visit(token, context));
                        output.push(tokenTypes.join(', '));
                    }
                    if (node.dicts && node.dicts.length > 0) {
                        output.push('WITH');
                        const dictNames = list_utils_1.ListUtils.unwrapList(node.dicts).map(dict => {
                            if (dict.List && dict.List.items) {
                                return list_utils_1.ListUtils.unwrapList(dict.List.items).map(item => this.visit(item, context)).join('.');
                            }
                            return this.visit(dict, context);
                        });
                        output.push(dictNames.join(', '));
                    }
                    break;
                case 'ALTER_TSCONFIG_REPLACE_DICT':
                    output.push('ALTER', 'MAPPING', 'REPLACE');
                    if (node.dicts && node.dicts.length >= 2) {
                        const dictNames = list_utils_1.ListUtils.unwrapList(node.dicts).map(dict => {
                            if (dict.List && dict.List.items) {
                                return list_utils_1.ListUtils.unwrapList(dict.List.items).map(item => this.visit(item, context)).join('.');
                            }
                            return this.visit(dict, context);
                        });
                        output.push(dictNames[0], 'WITH', dictNames.slice(1).join(', '));
                    }
                    break;
                case 'ALTER_TSCONFIG_REPLACE_DICT_FOR_TOKEN':
                    output.push('ALTER', 'MAPPING', 'FOR');
                    if (node.tokentype && node.tokentype.length > 0) {
                        const tokenTypes = list_utils_1.ListUtils.unwrapList(node.tokentype).map(token => this.visit(token, context));
                        output.push(tokenTypes.join(', '));
                    }
                    if (node.dicts && node.dicts.length >= 2) {
                        output.push('REPLACE');
                        const dictNames = list_utils_1.ListUtils.unwrapList(node.dicts).map(dict => {
                            if (dict.List && dict.List.items) {
                                return list_utils_1.ListUtils.unwrapList(dict.List.items).map(item => this.visit(item, context)).join('.');
                            }
                            return this.visit(dict, context);
                        });
                        output.push(dictNames[0], 'WITH', dictNames.slice(1).join(', '));
                    }
                    break;
                case 'ALTER_TSCONFIG_DROP_MAPPING':
                    output.push('DROP', 'MAPPING', 'FOR');
                    if (node.tokentype && node.tokentype.length > 0) {
                        const tokenTypes = list_utils_1.ListUtils.unwrapList(node.tokentype).map(token => this.visit(token, context));
                        output.push(tokenTypes.join(', '));
                    }
                    break;
                default:
                    throw new Error(`Unsupported AlterTSConfigurationStmt kind: ${node.kind}`);
            }
        }
        return output.join(' ');
    }
    ClosePortalStmt(node, context) {
        const output = ['CLOSE'];
        if (node.portalname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.portalname));
        }
        else {
            output.push('ALL');
        }
        return output.join(' ');
    }
    FetchStmt(node, context) {
        const output = [node.ismove ? 'MOVE' : 'FETCH'];
        // Check if howMany represents "ALL" (PostgreSQL uses LONG_MAX as sentinel)
        const isAll = node.howMany === 9223372036854776000;
        // Handle direction first, then check for ALL within each direction
        if (node.direction) {
            switch (node.direction) {
                case 'FETCH_FORWARD':
                    if (isAll) {
                        output.push('FORWARD', 'ALL');
                    }
                    else if (node.howMany !== undefined && node.howMany !== null) {
                        output.push('FORWARD', node.howMany.toString());
                    }
                    else {
                        output.push('FORWARD');
                    }
                    break;
                case 'FETCH_BACKWARD':
                    if (isAll) {
                        output.push('BACKWARD', 'ALL');
                    }
                    else if (node.howMany !== undefined && node.howMany !== null) {
                        output.push('BACKWARD', node.howMany.toString());
                    }
                    else {
                        output.push('BACKWARD');
                    }
                    break;
                case 'FETCH_ABSOLUTE':
                    if (node.howMany !== undefined && node.howMany !== null) {
                        output.push('ABSOLUTE', node.howMany.toString());
                    }
                    break;
                case 'FETCH_RELATIVE':
                    if (node.howMany !== undefined && node.howMany !== null) {
                        output.push('RELATIVE', node.howMany.toString());
                    }
                    else {
                        output.push('RELATIVE', '0');
                    }
                    break;
                default:
                    throw new Error(`Unsupported FetchStmt direction: ${node.direction}`);
            }
        }
        else if (isAll) {
            // Handle plain "ALL" without direction
            output.push('ALL');
        }
        if (node.portalname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.portalname));
        }
        return output.join(' ');
    }
    AlterStatsStmt(node, context) {
        const output = ['ALTER', 'STATISTICS'];
        if (node.defnames && node.defnames.length > 0) {
            const names = list_utils_1.ListUtils.unwrapList(node.defnames).map(name => this.visit(name, context));
            output.push(names.join('.'));
        }
        output.push('SET', 'STATISTICS');
        if (node.stxstattarget) {
            output.push(this.visit(node.stxstattarget, context));
        }
        return output.join(' ');
    }
    ObjectWithArgs(node, context) {
        let result = '';
        if (node.objname && node.objname.length > 0) {
            const objContext = context.spawn('ObjectWithArgs');
            const names = list_utils_1.ListUtils.unwrapList(node.objname).map(name => this.visit(name, objContext));
            result = names.join('.');
        }
        if (node.objfuncargs && node.objfuncargs.length > 0) {
            const funcArgs = list_utils_1.ListUtils.unwrapList(node.objfuncargs).map(arg => this.visit(arg, context));
            result += `(${funcArgs.join(', ')})`;
        }
        else if (node.objargs && node.objargs.length > 0) {
            const args = list_utils_1.ListUtils.unwrapList(node.objargs).map(arg => {
                // Handle empty objects that represent NONE in operator definitions
                if (!arg || Object.keys(arg).length === 0) {
                    return 'NONE';
                }
                return this.visit(arg, context);
            });
            result += `(${args.join(', ')})`;
        }
        else if (node.args_unspecified) {
            // For functions with unspecified args, don't add parentheses
        }
        else {
            if ((context.parentNodeTypes.includes('CommentStmt') || context.parentNodeTypes.includes('DropStmt')) &&
                context.objtype === 'OBJECT_AGGREGATE') {
                result += '(*)';
            }
            else if (context.parentNodeTypes.includes('CreateOpClassItem')) {
                // For operator class items, don't add empty parentheses for operators without arguments
            }
            else {
                result += '()';
            }
        }
        return result;
    }
    AlterOperatorStmt(node, context) {
        const output = ['ALTER', 'OPERATOR'];
        if (node.opername) {
            output.push(this.ObjectWithArgs(node.opername, context));
        }
        output.push('SET');
        if (node.options && node.options.length > 0) {
            const alterOpContext = context.spawn('AlterOperatorStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, alterOpContext));
            output.push(`(${options.join(', ')})`);
        }
        return output.join(' ');
    }
    AlterFdwStmt(node, context) {
        const output = ['ALTER', 'FOREIGN', 'DATA', 'WRAPPER'];
        if (node.fdwname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.fdwname));
        }
        if (node.func_options && node.func_options.length > 0) {
            const fdwContext = context.spawn('AlterFdwStmt');
            const funcOptions = list_utils_1.ListUtils.unwrapList(node.func_options).map(opt => this.visit(opt, fdwContext));
            output.push(funcOptions.join(' '));
        }
        if (node.options && node.options.length > 0) {
            output.push('OPTIONS');
            const fdwContext = context.spawn('AlterFdwStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, fdwContext));
            output.push(`(${options.join(', ')})`);
        }
        return output.join(' ');
    }
    CreateForeignServerStmt(node, context) {
        const output = ['CREATE', 'SERVER'];
        if (node.if_not_exists) {
            output.push('IF', 'NOT', 'EXISTS');
        }
        if (node.servername) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.servername));
        }
        if (node.servertype) {
            output.push('TYPE', quotes_1.QuoteUtils.escape(node.servertype));
        }
        if (node.version) {
            output.push('VERSION', quotes_1.QuoteUtils.escape(node.version));
        }
        if (node.fdwname) {
            output.push('FOREIGN', 'DATA', 'WRAPPER', quotes_1.QuoteUtils.quoteIdentifier(node.fdwname));
        }
        if (node.options && node.options.length > 0) {
            output.push('OPTIONS');
            output.push('(');
            const optionsContext = context.spawn('CreateForeignServerStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, optionsContext));
            output.push(options.join(', '));
            output.push(')');
        }
        return output.join(' ');
    }
    AlterForeignServerStmt(node, context) {
        const output = ['ALTER', 'SERVER'];
        if (node.servername) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.servername));
        }
        if (node.version) {
            output.push('VERSION', quotes_1.QuoteUtils.escape(node.version));
        }
        if (node.options && node.options.length > 0) {
            output.push('OPTIONS');
            output.push('(');
            const optionsContext = context.spawn('AlterForeignServerStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, optionsContext));
            output.push(options.join(', '));
            output.push(')');
        }
        return output.join(' ');
    }
    AlterUserMappingStmt(node, context) {
        const output = ['ALTER', 'USER', 'MAPPING', 'FOR'];
        if (node.user) {
            output.push(this.RoleSpec(node.user, context));
        }
        else {
            output.push('CURRENT_USER');
        }
        output.push('SERVER');
        if (node.servername) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.servername));
        }
        if (node.options && node.options.length > 0) {
            output.push('OPTIONS');
            const userMappingContext = context.spawn('AlterUserMappingStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, userMappingContext));
            output.push(`(${options.join(', ')})`);
        }
        return output.join(' ');
    }
    DropUserMappingStmt(node, context) {
        const output = ['DROP', 'USER', 'MAPPING'];
        if (node.missing_ok) {
            output.push('IF', 'EXISTS');
        }
        output.push('FOR');
        if (node.user) {
            output.push(this.RoleSpec(node.user, context));
        }
        else {
            output.push('CURRENT_USER');
        }
        output.push('SERVER');
        if (node.servername) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.servername));
        }
        return output.join(' ');
    }
    ImportForeignSchemaStmt(node, context) {
        const output = ['IMPORT', 'FOREIGN', 'SCHEMA'];
        if (node.remote_schema) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.remote_schema));
        }
        if (node.list_type) {
            switch (node.list_type) {
                case 'FDW_IMPORT_SCHEMA_ALL':
                    break;
                case 'FDW_IMPORT_SCHEMA_LIMIT_TO':
                    output.push('LIMIT', 'TO');
                    if (node.table_list && node.table_list.length > 0) {
                        const tables = list_utils_1.ListUtils.unwrapList(node.table_list).map(table => this.visit(table, context));
                        output.push(`(${tables.join(', ')})`);
                    }
                    break;
                case 'FDW_IMPORT_SCHEMA_EXCEPT':
                    output.push('EXCEPT');
                    if (node.table_list && node.table_list.length > 0) {
                        const tables = list_utils_1.ListUtils.unwrapList(node.table_list).map(table => this.visit(table, context));
                        output.push(`(${tables.join(', ')})`);
                    }
                    break;
                default:
                    throw new Error(`Unsupported ImportForeignSchemaStmt list_type: ${node.list_type}`);
            }
        }
        output.push('FROM', 'SERVER');
        if (node.server_name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.server_name));
        }
        output.push('INTO');
        if (node.local_schema) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.local_schema));
        }
        if (node.options && node.options.length > 0) {
            const importSchemaContext = context.spawn('ImportForeignSchemaStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, importSchemaContext));
            output.push(`OPTIONS (${options.join(', ')})`);
        }
        return output.join(' ');
    }
    ClusterStmt(node, context) {
        const output = ['CLUSTER'];
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
            if (node.indexname) {
                output.push('USING', quotes_1.QuoteUtils.quoteIdentifier(node.indexname));
            }
        }
        if (node.params && node.params.length > 0) {
            const params = list_utils_1.ListUtils.unwrapList(node.params).map(param => this.visit(param, context));
            output.push(`(${params.join(', ')})`);
        }
        return output.join(' ');
    }
    VacuumStmt(node, context) {
        const output = [node.is_vacuumcmd ? 'VACUUM' : 'ANALYZE'];
        if (node.options && node.options.length > 0) {
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(option => this.visit(option, context));
            output.push(`(${options.join(', ')})`);
        }
        if (node.rels && node.rels.length > 0) {
            const relations = list_utils_1.ListUtils.unwrapList(node.rels).map(rel => this.visit(rel, context));
            output.push(relations.join(', '));
        }
        return output.join(' ');
    }
    ExplainStmt(node, context) {
        const output = ['EXPLAIN'];
        if (node.options && node.options.length > 0) {
            const explainContext = context.spawn('ExplainStmt');
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(option => this.visit(option, explainContext));
            output.push(`(${options.join(', ')})`);
        }
        if (node.query) {
            output.push(this.visit(node.query, context));
        }
        return output.join(' ');
    }
    ReindexStmt(node, context) {
        const output = ['REINDEX'];
        if (node.params && node.params.length > 0) {
            const params = list_utils_1.ListUtils.unwrapList(node.params).map(param => this.visit(param, context));
            output.push(`(${params.join(', ')})`);
        }
        if (node.kind) {
            switch (node.kind) {
                case 'REINDEX_OBJECT_INDEX':
                    output.push('INDEX');
                    break;
                case 'REINDEX_OBJECT_TABLE':
                    output.push('TABLE');
                    break;
                case 'REINDEX_OBJECT_SCHEMA':
                    output.push('SCHEMA');
                    break;
                case 'REINDEX_OBJECT_SYSTEM':
                    output.push('SYSTEM');
                    break;
                case 'REINDEX_OBJECT_DATABASE':
                    output.push('DATABASE');
                    break;
                default:
                    throw new Error(`Unsupported ReindexStmt kind: ${node.kind}`);
            }
        }
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
        }
        if (node.name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
        }
        return output.join(' ');
    }
    CallStmt(node, context) {
        const output = ['CALL'];
        if (node.funccall) {
            const funcCall = node.funccall;
            if (funcCall.funcname && funcCall.funcname.length > 0) {
                const funcNameParts = funcCall.funcname.map((nameNode) => {
                    if (nameNode.String) {
                        return nameNode.String.sval;
                    }
                    return this.visit(nameNode, context);
                });
                const funcName = funcNameParts.join('.');
                let argsStr = '';
                if (funcCall.args && funcCall.args.length > 0) {
                    const argStrs = funcCall.args.map((arg) => this.visit(arg, context));
                    argsStr = `(${argStrs.join(', ')})`;
                }
                else {
                    argsStr = '()';
                }
                output.push(`${funcName}${argsStr}`);
            }
        }
        else if (node.funcexpr) {
            output.push(this.FuncExpr(node.funcexpr, context));
        }
        else {
            throw new Error('CallStmt requires either funccall or funcexpr');
        }
        return output.join(' ');
    }
    CreatedbStmt(node, context) {
        const output = ['CREATE DATABASE'];
        if (!node.dbname) {
            throw new Error('CreatedbStmt requires dbname');
        }
        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.dbname));
        if (node.options && node.options.length > 0) {
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, context))
                .join(' ');
            output.push('WITH', options);
        }
        return output.join(' ');
    }
    DropdbStmt(node, context) {
        const output = ['DROP DATABASE'];
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        if (!node.dbname) {
            throw new Error('DropdbStmt requires dbname');
        }
        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.dbname));
        if (node.options && node.options.length > 0) {
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(option => this.visit(option, context))
                .join(' ');
            output.push('WITH', options);
        }
        return output.join(' ');
    }
    RenameStmt(node, context) {
        const output = ['ALTER'];
        if (!node.renameType) {
            throw new Error('RenameStmt requires renameType');
        }
        switch (node.renameType) {
            case 'OBJECT_TABLE':
                output.push('TABLE');
                break;
            case 'OBJECT_VIEW':
                output.push('VIEW');
                break;
            case 'OBJECT_INDEX':
                output.push('INDEX');
                break;
            case 'OBJECT_SEQUENCE':
                output.push('SEQUENCE');
                break;
            case 'OBJECT_FUNCTION':
                output.push('FUNCTION');
                break;
            case 'OBJECT_PROCEDURE':
                output.push('PROCEDURE');
                break;
            case 'OBJECT_SCHEMA':
                output.push('SCHEMA');
                break;
            case 'OBJECT_DATABASE':
                output.push('DATABASE');
                break;
            case 'OBJECT_COLUMN':
                if (node.relationType === 'OBJECT_FOREIGN_TABLE') {
                    output.push('FOREIGN TABLE');
                }
                else if (node.relationType === 'OBJECT_VIEW') {
                    output.push('VIEW');
                }
                else {
                    output.push('TABLE');
                }
                break;
            case 'OBJECT_DOMAIN':
                output.push('DOMAIN');
                break;
            case 'OBJECT_TYPE':
                output.push('TYPE');
                break;
            case 'OBJECT_DOMCONSTRAINT':
                output.push('DOMAIN');
                break;
            case 'OBJECT_TABCONSTRAINT':
                output.push('TABLE');
                break;
            case 'OBJECT_AGGREGATE':
                output.push('AGGREGATE');
                break;
            case 'OBJECT_COLLATION':
                output.push('COLLATION');
                break;
            case 'OBJECT_CONVERSION':
                output.push('CONVERSION');
                break;
            case 'OBJECT_EXTENSION':
                output.push('EXTENSION');
                break;
            case 'OBJECT_FOREIGN_SERVER':
                output.push('SERVER');
                break;
            case 'OBJECT_FOREIGN_TABLE':
                output.push('FOREIGN TABLE');
                break;
            case 'OBJECT_LANGUAGE':
                output.push('LANGUAGE');
                break;
            case 'OBJECT_MATVIEW':
                output.push('MATERIALIZED VIEW');
                break;
            case 'OBJECT_OPCLASS':
                output.push('OPERATOR CLASS');
                break;
            case 'OBJECT_OPERATOR':
                output.push('OPERATOR');
                break;
            case 'OBJECT_OPFAMILY':
                output.push('OPERATOR FAMILY');
                break;
            case 'OBJECT_POLICY':
                output.push('POLICY');
                if (node.subname) {
                    output.push(quotes_1.QuoteUtils.quoteIdentifier(node.subname));
                }
                break;
            case 'OBJECT_PUBLICATION':
                output.push('PUBLICATION');
                break;
            case 'OBJECT_ROLE':
                output.push('ROLE');
                break;
            case 'OBJECT_RULE':
                output.push('RULE');
                break;
            case 'OBJECT_SUBSCRIPTION':
                output.push('SUBSCRIPTION');
                break;
            case 'OBJECT_TABLESPACE':
                output.push('TABLESPACE');
                break;
            case 'OBJECT_TRIGGER':
                output.push('TRIGGER');
                break;
            case 'OBJECT_TSCONFIGURATION':
                output.push('TEXT SEARCH CONFIGURATION');
                break;
            case 'OBJECT_TSDICTIONARY':
                output.push('TEXT SEARCH DICTIONARY');
                break;
            case 'OBJECT_TSPARSER':
                output.push('TEXT SEARCH PARSER');
                break;
            case 'OBJECT_TSTEMPLATE':
                output.push('TEXT SEARCH TEMPLATE');
                break;
            case 'OBJECT_FDW':
                output.push('FOREIGN DATA WRAPPER');
                break;
            case 'OBJECT_EVENT_TRIGGER':
                output.push('EVENT TRIGGER');
                break;
            case 'OBJECT_ATTRIBUTE':
                if (node.relationType === 'OBJECT_TYPE') {
                    output.push('TYPE');
                }
                else {
                    output.push('TABLE'); // fallback for other relation types
                }
                break;
            case 'OBJECT_ROUTINE':
                output.push('ROUTINE');
                break;
            default:
                throw new Error(`Unsupported RenameStmt renameType: ${node.renameType}`);
        }
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        // Handle OBJECT_RULE special case: rule_name ON table_name format
        if (node.renameType === 'OBJECT_RULE' && node.subname && node.relation) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.subname));
            output.push('ON');
            output.push(this.RangeVar(node.relation, context));
        }
        else if (node.relation) {
            const rangeVarContext = context.spawn('RenameStmt', { objtype: node.relationType });
            // Add ON keyword for policy operations
            if (node.renameType === 'OBJECT_POLICY') {
                output.push('ON');
            }
            output.push(this.RangeVar(node.relation, rangeVarContext));
        }
        else if (node.object) {
            // Handle operator family and operator class objects specially to format name USING access_method correctly
            if ((node.renameType === 'OBJECT_OPFAMILY' || node.renameType === 'OBJECT_OPCLASS') && node.object.List) {
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const accessMethod = items[0].String?.sval || '';
                    const objectName = items[1].String?.sval || '';
                    output.push(`${quotes_1.QuoteUtils.quoteIdentifier(objectName)} USING ${accessMethod}`);
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if ((node.renameType === 'OBJECT_TYPE' || node.renameType === 'OBJECT_DOMAIN') && node.object.List) {
                // Qualified type names - join List parts with dots
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                const parts = items
                    .map((item) => item.String?.sval)
                    .filter((s) => typeof s === 'string')
                    .map((s) => this.quoteIfNeeded(s));
                output.push(parts.join('.'));
            }
            else if (node.renameType === 'OBJECT_SCHEMA' && node.object.List) {
                // Handle schema names - extract from List structure
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length > 0 && items[0].String) {
                    output.push(this.quoteIfNeeded(items[0].String.sval));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else {
                output.push(this.visit(node.object, context));
            }
        }
        if (node.renameType === 'OBJECT_COLUMN' && node.subname) {
            output.push('RENAME COLUMN', quotes_1.QuoteUtils.quoteIdentifier(node.subname), 'TO');
        }
        else if (node.renameType === 'OBJECT_DOMCONSTRAINT' && node.subname) {
            output.push('RENAME CONSTRAINT', quotes_1.QuoteUtils.quoteIdentifier(node.subname), 'TO');
        }
        else if (node.renameType === 'OBJECT_TABCONSTRAINT' && node.subname) {
            output.push('RENAME CONSTRAINT', quotes_1.QuoteUtils.quoteIdentifier(node.subname), 'TO');
        }
        else if (node.renameType === 'OBJECT_ATTRIBUTE' && node.subname) {
            output.push('RENAME ATTRIBUTE', quotes_1.QuoteUtils.quoteIdentifier(node.subname), 'TO');
        }
        else if (node.renameType === 'OBJECT_ROLE' && node.subname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.subname), 'RENAME TO');
        }
        else if (node.renameType === 'OBJECT_SCHEMA' && node.subname) {
            output.push(this.quoteIfNeeded(node.subname), 'RENAME TO');
        }
        else if (node.renameType === 'OBJECT_RULE') {
            output.push('RENAME TO');
        }
        else {
            output.push('RENAME TO');
        }
        if (!node.newname) {
            throw new Error('RenameStmt requires newname');
        }
        output.push(quotes_1.QuoteUtils.quoteIdentifier(node.newname));
        // Handle CASCADE/RESTRICT behavior for RENAME operations
        if (node.behavior === 'DROP_CASCADE') {
            output.push('CASCADE');
        }
        return output.join(' ');
    }
    AlterOwnerStmt(node, context) {
        const output = ['ALTER'];
        if (!node.objectType) {
            throw new Error('AlterOwnerStmt requires objectType');
        }
        output.push(this.getObjectTypeKeyword(node.objectType));
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
        }
        else if (node.object) {
            // Handle operator family and operator class objects specially to format name USING access_method correctly
            if ((node.objectType === 'OBJECT_OPFAMILY' || node.objectType === 'OBJECT_OPCLASS') && node.object.List) {
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const accessMethod = items[0].String?.sval || '';
                    const objectName = items[1].String?.sval || '';
                    output.push(`${quotes_1.QuoteUtils.quoteIdentifier(objectName)} USING ${accessMethod}`);
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else {
                output.push(this.visit(node.object, context));
            }
        }
        output.push('OWNER TO');
        if (!node.newowner) {
            throw new Error('AlterOwnerStmt requires newowner');
        }
        output.push(this.RoleSpec(node.newowner, context));
        return output.join(' ');
    }
    GrantStmt(node, context) {
        const output = [];
        if (node.is_grant) {
            output.push('GRANT');
        }
        else {
            output.push('REVOKE');
            if (node.grant_option) {
                output.push('GRANT OPTION FOR');
            }
        }
        if (node.privileges && node.privileges.length > 0) {
            const privilegeContext = context.spawn('GrantStmt');
            const privileges = list_utils_1.ListUtils.unwrapList(node.privileges)
                .map(priv => this.visit(priv, privilegeContext))
                .join(', ');
            output.push(privileges);
        }
        else {
            output.push('ALL');
        }
        output.push('ON');
        // Handle object type specification only for ALTER DEFAULT PRIVILEGES context
        if (node.objtype && node.targtype === 'ACL_TARGET_DEFAULTS') {
            switch (node.objtype) {
                case 'OBJECT_TABLE':
                    output.push('TABLES');
                    break;
                case 'OBJECT_SEQUENCE':
                    output.push('SEQUENCES');
                    break;
                case 'OBJECT_FUNCTION':
                    output.push('FUNCTIONS');
                    break;
                case 'OBJECT_PROCEDURE':
                    output.push('PROCEDURES');
                    break;
                case 'OBJECT_ROUTINE':
                    output.push('ROUTINES');
                    break;
                case 'OBJECT_TYPE':
                    output.push('TYPES');
                    break;
                case 'OBJECT_SCHEMA':
                    output.push('SCHEMAS');
                    break;
                default:
                    break;
            }
        }
        switch (node.targtype) {
            case 'ACL_TARGET_OBJECT':
                if (node.objtype === 'OBJECT_SCHEMA') {
                    output.push('SCHEMA');
                }
                else if (node.objtype === 'OBJECT_LANGUAGE') {
                    output.push('LANGUAGE');
                }
                else if (node.objtype === 'OBJECT_SEQUENCE') {
                    output.push('SEQUENCE');
                }
                else if (node.objtype === 'OBJECT_FUNCTION') {
                    output.push('FUNCTION');
                }
                else if (node.objtype === 'OBJECT_PROCEDURE') {
                    output.push('PROCEDURE');
                }
                else if (node.objtype === 'OBJECT_TYPE') {
                    output.push('TYPE');
                }
                else if (node.objtype === 'OBJECT_DOMAIN') {
                    output.push('DOMAIN');
                }
                else if (node.objtype === 'OBJECT_LARGEOBJECT') {
                    output.push('LARGE OBJECT');
                }
                else if (node.objtype === 'OBJECT_FDW') {
                    output.push('FOREIGN', 'DATA', 'WRAPPER');
                }
                else if (node.objtype === 'OBJECT_FOREIGN_SERVER') {
                    output.push('FOREIGN', 'SERVER');
                }
                else if (node.objtype === 'OBJECT_DATABASE') {
                    output.push('DATABASE');
                }
                if (node.objects && node.objects.length > 0) {
                    const objects = list_utils_1.ListUtils.unwrapList(node.objects)
                        .map(obj => this.visit(obj, context))
                        .join(', ');
                    output.push(objects);
                }
                break;
            case 'ACL_TARGET_ALL_IN_SCHEMA':
                // Handle different object types for ALL ... IN SCHEMA syntax
                switch (node.objtype) {
                    case 'OBJECT_TABLE':
                        output.push('ALL TABLES IN SCHEMA');
                        break;
                    case 'OBJECT_SEQUENCE':
                        output.push('ALL SEQUENCES IN SCHEMA');
                        break;
                    case 'OBJECT_FUNCTION':
                        output.push('ALL FUNCTIONS IN SCHEMA');
                        break;
                    case 'OBJECT_PROCEDURE':
                        output.push('ALL PROCEDURES IN SCHEMA');
                        break;
                    case 'OBJECT_ROUTINE':
                        output.push('ALL ROUTINES IN SCHEMA');
                        break;
                    case 'OBJECT_TYPE':
                        output.push('ALL TYPES IN SCHEMA');
                        break;
                    default:
                        output.push('ALL TABLES IN SCHEMA'); // Default fallback
                        break;
                }
                if (node.objects && node.objects.length > 0) {
                    const schemas = list_utils_1.ListUtils.unwrapList(node.objects)
                        .map(schema => this.visit(schema, context))
                        .join(', ');
                    output.push(schemas);
                }
                break;
            default:
                if (node.objects && node.objects.length > 0) {
                    const objects = list_utils_1.ListUtils.unwrapList(node.objects)
                        .map(obj => this.visit(obj, context))
                        .join(', ');
                    output.push(objects);
                }
        }
        if (node.is_grant) {
            output.push('TO');
        }
        else {
            output.push('FROM');
        }
        if (node.grantees && node.grantees.length > 0) {
            const grantees = list_utils_1.ListUtils.unwrapList(node.grantees)
                .map(grantee => this.visit(grantee, context))
                .join(', ');
            output.push(grantees);
        }
        if (node.grant_option && node.is_grant) {
            output.push('WITH GRANT OPTION');
        }
        if (node.grantor) {
            output.push('GRANTED BY', this.RoleSpec(node.grantor, context));
        }
        // Only add behavior clauses for REVOKE statements, not for GRANT statements in ALTER DEFAULT PRIVILEGES
        if (!node.is_grant) {
            if (node.behavior === 'DROP_CASCADE') {
                output.push('CASCADE');
            }
            else if (node.behavior === 'DROP_RESTRICT') {
                output.push('RESTRICT');
            }
        }
        return output.join(' ');
    }
    GrantRoleStmt(node, context) {
        const output = [];
        const options = list_utils_1.ListUtils.unwrapList(node.opt)
            .map(opt => opt.DefElem)
            .filter((opt) => !!opt && !!opt.defname);
        const optionValue = (opt) => {
            if (!opt.arg)
                return true;
            const argType = this.getNodeType(opt.arg);
            const argData = this.getNodeData(opt.arg);
            if (argType === 'Boolean')
                return argData.boolval !== false;
            if (argType === 'String')
                return argData.sval !== 'false';
            return true;
        };
        const roles = list_utils_1.ListUtils.unwrapList(node.granted_roles)
            .map(role => role.AccessPriv?.priv_name
            ? quotes_1.QuoteUtils.quoteIdentifier(role.AccessPriv.priv_name)
            : this.visit(role, context))
            .join(', ');
        if (node.is_grant) {
            output.push('GRANT', roles, 'TO');
        }
        else {
            output.push('REVOKE');
            if (options.length > 0) {
                output.push(`${options[0].defname.toUpperCase()} OPTION FOR`);
            }
            output.push(roles, 'FROM');
        }
        if (node.grantee_roles && node.grantee_roles.length > 0) {
            const grantees = list_utils_1.ListUtils.unwrapList(node.grantee_roles)
                .map(grantee => this.visit(grantee, context))
                .join(', ');
            output.push(grantees);
        }
        if (node.is_grant && options.length > 0) {
            const withOptions = options.map(opt => `${opt.defname.toUpperCase()} ${optionValue(opt) ? 'TRUE' : 'FALSE'}`);
            output.push('WITH', withOptions.join(', '));
        }
        if (node.grantor) {
            output.push('GRANTED BY', this.RoleSpec(node.grantor, context));
        }
        if (!node.is_grant && node.behavior === 'DROP_CASCADE') {
            output.push('CASCADE');
        }
        return output.join(' ');
    }
    SecLabelStmt(node, context) {
        const output = ['SECURITY LABEL'];
        if (node.provider) {
            output.push('FOR', quotes_1.QuoteUtils.quoteIdentifier(node.provider));
        }
        output.push('ON');
        if (node.objtype) {
            switch (node.objtype) {
                case 'OBJECT_TABLE':
                    output.push('TABLE');
                    break;
                case 'OBJECT_COLUMN':
                    output.push('COLUMN');
                    break;
                case 'OBJECT_FUNCTION':
                    output.push('FUNCTION');
                    break;
                case 'OBJECT_SCHEMA':
                    output.push('SCHEMA');
                    break;
                case 'OBJECT_DATABASE':
                    output.push('DATABASE');
                    break;
                case 'OBJECT_ROLE':
                    output.push('ROLE');
                    break;
                default:
                    output.push(node.objtype.replace('OBJECT_', ''));
            }
        }
        if (node.object) {
            // Qualified names arrive as a List of String nodes and must be
            // dot-joined (visiting the List directly would comma-join them).
            if (typeof node.object === 'object' && 'List' in node.object) {
                const list = node.object.List;
                const objectParts = list_utils_1.ListUtils.unwrapList(list.items)
                    .map(item => this.visit(item, context));
                output.push(objectParts.join('.'));
            }
            else {
                output.push(this.visit(node.object, context));
            }
        }
        output.push('IS');
        if (node.label) {
            output.push(`'${node.label}'`);
        }
        else {
            output.push('NULL');
        }
        return output.join(' ');
    }
    AlterDefaultPrivilegesStmt(node, context) {
        const output = ['ALTER DEFAULT PRIVILEGES'];
        if (node.options && node.options.length > 0) {
            const options = list_utils_1.ListUtils.unwrapList(node.options);
            for (const option of options) {
                const optionData = this.getNodeData(option);
                if (optionData.defname === 'schemas') {
                    output.push('IN SCHEMA');
                    if (optionData.arg) {
                        const schemas = list_utils_1.ListUtils.unwrapList(optionData.arg)
                            .map(schema => this.visit(schema, context))
                            .join(', ');
                        output.push(schemas);
                    }
                }
                else if (optionData.defname === 'roles') {
                    output.push('FOR ROLE');
                    if (optionData.arg) {
                        const roles = list_utils_1.ListUtils.unwrapList(optionData.arg)
                            .map(role => this.visit(role, context))
                            .join(', ');
                        output.push(roles);
                    }
                }
            }
        }
        if (node.action) {
            const actionStr = this.GrantStmt(node.action, context);
            if (context.isPretty()) {
                return output.join(' ') + context.newline() + context.indent(actionStr);
            }
            else {
                output.push(actionStr);
            }
        }
        return output.join(' ');
    }
    CreateConversionStmt(node, context) {
        const output = ['CREATE'];
        if (node.def) {
            output.push('DEFAULT');
        }
        output.push('CONVERSION');
        if (node.conversion_name && node.conversion_name.length > 0) {
            const conversionName = list_utils_1.ListUtils.unwrapList(node.conversion_name)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(conversionName);
        }
        if (node.for_encoding_name) {
            output.push('FOR', `'${node.for_encoding_name}'`);
        }
        if (node.to_encoding_name) {
            output.push('TO', `'${node.to_encoding_name}'`);
        }
        if (node.func_name && node.func_name.length > 0) {
            output.push('FROM');
            const funcName = list_utils_1.ListUtils.unwrapList(node.func_name)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(funcName);
        }
        return output.join(' ');
    }
    CreateCastStmt(node, context) {
        const output = ['CREATE CAST'];
        output.push('(');
        if (node.sourcetype) {
            output.push(this.TypeName(node.sourcetype, context));
        }
        output.push('AS');
        if (node.targettype) {
            output.push(this.TypeName(node.targettype, context));
        }
        output.push(')');
        if (node.func) {
            output.push('WITH FUNCTION');
            output.push(this.ObjectWithArgs(node.func, context));
        }
        else if (node.inout) {
            output.push('WITH INOUT');
        }
        else {
            output.push('WITHOUT FUNCTION');
        }
        if (node.context) {
            switch (node.context) {
                case 'COERCION_IMPLICIT':
                    output.push('AS IMPLICIT');
                    break;
                case 'COERCION_ASSIGNMENT':
                    output.push('AS ASSIGNMENT');
                    break;
                case 'COERCION_EXPLICIT':
                    break;
                default:
                    throw new Error(`Unsupported CreateCastStmt context: ${node.context}`);
            }
        }
        else if (node.context === 'COERCION_ASSIGNMENT') {
            output.push('AS ASSIGNMENT');
        }
        return output.join(' ');
    }
    CreatePLangStmt(node, context) {
        const output = ['CREATE'];
        if (node.replace) {
            output.push('OR REPLACE');
        }
        if (node.pltrusted) {
            output.push('TRUSTED');
        }
        output.push('LANGUAGE');
        if (node.plname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.plname));
        }
        if (node.plhandler && node.plhandler.length > 0) {
            output.push('HANDLER');
            const handlerName = list_utils_1.ListUtils.unwrapList(node.plhandler)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(handlerName);
        }
        if (node.plinline && node.plinline.length > 0) {
            output.push('INLINE');
            const inlineName = list_utils_1.ListUtils.unwrapList(node.plinline)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(inlineName);
        }
        if (node.plvalidator && node.plvalidator.length > 0) {
            output.push('VALIDATOR');
            const validatorName = list_utils_1.ListUtils.unwrapList(node.plvalidator)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(validatorName);
        }
        return output.join(' ');
    }
    CreateTransformStmt(node, context) {
        const output = ['CREATE'];
        if (node.replace) {
            output.push('OR REPLACE');
        }
        output.push('TRANSFORM FOR');
        if (node.type_name) {
            output.push(this.TypeName(node.type_name, context));
        }
        output.push('LANGUAGE');
        if (node.lang) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.lang));
        }
        output.push('(');
        const transforms = [];
        if (node.fromsql) {
            // Handle ObjectWithArgs directly to avoid visitor routing issues
            const fromSqlName = this.ObjectWithArgs(node.fromsql, context);
            transforms.push(`FROM SQL WITH FUNCTION ${fromSqlName}`);
        }
        if (node.tosql) {
            // Handle ObjectWithArgs directly to avoid visitor routing issues
            const toSqlName = this.ObjectWithArgs(node.tosql, context);
            transforms.push(`TO SQL WITH FUNCTION ${toSqlName}`);
        }
        output.push(transforms.join(', '));
        output.push(')');
        return output.join(' ');
    }
    CreateTrigStmt(node, context) {
        const output = ['CREATE'];
        if (node.replace) {
            output.push('OR REPLACE');
        }
        if (node.isconstraint) {
            output.push('CONSTRAINT');
        }
        output.push('TRIGGER');
        if (node.trigname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.trigname));
        }
        if (context.isPretty()) {
            const components = [];
            const timing = [];
            if (node.timing & 2)
                timing.push('BEFORE');
            else if (node.timing & 64)
                timing.push('INSTEAD OF');
            else
                timing.push('AFTER');
            const events = [];
            if (node.events & 4)
                events.push('INSERT');
            if (node.events & 8)
                events.push('DELETE');
            if (node.events & 16) {
                let updateStr = 'UPDATE';
                if (node.columns && node.columns.length > 0) {
                    const columnNames = list_utils_1.ListUtils.unwrapList(node.columns)
                        .map(col => this.visit(col, context))
                        .join(', ');
                    updateStr += ' OF ' + columnNames;
                }
                events.push(updateStr);
            }
            if (node.events & 32)
                events.push('TRUNCATE');
            components.push(context.indent(timing.join(' ') + ' ' + events.join(' OR ')));
            if (node.relation) {
                components.push(context.indent('ON ' + this.RangeVar(node.relation, context)));
            }
            if (node.transitionRels && node.transitionRels.length > 0) {
                const transitionClauses = list_utils_1.ListUtils.unwrapList(node.transitionRels)
                    .map(rel => this.visit(rel, context))
                    .join(' ');
                components.push(context.indent('REFERENCING ' + transitionClauses));
            }
            if (node.deferrable) {
                components.push(context.indent('DEFERRABLE'));
            }
            if (node.initdeferred) {
                components.push(context.indent('INITIALLY DEFERRED'));
            }
            if (node.row) {
                components.push(context.indent('FOR EACH ROW'));
            }
            else {
                components.push(context.indent('FOR EACH STATEMENT'));
            }
            if (node.whenClause) {
                const whenStr = 'WHEN (' + this.visit(node.whenClause, context) + ')';
                components.push(context.indent(whenStr));
            }
            let executeStr = 'EXECUTE';
            if (node.funcname && node.funcname.length > 0) {
                const funcName = list_utils_1.ListUtils.unwrapList(node.funcname)
                    .map(name => this.visit(name, context))
                    .join('.');
                executeStr += ' PROCEDURE ' + funcName;
            }
            if (node.args && node.args.length > 0) {
                const argContext = context.spawn('CreateTrigStmt', { isStringLiteral: true });
                const args = list_utils_1.ListUtils.unwrapList(node.args)
                    .map(arg => this.visit(arg, argContext))
                    .join(', ');
                executeStr += '(' + args + ')';
            }
            else {
                executeStr += '()';
            }
            components.push(context.indent(executeStr));
            return output.join(' ') + context.newline() + components.join(context.newline());
        }
        else {
            const timing = [];
            if (node.timing & 2)
                timing.push('BEFORE');
            else if (node.timing & 64)
                timing.push('INSTEAD OF');
            else
                timing.push('AFTER');
            output.push(timing.join(' '));
            const events = [];
            if (node.events & 4)
                events.push('INSERT');
            if (node.events & 8)
                events.push('DELETE');
            if (node.events & 16)
                events.push('UPDATE');
            if (node.events & 32)
                events.push('TRUNCATE');
            output.push(events.join(' OR '));
            if (node.columns && node.columns.length > 0) {
                output.push('OF');
                const columnNames = list_utils_1.ListUtils.unwrapList(node.columns)
                    .map(col => this.visit(col, context))
                    .join(', ');
                output.push(columnNames);
            }
            output.push('ON');
            if (node.relation) {
                output.push(this.RangeVar(node.relation, context));
            }
            if (node.constrrel) {
                output.push('FROM');
                output.push(this.RangeVar(node.constrrel, context));
            }
            if (node.deferrable) {
                output.push('DEFERRABLE');
            }
            if (node.initdeferred) {
                output.push('INITIALLY DEFERRED');
            }
            if (node.transitionRels && node.transitionRels.length > 0) {
                output.push('REFERENCING');
                const transitionClauses = list_utils_1.ListUtils.unwrapList(node.transitionRels)
                    .map(rel => this.visit(rel, context))
                    .join(' ');
                output.push(transitionClauses);
            }
            if (node.row) {
                output.push('FOR EACH ROW');
            }
            else {
                output.push('FOR EACH STATEMENT');
            }
            if (node.whenClause) {
                output.push('WHEN');
                output.push('(');
                output.push(this.visit(node.whenClause, context));
                output.push(')');
            }
            output.push('EXECUTE');
            if (node.funcname && node.funcname.length > 0) {
                const funcName = list_utils_1.ListUtils.unwrapList(node.funcname)
                    .map(name => this.visit(name, context))
                    .join('.');
                output.push('FUNCTION', funcName);
            }
            if (node.args && node.args.length > 0) {
                output.push('(');
                const argContext = context.spawn('CreateTrigStmt', { isStringLiteral: true });
                const args = list_utils_1.ListUtils.unwrapList(node.args)
                    .map(arg => this.visit(arg, argContext))
                    .join(', ');
                output.push(args);
                output.push(')');
            }
            else {
                output.push('()');
            }
            return output.join(' ');
        }
    }
    TriggerTransition(node, context) {
        const output = [];
        if (node.isNew) {
            output.push('NEW TABLE AS');
        }
        else {
            output.push('OLD TABLE AS');
        }
        if (node.name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
        }
        return output.join(' ');
    }
    CreateEventTrigStmt(node, context) {
        const output = ['CREATE EVENT TRIGGER'];
        if (node.trigname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.trigname));
        }
        output.push('ON');
        if (node.eventname) {
            output.push(node.eventname);
        }
        if (node.whenclause && node.whenclause.length > 0) {
            output.push('WHEN');
            const eventTriggerContext = context.spawn('CreateEventTrigStmt');
            const conditions = list_utils_1.ListUtils.unwrapList(node.whenclause)
                .map(condition => this.visit(condition, eventTriggerContext))
                .join(' AND ');
            output.push(conditions);
        }
        output.push('EXECUTE');
        if (node.funcname && node.funcname.length > 0) {
            const funcName = list_utils_1.ListUtils.unwrapList(node.funcname)
                .map(name => this.visit(name, context))
                .join('.');
            output.push('PROCEDURE', funcName + '()');
        }
        return output.join(' ');
    }
    AlterEventTrigStmt(node, context) {
        const output = ['ALTER EVENT TRIGGER'];
        if (node.trigname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.trigname));
        }
        if (node.tgenabled) {
            switch (node.tgenabled) {
                case 'O':
                    output.push('ENABLE');
                    break;
                case 'D':
                    output.push('DISABLE');
                    break;
                case 'R':
                    output.push('ENABLE REPLICA');
                    break;
                case 'A':
                    output.push('ENABLE ALWAYS');
                    break;
                default:
                    throw new Error(`Unsupported trigger enable state: ${node.tgenabled}`);
            }
        }
        return output.join(' ');
    }
    CreateOpClassStmt(node, context) {
        const output = ['CREATE OPERATOR CLASS'];
        if (node.opclassname && node.opclassname.length > 0) {
            const className = list_utils_1.ListUtils.unwrapList(node.opclassname)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(className);
        }
        if (node.isDefault) {
            output.push('DEFAULT');
        }
        output.push('FOR TYPE');
        if (node.datatype) {
            output.push(this.TypeName(node.datatype, context));
        }
        output.push('USING');
        if (node.amname) {
            output.push(node.amname);
        }
        if (node.opfamilyname && node.opfamilyname.length > 0) {
            output.push('FAMILY');
            const familyName = list_utils_1.ListUtils.unwrapList(node.opfamilyname)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(familyName);
        }
        output.push('AS');
        if (node.items && node.items.length > 0) {
            const items = list_utils_1.ListUtils.unwrapList(node.items)
                .map(item => this.visit(item, context))
                .join(', ');
            output.push(items);
        }
        return output.join(' ');
    }
    CreateOpFamilyStmt(node, context) {
        const output = ['CREATE OPERATOR FAMILY'];
        if (node.opfamilyname && node.opfamilyname.length > 0) {
            const familyName = list_utils_1.ListUtils.unwrapList(node.opfamilyname)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(familyName);
        }
        output.push('USING');
        if (node.amname) {
            output.push(node.amname);
        }
        return output.join(' ');
    }
    AlterOpFamilyStmt(node, context) {
        const output = ['ALTER OPERATOR FAMILY'];
        if (node.opfamilyname && node.opfamilyname.length > 0) {
            const familyName = list_utils_1.ListUtils.unwrapList(node.opfamilyname)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(familyName);
        }
        output.push('USING');
        if (node.amname) {
            output.push(node.amname);
        }
        if (node.isDrop) {
            output.push('DROP');
        }
        else {
            output.push('ADD');
        }
        if (node.items && node.items.length > 0) {
            const items = list_utils_1.ListUtils.unwrapList(node.items)
                .map(item => this.visit(item, context))
                .join(', ');
            output.push(items);
        }
        return output.join(' ');
    }
    MergeStmt(node, context) {
        const output = [];
        if (node.withClause) {
            output.push(this.WithClause(node.withClause, context));
        }
        output.push('MERGE INTO');
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
        }
        if (node.sourceRelation) {
            output.push('USING');
            output.push(this.visit(node.sourceRelation, context));
        }
        if (node.joinCondition) {
            output.push('ON');
            output.push(this.visit(node.joinCondition, context));
        }
        if (node.mergeWhenClauses && node.mergeWhenClauses.length > 0) {
            const whenClauses = list_utils_1.ListUtils.unwrapList(node.mergeWhenClauses)
                .map(clause => this.visit(clause, context))
                .join(' ');
            output.push(whenClauses);
        }
        if (node.returningClause) {
            output.push(this.ReturningClause(node.returningClause, context));
        }
        return output.join(' ');
    }
    MergeSupportFunc(node, context) {
        return 'merge_action()';
    }
    MergeWhenClause(node, context) {
        const output = ['WHEN'];
        switch (node.matchKind) {
            case 'MERGE_WHEN_MATCHED':
                output.push('MATCHED');
                break;
            case 'MERGE_WHEN_NOT_MATCHED_BY_SOURCE':
                output.push('NOT MATCHED BY SOURCE');
                break;
            case 'MERGE_WHEN_NOT_MATCHED_BY_TARGET':
                output.push('NOT MATCHED');
                break;
        }
        if (node.condition) {
            output.push('AND');
            output.push(this.visit(node.condition, context));
        }
        output.push('THEN');
        switch (node.commandType) {
            case 'CMD_UPDATE': {
                output.push('UPDATE SET');
                if (node.targetList && node.targetList.length > 0) {
                    output.push(this.formatUpdateAssignments(node.targetList, context));
                }
                break;
            }
            case 'CMD_INSERT': {
                output.push('INSERT');
                const targetList = list_utils_1.ListUtils.unwrapList(node.targetList);
                if (targetList.length > 0) {
                    const columns = targetList
                        .map(target => quotes_1.QuoteUtils.quoteIdentifier(target.ResTarget?.name))
                        .join(', ');
                    output.push(`(${columns})`);
                }
                if (node.override === 'OVERRIDING_USER_VALUE') {
                    output.push('OVERRIDING USER VALUE');
                }
                else if (node.override === 'OVERRIDING_SYSTEM_VALUE') {
                    output.push('OVERRIDING SYSTEM VALUE');
                }
                const values = list_utils_1.ListUtils.unwrapList(node.values);
                if (values.length > 0) {
                    const valueItems = values
                        .map(value => this.visit(value, context))
                        .join(', ');
                    output.push(`VALUES (${valueItems})`);
                }
                else {
                    output.push('DEFAULT VALUES');
                }
                break;
            }
            case 'CMD_DELETE':
                output.push('DELETE');
                break;
            case 'CMD_NOTHING':
                output.push('DO NOTHING');
                break;
        }
        return output.join(' ');
    }
    AlterTableMoveAllStmt(node, context) {
        const output = ['ALTER'];
        if (node.objtype === 'OBJECT_TABLE') {
            output.push('TABLE');
        }
        else if (node.objtype === 'OBJECT_INDEX') {
            output.push('INDEX');
        }
        else {
            output.push('TABLE');
        }
        output.push('ALL', 'IN', 'TABLESPACE');
        if (node.orig_tablespacename) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.orig_tablespacename));
        }
        output.push('SET', 'TABLESPACE');
        if (node.new_tablespacename) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.new_tablespacename));
        }
        if (node.nowait) {
            output.push('NOWAIT');
        }
        return output.join(' ');
    }
    CreateSeqStmt(node, context) {
        const output = ['CREATE'];
        // Check if this is a temporary sequence
        if (node.sequence) {
            const seq = node.sequence;
            if (seq.relpersistence === 't') {
                output.push('TEMPORARY');
            }
        }
        output.push('SEQUENCE');
        if (node.if_not_exists) {
            output.push('IF NOT EXISTS');
        }
        if (node.sequence) {
            const sequenceName = [];
            const seq = node.sequence;
            if (seq.schemaname) {
                sequenceName.push(quotes_1.QuoteUtils.quoteIdentifier(seq.schemaname));
            }
            if (seq.relname) {
                sequenceName.push(quotes_1.QuoteUtils.quoteIdentifier(seq.relname));
            }
            output.push(sequenceName.join('.'));
        }
        if (node.options && node.options.length > 0) {
            const seqContext = context.spawn('CreateSeqStmt');
            const optionStrs = list_utils_1.ListUtils.unwrapList(node.options)
                .filter(option => option != null && this.getNodeType(option) !== 'undefined')
                .map(option => {
                try {
                    return this.visit(option, seqContext);
                }
                catch (error) {
                    console.warn(`Error processing option in CreateSeqStmt: ${error instanceof Error ? error.message : String(error)}`);
                    return '';
                }
            })
                .filter(str => str !== '')
                .join(' ');
            if (optionStrs) {
                output.push(optionStrs);
            }
        }
        return output.join(' ');
    }
    AlterSeqStmt(node, context) {
        const output = ['ALTER', 'SEQUENCE'];
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        if (node.sequence) {
            const sequenceName = [];
            const seq = node.sequence;
            if (seq.schemaname) {
                sequenceName.push(quotes_1.QuoteUtils.quoteIdentifier(seq.schemaname));
            }
            if (seq.relname) {
                sequenceName.push(quotes_1.QuoteUtils.quoteIdentifier(seq.relname));
            }
            output.push(sequenceName.join('.'));
        }
        if (node.options && node.options.length > 0) {
            const seqContext = context.spawn('AlterSeqStmt');
            const optionStrs = list_utils_1.ListUtils.unwrapList(node.options)
                .filter(option => option && option !== undefined)
                .map(option => {
                try {
                    if (!option || this.getNodeType(option) === 'undefined') {
                        return '';
                    }
                    return this.visit(option, seqContext);
                }
                catch (error) {
                    console.warn(`Error processing option in AlterSeqStmt: ${error instanceof Error ? error.message : String(error)}`);
                    return '';
                }
            })
                .filter(str => str && str.trim().length > 0)
                .join(' ');
            if (optionStrs) {
                output.push(optionStrs);
            }
        }
        if (node.for_identity) {
            output.push('FOR IDENTITY');
        }
        return output.join(' ');
    }
    CompositeTypeStmt(node, context) {
        const output = ['CREATE', 'TYPE'];
        if (node.typevar) {
            const typeContext = context.spawn('CompositeTypeStmt');
            output.push(this.RangeVar(node.typevar, typeContext));
        }
        output.push('AS');
        if (node.coldeflist && node.coldeflist.length > 0) {
            const colDefs = list_utils_1.ListUtils.unwrapList(node.coldeflist)
                .map(colDef => this.visit(colDef, context))
                .join(', ');
            output.push(`(${colDefs})`);
        }
        else {
            // Handle empty composite types - still need parentheses
            output.push('()');
        }
        return output.join(' ');
    }
    CreateRangeStmt(node, context) {
        const output = ['CREATE', 'TYPE'];
        if (node.typeName && node.typeName.length > 0) {
            const typeNameStr = list_utils_1.ListUtils.unwrapList(node.typeName)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(typeNameStr);
        }
        output.push('AS', 'RANGE');
        if (node.params && node.params.length > 0) {
            const paramStrs = list_utils_1.ListUtils.unwrapList(node.params).map(param => {
                const paramData = this.getNodeData(param);
                if (paramData.defname && paramData.arg) {
                    const argValue = this.visit(paramData.arg, context);
                    return `${paramData.defname} = ${argValue}`;
                }
                return this.visit(param, context);
            });
            output.push(`(${paramStrs.join(', ')})`);
        }
        return output.join(' ');
    }
    AlterEnumStmt(node, context) {
        const output = ['ALTER', 'TYPE'];
        if (node.typeName && node.typeName.length > 0) {
            const typeNameStr = list_utils_1.ListUtils.unwrapList(node.typeName)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(typeNameStr);
        }
        if (node.oldVal && node.newVal) {
            const escapedOldVal = node.oldVal.replace(/'/g, "''");
            const escapedNewVal = node.newVal.replace(/'/g, "''");
            output.push('RENAME', 'VALUE', `'${escapedOldVal}'`, 'TO', `'${escapedNewVal}'`);
        }
        else if (node.newVal) {
            output.push('ADD', 'VALUE');
            if (node.skipIfNewValExists) {
                output.push('IF NOT EXISTS');
            }
            const escapedNewVal = node.newVal.replace(/'/g, "''");
            output.push(`'${escapedNewVal}'`);
            if (node.newValNeighbor) {
                const escapedNeighbor = node.newValNeighbor.replace(/'/g, "''");
                if (node.newValIsAfter) {
                    output.push('AFTER', `'${escapedNeighbor}'`);
                }
                else {
                    output.push('BEFORE', `'${escapedNeighbor}'`);
                }
            }
        }
        return output.join(' ');
    }
    AlterTypeStmt(node, context) {
        const output = ['ALTER', 'TYPE'];
        if (node.typeName && node.typeName.length > 0) {
            const typeNameStr = list_utils_1.ListUtils.unwrapList(node.typeName)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(typeNameStr);
        }
        output.push('SET');
        if (node.options && node.options.length > 0) {
            const optionStrs = list_utils_1.ListUtils.unwrapList(node.options).map(option => {
                const optionData = this.getNodeData(option);
                if (optionData.defname && optionData.arg) {
                    const argValue = this.visit(optionData.arg, context);
                    return `${optionData.defname} = ${argValue}`;
                }
                return this.visit(option, context);
            });
            output.push(`(${optionStrs.join(', ')})`);
        }
        return output.join(' ');
    }
    AlterRoleStmt(node, context) {
        // Check if this is an ALTER GROUP statement by looking for rolemembers DefElem
        const isGroupStatement = node.options &&
            list_utils_1.ListUtils.unwrapList(node.options).some(option => option.DefElem && option.DefElem.defname === 'rolemembers');
        const output = ['ALTER', isGroupStatement ? 'GROUP' : 'ROLE'];
        if (node.role) {
            output.push(this.RoleSpec(node.role, context));
        }
        if (node.options) {
            const roleContext = context.spawn('AlterRoleStmt');
            // Handle GROUP operations specially based on action value
            if (isGroupStatement) {
                const roleMembersOption = list_utils_1.ListUtils.unwrapList(node.options).find(option => option.DefElem && option.DefElem.defname === 'rolemembers');
                if (roleMembersOption && roleMembersOption.DefElem) {
                    const operation = node.action === 1 ? 'ADD' : 'DROP';
                    output.push(operation, 'USER');
                    if (roleMembersOption.DefElem.arg && roleMembersOption.DefElem.arg.List) {
                        const users = list_utils_1.ListUtils.unwrapList(roleMembersOption.DefElem.arg.List.items)
                            .map(user => this.visit(user, roleContext))
                            .join(', ');
                        output.push(users);
                    }
                }
            }
            else {
                const options = list_utils_1.ListUtils.unwrapList(node.options)
                    .map(option => this.visit(option, roleContext))
                    .join(' ');
                if (options) {
                    output.push(options);
                }
            }
        }
        return output.join(' ');
    }
    DropRoleStmt(node, context) {
        const output = ['DROP', 'ROLE'];
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        if (node.roles) {
            const roleNames = list_utils_1.ListUtils.unwrapList(node.roles)
                .map(role => this.visit(role, context))
                .join(', ');
            output.push(roleNames);
        }
        return output.join(' ');
    }
    targetList(node, context) {
        if (!node || !Array.isArray(node)) {
            return '';
        }
        return node.map((target) => this.visit(target, context)).join(', ');
    }
    CreateAggregateStmt(node, context) {
        const output = ['CREATE'];
        if (node.replace) {
            output.push('OR REPLACE');
        }
        output.push('AGGREGATE');
        if (node.defnames && node.defnames.length > 0) {
            const aggName = list_utils_1.ListUtils.unwrapList(node.defnames)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(aggName);
        }
        output.push('(');
        // Handle aggregate arguments/parameters
        if (node.args && node.args.length > 0) {
            const args = list_utils_1.ListUtils.unwrapList(node.args)
                .map(arg => this.visit(arg, context))
                .join(', ');
            output.push(args);
        }
        else {
            output.push('*');
        }
        output.push(')');
        output.push('(');
        const options = [];
        if (node.definition && node.definition.length > 0) {
            const optionStrs = list_utils_1.ListUtils.unwrapList(node.definition)
                .map(option => {
                const optionData = this.getNodeData(option);
                if (optionData.defname === 'sfunc' || optionData.defname === 'sfunc1') {
                    const funcValue = this.visit(optionData.arg, context);
                    return `SFUNC = ${funcValue}`;
                }
                else if (optionData.defname === 'stype' || optionData.defname === 'stype1') {
                    const typeValue = this.visit(optionData.arg, context);
                    return `STYPE = ${typeValue}`;
                }
                else if (optionData.defname === 'basetype') {
                    const baseValue = this.visit(optionData.arg, context);
                    return `BASETYPE = ${baseValue}`;
                }
                else if (optionData.defname === 'finalfunc') {
                    const finalValue = this.visit(optionData.arg, context);
                    return `FINALFUNC = ${finalValue}`;
                }
                else if (optionData.defname === 'initcond' || optionData.defname === 'initcond1') {
                    const initValue = this.visit(optionData.arg, context);
                    return `INITCOND = ${initValue}`;
                }
                else if (optionData.defname === 'combinefunc') {
                    const combineValue = this.visit(optionData.arg, context);
                    return `COMBINEFUNC = ${combineValue}`;
                }
                else if (optionData.defname === 'serialfunc') {
                    const serialValue = this.visit(optionData.arg, context);
                    return `SERIALFUNC = ${serialValue}`;
                }
                else if (optionData.defname === 'deserialfunc') {
                    const deserialValue = this.visit(optionData.arg, context);
                    return `DESERIALFUNC = ${deserialValue}`;
                }
                else if (optionData.defname === 'parallel') {
                    const parallelValue = this.visit(optionData.arg, context);
                    return `PARALLEL = ${parallelValue}`;
                }
                return this.visit(option, context);
            });
            options.push(...optionStrs);
        }
        output.push(options.join(', '));
        output.push(')');
        return output.join(' ');
    }
    CreateTableAsStmt(node, context) {
        const output = ['CREATE'];
        if (node.objtype === 'OBJECT_MATVIEW') {
            output.push('MATERIALIZED VIEW');
        }
        else {
            if (node.into && node.into.rel && node.into.rel.relpersistence === 't') {
                output.push('TEMPORARY TABLE');
            }
            else {
                output.push('TABLE');
            }
        }
        if (node.if_not_exists) {
            output.push('IF NOT EXISTS');
        }
        if (node.into && node.into.rel) {
            output.push(this.RangeVar(node.into.rel, context));
        }
        if (node.into && node.into.colNames && node.into.colNames.length > 0) {
            output.push('(');
            const colNames = list_utils_1.ListUtils.unwrapList(node.into.colNames)
                .map(col => this.visit(col, context))
                .join(', ');
            output.push(colNames);
            output.push(')');
        }
        if (node.into && node.into.accessMethod) {
            output.push('USING');
            output.push(node.into.accessMethod);
        }
        if (node.into && node.into.options && node.into.options.length > 0) {
            output.push('WITH');
            const options = list_utils_1.ListUtils.unwrapList(node.into.options)
                .map(option => this.visit(option, context.spawn('CreateStmt')))
                .join(', ');
            output.push(`(${options})`);
        }
        if (node.into && node.into.onCommit && node.into.onCommit !== 'ONCOMMIT_NOOP') {
            output.push('ON COMMIT');
            switch (node.into.onCommit) {
                case 'ONCOMMIT_PRESERVE_ROWS':
                    output.push('PRESERVE ROWS');
                    break;
                case 'ONCOMMIT_DELETE_ROWS':
                    output.push('DELETE ROWS');
                    break;
                case 'ONCOMMIT_DROP':
                    output.push('DROP');
                    break;
            }
        }
        if (node.into && node.into.tableSpaceName) {
            output.push('TABLESPACE', quotes_1.QuoteUtils.quoteIdentifier(node.into.tableSpaceName));
        }
        output.push('AS');
        if (node.query) {
            output.push(this.visit(node.query, context));
        }
        if (node.into && node.into.skipData) {
            output.push('WITH NO DATA');
        }
        return output.join(' ');
    }
    RefreshMatViewStmt(node, context) {
        const output = ['REFRESH', 'MATERIALIZED', 'VIEW'];
        if (node.concurrent) {
            output.push('CONCURRENTLY');
        }
        if (node.relation) {
            output.push(this.visit(node.relation, context));
        }
        if (node.skipData) {
            output.push('WITH NO DATA');
        }
        return output.join(' ');
    }
    AccessPriv(node, context) {
        const output = [];
        if (node.priv_name) {
            output.push(node.priv_name.toUpperCase());
        }
        else {
            output.push('ALL');
        }
        if (node.cols && node.cols.length > 0) {
            output.push('(');
            const colContext = context.spawn('AccessPriv');
            const columns = list_utils_1.ListUtils.unwrapList(node.cols).map(col => this.visit(col, colContext));
            output.push(columns.join(', '));
            output.push(')');
        }
        return output.join(' ');
    }
    aliasname(node, context) {
        if (typeof node === 'string') {
            return quotes_1.QuoteUtils.quoteIdentifier(node);
        }
        return this.visit(node, context);
    }
    DefineStmt(node, context) {
        const output = [];
        if (!node.kind) {
            throw new Error('DefineStmt requires kind property');
        }
        switch (node.kind) {
            case 'OBJECT_OPERATOR':
                output.push('CREATE OPERATOR');
                if (node.defnames && node.defnames.length > 0) {
                    const names = list_utils_1.ListUtils.unwrapList(node.defnames).map((name, index) => {
                        if (index === node.defnames.length - 1) {
                            const nodeData = this.getNodeData(name);
                            if (nodeData && nodeData.sval) {
                                return nodeData.sval; // Return operator symbol unquoted
                            }
                        }
                        return this.visit(name, context); // Quote schema/namespace names normally
                    });
                    output.push(names.join('.'));
                }
                if (node.definition && node.definition.length > 0) {
                    output.push('(');
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        if (def.DefElem) {
                            const defElem = def.DefElem;
                            const defName = defElem.defname;
                            const defValue = defElem.arg;
                            if (defName && defValue) {
                                const quotedDefName = quotes_1.QuoteUtils.quoteIdentifier(defName);
                                const preservedDefName = quotedDefName !== defName ? quotedDefName : this.preserveOperatorDefElemCase(defName);
                                if ((defName.toLowerCase() === 'commutator' || defName.toLowerCase() === 'negator') && defValue.List) {
                                    const listItems = list_utils_1.ListUtils.unwrapList(defValue.List.items);
                                    if (listItems.length === 1 && listItems[0].String) {
                                        return `${preservedDefName} = ${listItems[0].String.sval}`;
                                    }
                                }
                                // For commutator/negator, we already handled them above
                                if ((defName.toLowerCase() === 'commutator' || defName.toLowerCase() === 'negator')) {
                                    return `${preservedDefName} = ${this.visit(defValue, context)}`;
                                }
                                return `${preservedDefName} = ${this.visit(defValue, context)}`;
                            }
                            else if (defName && !defValue) {
                                // Handle boolean flags like HASHES, MERGES - preserve original case
                                if (defName === 'Hashes' || defName === 'Merges') {
                                    return quotes_1.QuoteUtils.quoteIdentifier(defName);
                                }
                                return this.preserveOperatorDefElemCase(defName).toUpperCase();
                            }
                        }
                        return this.visit(def, context);
                    });
                    output.push(definitions.join(', '));
                    output.push(')');
                }
                break;
            case 'OBJECT_TYPE':
                output.push('CREATE TYPE');
                if (node.defnames && node.defnames.length > 0) {
                    output.push(list_utils_1.ListUtils.unwrapList(node.defnames).map(name => this.visit(name, context)).join('.'));
                }
                if (node.definition && node.definition.length > 0) {
                    const defineStmtContext = context.spawn('DefineStmt');
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        return this.visit(def, defineStmtContext);
                    });
                    output.push(`(${definitions.join(', ')})`);
                }
                break;
            case 'OBJECT_AGGREGATE':
                output.push('CREATE');
                if (node.replace) {
                    output.push('OR REPLACE');
                }
                output.push('AGGREGATE');
                if (node.defnames && node.defnames.length > 0) {
                    const nameStrs = list_utils_1.ListUtils.unwrapList(node.defnames).map(name => this.visit(name, context));
                    output.push(nameStrs.join('.'));
                }
                if (node.args && node.args.length > 0) {
                    const args = list_utils_1.ListUtils.unwrapList(node.args);
                    // Check if this is an ordered-set aggregate (indicated by Integer(1) or empty Integer after List with FunctionParameter FUNC_PARAM_DEFAULT)
                    const hasOrderedSetIndicator = args.some(arg => arg.Integer && arg.Integer.ival === 1);
                    // Check for ORDER BY pattern: List with FunctionParameter FUNC_PARAM_DEFAULT followed by empty Integer
                    const hasOrderByPattern = args.length >= 2 &&
                        args[0].List &&
                        args[0].List.items &&
                        args[0].List.items.length === 1 &&
                        args[0].List.items[0].FunctionParameter &&
                        args[0].List.items[0].FunctionParameter.mode === 'FUNC_PARAM_DEFAULT' &&
                        args[1].Integer && Object.keys(args[1].Integer).length === 0;
                    const filteredArgs = args.filter(arg => {
                        if (arg.Integer && (arg.Integer.ival === -1 || arg.Integer.ival === 1)) {
                            return false;
                        }
                        if (arg.Integer && Object.keys(arg.Integer).length === 0 && hasOrderByPattern) {
                            return false;
                        }
                        return true;
                    });
                    if (filteredArgs.length > 0) {
                        if (hasOrderByPattern) {
                            // Handle ORDER BY syntax for aggregates like myavg (ORDER BY numeric)
                            const listArg = filteredArgs[0];
                            if (listArg.List && listArg.List.items && listArg.List.items[0].FunctionParameter) {
                                const functionParam = listArg.List.items[0].FunctionParameter;
                                // Handle argType which has a TypeName-like structure with names array
                                let paramStr;
                                if (functionParam.argType && functionParam.argType.names) {
                                    // Extract type name from names array (skip pg_catalog schema)
                                    const names = functionParam.argType.names;
                                    if (names.length >= 2 && names[0].String && names[0].String.sval === 'pg_catalog') {
                                        paramStr = names[1].String.sval;
                                    }
                                    else if (names.length >= 1 && names[0].String) {
                                        paramStr = names[0].String.sval;
                                    }
                                    else {
                                        paramStr = 'unknown';
                                    }
                                }
                                else {
                                    // Fallback to visiting the argType as a TypeName
                                    paramStr = this.visit({ TypeName: functionParam.argType }, context);
                                }
                                output.push(`(ORDER BY ${paramStr})`);
                            }
                            else {
                                const paramStr = this.visit(listArg, context);
                                output.push(`(ORDER BY ${paramStr})`);
                            }
                        }
                        else if (hasOrderedSetIndicator && filteredArgs.length === 1 && filteredArgs[0].List) {
                            // Handle ordered-set aggregate with ORDER BY syntax
                            const listArg = filteredArgs[0].List;
                            if (listArg.items && listArg.items.length >= 2) {
                                const items = list_utils_1.ListUtils.unwrapList(listArg.items);
                                const firstItem = this.visit(items[0], context);
                                const remainingItems = items.slice(1).map(item => this.visit(item, context));
                                output.push(`(${firstItem} ORDER BY ${remainingItems.join(', ')})`);
                            }
                            else if (listArg.items && listArg.items.length === 1) {
                                // Handle single VARIADIC parameter in ordered-set context
                                const item = listArg.items[0];
                                if (item.FunctionParameter && item.FunctionParameter.mode === 'FUNC_PARAM_VARIADIC') {
                                    const paramStr = this.visit(item, context);
                                    output.push(`(${paramStr} ORDER BY ${paramStr})`);
                                }
                                else {
                                    const paramStr = this.visit(item, context);
                                    output.push(`(${paramStr})`);
                                }
                            }
                            else {
                                // Fallback to regular processing if structure is unexpected
                                const argStrs = filteredArgs.map(arg => {
                                    if (Object.keys(arg).length === 0) {
                                        return '*';
                                    }
                                    return this.visit(arg, context);
                                });
                                output.push(`(${argStrs.join(', ')})`);
                            }
                        }
                        else {
                            // Handle regular aggregate arguments
                            const argStrs = filteredArgs.map(arg => {
                                // Handle empty object representing * wildcard
                                if (Object.keys(arg).length === 0) {
                                    return '*';
                                }
                                return this.visit(arg, context);
                            });
                            output.push(`(${argStrs.join(', ')})`);
                        }
                    }
                }
                if (node.definition && node.definition.length > 0) {
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        if (def.DefElem) {
                            const defElem = def.DefElem;
                            const defName = defElem.defname;
                            const defValue = defElem.arg;
                            if (defName && defValue) {
                                const quotedDefName = quotes_1.QuoteUtils.quoteIdentifier(defName);
                                const preservedDefName = quotedDefName !== defName ? quotedDefName : defName;
                                // Handle String arguments with single quotes for string literals
                                if (defValue.String) {
                                    return `${preservedDefName} = '${defValue.String.sval}'`;
                                }
                                return `${preservedDefName} = ${this.visit(defValue, context)}`;
                            }
                        }
                        return this.visit(def, context);
                    });
                    output.push(`(${definitions.join(', ')})`);
                }
                break;
            case 'OBJECT_TSDICTIONARY':
                output.push('CREATE TEXT SEARCH DICTIONARY');
                if (node.defnames && node.defnames.length > 0) {
                    output.push(list_utils_1.ListUtils.unwrapList(node.defnames).map(name => this.visit(name, context)).join('.'));
                }
                if (node.definition && node.definition.length > 0) {
                    output.push('(');
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        if (def.DefElem) {
                            const defElem = def.DefElem;
                            const defName = defElem.defname;
                            const defValue = defElem.arg;
                            if (defName && defValue) {
                                return `${defName} = ${this.visit(defValue, context)}`;
                            }
                        }
                        return this.visit(def, context);
                    });
                    output.push(definitions.join(', '));
                    output.push(')');
                }
                break;
            case 'OBJECT_TSCONFIGURATION':
                output.push('CREATE TEXT SEARCH CONFIGURATION');
                if (node.defnames && node.defnames.length > 0) {
                    output.push(list_utils_1.ListUtils.unwrapList(node.defnames).map(name => this.visit(name, context)).join('.'));
                }
                if (node.definition && node.definition.length > 0) {
                    output.push('(');
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        if (def.DefElem) {
                            const defElem = def.DefElem;
                            const defName = defElem.defname;
                            const defValue = defElem.arg;
                            if (defName && defValue) {
                                return `${defName} = ${this.visit(defValue, context)}`;
                            }
                        }
                        return this.visit(def, context);
                    });
                    output.push(definitions.join(', '));
                    output.push(')');
                }
                break;
            case 'OBJECT_TSPARSER':
                output.push('CREATE TEXT SEARCH PARSER');
                if (node.defnames && node.defnames.length > 0) {
                    const names = list_utils_1.ListUtils.unwrapList(node.defnames)
                        .map(name => this.visit(name, context))
                        .join('.');
                    output.push(names);
                }
                if (node.definition && node.definition.length > 0) {
                    output.push('(');
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        if (def.DefElem) {
                            const defElem = def.DefElem;
                            const defName = defElem.defname;
                            const defValue = defElem.arg;
                            if (defName && defValue) {
                                return `${defName} = ${this.visit(defValue, context)}`;
                            }
                        }
                        return this.visit(def, context);
                    });
                    output.push(definitions.join(', '));
                    output.push(')');
                }
                break;
            case 'OBJECT_TSTEMPLATE':
                output.push('CREATE TEXT SEARCH TEMPLATE');
                if (node.defnames && node.defnames.length > 0) {
                    const names = list_utils_1.ListUtils.unwrapList(node.defnames)
                        .map(name => this.visit(name, context))
                        .join('.');
                    output.push(names);
                }
                if (node.definition && node.definition.length > 0) {
                    output.push('(');
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        if (def.DefElem) {
                            const defElem = def.DefElem;
                            const defName = defElem.defname;
                            const defValue = defElem.arg;
                            if (defName && defValue) {
                                return `${defName} = ${this.visit(defValue, context)}`;
                            }
                        }
                        return this.visit(def, context);
                    });
                    output.push(definitions.join(', '));
                    output.push(')');
                }
                break;
            case 'OBJECT_COLLATION':
                output.push('CREATE COLLATION');
                if (node.defnames && node.defnames.length > 0) {
                    output.push(list_utils_1.ListUtils.unwrapList(node.defnames).map(name => this.visit(name, context)).join('.'));
                }
                if (node.definition && node.definition.length > 0) {
                    const definitions = list_utils_1.ListUtils.unwrapList(node.definition).map(def => {
                        if (def.DefElem) {
                            const defElem = def.DefElem;
                            const defName = defElem.defname;
                            const defValue = defElem.arg;
                            if (defName && defValue) {
                                // Handle FROM clause for collation definitions
                                if (defName === 'from') {
                                    return `FROM ${this.visit(defValue, context)}`;
                                }
                                // For CREATE COLLATION, ensure String nodes are quoted as string literals
                                let valueStr;
                                if (defValue.String) {
                                    valueStr = `'${defValue.String.sval}'`;
                                }
                                else {
                                    valueStr = this.visit(defValue, context);
                                }
                                return `${defName} = ${valueStr}`;
                            }
                        }
                        return this.visit(def, context);
                    });
                    // Check if we have FROM clause or parameter definitions
                    const hasFromClause = definitions.some(def => def.startsWith('FROM '));
                    if (hasFromClause) {
                        output.push(definitions.join(' '));
                    }
                    else {
                        // Wrap parameter definitions in parentheses
                        output.push(`(${definitions.join(', ')})`);
                    }
                }
                break;
            default:
                throw new Error(`Unsupported DefineStmt kind: ${node.kind}`);
        }
        return output.join(' ');
    }
    AlterDatabaseStmt(node, context) {
        const output = ['ALTER', 'DATABASE'];
        if (node.dbname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.dbname));
        }
        if (node.options && node.options.length > 0) {
            const options = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, context));
            output.push(options.join(' '));
        }
        return output.join(' ');
    }
    AlterDatabaseRefreshCollStmt(node, context) {
        const output = ['ALTER', 'DATABASE'];
        if (node.dbname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.dbname));
        }
        output.push('REFRESH', 'COLLATION', 'VERSION');
        return output.join(' ');
    }
    AlterDatabaseSetStmt(node, context) {
        const output = ['ALTER', 'DATABASE'];
        if (node.dbname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.dbname));
        }
        if (node.setstmt) {
            const setClause = this.VariableSetStmt(node.setstmt, context);
            output.push(setClause);
        }
        return output.join(' ');
    }
    DeclareCursorStmt(node, context) {
        const output = ['DECLARE'];
        if (node.portalname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.portalname));
        }
        // Handle cursor options before CURSOR keyword
        const cursorOptions = [];
        if (node.options) {
            if (node.options & 2) {
                cursorOptions.push('SCROLL');
            }
            else if (node.options & 4) {
                cursorOptions.push('NO SCROLL');
            }
            // Handle other cursor options
            if (node.options & 1)
                cursorOptions.push('BINARY');
            if (node.options & 8)
                cursorOptions.push('INSENSITIVE');
        }
        if (cursorOptions.length > 0) {
            output.push(...cursorOptions);
        }
        output.push('CURSOR');
        // Handle WITH HOLD after CURSOR keyword (0x0020 = 32)
        if (node.options && (node.options & 32)) {
            output.push('WITH HOLD');
        }
        output.push('FOR');
        if (node.query) {
            output.push(this.visit(node.query, context));
        }
        return output.join(' ');
    }
    PublicationObjSpec(node, context) {
        const output = [];
        if (node.pubobjtype === 'PUBLICATIONOBJ_TABLE') {
            output.push('TABLE');
            if (node.pubtable) {
                output.push(this.PublicationTable(node.pubtable, context));
            }
        }
        else if (node.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_SCHEMA') {
            output.push('TABLES IN SCHEMA');
            if (node.name) {
                output.push(quotes_1.QuoteUtils.quoteIdentifier(node.name));
            }
        }
        else if (node.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA') {
            output.push('TABLES IN SCHEMA CURRENT_SCHEMA');
        }
        return output.join(' ');
    }
    PublicationTable(node, context) {
        const output = [];
        if (node.relation) {
            output.push(this.RangeVar(node.relation, context));
        }
        if (node.columns && node.columns.length > 0) {
            const columns = list_utils_1.ListUtils.unwrapList(node.columns).map(col => this.visit(col, context));
            output.push(`(${columns.join(', ')})`);
        }
        if (node.whereClause) {
            output.push('WHERE');
            output.push(`(${this.visit(node.whereClause, context)})`);
        }
        return output.join(' ');
    }
    CreateAmStmt(node, context) {
        const output = ['CREATE', 'ACCESS', 'METHOD'];
        if (node.amname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.amname));
        }
        output.push('TYPE');
        switch (node.amtype) {
            case 'i':
                output.push('INDEX');
                break;
            case 't':
                output.push('TABLE');
                break;
            default:
                // Fallback to the raw value if unknown
                output.push(node.amtype || '');
                break;
        }
        if (node.handler_name && node.handler_name.length > 0) {
            output.push('HANDLER');
            const handlerName = list_utils_1.ListUtils.unwrapList(node.handler_name)
                .map(name => this.visit(name, context))
                .join('.');
            output.push(handlerName);
        }
        return output.join(' ');
    }
    IntoClause(node, context) {
        const output = [];
        if (node.rel) {
            output.push(this.RangeVar(node.rel, context));
        }
        if (node.colNames && node.colNames.length > 0) {
            const columns = list_utils_1.ListUtils.unwrapList(node.colNames)
                .map(col => this.visit(col, context))
                .join(', ');
            output.push(`(${columns})`);
        }
        if (node.accessMethod) {
            output.push('USING', node.accessMethod);
        }
        if (node.options && node.options.length > 0) {
            output.push('WITH');
            const options = list_utils_1.ListUtils.unwrapList(node.options)
                .map(opt => this.visit(opt, context))
                .join(', ');
            output.push(`(${options})`);
        }
        if (node.onCommit && node.onCommit !== 'ONCOMMIT_NOOP') {
            output.push('ON COMMIT');
            switch (node.onCommit) {
                case 'ONCOMMIT_PRESERVE_ROWS':
                    output.push('PRESERVE ROWS');
                    break;
                case 'ONCOMMIT_DELETE_ROWS':
                    output.push('DELETE ROWS');
                    break;
                case 'ONCOMMIT_DROP':
                    output.push('DROP');
                    break;
            }
        }
        if (node.tableSpaceName) {
            output.push('TABLESPACE', quotes_1.QuoteUtils.quoteIdentifier(node.tableSpaceName));
        }
        return output.join(' ');
    }
    OnConflictExpr(node, context) {
        const output = ['ON CONFLICT'];
        if (node.arbiterElems && node.arbiterElems.length > 0) {
            const arbiters = list_utils_1.ListUtils.unwrapList(node.arbiterElems)
                .map(elem => this.visit(elem, context))
                .join(', ');
            output.push(`(${arbiters})`);
        }
        if (node.arbiterWhere) {
            output.push('WHERE');
            output.push(this.visit(node.arbiterWhere, context));
        }
        if (node.action === 'ONCONFLICT_NOTHING') {
            output.push('DO NOTHING');
        }
        else if (node.action === 'ONCONFLICT_UPDATE') {
            output.push('DO UPDATE SET');
            if (node.onConflictSet && node.onConflictSet.length > 0) {
                const updates = list_utils_1.ListUtils.unwrapList(node.onConflictSet)
                    .map(set => this.visit(set, context))
                    .join(', ');
                output.push(updates);
            }
            if (node.onConflictWhere) {
                output.push('WHERE');
                output.push(this.visit(node.onConflictWhere, context));
            }
        }
        return output.join(' ');
    }
    ScanToken(node, context) {
        return '';
    }
    CreateOpClassItem(node, context) {
        const output = [];
        if (node.itemtype === 1) {
            output.push('OPERATOR');
            // For operators, always include the number (default to 0 if undefined)
            const operatorNumber = node.number !== undefined ? node.number : 0;
            output.push(operatorNumber.toString());
            if (node.name) {
                const opClassContext = context.spawn('CreateOpClassItem');
                output.push(this.ObjectWithArgs(node.name, opClassContext));
            }
        }
        else if (node.itemtype === 2) {
            output.push('FUNCTION');
            // For functions, always include the number (default to 0 if undefined)
            const functionNumber = node.number !== undefined ? node.number : 0;
            output.push(functionNumber.toString());
            if (node.name) {
                const opClassContext = context.spawn('CreateOpClassItem');
                output.push(this.ObjectWithArgs(node.name, opClassContext));
            }
        }
        else if (node.itemtype === 3) {
            output.push('STORAGE');
            if (node.storedtype) {
                output.push(this.TypeName(node.storedtype, context));
            }
        }
        if (node.order_family && node.order_family.length > 0) {
            output.push('FOR ORDER BY');
            const orderFamily = list_utils_1.ListUtils.unwrapList(node.order_family)
                .map(family => this.visit(family, context))
                .join('.');
            output.push(orderFamily);
        }
        if (node.class_args && node.class_args.length > 0) {
            const classArgs = list_utils_1.ListUtils.unwrapList(node.class_args)
                .map(arg => this.visit(arg, context))
                .join(', ');
            output.push(`(${classArgs})`);
        }
        return output.join(' ');
    }
    Var(node, context) {
        if (node.varno && node.varattno) {
            return `$${node.varno}.${node.varattno}`;
        }
        return '$var';
    }
    TableFunc(node, context) {
        const output = [];
        if (node.functype === 'TFT_XMLTABLE') {
            output.push('XMLTABLE');
            if (node.ns_names && node.ns_names.length > 0) {
                output.push('XMLNAMESPACES');
                const namespaces = list_utils_1.ListUtils.unwrapList(node.ns_names)
                    .map(ns => this.visit(ns, context))
                    .join(', ');
                output.push(`(${namespaces})`);
            }
            if (node.rowexpr) {
                output.push(`(${this.visit(node.rowexpr, context)})`);
            }
            if (node.docexpr) {
                output.push('PASSING');
                output.push(this.visit(node.docexpr, context));
            }
            if (node.colexprs && node.colexprs.length > 0) {
                output.push('COLUMNS');
                const columns = list_utils_1.ListUtils.unwrapList(node.colexprs)
                    .map(col => this.visit(col, context))
                    .join(', ');
                output.push(columns);
            }
        }
        else if (node.functype === 'TFT_JSON_TABLE') {
            output.push('JSON_TABLE');
            if (node.docexpr) {
                output.push(`(${this.visit(node.docexpr, context)})`);
            }
            if (node.rowexpr) {
                output.push(',');
                output.push(`'${this.visit(node.rowexpr, context)}'`);
            }
            if (node.colexprs && node.colexprs.length > 0) {
                output.push('COLUMNS');
                const columns = list_utils_1.ListUtils.unwrapList(node.colexprs)
                    .map(col => this.visit(col, context))
                    .join(', ');
                output.push(`(${columns})`);
            }
        }
        return output.join(' ');
    }
    RangeTableFunc(node, context) {
        const output = [];
        if (node.lateral) {
            output.push('LATERAL');
        }
        if (node.docexpr) {
            output.push(this.visit(node.docexpr, context));
        }
        if (node.rowexpr) {
            output.push('PASSING');
            output.push(this.visit(node.rowexpr, context));
        }
        if (node.columns && node.columns.length > 0) {
            output.push('COLUMNS');
            const columns = list_utils_1.ListUtils.unwrapList(node.columns)
                .map(col => this.visit(col, context))
                .join(', ');
            output.push(`(${columns})`);
        }
        if (node.alias) {
            output.push(this.Alias(node.alias, context));
        }
        return output.join(' ');
    }
    RangeTableFuncCol(node, context) {
        const output = [];
        if (node.colname) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.colname));
        }
        if (node.for_ordinality) {
            output.push('FOR ORDINALITY');
        }
        else if (node.typeName) {
            output.push(this.TypeName(node.typeName, context));
        }
        if (node.colexpr) {
            output.push('PATH');
            output.push(`'${this.visit(node.colexpr, context)}'`);
        }
        if (node.coldefexpr) {
            output.push('DEFAULT');
            output.push(this.visit(node.coldefexpr, context));
        }
        return output.join(' ');
    }
    formatJsonFormat(format) {
        if (!format || !format.format_type || format.format_type === 'JS_FORMAT_DEFAULT') {
            return null;
        }
        const parts = ['FORMAT JSON'];
        switch (format.encoding) {
            case 'JS_ENC_UTF8':
                parts.push('ENCODING UTF8');
                break;
            case 'JS_ENC_UTF16':
                parts.push('ENCODING UTF16');
                break;
            case 'JS_ENC_UTF32':
                parts.push('ENCODING UTF32');
                break;
        }
        return parts.join(' ');
    }
    formatJsonOutput(output, context) {
        if (!output || !output.typeName)
            return null;
        const parts = ['RETURNING', this.TypeName(output.typeName, context)];
        const format = this.formatJsonFormat(output.returning?.format);
        if (format)
            parts.push(format);
        return parts.join(' ');
    }
    formatJsonNullClause(absentOnNull) {
        return absentOnNull ? 'ABSENT ON NULL' : 'NULL ON NULL';
    }
    formatJsonUniqueClause(unique) {
        return unique ? 'WITH UNIQUE KEYS' : null;
    }
    JsonValueExpr(node, context) {
        const parts = [];
        if (node.raw_expr) {
            parts.push(this.visit(node.raw_expr, context));
        }
        const format = this.formatJsonFormat(node.format);
        if (format)
            parts.push(format);
        return parts.join(' ');
    }
    JsonKeyValue(node, context) {
        const key = node.key ? this.visit(node.key, context) : '';
        const value = node.value ? this.JsonValueExpr(node.value, context) : '';
        return `${key} : ${value}`;
    }
    JsonObjectConstructor(node, context) {
        const args = [];
        if (node.exprs && node.exprs.length > 0) {
            args.push(list_utils_1.ListUtils.unwrapList(node.exprs).map(e => this.visit(e, context)).join(', '));
            args.push(this.formatJsonNullClause(node.absent_on_null));
            const unique = this.formatJsonUniqueClause(node.unique);
            if (unique)
                args.push(unique);
        }
        const output = this.formatJsonOutput(node.output, context);
        if (output)
            args.push(output);
        return `JSON_OBJECT(${args.join(' ')})`;
    }
    JsonArrayConstructor(node, context) {
        const args = [];
        if (node.exprs && node.exprs.length > 0) {
            args.push(list_utils_1.ListUtils.unwrapList(node.exprs).map(e => this.visit(e, context)).join(', '));
            args.push(this.formatJsonNullClause(node.absent_on_null));
        }
        const output = this.formatJsonOutput(node.output, context);
        if (output)
            args.push(output);
        return `JSON_ARRAY(${args.join(' ')})`;
    }
    JsonArrayQueryConstructor(node, context) {
        const args = [];
        if (node.query) {
            args.push(this.visit(node.query, context));
        }
        const format = this.formatJsonFormat(node.format);
        if (format)
            args.push(format);
        const output = this.formatJsonOutput(node.output, context);
        if (output)
            args.push(output);
        return `JSON_ARRAY(${args.join(' ')})`;
    }
    formatJsonAggSuffix(ctor, context) {
        if (!ctor)
            return '';
        let result = '';
        if (ctor.agg_filter) {
            result += ` FILTER (WHERE ${this.visit(ctor.agg_filter, context)})`;
        }
        if (ctor.over) {
            result += this.formatOverClause(ctor.over, context);
        }
        return result;
    }
    JsonObjectAgg(node, context) {
        const args = [];
        if (node.arg) {
            args.push(this.JsonKeyValue(node.arg, context));
        }
        args.push(this.formatJsonNullClause(node.absent_on_null));
        const unique = this.formatJsonUniqueClause(node.unique);
        if (unique)
            args.push(unique);
        const output = this.formatJsonOutput(node.constructor?.output, context);
        if (output)
            args.push(output);
        return `JSON_OBJECTAGG(${args.join(' ')})${this.formatJsonAggSuffix(node.constructor, context)}`;
    }
    JsonArrayAgg(node, context) {
        const args = [];
        if (node.arg) {
            args.push(this.JsonValueExpr(node.arg, context));
        }
        const aggOrder = node.constructor?.agg_order;
        if (aggOrder && aggOrder.length > 0) {
            const orderItems = list_utils_1.ListUtils.unwrapList(aggOrder).map(item => this.visit(item, context));
            args.push(`ORDER BY ${orderItems.join(', ')}`);
        }
        args.push(this.formatJsonNullClause(node.absent_on_null));
        const output = this.formatJsonOutput(node.constructor?.output, context);
        if (output)
            args.push(output);
        return `JSON_ARRAYAGG(${args.join(' ')})${this.formatJsonAggSuffix(node.constructor, context)}`;
    }
    JsonParseExpr(node, context) {
        const args = [];
        if (node.expr) {
            args.push(this.JsonValueExpr(node.expr, context));
        }
        const unique = this.formatJsonUniqueClause(node.unique_keys);
        if (unique)
            args.push(unique);
        return `JSON(${args.join(' ')})`;
    }
    JsonScalarExpr(node, context) {
        const expr = node.expr ? this.visit(node.expr, context) : '';
        return `JSON_SCALAR(${expr})`;
    }
    JsonSerializeExpr(node, context) {
        const args = [];
        if (node.expr) {
            args.push(this.JsonValueExpr(node.expr, context));
        }
        const output = this.formatJsonOutput(node.output, context);
        if (output)
            args.push(output);
        return `JSON_SERIALIZE(${args.join(' ')})`;
    }
    JsonIsPredicate(node, context) {
        const parts = [];
        if (node.expr) {
            parts.push(this.visit(node.expr, context));
        }
        const format = this.formatJsonFormat(node.format);
        if (format)
            parts.push(format);
        parts.push('IS JSON');
        switch (node.item_type) {
            case 'JS_TYPE_OBJECT':
                parts.push('OBJECT');
                break;
            case 'JS_TYPE_ARRAY':
                parts.push('ARRAY');
                break;
            case 'JS_TYPE_SCALAR':
                parts.push('SCALAR');
                break;
        }
        if (node.unique_keys) {
            parts.push('WITH UNIQUE KEYS');
        }
        return parts.join(' ');
    }
    RangeFunction(node, context) {
        const output = [];
        if (node.lateral) {
            output.push('LATERAL');
        }
        if (node.is_rowsfrom) {
            output.push('ROWS FROM');
            if (node.functions && node.functions.length > 0) {
                const functionStrs = list_utils_1.ListUtils.unwrapList(node.functions)
                    .filter(func => func != null)
                    .map(func => {
                    try {
                        const nodeType = this.getNodeType(func);
                        if (nodeType === 'List') {
                            // Handle List containing [FuncCall, List of ColumnDefs]
                            const listData = this.getNodeData(func);
                            if (listData && listData.items && Array.isArray(listData.items)) {
                                const items = listData.items;
                                if (items.length >= 2) {
                                    const funcCall = this.visit(items[0], context);
                                    const coldefList = this.getNodeData(items[1]);
                                    if (coldefList && coldefList.items && Array.isArray(coldefList.items)) {
                                        const coldefs = coldefList.items
                                            .map((coldef) => this.visit(coldef, context))
                                            .filter((str) => str && str.trim());
                                        if (coldefs.length > 0) {
                                            return `${funcCall} AS (${coldefs.join(', ')})`;
                                        }
                                    }
                                    return funcCall;
                                }
                                else if (items.length === 1) {
                                    return this.visit(items[0], context);
                                }
                            }
                        }
                        return this.visit(func, context);
                    }
                    catch (error) {
                        console.warn(`Error processing function in RangeFunction: ${error instanceof Error ? error.message : String(error)}`);
                        return '';
                    }
                })
                    .filter(str => str && str.trim());
                if (functionStrs.length > 0) {
                    output.push(`(${functionStrs.join(', ')})`);
                }
            }
        }
        else {
            if (node.functions && node.functions.length > 0) {
                const functionStrs = list_utils_1.ListUtils.unwrapList(node.functions)
                    .filter(func => func != null)
                    .map(func => {
                    try {
                        const nodeType = this.getNodeType(func);
                        if (nodeType === 'List') {
                            // Handle List containing [FuncCall, potentially empty second item]
                            const listData = this.getNodeData(func);
                            if (listData && listData.items && Array.isArray(listData.items)) {
                                const items = listData.items;
                                if (items.length >= 1) {
                                    return this.visit(items[0], context);
                                }
                            }
                        }
                        return this.visit(func, context);
                    }
                    catch (error) {
                        console.warn(`Error processing function in RangeFunction: ${error instanceof Error ? error.message : String(error)}`);
                        return '';
                    }
                })
                    .filter(str => str && str.trim());
                if (functionStrs.length > 0) {
                    output.push(functionStrs.join(', '));
                }
            }
        }
        if (node.ordinality) {
            output.push('WITH ORDINALITY');
        }
        // Handle alias and column definitions together for proper PostgreSQL syntax
        if (node.alias) {
            if (node.coldeflist && node.coldeflist.length > 0) {
                const aliasName = node.alias.aliasname;
                const coldefs = list_utils_1.ListUtils.unwrapList(node.coldeflist)
                    .map(coldef => this.visit(coldef, context))
                    .filter(str => str && str.trim());
                output.push(`${aliasName} (${coldefs.join(', ')})`);
            }
            else {
                // Regular alias without column definitions
                output.push(this.Alias(node.alias, context));
            }
        }
        else if (node.coldeflist && node.coldeflist.length > 0) {
            const coldefs = list_utils_1.ListUtils.unwrapList(node.coldeflist)
                .map(coldef => this.visit(coldef, context))
                .filter(str => str && str.trim());
            output.push(`AS (${coldefs.join(', ')})`);
        }
        return output.join(' ');
    }
    XmlExpr(node, context) {
        // Handle XMLPI with special syntax: xmlpi(name target, content)
        if (node.op === 'IS_XMLPI') {
            if (node.name && node.args && node.args.length > 0) {
                const argStrs = list_utils_1.ListUtils.unwrapList(node.args).map(arg => this.visit(arg, context));
                return `xmlpi(name ${quotes_1.QuoteUtils.quoteIdentifier(node.name)}, ${argStrs.join(', ')})`;
            }
            else if (node.name) {
                return `xmlpi(name ${quotes_1.QuoteUtils.quoteIdentifier(node.name)})`;
            }
            else {
                return 'XMLPI()';
            }
        }
        const output = [];
        switch (node.op) {
            case 'IS_XMLCONCAT':
                output.push('XMLCONCAT');
                break;
            case 'IS_XMLELEMENT':
                output.push('XMLELEMENT');
                const elementParts = [];
                if (node.name) {
                    elementParts.push(`NAME ${quotes_1.QuoteUtils.quoteIdentifier(node.name)}`);
                }
                if (node.named_args && node.named_args.length > 0) {
                    const namedArgStrs = list_utils_1.ListUtils.unwrapList(node.named_args).map(arg => this.visit(arg, context));
                    elementParts.push(`XMLATTRIBUTES(${namedArgStrs.join(', ')})`);
                }
                if (node.args && node.args.length > 0) {
                    const argStrs = list_utils_1.ListUtils.unwrapList(node.args).map(arg => this.visit(arg, context));
                    elementParts.push(...argStrs);
                }
                if (elementParts.length > 0) {
                    output.push(`(${elementParts.join(', ')})`);
                }
                break;
            case 'IS_XMLFOREST':
                output.push('XMLFOREST');
                break;
            case 'IS_XMLPARSE':
                output.push('XMLPARSE');
                const parseParts = [];
                if (node.xmloption) {
                    if (node.xmloption === 'XMLOPTION_DOCUMENT') {
                        parseParts.push('DOCUMENT');
                    }
                    else if (node.xmloption === 'XMLOPTION_CONTENT') {
                        parseParts.push('CONTENT');
                    }
                }
                if (node.args && node.args.length > 0) {
                    const argStrs = list_utils_1.ListUtils.unwrapList(node.args).map(arg => this.visit(arg, context));
                    if (argStrs.length > 0) {
                        parseParts.push(argStrs[0]);
                    }
                }
                if (parseParts.length > 0) {
                    output.push(`(${parseParts.join(' ')})`);
                }
                break;
            case 'IS_XMLROOT':
                output.push('XMLROOT');
                if (node.args && node.args.length > 0) {
                    const args = list_utils_1.ListUtils.unwrapList(node.args);
                    const rootParts = [];
                    if (args[0]) {
                        rootParts.push(this.visit(args[0], context));
                    }
                    if (args[1]) {
                        const versionArg = args[1];
                        if (versionArg.A_Const && versionArg.A_Const.isnull) {
                            rootParts.push('version NO VALUE');
                        }
                        else {
                            rootParts.push(`version ${this.visit(versionArg, context)}`);
                        }
                    }
                    if (args[2]) {
                        const standaloneArg = args[2];
                        if (standaloneArg.A_Const && standaloneArg.A_Const.ival !== undefined) {
                            if (standaloneArg.A_Const.ival.ival === 1) {
                                rootParts.push('STANDALONE NO');
                            }
                            else if (standaloneArg.A_Const.ival.ival === 2) {
                                rootParts.push('STANDALONE NO VALUE');
                            }
                            else if (standaloneArg.A_Const.ival.ival === 3) {
                                // STANDALONE omitted
                            }
                            else if (Object.keys(standaloneArg.A_Const.ival).length === 0) {
                                rootParts.push('STANDALONE YES');
                            }
                            else {
                                rootParts.push(`STANDALONE ${this.visit(standaloneArg, context)}`);
                            }
                        }
                        else {
                            rootParts.push(`STANDALONE ${this.visit(standaloneArg, context)}`);
                        }
                    }
                    if (rootParts.length > 0) {
                        output.push(`(${rootParts.join(', ')})`);
                    }
                }
                break;
            case 'IS_XMLSERIALIZE':
                output.push('XMLSERIALIZE');
                break;
            case 'IS_DOCUMENT':
                if (node.args && node.args.length > 0) {
                    const argStrs = list_utils_1.ListUtils.unwrapList(node.args).map(arg => this.visit(arg, context));
                    output.push(`${argStrs[0]} IS DOCUMENT`);
                }
                else {
                    output.push('IS DOCUMENT');
                }
                break;
            default:
                throw new Error(`Unsupported XmlExpr op: ${node.op}`);
        }
        // Handle name and args for operations that don't have special handling
        if (node.op !== 'IS_XMLELEMENT' && node.op !== 'IS_XMLPARSE' && node.op !== 'IS_XMLROOT' && node.op !== 'IS_DOCUMENT') {
            if (node.name) {
                const quotedName = quotes_1.QuoteUtils.quoteIdentifier(node.name);
                output.push(`NAME ${quotedName}`);
            }
            if (node.args && node.args.length > 0) {
                const argStrs = list_utils_1.ListUtils.unwrapList(node.args).map(arg => this.visit(arg, context));
                output.push(`(${argStrs.join(', ')})`);
            }
        }
        if (node.named_args && node.named_args.length > 0 && node.op !== 'IS_XMLELEMENT') {
            const namedArgStrs = list_utils_1.ListUtils.unwrapList(node.named_args).map(arg => this.visit(arg, context));
            if (node.op === 'IS_XMLFOREST') {
                output.push(`(${namedArgStrs.join(', ')})`);
            }
            else {
                output.push(`XMLATTRIBUTES(${namedArgStrs.join(', ')})`);
            }
        }
        return output.join(' ');
    }
    schemaname(node, context) {
        if (typeof node === 'string') {
            return quotes_1.QuoteUtils.quoteIdentifier(node);
        }
        if (node && node.String && node.String.sval) {
            return quotes_1.QuoteUtils.quoteIdentifier(node.String.sval);
        }
        // Handle other node types without recursion
        if (node && typeof node === 'object') {
            if (node.sval !== undefined) {
                return quotes_1.QuoteUtils.quoteIdentifier(node.sval);
            }
            // Handle List nodes that might contain schema names
            if (node.List && Array.isArray(node.List.items)) {
                const items = node.List.items;
                if (items.length > 0 && items[0].String && items[0].String.sval) {
                    return quotes_1.QuoteUtils.quoteIdentifier(items[0].String.sval);
                }
            }
            // For other complex nodes, try to extract string value without recursion
            if (node.val !== undefined) {
                return quotes_1.QuoteUtils.quoteIdentifier(node.val);
            }
            return '';
        }
        return '';
    }
    RangeTableSample(node, context) {
        const output = [];
        if (node.relation) {
            output.push(this.visit(node.relation, context));
        }
        output.push('TABLESAMPLE');
        if (node.method && node.method.length > 0) {
            const methodParts = node.method.map((m) => this.visit(m, context));
            output.push(methodParts.join('.'));
        }
        if (node.args && node.args.length > 0) {
            const argStrs = node.args.map((arg) => this.visit(arg, context));
            output.push(`(${argStrs.join(', ')})`);
        }
        if (node.repeatable) {
            output.push('REPEATABLE');
            output.push(`(${this.visit(node.repeatable, context)})`);
        }
        return output.join(' ');
    }
    XmlSerialize(node, context) {
        const output = ['XMLSERIALIZE'];
        output.push('(');
        if (node.typeName) {
            if (node.xmloption === 'XMLOPTION_DOCUMENT') {
                output.push('DOCUMENT');
            }
            else {
                output.push('CONTENT');
            }
            output.push(this.visit(node.expr, context));
            output.push('AS');
            output.push(this.TypeName(node.typeName, context));
        }
        output.push(')');
        return output.join(' ');
    }
    ctes(node, context) {
        if (!node || !Array.isArray(node)) {
            return '';
        }
        const output = ['WITH'];
        // Check if any CTE is recursive by examining the first CTE's structure
        if (node.length > 0 && node[0] && node[0].CommonTableExpr && node[0].CommonTableExpr.recursive) {
            output.push('RECURSIVE');
        }
        const cteStrs = node.map(cte => this.visit(cte, context));
        output.push(cteStrs.join(', '));
        return output.join(' ');
    }
    RuleStmt(node, context) {
        const output = ['CREATE'];
        if (node.replace) {
            output.push('OR REPLACE');
        }
        output.push('RULE');
        if (node.rulename) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.rulename));
        }
        output.push('AS ON');
        if (node.event) {
            switch (node.event) {
                case 'CMD_SELECT':
                    output.push('SELECT');
                    break;
                case 'CMD_INSERT':
                    output.push('INSERT');
                    break;
                case 'CMD_UPDATE':
                    output.push('UPDATE');
                    break;
                case 'CMD_DELETE':
                    output.push('DELETE');
                    break;
                default:
                    output.push(node.event.toString());
            }
        }
        output.push('TO');
        if (node.relation) {
            // Handle relation node directly as RangeVar since it contains the RangeVar properties
            output.push(this.RangeVar(node.relation, context));
        }
        if (node.whereClause) {
            output.push('WHERE');
            output.push(this.visit(node.whereClause, context));
        }
        output.push('DO');
        if (node.instead) {
            output.push('INSTEAD');
        }
        if (node.actions && node.actions.length > 0) {
            if (node.actions.length === 1) {
                output.push(this.visit(node.actions[0], context));
            }
            else {
                output.push('(');
                const actionStrs = list_utils_1.ListUtils.unwrapList(node.actions).map(action => this.visit(action, context));
                output.push(actionStrs.join('; '));
                output.push(')');
            }
        }
        else {
            output.push('NOTHING');
        }
        return output.join(' ');
    }
    RangeSubselect(node, context) {
        const output = [];
        if (node.lateral) {
            output.push('LATERAL');
        }
        if (node.subquery) {
            output.push('(');
            output.push(this.visit(node.subquery, context));
            output.push(')');
        }
        if (node.alias) {
            output.push(this.Alias(node.alias, context));
        }
        return output.join(' ');
    }
    relname(node, context) {
        if (typeof node === 'string') {
            return quotes_1.QuoteUtils.quoteIdentifier(node);
        }
        if (node && node.String && node.String.sval) {
            return quotes_1.QuoteUtils.quoteIdentifier(node.String.sval);
        }
        if (node && typeof node === 'object' && node.relname) {
            return quotes_1.QuoteUtils.quoteIdentifier(node.relname);
        }
        return this.visit(node, context);
    }
    rel(node, context) {
        if (typeof node === 'string') {
            return quotes_1.QuoteUtils.quoteIdentifier(node);
        }
        if (node && node.String && node.String.sval) {
            return quotes_1.QuoteUtils.quoteIdentifier(node.String.sval);
        }
        if (node && node.RangeVar) {
            return this.RangeVar(node.RangeVar, context);
        }
        if (node && typeof node === 'object' && node.relname) {
            return quotes_1.QuoteUtils.quoteIdentifier(node.relname);
        }
        return this.visit(node, context);
    }
    objname(node, context) {
        if (typeof node === 'string') {
            return quotes_1.QuoteUtils.quoteIdentifier(node);
        }
        if (node && node.String && node.String.sval) {
            return quotes_1.QuoteUtils.quoteIdentifier(node.String.sval);
        }
        if (Array.isArray(node)) {
            const parts = node.map(part => {
                if (part && part.String && part.String.sval) {
                    return quotes_1.QuoteUtils.quoteIdentifier(part.String.sval);
                }
                return this.visit(part, context);
            });
            return parts.join('.');
        }
        return this.visit(node, context);
    }
    SQLValueFunction(node, context) {
        switch (node.op) {
            case 'SVFOP_CURRENT_DATE':
                return 'CURRENT_DATE';
            case 'SVFOP_CURRENT_TIME':
                return 'CURRENT_TIME';
            case 'SVFOP_CURRENT_TIME_N':
                return `CURRENT_TIME(${node.typmod || 0})`;
            case 'SVFOP_CURRENT_TIMESTAMP':
                return 'CURRENT_TIMESTAMP';
            case 'SVFOP_CURRENT_TIMESTAMP_N':
                return `CURRENT_TIMESTAMP(${node.typmod || 0})`;
            case 'SVFOP_LOCALTIME':
                return 'LOCALTIME';
            case 'SVFOP_LOCALTIME_N':
                return `LOCALTIME(${node.typmod || 0})`;
            case 'SVFOP_LOCALTIMESTAMP':
                return 'LOCALTIMESTAMP';
            case 'SVFOP_LOCALTIMESTAMP_N':
                return `LOCALTIMESTAMP(${node.typmod || 0})`;
            case 'SVFOP_CURRENT_ROLE':
                return 'CURRENT_ROLE';
            case 'SVFOP_CURRENT_USER':
                return 'CURRENT_USER';
            case 'SVFOP_USER':
                return 'USER';
            case 'SVFOP_SESSION_USER':
                return 'SESSION_USER';
            case 'SVFOP_CURRENT_CATALOG':
                return 'CURRENT_CATALOG';
            case 'SVFOP_CURRENT_SCHEMA':
                return 'CURRENT_SCHEMA';
            default:
                throw new Error(`Unsupported SQLValueFunction op: ${node.op}`);
        }
    }
    GroupingFunc(node, context) {
        const output = ['GROUPING'];
        if (node.args && node.args.length > 0) {
            const argStrs = list_utils_1.ListUtils.unwrapList(node.args).map(arg => this.visit(arg, context));
            output.push(`(${argStrs.join(', ')})`);
        }
        else {
            output.push('()');
        }
        return output.join('');
    }
    MultiAssignRef(node, context) {
        const output = [];
        if (node.source) {
            output.push(this.visit(node.source, context));
        }
        if (node.colno > 0) {
            output.push(`[${node.colno}]`);
        }
        return output.join('');
    }
    SetToDefault(node, context) {
        return 'DEFAULT';
    }
    CurrentOfExpr(node, context) {
        const output = ['CURRENT OF'];
        if (node.cursor_name) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.cursor_name));
        }
        if (node.cursor_param > 0) {
            output.push(`$${node.cursor_param}`);
        }
        return output.join(' ');
    }
    TableLikeClause(node, context) {
        const output = ['LIKE'];
        if (node.relation) {
            output.push(this.visit(node.relation, context));
        }
        if (node.options && typeof node.options === 'number') {
            // Handle special case for INCLUDING ALL (all bits set)
            if (node.options === 2147483647 || node.options === 0x7FFFFFFF) {
                output.push('INCLUDING ALL');
            }
            else {
                const optionStrs = [];
                // Handle bitfield options for CREATE TABLE LIKE
                if (node.options & 0x01)
                    optionStrs.push('INCLUDING COMMENTS');
                if (node.options & 0x04)
                    optionStrs.push('INCLUDING CONSTRAINTS');
                if (node.options & 0x08)
                    optionStrs.push('INCLUDING DEFAULTS');
                if (node.options & 0x10)
                    optionStrs.push('INCLUDING GENERATED');
                if (node.options & 0x20)
                    optionStrs.push('INCLUDING IDENTITY');
                if (node.options & 0x40)
                    optionStrs.push('INCLUDING INDEXES');
                if (node.options & 0x80)
                    optionStrs.push('INCLUDING STATISTICS');
                if (node.options & 0x100)
                    optionStrs.push('INCLUDING STORAGE');
                if (optionStrs.length > 0) {
                    output.push(optionStrs.join(' '));
                }
            }
        }
        return output.join(' ');
    }
    AlterFunctionStmt(node, context) {
        const output = ['ALTER'];
        if (node.objtype === 'OBJECT_PROCEDURE') {
            output.push('PROCEDURE');
        }
        else {
            output.push('FUNCTION');
        }
        if (node.func) {
            output.push(this.ObjectWithArgs(node.func, context));
        }
        if (node.actions && node.actions.length > 0) {
            const alterFunctionContext = context.spawn('AlterFunctionStmt');
            const actionStrs = list_utils_1.ListUtils.unwrapList(node.actions).map(action => this.visit(action, alterFunctionContext));
            output.push(actionStrs.join(' '));
        }
        return output.join(' ');
    }
    AlterObjectSchemaStmt(node, context) {
        const output = ['ALTER'];
        try {
            output.push(this.getObjectTypeKeyword(node.objectType));
        }
        catch {
            // Fallback to objectType string if not supported
            output.push(node.objectType.toString());
        }
        if (node.missing_ok) {
            output.push('IF EXISTS');
        }
        if (node.relation && (node.objectType === 'OBJECT_TABLE' || node.objectType === 'OBJECT_FOREIGN_TABLE' || node.objectType === 'OBJECT_MATVIEW')) {
            output.push(this.RangeVar(node.relation, context));
        }
        else if (node.object) {
            // Handle domain objects specially to format schema.domain correctly
            if (node.objectType === 'OBJECT_DOMAIN' && node.object.List) {
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const schemaName = items[0].String?.sval || '';
                    const domainName = items[1].String?.sval || '';
                    output.push(quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, domainName));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_TYPE' && node.object.List) {
                // Handle type objects specially to format schema.type correctly
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const schemaName = items[0].String?.sval || '';
                    const typeName = items[1].String?.sval || '';
                    output.push(quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, typeName));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_CONVERSION' && node.object.List) {
                // Handle conversion objects specially to format schema.conversion correctly
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const schemaName = items[0].String?.sval || '';
                    const conversionName = items[1].String?.sval || '';
                    output.push(quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, conversionName));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_TSPARSER' && node.object.List) {
                // Handle text search parser objects specially to format schema.parser correctly
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const schemaName = items[0].String?.sval || '';
                    const parserName = items[1].String?.sval || '';
                    output.push(quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, parserName));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_TSCONFIGURATION' && node.object.List) {
                // Handle text search configuration objects specially to format schema.config correctly
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const schemaName = items[0].String?.sval || '';
                    const configName = items[1].String?.sval || '';
                    output.push(quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, configName));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_TSTEMPLATE' && node.object.List) {
                // Handle text search template objects specially to format schema.template correctly
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const schemaName = items[0].String?.sval || '';
                    const templateName = items[1].String?.sval || '';
                    output.push(quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, templateName));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_TSDICTIONARY' && node.object.List) {
                // Handle text search dictionary objects specially to format schema.dictionary correctly
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const schemaName = items[0].String?.sval || '';
                    const dictionaryName = items[1].String?.sval || '';
                    output.push(quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, dictionaryName));
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_OPCLASS' && node.object.List) {
                // Handle operator class objects: ALTER OPERATOR CLASS name USING access_method
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const accessMethod = items[0].String?.sval || '';
                    const opClassName = items[1].String?.sval || '';
                    output.push(`${quotes_1.QuoteUtils.quoteIdentifier(opClassName)} USING ${accessMethod}`);
                }
                else if (items.length === 3) {
                    const accessMethod = items[0].String?.sval || '';
                    const schemaName = items[1].String?.sval || '';
                    const opClassName = items[2].String?.sval || '';
                    output.push(`${quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, opClassName)} USING ${accessMethod}`);
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else if (node.objectType === 'OBJECT_OPFAMILY' && node.object.List) {
                // Handle operator family objects: ALTER OPERATOR FAMILY name USING access_method
                const items = list_utils_1.ListUtils.unwrapList(node.object);
                if (items.length === 2) {
                    const accessMethod = items[0].String?.sval || '';
                    const opFamilyName = items[1].String?.sval || '';
                    output.push(`${quotes_1.QuoteUtils.quoteIdentifier(opFamilyName)} USING ${accessMethod}`);
                }
                else if (items.length === 3) {
                    const accessMethod = items[0].String?.sval || '';
                    const schemaName = items[1].String?.sval || '';
                    const opFamilyName = items[2].String?.sval || '';
                    output.push(`${quotes_1.QuoteUtils.quoteQualifiedIdentifier(schemaName, opFamilyName)} USING ${accessMethod}`);
                }
                else {
                    output.push(this.visit(node.object, context));
                }
            }
            else {
                output.push(this.visit(node.object, context));
            }
        }
        output.push('SET SCHEMA');
        if (node.newschema) {
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.newschema));
        }
        return output.join(' ');
    }
    AlterRoleSetStmt(node, context) {
        const output = ['ALTER', 'ROLE'];
        if (node.role) {
            output.push(this.RoleSpec(node.role, context));
        }
        else {
            output.push('ALL');
        }
        if (node.database) {
            output.push('IN DATABASE');
            output.push(this.quoteIfNeeded(node.database));
        }
        if (node.setstmt) {
            if (node.setstmt.kind === 'VAR_RESET') {
                output.push('RESET');
                if (node.setstmt.name) {
                    output.push(node.setstmt.name);
                }
            }
            else {
                output.push('SET');
                if (node.setstmt.name) {
                    output.push(node.setstmt.name);
                }
                if (node.setstmt.args && node.setstmt.args.length > 0) {
                    output.push('TO');
                    const args = list_utils_1.ListUtils.unwrapList(node.setstmt.args)
                        .map(arg => this.visit(arg, context))
                        .join(', ');
                    output.push(args);
                }
            }
        }
        return output.join(' ');
    }
    CreateForeignTableStmt(node, context) {
        const output = ['CREATE FOREIGN TABLE'];
        if (node.base && node.base.relation) {
            const relationContext = context.spawn('CreateForeignTableStmt');
            // Handle relation node directly as RangeVar since it contains the RangeVar properties
            output.push(this.RangeVar(node.base.relation, relationContext));
        }
        if (node.base && node.base.tableElts) {
            const elementStrs = list_utils_1.ListUtils.unwrapList(node.base.tableElts).map(el => this.visit(el, context));
            output.push(`(${elementStrs.join(', ')})`);
        }
        else if (!node.base?.partbound) {
            // Only add empty parentheses if this is not a partition table
            output.push('()');
        }
        if (node.base && node.base.inhRelations && node.base.inhRelations.length > 0) {
            if (node.base.partbound) {
                const inheritStrs = list_utils_1.ListUtils.unwrapList(node.base.inhRelations).map(rel => this.visit(rel, context));
                output.push(`PARTITION OF ${inheritStrs.join(', ')}`);
                if (node.base.partbound.is_default) {
                    output.push('DEFAULT');
                }
            }
            else {
                const inheritStrs = list_utils_1.ListUtils.unwrapList(node.base.inhRelations).map(rel => this.visit(rel, context));
                output.push(`INHERITS (${inheritStrs.join(', ')})`);
            }
        }
        if (node.servername) {
            output.push('SERVER');
            output.push(quotes_1.QuoteUtils.quoteIdentifier(node.servername));
        }
        if (node.options && node.options.length > 0) {
            const foreignTableContext = context.spawn('CreateForeignTableStmt');
            const optionStrs = list_utils_1.ListUtils.unwrapList(node.options).map(opt => this.visit(opt, foreignTableContext));
            output.push(`OPTIONS (${optionStrs.join(', ')})`);
        }
        return output.join(' ');
    }
    containsMultilineStringLiteral(content) {
        const stringLiteralRegex = /'[^']*\n[^']*'/g;
        return stringLiteralRegex.test(content);
    }
}
exports.Deparser = Deparser;


/***/ }),

/***/ 77830:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.QuoteUtils = exports.Deparser = exports.deparse = exports.deparseSync = void 0;
const deparser_1 = __webpack_require__(44792);
Object.defineProperty(exports, "Deparser", ({ enumerable: true, get: function () { return deparser_1.Deparser; } }));
const deparseMethod = deparser_1.Deparser.deparse;
// Export the original sync version as deparseSync
exports.deparseSync = deparseMethod;
// Create an async wrapper for deparse
const deparse = async (...args) => {
    return deparseMethod(...args);
};
exports.deparse = deparse;
var quotes_1 = __webpack_require__(23185);
Object.defineProperty(exports, "QuoteUtils", ({ enumerable: true, get: function () { return quotes_1.QuoteUtils; } }));


/***/ }),

/***/ 2378:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ListUtils = void 0;
class ListUtils {
    static unwrapList(obj) {
        if (obj === undefined || obj === null) {
            return [];
        }
        if (obj.List !== undefined) {
            return obj.List.items || [];
        }
        if (Array.isArray(obj)) {
            return obj;
        }
        return [obj];
    }
    static formatList(items, separator = ', ', prefix = '', formatter) {
        if (!items || items.length === 0) {
            return '';
        }
        return items
            .map(item => `${prefix}${formatter(item)}`)
            .join(separator);
    }
}
exports.ListUtils = ListUtils;


/***/ }),

/***/ 33543:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SqlFormatter = void 0;
class SqlFormatter {
    newlineChar;
    tabChar;
    prettyMode;
    constructor(newlineChar = '\n', tabChar = '  ', prettyMode = true) {
        this.newlineChar = newlineChar;
        this.tabChar = tabChar;
        this.prettyMode = prettyMode;
    }
    format(parts, separator = ' ') {
        return parts.filter(part => part !== null && part !== undefined && part !== '').join(separator);
    }
    indent(text, count = 1) {
        if (!this.prettyMode) {
            return text;
        }
        const indentation = this.tabChar.repeat(count);
        return text.split(this.newlineChar).map(line => line.trim() ? indentation + line : line).join(this.newlineChar);
    }
    parens(content) {
        return `(${content})`;
    }
    newline() {
        return this.newlineChar;
    }
    tab() {
        return this.tabChar;
    }
    isPretty() {
        return this.prettyMode;
    }
}
exports.SqlFormatter = SqlFormatter;


/***/ }),

/***/ 15523:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BaseVisitor = exports.DeparserContext = void 0;
const sql_formatter_1 = __webpack_require__(33543);
class DeparserContext {
    indentLevel;
    prettyMode;
    isStringLiteral;
    parentNodeTypes;
    formatter;
    select;
    from;
    group;
    sort;
    insertColumns;
    update;
    bool;
    isColumnConstraint;
    isDomainConstraint;
    alterColumnOptions;
    alterTableOptions;
    isEnumValue;
    objtype;
    subtype;
    constructor({ indentLevel = 0, prettyMode = true, isStringLiteral, parentNodeTypes = [], formatter, select, from, group, sort, insertColumns, update, bool, isColumnConstraint, isDomainConstraint, alterColumnOptions, alterTableOptions, isEnumValue, objtype, subtype, ...rest } = {}) {
        this.indentLevel = indentLevel;
        this.prettyMode = prettyMode;
        this.isStringLiteral = isStringLiteral;
        this.parentNodeTypes = parentNodeTypes;
        this.formatter = formatter || new sql_formatter_1.SqlFormatter('\n', '  ', prettyMode);
        this.select = select;
        this.from = from;
        this.group = group;
        this.sort = sort;
        this.insertColumns = insertColumns;
        this.update = update;
        this.bool = bool;
        this.isColumnConstraint = isColumnConstraint;
        this.isDomainConstraint = isDomainConstraint;
        this.alterColumnOptions = alterColumnOptions;
        this.alterTableOptions = alterTableOptions;
        this.isEnumValue = isEnumValue;
        this.objtype = objtype;
        this.subtype = subtype;
        Object.assign(this, rest);
    }
    spawn(nodeType, overrides = {}) {
        return new DeparserContext({
            indentLevel: this.indentLevel,
            prettyMode: this.prettyMode,
            isStringLiteral: this.isStringLiteral,
            parentNodeTypes: [...this.parentNodeTypes, nodeType],
            formatter: this.formatter,
            select: this.select,
            from: this.from,
            group: this.group,
            sort: this.sort,
            insertColumns: this.insertColumns,
            update: this.update,
            bool: this.bool,
            isColumnConstraint: this.isColumnConstraint,
            isDomainConstraint: this.isDomainConstraint,
            alterColumnOptions: this.alterColumnOptions,
            alterTableOptions: this.alterTableOptions,
            isEnumValue: this.isEnumValue,
            objtype: this.objtype,
            subtype: this.subtype,
            ...overrides,
        });
    }
    indent(text, count) {
        if (!this.prettyMode) {
            return text;
        }
        const indentCount = count !== undefined ? count : this.indentLevel + 1;
        return this.formatter.indent(text, indentCount);
    }
    newline() {
        return this.formatter.newline();
    }
    parens(content) {
        return this.formatter.parens(content);
    }
    format(parts, separator) {
        return this.formatter.format(parts, separator);
    }
    isPretty() {
        return this.formatter.isPretty();
    }
}
exports.DeparserContext = DeparserContext;
class BaseVisitor {
    getNodeType(node) {
        return Object.keys(node)[0];
    }
    getNodeData(node) {
        const type = this.getNodeType(node);
        return node[type];
    }
    formatList(items, separator = ', ', prefix = '', formatter) {
        if (!items || items.length === 0) {
            return '';
        }
        return items
            .map(item => `${prefix}${formatter(item)}`)
            .join(separator);
    }
    formatParts(parts, separator = ' ') {
        return parts.filter(part => part !== null && part !== undefined && part !== '').join(separator);
    }
    formatParens(content) {
        return `(${content})`;
    }
    formatIndent(text, count = 1) {
        return text;
    }
}
exports.BaseVisitor = BaseVisitor;


/***/ }),

/***/ 18309:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.Wf = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = void 0;
var libpg_query_1 = __webpack_require__(2627);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return libpg_query_1.loadModule; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return libpg_query_1.parse; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return libpg_query_1.parseSync; } });
var pgsql_deparser_1 = __webpack_require__(77830);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return pgsql_deparser_1.deparse; } });
Object.defineProperty(exports, "Wf", ({ enumerable: true, get: function () { return pgsql_deparser_1.deparseSync; } }));


/***/ }),

/***/ 3879:
/***/ ((__unused_webpack_module, exports) => {



exports.parse = function (source, transform) {
  return new ArrayParser(source, transform).parse()
}

class ArrayParser {
  constructor (source, transform) {
    this.source = source
    this.transform = transform || identity
    this.position = 0
    this.entries = []
    this.recorded = []
    this.dimension = 0
  }

  isEof () {
    return this.position >= this.source.length
  }

  nextCharacter () {
    var character = this.source[this.position++]
    if (character === '\\') {
      return {
        value: this.source[this.position++],
        escaped: true
      }
    }
    return {
      value: character,
      escaped: false
    }
  }

  record (character) {
    this.recorded.push(character)
  }

  newEntry (includeEmpty) {
    var entry
    if (this.recorded.length > 0 || includeEmpty) {
      entry = this.recorded.join('')
      if (entry === 'NULL' && !includeEmpty) {
        entry = null
      }
      if (entry !== null) entry = this.transform(entry)
      this.entries.push(entry)
      this.recorded = []
    }
  }

  consumeDimensions () {
    if (this.source[0] === '[') {
      while (!this.isEof()) {
        var char = this.nextCharacter()
        if (char.value === '=') break
      }
    }
  }

  parse (nested) {
    var character, parser, quote
    this.consumeDimensions()
    while (!this.isEof()) {
      character = this.nextCharacter()
      if (character.value === '{' && !quote) {
        this.dimension++
        if (this.dimension > 1) {
          parser = new ArrayParser(this.source.substr(this.position - 1), this.transform)
          this.entries.push(parser.parse(true))
          this.position += parser.position - 2
        }
      } else if (character.value === '}' && !quote) {
        this.dimension--
        if (!this.dimension) {
          this.newEntry()
          if (nested) return this.entries
        }
      } else if (character.value === '"' && !character.escaped) {
        if (quote) this.newEntry(true)
        quote = !quote
      } else if (character.value === ',' && !quote) {
        this.newEntry()
      } else {
        this.record(character.value)
      }
    }
    if (this.dimension !== 0) {
      throw new Error('array dimension not balanced')
    }
    return this.entries
  }
}

function identity (value) {
  return value
}


/***/ }),

/***/ 463:
/***/ ((module) => {



var bufferFrom = Buffer.from || Buffer

module.exports = function parseBytea (input) {
  if (/^\\x/.test(input)) {
    // new 'hex' style response (pg >9.0)
    return bufferFrom(input.substr(2), 'hex')
  }
  var output = ''
  var i = 0
  while (i < input.length) {
    if (input[i] !== '\\') {
      output += input[i]
      ++i
    } else {
      if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
        output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8))
        i += 4
      } else {
        var backslashes = 1
        while (i + backslashes < input.length && input[i + backslashes] === '\\') {
          backslashes++
        }
        for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
          output += '\\'
        }
        i += Math.floor(backslashes / 2) * 2
      }
    }
  }
  return bufferFrom(output, 'binary')
}


/***/ }),

/***/ 92690:
/***/ ((module) => {



var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/
var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/
var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/
var INFINITY = /^-?infinity$/

module.exports = function parseDate (isoDate) {
  if (INFINITY.test(isoDate)) {
    // Capitalize to Infinity before passing to Number
    return Number(isoDate.replace('i', 'I'))
  }
  var matches = DATE_TIME.exec(isoDate)

  if (!matches) {
    // Force YYYY-MM-DD dates to be parsed as local time
    return getDate(isoDate) || null
  }

  var isBC = !!matches[8]
  var year = parseInt(matches[1], 10)
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  var hour = parseInt(matches[4], 10)
  var minute = parseInt(matches[5], 10)
  var second = parseInt(matches[6], 10)

  var ms = matches[7]
  ms = ms ? 1000 * parseFloat(ms) : 0

  var date
  var offset = timeZoneOffset(isoDate)
  if (offset != null) {
    date = new Date(Date.UTC(year, month, day, hour, minute, second, ms))

    // Account for years from 0 to 99 being interpreted as 1900-1999
    // by Date.UTC / the multi-argument form of the Date constructor
    if (is0To99(year)) {
      date.setUTCFullYear(year)
    }

    if (offset !== 0) {
      date.setTime(date.getTime() - offset)
    }
  } else {
    date = new Date(year, month, day, hour, minute, second, ms)

    if (is0To99(year)) {
      date.setFullYear(year)
    }
  }

  return date
}

function getDate (isoDate) {
  var matches = DATE.exec(isoDate)
  if (!matches) {
    return
  }

  var year = parseInt(matches[1], 10)
  var isBC = !!matches[4]
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  // YYYY-MM-DD will be parsed as local time
  var date = new Date(year, month, day)

  if (is0To99(year)) {
    date.setFullYear(year)
  }

  return date
}

// match timezones:
// Z (UTC)
// -05
// +06:30
function timeZoneOffset (isoDate) {
  if (isoDate.endsWith('+00')) {
    return 0
  }

  var zone = TIME_ZONE.exec(isoDate.split(' ')[1])
  if (!zone) return
  var type = zone[1]

  if (type === 'Z') {
    return 0
  }
  var sign = type === '-' ? -1 : 1
  var offset = parseInt(zone[2], 10) * 3600 +
    parseInt(zone[3] || 0, 10) * 60 +
    parseInt(zone[4] || 0, 10)

  return offset * sign * 1000
}

function bcYearToNegativeYear (year) {
  // Account for numerical difference between representations of BC years
  // See: https://github.com/bendrucker/postgres-date/issues/5
  return -(year - 1)
}

function is0To99 (num) {
  return num >= 0 && num < 100
}


/***/ }),

/***/ 68755:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var extend = __webpack_require__(80223)

module.exports = PostgresInterval

function PostgresInterval (raw) {
  if (!(this instanceof PostgresInterval)) {
    return new PostgresInterval(raw)
  }
  extend(this, parse(raw))
}
var properties = ['seconds', 'minutes', 'hours', 'days', 'months', 'years']
PostgresInterval.prototype.toPostgres = function () {
  var filtered = properties.filter(this.hasOwnProperty, this)

  // In addition to `properties`, we need to account for fractions of seconds.
  if (this.milliseconds && filtered.indexOf('seconds') < 0) {
    filtered.push('seconds')
  }

  if (filtered.length === 0) return '0'
  return filtered
    .map(function (property) {
      var value = this[property] || 0

      // Account for fractional part of seconds,
      // remove trailing zeroes.
      if (property === 'seconds' && this.milliseconds) {
        value = (value + this.milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '')
      }

      return value + ' ' + property
    }, this)
    .join(' ')
}

var propertiesISOEquivalent = {
  years: 'Y',
  months: 'M',
  days: 'D',
  hours: 'H',
  minutes: 'M',
  seconds: 'S'
}
var dateProperties = ['years', 'months', 'days']
var timeProperties = ['hours', 'minutes', 'seconds']
// according to ISO 8601
PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function () {
  var datePart = dateProperties
    .map(buildProperty, this)
    .join('')

  var timePart = timeProperties
    .map(buildProperty, this)
    .join('')

  return 'P' + datePart + 'T' + timePart

  function buildProperty (property) {
    var value = this[property] || 0

    // Account for fractional part of seconds,
    // remove trailing zeroes.
    if (property === 'seconds' && this.milliseconds) {
      value = (value + this.milliseconds / 1000).toFixed(6).replace(/0+$/, '')
    }

    return value + propertiesISOEquivalent[property]
  }
}

var NUMBER = '([+-]?\\d+)'
var YEAR = NUMBER + '\\s+years?'
var MONTH = NUMBER + '\\s+mons?'
var DAY = NUMBER + '\\s+days?'
var TIME = '([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?'
var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function (regexString) {
  return '(' + regexString + ')?'
})
  .join('\\s*'))

// Positions of values in regex match
var positions = {
  years: 2,
  months: 4,
  days: 6,
  hours: 9,
  minutes: 10,
  seconds: 11,
  milliseconds: 12
}
// We can use negative time
var negatives = ['hours', 'minutes', 'seconds', 'milliseconds']

function parseMilliseconds (fraction) {
  // add omitted zeroes
  var microseconds = fraction + '000000'.slice(fraction.length)
  return parseInt(microseconds, 10) / 1000
}

function parse (interval) {
  if (!interval) return {}
  var matches = INTERVAL.exec(interval)
  var isNegative = matches[8] === '-'
  return Object.keys(positions)
    .reduce(function (parsed, property) {
      var position = positions[property]
      var value = matches[position]
      // no empty string
      if (!value) return parsed
      // milliseconds are actually microseconds (up to 6 digits)
      // with omitted trailing zeroes.
      value = property === 'milliseconds'
        ? parseMilliseconds(value)
        : parseInt(value, 10)
      // no zeros
      if (!value) return parsed
      if (isNegative && ~negatives.indexOf(property)) {
        value *= -1
      }
      parsed[property] = value
      return parsed
    }, {})
}


/***/ }),

/***/ 35286:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

/*
Copyright (c) 2014-2021, Matteo Collina <hello@matteocollina.com>

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/



const { Transform } = __webpack_require__(2203)
const { StringDecoder } = __webpack_require__(13193)
const kLast = Symbol('last')
const kDecoder = Symbol('decoder')

function transform (chunk, enc, cb) {
  let list
  if (this.overflow) { // Line buffer is full. Skip to start of next line.
    const buf = this[kDecoder].write(chunk)
    list = buf.split(this.matcher)

    if (list.length === 1) return cb() // Line ending not found. Discard entire chunk.

    // Line ending found. Discard trailing fragment of previous line and reset overflow state.
    list.shift()
    this.overflow = false
  } else {
    this[kLast] += this[kDecoder].write(chunk)
    list = this[kLast].split(this.matcher)
  }

  this[kLast] = list.pop()

  for (let i = 0; i < list.length; i++) {
    try {
      push(this, this.mapper(list[i]))
    } catch (error) {
      return cb(error)
    }
  }

  this.overflow = this[kLast].length > this.maxLength
  if (this.overflow && !this.skipOverflow) {
    cb(new Error('maximum buffer reached'))
    return
  }

  cb()
}

function flush (cb) {
  // forward any gibberish left in there
  this[kLast] += this[kDecoder].end()

  if (this[kLast]) {
    try {
      push(this, this.mapper(this[kLast]))
    } catch (error) {
      return cb(error)
    }
  }

  cb()
}

function push (self, val) {
  if (val !== undefined) {
    self.push(val)
  }
}

function noop (incoming) {
  return incoming
}

function split (matcher, mapper, options) {
  // Set defaults for any arguments not supplied.
  matcher = matcher || /\r?\n/
  mapper = mapper || noop
  options = options || {}

  // Test arguments explicitly.
  switch (arguments.length) {
    case 1:
      // If mapper is only argument.
      if (typeof matcher === 'function') {
        mapper = matcher
        matcher = /\r?\n/
      // If options is only argument.
      } else if (typeof matcher === 'object' && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
        options = matcher
        matcher = /\r?\n/
      }
      break

    case 2:
      // If mapper and options are arguments.
      if (typeof matcher === 'function') {
        options = mapper
        mapper = matcher
        matcher = /\r?\n/
      // If matcher and options are arguments.
      } else if (typeof mapper === 'object') {
        options = mapper
        mapper = noop
      }
  }

  options = Object.assign({}, options)
  options.autoDestroy = true
  options.transform = transform
  options.flush = flush
  options.readableObjectMode = true

  const stream = new Transform(options)

  stream[kLast] = ''
  stream[kDecoder] = new StringDecoder('utf8')
  stream.matcher = matcher
  stream.mapper = mapper
  stream.maxLength = options.maxLength
  stream.skipOverflow = options.skipOverflow || false
  stream.overflow = false
  stream._destroy = function (err, cb) {
    // Weird Node v12 bug that we need to work around
    this._writableState.errorEmitted = false
    cb(err)
  }

  return stream
}

module.exports = split


/***/ }),

/***/ 80223:
/***/ ((module) => {

module.exports = extend

var hasOwnProperty = Object.prototype.hasOwnProperty;

function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i]

        for (var key in source) {
            if (hasOwnProperty.call(source, key)) {
                target[key] = source[key]
            }
        }
    }

    return target
}


/***/ }),

/***/ 84390:
/***/ ((module) => {

module.exports = eval("require")("pg-native");


/***/ }),

/***/ 2627:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


/**
 * DO NOT MODIFY MANUALLY — this is generated from the templates dir
 *
 * To make changes, edit the files in the templates/ directory and run:
 * npm run copy:templates
 */
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scan = exports.normalize = exports.fingerprint = exports.parsePlPgSQL = exports.parse = exports.SqlError = void 0;
exports.hasSqlDetails = hasSqlDetails;
exports.formatSqlError = formatSqlError;
exports.loadModule = loadModule;
exports.parseSync = parseSync;
exports.parsePlPgSQLSync = parsePlPgSQLSync;
exports.fingerprintSync = fingerprintSync;
exports.normalizeSync = normalizeSync;
exports.scanSync = scanSync;
__exportStar(__webpack_require__(9461), exports);
class SqlError extends Error {
    sqlDetails;
    constructor(message, details) {
        super(message);
        this.name = 'SqlError';
        this.sqlDetails = details;
    }
}
exports.SqlError = SqlError;
function hasSqlDetails(error) {
    return error instanceof SqlError && error.sqlDetails !== undefined;
}
function formatSqlError(error, query, options = {}) {
    const { showPosition = true, showQuery = true, color = false, maxQueryLength } = options;
    const lines = [];
    // ANSI color codes
    const red = color ? '\x1b[31m' : '';
    const yellow = color ? '\x1b[33m' : '';
    const reset = color ? '\x1b[0m' : '';
    // Add error message
    lines.push(`${red}Error: ${error.message}${reset}`);
    // Add SQL details if available
    if (error.sqlDetails) {
        const { cursorPosition, fileName, functionName, lineNumber } = error.sqlDetails;
        if (cursorPosition !== undefined && cursorPosition >= 0) {
            lines.push(`Position: ${cursorPosition}`);
        }
        if (fileName || functionName || lineNumber) {
            const details = [];
            if (fileName)
                details.push(`file: ${fileName}`);
            if (functionName)
                details.push(`function: ${functionName}`);
            if (lineNumber)
                details.push(`line: ${lineNumber}`);
            lines.push(`Source: ${details.join(', ')}`);
        }
        // Show query with position marker
        if (showQuery && showPosition && cursorPosition !== undefined && cursorPosition >= 0) {
            let displayQuery = query;
            let adjustedPosition = cursorPosition;
            // Truncate if needed
            if (maxQueryLength && query.length > maxQueryLength) {
                const start = Math.max(0, cursorPosition - Math.floor(maxQueryLength / 2));
                const end = Math.min(query.length, start + maxQueryLength);
                displayQuery = (start > 0 ? '...' : '') +
                    query.substring(start, end) +
                    (end < query.length ? '...' : '');
                // Adjust cursor position for truncation
                adjustedPosition = cursorPosition - start + (start > 0 ? 3 : 0);
            }
            lines.push(displayQuery);
            lines.push(' '.repeat(adjustedPosition) + `${yellow}^${reset}`);
        }
    }
    else if (showQuery) {
        // No SQL details, just show the query if requested
        let displayQuery = query;
        if (maxQueryLength && query.length > maxQueryLength) {
            displayQuery = query.substring(0, maxQueryLength) + '...';
        }
        lines.push(`Query: ${displayQuery}`);
    }
    return lines.join('\n');
}
// @ts-ignore
const libpg_query_js_1 = __importDefault(__webpack_require__(53995));
let wasmModule;
const initPromise = (0, libpg_query_js_1.default)().then((module) => {
    wasmModule = module;
});
function ensureLoaded() {
    if (!wasmModule)
        throw new Error("WASM module not initialized. Call `loadModule()` first.");
}
async function loadModule() {
    if (!wasmModule) {
        await initPromise;
    }
}
function awaitInit(fn) {
    return (async (...args) => {
        await initPromise;
        return fn(...args);
    });
}
function stringToPtr(str) {
    ensureLoaded();
    if (typeof str !== 'string') {
        throw new TypeError(`Expected a string, got ${typeof str}`);
    }
    const len = wasmModule.lengthBytesUTF8(str) + 1;
    const ptr = wasmModule._malloc(len);
    try {
        wasmModule.stringToUTF8(str, ptr, len);
        return ptr;
    }
    catch (error) {
        wasmModule._free(ptr);
        throw error;
    }
}
function ptrToString(ptr) {
    ensureLoaded();
    if (typeof ptr !== 'number') {
        throw new TypeError(`Expected a number, got ${typeof ptr}`);
    }
    return wasmModule.UTF8ToString(ptr);
}
exports.parse = awaitInit(async (query) => {
    // Input validation
    if (query === null || query === undefined) {
        throw new Error('Query cannot be null or undefined');
    }
    if (query === '') {
        throw new Error('Query cannot be empty');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
            throw new Error('Failed to parse query: memory allocation failed');
        }
        // Read the PgQueryParseResult struct
        const parseTreePtr = wasmModule.getValue(resultPtr, 'i32');
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, 'i32');
        const errorPtr = wasmModule.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            // Read PgQueryError struct
            const messagePtr = wasmModule.getValue(errorPtr, 'i32');
            const funcnamePtr = wasmModule.getValue(errorPtr + 4, 'i32');
            const filenamePtr = wasmModule.getValue(errorPtr + 8, 'i32');
            const lineno = wasmModule.getValue(errorPtr + 12, 'i32');
            const cursorpos = wasmModule.getValue(errorPtr + 16, 'i32');
            const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : 'Unknown error';
            const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : undefined;
            const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : undefined;
            throw new SqlError(message, {
                message,
                cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0, // Convert to 0-based
                fileName: filename,
                functionName: funcname,
                lineNumber: lineno > 0 ? lineno : undefined
            });
        }
        if (!parseTreePtr) {
            throw new Error('No parse tree generated');
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_parse_result(resultPtr);
        }
    }
});
exports.parsePlPgSQL = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        // Success is always a JSON object; anything else is an error message
        if (!resultStr.startsWith('{')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
exports.fingerprint = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
exports.normalize = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
// Sync versions
function parseSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    // Input validation
    if (query === null || query === undefined) {
        throw new Error('Query cannot be null or undefined');
    }
    if (query === '') {
        throw new Error('Query cannot be empty');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
            throw new Error('Failed to parse query: memory allocation failed');
        }
        // Read the PgQueryParseResult struct
        const parseTreePtr = wasmModule.getValue(resultPtr, 'i32');
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, 'i32');
        const errorPtr = wasmModule.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            // Read PgQueryError struct
            const messagePtr = wasmModule.getValue(errorPtr, 'i32');
            const funcnamePtr = wasmModule.getValue(errorPtr + 4, 'i32');
            const filenamePtr = wasmModule.getValue(errorPtr + 8, 'i32');
            const lineno = wasmModule.getValue(errorPtr + 12, 'i32');
            const cursorpos = wasmModule.getValue(errorPtr + 16, 'i32');
            const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : 'Unknown error';
            const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : undefined;
            const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : undefined;
            throw new SqlError(message, {
                message,
                cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0, // Convert to 0-based
                fileName: filename,
                functionName: funcname,
                lineNumber: lineno > 0 ? lineno : undefined
            });
        }
        if (!parseTreePtr) {
            throw new Error('No parse tree generated');
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_parse_result(resultPtr);
        }
    }
}
function parsePlPgSQLSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        // Success is always a JSON object; anything else is an error message
        if (!resultStr.startsWith('{')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}
function fingerprintSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}
function normalizeSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}
exports.scan = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
function scanSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}


/***/ }),

/***/ 33243:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ load),
/* harmony export */   OU: () => (/* binding */ CORE_SCHEMA)
/* harmony export */ });
/* unused harmony exports DEFAULT_SCHEMA, FAILSAFE_SCHEMA, JSON_SCHEMA, Schema, Type, YAMLException, default, dump, loadAll, safeDump, safeLoad, safeLoadAll, types */
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int;
}
var float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
}
var json;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
var core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
var _default;
var hasRequired_default;
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "";
      case 95:
        return " ";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip = string[string.length - 1] === "\n";
    const keep = clip && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
const yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
const {
  Type,
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

//# sourceMappingURL=js-yaml.mjs.map


/***/ }),

/***/ 83849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony exports Client, Pool, Connection, types, Query, DatabaseError, escapeIdentifier, escapeLiteral, Result, TypeOverrides, defaults */
/* harmony import */ var _lib_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13273);
// ESM wrapper for pg


// Re-export all the properties
const Client = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Client
const Pool = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Pool
const Connection = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Connection
const types = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.types
const Query = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Query
const DatabaseError = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.DatabaseError
const escapeIdentifier = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.escapeIdentifier
const escapeLiteral = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.escapeLiteral
const Result = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Result
const TypeOverrides = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.TypeOverrides

// Also export the defaults
const defaults = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.defaults

// Re-export the default
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (_lib_index_js__WEBPACK_IMPORTED_MODULE_0__);


/***/ })

};
