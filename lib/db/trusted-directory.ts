/**
 * Whether a folder of programs is safe to run: owned by the expected user (root) and not writable by anyone
 * else, all the way down its tree and all the way up to `/` — an ancestor may be world-writable only if it is
 * sticky and owned by root, like /tmp, where nobody can rename or replace another user's entries. Otherwise
 * another local user could swap in programs that the database (and so every stored text) would run.
 */
import fs from "node:fs";
import path from "node:path";

const GROUP_OR_OTHER_WRITE = 0o022;
const STICKY = 0o1000;

/** Why `dir` is not safe to run programs from, or null when it is. */
export function untrustedReason(dir: string, owner = 0): string | null {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return `${dir} does not exist`;
  }
  for (let ancestor = path.dirname(real); ; ancestor = path.dirname(ancestor)) {
    const stat = fs.statSync(ancestor);
    if (stat.uid !== owner && stat.uid !== 0) return `${ancestor} is owned by uid ${stat.uid}`;
    if (stat.mode & GROUP_OR_OTHER_WRITE && !(stat.mode & STICKY && stat.uid === 0)) return `${ancestor} is writable by other users`;
    if (ancestor === path.dirname(ancestor)) break;
  }
  const pending = [real];
  while (pending.length) {
    const current = pending.pop()!;
    const stat = fs.lstatSync(current);
    if (stat.uid !== owner) return `${current} is owned by uid ${stat.uid}`;
    if (!stat.isSymbolicLink() && stat.mode & GROUP_OR_OTHER_WRITE) return `${current} is writable by other users`;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(current)) pending.push(path.join(current, entry));
  }
  return null;
}

/** Takes write permission away from group and others throughout `dir` (after copying programs into it). */
export function removeForeignWrite(dir: string): void {
  const pending = [dir];
  while (pending.length) {
    const current = pending.pop()!;
    const stat = fs.lstatSync(current);
    if (stat.isSymbolicLink()) continue;
    fs.chmodSync(current, stat.mode & 0o7777 & ~GROUP_OR_OTHER_WRITE);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(current)) pending.push(path.join(current, entry));
  }
}
