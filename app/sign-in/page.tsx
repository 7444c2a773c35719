import type { Metadata } from "next";
import { configuredOAuthProviders } from "~/server/auth/config";
import { SignInClient } from "./page-client";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage(props: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await props.searchParams;
  const providers = configuredOAuthProviders().map((p) => ({ id: p.id, name: p.name }));
  return <SignInClient providers={providers} callbackUrl={safeCallback(callbackUrl)} initialError={error ?? null} />;
}

/** Only same-site paths are accepted as a destination after sign-in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/labs";
}
