/**
 * Entry of the SIP language server, for VS Code and any other LSP editor (Neovim, Helix, Emacs,
 * Sublime). The transport comes from the command line, as with other Node language servers:
 *
 *   sip-trace-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>
 *   sip-trace-server --version
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';
import { packageVersion } from './version';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

const USAGE = `Usage: sip-trace-server (--stdio | --node-ipc | --socket=<port> | --pipe=<name>)
       sip-trace-server --version

The SIP Trace Analyzer language server: diagnostics, hovers, outline, folding, definitions,
references and quick fixes for SIP traces (language id "sip").`;

function main(argv: readonly string[]): void {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!argv.some((a) => TRANSPORTS.includes(a.split('=')[0]))) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  // A bug in one request must not take the editor's analysis down with it: log and keep serving.
  process.on('uncaughtException', (error) => {
    connection.console.error(`Uncaught exception: ${error.stack ?? error.message}`);
  });
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
  startServer(connection, { version: packageVersion() });
  connection.listen();
}

main(process.argv.slice(2));
