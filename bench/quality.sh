#!/usr/bin/env bash
# Quality report (the reference protocol of docs/design.md), the defaults of
# this version beside those of 0.7.0 (regularization 0.01 constant, the
# confidence 1 + alpha w with alpha 1) in the same run.
#  1. MovieLens-100k, u1.base / u1.test (when present in $ML100K or
#     ../shared/data/ml-100k; never copied into the project): every rating is
#     an implicit interaction with weight = rating for als (64 factors,
#     15 iterations), relevant = rating >= 4; P@10, R@10, NDCG@10, MAP@10,
#     coverage@10 for als (five seeds: the defaults, 0.7.0's, and 0.7.0's
#     with confidence alpha*w) and popularity; RMSE for als_explicit (the
#     default regularization, and 0.7.0's 0.01).
#     Then recfair.tune() on u1.base alone (its default grid, choosing on a
#     validation split of 20% per user; u1.test unseen), timed, its model
#     reported on u1.test like the others.
#  2. A generated shop split with recfair.split (random, 20% per user).
#  3. Generated play counts: the shop's (user, item) pairs of another seed,
#     with a count = (summed weight)^1.5 times a per-user activity factor
#     exp(3 U) and a per-pair factor exp(1.5 V), U and V uniform in [-1, 1]
#     from hashes of the ids (so counts run from 1 to tens of thousands and
#     say more about the user's habits than about the item, as play counts
#     do); the defaults, 0.7.0's, and recfair.tune()'s choice.
#  4. How long evaluate() takes for 100k test users over 50k items.
#
#   bench/quality.sh        (run as root)
. "$(dirname "$0")/common.sh"

sql() { psql -qX -v ON_ERROR_STOP=1 "$@"; }

report() {	# title, then (label, model, test, options) rows in a VALUES list
	echo "== $1"
	sql -P footer=off <<SQL
SET client_min_messages = warning;
SELECT label AS model,
	round(max(value) FILTER (WHERE metric = 'precision@10')::numeric, 4) AS "P@10",
	round(max(value) FILTER (WHERE metric = 'recall@10')::numeric, 4) AS "R@10",
	round(max(value) FILTER (WHERE metric = 'ndcg@10')::numeric, 4) AS "NDCG@10",
	round(max(value) FILTER (WHERE metric = 'map@10')::numeric, 4) AS "MAP@10",
	round(max(value) FILTER (WHERE metric = 'coverage@10')::numeric, 4) AS "coverage@10",
	round(max(value) FILTER (WHERE metric = 'rmse')::numeric, 4) AS rmse,
	max(value) FILTER (WHERE metric = 'users_evaluated') AS users
FROM (VALUES $2) AS runs(ord, label, model, test, relevant_min),
	LATERAL recfair.evaluate(model, test::regclass, 10, relevant_min => relevant_min::float8,
		rating_col => CASE WHEN relevant_min IS NOT NULL THEN 'rating' END)
GROUP BY ord, label ORDER BY ord;
SQL
}

if [ -f "$ml100k/u1.base" ]; then
	sql -c "CREATE TABLE ml_train (user_id int, item_id int, rating int, ts bigint)" \
		-c "CREATE TABLE ml_test (user_id int, item_id int, rating int, ts bigint)" \
		-c "\\copy ml_train FROM '$ml100k/u1.base'" -c "\\copy ml_test FROM '$ml100k/u1.test'"
	sql <<'SQL'
SET client_min_messages = warning;
SELECT count(*) FROM (
	SELECT recfair.train('als_' || seed, 'ml_train', weight_col => 'rating', factors => 64, iterations => 15, seed => seed)
	FROM unnest(ARRAY[1, 2, 3, 7, 42]) seed) a;
SELECT count(*) FROM (
	SELECT recfair.train('als_old_' || seed, 'ml_train', weight_col => 'rating', factors => 64, iterations => 15,
		regularization => 0.01, seed => seed, options => jsonb_build_object('alpha', 1.0, 'confidence', 'linear'))
	FROM unnest(ARRAY[1, 2, 3, 7, 42]) seed) a;
SELECT count(*) FROM (
	SELECT recfair.train('als_aw_' || seed, 'ml_train', weight_col => 'rating', factors => 64, iterations => 15,
		regularization => 0.01, seed => seed, options => jsonb_build_object('alpha', 1.0, 'confidence', 'alpha*w'))
	FROM unnest(ARRAY[1, 2, 3, 7, 42]) seed) a;
SELECT count(*) FROM recfair.train('popularity', 'ml_train', algorithm => 'popularity');
SELECT count(*) FROM recfair.train('als_explicit', 'ml_train', weight_col => 'rating', algorithm => 'als_explicit',
	factors => 64, iterations => 15);
SELECT count(*) FROM recfair.train('als_explicit_old', 'ml_train', weight_col => 'rating', algorithm => 'als_explicit',
	factors => 64, iterations => 15, regularization => 0.01);
SQL
	# recfair.tune() on u1.base alone (its default grid; a validation split of 20% per user, seed 42), timed
	sql -At <<'SQL' > "$bench_dir/tune_ml.txt"
SET client_min_messages = warning;
SELECT clock_timestamp() AS t0 \gset
CREATE TABLE ml_tune AS SELECT * FROM recfair.tune('als_tuned', 'ml_train', weight_col => 'rating', factors => 64,
	iterations => 15, rating_col => 'rating', relevant_min => 4);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1);
SQL
	tune_seconds=$(tail -1 "$bench_dir/tune_ml.txt")
	echo "== tune() on u1.base: $(sql -At -c "SELECT count(*) FILTER (WHERE stage <> 'final') FROM ml_tune") trials in ${tune_seconds} s (validation NDCG@10, relevant = rating >= 4); best and worst 3"
	sql -P footer=off -c "(SELECT trial, stage, settings, round(value::numeric, 4) AS ndcg FROM ml_tune WHERE stage <> 'final'
		ORDER BY value DESC, trial LIMIT 3) UNION ALL (SELECT trial, stage, settings, round(value::numeric, 4) FROM ml_tune
		WHERE stage <> 'final' ORDER BY value, trial LIMIT 3)"
	tuned_label=$(sql -At -c "SELECT 'als tune() (' || (settings->>'confidence') || ', reg ' || round((settings->>'regularization')::numeric, 3)
		|| CASE WHEN (settings->>'weighted_regularization')::boolean THEN ' weighted' ELSE '' END
		|| ', alpha ' || round((settings->>'alpha')::numeric, 3) || ')' FROM ml_tune WHERE stage = 'final'")

	rows=""
	n=0
	for seed in 1 2 3 7 42; do
		rows="$rows($((n += 1)), 'als defaults seed $seed', 'als_$seed', 'ml_test', 4),"
	done
	for seed in 1 2 3 7 42; do
		rows="$rows($((n += 1)), 'als 0.7.0 defaults seed $seed', 'als_old_$seed', 'ml_test', 4),"
	done
	for seed in 1 2 3 7 42; do
		rows="$rows($((n += 1)), 'als 0.7.0, c=alpha*w seed $seed', 'als_aw_$seed', 'ml_test', 4),"
	done
	rows="$rows($((n += 1)), '$tuned_label', 'als_tuned', 'ml_test', 4),"
	rows="$rows($((n += 1)), 'popularity', 'popularity', 'ml_test', 4),"
	rows="$rows($((n += 1)), 'als_explicit defaults', 'als_explicit', 'ml_test', 4),"
	rows="$rows($((n += 1)), 'als_explicit 0.7.0 default (reg 0.01)', 'als_explicit_old', 'ml_test', 4)"
	report "MovieLens-100k u1.base/u1.test, relevant = rating >= 4" "$rows"
	sql -At -F ' ' <<SQL
SET client_min_messages = warning;
SELECT 'mean NDCG@10 over 5 seeds: als defaults ' || round(avg(value) FILTER (WHERE m ~ '^als_[0-9]')::numeric, 4)
	|| ', als 0.7.0 defaults ' || round(avg(value) FILTER (WHERE m LIKE 'als\_old\_%')::numeric, 4)
	|| ', als 0.7.0 c=alpha*w ' || round(avg(value) FILTER (WHERE m LIKE 'als\_aw\_%')::numeric, 4)
FROM (SELECT name AS m FROM recfair.models WHERE name ~ '^als_(aw_|old_)?[0-9]+\$') ms,
	LATERAL recfair.evaluate(m, 'ml_test', 10, relevant_min => 4, rating_col => 'rating') e
WHERE metric = 'ndcg@10';
SELECT 'defaults chosen: ' || (SELECT string_agg(k || ' ' || (hyperparameters->>k), ', ')
	FROM unnest(ARRAY['regularization', 'weighted_regularization', 'confidence', 'eps', 'alpha']) k)
FROM recfair.models WHERE name = 'als_42';
SQL
else
	echo "MovieLens-100k not found in $ml100k: skipped"
fi

sql <<'SQL'
SET client_min_messages = warning;
SELECT count(*) FROM recfair.generate_dataset('shop', 20000, 5000, 500000);
SELECT count(*) FROM recfair.split('shop_interactions', 'shop', 0.2);
SELECT count(*) FROM recfair.train('shop_als', 'shop_train', weight_col => 'weight');
SELECT count(*) FROM recfair.train('shop_als_old', 'shop_train', weight_col => 'weight', regularization => 0.01,
	options => '{"confidence": "linear"}');
SELECT count(*) FROM recfair.train('shop_pop', 'shop_train', algorithm => 'popularity');
SQL
report "generated shop (20k users, 5k items, 500k interactions), recfair.split random 20%; als 64 factors" \
	"(1, 'als defaults', 'shop_als', 'shop_test', NULL), (2, 'als 0.7.0 defaults', 'shop_als_old', 'shop_test', NULL),
	 (3, 'popularity', 'shop_pop', 'shop_test', NULL)"

sql <<'SQL'
SET client_min_messages = warning;
SELECT count(*) FROM recfair.generate_dataset('cnt', 20000, 5000, 500000, seed => 7);
CREATE TABLE plays AS
SELECT user_id, item_id,
	greatest(1, round(pow(sum(weight), 1.5)
		* exp(3 * ((abs(hashint8(user_id)) % 1000000) / 500000.0 - 1))
		* exp(1.5 * ((abs(hashint8(user_id * 100003 + item_id)) % 1000000) / 500000.0 - 1))))::int AS plays
FROM cnt_interactions GROUP BY 1, 2;
SELECT count(*) FROM recfair.split('plays', 'pl', 0.2);
SELECT count(*) FROM recfair.train('pl_als', 'pl_train', weight_col => 'plays');
SELECT count(*) FROM recfair.train('pl_als_old', 'pl_train', weight_col => 'plays', regularization => 0.01,
	options => '{"confidence": "linear"}');
SELECT count(*) FROM recfair.train('pl_pop', 'pl_train', algorithm => 'popularity');
-- tuned: recfair.tune()'s default grid on pl_train alone
CREATE TABLE pl_tune AS SELECT * FROM recfair.tune('pl_tuned', 'pl_train', weight_col => 'plays');
SQL
report "generated play counts (20k users, 5k items, $(sql -At -c "SELECT count(*) FROM plays") pairs, counts 1 to $(sql -At -c "SELECT max(plays) FROM plays")), recfair.split random 20%" \
	"(1, 'als defaults', 'pl_als', 'pl_test', NULL), (2, 'als 0.7.0 defaults', 'pl_als_old', 'pl_test', NULL),
	 (3, 'als tune() (' || (SELECT (hyperparameters->>'confidence') || ', reg ' || round((hyperparameters->>'regularization')::numeric, 3)
		|| CASE WHEN (hyperparameters->>'weighted_regularization')::boolean THEN ' weighted' ELSE '' END
		|| ', alpha ' || round((hyperparameters->>'alpha')::numeric, 3) FROM recfair.models WHERE name = 'pl_tuned') || ')',
		'pl_tuned', 'pl_test', NULL),
	 (4, 'popularity', 'pl_pop', 'pl_test', NULL)"

echo "== evaluate() speed: 100k test users over 50k items, 64 factors"
sql <<'SQL'
SET client_min_messages = warning;
SELECT count(*) FROM recfair.generate_dataset('big', 120000, 50000, 3000000);
SELECT count(*) FROM recfair.split('big_interactions', 'big', 0.2);
SELECT count(*) FROM recfair.train('big_als', 'big_train', weight_col => 'weight', factors => 64, iterations => 3);
SQL
sql -At <<'SQL'
SET client_min_messages = warning;
SET recfair.threads = 2;
SELECT clock_timestamp() AS t0 \gset
SELECT 'users evaluated: ' || max(value) FILTER (WHERE metric = 'users_evaluated')
	|| ', ndcg@10 ' || round(max(value) FILTER (WHERE metric = 'ndcg@10')::numeric, 4)
FROM recfair.evaluate('big_als', 'big_test', 10);
SELECT 'seconds: ' || round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 2);
SQL
