-- pgTAP on Citus: sum and avg of embeddings on distributed tables, aggregated partially on the workers
BEGIN;
SET search_path = recfair, public;
SET client_min_messages = warning;
SELECT plan(5);

CREATE TABLE ce AS SELECT g % 10 AS k, g::bigint AS id, ARRAY[g, g * 2, 1]::real[]::recfair.embedding AS v
FROM generate_series(1, 1000) g;
CREATE TABLE ce_local AS SELECT * FROM ce;
SELECT create_distributed_table('ce', 'id');
SELECT truncate_local_data_after_distributing_table('ce');
SELECT is((SELECT recfair.sum(v) FROM ce), (SELECT recfair.sum(v) FROM ce_local), 'sum over a distributed table');
SELECT is((SELECT recfair.avg(v) FROM ce), (SELECT recfair.avg(v) FROM ce_local), 'avg over a distributed table');
SELECT is((SELECT array_agg(a::text ORDER BY k) FROM (SELECT k, recfair.avg(v) AS a FROM ce GROUP BY k) t),
	(SELECT array_agg(a::text ORDER BY k) FROM (SELECT k, recfair.avg(v) AS a FROM ce_local GROUP BY k) t),
	'avg per group, grouped by a column that is not the distribution key');
SELECT ok((SELECT t.typtype <> 'p' FROM pg_aggregate a JOIN pg_type t ON t.oid = a.aggtranstype
		   WHERE a.aggfnoid = 'recfair.avg(recfair.embedding)'::regprocedure),
	'avg''s state is not a pseudo-type, so Citus aggregates it partially on the workers (worker_partial_agg)');
SELECT ok((SELECT recfair.avg(v) FROM ce WHERE false) IS NULL, 'no rows: NULL');

SELECT * FROM finish();
ROLLBACK;
