/**
 * Child process for the crash tests: publishes one repository with the given engine and
 * prints the outcome as JSON. Usage: publish.child.ts <repo> <system|isomorphic>
 */
import { isomorphicEngine } from '../../../src/main/services/git/isomorphic/engine'
import { publishWith } from '../../../src/main/services/git/publish'
import { systemGitEngine } from '../../../src/main/services/git/system/engine'

const [dir, engineName] = process.argv.slice(2) as [string, string]
const engine = engineName === 'isomorphic' ? isomorphicEngine : systemGitEngine
const credentials = { username: process.env.TEST_USER ?? '', token: process.env.TEST_TOKEN ?? '' }

publishWith(engine.open(dir), { credentials }).then(
  (outcome) => process.stdout.write(JSON.stringify({ ok: true, outcome })),
  (error: { code?: string; message?: string }) =>
    process.stdout.write(JSON.stringify({ ok: false, code: error.code, message: error.message })),
)
