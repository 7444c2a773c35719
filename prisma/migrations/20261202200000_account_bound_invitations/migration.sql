-- Account-bound invitations: a link without an address, claimed by one identity-provider
-- account (ORCID, OIDC) and confirmed by an admin of the lab before membership starts.
CREATE TYPE "InvitationKind" AS ENUM ('EMAIL', 'ACCOUNT');

ALTER TABLE "Invitation" ADD COLUMN "kind" "InvitationKind" NOT NULL DEFAULT 'EMAIL',
ADD COLUMN "claimedById" TEXT,
ADD COLUMN "claimedAt" TIMESTAMP(3),
ADD COLUMN "confirmedById" TEXT,
ALTER COLUMN "email" DROP NOT NULL;

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An EMAIL invitation names its address; an ACCOUNT invitation has none.
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_kind_email_check" CHECK (("kind" = 'EMAIL') = ("email" IS NOT NULL));
