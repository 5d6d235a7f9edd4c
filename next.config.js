/** @type {import("next").NextConfig} */
const nextConfig = {
  // Worker-side packages the app imports only through the job registry; never bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "graphile-worker", "piscina"],
  poweredByHeader: false,
  // Type checking is its own step (`npm run typecheck`, run by CI), over the whole project, tests included.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
