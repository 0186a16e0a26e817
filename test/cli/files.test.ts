/**
 * `check --fix` never loses the user's file: atomic replacement (a full disk leaves the original),
 * no write over a file that changed since it was read, links and modes kept; inputs that never
 * end or cannot be written back are refused with a clear message and exit 2, never a hang.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileProblem, readInput, writeFixed } from '../../server/src/cli/files.ts';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const KPC = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';
const BROKEN = `${KPC}mode: IPVS # keep me\n`;
const FIXED = `${KPC}mode: ipvs # keep me\n`;

function check(args: string[], options: { input?: string } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { input: options.input, encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

function scratch(name: string, text: string): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'kpt-files-'));
  const file = join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const temporaries = (file: string): string[] => fs.readdirSync(join(file, '..')).filter((name) => name.endsWith('.tmp'));

describe('--fix writes atomically', () => {
  it('leaves the original whole and no temporary file when the disk fills up', () => {
    const file = scratch('full.yaml', BROKEN);
    const input = readInput(file);
    const diskFull: typeof fs = {
      ...fs,
      writeFileSync: ((target: fs.PathOrFileDescriptor, data: string) => {
        fs.writeFileSync(target, data.slice(0, 10));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }) as typeof fs.writeFileSync,
    };
    assert.throws(
      () => writeFixed(file, input, FIXED, diskFull),
      (error: unknown) =>
        error instanceof FileProblem &&
        /cannot write .*full\.yaml: no space left on the device; the file is unchanged/.test(error.render('en')),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), BROKEN);
    assert.deepEqual(temporaries(file), []);
  });

  it('keeps the file mode', () => {
    const file = scratch('mode.yaml', BROKEN);
    fs.chmodSync(file, 0o640);
    const { code } = check(['check', '--fix', file]);
    assert.equal(code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('writes through a symbolic link and keeps the link', () => {
    const target = scratch('real.yaml', BROKEN);
    const link = join(target, '../link.yaml');
    fs.symlinkSync(target, link);
    assert.equal(check(['check', '--fix', link]).code, 0);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
  });

  it('keeps the owner and group', () => {
    const file = scratch('owner.yaml', BROKEN);
    // As root, give the file another owner, as a config under /etc owned by a service user would be.
    const owner = process.getuid!() === 0 ? { uid: 4321, gid: 4322 } : { uid: process.getuid!(), gid: process.getgid!() };
    if (process.getuid!() === 0) fs.chownSync(file, owner.uid, owner.gid);
    assert.equal(check(['check', '--fix', file]).code, 0);
    const stat = fs.statSync(file);
    assert.deepEqual({ uid: stat.uid, gid: stat.gid }, owner);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  });

  it('does not overwrite a file that changed after it was read', () => {
    const file = scratch('race.yaml', BROKEN);
    const input = readInput(file);
    fs.writeFileSync(file, `${BROKEN}# an edit made meanwhile\n`);
    assert.throws(
      () => writeFixed(file, input, FIXED),
      (error: unknown) =>
        error instanceof FileProblem && /changed on disk while it was being checked: not written/.test(error.render('en')),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), `${BROKEN}# an edit made meanwhile\n`);
  });

  it('refuses to split hard links', () => {
    const file = scratch('linked.yaml', BROKEN);
    fs.linkSync(file, join(file, '../other-name.yaml'));
    const { code, stderr } = check(['check', '--fix', file]);
    assert.equal(code, 2);
    assert.match(stderr, /has 2 hard links/);
    assert.equal(fs.readFileSync(file, 'utf8'), BROKEN);
  });

  it('says when nothing is left to fix, run after run', () => {
    const file = scratch('twice.yaml', `${KPC}ipvs:\n  scheduler: rr\n"ipvs.syncPeriod": 10s\n`);
    assert.match(check(['check', '--fix', file]).stderr, /applied 1 fix\(es\)/);
    assert.match(check(['check', '--fix', file]).stderr, /applied 0 fix\(es\)/);
    assert.equal(fs.readFileSync(file, 'utf8'), `${KPC}ipvs:\n  scheduler: rr\n  syncPeriod: 10s\n`);
  });
});

describe('inputs that cannot be read or written back', () => {
  it('refuses an endless device with a clear message instead of reading until killed', () => {
    const { code, stderr, signal } = check(['check', '/dev/zero']);
    assert.equal(signal, null);
    assert.equal(code, 2);
    assert.match(stderr, /\/dev\/zero is larger than 32 MiB and was not read/);
  });
  it('refuses --fix on standard input given as /dev/stdin, without waiting for it to end', () => {
    const { code, stderr, signal } = check(['check', '--fix', '/dev/stdin'], { input: BROKEN });
    assert.equal(signal, null);
    assert.equal(code, 2);
    assert.match(stderr, /\/dev\/stdin is not a regular file/);
  });
  it('refuses standard input twice', () => {
    const { code, stderr } = check(['check', '-', '-'], { input: BROKEN });
    assert.equal(code, 2);
    assert.match(stderr, /standard input \(-\) can be read only once/);
  });
  it('says it in Chinese with --locale zh-cn', () => {
    const { code, stderr } = check(['check', '--locale', 'zh-cn', '/no/such/file.yaml']);
    assert.equal(code, 2);
    assert.match(stderr, /无法读取 \/no\/such\/file\.yaml：文件不存在/);
  });
  it('still checks standard input once', () => {
    const { code, stdout } = check(['check', '--kubernetes-version', '1.34', '-'], { input: BROKEN });
    assert.equal(code, 1);
    assert.match(stdout, /\[proxy-mode\]/);
  });
});
