/**
 * A TCP proxy in front of a local PostgreSQL that counts the round trips its clients make: one per simple Query
 * ('Q') message and one per Sync ('S') that ends an extended-protocol batch. Each is a wait for the server, so on
 * a remote database (a hosted Supabase project is 10–100 ms away) a tool's time grows by about round trips × RTT,
 * whatever it takes locally. Plain-text protocol only: the embedded server offers no TLS, so a client that asks
 * (SSLRequest, answered N) goes on in the clear.
 */
import net from 'node:net'

/** Protocol 3.0's startup code; the other untyped first messages are SSLRequest, GSSENCRequest, CancelRequest. */
const PROTOCOL_3 = 196608

export interface RoundTripCounter {
  port: number
  /**
   * Round trips and sessions (connections) since the last reset. A session is a connection that sent a startup
   * message: node-postgres, told sslmode=prefer, closes the connection the server answered N and opens another.
   */
  counts(): { roundTrips: number; connections: number }
  reset(): void
  close(): Promise<void>
}

/**
 * Listens on 127.0.0.1 (a free port) and forwards every connection to 127.0.0.1:`targetPort`. With `latencyMs`,
 * what the server sends reaches the client that much later: a database that far away (the order of the bytes is
 * kept: every chunk waits as long).
 */
export async function countRoundTrips(
  targetPort: number,
  opts: { latencyMs?: number } = {}
): Promise<RoundTripCounter> {
  let roundTrips = 0
  let connections = 0
  const sockets = new Set<net.Socket>()
  const server = net.createServer(client => {
    const upstream = net.connect(targetPort, '127.0.0.1')
    sockets.add(client).add(upstream)
    // Frontend messages: untyped (int32 length, then a code) until the startup message; then type byte + int32
    // length. Messages may straddle TCP chunks, so bytes are buffered until a whole header is in.
    let pending = Buffer.alloc(0)
    let started = false
    let skip = 0
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk)
      pending = Buffer.concat([pending, chunk])
      for (;;) {
        if (skip > 0) {
          const n = Math.min(skip, pending.length)
          pending = pending.subarray(n)
          skip -= n
          if (skip > 0) return
        }
        if (!started) {
          if (pending.length < 8) return
          const length = pending.readInt32BE(0)
          if (pending.readInt32BE(4) === PROTOCOL_3) {
            started = true
            connections++
          }
          skip = length
          continue
        }
        if (pending.length < 5) return
        const type = String.fromCharCode(pending[0])
        if (type === 'Q' || type === 'S') roundTrips++
        skip = 1 + pending.readInt32BE(1)
      }
    })
    const latency = opts.latencyMs ?? 0
    upstream.on('data', (chunk: Buffer) => {
      if (latency > 0) setTimeout(() => client.writable && client.write(chunk), latency)
      else client.write(chunk)
    })
    const close = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('close', close).on('error', close)
    upstream.on('close', close).on('error', close)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    counts: () => ({ roundTrips, connections }),
    reset() {
      roundTrips = 0
      connections = 0
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
