/** @type {import("next").NextConfig} */
const nextConfig = {
  // Worker-side packages the app imports only through the job registry; never bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "graphile-worker", "piscina", "playwright-core"],
  poweredByHeader: false,
  // Type checking is its own step (`npm run typecheck`, run by CI), over the whole project, tests included.
  typescript: { ignoreBuildErrors: true },
  // With a proxy (proxy.ts) Next.js buffers request bodies only up to this size and silently truncates the rest:
  // it must let a whole import through (20 MiB and the form around it, lib/api/import-form.ts); every route still
  // counts its own body and refuses it past its limit (lib/http/read-body.ts).
  experimental: { proxyClientMaxBodySize: 20 * 1024 * 1024 + 64 * 1024 },
  // For every answer, static files included; pages and API answers also get a Content-Security-Policy (proxy.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
