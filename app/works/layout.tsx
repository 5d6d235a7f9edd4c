import { pageReader } from "@/app/page-reader";

export const dynamic = "force-dynamic";

/**
 * Every page of a work is readable by anyone unless an admin made reading sign-in only. The pages check it
 * themselves where they read (`loadWork`, `pageReader`): a layout renders alongside its page, so a check here alone
 * would not stop the page from rendering.
 */
export default async function WorksLayout({ children }: { children: React.ReactNode }) {
  await pageReader();
  return children;
}
