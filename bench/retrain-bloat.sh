#!/usr/bin/env bash
# Model-table bloat under repeated retrains: the on-disk size of recfair's
# model tables (models, user_factors, item_factors and the rest, with
# indexes and TOAST) after one training (all live rows), after 30 retrains
# back to back, after a plain VACUUM and 30 more, and over 30 cycles of
# retrain then VACUUM, on a generated shop of 5,000 users, 2,000 items and
# 150,000 interactions.  A retrain replaces a model's rows in one
# transaction, so each leaves one model's worth of dead rows; VACUUM (or
# autovacuum, which the default autovacuum_vacuum_scale_factor of 0.2
# triggers after every retrain) makes their space reusable.
#
#   bench/retrain-bloat.sh     (run as root)
. "$(dirname "$0")/common.sh"

size() {
	psql -qXAt -c "SELECT pg_catalog.round(pg_catalog.sum(pg_catalog.pg_total_relation_size(c.oid)) / 1048576.0, 1)
		FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class c ON c.oid = d.objid
		WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e' AND c.relkind = 'r'
		  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'recfair')"
}
retrain() {	# times
	for _ in $(seq "$1"); do
		psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
			-c "SELECT FROM recfair.retrain('shop_als')" >/dev/null
		if [ "${2:-}" = vacuum ]; then
			psql -qX -c "VACUUM recfair.models, recfair.user_factors, recfair.item_factors"
		fi
	done
}

psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
	-c "SELECT FROM recfair.generate_dataset('shop', 5000, 2000, 150000)" \
	-c "SELECT FROM recfair.train('shop_als', 'shop_interactions')"  >/dev/null
live=$(size)
echo "== recfair model tables, MB (5,000 users x 2,000 items, 64 factors)"
echo "one training (live rows):              $live"
retrain 30
echo "30 retrains back to back:              $(size)"
psql -qX -c "VACUUM recfair.models, recfair.user_factors, recfair.item_factors"
retrain 30
echo "VACUUM, then 30 more retrains:         $(size)"
psql -qX -c "VACUUM recfair.models, recfair.user_factors, recfair.item_factors"
retrain 30 vacuum
echo "VACUUM, then 30 x (retrain, VACUUM):   $(size)"
psql -qX -c "VACUUM FULL recfair.models, recfair.user_factors, recfair.item_factors"
echo "VACUUM FULL (live rows again):         $(size)"
