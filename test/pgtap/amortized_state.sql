-- pgTAP: amortized mode's state is kept per model version and target: another target starts afresh, and so
-- does a retrain
BEGIN;
SET search_path = public, recfair;
SELECT plan(8);

CREATE TABLE am AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 <> 0;
CREATE TABLE am_items AS SELECT i AS item_id, 'b' || (i % 4) AS brand FROM generate_series(1, 20) i;
SELECT lives_ok($$SELECT train('am', 'am', factors => 4, iterations => 5, items => 'am_items')$$, 'a model');

SELECT lives_ok($$SELECT count(*) FROM generate_series(1, 10) u, recommend_fair(u, 3, 'brand', 'am', amortized => true)$$,
	'amortized lists, target equal');
SELECT lives_ok($$SELECT count(*) FROM generate_series(1, 5) u,
	recommend_fair(u, 3, 'brand', 'am', target => '{"b0": 0.7, "b1": 0.1, "b2": 0.1, "b3": 0.1}', amortized => true)$$,
	'and with explicit shares');
SELECT is((SELECT array_agg(DISTINCT target ORDER BY target) FROM fair_exposure_state WHERE model = 'am'),
	ARRAY['equal', '{"b0": 0.7, "b1": 0.1, "b2": 0.1, "b3": 0.1}'], 'a state per target');
SELECT is((SELECT round(sum(exposure)::numeric, 6) FROM fair_exposure_state WHERE model = 'am' AND target = 'equal'),
	(SELECT round(sum(1 / log(2, r + 1))::numeric * 10, 6) FROM generate_series(1, 3) r), 'the equal target''s: ten lists');
SELECT is((SELECT sum(exposure)::numeric(10,6) FROM fair_exposure_state WHERE model = 'am' AND target <> 'equal'),
	(SELECT (sum(1 / log(2, r + 1)) * 5)::numeric(10,6) FROM generate_series(1, 3) r), 'the other''s: five');

SELECT lives_ok($$SELECT retrain('am')$$, 'retrain');
SELECT is((SELECT count(*)::int FROM fair_exposure_state WHERE model = 'am') + (SELECT count(*)::int FROM fair_exposure WHERE model = 'am'), 0,
	'the new version starts afresh, and the old state is gone');
SELECT * FROM finish();
ROLLBACK;
