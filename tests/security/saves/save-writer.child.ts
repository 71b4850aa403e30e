/**
 * Child process for the crash-safety test: saves the old and new versions of one post in
 * turn, as fast as it can, until the parent kills it.
 * Usage: save-writer.child.ts <repoRoot> <postPath> <post|atomic>
 */
import path from 'node:path'
import { writeFileAtomically } from '../../../src/main/services/files/atomic-write'
import { savePostFile } from '../../../src/main/services/posts/post-files'
import { NEW_VERSION, OLD_VERSION } from './save-contents'

const [repoRoot, postPath, mode] = process.argv.slice(2) as [string, string, string]

async function saveOnce(text: string): Promise<void> {
  if (mode === 'atomic') await writeFileAtomically(path.join(repoRoot, postPath), text)
  else await savePostFile(repoRoot, postPath, text, null, { overwriteExternalChanges: true })
}

async function main(): Promise<never> {
  process.stdout.write('ready\n')
  for (let round = 0; ; round++) await saveOnce(round % 2 === 0 ? NEW_VERSION : OLD_VERSION)
}

void main()
