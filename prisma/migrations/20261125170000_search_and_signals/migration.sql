-- Search and variant signals (issue 5): the pg_trgm extension; each segment's text-search configuration, kept
-- by triggers from its edition's language; a full-text index over every edition in its own language; a trigram
-- index over a Latin fold of the text (names across scripts, misspellings); a trigram index over variant notes;
-- and the cache of row signals.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "segment" ADD COLUMN     "search_config" TEXT NOT NULL DEFAULT 'simple';

-- CreateTable
CREATE TABLE "row_signal" (
    "row_id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "lengths" JSONB NOT NULL,
    "differences" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "row_signal_pkey" PRIMARY KEY ("row_id")
);

-- AddForeignKey
ALTER TABLE "row_signal" ADD CONSTRAINT "row_signal_row_id_fkey" FOREIGN KEY ("row_id") REFERENCES "alignment_row"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The text-search configuration of a BCP 47 language code.
CREATE FUNCTION hexapla_search_config(language text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN CASE split_part(lower(language), '-', 1)
    WHEN 'ru' THEN 'russian' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian' WHEN 'en' THEN 'english'
    ELSE 'simple' END;

ALTER TABLE "segment" ADD CONSTRAINT "segment_search_config_check"
  CHECK ("search_config" IN ('russian', 'french', 'spanish', 'italian', 'english', 'simple'));

-- The database runs in the C locale, where lower() leaves Cyrillic and accented capitals alone and the text-search
-- parser reads every non-ASCII character as a letter («власти» would be one word with its guillemets): text is
-- lowered with the Unicode collation pg_c_utf8, everything but letters and digits becomes a space, and ё is read
-- as е. A query keeps the double quotes and hyphens of the websearch syntax ("exact phrase", -excluded).
CREATE FUNCTION hexapla_search_vector(config text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector(CASE config WHEN 'russian' THEN 'pg_catalog.russian'::regconfig WHEN 'french' THEN 'pg_catalog.french'::regconfig WHEN 'spanish' THEN 'pg_catalog.spanish'::regconfig WHEN 'italian' THEN 'pg_catalog.italian'::regconfig WHEN 'english' THEN 'pg_catalog.english'::regconfig ELSE 'pg_catalog.simple'::regconfig END,
    regexp_replace(translate(lower(body COLLATE pg_c_utf8), 'ё', 'е') COLLATE pg_c_utf8, '[^[:alnum:]]+', ' ', 'g'));

CREATE FUNCTION hexapla_search_query(config text, query text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN websearch_to_tsquery(CASE config WHEN 'russian' THEN 'pg_catalog.russian'::regconfig WHEN 'french' THEN 'pg_catalog.french'::regconfig WHEN 'spanish' THEN 'pg_catalog.spanish'::regconfig WHEN 'italian' THEN 'pg_catalog.italian'::regconfig WHEN 'english' THEN 'pg_catalog.english'::regconfig ELSE 'pg_catalog.simple'::regconfig END,
    regexp_replace(translate(lower(query COLLATE pg_c_utf8), 'ё', 'е') COLLATE pg_c_utf8, '[^[:alnum:][:space:]"-]+', ' ', 'g'));

-- A lowercase Latin fold of any text: Cyrillic transliterated, accents removed. pg_trgm only sees ASCII letters
-- in the C locale, and the fold lets "Zinoviev" find "Зиновьев" too.
CREATE FUNCTION hexapla_search_fold(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(body COLLATE pg_c_utf8), 'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ё', 'e'), 'і', 'i'), 'ѣ', 'e'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
    'абвгдезийклмнопрстуфыэáàâäãåāéèêëēíìîïīóòôöõøōúùûüūýÿñçćčśšźżžłđъь',
    'abvgdeziyklmnoprstufyeaaaaaaaeeeeeiiiiiooooooouuuuuyyncccsszzzld');

UPDATE "segment" s SET "search_config" = hexapla_search_config(e."language") FROM "edition" e WHERE e."id" = s."edition_id";

CREATE FUNCTION hexapla_segment_search_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_config" := hexapla_search_config((SELECT "language" FROM "edition" WHERE "id" = NEW."edition_id"));
  RETURN NEW;
END
$$;

CREATE TRIGGER "segment_search_config" BEFORE INSERT OR UPDATE OF "edition_id", "search_config" ON "segment"
  FOR EACH ROW EXECUTE FUNCTION hexapla_segment_search_config();

CREATE FUNCTION hexapla_edition_search_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "segment" SET "search_config" = hexapla_search_config(NEW."language") WHERE "edition_id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "edition_search_config" AFTER UPDATE OF "language" ON "edition"
  FOR EACH ROW WHEN (OLD."language" IS DISTINCT FROM NEW."language") EXECUTE FUNCTION hexapla_edition_search_config();

CREATE INDEX "segment_search_vector_idx" ON "segment" USING gin (hexapla_search_vector("search_config", "text"));
CREATE INDEX "segment_search_fold_trgm_idx" ON "segment" USING gin (hexapla_search_fold("text") gin_trgm_ops);
CREATE INDEX "variant_note_fold_trgm_idx" ON "variant" USING gin (hexapla_search_fold("note") gin_trgm_ops);
