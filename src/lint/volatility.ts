/**
 * Function volatility for DEFAULT expressions: ADD COLUMN ... DEFAULT f() rewrites the table only when f is
 * VOLATILE (PostgreSQL 11+ stores a non-volatile default once). Offline, a small list of built-ins taken from
 * pg_proc.provolatile decides and any other function is taken as volatile; connected, pg_proc decides.
 */
import type pg from 'pg'
import { names, parseSql, scanTokens, walk, type AstNode } from '../sql/parser.js'

export type Volatility = 'immutable' | 'stable' | 'volatile'

/** Where a volatility came from: the target's pg_proc, the built-in list, or nowhere (taken as volatile). */
export type VolatilitySource = 'catalog' | 'declared' | 'built-in' | 'unknown'

/** Known functions by name (pg_catalog's provolatile; the test checks each against a real server). */
export const BUILT_IN_VOLATILITY: Readonly<Record<string, Volatility>> = {
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
}

/** The functions an expression calls, by bare name (lower case), in order, once each. */
export function functionsCalled(expr: AstNode | undefined): string[] {
  const out = new Set<string>()
  walk({ expr }, (key, value) => {
    if (key === 'FuncCall') {
      const fn = names(value.funcname).pop()?.toLowerCase()
      if (fn) out.add(fn)
    }
  })
  return [...out]
}

export interface ResolvedVolatility {
  fn: string
  volatility: Volatility
  source: VolatilitySource
  /**
   * The catalog has overloads of this name that disagree (to_tsvector(regconfig, text) is immutable,
   * to_tsvector(text) stable): which one a call picks depends on its argument types, which the lint does not
   * resolve. `volatility` is then the most volatile of them.
   */
  mixed?: boolean
}

/**
 * The volatility of a function: from the catalog when given (overloads that disagree take the most volatile,
 * unless the built-in list knows the usual form), else the built-in list, else volatile.
 */
export function resolveVolatility(
  fn: string,
  catalog?: ReadonlyMap<string, Volatility>
): ResolvedVolatility {
  const fromCatalog = catalog?.get(fn)
  const builtIn = BUILT_IN_VOLATILITY[fn] as Volatility | undefined
  const mixed = catalog?.has(`${fn}#mixed`) === true
  if (fromCatalog && !(mixed && builtIn))
    return { fn, volatility: fromCatalog, source: 'catalog', ...(mixed ? { mixed } : {}) }
  if (builtIn) return { fn, volatility: builtIn, source: 'built-in' }
  return { fn, volatility: 'volatile', source: 'unknown' }
}

export type VolatilityResolver = (fn: string) => ResolvedVolatility

/** The first call in `expr` that is (or, unknown, is taken as) volatile. */
export function volatileCallIn(
  expr: AstNode | undefined,
  resolve: VolatilityResolver = fn => resolveVolatility(fn)
): ResolvedVolatility | undefined {
  for (const fn of functionsCalled(expr)) {
    const r = resolve(fn)
    if (r.volatility === 'volatile') return r
  }
  return undefined
}

const PROVOLATILE: Record<string, Volatility> = { i: 'immutable', s: 'stable', v: 'volatile' }

/** A scanned token that can name a function: an identifier or keyword, or a quoted identifier. */
const WORD = /^(?:"([^"]+)"|([\p{L}_][\p{L}\p{N}_$]*))$/u

/**
 * The names a set of SQL texts may call a function by, lower case: every function call in their parse trees,
 * and every word of a DO block's body (its statements are strings to the parser). A superset of what the rules
 * ask catalogVolatility about. Undefined when a text does not parse: then every name is read.
 */
export function functionNamesIn(sqls: readonly string[]): string[] | undefined {
  const out = new Set<string>()
  for (const sql of sqls) {
    const parsed = parseSql(sql)
    if (parsed.error) return undefined
    for (const s of parsed.statements) {
      for (const fn of functionsCalled(s.ast)) out.add(fn)
      if (s.kind !== 'DoStmt') continue
      for (const arg of s.ast.DoStmt.args ?? []) {
        const body = arg.DefElem?.defname === 'as' ? arg.DefElem.arg?.String?.sval : undefined
        if (typeof body !== 'string') continue
        try {
          for (const t of scanTokens(body)) {
            const word = WORD.exec(t.text)
            if (word) out.add((word[1] ?? word[2]).toLowerCase())
          }
        } catch {
          return undefined
        }
      }
    }
  }
  return [...out]
}

/**
 * Function volatility by bare name, read from the target's pg_proc: every function, or only those `only` names
 * (pg_proc has ~3,000 rows, a 30 ms read and as many rows to decode, where a migration calls a handful).
 * Overloads (and same-named functions in other schemas) that disagree are marked `<name>#mixed` and take the
 * most volatile value.
 */
export async function catalogVolatility(
  client: pg.Client,
  only?: readonly string[]
): Promise<Map<string, Volatility>> {
  // 'i' < 's' < 'v': max() is the most volatile, min() the least.
  const { rows } = await client.query<{ name: string; most: string; least: string }>(
    `SELECT lower(proname) AS name, max(provolatile::text) AS most, min(provolatile::text) AS least
       FROM pg_proc${only ? ' WHERE lower(proname) = ANY($1::text[])' : ''} GROUP BY lower(proname)`,
    only ? [only] : []
  )
  const out = new Map<string, Volatility>()
  for (const r of rows) {
    out.set(r.name, PROVOLATILE[r.most] ?? 'volatile')
    if (r.most !== r.least) out.set(`${r.name}#mixed`, 'volatile')
  }
  return out
}

/** Functions a CREATE FUNCTION in the linted files declares, with their declared volatility (default VOLATILE). */
export function declaredVolatility(createFunction: AstNode): ResolvedVolatility | undefined {
  const fn = names(createFunction.funcname).pop()?.toLowerCase()
  if (!fn) return undefined
  const option = (createFunction.options ?? [])
    .map((o: AstNode) => o.DefElem)
    .find((d: AstNode | undefined) => d?.defname === 'volatility')
  const value = String(option?.arg?.String?.sval ?? 'volatile').toLowerCase()
  const volatility: Volatility =
    value === 'immutable' ? 'immutable' : value === 'stable' ? 'stable' : 'volatile'
  return { fn, volatility, source: 'declared' }
}
