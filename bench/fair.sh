#!/usr/bin/env bash
# Fairness trade-off on MovieLens-100k (docs/design.md's reference protocol: als with
# 64 factors, 15 iterations, regularization 0.01, alpha 1.0 on u1.base;
# u1.test, relevant = rating >= 4).  Item groups: popularity (top 20% of
# items by training interactions = head, the rest = tail) and first genre.
# For targets equal and catalog, strengths 0, 0.25, 0.5, 0.75 and 1, both
# re-rankers (per-list deficit greedy, and amortized over the users in
# order): NDCG@10 and exposure disparity@10, with NDCG change against
# strength 0.  MovieLens is read from $ML100K or ../shared/data/ml-100k
# (its licence forbids copying it into the project).
#
# Then, for popularity groups and target equal, three models side by side:
# the reference settings with both confidence definitions, and the settings
# bench/quality.sh chooses on a validation split of u1.base (regularization
# 40, alpha 1).  For each, the re-rankers against bench/fair_bound.py: the
# NDCG@10 of the best single boost for the tail on that model's scores at
# disparity 0.05, 0.025 and 0.
#
#   bench/fair.sh          (run as root; recommend_fair latency is in bench/recommend.sh)
. "$(dirname "$0")/common.sh"
"$root/scripts/install-deps.sh" python3-numpy >/dev/null

if [ ! -f "$ml100k/u1.base" ]; then
	echo "MovieLens-100k not found in $ml100k: nothing to do"
	exit 0
fi
psql -qX -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
CREATE TABLE ml_train (user_id int, item_id int, rating int, ts bigint);
CREATE TABLE ml_test (user_id int, item_id int, rating int, ts bigint);
\\copy ml_train FROM '$ml100k/u1.base'
\\copy ml_test FROM '$ml100k/u1.test'
CREATE TABLE ml_item_raw (item_id int, title text, released text, video text, url text,
	g0 int, g1 int, g2 int, g3 int, g4 int, g5 int, g6 int, g7 int, g8 int, g9 int, g10 int,
	g11 int, g12 int, g13 int, g14 int, g15 int, g16 int, g17 int, g18 int);
SET client_encoding = 'LATIN1';
\\copy ml_item_raw FROM '$ml100k/u.item' WITH (DELIMITER '|')
RESET client_encoding;
CREATE TABLE ml_items AS
WITH counts AS (SELECT item_id, count(*) AS n FROM ml_train GROUP BY item_id),
ranked AS (
	SELECT i.item_id, row_number() OVER (ORDER BY coalesce(c.n, 0) DESC, i.item_id) AS r, count(*) OVER () AS total
	FROM ml_item_raw i LEFT JOIN counts c USING (item_id))
SELECT r.item_id,
	CASE WHEN r.r <= 0.2 * r.total THEN 'head' ELSE 'tail' END AS popularity,
	(ARRAY['unknown', 'Action', 'Adventure', 'Animation', 'Children', 'Comedy', 'Crime', 'Documentary', 'Drama',
		   'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western'])[
		(SELECT min(g) FROM unnest(ARRAY[g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14, g15, g16, g17, g18])
			WITH ORDINALITY AS a(v, g) WHERE v = 1)] AS genre
FROM ranked r JOIN ml_item_raw USING (item_id);
SELECT count(*) FROM recfair.train('als', 'ml_train', weight_col => 'rating', factors => 64, iterations => 15,
	regularization => 0.01, items => 'ml_items', options => '{"alpha": 1.0, "confidence": "linear"}');
SQL

echo "== MovieLens-100k, als (seed 42), NDCG@10 and exposure disparity@10 by strength"
psql -qX -v ON_ERROR_STOP=1 -P footer=off <<'SQL'
SET client_min_messages = warning;
WITH runs AS (
	SELECT g, t, mode, s,
		max(value) FILTER (WHERE metric = 'ndcg@10') AS ndcg,
		max(value) FILTER (WHERE metric = 'exposure_disparity@10') AS disparity
	FROM unnest(ARRAY['popularity', 'genre']) g, unnest(ARRAY['equal', 'catalog']) t,
		unnest(ARRAY['greedy', 'amortized']) mode, unnest(ARRAY[0, 0.25, 0.5, 0.75, 1]) s,
		LATERAL recfair.evaluate('als', 'ml_test', 10, relevant_min => 4, rating_col => 'rating',
			group_col => g, target => t, fair => true, strength => s, amortized => mode = 'amortized')
	GROUP BY g, t, mode, s)
SELECT g AS groups, t AS target, mode, s AS strength, round(ndcg::numeric, 4) AS "NDCG@10",
	round((100 * (ndcg / first_value(ndcg) OVER w - 1))::numeric, 1) AS "NDCG change %",
	round(disparity::numeric, 4) AS disparity
FROM runs
WINDOW w AS (PARTITION BY g, t, mode ORDER BY s)
ORDER BY g DESC, t DESC, mode DESC, s;
SQL

# The same model with the reference implementation's confidence (alpha * w, bench/quality.sh), and the
# amortized mode's deficit_scale: the exposure deficit that buys one unit of scaled score, i.e. how tightly the
# cumulative shares track the target over these 456 lists (default 300).
psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "SELECT count(*) FROM recfair.train('als_ref', 'ml_train',
	weight_col => 'rating', factors => 64, iterations => 15, regularization => 0.01,
	items => 'ml_items', options => '{\"alpha\": 1.0, \"confidence\": \"alpha*w\"}')" >/dev/null
psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "SELECT count(*) FROM recfair.train('als_validated',
	'ml_train', weight_col => 'rating', factors => 64, iterations => 15, regularization => 40,
	items => 'ml_items', options => '{\"alpha\": 1.0, \"confidence\": \"linear\"}')" >/dev/null
echo "== popularity groups, target equal: three models, strength 0 and 1, the amortized deficit_scale, and strength 0.95"
psql -qX -v ON_ERROR_STOP=1 -P footer=off <<'SQL'
SET client_min_messages = warning;
WITH runs AS (
	SELECT model, label, ord,
		max(value) FILTER (WHERE metric = 'ndcg@10') AS ndcg,
		max(value) FILTER (WHERE metric = 'exposure_disparity@10') AS disparity
	FROM unnest(ARRAY['als', 'als_ref', 'als_validated']) model,
		(VALUES (1, 'strength 0', 0, false, NULL), (2, 'per list, strength 1', 1, false, NULL),
				(3, 'amortized, deficit_scale 100', 1, true, 100), (4, 'amortized, deficit_scale 300', 1, true, 300),
				(5, 'amortized, deficit_scale 500', 1, true, 500), (6, 'amortized, deficit_scale 1000', 1, true, 1000),
				(7, 'amortized, strength 0.95', 0.95, true, NULL)) AS o(ord, label, strength, amortized, deficit_scale),
		LATERAL recfair.evaluate(model, 'ml_test', 10, relevant_min => 4, rating_col => 'rating',
			group_col => 'popularity', target => 'equal', fair => true, strength => o.strength,
			amortized => o.amortized, options => jsonb_strip_nulls(jsonb_build_object('deficit_scale', o.deficit_scale)))
	GROUP BY model, label, ord)
SELECT CASE model WHEN 'als' THEN 'reg 0.01, 1+alpha*w' WHEN 'als_ref' THEN 'reg 0.01, alpha*w'
		ELSE 'reg 40 (validated)' END AS model, label AS lists,
	round(ndcg::numeric, 4) AS "NDCG@10",
	round((100 * (ndcg / first_value(ndcg) OVER w - 1))::numeric, 1) AS "NDCG change %",
	round(disparity::numeric, 4) AS disparity
FROM runs
WINDOW w AS (PARTITION BY model ORDER BY ord)
ORDER BY model, ord;
SQL

echo "== the same three models: NDCG@10 of the best single tail boost on each model's scores (bench/fair_bound.py)"
echo "model | NDCG@10 plain | disparity plain | at disparity 0.05 | at 0.025 | at 0 | boosted group"
psql -qXAt -F '|' -c "SELECT user_id, item_id, rating FROM ml_test" >"$bench_dir/test.txt"
for pair in "als:reg 0.01, 1+alpha*w" "als_ref:reg 0.01, alpha*w" "als_validated:reg 40 (validated)"; do
	model=${pair%%:*}
	mkdir -p "$bench_dir/$model"
	cp "$bench_dir/test.txt" "$bench_dir/$model/"
	psql -qXAt -F '|' -c "SELECT f.item_id, f.factors, i.popularity FROM recfair.item_factors f
		JOIN ml_items i USING (item_id) WHERE f.model = '$model'" >"$bench_dir/$model/items.txt"
	psql -qXAt -F '|' -c "SELECT user_id, factors, seen FROM recfair.user_factors WHERE model = '$model'" \
		>"$bench_dir/$model/users.txt"
	/usr/bin/python3 "$root/bench/fair_bound.py" "$bench_dir/$model" "${pair#*:}"
done
