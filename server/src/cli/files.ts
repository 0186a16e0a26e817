/**
 * Reading the files the CLI checks and writing back the ones `--fix` changes, without ever losing
 * what the user had: input is capped (a device such as /dev/zero never ends), `--fix` writes only
 * regular files, never one that changed on disk since it was read, and replaces it atomically (a
 * temporary file in the same folder, flushed, then renamed over it), so a full disk or a crash
 * leaves the original whole. A symbolic link stays a link: the file it points to is written.
 */
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { message, type MessageKey } from '../knowledge/messages.ts';
import type { Locale } from '../core/types.ts';

/** kube-proxy and kubeadm configuration files are kilobytes; a large rendered chart is ~10 MB. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** A problem reading or writing, as a catalog message (the CLI says it in the user's language). */
export class FileProblem extends Error {
  readonly key: MessageKey;
  readonly args: Record<string, string | number>;
  /** Why, for the "cannot read/write" messages. */
  readonly reason?: MessageKey;
  constructor(key: MessageKey, args: Record<string, string | number>, reason?: MessageKey) {
    super(key);
    this.key = key;
    this.args = args;
    this.reason = reason;
  }

  render(locale: Locale): string {
    return message(locale, this.key, { ...this.args, reason: this.reason ? message(locale, this.reason, this.args) : '' });
  }
}

export interface Input {
  bytes: Buffer;
  /** For a regular file: what it was when read, to notice a change before writing back. */
  stat?: fs.Stats;
}

/** The problem an errno code stands for, in the catalog's words. */
export function fileProblem(file: string, error: unknown, action: 'read' | 'write'): FileProblem {
  if (error instanceof FileProblem) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason: MessageKey =
    code === 'ENOENT'
      ? 'cli.io.noSuchFile'
      : code === 'EISDIR'
        ? 'cli.io.isDirectory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cli.io.permissionDenied'
          : code === 'ENOSPC'
            ? 'cli.io.noSpace'
            : code === 'EROFS'
              ? 'cli.io.readOnly'
              : 'cli.io.other';
  return new FileProblem(
    action === 'read' ? 'cli.io.cannotRead' : 'cli.io.cannotWrite',
    { file, detail: (error as Error).message ?? String(error) },
    reason,
  );
}

/** Reads at most MAX_INPUT_BYTES from an open descriptor; more is a FileProblem, not a hang. */
function readCapped(fd: number, file: string, io: typeof fs): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let read: number;
    try {
      read = io.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking standard input with nothing yet: wait for it rather than spin.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_INPUT_BYTES) throw new FileProblem('cli.io.tooLarge', { file, limit: MAX_INPUT_BYTES / (1024 * 1024) });
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a file, or standard input for `-`. `forFix`: the file will be written back, so it must be a
 * regular file; anything else (standard input, a pipe, a device) is refused before a byte is read.
 */
export function readInput(file: string, options: { forFix?: boolean } = {}, io: typeof fs = fs): Input {
  if (file === '-') {
    if (options.forFix) throw new FileProblem('cli.fix.notRegular', { file });
    return { bytes: readCapped(0, '-', io) };
  }
  let fd: number;
  try {
    // Refused before opening: opening a pipe or socket (/dev/stdin) may wait or fail on its own.
    if (options.forFix) {
      const kind = io.statSync(file);
      if (!kind.isFile() && !kind.isDirectory()) throw new FileProblem('cli.fix.notRegular', { file });
    }
    fd = io.openSync(file, 'r');
  } catch (error) {
    throw fileProblem(file, error, 'read');
  }
  try {
    const stat = io.fstatSync(fd);
    if (stat.isDirectory()) throw fileProblem(file, Object.assign(new Error('is a directory'), { code: 'EISDIR' }), 'read');
    if (options.forFix && !stat.isFile()) throw new FileProblem('cli.fix.notRegular', { file });
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES)
      throw new FileProblem('cli.io.tooLarge', { file, limit: MAX_INPUT_BYTES / (1024 * 1024) });
    const bytes = readCapped(fd, file, io);
    return { bytes, stat: stat.isFile() ? stat : undefined };
  } catch (error) {
    throw fileProblem(file, error, 'read');
  } finally {
    io.closeSync(fd);
  }
}

/**
 * Writes `text` over the file `input` was read from, atomically. Refuses when the file changed on
 * disk since it was read, or when it has other hard links (a rename would split them). Keeps the
 * file's mode, and its owner and group where this process may set them (else refuses).
 */
export function writeFixed(file: string, input: Input, text: string, io: typeof fs = fs): void {
  const target = resolveLink(file, io);
  let current: Buffer;
  let stat: fs.Stats;
  try {
    stat = io.statSync(target);
    current = io.readFileSync(target);
  } catch (error) {
    throw fileProblem(file, error, 'write');
  }
  if (!input.stat || !current.equals(input.bytes) || stat.ino !== input.stat.ino || stat.dev !== input.stat.dev) {
    throw new FileProblem('cli.fix.changedOnDisk', { file });
  }
  if (stat.nlink > 1) throw new FileProblem('cli.fix.hardLinks', { file, links: stat.nlink });

  const temporary = join(
    dirname(target),
    `.${basename(target)}.kube-proxy-tuner-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = io.openSync(temporary, 'wx', stat.mode & 0o7777);
    io.writeFileSync(fd, text);
    io.fchmodSync(fd, stat.mode & 0o7777);
    if (process.getuid && (stat.uid !== process.getuid() || stat.gid !== process.getgid!())) {
      try {
        io.fchownSync(fd, stat.uid, stat.gid);
      } catch {
        throw new FileProblem('cli.fix.owner', { file });
      }
    }
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    io.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined)
      try {
        io.closeSync(fd);
      } catch {
        /* already failing */
      }
    try {
      io.unlinkSync(temporary);
    } catch {
      /* not created */
    }
    throw fileProblem(file, error, 'write');
  }
  // The rename is durable once the folder is flushed; where folders cannot be opened, it still happened.
  try {
    const dir = io.openSync(dirname(target), 'r');
    try {
      io.fsyncSync(dir);
    } finally {
      io.closeSync(dir);
    }
  } catch {
    /* best effort */
  }
}

/** The file a path names once every symbolic link is followed (the path itself when it is none). */
function resolveLink(file: string, io: typeof fs): string {
  try {
    return io.realpathSync(file);
  } catch {
    return file;
  }
}
