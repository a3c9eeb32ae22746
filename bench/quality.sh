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
#     Then cold start from content: 20% of the items held out entirely, item
#     factors mapped from u.item's genres and year (train()'s item_features),
#     NDCG@10 among those items against popularity within genre and the
#     user's own genre profile.
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

	# Cold start from content: 20% of the items held out entirely (every rating of theirs removed from
	# u1.base), item features = the 19 genre flags of u.item and (release year - 1990) / 10; NDCG@10 over
	# the held-out items only (each test user's ratings >= 4 of them in u1.test), against
	# popularity within genre (an item scores the mean training popularity of the items of its genres)
	# and each user's own genre profile (an item scores the user's share of training ratings in its genres).
	sql -c "CREATE TABLE ml_item_raw (item_id int, title text, released text, video text, url text,
		g1 int, g2 int, g3 int, g4 int, g5 int, g6 int, g7 int, g8 int, g9 int, g10 int, g11 int, g12 int, g13 int,
		g14 int, g15 int, g16 int, g17 int, g18 int, g19 int)" \
		-c "\\copy ml_item_raw FROM '$ml100k/u.item' WITH (FORMAT csv, DELIMITER '|', QUOTE E'\\x01', ENCODING 'LATIN1')"
	sql <<'SQL'
SET client_min_messages = warning;
CREATE TABLE ml_items AS
SELECT item_id, ARRAY[g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14, g15, g16, g17, g18, g19,
	(coalesce(substring(released FROM '[0-9]{4}')::int, 1995) - 1990) / 10.0]::real[] AS features
FROM ml_item_raw;
CREATE TABLE cold_items AS SELECT item_id FROM ml_items WHERE abs(hashint4(item_id * 7 + 1)) % 5 = 0;
CREATE TABLE cw_train AS SELECT * FROM ml_train WHERE item_id NOT IN (SELECT item_id FROM cold_items);
CREATE TABLE cw_test AS SELECT * FROM ml_test WHERE item_id IN (SELECT item_id FROM cold_items) AND rating >= 4;
SELECT count(*) FROM recfair.train('cold', 'cw_train', weight_col => 'rating', items => 'ml_items',
	options => '{"item_features": "features"}');
CREATE FUNCTION cold_ndcg(scores regclass) RETURNS float8 LANGUAGE plpgsql AS $f$
DECLARE r float8;
BEGIN
	EXECUTE format($q$
	WITH ranked AS (
		SELECT user_id, item_id, row_number() OVER (PARTITION BY user_id ORDER BY score DESC, item_id) AS rnk FROM %s
	), dcg AS (
		SELECT r.user_id, sum(1 / log(2, r.rnk + 1)) AS dcg FROM ranked r JOIN cw_test t USING (user_id, item_id)
		WHERE r.rnk <= 10 GROUP BY 1
	), idcg AS (
		SELECT user_id, sum(1 / log(2, g + 1)) AS idcg
		FROM (SELECT user_id, count(*) AS n FROM cw_test GROUP BY 1) c, generate_series(1, least(n, 10)::int) g GROUP BY 1
	)
	SELECT avg(coalesce(d.dcg, 0) / i.idcg) FROM idcg i LEFT JOIN dcg d USING (user_id)$q$, scores) INTO r;
	RETURN r;
END $f$;
CREATE TABLE s_model AS
SELECT u.user_id, f.item_id, recfair.inner_product(u.factors, f.factors) AS score
FROM recfair.user_factors u JOIN recfair.item_factors f ON f.model = 'cold' AND f.item_id IN (SELECT item_id FROM cold_items)
WHERE u.model = 'cold' AND u.user_id IN (SELECT user_id FROM cw_test);
CREATE TABLE genre_pop AS
SELECT g, avg(n) AS pop FROM (
	SELECT i.item_id, g, (SELECT count(*) FROM cw_train t WHERE t.item_id = i.item_id) AS n
	FROM ml_items i, generate_series(1, 19) g WHERE i.features[g] = 1 AND i.item_id NOT IN (SELECT item_id FROM cold_items)) x
GROUP BY g;
CREATE TABLE s_genre_pop AS
SELECT u.user_id, c.item_id, (SELECT coalesce(avg(p.pop), 0) FROM genre_pop p WHERE i.features[p.g] = 1) AS score
FROM (SELECT DISTINCT user_id FROM cw_test) u, cold_items c JOIN ml_items i USING (item_id);
CREATE TABLE user_genre AS
SELECT t.user_id, g, count(*)::float8 / sum(count(*)) OVER (PARTITION BY t.user_id) AS share
FROM cw_train t JOIN ml_items i USING (item_id), generate_series(1, 19) g WHERE i.features[g] = 1 GROUP BY 1, 2;
CREATE TABLE s_profile AS
SELECT u.user_id, c.item_id,
	coalesce((SELECT sum(ug.share) FROM user_genre ug WHERE ug.user_id = u.user_id AND i.features[ug.g] = 1), 0) AS score
FROM (SELECT DISTINCT user_id FROM cw_test) u, cold_items c JOIN ml_items i USING (item_id);
SQL
	echo "== cold items: $(sql -At -c "SELECT count(*) FROM cold_items") of 1682 held out, $(sql -At -c "SELECT count(DISTINCT user_id) || ' test users, ' || count(*) || ' relevant ratings' FROM cw_test"); NDCG@10 among the held-out items"
	sql -P footer=off -c "SELECT label, round(cold_ndcg(t)::numeric, 4) AS \"NDCG@10\" FROM (VALUES
		(1, 'als, item factors from the genre and year map', 's_model'), (2, 'popularity within genre', 's_genre_pop'),
		(3, 'the user''s genre profile', 's_profile')) v(o, label, t) ORDER BY o"
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
