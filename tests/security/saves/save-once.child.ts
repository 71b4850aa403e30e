/**
 * Child process that saves once and prints the outcome as JSON; run as an unprivileged user
 * for the permission test (root ignores file permissions).
 * Usage: save-once.child.ts <repoRoot> <postPath> <text>
 */
import { savePostFile } from '../../../src/main/services/posts/post-files'
import { isAppFailure } from '../../../src/shared/result'

const [repoRoot, postPath, text] = process.argv.slice(2) as [string, string, string]

savePostFile(repoRoot, postPath, text, null, { overwriteExternalChanges: true }).then(
  () => process.stdout.write(JSON.stringify({ ok: true })),
  (error: unknown) =>
    process.stdout.write(
      JSON.stringify(
        isAppFailure(error)
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: 'THROWN', message: String(error) },
      ),
    ),
)
