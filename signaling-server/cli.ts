/** The `moim-server` command: config from env and flags, graceful shutdown on SIGINT/SIGTERM. */
import { CONFIG_HELP, ConfigError, parseFlags, pickEnv, resolveConfig } from './config'
import { createLogger } from './logger'
import { DEFAULT_WEB_ROOT, startServer } from './start'

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(CONFIG_HELP)
    return
  }
  let config
  try {
    config = resolveConfig(pickEnv(env), parseFlags(argv))
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    process.stderr.write(`moim-server: ${err.message}\n`)
    process.exitCode = 2
    return
  }
  const logger = createLogger(config.logLevel)
  // One failed fire-and-forget broadcast (e.g. Redis briefly away) must not end every call.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'))
  const webRoot = env.MOIM_WEB_ROOT || DEFAULT_WEB_ROOT
  const server = await startServer({ ...config, webRoot, logger })
  // A plain line for people; the JSON log lines on stdout are for machines.
  process.stderr.write(`Moim signaling server listening on ${server.url}/\n`)

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
