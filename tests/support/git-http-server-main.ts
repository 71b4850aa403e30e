/**
 * The test Git server as a program of its own: prints `{ baseUrl, root }` as one JSON line,
 * serves until its standard input closes. Benchmarks use it so that the server's work never
 * shares the event loop of the client being measured (a real server is never in the app).
 */
import { startGitServer, type GitServerUser } from './git-http-server'

const users = JSON.parse(process.argv[2] ?? '[]') as GitServerUser[]
const server = await startGitServer(users.length > 0 ? { users } : {})
process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, root: server.root })}\n`)
process.stdin.resume()
process.stdin.on('end', () => {
  void server.stop().then(() => process.exit(0))
})
