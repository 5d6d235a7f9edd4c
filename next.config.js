/** @type {import("next").NextConfig} */
const nextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Type checking is its own step (`npm run typecheck`, run by CI), over the whole project, tests included.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
