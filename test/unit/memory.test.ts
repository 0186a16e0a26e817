/** The server's idle memory reclaim: when it runs a GC after large files, and that it never runs for small ones. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { IdleMemoryReclaimer, LARGE_TEXT, memoryReducingGc } from '../../server/src/lsp/memory.ts';

const IDLE = 5_000;
/** Time passes on the mocked clock only: no real waiting, no dependence on machine load. */
const pause = async (ms: number) => mock.timers.tick(ms);

function reclaimer() {
  let collected = 0;
  const subject = new IdleMemoryReclaimer(() => collected++, IDLE);
  return { subject, collected: () => collected };
}

describe('idle memory reclaim', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('collects once, after the pause that follows work on a large text', async () => {
    const { subject, collected } = reclaimer();
    subject.noteWork(LARGE_TEXT);
    assert.equal(collected(), 0, 'not while the user may still be typing');
    await pause(IDLE - 1);
    assert.equal(collected(), 0);
    await pause(1);
    assert.equal(collected(), 1);
    await pause(IDLE * 3);
    assert.equal(collected(), 1, 'one collection per pause, not a periodic one');
  });

  it('waits while work keeps arriving', async () => {
    const { subject, collected } = reclaimer();
    for (let i = 0; i < 6; i++) {
      subject.noteWork(LARGE_TEXT + i);
      await pause(IDLE - 1);
    }
    assert.equal(collected(), 0);
    await pause(IDLE * 4);
    assert.equal(collected(), 1);
  });

  it('never collects after small texts only', async () => {
    const { subject, collected } = reclaimer();
    subject.noteWork(LARGE_TEXT - 1);
    subject.noteWork(100);
    await pause(IDLE * 4);
    assert.equal(collected(), 0);
  });

  it('keeps a pending collection when a small file is analysed in between', async () => {
    const { subject, collected } = reclaimer();
    subject.noteWork(LARGE_TEXT * 2);
    subject.noteWork(10);
    await pause(IDLE * 4);
    assert.equal(collected(), 1);
  });

  it('does nothing after dispose, and nothing without a collector', async () => {
    const { subject, collected } = reclaimer();
    subject.noteWork(LARGE_TEXT);
    subject.dispose();
    const none = new IdleMemoryReclaimer(null, IDLE);
    none.noteWork(LARGE_TEXT);
    await pause(IDLE * 4);
    assert.equal(collected(), 0);
    assert.equal(none.runs, 0);
  });

  it("gets V8's collector on this runtime without exposing gc to the server's globals", () => {
    const hadGc = 'gc' in globalThis;
    const collect = memoryReducingGc();
    assert.equal(typeof collect, 'function');
    assert.equal('gc' in globalThis, hadGc);
    collect!();
  });
});
