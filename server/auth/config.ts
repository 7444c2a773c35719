import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { db } from "~/server/db";
import { env } from "~/server/env";
import { createAuthAdapter } from "./adapter";
import { clientIp } from "~/server/security/rate-limit";
import { currentSessionVersion, isSessionCurrent, revokeSessions } from "./session-version";
import { verifyCredentials } from "./sign-in";

const ZCredentials = z.object({ email: z.string().email(), password: z.string().min(1) });

interface OidcProfile {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  picture?: string;
}

function oidcProvider(id: string, name: string, issuer: string, clientId: string, clientSecret: string): OAuthConfig<OidcProfile> {
  return {
    id,
    name,
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId,
    clientSecret,
    profile(profile) {
      const fullName = profile.name ?? [profile.given_name, profile.family_name].filter(Boolean).join(" ");
      return {
        id: profile.sub,
        name: fullName || null,
        // ORCID does not share e-mail addresses; a stable synthetic address keeps users unique.
        email: profile.email ?? `${profile.sub}@${id}.invalid`,
        image: profile.picture ?? null,
      };
    },
  };
}

/** Identity providers enabled by the environment, in the order shown on the sign-in page. */
export function configuredOAuthProviders(): Provider[] {
  const providers: Provider[] = [];
  if (env.ORCID_CLIENT_ID && env.ORCID_CLIENT_SECRET) {
    const issuer = env.ORCID_SANDBOX ? "https://sandbox.orcid.org" : "https://orcid.org";
    providers.push(oidcProvider("orcid", "ORCID", issuer, env.ORCID_CLIENT_ID, env.ORCID_CLIENT_SECRET));
  }
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }));
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push(oidcProvider("oidc", env.OIDC_NAME, env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET));
  }
  return providers;
}

export const authOptions: NextAuthOptions = {
  adapter: createAuthAdapter(db),
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  secret: env.NEXTAUTH_SECRET,
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        // Throttled per account and per address; unknown accounts cost the same as known ones.
        return verifyCredentials(db, { ...parsed.data, ip: clientIp(new Headers(req.headers as Record<string, string> | undefined)) });
      },
    }),
    ...configuredOAuthProviders(),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (await currentSessionVersion(db, user.id)) ?? 0;
      }
      return token;
    },
    // Checked against the database on every read: a revoked session has no user.
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string" && (await isSessionCurrent(db, token.uid, token.sv))) session.user.id = token.uid;
      else if (session.user) session.user = { id: "", name: null, email: null, image: null };
      return session;
    },
  },
  events: {
    // Signing out ends the account's sessions everywhere, copied cookies included.
    async signOut({ token }) {
      if (typeof token?.uid === "string") await revokeSessions(db, token.uid);
    },
  },
};
