-- pgTAP: algorithm => 'bpr' (pairwise ranking with SGD), its options, adversarial
-- training and its controls, determinism, and bad input
BEGIN;
SET search_path = recfair, public;
SELECT plan(62);

-- Two user groups with disjoint tastes: users 1-30 use items 1-15, users
-- 31-60 items 16-30; items 1 and 16 are each group's favourite.
CREATE TABLE bp AS
SELECT u AS user_id, i AS item_id
FROM generate_series(1, 60) u, generate_series(1, 30) i
WHERE (u <= 30) = (i <= 15) AND ((u * 7 + i * 3) % 4 <> 0 OR i IN (1, 16));
CREATE TABLE bp_items AS SELECT i AS item_id, CASE WHEN i IN (1, 16) THEN 'head' ELSE 'tail' END AS popularity
FROM generate_series(1, 30) i;
-- the group's items each user does not have: the test pairs
CREATE TABLE bp_test AS SELECT user_id, item_id FROM generate_series(1, 60) user_id, generate_series(1, 30) item_id
WHERE (user_id <= 30) = (item_id <= 15) AND NOT ((user_id * 7 + item_id * 3) % 4 <> 0 OR item_id IN (1, 16));

SELECT lives_ok($$SELECT recfair.train('bp', 'bp', algorithm => 'bpr', factors => 8, iterations => 40,
	items => 'bp_items')$$, 'train bpr on a table');
SELECT is((SELECT (algorithm, users, items, interactions, factors)::text FROM models WHERE name = 'bp'),
	(SELECT ('bpr', count(DISTINCT user_id), count(DISTINCT item_id), count(*), 8)::text FROM bp),
	'the catalog row');
SELECT ok((SELECT loss[40] < loss[1] / 2 FROM models WHERE name = 'bp'), 'the mean BPR loss falls');
SELECT is((SELECT array_length(loss, 1) FROM models WHERE name = 'bp'), 40, 'one loss per epoch');
SELECT is((SELECT count(*)::int FROM item_factors WHERE model = 'bp' AND bias IS NOT NULL), 30,
	'item biases are stored');
SELECT is((SELECT count(*)::int FROM user_factors WHERE model = 'bp' AND bias IS NULL), 60, 'users have no bias');
SELECT ok((SELECT bool_and(r.item_id <= 15) FROM recommend(1, 3, 'bp') r), 'user 1 gets items of its group');
SELECT ok((SELECT bool_and(r.item_id > 15) FROM recommend(40, 3, 'bp') r), 'user 40 gets items of its group');
SELECT is((SELECT count(*)::int FROM recommend(2, 10, 'bp') r JOIN bp USING (item_id) WHERE bp.user_id = 2), 0,
	'seen items are excluded');
SELECT is((SELECT hyperparameters->>'learning_rate' FROM models WHERE name = 'bp'), '0.05', 'the learning rate is recorded');
SELECT is((SELECT hyperparameters - '{read_seconds,train_seconds,write_seconds}'::text[] FROM models WHERE name = 'bp'),
	jsonb_build_object('factors', 8, 'iterations', 40, 'regularization', 0.00999999978, 'learning_rate', 0.05,
		'sampling', 'uniform', 'item_bias', true, 'threads', (SELECT hyperparameters->'threads' FROM models WHERE name = 'bp'),
		'seed', 42, 'user_col', 'user_id', 'item_col', 'item_id', 'weight_col', NULL, 'rows_read', (SELECT count(*) FROM bp),
		'rows_null_id', 0, 'rows_null_weight', 0),
	'bpr records the settings it used, and no ALS ones');

-- the bias is part of the score: recommend and evaluate agree with p.q + b
SELECT ok((SELECT abs(score - (SELECT max(inner_product(u.factors, i.factors) + i.bias)
	 FROM user_factors u, item_factors i WHERE u.model = 'bp' AND i.model = 'bp' AND u.user_id = 1
	   AND i.item_id NOT IN (SELECT item_id FROM bp WHERE user_id = 1))) < 1e-4 FROM recommend(1, 1, 'bp')),
	'a score is p . q + the item bias');
SELECT lives_ok($$SELECT * FROM recommend_fair(1, 3, 'popularity', 'bp')$$, 'fair serving of a bpr model');

-- deterministic for a seed and a thread count
SELECT lives_ok($$SELECT recfair.train('bp2', 'bp', algorithm => 'bpr', factors => 8, iterations => 40)$$, 'the same again');
SELECT is((SELECT count(*)::int FROM item_factors a JOIN item_factors b USING (item_id)
		   WHERE a.model = 'bp' AND b.model = 'bp2' AND (a.factors <> b.factors OR a.bias <> b.bias)), 0,
	'the same seed and threads give the same model');
SELECT lives_ok($$SELECT recfair.train('bp3', 'bp', algorithm => 'bpr', factors => 8, iterations => 40, seed => 7)$$,
	'another seed');
SELECT ok((SELECT count(*) FROM item_factors a JOIN item_factors b USING (item_id)
		   WHERE a.model = 'bp' AND b.model = 'bp3' AND a.factors <> b.factors) > 0, 'another seed, another model');
SET LOCAL recfair.threads = 1;
SELECT lives_ok($$SELECT recfair.train('bp1', 'bp', algorithm => 'bpr', factors => 8, iterations => 40)$$, 'one thread');
SELECT is((SELECT hyperparameters->>'threads' FROM models WHERE name = 'bp1'), '1', 'the thread count is recorded');
SELECT ok((SELECT bool_and(r.item_id <= 15) FROM recommend(1, 3, 'bp1') r), 'one thread learns the groups too');
RESET recfair.threads;

-- options: popularity negatives, no biases, adversarial training and its controls
SELECT lives_ok($$SELECT recfair.train('bpp', 'bp', algorithm => 'bpr', factors => 8, iterations => 20,
	options => '{"sampling": "popularity", "sampling_exponent": 1, "item_bias": false, "learning_rate": 0.1}')$$,
	'popularity negatives without biases');
SELECT is((SELECT count(*)::int FROM item_factors WHERE model = 'bpp' AND bias IS NOT NULL), 0, 'no biases stored');
SELECT is((SELECT (hyperparameters->>'sampling', hyperparameters->>'sampling_exponent')::text FROM models WHERE name = 'bpp'),
	'(popularity,1)', 'the sampling is recorded');
SELECT lives_ok($$SELECT recfair.train('bpa', 'bp', algorithm => 'bpr', factors => 8, iterations => 20,
	options => '{"adversarial": {"method": "pgd", "eps": 0.1, "weight": 0.5, "steps": 2, "start_epoch": 5}}')$$,
	'adversarial training (pgd)');
SELECT is((SELECT hyperparameters->'adversarial' FROM models WHERE name = 'bpa'),
	'{"eps": 0.1, "steps": 2, "method": "pgd", "weight": 0.5, "start_epoch": 5}'::jsonb, 'the adversarial settings are recorded');
SELECT ok((SELECT bool_and(r.item_id <= 15) FROM recommend(1, 3, 'bpa') r), 'an adversarially trained model still learns');
SELECT lives_ok($$SELECT recfair.train('bpg', 'bp', algorithm => 'bpr', factors => 8, iterations => 5,
	options => '{"adversarial": {"method": "gaussian", "eps": 0.1}}')$$, 'the gaussian control');
SELECT lives_ok($$SELECT recfair.train('bps', 'bp', algorithm => 'bpr', factors => 8, iterations => 5,
	options => '{"adversarial": {"method": "sign", "eps": 0.1}}')$$, 'the sign control');

-- fairness in the objective: user groups (held-out miss rates) and item groups (weights, within-group negatives)
CREATE TABLE bp_users AS SELECT u AS user_id, CASE WHEN u % 3 = 0 THEN 'a' ELSE 'b' END AS grp FROM generate_series(1, 60) u;
SELECT lives_ok($$SELECT recfair.train('bpf', 'bp', algorithm => 'bpr', factors => 8, iterations => 20,
	items => 'bp_items', users => 'bp_users',
	options => '{"fairness": {"user_group_col": "grp", "user_lambda": 0.5, "item_group_col": "popularity",
		"target": "catalog", "item_lambda": 1, "within_group": 0.25}}')$$, 'user and item fairness in training');
SELECT is((SELECT array_agg(k ORDER BY k) FROM models, jsonb_object_keys(hyperparameters->'fairness') k WHERE name = 'bpf'),
	ARRAY['item_group_col', 'item_group_weight', 'item_lambda', 'target', 'user_group_col', 'user_group_loss',
		  'user_lambda', 'within_group'], 'the fairness settings and what they measured are recorded');
SELECT is((SELECT array_agg(k ORDER BY k) FROM models, jsonb_object_keys(hyperparameters->'fairness'->'user_group_loss') k
		   WHERE name = 'bpf'), ARRAY['a', 'b'], 'each user group''s held-out miss rate');
-- item weights: (target / data share)^lambda, scaled to a mean of 1 over the pairs
SELECT ok((SELECT (hyperparameters->'fairness'->'item_group_weight'->>'head')::float8
				  < (hyperparameters->'fairness'->'item_group_weight'->>'tail')::float8 FROM models WHERE name = 'bpf'),
	'catalog target: the head (2 of 30 items, more of the pairs) weighs less than the tail');
SELECT is((SELECT round(((hyperparameters->'fairness'->'item_group_weight'->>'head')::numeric * 60
						 + (hyperparameters->'fairness'->'item_group_weight'->>'tail')::numeric * ((SELECT count(*) FROM bp) - 60))
						/ (SELECT count(*) FROM bp), 3) FROM models WHERE name = 'bpf'),
	1.000, 'the weights average 1 over the training pairs');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"fairness": {}}')$$, '22023',
	'option "fairness" needs user_group_col or item_group_col', 'fairness without a column');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', items => 'bp_items',
	options => '{"fairness": {"item_group_col": "popularity", "target": "merit"}}')$$, '22023',
	'target "merit" is for re-ranking, not for training', 'merit is not a training target');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"fairness": {"user_lambda": 1, "item_group_col": "popularity"}}')$$,
	'22023', 'user_lambda needs user_group_col', 'a lambda without its column');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"fairness": {"item_group_col": "popularity"}}')$$,
	'55000', NULL, 'item fairness needs a registered item table');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', items => 'bp_items',
	options => '{"fairness": {"item_group_col": "popularity", "target": {"haed": 0.5, "tail": 0.5}}}')$$, '22023',
	'the target names "haed", which is not a value of column "popularity"', 'a misspelled group in a training target');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"fairness": {"user_group_col": "grp", "within_group": 0.5}}')$$,
	'22023', 'item_lambda, target and within_group need item_group_col', 'within_group needs an item group column');
SELECT lives_ok($$SELECT recfair.train('bpx', 'bp', algorithm => 'bpr', factors => 4, iterations => 3, items => 'bp_items',
	options => '{"fairness": {"item_group_col": "popularity", "item_lambda": 100}}')$$,
	'an extreme item_lambda does not overflow the weights');
SELECT ok((SELECT (hyperparameters->'fairness'->'item_group_weight'->>'tail')::float8 < 1e-30
			 AND (hyperparameters->'fairness'->'item_group_weight'->>'head')::float8 > 1 FROM models WHERE name = 'bpx'),
	'equal target: the group over its share (tail: 629 of 689 pairs) weighs (almost) 0, the other the rest');
SELECT lives_ok($$SELECT recfair.train('bpals', 'bp', factors => 4, iterations => 3, items => 'bp_items',
	options => '{"fairness": {"item_group_col": "popularity", "item_lambda": 1}}')$$, 'als takes the item side of fairness');
SELECT ok((SELECT (hyperparameters->'fairness'->'item_group_weight'->>'head')::float8 > 1 FROM models WHERE name = 'bpals'),
	'its confidence weights are recorded (equal target: the head, 60 of 689 pairs, weighs more)');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', users => 'bp_users', options => '{"fairness": {"user_group_col": "grp"}}')$$,
	'22023', 'algorithm "als" takes only the item side of fairness', 'als refuses the user side');

-- diversity: the mean cosine distance within each evaluated user's list, and distinct groups per list
SELECT is((SELECT round(value::numeric, 5) FROM recfair.evaluate('bp', 'bp_test', 5) WHERE metric = 'intra_list_diversity@5'),
	(SELECT round(avg(d)::numeric, 5) FROM (
		SELECT u, avg(cosine_distance(fa.factors, fb.factors)) AS d
		FROM (SELECT DISTINCT user_id AS u FROM bp_test) t, recommend(t.u, 5, 'bp') a, recommend(t.u, 5, 'bp') b,
			 item_factors fa, item_factors fb
		WHERE a.rank < b.rank AND fa.model = 'bp' AND fb.model = 'bp' AND fa.item_id = a.item_id AND fb.item_id = b.item_id
		GROUP BY u) l),
	'intra_list_diversity@k is the mean pairwise cosine distance of the lists, as SQL computes it');
SELECT is((SELECT value FROM recfair.evaluate('bp', 'bp_test', 5, group_col => 'popularity') WHERE metric = 'distinct_groups@5'),
	(SELECT avg(n)::float8 FROM (SELECT count(DISTINCT i.popularity) AS n FROM (SELECT DISTINCT user_id AS u FROM bp_test) t,
		recommend(t.u, 5, 'bp') r JOIN bp_items i USING (item_id) GROUP BY t.u) l),
	'distinct_groups@k: the mean number of groups per list');

-- robustness: evaluate() under attack, beside the clean metrics
CREATE FUNCTION pg_temp.ev(attack jsonb, metric text) RETURNS float8 LANGUAGE sql AS
	$f$ SELECT value FROM recfair.evaluate('bp', 'bp_test', 5, options => jsonb_build_object('attack', attack))
		WHERE metric = $2 $f$;
SELECT is((SELECT array_agg(metric ORDER BY metric) FROM recfair.evaluate('bp', 'bp_test', 5,
		options => '{"attack": {"method": "fgsm", "eps": 1}}') WHERE metric LIKE 'attacked%'),
	ARRAY['attacked_hit_rate@5', 'attacked_map@5', 'attacked_ndcg@5', 'attacked_precision@5', 'attacked_recall@5'],
	'an attack adds the attacked ranking metrics');
SELECT is(pg_temp.ev('{"method": "fgsm", "eps": 0}', 'attacked_ndcg@5'), pg_temp.ev('{"method": "fgsm", "eps": 0}', 'ndcg@5'),
	'an attack of size 0 changes nothing (fgsm)');
SELECT is(pg_temp.ev('{"method": "gaussian", "eps": 0}', 'attacked_ndcg@5'), pg_temp.ev('{"method": "gaussian", "eps": 0}', 'ndcg@5'),
	'an attack of size 0 changes nothing (gaussian)');
SELECT ok(pg_temp.ev('{"method": "fgsm", "eps": 5}', 'attacked_ndcg@5') < pg_temp.ev('{"method": "fgsm", "eps": 5}', 'ndcg@5'),
	'a large fgsm attack lowers ndcg');
SELECT ok(pg_temp.ev('{"method": "pgd", "eps": 5, "steps": 3}', 'attacked_ndcg@5') < pg_temp.ev('{"method": "pgd", "eps": 5}', 'ndcg@5'),
	'a large pgd attack lowers ndcg');
SELECT is(pg_temp.ev('{"method": "fgsm", "eps": 2}', 'attacked_ndcg@5'), pg_temp.ev('{"method": "fgsm", "eps": 2}', 'attacked_ndcg@5'),
	'the attack is deterministic');
SELECT throws_ok($$SELECT * FROM recfair.evaluate('bp', 'bp_test', 5, options => '{"attack": {"method": "sign", "eps": 1}}')$$,
	'22023', 'unknown perturbation method "sign"', 'sign is a training control, not an attack');
SELECT throws_ok($$SELECT * FROM recfair.evaluate('bp', 'bp_test', 5, options => '{"attack": {"method": "fgsm"}}')$$,
	'22023', 'option "attack" needs a method and eps', 'an attack needs eps');
SELECT throws_ok($$SELECT * FROM recfair.recommend_fair(1, 3, 'popularity', 'bp', options => '{"attack": {"method": "fgsm", "eps": 1}}')$$,
	'22023', 'unknown option "attack"', 'only evaluate takes an attack');

-- cancel: statement_timeout stops a long training within the timeout's reach
CREATE TABLE bp_big AS
SELECT u AS user_id, (u * 37 + i * 11) % 3000 AS item_id FROM generate_series(1, 4000) u, generate_series(1, 50) i;
CREATE FUNCTION pg_temp.bpr_timeout() RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
	PERFORM recfair.train('bp_long', 'bp_big', algorithm => 'bpr', factors => 64, iterations => 1000);
	RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
	RETURN 'cancelled';
END $f$;
SET LOCAL statement_timeout = '300ms';
SELECT is(pg_temp.bpr_timeout(), 'cancelled', 'statement_timeout cancels bpr training');
RESET statement_timeout;
SELECT is((SELECT count(*)::int FROM models WHERE name = 'bp_long'), 0, 'and leaves no model');

-- bad input
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"alpha": 2}')$$, '22023',
	'option "alpha" does not apply to algorithm "bpr"', 'ALS options are refused for bpr');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', options => '{"learning_rate": 0.1}')$$, '22023',
	'option "learning_rate" does not apply to algorithm "als"', 'bpr options are refused for als');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"sampling": "hard"}')$$, '22023',
	'unknown sampling "hard"', 'unknown sampling');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"adversarial": {"method": "fgsn"}}')$$,
	'22023', 'unknown perturbation method "fgsn"', 'unknown adversarial method');
SELECT throws_ok($$SELECT recfair.train('x', 'bp', algorithm => 'bpr', options => '{"adversarial": {"eps": 1, "size": 2}}')$$,
	'22023', 'unknown option "size"', 'unknown adversarial key');

SELECT * FROM finish();
ROLLBACK;
