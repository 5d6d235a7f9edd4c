/** The accounts the e2e server creates, one per role, and where it tells tests its database URL. */
import os from "node:os";
import path from "node:path";

export const E2E_PASSWORD = "e2e-password-123";

export const E2E_USERS = [
  { email: "admin@e2e.test", name: "Ada Admin", role: "admin" },
  { email: "editor@e2e.test", name: "Eda Editor", role: "editor" },
  { email: "editor2@e2e.test", name: "Edo Editor", role: "editor" },
  { email: "scholar@e2e.test", name: "Sol Scholar", role: "scholar" },
] as const;

export function e2eStateFile(port: number): string {
  return path.join(os.tmpdir(), `hexapla-e2e-state-${port}.json`);
}
