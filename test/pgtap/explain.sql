-- pgTAP: explain(), recommend_explained() and recommend_fair_explained(): the parts of a score sum to it,
-- the history contributions follow Hu, Koren and Volinsky's decomposition, and the serving functions carry
-- the top reason and the plain rank
BEGIN;
SET search_path = recfair, public;
SELECT plan(36);

-- two groups of users with disjoint tastes, weights 1 to 4
CREATE TABLE ex AS
SELECT u AS user_id, i AS item_id, (1 + (u * i) % 4)::real AS weight
FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 <> 0;
CREATE TABLE ex_items AS SELECT i AS item_id, CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END AS brand FROM generate_series(1, 20) i;

-- an exact, converged model: the stored user factors are the history's weighted sum
SELECT lives_ok($$SELECT train('ex_chol', 'ex', weight_col => 'weight', factors => 4, iterations => 60,
	options => '{"solver": "cholesky"}', items => 'ex_items')$$, 'an exact ALS model (defaults: log confidence, weighted regularization)');
SELECT lives_ok($$SELECT train('ex_cg', 'ex', weight_col => 'weight', factors => 4, iterations => 10)$$, 'a CG ALS model');
SELECT lives_ok($$SELECT train('ex_lin', 'ex', weight_col => 'weight', factors => 4, iterations => 60, regularization => 5,
	options => '{"solver": "cholesky", "confidence": "linear", "alpha": 2}')$$, 'an exact model with the linear confidence');

-- the parts sum to the score, for recommended, unrecommended and seen items
CREATE TEMP TABLE ex_pairs AS
SELECT m, u, i, (SELECT score FROM recommend(u, 20, m, exclude_seen => false) r WHERE r.item_id = i) AS score
FROM unnest(ARRAY['ex_chol', 'ex_cg', 'ex_lin']) m, unnest(ARRAY[1, 7, 25]) u, unnest(ARRAY[2, 5, 13, 18]) i;
SELECT is((SELECT count(*)::int FROM ex_pairs WHERE score IS NOT NULL), 36, 'every pair has a score');
SELECT ok((SELECT bool_and(abs(s.total - p.score) <= 1e-5 * greatest(1, abs(p.score)))
		   FROM ex_pairs p, LATERAL (SELECT sum(contribution) AS total FROM explain(p.u, p.i, p.m)) s),
	'the parts sum to recommend''s score');
SELECT ok((SELECT bool_and(abs(contribution) < 1e-3) FROM ex_pairs p, LATERAL explain(p.u, p.i, p.m) e
		   WHERE p.m <> 'ex_cg' AND e.part = 'solver residual'),
	'converged exact models: the history alone gives the score (log and linear confidence, weighted and not)');
SELECT ok((SELECT bool_and(e.part IN ('item', 'other items', 'solver residual')) FROM explain(1, 2, 'ex_cg') e), 'ALS parts');
SELECT is((SELECT array_agg(part ORDER BY rank) FROM explain(1, 2, 'ex_cg', k => 2)),
	ARRAY['item', 'item', 'other items', 'solver residual'], 'k history items, then the rest, then the residual');
SELECT ok((SELECT bool_and(c1 >= c2) FROM (SELECT contribution AS c1, lead(contribution) OVER (ORDER BY rank) AS c2
		   FROM explain(1, 2, 'ex_cg', k => 100) WHERE part = 'item') x WHERE c2 IS NOT NULL), 'largest contribution first');
SELECT is((SELECT count(*)::int FROM explain(1, 2, 'ex_cg', k => 100) WHERE part = 'item'),
	(SELECT count(*)::int FROM ex WHERE user_id = 1), 'one row per history item when k covers them');
SELECT ok((SELECT bool_and(history_item_id IN (SELECT item_id FROM ex WHERE user_id = 1)) FROM explain(1, 2, 'ex_cg', k => 100)
		   WHERE part = 'item'), 'only the user''s own items');
SELECT is((SELECT array_agg(part ORDER BY rank) FROM explain(1, 2, 'ex_cg', k => 0)), ARRAY['other items', 'solver residual'],
	'k 0: the history as one part');

-- from a query source, and when the source is gone
SELECT lives_ok($$SELECT train('ex_q', source_query => 'SELECT * FROM ex WHERE weight > 1', weight_col => 'weight', factors => 3,
	iterations => 5)$$, 'a model from a query');
SELECT ok((SELECT abs(sum(contribution) - (SELECT score FROM recommend(2, 20, 'ex_q', false) WHERE item_id = 3)) < 1e-5
		   FROM explain(2, 3, 'ex_q')), 'explained from the query');
CREATE TABLE ex_gone AS SELECT * FROM ex;
SELECT lives_ok($$SELECT train('ex_gone', 'ex_gone', factors => 3, iterations => 2)$$, 'a model whose source goes');
DROP TABLE ex_gone;
SELECT ok((SELECT abs(sum(contribution) - (SELECT score FROM recommend(1, 20, 'ex_gone', false) WHERE item_id = 2)) < 1e-5
		   FROM explain(1, 2, 'ex_gone')), 'explained without the source: the model keeps the weights');
SELECT is((SELECT count(*)::int FROM user_factors WHERE model = 'ex_cg' AND cardinality(seen_weights) <> cardinality(seen::bigint[])),
	0, 'a weight per seen item');
UPDATE user_factors SET seen_weights = NULL WHERE model = 'ex_gone';
SELECT throws_ok($$SELECT * FROM explain(1, 2, 'ex_gone')$$, '0A000', 'model "ex_gone" has no training weights to explain its scores with',
	'a model trained before 0.8.0');

-- explicit, bpr and popularity models
SELECT lives_ok($$SELECT train('ex_rt', 'ex', weight_col => 'weight', algorithm => 'als_explicit', factors => 3, iterations => 5)$$,
	'an explicit model');
SELECT is((SELECT count(*)::int FROM user_factors WHERE model = 'ex_rt' AND seen_weights IS NULL), 40,
	'no weights for an explicit model');
SELECT is((SELECT array_agg(part ORDER BY rank) FROM explain(1, 2, 'ex_rt')), ARRAY['global mean', 'user bias', 'item bias', 'factors'],
	'explicit parts');
SELECT ok((SELECT abs(sum(contribution) - (SELECT score FROM recommend(1, 20, 'ex_rt', false) WHERE item_id = 2)) < 1e-5
		   FROM explain(1, 2, 'ex_rt')), 'they sum to the predicted rating');
SELECT lives_ok($$SELECT train('ex_bpr', 'ex', algorithm => 'bpr', factors => 3, iterations => 5)$$, 'a bpr model');
SELECT ok((SELECT abs(sum(contribution) - (SELECT score FROM recommend(1, 20, 'ex_bpr', false) WHERE item_id = 2)) < 1e-5
			AND array_agg(part ORDER BY rank) = ARRAY['item bias', 'factors'] FROM explain(1, 2, 'ex_bpr')),
	'bpr: the item bias and the factors, summing to the score');
SELECT lives_ok($$SELECT train('ex_pop', 'ex', algorithm => 'popularity')$$, 'a popularity model');
SELECT is((SELECT (part, contribution)::text FROM explain(1, 12, 'ex_pop')),
	(SELECT ('popularity', count(*))::text FROM ex WHERE item_id = 12), 'popularity: the item''s count');

-- no score, no parts; bad input
SELECT is((SELECT count(*)::int FROM explain(1000, 2, 'ex_cg')), 0, 'an unknown user');
SELECT is((SELECT count(*)::int FROM explain(1, 1000, 'ex_cg')), 0, 'an unknown item');
SELECT is((SELECT count(*)::int FROM explain(NULL, 2, 'ex_cg')), 0, 'a NULL user');
SELECT throws_ok($$SELECT * FROM explain(1, 2, 'ex_cg', k => -1)$$, '22023', 'k must be between 0 and 10000, not -1', 'a negative k');
SELECT throws_ok($$SELECT * FROM explain(1, 2, 'no_such_model')$$, '42704', NULL, 'an unknown model');

-- the serving functions with reasons
SELECT is((SELECT array_agg((rank, item_id, score)::text ORDER BY rank) FROM recommend_explained(3, 5, 'ex_cg')),
	(SELECT array_agg((rank, item_id, score)::text ORDER BY rank) FROM recommend(3, 5, 'ex_cg')), 'recommend_explained: recommend''s rows');
SELECT ok((SELECT bool_and(r.reason_item_id = e.history_item_id AND abs(r.reason_contribution - e.contribution) < 1e-9)
		   FROM recommend_explained(3, 5, 'ex_cg') r, LATERAL explain(3, r.item_id, 'ex_cg', 1) e WHERE e.rank = 1),
	'each with explain''s top history item');
SELECT is((SELECT count(*)::int FROM recommend_explained(3, 5, 'ex_rt') WHERE reason_item_id IS NULL), 5,
	'no history reason for an explicit model');
SELECT is((SELECT array_agg((rank, item_id, score, group_value)::text ORDER BY rank) FROM recommend_fair_explained(3, 6, 'brand', 'ex_chol')),
	(SELECT array_agg((rank, item_id, score, group_value)::text ORDER BY rank) FROM recommend_fair(3, 6, 'brand', 'ex_chol')),
	'recommend_fair_explained: recommend_fair''s rows');
SELECT is((SELECT array_agg(plain_rank ORDER BY rank) FROM recommend_fair_explained(3, 6, 'brand', 'ex_chol')),
	(SELECT array_agg(p.rank::bigint ORDER BY f.rank) FROM recommend_fair(3, 6, 'brand', 'ex_chol') f
		JOIN recommend(3, 20, 'ex_chol') p USING (item_id)), 'plain_rank is the item''s rank in recommend''s list');
SELECT * FROM finish();
ROLLBACK;
