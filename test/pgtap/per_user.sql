-- pgTAP: evaluate_per_user() gives evaluate()'s ranking metrics per user, with the user's group
BEGIN;
SET search_path = public, recfair;
SELECT plan(9);

SELECT lives_ok($$SELECT * FROM generate_dataset('pu', 400, 150, 8000, seed => 9)$$, 'a generated shop');
SELECT lives_ok($$SELECT * FROM split('pu_interactions', 'pus', 0.2)$$, 'split');
SELECT lives_ok($$SELECT train('pu', 'pus_train', weight_col => 'weight', factors => 8, iterations => 5, items => 'pu_items',
	users => 'pu_users')$$, 'a model');
CREATE TEMP TABLE pu_rows AS SELECT * FROM evaluate_per_user('pu', 'pus_test', 10, user_group_col => 'segment');
CREATE TEMP TABLE pu_total AS SELECT * FROM evaluate('pu', 'pus_test', 10);
SELECT is((SELECT count(DISTINCT user_id) FROM pu_rows), (SELECT value::bigint FROM pu_total WHERE metric = 'users_evaluated'),
	'a row set per evaluated user');
SELECT is((SELECT array_agg(DISTINCT metric ORDER BY metric) FROM pu_rows),
	ARRAY['hit_rate@10', 'map@10', 'ndcg@10', 'precision@10', 'recall@10'], 'five metrics each');
SELECT ok((SELECT bool_and(abs(p.v - t.value) < 1e-6) FROM (SELECT metric, avg(value) AS v FROM pu_rows GROUP BY 1) p
		   JOIN pu_total t USING (metric)), 'their means are evaluate''s values');
SELECT ok((SELECT bool_and(r.user_group = u.segment) FROM pu_rows r JOIN pu_users u USING (user_id)), 'each with the user''s segment');
SELECT is((SELECT count(*)::int FROM evaluate_per_user('pu', 'pus_test', 5, group_col => 'brand', fair => true) WHERE metric = 'ndcg@5'),
	(SELECT count(DISTINCT user_id)::int FROM pu_rows), 'fair lists too');
SELECT throws_ok($$SELECT * FROM evaluate_per_user('pu', 'pus_test', options => '{"attack": {"method": "fgsm", "eps": 0.1}}')$$,
	'0A000', 'evaluate_per_user does not take an attack', 'no attack');
SELECT * FROM finish();
ROLLBACK;
