import Link from "next/link";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { verifyEmail } from "~/server/domains/users/verification";

export const dynamic = "force-dynamic";
export const metadata = { title: "Confirm your e-mail address" };

/** The link of a confirmation mail: marks the address verified (once). */
export default async function VerifyEmailPage(props: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await props.searchParams;
  let message: string;
  let ok = false;
  try {
    if (!token) throw new AppError("BAD_REQUEST", "This confirmation link is incomplete.");
    const { email } = await verifyEmail(db, token);
    message = `${email} is confirmed. Invitations sent to it can now be accepted.`;
    ok = true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    message = error.message;
  }
  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>Confirm your e-mail address</h1>
        <div className={ok ? "alert" : "alert alert-error"} data-testid="verify-result">
          {message}
        </div>
        <Link href="/labs">Go to your labs</Link>
      </div>
    </div>
  );
}
