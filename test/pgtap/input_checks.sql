-- pgTAP: how train, evaluate and split read their sources and options
BEGIN;
SET search_path = recfair, public;
SELECT plan(34);

CREATE TABLE inp AS
SELECT u AS user_id, i AS item_id, 1 + (u * i) % 3 AS weight
FROM generate_series(1, 30) u, generate_series(1, 12) i
WHERE (u <= 15) = (i <= 6) AND (u * 7 + i * 3) % 5 <> 0;

-- NULL weights and ratings are skipped and counted, as NULL ids are
CREATE TABLE inp_nulls AS SELECT * FROM inp UNION ALL SELECT 1, 7, NULL UNION ALL SELECT 2, 8, NULL UNION ALL SELECT NULL, 1, 1;
SELECT lives_ok($$SELECT train('nw', 'inp_nulls', weight_col => 'weight', factors => 2, iterations => 2)$$, 'als with NULL weights');
SELECT is((SELECT (interactions, hyperparameters->>'rows_null_weight', hyperparameters->>'rows_null_id')::text FROM models WHERE name = 'nw'),
	(SELECT (count(*), '2', '1')::text FROM inp), 'rows with a NULL weight are skipped and counted');
SELECT lives_ok($$SELECT train('nwx', 'inp_nulls', weight_col => 'weight', algorithm => 'als_explicit', factors => 2,
	iterations => 2, regularization => 0.1)$$, 'als_explicit with NULL ratings');
SELECT is((SELECT round((hyperparameters->>'global_mean')::numeric, 5) FROM models WHERE name = 'nwx'),
	(SELECT round(avg(weight), 5) FROM inp), 'a NULL rating is not a rating of 1');

-- inheritance children are read, by train and evaluate
CREATE TABLE inp_parent (user_id int, item_id int, weight int);
CREATE TABLE inp_child () INHERITS (inp_parent);
INSERT INTO inp_child SELECT * FROM inp;
SELECT lives_ok($$SELECT train('inh', 'inp_parent', factors => 2, iterations => 2)$$, 'train on a parent table');
SELECT is((SELECT interactions FROM models WHERE name = 'inh'), (SELECT count(*) FROM inp), 'the children''s rows are read');
SELECT is((SELECT value FROM evaluate('inh', 'inp_parent', 3) WHERE metric = 'users_skipped'), 30::float8,
	'evaluate reads the children too (every test item was seen in training: all skipped)');

-- summed weights must fit a real
CREATE TABLE inp_big (user_id int, item_id int, weight float8);
INSERT INTO inp_big VALUES (1, 1, 3e38), (1, 1, 3e38), (2, 1, 1), (2, 2, 1);
SELECT throws_ok($$SELECT train('big', 'inp_big', weight_col => 'weight', factors => 2, iterations => 2)$$, '22003',
	'the weights of user 1 and item 1 sum to 6e+38, more than a real can hold', 'a sum above FLT_MAX is an error, not inf');
SELECT is((SELECT count(*)::int FROM models WHERE name = 'big'), 0, 'and no model is saved');

-- source names and queries
SELECT throws_ok($$SELECT train('x', 'a.b.c.d')$$, '42602', 'invalid source name "a.b.c.d"', 'a 4-part name');
SELECT throws_ok($$SELECT * FROM evaluate('inh', 'a.b.c.d')$$, '42602', NULL, 'a 4-part name in evaluate');
SELECT lives_ok($$SELECT train('nospace', 'SELECT*FROM inp', factors => 2, iterations => 2)$$, 'SELECT*FROM without spaces is a query');
SELECT lives_ok($$SELECT train('semi', 'SELECT * FROM inp;', factors => 2, iterations => 2)$$, 'a trailing semicolon');
SELECT throws_ok($$SELECT train('x', 'SELECT * FROM inp; SELECT * FROM inp')$$, '42601',
	'source must be a table or view name, or a single query', 'two statements in train');
SELECT throws_ok($$SELECT * FROM evaluate('inh', 'SELECT * FROM inp; DELETE FROM inp')$$, '42601',
	'source must be a table or view name, or a single query', 'two statements in evaluate');
SELECT throws_ok($$SELECT train('x', 'WITH d AS (SELECT 1) DELETE FROM inp RETURNING *')$$, '42601',
	'source must be a table or view name, or a single query', 'a statement that is not a query');
SELECT throws_ok($$SELECT train('x', 'SELECT * FROM inp) AS src; DELETE FROM inp; SELECT * FROM (SELECT 1')$$, '42601',
	NULL, 'text that closes the parenthesis is a syntax error of its own');
SELECT is((SELECT count(*) FROM inp), (SELECT interactions FROM models WHERE name = 'nospace'), 'nothing was deleted');

-- column names longer than an identifier
SELECT throws_ok(format($$SELECT train('x', 'inp', user_col => %L)$$, repeat('u', 70)), '42622',
	format('column name "%s" is too long', repeat('u', 70)), 'an over-long column name on a table source');
SELECT throws_ok(format($$SELECT train('x', 'SELECT * FROM inp', item_col => %L)$$, repeat('i', 64)), '42622',
	NULL, 'an over-long column name on a query source');
SELECT throws_ok(format($$SELECT * FROM evaluate('inh', 'inp', 3, '{"user_col": "%s"}')$$, repeat('u', 64)), '42622',
	NULL, 'an over-long column name in evaluate');
SELECT throws_ok(format($$SELECT split('inp', 'sp', 0.2, 'random', '{"user_col": "%s"}')$$, repeat('u', 64)), '42622',
	NULL, 'an over-long column name in split');

-- integer options are integers
SELECT throws_ok($$SELECT train('x', 'inp', options => '{"cg_steps": 2.9}')$$, '22023',
	'option "cg_steps" must be an integer between 1 and 100, not "2.9"', 'cg_steps 2.9');
SELECT throws_ok($$SELECT train('x', 'inp', options => '{"seed": 1.5}')$$, '22023', NULL, 'train seed 1.5');
SELECT throws_ok($$SELECT split('inp', 'sp', 0.2, 'random', '{"seed": 1.5}')$$, '22023', NULL, 'split seed 1.5');
SELECT throws_ok($$SELECT * FROM evaluate('inh', 'inp', 3, '{"group_col": "x", "candidates": 10.5}')$$, '22023', NULL,
	'evaluate candidates 10.5');
SELECT lives_ok($$SELECT train('int', 'inp', factors => 2, iterations => 2, options => '{"cg_steps": 2.0, "seed": -7}')$$,
	'whole numbers written with a fraction part, and negative seeds, are fine');
SELECT is((SELECT (hyperparameters->>'cg_steps', hyperparameters->>'seed')::text FROM models WHERE name = 'int'), '(2,-7)',
	'and are stored as integers');
SELECT throws_ok($$SELECT train('x', 'inp', options => '{"seed": 1e17}')$$, '22023', NULL, 'a seed out of range');
SELECT lives_ok($$SELECT split('inp', 'sp', 0.2, 'random', '{"seed": 5}')$$, 'split with an integer seed');

-- a NULL argument is named
SELECT throws_ok($$SELECT * FROM evaluate('x', 'inp', NULL)$$, '22004', 'k must not be NULL', 'evaluate with a NULL k');
SELECT throws_ok($$SELECT * FROM exposure_report('x', NULL)$$, '22004', 'group_col must not be NULL',
	'exposure_report with a NULL group_col');
SELECT throws_ok($$SELECT * FROM generate_dataset('g', 10, NULL, 100)$$, '22004', 'items must not be NULL',
	'generate_dataset with a NULL items');
SELECT throws_ok($$SELECT * FROM split('inp', NULL)$$, '22004', 'target_prefix must not be NULL',
	'split with a NULL target_prefix');

SELECT * FROM finish();
ROLLBACK;
