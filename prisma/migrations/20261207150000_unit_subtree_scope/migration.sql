-- The tree decides the scope (DESIGN.md "Roles"): an office, an administrator or a leader reads the
-- subtree of their province or district, and nothing of another district. Each unit keeps its
-- ancestors' ids (root first, itself last), so "in the subtree of X" is `"ancestorIds" @> ARRAY[X]`,
-- served by a GIN index at any depth and any size of tree.
ALTER TABLE "Unit" ADD COLUMN     "ancestorIds" UUID[] DEFAULT ARRAY[]::UUID[];
CREATE INDEX "Unit_ancestorIds_idx" ON "Unit" USING GIN ("ancestorIds");

-- The ancestors of a unit and of everything below it, from its parent's (cycles cannot loop: a
-- unit already on the path is not walked into again).
CREATE FUNCTION unit_ancestors_refresh(top uuid) RETURNS void LANGUAGE sql AS $$
  WITH RECURSIVE tree AS (
    SELECT u.id, COALESCE(p."ancestorIds", ARRAY[]::uuid[]) || u.id AS ancestors
      FROM "Unit" u LEFT JOIN "Unit" p ON p.id = u."parentId"
     WHERE u.id = top
    UNION ALL
    SELECT c.id, t.ancestors || c.id
      FROM tree t JOIN "Unit" c ON c."parentId" = t.id
     WHERE NOT c.id = ANY (t.ancestors)
  )
  UPDATE "Unit" u SET "ancestorIds" = t.ancestors
    FROM tree t
   WHERE u.id = t.id AND u."ancestorIds" IS DISTINCT FROM t.ancestors
$$;

SELECT unit_ancestors_refresh(id) FROM "Unit" WHERE "parentId" IS NULL;

-- A new unit takes its parent's ancestors; one inserted in the same statement as its parent (the
-- bench's SQL) is put right once the statement is done.
CREATE FUNCTION unit_ancestors_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."ancestorIds" := COALESCE((SELECT p."ancestorIds" FROM "Unit" p WHERE p.id = NEW."parentId"), ARRAY[]::uuid[]) || NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER unit_ancestors_on_insert BEFORE INSERT ON "Unit" FOR EACH ROW EXECUTE FUNCTION unit_ancestors_on_insert();

CREATE FUNCTION unit_ancestors_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM unit_ancestors_refresh(n.id)
     FROM inserted n
    WHERE n."parentId" IS NOT NULL AND n."ancestorIds"[array_length(n."ancestorIds", 1) - 1] IS DISTINCT FROM n."parentId";
  RETURN NULL;
END $$;
CREATE TRIGGER unit_ancestors_after_insert AFTER INSERT ON "Unit" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION unit_ancestors_after_insert();

-- A unit moved under another parent carries its whole subtree along.
CREATE FUNCTION unit_ancestors_on_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM unit_ancestors_refresh(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER unit_ancestors_on_move AFTER UPDATE OF "parentId" ON "Unit" FOR EACH ROW
  WHEN (OLD."parentId" IS DISTINCT FROM NEW."parentId") EXECUTE FUNCTION unit_ancestors_on_move();
