import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import type { Db } from "~/server/db";

type UserRow = { id: string; email: string; name: string | null; image: string | null; emailVerified: Date | null };

const userSelect = { id: true, email: true, name: true, image: true, emailVerified: true } as const;

function toAdapterUser(user: UserRow): AdapterUser {
  return { ...user };
}

/**
 * The part of the auth adapter that identity-provider sign-in needs: users and linked accounts.
 * Sessions are JWTs, so no session methods are required.
 */
export function createAuthAdapter(db: Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const created = await db.user.create({
        data: { email: user.email.toLowerCase(), name: user.name ?? null, image: user.image ?? null, emailVerified: user.emailVerified },
        select: userSelect,
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const user = await db.user.findUnique({ where: { id }, select: userSelect });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(email) {
      const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: userSelect });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userSelect } },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    async updateUser({ id, ...data }) {
      const updated = await db.user.update({
        where: { id },
        data: { name: data.name, image: data.image, emailVerified: data.emailVerified },
        select: userSelect,
      });
      return toAdapterUser(updated);
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
      if (account.provider === "orcid") {
        await db.user.update({ where: { id: account.userId }, data: { orcid: account.providerAccountId } });
      }
      return account;
    },
  };
}
