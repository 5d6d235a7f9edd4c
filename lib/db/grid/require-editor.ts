/** The data layer's own check that a write comes from an editor (routes check first with requireRole). */
import { hasRole } from "../../auth/roles";
import { DomainError } from "../errors";
import type { Actor } from "./types";

export function requireEditor(actor: Actor): void {
  if (!hasRole(actor.role, "editor")) throw new DomainError("forbidden", `Changing the alignment needs the editor role; you are signed in as ${actor.role}.`);
}
