/**
 * Least privilege in the database: the app (and the import command, and the tests) connect as a role that owns
 * its database, the `public` schema and everything in it, but is not a superuser and cannot create roles or
 * databases — so a flaw in the app cannot read files on the server, run programs (`COPY … TO PROGRAM`), or touch
 * other databases. The embedded server's superuser creates the role and hands ownership over (idempotent: an
 * install made before this keeps its data and changes owner at the next start). With DATABASE_URL, make such a
 * role yourself (README: "External PostgreSQL").
 */
import { createHmac } from "node:crypto";
import pg from "pg";

export const APP_ROLE = "hexapla_app";

/** The app role's password, derived from the superuser's (so no second secret file to keep). */
export function appRolePassword(superuserPassword: string): string {
  return createHmac("sha256", superuserPassword).update(APP_ROLE).digest("base64url");
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates (or corrects) the login role: not a superuser, no role or database creation, no replication, no RLS bypass. */
export async function ensureAppRole(adminUrl: string, password: string, role = APP_ROLE): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    await client.query(rowCount ? `ALTER ROLE ${name} ${attributes}` : `CREATE ROLE ${name} ${attributes}`);
  });
}

/**
 * Gives `role` the database (connect with `databaseAdminUrl`, the superuser's URL of that database), its public
 * schema and every table, view, sequence, function and type in it that an extension does not own.
 */
export async function transferOwnership(databaseAdminUrl: string, role = APP_ROLE): Promise<void> {
  await withClient(databaseAdminUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(await currentDatabase(client))} OWNER TO ${name}`);
    await client.query(`ALTER SCHEMA public OWNER TO ${name}`);
    const { rows } = await client.query<{ statement: string }>(
      `WITH owned_by_extension AS (SELECT objid, classid FROM pg_depend WHERE deptype = 'e')
       SELECT format('ALTER %s %s OWNER TO %I', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                     c.oid::regclass, $1::text) AS statement
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
          AND NOT EXISTS (SELECT 1 FROM owned_by_extension e WHERE e.objid = c.oid AND e.classid = 'pg_class'::regclass)
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
          AND NOT EXISTS (SELECT 1 FROM owned_by_extension e WHERE e.objid = p.oid AND e.classid = 'pg_proc'::regclass)
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
          AND NOT EXISTS (SELECT 1 FROM owned_by_extension e WHERE e.objid = t.oid AND e.classid = 'pg_type'::regclass)`,
      [role],
    );
    for (const { statement } of rows) await client.query(statement);
  });
}

async function currentDatabase(client: pg.Client): Promise<string> {
  return (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0].name;
}

/** Whether the URL's role is a superuser (a warning for DATABASE_URL: the app needs no more than owning its schema). */
export async function connectsAsSuperuser(url: string): Promise<boolean> {
  return withClient(url, async (client) => (await client.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).rows[0].rolsuper);
}
