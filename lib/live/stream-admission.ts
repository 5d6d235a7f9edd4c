/**
 * How many live-update streams an app process keeps open: at most `total`, at most `perClient` for one client (a
 * signed-in user, or an address from the proxy's trusted header), and at most `anonymous` for readers the process
 * cannot tell apart (no account, no trusted address), so that they can never take every place from editors.
 * A refusal says why, with the HTTP status (429: this client has too many; 503: the server is full) and how many
 * seconds to wait.
 */

export interface StreamLimits {
  total: number;
  perClient: number;
  anonymous: number;
}

export interface StreamRefusal {
  status: 429 | 503;
  message: string;
  retryAfterSeconds: number;
}

export type Admission = { admitted: true; release: () => void } | { admitted: false; refusal: StreamRefusal };

/** The client a stream is counted against: a user, an address, or every indistinguishable anonymous reader together. */
export type StreamClient = { kind: "user"; id: string } | { kind: "address"; address: string } | { kind: "anonymous" };

const keyOf = (client: StreamClient) => (client.kind === "user" ? `user:${client.id}` : client.kind === "address" ? `address:${client.address}` : "anonymous");

export class StreamAdmission {
  private open = 0;
  private readonly byClient = new Map<string, number>();

  constructor(private readonly limits: StreamLimits) {}

  get openStreams(): number {
    return this.open;
  }

  /** Whether the process is full: checked before any work is done for a request. */
  full(): StreamRefusal | null {
    if (this.open < this.limits.total) return null;
    return {
      status: 503,
      message: `This server has as many live-update streams open as it allows (${this.limits.total}); the page will try again shortly.`,
      retryAfterSeconds: 30,
    };
  }

  admit(client: StreamClient): Admission {
    const whole = this.full();
    if (whole) return { admitted: false, refusal: whole };
    const key = keyOf(client);
    const held = this.byClient.get(key) ?? 0;
    const limit = client.kind === "anonymous" ? this.limits.anonymous : this.limits.perClient;
    if (held >= limit) {
      return {
        admitted: false,
        refusal:
          client.kind === "anonymous"
            ? { status: 503, message: `Live updates for readers who are not signed in are at their limit (${limit} streams); sign in, or the page will try again shortly.`, retryAfterSeconds: 30 }
            : { status: 429, message: `You have ${held} live-update streams open, the most one ${client.kind === "user" ? "account" : "address"} may; close some pages of this site.`, retryAfterSeconds: 60 },
      };
    }
    this.open += 1;
    this.byClient.set(key, held + 1);
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.open -= 1;
        const left = (this.byClient.get(key) ?? 1) - 1;
        if (left > 0) this.byClient.set(key, left);
        else this.byClient.delete(key);
      },
    };
  }
}
