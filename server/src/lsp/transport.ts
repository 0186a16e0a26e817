/**
 * The connection's reader and writer, chosen from the command line as vscode-languageserver does
 * (--stdio, --node-ipc, --socket=N, --pipe=NAME), made here so that the server can see read errors.
 * vscode-languageserver drops them: after one malformed frame (a header without Content-Length, a
 * body that is not JSON) its stream reader is out of step and every later message is lost, so the
 * server lived on and answered nothing. Exiting instead lets the client notice and restart it.
 */
import { format } from 'node:util';
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  stdio: boolean;
}

function argument(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** The transport the arguments name, or undefined (then vscode-languageserver reports the usage). */
export function transportFrom(argv: readonly string[]): Transport | undefined {
  if (argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  if (argv.includes('--stdio'))
    return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
  const port = argument(argv, '--socket');
  if (port !== undefined && Number.parseInt(port, 10) > 0) {
    const [reader, writer] = createServerSocketTransport(Number.parseInt(port, 10));
    return { reader, writer, stdio: false };
  }
  const pipe = argument(argv, '--pipe');
  if (pipe) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { reader, writer, stdio: false };
  }
  return undefined;
}

/**
 * Ends the process when the client's side of the connection breaks: a message that cannot be read
 * (exit 1, after saying why on stderr), or the input closing (0 after a shutdown request, else 1).
 */
export function exitWhenBroken(transport: Transport, shutdownReceived: () => boolean): void {
  transport.reader.onError((error) => {
    process.stderr.write(
      `kube-proxy Tuner: cannot read a message from the client (${error.message.split('\n')[0]}); exiting so that the client can restart the server\n`,
    );
    process.exit(1);
  });
  transport.reader.onClose(() => process.exit(shutdownReceived() ? 0 : 1));
}

/**
 * Over stdio, standard output carries the protocol: anything a dependency prints with console.log
 * would corrupt it. vscode-languageserver redirects the console only for the stdio streams it opens
 * itself, so do the same here, to standard error (which clients show in the server's log).
 */
export function keepConsoleOffStdout(): void {
  const toStderr = (...args: unknown[]): void => {
    process.stderr.write(`${format(...args)}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  console.error = toStderr;
  console.trace = toStderr;
  console.dir = toStderr;
}
