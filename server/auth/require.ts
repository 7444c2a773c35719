import { redirect } from "next/navigation";
import { auth } from "./index";

/** For pages that need a signed-in user: sends visitors to the sign-in page and back. */
export async function requireSignedIn(returnTo: string) {
  const session = await auth();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
