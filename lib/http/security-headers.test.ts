import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders, servedOverUnexpectedHttps } from "./security-headers";

describe("security headers", () => {
  it("allow scripts only with the request's nonce, never inline or eval, and forbid framing", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", secure: false });
    const script = policy.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("add HSTS and upgrade mixed content only over https", () => {
    expect(securityHeaders({ nonce: "n", secure: false })).not.toHaveProperty("Strict-Transport-Security");
    const secure = securityHeaders({ nonce: "n", secure: true });
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(secure).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" });
  });

  it("allow eval for the development server only", () => {
    expect(contentSecurityPolicy({ nonce: "n", secure: false, development: true })).toContain("'unsafe-eval'");
  });

  it("notice a request served over https when the public URL is not https", () => {
    expect(servedOverUnexpectedHttps("https", "http:", false)).toBe(true);
    expect(servedOverUnexpectedHttps("https, http", "http:", false)).toBe(true);
    expect(servedOverUnexpectedHttps(null, "https:", false)).toBe(true);
    expect(servedOverUnexpectedHttps("https", "http:", true)).toBe(false);
    expect(servedOverUnexpectedHttps("http", "http:", false)).toBe(false);
    expect(servedOverUnexpectedHttps(null, "http:", false)).toBe(false);
  });
});
