"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/ui/field";

export function SignInClient({ providers, callbackUrl, initialError }: { providers: { id: string; name: string }[]; callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError ? "Sign-in failed. Try again." : null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    setPending(false);
    if (result?.status === 429) {
      setError("Too many failed sign-ins. Wait a few minutes and try again.");
      return;
    }
    if (!result || result.error) {
      setError("The e-mail address or the password is not right.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>Sign in</h1>
        <form onSubmit={onSubmit} className="stack" noValidate>
          <Field label="E-mail" htmlFor="email">
            <input id="email" name="email" type="email" autoComplete="email" required />
          </Field>
          <Field label="Password" htmlFor="password">
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </Field>
          {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
          <button className="btn btn-primary" type="submit" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </button>
        </form>
        {providers.length > 0 ? (
          <div className="stack">
            <p className="subtle">or continue with</p>
            <div className="row">
              {providers.map((p) => (
                <button key={p.id} className="btn" onClick={() => void signIn(p.id, { callbackUrl })}>
                  {p.name}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <p className="subtle">
          No account yet? <Link href="/sign-up">Sign up</Link>. Demo accounts (e.g. <code>alice@demo.sit-atlas.org</code>) use the password <code>demo-password</code>.
        </p>
      </div>
    </div>
  );
}
