/**
 * Whatever can take away someone's access — the reading setting, a signed-out or revoked session, a revoked token,
 * a disabled or re-roled user — fires a NOTIFY on `hexapla_access` (triggers in the account_controls migration),
 * whichever app server or command made the change. Each app process listens on one connection of its own and
 * tells every subscriber (the open live-update streams, which then re-check their reader). When the connection
 * is lost, subscribers are told too (they re-check), and the next subscription connects again.
 */
import pg from "pg";

export const ACCESS_CHANNEL = "hexapla_access";

type Subscriber = () => void;

interface Hub {
  subscribers: Set<Subscriber>;
  client: pg.Client | null;
  connecting: Promise<void> | null;
}

const globalForHub = globalThis as unknown as { hexaplaAccessHub?: Hub };

function hub(): Hub {
  globalForHub.hexaplaAccessHub ??= { subscribers: new Set(), client: null, connecting: null };
  return globalForHub.hexaplaAccessHub;
}

function tellEveryone(state: Hub) {
  for (const subscriber of [...state.subscribers]) subscriber();
}

function connect(state: Hub, databaseUrl: string): Promise<void> {
  state.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    const lost = () => {
      if (state.client !== client) return;
      state.client = null;
      void client.end().catch(() => undefined);
      tellEveryone(state);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel === ACCESS_CHANNEL) tellEveryone(state);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
      state.client = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  })().finally(() => {
    state.connecting = null;
  });
  return state.connecting;
}

/** Calls `onChange` whenever someone's access may have changed; resolves once listening. Returns the unsubscribe. */
export async function onAccessChange(databaseUrl: string, onChange: Subscriber): Promise<() => void> {
  const state = hub();
  state.subscribers.add(onChange);
  const unsubscribe = () => {
    state.subscribers.delete(onChange);
    if (state.subscribers.size === 0 && state.client) {
      const client = state.client;
      state.client = null;
      void client.end().catch(() => undefined);
    }
  };
  try {
    if (!state.client) await connect(state, databaseUrl);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}
