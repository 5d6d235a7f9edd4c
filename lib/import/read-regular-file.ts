/**
 * Reads an import file from disk without ever hanging or reading without bound: only a regular file is opened (a
 * FIFO, a device, a socket or a folder is refused before it is opened, and the open itself never blocks), and no
 * more than the import limit is read. Side files named by an edition must also lie inside the edition's folder and
 * must not be symbolic links.
 */
import fs from "node:fs";
import path from "node:path";
import { ImportError } from "../text/edition-document";
import { assertByteSize, MAX_IMPORT_BYTES } from "../text/limits";

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

function notRegular(displayName: string, stat: fs.Stats): ImportError {
  return new ImportError(displayName, null, `this is ${kindOf(stat)}, not a regular file; only regular files can be imported`);
}

function cannotRead(displayName: string, error: unknown): ImportError {
  return new ImportError(displayName, null, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
}

/**
 * The bytes of a regular file, at most MAX_IMPORT_BYTES. `followLinks: false` refuses a symbolic link (a side file);
 * the file the user named may be one.
 */
export function readRegularFile(file: string, displayName: string, options: { followLinks?: boolean } = {}): Buffer {
  const followLinks = options.followLinks ?? true;
  let stat: fs.Stats;
  try {
    stat = followLinks ? fs.statSync(file) : fs.lstatSync(file);
  } catch (error) {
    throw cannotRead(displayName, error);
  }
  if (!stat.isFile()) throw notRegular(displayName, stat);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (followLinks ? 0 : fs.constants.O_NOFOLLOW));
  } catch (error) {
    throw cannotRead(displayName, error);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw notRegular(displayName, opened);
    assertByteSize(opened.size, displayName);
    const buffer = Buffer.alloc(Math.min(opened.size, MAX_IMPORT_BYTES) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    }
    assertByteSize(length, displayName);
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The path of a side file named in an edition's front matter (`key: name`, on `line` of `owner`): it must lie inside
 * the edition's folder, following no symbolic link out of it, and exist.
 */
export function sideFilePath(editionFile: string, name: string, owner: string, key: string, line: number | null): string {
  const where = `front matter “${key}”`;
  const dir = path.dirname(path.resolve(editionFile));
  const resolved = path.resolve(dir, name);
  const relative = path.relative(dir, resolved);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new ImportError(owner, line, `${where}: ${name} is outside the edition's folder; a side file must be in that folder (or below it)`);
  }
  if (!fs.existsSync(resolved)) throw new ImportError(owner, line, `${where}: file ${name} not found`);
  const real = fs.realpathSync(path.dirname(resolved));
  const realDir = fs.realpathSync(dir);
  if (real !== realDir && !real.startsWith(realDir + path.sep)) {
    throw new ImportError(owner, line, `${where}: a side file must be in the edition's folder, not reached through a symbolic link`);
  }
  if (fs.lstatSync(resolved).isSymbolicLink()) throw new ImportError(owner, line, `${where}: a side file must not be a symbolic link`);
  return resolved;
}
