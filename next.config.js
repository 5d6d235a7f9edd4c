/** @type {import("next").NextConfig} */
const nextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
