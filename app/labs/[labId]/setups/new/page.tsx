import { requireSignedIn } from "~/server/auth/require";
import { NewSetupClient } from "./page-client";

export default async function NewSetupPage(props: { params: Promise<{ labId: string }> }) {
  const { labId } = await props.params;
  await requireSignedIn(`/labs/${labId}/setups/new`);
  return <NewSetupClient labId={labId} />;
}
