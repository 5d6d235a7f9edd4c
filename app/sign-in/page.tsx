import type { Metadata } from "next";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Scholars, editors and admins sign in to record variants, align and import.</p>
      <SignInForm next={safeRedirectPath(typeof next === "string" ? next : undefined)} />
    </>
  );
}
