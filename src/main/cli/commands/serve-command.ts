import { parseArgs } from 'node:util'
import { appPaths } from '../../app-paths'
import { consoleLogger } from '../../services/logger'
import { startBrowserMode } from '../../web/browser-mode'
import type { CliCommand } from '../command'

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Open a blog repository in your browser (local web host on 127.0.0.1)',
  usage: 'inkpress serve [<repo>] [--port N]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { port: { type: 'string' } },
      allowPositionals: true,
    })
    const port = values.port === undefined ? undefined : Number(values.port)
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      io.stderr(`--port must be a number from 0 to 65535, not "${values.port}".`)
      return 2
    }
    if (positionals.length > 1) {
      io.stderr(`Usage: ${this.usage}`)
      return 2
    }
    const mode = await startBrowserMode({
      paths: appPaths(),
      logger: consoleLogger,
      env: io.env,
      ...(positionals[0] !== undefined ? { repository: positionals[0] } : {}),
      ...(port !== undefined ? { port } : {}),
    })
    const repo = await mode.session.handlers['repo:current']()
    io.stdout(`Inkpress is serving ${repo?.root ?? 'no repository'}`)
    io.stdout(`Open this URL in your browser: ${mode.host.url}`)
    io.stdout('Press Ctrl+C to stop.')
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await mode.close()
    return 0
  },
}
