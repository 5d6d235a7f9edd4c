/** Expected errors of the data layer: each has a code the UI and the HTTP API map to a status and a message. */

export class DomainError extends Error {
  constructor(
    readonly code: "conflict" | "not_found" | "invalid" | "unauthorized" | "forbidden" | "stale",
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super("conflict", message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super("not_found", message);
  }
}
