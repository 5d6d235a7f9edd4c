/** @type {import("next").NextConfig} */
const nextConfig = {
  // Worker-side packages the app imports only through the job registry; never bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "graphile-worker", "piscina"],
  poweredByHeader: false,
  // Type checking is its own step (`npm run typecheck`, run by CI), over the whole project, tests included.
  typescript: { ignoreBuildErrors: true },
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
