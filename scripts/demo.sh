#!/usr/bin/env bash
# The demo (README's first command): a synthetic shop, ALS trained in the
# database, plain versus fair recommendations by brand, the exposure per
# brand before and after, accuracy and fairness as the strength varies, and
# two pictures (SVG, made with gnuplot).
#
#   scripts/demo.sh [--existing] [--prefix NAME] [--out DIR]
#
# By default (as root on a fresh Debian 12) it installs the packages it
# needs, builds and installs recfair, and runs in a throwaway cluster that
# is removed at the end.  With --existing it runs against the database that
# the standard PG* environment variables name (recfair must be installed on
# that server); it creates <prefix>_* tables and models named <prefix>_als
# and <prefix>_popularity, refuses to start if any of them exist, and drops
# nothing: it prints how to remove what it made.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

existing=false
prefix=recfair_demo
out=$repo/demo-output
while [ $# -gt 0 ]; do
	case "$1" in
		--existing) existing=true ;;
		--prefix) prefix=$2; shift ;;
		--out) out=$2; shift ;;
		-h|--help) sed -n '2,16p' "$0"; exit 0 ;;
		*) echo "demo: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
case "$prefix" in
	*[!a-z0-9_]*|[0-9]*|"") echo "demo: --prefix must be a lower-case identifier" >&2; exit 2 ;;
esac

# sizes: about a minute on 2 cores, install included
users=30000
items=8000
interactions=1200000

if ! $existing; then
	echo "== setup: packages, build, install, throwaway cluster"
	scripts/install-deps.sh gnuplot-nox
	. scripts/pg-env.sh
	make -s
	if [ ! -w "$("$PG_CONFIG" --pkglibdir)" ]; then
		echo "demo: run as root to install recfair, or use --existing with a server where it is installed" >&2
		exit 1
	fi
	make -s install
	work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-demo.XXXXXX")
	chmod 755 "$work"
	trap '"$repo/scripts/pg-cluster.sh" stop "$work/cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
	scripts/pg-cluster.sh start "$work/cluster"
	. "$work/cluster/env"
fi

mkdir -p "$out"
sql() {
	psql -X -q -v ON_ERROR_STOP=1 -v p="$prefix" -v items_t="${prefix}_items" \
		-v inter_t="${prefix}_interactions" -v test_t="${prefix}_test" "$@"
}

if $existing; then
	taken=$(sql -At -c "SELECT string_agg(c.relname, ', ') FROM pg_class c
		WHERE c.relname IN ('${prefix}_users', '${prefix}_items', '${prefix}_interactions', '${prefix}_train', '${prefix}_test')
		AND pg_table_is_visible(c.oid)")
	if [ -n "$taken" ]; then
		echo "demo: tables $taken already exist; choose another --prefix" >&2
		exit 1
	fi
	sql -c "CREATE EXTENSION IF NOT EXISTS recfair"
	taken=$(sql -At -c "SELECT string_agg(name, ', ') FROM recfair.models WHERE name IN ('${prefix}_als', '${prefix}_popularity')")
	if [ -n "$taken" ]; then
		echo "demo: models $taken already exist; choose another --prefix" >&2
		exit 1
	fi
else
	sql -c "CREATE EXTENSION recfair"
fi

sql <<SQL
SET client_min_messages = warning;
\\echo
\\echo '== 1. A synthetic shop: $users users, $items items, $interactions interactions (recfair.generate_dataset)'
SELECT table_name, rows FROM recfair.generate_dataset(:'p', $users, $items, $interactions, seed => 42);
\\echo 'Three big brands own a small part of the catalog and most of the attention:'
WITH per_brand AS (
	SELECT i.brand, count(DISTINCT i.item_id) AS items, count(*) AS interactions
	FROM :"inter_t" x JOIN :"items_t" i USING (item_id) GROUP BY i.brand)
SELECT CASE WHEN big THEN brand ELSE 'the other ' || brands || ' brands' END AS brand,
	round(100.0 * items / (SELECT count(*) FROM :"items_t"), 1) AS "% of items",
	round(100.0 * interactions / (SELECT count(*) FROM :"inter_t"), 1) AS "% of interactions"
FROM (SELECT brand IN ('Acme', 'Globex', 'Initech') AS big,
		CASE WHEN brand IN ('Acme', 'Globex', 'Initech') THEN brand END AS brand,
		count(*) AS brands, sum(items) AS items, sum(interactions) AS interactions
	  FROM per_brand GROUP BY 1, 2) b
ORDER BY big DESC, interactions DESC;

\\echo '== 2. Train/test split: 20% of each user''s interactions held out (recfair.split)'
SELECT table_name, rows FROM recfair.split((:'p' || '_interactions')::regclass, :'p', 0.2);
SQL

echo
echo "== 3. Train ALS in the database (recfair.train), one line per iteration"
sql <<SQL
SET client_min_messages = notice;
SELECT name, users, items, interactions, round(training_seconds::numeric, 2) AS seconds
FROM recfair.train(:'p' || '_als', (:'p' || '_train')::regclass, weight_col => 'weight', factors => 16, iterations => 15,
	regularization => 10, items => (:'p' || '_items')::regclass, users => (:'p' || '_users')::regclass);
SET client_min_messages = warning;
SELECT name, users, items FROM recfair.train(:'p' || '_popularity', (:'p' || '_train')::regclass, algorithm => 'popularity',
	items => (:'p' || '_items')::regclass);
SQL

sql <<SQL
SET client_min_messages = warning;
\\echo
\\echo '== 4. Serve 2,000 requests with recommend_fair(user, 10, ''brand''), amortized: every brand is'
\\echo '      due its share of the catalog, over all requests'
SELECT count(*) AS recommendations FROM (SELECT DISTINCT user_id FROM :"test_t" ORDER BY user_id LIMIT 2000) u,
	recfair.recommend_fair(u.user_id, 10, 'brand', :'p' || '_als', 'catalog', amortized => true);

\\echo
\\echo '== 5. Three shoppers: plain top 10 and fair top 10, side by side'
SELECT u.user_id AS shopper, r.rank, r.item_id AS plain, pi.brand AS plain_brand,
	f.item_id AS fair, f.group_value AS fair_brand
FROM (SELECT DISTINCT user_id FROM :"test_t" ORDER BY user_id OFFSET 2000 LIMIT 3) u,
	LATERAL recfair.recommend(u.user_id, 10, :'p' || '_als') r
	JOIN :"items_t" pi ON pi.item_id = r.item_id
	JOIN LATERAL recfair.recommend_fair(u.user_id, 10, 'brand', :'p' || '_als', 'catalog',
		amortized => true) f ON f.rank = r.rank
ORDER BY u.user_id, r.rank;

\\echo
\\echo '== 6. Exposure share per brand over the test users'' top 10, plain and fair, and the target'
CREATE TEMP TABLE exposure AS
SELECT p.group_value AS brand, p.items, p.share AS plain, f.share AS fair, p.target_share AS target
FROM recfair.exposure_report(:'p' || '_als', 'brand', 10, false, (:'p' || '_test')::regclass, 'catalog') p
JOIN recfair.exposure_report(:'p' || '_als', 'brand', 10, true, (:'p' || '_test')::regclass, 'catalog', 1.0, true) f
	USING (group_value);
SELECT brand, items, round(100 * plain::numeric, 1) AS "plain %", round(100 * fair::numeric, 1) AS "fair %",
	round(100 * target::numeric, 1) AS "target %"
FROM (SELECT * FROM exposure ORDER BY plain DESC LIMIT 6) top
UNION ALL
SELECT 'the other ' || count(*) || ' brands', sum(items), round(100 * sum(plain)::numeric, 1),
	round(100 * sum(fair)::numeric, 1), round(100 * sum(target)::numeric, 1)
FROM (SELECT * FROM exposure ORDER BY plain DESC OFFSET 6) rest;

\\echo
\\echo '== 7. Accuracy and fairness on the test set (recfair.evaluate), against the popularity baseline'
CREATE TEMP TABLE tradeoff AS
SELECT s AS strength,
	max(value) FILTER (WHERE metric = 'ndcg@10') AS ndcg,
	max(value) FILTER (WHERE metric = 'exposure_disparity@10') AS disparity,
	max(value) FILTER (WHERE metric = 'coverage@10') AS coverage
FROM unnest(ARRAY[0, 0.25, 0.5, 0.75, 1]) s,
	recfair.evaluate(:'p' || '_als', (:'p' || '_test')::regclass, 10, group_col => 'brand', target => 'catalog',
		fair => true, amortized => true, strength => s)
GROUP BY s;
SELECT model, "NDCG@10", "exposure disparity@10", "coverage@10" FROM (
	SELECT 0 AS ord, 'popularity' AS model,
		round(max(value) FILTER (WHERE metric = 'ndcg@10')::numeric, 4) AS "NDCG@10",
		round(max(value) FILTER (WHERE metric = 'exposure_disparity@10')::numeric, 4) AS "exposure disparity@10",
		round(max(value) FILTER (WHERE metric = 'coverage@10')::numeric, 4) AS "coverage@10"
	FROM recfair.evaluate(:'p' || '_popularity', (:'p' || '_test')::regclass, 10, group_col => 'brand', target => 'catalog')
	UNION ALL
	SELECT 1 + strength, 'als, ' || CASE WHEN strength = 0 THEN 'plain' ELSE 'fair, strength ' || strength END,
		round(ndcg::numeric, 4), round(disparity::numeric, 4), round(coverage::numeric, 4)
	FROM tradeoff WHERE strength IN (0, 0.5, 1)) t
ORDER BY ord;

\\pset format unaligned
\\pset tuples_only on
\\pset fieldsep ' '
\\o $out/exposure.dat
SELECT replace(brand, ' ', '_'), plain, fair, target FROM (SELECT * FROM exposure ORDER BY plain DESC LIMIT 12) top
UNION ALL
SELECT 'other_' || count(*) || '_brands', sum(plain), sum(fair), sum(target) FROM (SELECT * FROM exposure ORDER BY plain DESC OFFSET 12) rest;
\\o $out/tradeoff.dat
SELECT strength, disparity, ndcg FROM tradeoff ORDER BY strength;
\\o
SQL

echo
if command -v gnuplot >/dev/null; then
	gnuplot <<GP
set terminal svg size 1000,520 dynamic font "sans,12" noenhanced
set output "$out/exposure_by_brand.svg"
set title "Exposure share per brand in the top 10: plain ALS vs recommend_fair (target: share of the catalog)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set ylabel "share of exposure"
set xtics rotate by -35 noenhanced
set key top center
set grid ytics
plot "$out/exposure.dat" using 2:xtic(1) title "plain", "" using 3 title "fair", "" using 4 title "target"
set output "$out/ndcg_vs_disparity.svg"
set terminal svg size 800,520 dynamic font "sans,12" noenhanced
set title "Accuracy against fairness as the strength of recommend_fair goes from 0 to 1"
unset style
set style data linespoints
set xlabel "exposure disparity@10 by brand (0 = every brand gets its target)"
set ylabel "NDCG@10"
set xtics norotate
set key off
plot "$out/tradeoff.dat" using 2:3 with linespoints pointtype 7 pointsize 1.2 linewidth 2, \
	"" using 2:3:(sprintf("strength %.2f", \$1)) with labels offset 0,1.2 notitle
GP
	echo "Pictures: $out/exposure_by_brand.svg and $out/ndcg_vs_disparity.svg"
else
	echo "Pictures skipped: gnuplot is not installed (apt-get install gnuplot-nox); data in $out"
fi

if $existing; then
	echo
	echo "The demo made, in your database: tables ${prefix}_users, ${prefix}_items, ${prefix}_interactions,"
	echo "${prefix}_train and ${prefix}_test, and models ${prefix}_als and ${prefix}_popularity.  To remove them:"
	echo "  SELECT recfair.drop_model('${prefix}_als'), recfair.drop_model('${prefix}_popularity');"
	echo "  SELECT recfair.reset_fair_exposure('${prefix}_als');"
	echo "  DROP TABLE ${prefix}_users, ${prefix}_items, ${prefix}_interactions, ${prefix}_train, ${prefix}_test;"
fi
