-- Search that does not depend on how a text writes its accents (issue 10): "é" may be stored as one character (NFC)
-- or as "e" followed by a combining acute (NFD), and a query may be typed either way. Text is now brought to Unicode
-- normal form C before it is lowered, indexed or folded, so both forms give the same words, bigrams and trigrams;
-- combining marks that compose with nothing (Russian stress marks) are still removed, now in the Latin fold too.
-- Only the index changes: stored texts are not touched. The three indexes built on these functions are rebuilt.

-- Lowered (Unicode collation), in NFC, ё read as е, combining diacritics left over and invisible format characters removed.
CREATE OR REPLACE FUNCTION hexapla_search_lower(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(translate(normalize(lower(body COLLATE pg_c_utf8), NFC), 'ё', 'е') COLLATE pg_c_utf8, '[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]+', '', 'g');

-- A query's run of an unspaced script, in NFC like the index, in to_tsquery's syntax: the phrase of its bigrams, or a one-character prefix.
CREATE OR REPLACE FUNCTION hexapla_search_run_text(run text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN (SELECT CASE WHEN length(r) = 1 THEN quote_literal(r) || ':*'
    ELSE (SELECT string_agg(quote_literal(substr(r, i, 2)), ' <-> ' ORDER BY i) FROM generate_series(1, length(r) - 1) AS i) END
    FROM (SELECT normalize(run, NFC)) AS n(r));

-- A lowercase Latin fold of any text (through hexapla_search_lower, so in NFC): Cyrillic transliterated, accents removed.
CREATE OR REPLACE FUNCTION hexapla_search_fold(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(hexapla_search_lower(body), 'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ё', 'e'), 'і', 'i'), 'ѣ', 'e'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
    'абвгдезийклмнопрстуфыэáàâäãåāéèêëēíìîïīóòôöõøōúùûüūýÿñçćčśšźżžłđъь',
    'abvgdeziyklmnoprstufyeaaaaaaaeeeeeiiiiiooooooouuuuuyyncccsszzzld');

REINDEX INDEX "segment_search_vector_idx";
REINDEX INDEX "segment_search_fold_trgm_idx";
REINDEX INDEX "variant_note_fold_trgm_idx";
