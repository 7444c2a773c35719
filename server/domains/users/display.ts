/**
 * How a person is named beside data that people of other labs may read (label overrides, sample
 * authors): by name, never by e-mail address. Addresses are shown only on the pages of the lab
 * the person belongs to (members, invitations, tokens).
 */
export const UNNAMED_AUTHOR = "a lab member";

export function authorName(user: { name: string | null } | null): string | null {
  if (!user) return null;
  return user.name?.trim() || UNNAMED_AUTHOR;
}
