/**
 * An account-bound invitation through the UI: the owner creates an account link, the invitee
 * (an account linked to ORCID) claims it and sees the identity the lab will see, the owner
 * confirms the claimant on the lab page, and only then does the lab open to the invitee.
 * The test cannot sign in at orcid.org, so it links an ORCID account to a new user in the
 * database, as the sign-in through ORCID would.
 */
import { randomInt } from "node:crypto";
import { createDb } from "~/server/db";
import { expect, signUp, snap, test } from "./fixtures";

const databaseUrl = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? "54349"}/sit_atlas`;

async function linkOrcid(email: string): Promise<string> {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    const block = () => String(randomInt(10_000)).padStart(4, "0");
    const orcid = `0000-${block()}-${block()}-${block()}`;
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await db.account.create({ data: { userId: user.id, type: "oauth", provider: "orcid", providerAccountId: orcid } });
    return orcid;
  } finally {
    await db.$disconnect();
  }
}

test("an account link is claimed by an ORCID account and becomes a membership when the owner confirms it", async ({ browser }) => {
  const ownerPage = await (await browser.newContext()).newPage();
  await signUp(ownerPage);
  const labName = `E2E Account Link Lab ${randomInt(1_000_000)}`;
  await ownerPage.goto("/labs");
  await ownerPage.getByLabel("Name").fill(labName);
  await ownerPage.getByRole("button", { name: "Create lab" }).click();
  await expect(ownerPage.getByRole("heading", { name: labName })).toBeVisible();
  const labUrl = ownerPage.url();

  await ownerPage.getByTestId("invite-bind-account").check();
  await expect(ownerPage.getByLabel("E-mail", { exact: true })).toHaveCount(0);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await ownerPage.getByRole("button", { name: "Create account link" }).click();
  const link = (await ownerPage.getByTestId("invite-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/inv_/);
  await expect(ownerPage.getByTestId("invitations")).toContainText("Account link, not claimed yet");

  const inviteePage = await (await browser.newContext()).newPage();
  const invitee = await signUp(inviteePage);
  // A password account cannot claim it.
  await inviteePage.goto(link);
  await expect(inviteePage.getByText(/this account has no identity provider/)).toBeVisible();
  await expect(inviteePage.getByTestId("claim-invitation")).toHaveCount(0);

  const orcid = await linkOrcid(invitee.email);
  await inviteePage.reload();
  await expect(inviteePage.getByTestId("my-identity")).toContainText(orcid);
  await expect(inviteePage.getByTestId("my-identity")).toContainText(invitee.name);
  await inviteePage.getByTestId("claim-invitation").click();
  await expect(inviteePage.getByTestId("claim-pending")).toContainText("An admin of");
  await snap(inviteePage, "invitation-claimed");
  // Claimed is not yet a member.
  await inviteePage.goto(labUrl);
  await expect(inviteePage.getByRole("heading", { name: labName })).toHaveCount(0);

  await ownerPage.reload();
  const pending = ownerPage.getByTestId("invitations");
  await expect(pending).toContainText(`Claimed by ${invitee.name}`);
  await expect(pending.getByTestId("claim-identity")).toContainText(orcid);
  await snap(ownerPage, "lab-invitation-claim");
  await pending.getByRole("button", { name: "Confirm" }).click();
  await expect(ownerPage.getByTestId("members")).toContainText(invitee.name);
  await expect(ownerPage.getByTestId("invitations")).toHaveCount(0);

  await inviteePage.goto(labUrl);
  await expect(inviteePage.getByRole("heading", { name: labName })).toBeVisible();
  await expect(inviteePage.getByText(/you are\s+viewer/)).toBeVisible();
});
