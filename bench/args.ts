/** Benchmark size arguments: positional argument first, then the environment variable, then the default. */
export function intArg(index: number, env: string, fallback: string, min: number): number {
  const raw = process.argv[index] ?? process.env[env] ?? fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min)
    throw new Error(
      `${env} (or argument ${index - 1}) is "${raw}"; allowed: an integer of at least ${min}`
    )
  return n
}
