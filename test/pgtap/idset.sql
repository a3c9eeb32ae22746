-- pgTAP: the recfair.idset type (user_factors.seen)
BEGIN;
SET search_path = recfair, public;
SELECT plan(22);

SELECT is('{42,3,17}'::idset::text, '{3,17,42}', 'text input is sorted');
SELECT is('{5,5,1,5}'::idset::text, '{1,5}', 'duplicates are dropped');
SELECT is('{}'::idset::text, '{}', 'the empty set');
SELECT is(cardinality('{}'::idset), 0, 'cardinality of the empty set');
SELECT is(cardinality('{9,8,7,7}'::idset), 3, 'cardinality counts distinct ids');
SELECT is('{-9223372036854775808,9223372036854775807,0,-1,1}'::idset::text,
	'{-9223372036854775808,-1,0,1,9223372036854775807}', 'the extremes of bigint and negatives round-trip');
SELECT is('{-9223372036854775808,9223372036854775807}'::idset::bigint[],
	ARRAY[-9223372036854775808, 9223372036854775807]::bigint[], 'cast to bigint[]: the widest possible gap');
SELECT is(ARRAY[300, 2, 1000000]::bigint[]::idset::bigint[], ARRAY[2, 300, 1000000]::bigint[], 'cast from bigint[] and back');
SELECT is(ids(idset(ARRAY[7, 7]::bigint[])), ARRAY[7]::bigint[], 'idset() and ids() are the casts');
-- many ids, compact: a two-byte gap per id plus a small header
SELECT is((SELECT g::bigint[]::idset::bigint[] = g FROM (SELECT array_agg(i * 1000 ORDER BY i)::bigint[] AS g
	FROM generate_series(-5000, 5000) i) s), true, '10,001 ids round-trip');
SELECT cmp_ok((SELECT pg_column_size(array_agg(i * 100)::bigint[]::idset) FROM generate_series(1, 1000) i), '<=', 2100,
	'1000 ids with gaps of 100 take about two bytes each');
SELECT ok('{1,2,3}'::idset = '{3,2,1,1}'::idset, '= compares the sets');
SELECT ok('{1,2,3}'::idset <> '{1,2}'::idset, '<> compares the sets');
SELECT ok(NOT ('{1,2}'::idset <> '{2,1}'::idset), '<> of equal sets is false');

-- binary input and output (COPY BINARY round trip)
CREATE TEMP TABLE s1 (v idset);
INSERT INTO s1 VALUES ('{10,-4,99999999999}'), ('{}');
CREATE TEMP TABLE s2 (v idset);
SELECT lives_ok($q$DO $$ BEGIN
	EXECUTE format('COPY s1 TO %L (FORMAT binary)', current_setting('data_directory') || '/idset.bin');
	EXECUTE format('COPY s2 FROM %L (FORMAT binary)', current_setting('data_directory') || '/idset.bin');
END $$$q$, 'binary COPY out and in');
SELECT is((SELECT array_agg(v::text ORDER BY v::text) FROM s2), ARRAY['{-4,10,99999999999}', '{}'], 'binary round trip');
SELECT is(encode(idset_send('{2,1}'), 'hex'), '0000000200000000000000010000000000000002', 'binary form: int4 count, then int8 ids ascending');

-- bad input
SELECT throws_ok($$SELECT '{1,NULL}'::idset$$, '22004', 'an idset cannot contain NULL', 'NULL element');
SELECT throws_ok($$SELECT ARRAY[1, NULL]::bigint[]::idset$$, '22004', 'an idset cannot contain NULL', 'NULL element in a cast');
SELECT throws_ok($$SELECT '{{1,2},{3,4}}'::idset$$, '2202E', NULL, 'two dimensions');
SELECT throws_ok($$SELECT '{1,x}'::idset$$, '22P02', NULL, 'not an integer');
SELECT throws_ok($$SELECT '{99999999999999999999}'::idset$$, '22003', NULL, 'out of bigint range');

SELECT * FROM finish();
ROLLBACK;
