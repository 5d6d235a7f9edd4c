-- Search in scripts written without spaces between words (issue 10): Chinese, Japanese, Thai, Lao, Khmer, Burmese,
-- Tai Tham and New Tai Lue. Each run of their letters is indexed as its overlapping character bigrams followed by its
-- last character ("教育的" → 教育 育的 的), so a query's run is found as the phrase of its bigrams (any substring of
-- the text), and a one-character query as a prefix. The text is also normalised so that words keep their
-- non-spacing marks (Thai tone marks, viramas, the Burmese asat were read as word breaks): only punctuation, symbols,
-- spaces and control characters separate words; combining diacritics (stress marks), soft hyphens, zero-width
-- spaces and joiners are removed. The full-text index is rebuilt with the new functions.

-- The bigrams of one run, then its last character.
CREATE FUNCTION hexapla_search_ngrams(run text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN (SELECT string_agg(substr(run, i, 2), ' ' ORDER BY i) FROM generate_series(1, length(run)) AS i);

-- A text with every run of an unspaced script replaced by its n-grams (lib/text/search-query.ts has the same ranges).
CREATE FUNCTION hexapla_search_spaced(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN CASE WHEN body !~ '[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1980-\u19ff\u1a20-\u1aaf\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]' THEN body
    ELSE (SELECT string_agg(coalesce(hexapla_search_ngrams(m[1]), m[2]), ' ' ORDER BY n)
          FROM regexp_matches(body,
            '([\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1980-\u19ff\u1a20-\u1aaf\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]+)|([^\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1980-\u19ff\u1a20-\u1aaf\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]+)',
            'g') WITH ORDINALITY AS t(m, n))
    END;

-- The text-search configuration named by a segment's search_config.
CREATE FUNCTION hexapla_search_regconfig(config text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE config WHEN 'russian' THEN 'pg_catalog.russian'::regconfig WHEN 'french' THEN 'pg_catalog.french'::regconfig WHEN 'spanish' THEN 'pg_catalog.spanish'::regconfig WHEN 'italian' THEN 'pg_catalog.italian'::regconfig WHEN 'english' THEN 'pg_catalog.english'::regconfig ELSE 'pg_catalog.simple'::regconfig END;

-- Lowered (Unicode collation), ё read as е, combining diacritics and invisible format characters removed.
CREATE FUNCTION hexapla_search_lower(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(translate(lower(body COLLATE pg_c_utf8), 'ё', 'е') COLLATE pg_c_utf8, '[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]+', '', 'g');

CREATE OR REPLACE FUNCTION hexapla_search_vector(config text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector(hexapla_search_regconfig(config),
    hexapla_search_spaced(regexp_replace(hexapla_search_lower(body) COLLATE pg_c_utf8, '[[:punct:][:space:][:cntrl:]]+', ' ', 'g')));

-- The words of a query (websearch syntax: "exact phrase", -excluded), without runs of unspaced scripts.
CREATE OR REPLACE FUNCTION hexapla_search_query(config text, query text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN websearch_to_tsquery(hexapla_search_regconfig(config),
    regexp_replace(hexapla_search_lower(query) COLLATE pg_c_utf8, '(?!["-])[[:punct:][:cntrl:]]+', ' ', 'g'));

-- One run of an unspaced script in to_tsquery's syntax: the phrase of its bigrams, or a one-character prefix.
CREATE FUNCTION hexapla_search_run_text(run text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN CASE WHEN length(run) = 1 THEN quote_literal(run) || ':*'
    ELSE (SELECT string_agg(quote_literal(substr(run, i, 2)), ' <-> ' ORDER BY i) FROM generate_series(1, length(run) - 1) AS i) END;

-- A query's words (websearch syntax) and its runs of unspaced scripts (taken out of the words by the caller), all required.
CREATE FUNCTION hexapla_search_query(config text, query text, runs text[]) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN coalesce(cardinality(runs), 0) = 0 THEN hexapla_search_query(config, query)
    ELSE (SELECT CASE WHEN query ~ '^[[:space:]]*$' THEN q ELSE hexapla_search_query(config, query) && q END
          FROM (SELECT to_tsquery(hexapla_search_regconfig(config), string_agg('(' || hexapla_search_run_text(run) || ')', ' & '))
                FROM unnest(runs) AS run) AS s(q))
    END;

REINDEX INDEX "segment_search_vector_idx";
