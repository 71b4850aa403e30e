// `npm test`: every check and suite, then one total line for CI:
// typecheck, lint, formatting, build, unit/integration/security (vitest), end-to-end (Playwright).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const totals = { passed: 0, failed: 0, skipped: 0 }
const failures = []

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

/** A check with no test count of its own (typecheck, lint, build) counts as one test. */
function check(label, command, args) {
  const ok = run(label, command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  if (!ok) failures.push(label)
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function suite(label, command, args, reportFile, count) {
  rmSync(reportFile, { force: true })
  const ok = run(label, command, args, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' })
  const report = readJson(reportFile)
  if (!report) {
    totals.failed += 1
    failures.push(`${label} (no report)`)
    return
  }
  const counted = count(report)
  totals.passed += counted.passed
  totals.failed += counted.failed
  totals.skipped += counted.skipped
  if (!ok || counted.failed > 0) failures.push(label)
}

mkdirSync('test-results', { recursive: true })
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

check('typecheck', 'npm', ['run', '--silent', 'typecheck'])
check('lint', 'npm', ['run', '--silent', 'lint'])
check('format', 'npm', ['run', '--silent', 'format:check'])
const built = check('build', 'npm', ['run', '--silent', 'build'])

const vitestCounts = (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests + (report.success === false && report.numFailedTests === 0 ? 1 : 0),
  skipped: report.numPendingTests + report.numTodoTests,
})
// Two runs: the CPU-time guards of the parser suites must not share the two cores with the
// Git matrix's hundreds of git processes.
suite(
  'unit, integration and security (vitest)',
  npx,
  [
    'vitest',
    'run',
    '--project=unit',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ],
  'test-results/vitest.json',
  vitestCounts,
)
suite(
  'Git: shape matrix, faults, isomorphic-git engine (vitest)',
  npx,
  [
    'vitest',
    'run',
    '--project=git-matrix',
    '--project=git-isomorphic',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest-git.json',
  ],
  'test-results/vitest-git.json',
  vitestCounts,
)

if (built && existsSync('out/renderer/index.html')) {
  suite(
    'end-to-end (Playwright: Chromium, Electron)',
    npx,
    ['playwright', 'test'],
    'test-results/playwright.json',
    (report) => {
      for (const skip of collectSkips(report)) console.log(`skipped: ${skip}`)
      return {
        passed: report.stats.expected + report.stats.flaky,
        failed: report.stats.unexpected + (report.errors?.length ?? 0),
        skipped: report.stats.skipped,
      }
    },
  )
} else {
  totals.failed += 1
  failures.push('end-to-end (not run: the build failed)')
}

function collectSkips(report) {
  const reasons = new Set()
  const visit = (suiteNode) => {
    for (const spec of suiteNode.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue
        const note = test.annotations?.find((annotation) => annotation.type === 'skip')?.description
        reasons.add(`${spec.file}: ${note || spec.title}`)
      }
    }
    for (const child of suiteNode.suites ?? []) visit(child)
  }
  for (const top of report.suites ?? []) visit(top)
  return reasons
}

console.log('')
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || failures.length > 0 ? 1 : 0)
