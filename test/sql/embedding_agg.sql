-- recfair.embedding: the sum and avg aggregates, serial and parallel
SET search_path = recfair, public;

CREATE TABLE agg_t (g int, e embedding);
INSERT INTO agg_t VALUES (1, '[1,2]'), (1, '[3,4]'), (1, NULL), (2, '[0.5,-1]'), (3, NULL);
SELECT g, sum(e), avg(e) FROM agg_t GROUP BY g ORDER BY g;
SELECT sum(e), avg(e) FROM agg_t;
SELECT sum(e) IS NULL AS sum_null, avg(e) IS NULL AS avg_null FROM agg_t WHERE false;
-- float8 accumulation: a million copies of float4 0.1 average back to 0.1
SELECT avg('[0.1,-0.1]'::embedding), sum('[0.1]'::embedding) FROM generate_series(1, 1000000);
SELECT sum(e) FROM (VALUES ('[1,2]'::embedding), ('[1,2,3]')) v(e);
SELECT sum(e) FROM (VALUES ('[3e38]'::embedding), ('[3e38]')) v(e);
SELECT avg(e) FROM (VALUES ('[3e38]'::embedding), ('[3e38]')) v(e);

-- parallel aggregation over 200,000 rows of 16 dimensions; the values are
-- multiples of 1/8, so the float8 sums are exact in any order and the
-- parallel results must equal the serial ones bit for bit
CREATE TABLE agg_big AS
SELECT i, ARRAY[(i % 8) / 8.0, (i % 3) - 1, -(i % 5) * 0.25, (i % 7) * 0.125,
				(i % 11) / 8.0, 1, -1, (i % 2) * 0.5, (i % 13) - 6, (i % 17) / 4.0,
				(i % 19) / 2.0, -(i % 23) / 8.0, 0, (i % 29), (i % 31) * 0.375, (i % 37) - 18
		  ]::real[]::embedding(16) AS e
FROM generate_series(1, 200000) i;
ANALYZE agg_big;
SELECT sum(e) AS serial_sum, avg(e) AS serial_avg FROM agg_big \gset
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT avg(e) FROM agg_big;
EXPLAIN (COSTS OFF) SELECT sum(e) FROM agg_big;
-- the workers really ran
CREATE FUNCTION agg_workers_launched(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
		IF line ~ 'Workers Launched' THEN
			RETURN substring(line FROM 'Workers Launched: (\d+)')::int;
		END IF;
	END LOOP;
	RETURN 0;
END
$$;
SELECT agg_workers_launched('SELECT avg(e) FROM agg_big') > 0 AS parallel;
SELECT sum(e) = :'serial_sum' AS same_sum, avg(e) = :'serial_avg' AS same_avg,
	   avg(e)::text = :'serial_avg' AS same_text FROM agg_big;
SELECT avg(e) FROM agg_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
