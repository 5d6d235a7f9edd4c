import { describe, expect, it } from "vitest";
import { listenPlan, publicUrlSettings } from "./public-url";

describe("the public URL", () => {
  it("serves this machine only when no public URL is set, with no configuration", () => {
    expect(listenPlan({ PORT: 3000 })).toEqual({ host: "127.0.0.1", url: "http://localhost:3000", warnings: [] });
    expect(publicUrlSettings({})).toEqual({ url: null, secure: false });
  });

  it("refuses to listen for other machines without a public URL", () => {
    expect(() => listenPlan({ PORT: 3000, HEXAPLA_HOST: "0.0.0.0" })).toThrow(/HEXAPLA_BASE_URL is not set/);
    expect(listenPlan({ PORT: 3000, HEXAPLA_HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
  });

  it("listens on every interface for a public https URL, with Secure cookies", () => {
    expect(listenPlan({ PORT: 3000, HEXAPLA_BASE_URL: "https://hexapla.example.org" })).toEqual({ host: "0.0.0.0", url: "https://hexapla.example.org", warnings: [] });
    expect(publicUrlSettings({ HEXAPLA_BASE_URL: "https://hexapla.example.org" }).secure).toBe(true);
  });

  it("warns about a public URL over plain http", () => {
    expect(listenPlan({ PORT: 3000, HEXAPLA_BASE_URL: "http://hexapla.example.org" }).warnings[0]).toMatch(/unencrypted/);
    expect(publicUrlSettings({ HEXAPLA_BASE_URL: "http://hexapla.example.org" }).secure).toBe(false);
  });

  it("keeps a localhost URL on the loopback address", () => {
    expect(listenPlan({ PORT: 3000, HEXAPLA_BASE_URL: "https://localhost:8443" }).host).toBe("127.0.0.1");
  });
});
