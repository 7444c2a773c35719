import { requireSignedIn } from "~/server/auth/require";
import { InviteClient } from "./page-client";

export default async function InvitePage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  await requireSignedIn(`/invite/${token}`);
  return <InviteClient token={token} />;
}
