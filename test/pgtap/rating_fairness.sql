-- pgTAP: the rating unfairness terms of Yao and Huang in evaluate(), for explicit models with user groups,
-- checked against the same definitions computed in SQL from the stored factors and biases
BEGIN;
SET search_path = recfair, public;
SELECT plan(14);

CREATE TABLE rf AS
SELECT u AS user_id, i AS item_id, 1 + (u * 7 + i * 3 + (CASE WHEN u % 3 = 0 THEN i ELSE 0 END)) % 5 AS rating
FROM generate_series(1, 45) u, generate_series(1, 20) i WHERE (u + i) % 3 <> 0;
CREATE TABLE rf_train AS SELECT * FROM rf WHERE (user_id * 5 + item_id) % 4 <> 0;
CREATE TABLE rf_test AS SELECT * FROM rf WHERE (user_id * 5 + item_id) % 4 = 0;
CREATE TABLE rf_users AS SELECT u AS user_id, CASE WHEN u % 3 = 0 THEN 'a' WHEN u % 3 = 1 THEN 'b' ELSE 'c' END AS grp
FROM generate_series(1, 45) u;
SELECT lives_ok($$SELECT recfair.train('rf', 'rf_train', weight_col => 'rating', algorithm => 'als_explicit', factors => 3,
	iterations => 5, regularization => 0.1, users => 'rf_users')$$, 'an explicit model with a user table');

CREATE TEMP VIEW expected AS
WITH p AS (
	SELECT t.item_id, t.rating, u.grp,
		(m.hyperparameters->>'global_mean')::float8 + uf.bias + i.bias + inner_product(uf.factors, i.factors) AS pred
	FROM rf_test t JOIN rf_users u USING (user_id) JOIN user_factors uf ON uf.model = 'rf' AND uf.user_id = t.user_id
	JOIN item_factors i ON i.model = 'rf' AND i.item_id = t.item_id JOIN models m ON m.name = 'rf'),
d AS (SELECT item_id, grp, avg(pred - rating) AS d FROM p GROUP BY 1, 2),
pairs AS (SELECT x.grp AS a, y.grp AS b, x.d AS da, y.d AS db FROM d x JOIN d y USING (item_id) WHERE x.grp < y.grp),
per_pair AS (
	SELECT a, b, avg(abs(da - db)) AS value, avg(abs(abs(da) - abs(db))) AS absolute,
		avg(abs(greatest(0, -da) - greatest(0, -db))) AS under, avg(abs(greatest(0, da) - greatest(0, db))) AS over,
		abs((SELECT avg(pred) FROM p WHERE grp = a) - (SELECT avg(pred) FROM p WHERE grp = b)) AS non_parity
	FROM pairs GROUP BY a, b)
SELECT avg(value) AS value, avg(absolute) AS absolute, avg(under) AS under, avg(over) AS over,
	avg(non_parity) AS non_parity FROM per_pair;
CREATE FUNCTION pg_temp.got(metric text) RETURNS numeric LANGUAGE sql AS
	$f$ SELECT round(value::numeric, 6) FROM recfair.evaluate('rf', 'rf_test', 5, user_group_col => 'grp') e
		WHERE e.metric = $1 $f$;
SELECT is(pg_temp.got('value_unfairness'), (SELECT round(value::numeric, 6) FROM expected),
	'value unfairness: mean over items and group pairs of |d_a - d_b|');
SELECT is(pg_temp.got('absolute_unfairness'), (SELECT round(absolute::numeric, 6) FROM expected), 'absolute unfairness');
SELECT is(pg_temp.got('underestimation_unfairness'), (SELECT round(under::numeric, 6) FROM expected), 'underestimation unfairness');
SELECT is(pg_temp.got('overestimation_unfairness'), (SELECT round(over::numeric, 6) FROM expected), 'overestimation unfairness');
SELECT is(pg_temp.got('non_parity_unfairness'), (SELECT round(non_parity::numeric, 6) FROM expected), 'non-parity unfairness');

-- the terms in als_explicit's objective: gradient steps on the item rows after ALS
SELECT lives_ok($$SELECT recfair.train('rfv', 'rf_train', weight_col => 'rating', algorithm => 'als_explicit', factors => 3,
	iterations => 5, regularization => 0.1, users => 'rf_users',
	options => '{"fairness": {"user_group_col": "grp", "term": "value", "lambda": 5, "epochs": 100, "learning_rate": 0.05}}')$$,
	'als_explicit with the value term in its objective');
SELECT ok((SELECT (hyperparameters->'fairness'->>'training_term_after')::float8
				  < 0.5 * (hyperparameters->'fairness'->>'training_term_before')::float8 FROM models WHERE name = 'rfv'),
	'the value term on the training ratings falls by more than half');
SELECT is((SELECT (hyperparameters->'fairness') - '{training_term_before,training_term_after}'::text[] FROM models WHERE name = 'rfv'),
	'{"user_group_col": "grp", "term": "value", "lambda": 5, "epochs": 100, "learning_rate": 0.05}'::jsonb,
	'the settings are recorded');
SELECT is((SELECT round((hyperparameters->'fairness'->>'training_term_before')::numeric, 4) FROM models WHERE name = 'rfv'),
	(SELECT round(value::numeric, 4) FROM recfair.evaluate('rf', 'rf_train', 5, user_group_col => 'grp')
	 WHERE metric = 'value_unfairness'),
	'the term before the fine-tuning is evaluate()''s value unfairness of the plain model on its training data');
SELECT lives_ok($$SELECT recfair.train('rf0', 'rf_train', weight_col => 'rating', algorithm => 'als_explicit', factors => 3,
	iterations => 5, regularization => 0.1, users => 'rf_users',
	options => '{"fairness": {"user_group_col": "grp", "lambda": 0, "epochs": 20}}')$$, 'lambda 0');
SELECT ok((SELECT abs(a.value - b.value) < 1e-3 FROM recfair.evaluate('rf', 'rf_test', 5) a, recfair.evaluate('rf0', 'rf_test', 5) b
		   WHERE a.metric = 'rmse' AND b.metric = 'rmse'),
	'with lambda 0 the fine-tuning leaves ALS''s optimum (the same RMSE)');
SELECT throws_ok($$SELECT recfair.train('x', 'rf_train', weight_col => 'rating', algorithm => 'als_explicit', users => 'rf_users',
	regularization => 0.1, options => '{"fairness": {"user_group_col": "grp", "term": "parity"}}')$$, '22023',
	'unknown unfairness term "parity"', 'an unknown term');
SELECT throws_ok($$SELECT recfair.train('x', 'rf_train', weight_col => 'rating', algorithm => 'als_explicit',
	regularization => 0.1, options => '{"fairness": {"term": "value"}}')$$, '22023',
	'option "fairness" of als_explicit needs user_group_col', 'the term needs user groups');

SELECT * FROM finish();
ROLLBACK;
