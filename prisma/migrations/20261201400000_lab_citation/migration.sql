-- How a lab asks to be cited when its data is reused.
ALTER TABLE "Lab" ADD COLUMN "citation" TEXT;
