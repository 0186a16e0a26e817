/** Fixes are offered only when their edits keep the YAML valid: the one-piece shortcut must agree with a whole parse. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EditValidity } from '../../server/src/core/editValidity.ts';
import { parseFile } from '../../server/src/core/parse.ts';
import type { TextEdit } from '../../server/src/core/textEdits.ts';

const THREE_DOCUMENTS = 'a: 1\n---\nb: x\nc: 3\n---\nd: 4\n';
const at = (text: string, find: string, newText: string, length = find.length): TextEdit => {
  const start = text.indexOf(find);
  assert.ok(start >= 0, find);
  return { span: { start, end: start + length }, newText };
};
const keeps = (text: string, ...edits: TextEdit[]) => new EditValidity(text, parseFile(text)).keepsYamlValid(edits);

describe('edit validity', () => {
  it('accepts an edit inside one document that parses', () => {
    assert.equal(keeps(THREE_DOCUMENTS, at(THREE_DOCUMENTS, 'x', '"quoted"')), true);
    assert.equal(keeps(THREE_DOCUMENTS, at(THREE_DOCUMENTS, 'c: 3\n', 'c: 3\nnew: [1, 2]\n')), true);
  });

  it('refuses an edit that breaks its document', () => {
    assert.equal(keeps(THREE_DOCUMENTS, at(THREE_DOCUMENTS, 'x', '"unterminated')), false);
    assert.equal(keeps(THREE_DOCUMENTS, at(THREE_DOCUMENTS, 'c: 3', '  - c: 3')), false);
  });

  it('does not trust the piece alone when an edit glues text onto the next `---`', () => {
    // "a: |" parses on its own, but the file becomes "a: |---", a broken block scalar header.
    const text = 'a: x\n---\nb: 2\n';
    assert.equal(keeps(text, { span: { start: 3, end: 5 }, newText: '|' }), false);
  });

  it('judges text inserted where a document starts as the end of the document before', () => {
    const third = THREE_DOCUMENTS.lastIndexOf('---');
    const insert = (newText: string): TextEdit => ({ span: { start: third, end: third }, newText });
    assert.equal(keeps(THREE_DOCUMENTS, insert('e: 5\n')), true);
    assert.equal(keeps(THREE_DOCUMENTS, insert('- e\n')), false);
    assert.equal(keeps(THREE_DOCUMENTS, insert('e: [\n')), false);
    // Glued onto the marker (no newline): only the whole file can tell.
    assert.equal(keeps(THREE_DOCUMENTS, insert('e: 5')), true);
  });

  it('decides edits of marker lines and new markers on the whole file', () => {
    const text = '# header\n---\na: 1\n';
    assert.equal(keeps(text, at(text, '---\n', '')), true);
    assert.equal(keeps(THREE_DOCUMENTS, at(THREE_DOCUMENTS, 'c: 3', '---\nc: 3')), true);
    assert.equal(keeps(THREE_DOCUMENTS, at(THREE_DOCUMENTS, 'c: 3', '...\n  bad: [')), false);
  });

  it('compares with the errors already there when the file does not parse cleanly', () => {
    const broken = 'a: [1\n---\nb: x\n';
    assert.equal(keeps(broken, at(broken, 'x', 'y')), true);
    assert.equal(keeps(broken, at(broken, 'x', '"open')), false);
  });
});
