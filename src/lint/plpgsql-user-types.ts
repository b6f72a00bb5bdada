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
import {
  parsePlpgsql,
  parseSql,
  scanTokens,
  TextIndex,
  walk,
  type AstNode,
  type ScanToken
} from '../sql/parser.js'

/** A type written in the statement or its body, and what it becomes. */
interface TypeUse {
  /** Character offsets of the whole type (name, modifiers, array bounds) in its text. */
  start: number
  end: number
  /** The type's name as written (without modifiers or array bounds): what the offline compiler is asked about. */
  element: string
  /** The name as the server reads it (`public.freq`), to tell whether a variable of it is used as a row. */
  key: string
  array: boolean
  /** The parameter or variable declared with it. */
  variable?: string
}

interface Token {
  /** Character offsets. */
  start: number
  end: number
  text: string
  word: boolean
  /** A string constant ('...', E'...', $tag$...$tag$). */
  string: boolean
  /** Lower case, or the quoted identifier's name. */
  name: string
}

function tokensOf(text: string): Token[] | undefined {
  let scanned: ScanToken[]
  try {
    scanned = scanTokens(text)
  } catch {
    return undefined // does not scan (an unterminated quote): nothing is rewritten
  }
  const index = new TextIndex(text)
  return scanned.map(t => {
    const word = t.tokenName === 'IDENT' || t.keywordKind > 0
    const quoted = word && t.text.startsWith('"')
    return {
      start: index.charOffset(t.start),
      end: index.charOffset(t.end),
      text: t.text,
      word,
      string: t.tokenName === 'SCONST' || t.tokenName === 'USCONST',
      name: quoted ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase()
    }
  })
}

/** Index past the token closing the group opened at `open` (`(` ... `)` or `[` ... `]`), or -1. */
function closeGroup(tokens: Token[], open: number, end: number): number {
  const [opening, closing] = tokens[open].text === '(' ? ['(', ')'] : ['[', ']']
  let depth = 0
  for (let i = open; i < end; i++) {
    if (tokens[i].text === opening) depth++
    else if (tokens[i].text === closing && --depth === 0) return i + 1
  }
  return -1
}

/**
 * From `at`, past a type's modifiers and array bounds (`(3)`, `[]`, `[2][3]`, `ARRAY`, `ARRAY[4]`): the index
 * past the type and whether it is an array; undefined when a group is not closed before `end`.
 */
function typeTail(
  tokens: Token[],
  at: number,
  end: number
): { next: number; array: boolean } | undefined {
  let i = at
  let array = false
  if (tokens[i]?.text === '(') {
    i = closeGroup(tokens, i, end)
    if (i < 0) return undefined
  }
  for (;;) {
    if (i < end && tokens[i].name === 'array' && tokens[i].word) {
      array = true
      i++
      if (tokens[i]?.text !== '[') continue
    }
    if (i >= end || tokens[i].text !== '[') return { next: i, array }
    i = closeGroup(tokens, i, end)
    if (i < 0) return undefined
    array = true
  }
}

/** The type written from tokens[from] (its name's tokens up to `nameEnd`) to tokens[next - 1]. */
function typeUse(
  text: string,
  tokens: Token[],
  from: number,
  nameEnd: number,
  next: number,
  array: boolean,
  variable: string | undefined
): TypeUse {
  const name = tokens.slice(from, nameEnd)
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
  }
}

/** The types of the function's return type and parameters, from the statement's parse tree. */
function headerTypes(text: string, tokens: Token[], create: AstNode): TypeUse[] {
  const index = new TextIndex(text)
  const typed: { type: AstNode; variable?: string }[] = [
    ...(create.parameters ?? []).map((p: AstNode) => ({
      type: p.FunctionParameter?.argType,
      variable: p.FunctionParameter?.name
    })),
    // RETURNS TABLE (one column) repeats that column's TypeName: the same span, rewritten once.
    { type: create.returnType }
  ]
  const out: TypeUse[] = []
  for (const { type, variable } of typed) {
    const names: string[] = (type?.names ?? []).map((n: AstNode) => n.String?.sval ?? '')
    // pg_catalog names are built in, and the special syntaxes (double precision, character varying) are theirs.
    if (!type || type.pct_type || type.location < 0 || names[0] === 'pg_catalog') continue
    const at = index.charOffset(type.location)
    const from = tokens.findIndex(t => t.start === at)
    if (from < 0 || out.some(u => u.start === at)) continue
    // The name: as many words as the tree has names, separated by dots.
    const nameEnd = from + 2 * names.length - 1
    const written = tokens.slice(from, nameEnd)
    if (written.length !== 2 * names.length - 1) continue
    if (!written.every((t, k) => (k % 2 === 0 ? t.word : t.text === '.'))) continue
    const tail = typeTail(tokens, nameEnd, tokens.length)
    if (!tail) continue
    out.push(typeUse(text, tokens, from, nameEnd, tail.next, tail.array, variable))
  }
  return out
}

/** Where a token may start a PL/pgSQL statement: a nested block's DECLARE follows one of these (or nothing). */
const STATEMENT_START = new Set([';', '>>', 'begin', 'then', 'else', 'loop'])

/** Tokens that end a declaration's type (pl_gram.y, read_datatype). */
const TYPE_END = new Set([';', ':=', '=', 'collate', 'not', 'default'])

/**
 * The types of the variables declared in the body's DECLARE sections (`name [CONSTANT] type [COLLATE ...] [NOT
 * NULL] [{DEFAULT | := | =} expr];`, on any number of lines), from the scanner's tokens. ALIAS, cursors,
 * %TYPE and %ROWTYPE are not types to rewrite as text (a %ROWTYPE becomes `record`: rowtypeSpan, into `rowtypes`).
 */
function declaredTypes(text: string, tokens: Token[], rowtypes: Span[] = []): TypeUse[] {
  const out: TypeUse[] = []
  for (let i = 0; i < tokens.length; i++) {
    const previous = tokens[i - 1]
    if (tokens[i].name !== 'declare' || (previous && !STATEMENT_START.has(previous.name))) continue
    // The section: declarations ending with `;` up to BEGIN, outside parentheses.
    let start = i + 1
    let depth = 0
    for (i = start; i < tokens.length; i++) {
      const t = tokens[i]
      if (t.text === '(' || t.text === '[') depth++
      else if (t.text === ')' || t.text === ']') depth--
      else if (depth === 0 && t.name === 'declare' && i === start) start = i + 1
      else if (depth === 0 && t.text === ';') {
        const use = declaration(text, tokens, start, i)
        if (use) out.push(use)
        const rowtype = rowtypeSpan(text, tokens, start, i)
        if (rowtype) rowtypes.push(rowtype)
        start = i + 1
      } else if (depth === 0 && t.name === 'begin' && i === start) break
    }
  }
  return out
}

/**
 * Where the type of the declaration in tokens[from..end) is: after the variable's name and an optional CONSTANT,
 * up to what ends a type (TYPE_END). Undefined when the declaration does not start with a name.
 */
function typeTokens(
  tokens: Token[],
  from: number,
  end: number
): { at: number; typeEnd: number } | undefined {
  if (!tokens[from]?.word) return undefined
  const at = tokens[from + 1]?.name === 'constant' ? from + 2 : from + 1
  let typeEnd = at
  while (typeEnd < end && !TYPE_END.has(tokens[typeEnd].name)) typeEnd++
  return { at, typeEnd }
}

/** The type of the declaration in tokens[from..end) (without its `;`), when it is one to rewrite. */
function declaration(
  text: string,
  tokens: Token[],
  from: number,
  end: number
): TypeUse | undefined {
  const span = typeTokens(tokens, from, end)
  if (!span) return undefined
  const { at, typeEnd } = span
  if (['alias', 'cursor', 'scroll', 'no'].includes(tokens[at]?.name)) return undefined
  // %TYPE, %ROWTYPE: the type of something else, not a name to look up.
  if (tokens.slice(at, typeEnd).some(t => t.text === '%')) return undefined
  let nameEnd = at
  while (
    nameEnd < typeEnd &&
    (tokens[nameEnd].text === '.' || (tokens[nameEnd].word && tokens[nameEnd].name !== 'array'))
  )
    nameEnd++
  if (nameEnd === at) return undefined
  const tail = typeTail(tokens, nameEnd, typeEnd)
  // What is left is not a type this knows how to read (e.g. `time(3) with time zone`): left as written.
  if (!tail || tail.next !== typeEnd) return undefined
  return typeUse(text, tokens, at, nameEnd, typeEnd, tail.array, tokens[from].name)
}

/**
 * `v public.req%ROWTYPE` in tokens[from..end), as `v record`: without a catalog the offline compiler cannot build
 * the row, and refuses a field assignment (`v.status := 'x'`, "is not a known variable") that the server takes
 * (found on a real project). A record takes the same field reads and writes, and SELECT ... INTO.
 */
function rowtypeSpan(text: string, tokens: Token[], from: number, end: number): Span | undefined {
  const span = typeTokens(tokens, from, end)
  if (!span) return undefined
  const { at, typeEnd } = span
  const percent = tokens.findIndex((t, k) => k >= at && k < typeEnd && t.text === '%')
  if (percent < 0 || tokens[percent + 1]?.name !== 'rowtype' || percent + 2 !== typeEnd)
    return undefined
  const first = tokens[at]
  const last = tokens[typeEnd - 1]
  const breaks = text.slice(first.start, last.end).match(/\n/g)?.join('') ?? ''
  return { start: first.start, end: last.end, by: 'record' + breaks }
}

/** Whether the offline compiler takes a variable of the type (as written) for a record: it does not know it. */
const unknownTypes = new Map<string, boolean>()
const UNKNOWN_TYPES_MAX = 1000

function unknownToOffline(element: string): boolean {
  const known = unknownTypes.get(element)
  if (known !== undefined) return known
  let unknown = false
  try {
    const tree = parsePlpgsql(
      `create function mr_probe() returns void language plpgsql as $mr_probe$ declare v ${element}; begin end $mr_probe$`
    )
    walk(tree, (key, node) => {
      if (key === 'PLpgSQL_rec' && node.refname === 'v') unknown = true
    })
  } catch {
    unknown = false // a pseudo-type, or no type at all: left as written
  }
  if (unknownTypes.size >= UNKNOWN_TYPES_MAX) unknownTypes.clear()
  unknownTypes.set(element, unknown)
  return unknown
}

interface Span {
  start: number
  end: number
  by: string
}

/** The text with each (disjoint) span replaced. */
function replaceSpans(text: string, spans: Span[]): string {
  let out = text
  for (const s of [...spans].sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.by + out.slice(s.end)
  return out
}

/** A type's span written as text (text[]), with the span's line breaks: the lines after it stay where they were. */
function asText(text: string, u: TypeUse): Span {
  const breaks = text.slice(u.start, u.end).match(/\n/g)?.join('') ?? ''
  return { start: u.start, end: u.end, by: (u.array ? 'text[]' : 'text') + breaks }
}

/** `$mr_body$`, or a tag the body does not contain. */
function dollarTag(body: string): string {
  for (let n = 0; ; n++) {
    const tag = `$mr_body${n || ''}$`
    if (!body.includes(tag)) return tag
  }
}

/**
 * The CREATE FUNCTION/PROCEDURE or DO statement with the types the offline compiler does not know written as
 * text (text[] for arrays), in the return type, the parameters and the body's declarations; undefined when
 * there is none. A type is kept when a variable of it is used as a row (`v.field`): that one is a composite.
 */
export function userTypesAsText(statement: string): string | undefined {
  const parsed = parseSql(statement)
  const ast = parsed.statements[0]?.ast
  if (parsed.error || parsed.statements.length !== 1 || !ast) return undefined
  const create = ast.CreateFunctionStmt
  const options: AstNode[] = create ? (create.options ?? []) : (ast.DoStmt?.args ?? [])
  const as = options.map(o => o.DefElem).find(d => d?.defname === 'as')
  const body: unknown = create ? as?.arg?.List?.items?.[0]?.String?.sval : as?.arg?.String?.sval
  if (typeof body !== 'string' || typeof as?.location !== 'number') return undefined
  const tokens = tokensOf(statement)
  if (!tokens) return undefined
  const asAt = new TextIndex(statement).charOffset(as.location)
  const literal = tokens.find(t => t.start >= asAt && t.string)
  if (!literal) return undefined
  const bodyTokens = tokensOf(body) ?? []
  const header = create ? headerTypes(statement, tokens, create) : []
  const rowtypes: Span[] = []
  const declared = declaredTypes(body, bodyTokens, rowtypes)
  // A variable used as a row (`v.field`, `v.*`): its type is a composite, whatever the offline compiler says.
  const rows = new Set<string>()
  for (let i = 0; i + 1 < bodyTokens.length; i++)
    if (bodyTokens[i].word && bodyTokens[i + 1].text === '.') rows.add(bodyTokens[i].name)
  const composite = new Set(
    [...header, ...declared].filter(u => u.variable && rows.has(u.variable)).map(u => u.key)
  )
  const rewrite = (u: TypeUse): boolean =>
    !composite.has(u.key) &&
    u.key !== 'record' &&
    u.key !== 'pg_catalog.record' &&
    unknownToOffline(u.element)
  const headerSpans = header.filter(rewrite).map(u => asText(statement, u))
  const bodySpans = [...declared.filter(rewrite).map(u => asText(body, u)), ...rowtypes]
  if (headerSpans.length === 0 && bodySpans.length === 0) return undefined
  // The body is written again dollar-quoted, whatever its quoting was: its text is the tree's.
  const newBody = replaceSpans(body, bodySpans)
  const tag = dollarTag(newBody)
  return replaceSpans(statement, [
    ...headerSpans,
    { start: literal.start, end: literal.end, by: `${tag}${newBody}${tag}` }
  ])
}
