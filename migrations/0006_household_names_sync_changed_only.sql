-- households.member_names from one aggregate over the members of the given households, written only where it
-- differs: a writer that already stored the names (the ledger import writes them with the household row)
-- pays one indexed read instead of a second version of every household row and of its n-gram index entries.
CREATE OR REPLACE FUNCTION households_sync_member_names(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE households h SET member_names = s.names
  FROM (
    SELECT x.id, coalesce((
      SELECT string_agg(m.name, '|' ORDER BY m.sort, m.id) FROM household_members m
      WHERE m.household_id = x.id AND m.active), '') AS names
    FROM (SELECT DISTINCT u.id FROM unnest(ids) AS u(id)) x
  ) s
  WHERE h.id = s.id AND h.member_names IS DISTINCT FROM s.names
$$;
