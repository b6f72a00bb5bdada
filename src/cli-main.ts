#!/usr/bin/env node
import { runCli } from './cli.js'

process.exitCode = await runCli(process.argv.slice(2), {
  out: text => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: text => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  env: process.env,
  cwd: process.cwd()
})
