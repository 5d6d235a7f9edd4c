import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const root = path.resolve(import.meta.dirname, "..", "..");
const apiDir = path.join(root, "app", "api");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler file under app/api, as its OpenAPI path (`[work]` → `{work}`, `[...all]` → `{all}`). */
function routeFiles(): { path: string; file: string }[] {
  const found: { path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const segments = path.relative(apiDir, dir).split(path.sep).filter(Boolean);
        const openApiPath = `/api/${segments.map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}")).join("/")}`;
        found.push({ path: openApiPath.replace(/\/$/, ""), file: full });
      }
    }
  };
  walk(apiDir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The HTTP methods a route file exports: `export async function GET` or `export { handler as GET }`. */
function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const methods = new Set<string>();
  for (const [, name] of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) methods.add(name);
  for (const [, list] of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of list.split(",")) methods.add(part.trim().split(/\s+as\s+/).pop()!);
  }
  return HTTP_METHODS.filter((method) => methods.has(method));
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();
  const documented = document.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  const routes = routeFiles();

  it("is OpenAPI 3.1 and serialises to JSON", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(() => JSON.parse(JSON.stringify(document))).not.toThrow();
  });

  it("describes every route handler under app/api with each method it exports", () => {
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.flatMap((route) =>
      exportedMethods(route.file)
        .filter((method) => documented[route.path]?.[method.toLowerCase()] == null)
        .map((method) => `${method} ${route.path} (${path.relative(root, route.file)})`),
    );
    expect(missing, "route handlers missing from lib/api/openapi.ts").toEqual([]);
  });

  it("describes only paths and methods that have a route handler", () => {
    const handlers = new Map(routes.map((route) => [route.path, exportedMethods(route.file)]));
    const extra = Object.entries(documented).flatMap(([documentedPath, operations]) =>
      Object.keys(operations)
        .filter((method) => !(handlers.get(documentedPath) ?? []).includes(method.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${documentedPath}`),
    );
    expect(extra, "documented without a route handler").toEqual([]);
  });

  it("declares every path parameter of every operation", () => {
    const undeclared = Object.entries(documented).flatMap(([documentedPath, operations]) =>
      [...documentedPath.matchAll(/\{(\w+)\}/g)].flatMap(([, name]) =>
        Object.entries(operations)
          .filter(([, op]) => !(op.parameters ?? []).some((p) => p.in === "path" && p.name === name))
          .map(([method]) => `${method} ${documentedPath}: {${name}}`),
      ),
    );
    expect(undeclared).toEqual([]);
  });

  it("resolves every schema reference", () => {
    const schemas = document.components.schemas as Record<string, unknown>;
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(([, name]) => name);
    expect(refs.filter((name) => !(name in schemas))).toEqual([]);
  });
});
