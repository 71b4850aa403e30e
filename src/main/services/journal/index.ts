export { JournalStore } from './journal-store'
