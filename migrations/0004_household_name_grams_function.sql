-- The search grams of a household's member names ('|'-separated): every single character and every bigram
-- of each name (bigrams never span two names). Immutable, so a stored generated column and a GIN index can
-- use it; plain SQL, so PGlite runs it as PostgreSQL does.
CREATE FUNCTION household_name_grams(names text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM unnest(string_to_array(names, '|')) AS n(name)
  CROSS JOIN LATERAL generate_series(1, char_length(n.name)) AS i
  CROSS JOIN LATERAL (VALUES (substr(n.name, i, 1)), (CASE WHEN i < char_length(n.name) THEN substr(n.name, i, 2) END)) AS v(g)
  WHERE g IS NOT NULL AND g <> ''
$$;
