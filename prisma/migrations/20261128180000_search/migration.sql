-- Search by name with or without Vietnamese diacritics ("minh cam", "Minh Cầm", "MINH CAM"):
-- names are compared by a key without accents, in lower case, through trigram indexes so that
-- a part of a name is found without scanning every row.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); with the dictionary named, the key is
-- fixed for a given text and may be indexed.
CREATE FUNCTION "search_key"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX "Unit_name_search_idx" ON "Unit" USING gin ("search_key"("name") gin_trgm_ops);
CREATE INDEX "Task_title_search_idx" ON "Task" USING gin ("search_key"("title") gin_trgm_ops);
CREATE INDEX "Member_name_search_idx" ON "Member" USING gin ("search_key"("name") gin_trgm_ops);
