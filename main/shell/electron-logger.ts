/**
 * electron-log in the shell: the main process's own lines and the engine's records (relayed from
 * the utility process, services-protocol.ts) go to one file in the app's logs folder, and to the
 * console in development. Secrets are redacted by a hook over everything written, with the one
 * list of node-shared/log-secrets.ts.
 *
 * The shell uses electron-log's Node flavour with the path set here: the Electron flavour also
 * answers log messages from any renderer over IPC, a channel our sandboxed window has no use for.
 */
import type ElectronLog from 'electron-log';
import { join } from 'node:path';
import type { LogFields, Logger, LogLevel } from '../services/log/logger';
import { redactSecrets } from '../../node-shared/log-secrets';

type ElectronLogger = ElectronLog.NodeLogger;
type LogMessage = ElectronLog.LogMessage;

/** The hook: every value of a message goes through redactSecrets before any transport sees it. */
export function redactionHook(message: LogMessage): LogMessage {
  return { ...message, data: message.data.map((d) => redactSecrets(d)) };
}

export interface ShellLogOptions {
  /** The app's logs folder (app.getPath('logs')), asked at each write: the file is main.log there. */
  logsDir: () => string;
  /** Echo to the console too (development). */
  console: boolean;
}

/** Sets electron-log up (redaction hook, file, console) and gives main/services' Logger over it. */
export function shellLogger(log: ElectronLogger, options: ShellLogOptions): Logger {
  if (!log.hooks.includes(redactionHook)) log.hooks.push(redactionHook);
  log.transports.file.resolvePathFn = () => join(options.logsDir(), 'main.log');
  log.transports.file.level = 'info';
  log.transports.console.level = options.console ? 'info' : false;
  const write =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) log[level](message);
      else log[level](message, fields);
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
