import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as zlib from 'zlib';
import { listZipEntries, readZipEntry } from './zipReader';

/** Builds a zip by hand (stored or deflated entries), the way any zip tool lays it out. */
function makeZip(files: { name: string; data: string; deflate: boolean }[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const raw = Buffer.from(file.data, 'utf8');
    const body = file.deflate ? zlib.deflateRawSync(raw) : raw;
    const name = Buffer.from(file.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(file.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(file.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

void describe('zipReader', () => {
  const files = [
    { name: 'extension/package.json', data: '{"name":"sip-trace"}', deflate: true },
    { name: 'extension/readme.md', data: '# SIP\n'.repeat(50), deflate: false },
  ];

  void it('lists every entry with its name and size', () => {
    const entries = listZipEntries(makeZip(files));
    assert.deepEqual(
      entries.map((e) => [e.name, e.size]),
      files.map((f) => [f.name, Buffer.byteLength(f.data)]),
    );
  });

  void it('reads stored and deflated entries back', () => {
    const zip = makeZip(files);
    const entries = listZipEntries(zip);
    assert.deepEqual(
      entries.map((e) => readZipEntry(zip, e).toString('utf8')),
      files.map((f) => f.data),
    );
  });

  void it('finds the directory behind an archive comment', () => {
    const zip = makeZip(files, 'packed by a tool that leaves a comment');
    assert.equal(listZipEntries(zip).length, 2);
  });

  void it('rejects bytes that are not a zip', () => {
    assert.throws(() => listZipEntries(Buffer.from('INVITE sip:bob@example.com SIP/2.0\r\n'.repeat(3))), /not a zip/);
  });
});
