/**
 * Child process for the journal kill test: journals ever-newer buffers of one post as fast as
 * it can and reports each completed write, until the parent kills it.
 * Usage: journal-writer.child.ts <appDataDir> <repoRoot> <postPath>
 */
import { JournalStore } from '../../../src/main/services/journal/journal-store'
import { journalText } from './journal-text'

const [appDataDir, repoRoot, postPath] = process.argv.slice(2) as [string, string, string]
const journal = new JournalStore(appDataDir)

async function main(): Promise<never> {
  for (let generation = 1; ; generation++) {
    await journal.write(repoRoot, postPath, journalText(generation), null)
    process.stdout.write(`wrote ${generation}\n`)
  }
}

void main()
