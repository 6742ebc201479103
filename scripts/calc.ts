// Owns the `npm run calc` entry point: runs the calculator on the command line's JSON and exits with its code.
import { runCalc } from './calc-core'

const run = runCalc(process.argv.slice(2))
process.stdout.write(run.stdout)
process.stderr.write(run.stderr)
process.exitCode = run.code
