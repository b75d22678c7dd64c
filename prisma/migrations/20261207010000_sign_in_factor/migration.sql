-- Wrong second-factor codes are counted on their own, so that a right password does not forgive them.
CREATE TYPE "SignInFactor" AS ENUM ('PASSWORD', 'CODE');

ALTER TABLE "SignInFailure" ADD COLUMN "factor" "SignInFactor" NOT NULL DEFAULT 'PASSWORD';
