import { notFound } from "next/navigation";
import { devMailbox } from "~/server/mail";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mailbox (local)" };

/**
 * The mails a local install would have sent (no SMTP_URL, embedded database): confirmation links
 * and notices, newest first. Absent (404) on any other deployment.
 */
export default function DevMailboxPage() {
  const mails = devMailbox();
  if (!mails) notFound();
  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>Mailbox (local install)</h1>
        <p className="subtle">No SMTP server is configured (SMTP_URL), so mails are kept here and written to the log.</p>
        {mails.length === 0 ? <p className="subtle">No mail yet.</p> : null}
        {mails.map((m, i) => (
          <div key={`${m.at}-${i}`} className="card stack" data-testid="dev-mail">
            <div className="small muted">
              {m.at.slice(0, 19).replace("T", " ")} · to {m.to}
            </div>
            <strong>{m.subject}</strong>
            <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
          </div>
        ))}
      </div>
    </div>
  );
}
