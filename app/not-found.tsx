import type { Metadata } from "next";
import Link from "next/link";
import { auth } from "~/server/auth";

export const metadata: Metadata = { title: "Not found" };

/**
 * One answer (HTTP 404) for a page that does not exist and for one the viewer may not read, so
 * that a private curve, sample, lab or snapshot cannot be told apart from a missing one.
 */
export default async function NotFound() {
  const session = await auth();
  return (
    <div className="page-narrow" data-testid="not-found">
      <h1>Not found</h1>
      <p data-testid="not-found-message">
        {session
          ? "There is nothing here that you can open: it does not exist, or it belongs to a lab that has not shared it with you."
          : "There is nothing here that you can open: it does not exist, or it is not public."}
      </p>
      <p className="subtle">
        {session ? (
          <>If you expected to see it, ask a member of the lab that owns it to share it or to invite you.</>
        ) : (
          <>
            If it belongs to a lab you are a member of, <Link href="/sign-in">sign in</Link> and open the link again.
          </>
        )}
      </p>
      <p className="subtle">
        <Link href="/diagram">Open the phase diagram</Link> · <Link href="/samples">Browse samples</Link>
      </p>
    </div>
  );
}
