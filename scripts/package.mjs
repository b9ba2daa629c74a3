/**
 * Packaging: zips dist/chrome and dist/firefox (run `npm run build` first) into
 * release/factmark-<browser>-<version>.zip, manifest.json at the root of each as both stores
 * require. Uses the `zip` command when it is installed; otherwise writes the zip itself with
 * node's zlib (deflate, no zip64: an extension is far below 4 GiB and 65,535 files).
 * FACTMARK_NODE_ZIP=1 forces the node writer, to check it where `zip` is installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BROWSERS = ['chrome', 'firefox'];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function hasZipCommand() {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every file under dir, as paths relative to it with '/' separators, sorted (stable zips). */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Every entry gets the same timestamp, 1980-01-01 00:00 (the DOS epoch), so a rebuild of the same
// files gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of `files` (relative paths under `dir`): deflated, or stored when deflate does not help. */
function writeZip(dir, files, outFile) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const name of files) {
    const data = readFileSync(join(dir, name));
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8); // method: 0 stored, 8 deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE(0x031e, 4); // made by: Unix, spec 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(outFile, Buffer.concat([...locals, ...centrals, end]));
}

const releaseDir = join(ROOT, 'release');
mkdirSync(releaseDir, { recursive: true });
const useZipCommand = process.env.FACTMARK_NODE_ZIP !== '1' && hasZipCommand();

for (const browser of BROWSERS) {
  const dir = join(ROOT, 'dist', browser);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) fail(`${manifestPath} is missing; run \`npm run build\` first`);
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const outFile = join(releaseDir, `factmark-${browser}-${version}.zip`);
  rmSync(outFile, { force: true });
  const files = listFiles(dir);
  if (useZipCommand) {
    // -X: no extra file attributes (uid, times), -q: quiet; files listed so the order is stable.
    execFileSync('zip', ['-X', '-q', '-9', outFile, ...files], { cwd: dir, stdio: 'inherit' });
  } else {
    writeZip(dir, files, outFile);
  }
  console.log(`${relative(ROOT, outFile)}: ${files.length} files`);
}
