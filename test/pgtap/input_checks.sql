-- pgTAP: how train, evaluate and split read their sources and options
BEGIN;
SET search_path = recfair, public;
SELECT plan(49);

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
SELECT throws_ok($$SELECT train('x', 'a.b.c.d')$$, '42601', NULL, 'a 4-part name (regclass input refuses it)');
SELECT throws_ok($$SELECT train('x', 'SELECT * FROM inp')$$, '42602', NULL,
	'a query passed as the relation is not guessed at: regclass input refuses it');
SELECT throws_ok($$SELECT train('x')$$, '22004', 'source or source_query must be given', 'no source');
SELECT throws_ok($$SELECT train('x', 'inp', source_query => 'SELECT * FROM inp')$$, '22023',
	'source and source_query cannot both be given', 'two sources');
SELECT throws_ok($$SELECT * FROM evaluate('inh')$$, '22004', 'test or test_query must be given', 'evaluate without a test');
SELECT throws_ok($$SELECT * FROM split(NULL, 'sp', 0.2)$$, '22004', 'source or source_query must be given', 'split without a source');
SELECT throws_ok($$SELECT train('x', source_query => '')$$, '22023', 'source_query must not be empty', 'an empty query');
CREATE TABLE inp_dropped (user_id int, item_id int);
CREATE FUNCTION pg_temp.train_dropped() RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	r regclass := 'inp_dropped';
BEGIN
	DROP TABLE inp_dropped;
	PERFORM train('x', r);
	RETURN 'trained';
END $f$;
SELECT throws_ok($$SELECT pg_temp.train_dropped()$$, '42P01', NULL, 'a regclass whose table was dropped');
SELECT lives_ok($$SELECT train('nospace', source_query => 'SELECT*FROM inp', factors => 2, iterations => 2)$$, 'SELECT*FROM without spaces is a query');
SELECT lives_ok($$SELECT train('semi', source_query => 'SELECT * FROM inp;', factors => 2, iterations => 2)$$, 'a trailing semicolon');
SELECT throws_ok($$SELECT train('x', source_query => 'SELECT * FROM inp; SELECT * FROM inp')$$, '42601',
	'a source query must be a single query', 'two statements in train');
SELECT throws_ok($$SELECT * FROM evaluate('inh', test_query => 'SELECT * FROM inp; DELETE FROM inp')$$, '42601',
	'a source query must be a single query', 'two statements in evaluate');
SELECT throws_ok($$SELECT train('x', source_query => 'WITH d AS (SELECT 1) DELETE FROM inp RETURNING *')$$, '42601',
	'a source query must be a single query', 'a statement that is not a query');
SELECT throws_ok($$SELECT train('x', source_query => 'SELECT * FROM inp) AS src; DELETE FROM inp; SELECT * FROM (SELECT 1')$$, '42601',
	NULL, 'text that closes the parenthesis is a syntax error of its own');
SELECT is((SELECT count(*) FROM inp), (SELECT interactions FROM models WHERE name = 'nospace'), 'nothing was deleted');

-- column names longer than an identifier
SELECT throws_ok(format($$SELECT train('x', 'inp', user_col => %L)$$, repeat('u', 70)), '42622',
	format('column name "%s" is too long', repeat('u', 70)), 'an over-long column name on a table source');
SELECT throws_ok(format($$SELECT train('x', source_query => 'SELECT * FROM inp', item_col => %L)$$, repeat('i', 64)), '42622',
	NULL, 'an over-long column name on a query source');
SELECT throws_ok(format($$SELECT * FROM evaluate('inh', 'inp', 3, user_col => '%s')$$, repeat('u', 64)), '42622',
	NULL, 'an over-long column name in evaluate');
SELECT throws_ok(format($$SELECT split('inp', 'sp', 0.2, 'random', user_col => '%s')$$, repeat('u', 64)), '42622',
	NULL, 'an over-long column name in split');

-- integer options are integers
SELECT throws_ok($$SELECT train('x', 'inp', options => '{"cg_steps": 2.9}')$$, '22023',
	'option "cg_steps" must be an integer between 1 and 100, not "2.9"', 'cg_steps 2.9');
SELECT throws_ok($$SELECT train('x', 'inp', options => '{"cg_steps": 1000}')$$, '22023',
	'option "cg_steps" must be an integer between 1 and 100, not "1000"', 'cg_steps out of range');
SELECT lives_ok($$SELECT train('int', 'inp', factors => 2, iterations => 2, seed => -7, options => '{"cg_steps": 2.0}')$$,
	'whole numbers written with a fraction part, and negative seeds, are fine');
SELECT is((SELECT (hyperparameters->>'cg_steps', hyperparameters->>'seed')::text FROM models WHERE name = 'int'), '(2,-7)',
	'and are stored as integers');
SELECT lives_ok($$SELECT split('inp', 'sp', 0.2, 'random', seed => 5)$$, 'split with an integer seed');

-- options of 0.5.0 that are arguments now: refused with a hint naming the argument
SELECT is((SELECT hyperparameters->>'seed' FROM train('x', 'inp', factors => 2, iterations => 1, options => '{"seed": 3}')), '3',
	'train: seed in options is taken where the argument has its default (a model''s hyperparameters passed back)');
SELECT throws_ok($$SELECT train('x', 'inp', seed => 5, options => '{"seed": 3}')$$, '22023',
	'option "seed" (3) disagrees with the argument seed (5)', 'train: and must agree with a seed argument');
SELECT throws_ok($$SELECT train('x', 'inp', options => '{"items": "inp"}')$$, '22023', 'option "items" is now an argument',
	'train: items is an argument');
SELECT throws_ok($$SELECT split('inp', 'sp', 0.2, 'random', '{"time_col": "ts"}')$$, '22023',
	'option "time_col" is now an argument', 'split: time_col is an argument');
SELECT throws_ok($$SELECT * FROM evaluate('inh', 'inp', 3, '{"group_col": "brand"}')$$, '22023',
	'option "group_col" is now an argument', 'evaluate: group_col is an argument (options keeps its 0.5.0 position)');
SELECT throws_ok($$SELECT * FROM evaluate('inh', 'inp', 3, '{"price": 100}')$$, '22023',
	'option "price" is now called "deficit_scale"', 'evaluate: price is deficit_scale');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 3, 'brand', 'inh', options => '{"exclude_seen": false}')$$, '22023',
	'option "exclude_seen" is now an argument', 'recommend_fair: exclude_seen is an argument');
SELECT throws_ok($$SELECT * FROM exposure_report('inh', 'brand', options => '{"nope": 1}')$$, '22023',
	'unknown option "nope"', 'exposure_report: unknown options');
SELECT throws_ok($$SELECT split('inp', 'sp', 0.2, 'random', '{"nope": 1}')$$, '22023',
	'unknown option "nope"', 'split takes no options');

-- a NULL argument is named
SELECT throws_ok($$SELECT * FROM evaluate('x', 'inp', NULL)$$, '22004', 'k must not be NULL', 'evaluate with a NULL k');
SELECT throws_ok($$SELECT * FROM exposure_report('x', NULL)$$, '22004', 'group_col must not be NULL',
	'exposure_report with a NULL group_col');
SELECT throws_ok($$SELECT * FROM generate_dataset('g', 10, NULL, 100)$$, '22004', 'items must not be NULL',
	'generate_dataset with a NULL items');
SELECT throws_ok($$SELECT * FROM split('inp', NULL)$$, '22004', 'target_prefix must not be NULL',
	'split with a NULL target_prefix');


-- a missing column's error names the argument that sets it
CREATE FUNCTION pg_temp.hint_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE h text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN undefined_column THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN h;
END $f$;
CREATE TABLE inp_named AS SELECT user_id AS customer_id, item_id AS product_id FROM inp;
SELECT is(pg_temp.hint_of($$SELECT recfair.train('x', 'inp_named')$$), 'Name the source''s column with user_col => ''...''.',
	'a table without user_id: the hint names user_col');
SELECT is(pg_temp.hint_of($$SELECT recfair.train('x', source_query => 'SELECT customer_id AS user_id, product_id FROM inp_named')$$),
	'Name the source''s column with item_col => ''...''.', 'a query without item_id: the hint names item_col');
SELECT is(pg_temp.hint_of($$SELECT recfair.train('x', 'inp', weight_col => 'stars')$$),
	'Name the source''s column with weight_col => ''...''.', 'a missing weight column: weight_col');
SELECT * FROM finish();
ROLLBACK;
