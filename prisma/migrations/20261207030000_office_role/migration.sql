-- The Party Office (the steering committee's standing body): its own role (DESIGN.md "Roles").
ALTER TYPE "Role" ADD VALUE 'OFFICE' BEFORE 'ADMIN';
