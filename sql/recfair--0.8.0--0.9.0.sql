/* recfair 0.8.0 -> 0.9.0: split tables registered, serving at scale */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.9.0'" to load this file. \quit

/*
 * split() now marks the tables it makes as depending on the extension
 * (pg_depend 'x'); drop_split() drops only marked tables.  Tables split()
 * made before 0.9.0 are not marked: drop them with DROP TABLE.
 */
/*
 * The tables split() made: each depends on the extension "automatically"
 * (pg_depend 'x'), so DROP EXTENSION drops them and drop_split() drops
 * only them.
 */
CREATE VIEW recfair.split_tables AS
SELECT c.oid::pg_catalog.regclass AS table_name, pg_catalog.pg_get_userbyid(c.relowner) AS owner
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.objid
WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND d.refobjid OPERATOR(pg_catalog.=) (SELECT e.oid FROM pg_catalog.pg_extension e
										  WHERE e.extname OPERATOR(pg_catalog.=) 'recfair')
  AND d.deptype OPERATOR(pg_catalog.=) 'x';
COMMENT ON VIEW recfair.split_tables IS
	'the tables split() made that still exist: drop_split() drops them by prefix, DROP EXTENSION recfair drops them all';
GRANT SELECT ON recfair.split_tables TO PUBLIC;

CREATE OR REPLACE FUNCTION recfair.drop_split(target_prefix text) RETURNS SETOF text
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
-- no SET search_path: an unqualified prefix names the tables as split() made them, in the caller's path
AS $$
DECLARE
	names text[] := pg_catalog.parse_ident(target_prefix);
	suffix text;
	t regclass;
	found regclass[] := '{}';
BEGIN
	IF pg_catalog.cardinality(names) OPERATOR(pg_catalog.>) 2 THEN
		RAISE EXCEPTION 'invalid prefix "%"', target_prefix USING ERRCODE = '42602',
			HINT = 'Use a table name prefix, optionally qualified with a schema.';
	END IF;
	FOREACH suffix IN ARRAY ARRAY['train', 'test']::pg_catalog.text[] LOOP
		t := pg_catalog.to_regclass(CASE WHEN pg_catalog.cardinality(names) OPERATOR(pg_catalog.=) 2
			THEN pg_catalog.format('%I.%I', names[1], pg_catalog.concat(names[2], '_', suffix))
			ELSE pg_catalog.format('%I', pg_catalog.concat(names[1], '_', suffix)) END);
		IF t IS NULL THEN
			CONTINUE;
		END IF;
		IF NOT EXISTS (SELECT FROM recfair.split_tables s WHERE s.table_name OPERATOR(pg_catalog.=) t) THEN
			RAISE EXCEPTION 'table % was not made by split()', t USING ERRCODE = '42809',
				HINT = 'drop_split drops only the tables split() made (recfair.split_tables lists them); drop this one with DROP TABLE.';
		END IF;
		found := pg_catalog.array_append(found, t);
	END LOOP;
	IF pg_catalog.cardinality(found) OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION 'there are no split tables %_train or %_test', target_prefix, target_prefix USING ERRCODE = '42P01';
	END IF;
	FOREACH t IN ARRAY found LOOP
		RETURN NEXT t::pg_catalog.text;
		EXECUTE pg_catalog.format('DROP TABLE %s', t);
	END LOOP;
END
$$;
COMMENT ON FUNCTION recfair.drop_split(text) IS
	'drop the tables split() made for target_prefix (<target_prefix>_train and <target_prefix>_test, as recfair.split_tables lists them), returning their names; as their owner';


/* Every user's top k into a table, scored with matrix-matrix products. */
CREATE FUNCTION recfair.recommend_all(model text, k integer, into_table text, user_ids bigint[] DEFAULT NULL,
									  group_col text DEFAULT NULL, target text DEFAULT 'equal',
									  strength real DEFAULT 1.0, candidates integer DEFAULT NULL,
									  options jsonb DEFAULT '{}', amortized boolean DEFAULT true)
RETURNS TABLE (table_name regclass, users bigint, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_recommend_all' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.recommend_all(text, integer, text, bigint[], text, text, real, integer, jsonb, boolean) IS
	'every user''s top k (or those of user_ids), items seen in training excluded, written into the new table into_table (user_id, rank, item_id, score), scored in blocks with matrix-matrix products on the compute threads; model NULL: the default model; with group_col, fair lists balanced over each block of 16384 users in id order as recommend_fair_batch balances its set (amortized => false: each list on its own) and a group_value column';
