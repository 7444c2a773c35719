"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo, Field } from "~/components/ui/field";

export function SignUpClient() {
  const trpc = useTRPC();
  const router = useRouter();
  const [signInError, setSignInError] = useState<string | null>(null);
  const signUp = useMutation(trpc.user.signUp.mutationOptions());
  const { message, fields } = errorInfo(signUp.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name")), email: String(form.get("email")), password: String(form.get("password")) };
    const answer = await signUp.mutateAsync(input).catch(() => null);
    if (!answer) return;
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!result || result.error) {
      setSignInError(result?.status === 429 ? "Too many attempts. Wait a few minutes and try again." : "Signing in failed. If this address already had an account, sign in with its password.");
      return;
    }
    router.push("/labs");
    router.refresh();
  }

  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>Create an account</h1>
        <p className="subtle">An account lets you join or create a lab, upload measurements and share phase diagrams.</p>
        <form onSubmit={onSubmit} className="stack" noValidate>
          <Field label="Name" htmlFor="name" error={fields.name}>
            <input id="name" name="name" type="text" autoComplete="name" aria-invalid={!!fields.name} />
          </Field>
          <Field label="E-mail" htmlFor="email" error={fields.email}>
            <input id="email" name="email" type="email" autoComplete="email" aria-invalid={!!fields.email} />
          </Field>
          <Field label="Password" htmlFor="password" hint="At least 10 characters." error={fields.password}>
            <input id="password" name="password" type="password" autoComplete="new-password" aria-invalid={!!fields.password} />
          </Field>
          {message || signInError ? <div className="alert alert-error" role="alert">{signInError ?? message}</div> : null}
          <button className="btn btn-primary" type="submit" disabled={signUp.isPending}>
            {signUp.isPending ? "Creating…" : "Create account"}
          </button>
        </form>
        <p className="subtle">
          Already registered? <Link href="/sign-in">Sign in</Link>.
        </p>
      </div>
    </div>
  );
}
