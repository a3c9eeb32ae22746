-- pgTAP: recfair's generated SQL cannot be hijacked through search_path.
-- An attacker who may create objects in public plants operators for every
-- pair of common types and copies of the functions recfair's SQL uses;
-- each records that it ran in a sequence (not undone by a rollback).  A
-- superuser then calls every SQL function of recfair, first with
-- search_path = public, recfair (pg_catalog searched first, implicitly:
-- only inexact matches can be hijacked, such as bigint * float8), then with
-- public before pg_catalog (every unqualified operator or function would
-- be).  Nothing planted may ever run.
BEGIN;
SELECT plan(5);

CREATE SEQUENCE public.hijacked;
CREATE FUNCTION public.hijack_note() RETURNS void LANGUAGE sql AS
	$$ SELECT pg_catalog.nextval('public.hijacked'::pg_catalog.regclass) $$;

-- operators over every pair of these types (planted with pg_catalog alone on
-- the path: the planting code's own expressions must not meet them)
SET LOCAL search_path = pg_catalog;
DO $$
DECLARE
	types text[] := ARRAY['smallint', 'integer', 'bigint', 'real', 'double precision', 'numeric', 'text', 'name',
						  'jsonb', 'boolean', 'oid', 'regclass'];
	ops text[] := ARRAY['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '||', '->>', '->', '~~', '&'];
	l text;
	r text;
	op text;
	fn text;
	n int := 0;
BEGIN
	FOREACH l IN ARRAY types LOOP
		FOREACH r IN ARRAY types LOOP
			n := n + 1;
			fn := format('public.hijack_op_%s', n);
			EXECUTE format('CREATE FUNCTION %s(%s, %s) RETURNS boolean LANGUAGE plpgsql AS '
						   '$f$ BEGIN PERFORM public.hijack_note(); RETURN NULL; END $f$', fn, l, r);
			FOREACH op IN ARRAY ops LOOP
				EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %s)', op, l, r, fn);
			END LOOP;
		END LOOP;
		-- prefix minus
		EXECUTE format('CREATE FUNCTION public.hijack_neg(%s) RETURNS boolean LANGUAGE plpgsql AS '
					   '$f$ BEGIN PERFORM public.hijack_note(); RETURN NULL; END $f$', l);
		EXECUTE format('CREATE OPERATOR public.- (RIGHTARG = %s, FUNCTION = public.hijack_neg)', l);
	END LOOP;
END $$;

-- copies of functions generated SQL calls or could call
CREATE FUNCTION public.nextval(text) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN 1; END $$;
CREATE FUNCTION public.nextval(regclass) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN 1; END $$;
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN NULL; END $$;
CREATE FUNCTION public.hashtextextended(text, bigint) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN 1; END $$;
CREATE FUNCTION public.hashtextextended(text, integer) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN 1; END $$;
CREATE FUNCTION public.pg_advisory_xact_lock(bigint) RETURNS void LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); END $$;
CREATE FUNCTION public.hashint8extended(bigint, bigint) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN 1; END $$;
CREATE FUNCTION public.random() RETURNS double precision LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN 0.5; END $$;
CREATE FUNCTION public.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN QUERY SELECT pg_catalog.unnest($1); END $$;
CREATE FUNCTION public.array_length(anyarray, integer) RETURNS integer LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN 1; END $$;
CREATE FUNCTION public.format(text) RETURNS text LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN $1; END $$;
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN $1; END $$;
CREATE FUNCTION public.hijack_sfunc(double precision, double precision) RETURNS double precision LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN $1; END $$;
CREATE AGGREGATE public.sum(double precision) (SFUNC = public.hijack_sfunc, STYPE = double precision);
CREATE FUNCTION public.hijack_count0(bigint) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN PERFORM public.hijack_note(); RETURN $1; END $$;
CREATE AGGREGATE public.count(*) (SFUNC = public.hijack_count0, STYPE = bigint, INITCOND = '0');

CREATE FUNCTION pg_temp.planted_calls() RETURNS bigint LANGUAGE sql AS
	$$ SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM public.hijacked $$;

-- The calls: every SQL function of recfair, on data it generates itself.
-- Table names only as sources, so that no operator in the test's own text
-- resolves to a planted one.
CREATE FUNCTION pg_temp.every_function(tag text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	p text := pg_catalog.format('hj_%s', tag);
BEGIN
	PERFORM recfair.generate_dataset(p, 300, 120, 6000, seed => 7);
	PERFORM recfair.split(pg_catalog.format('%s_interactions', p)::pg_catalog.regclass, p, 0.2);
	PERFORM recfair.split(pg_catalog.format('%s_interactions', p)::pg_catalog.regclass, pg_catalog.format('%s_t', p), 0.25,
						  method => 'time', time_col => 'ts');
	PERFORM recfair.split(NULL, pg_catalog.format('%s_q', p), 0.25, seed => 5,
						  source_query => pg_catalog.format('SELECT * FROM %s_interactions', p));
	PERFORM recfair.train(p, pg_catalog.format('%s_train', p)::pg_catalog.regclass, weight_col => 'weight', factors => 4,
						  iterations => 2, items => pg_catalog.format('%s_items', p)::pg_catalog.regclass,
						  users => pg_catalog.format('%s_users', p)::pg_catalog.regclass);
	PERFORM recfair.train(p, pg_catalog.format('%s_train', p)::pg_catalog.regclass, weight_col => 'weight', factors => 4,
						  iterations => 2);	-- a retrain
	PERFORM recfair.train(pg_catalog.format('%s_q', p), source_query => pg_catalog.format('SELECT * FROM %s_train', p),
						  factors => 4, iterations => 2);
	PERFORM recfair.train(pg_catalog.format('%s_x', p), pg_catalog.format('%s_train', p)::pg_catalog.regclass,
						  weight_col => 'weight', algorithm => 'als_explicit', factors => 4, iterations => 2,
						  regularization => 0.1, seed => 3, options => '{"solver": "cholesky"}');
	PERFORM recfair.train(pg_catalog.format('%s_pop', p), pg_catalog.format('%s_train', p)::pg_catalog.regclass,
						  algorithm => 'popularity');
	-- the aggregate engine's generated queries (work tables in the first schema of the search path)
	PERFORM recfair.train(pg_catalog.format('%s_agg', p), pg_catalog.format('%s_train', p)::pg_catalog.regclass,
						  weight_col => 'weight', factors => 4, iterations => 2, options => '{"engine": "aggregates"}');
	PERFORM recfair.register_tables(pg_catalog.format('%s_x', p), pg_catalog.format('%s_items', p)::pg_catalog.regclass,
									'item_id', pg_catalog.format('%s_users', p)::pg_catalog.regclass, 'user_id');
	PERFORM recfair.recommend(1, 5, p);
	PERFORM recfair.recommend(1, 5, pg_catalog.format('%s_x', p), exclude_seen => false);
	PERFORM recfair.similar_items(1, 5, p);
	PERFORM recfair.recommend_for_items(ARRAY[1, 2, 3]::bigint[], 5, p);
	PERFORM recfair.recommend_fair(1, 5, 'brand', p);
	PERFORM recfair.recommend_fair(2, 5, 'price_tier', p, target => 'catalog');
	PERFORM recfair.recommend_fair(3, 5, 'brand', p, target => 'merit', strength => 0.5);
	PERFORM recfair.recommend_fair(4, 5, 'brand', p, amortized => true);
	PERFORM recfair.rerank_fair(ARRAY[1, 2, 3]::bigint[], ARRAY[0.3, 0.2, 0.1]::real[], ARRAY['a', 'b', 'a'], 2);
	PERFORM recfair.exposure_report(p, 'brand', 5);
	PERFORM recfair.exposure_report(p, 'brand', 5, fair => true, users => pg_catalog.format('%s_test', p)::pg_catalog.regclass,
									target => 'catalog');
	PERFORM recfair.exposure_report(p, 'brand', 5, users_query => pg_catalog.format('SELECT * FROM %s_test', p),
									candidates => 60, options => '{"deficit_scale": 50}');
	PERFORM recfair.exposure_report(p, 'brand', 5, fair => true, amortized => true);
	PERFORM recfair.evaluate(p, pg_catalog.format('%s_test', p)::pg_catalog.regclass, 5);
	PERFORM recfair.evaluate(p, pg_catalog.format('%s_test', p)::pg_catalog.regclass, 5, group_col => 'brand',
							 user_group_col => 'segment', fair => true, amortized => true);
	PERFORM recfair.evaluate(p, NULL, 5, test_query => pg_catalog.format('SELECT * FROM %s_test', p),
							 group_col => 'brand', target => 'catalog', candidates => 60);
	PERFORM recfair.evaluate(pg_catalog.format('%s_x', p), pg_catalog.format('%s_test', p)::pg_catalog.regclass, 5,
							 rating_col => 'weight', relevant_min => 2);
	PERFORM recfair.evaluate(pg_catalog.format('%s_pop', p), pg_catalog.format('%s_test', p)::pg_catalog.regclass, 5);
	PERFORM recfair.reset_fair_exposure(p, 'brand');
	PERFORM recfair.build_info();
	PERFORM recfair.dims(f.factors), recfair.norm(f.factors), recfair.normalize(f.factors),
			recfair.inner_product(f.factors, f.factors), recfair.cosine_similarity(f.factors, f.factors),
			recfair.l2_distance(f.factors, f.factors)
		FROM recfair.item_factors f WHERE f.model OPERATOR(pg_catalog.=) p LIMIT 3;
	PERFORM recfair.sum(f.factors), recfair.avg(f.factors) FROM recfair.item_factors f WHERE f.model OPERATOR(pg_catalog.=) p;
	PERFORM recfair.ids(recfair.idset(ARRAY[3, 1, 2]::bigint[])), recfair.cardinality(f.seen)
		FROM recfair.user_factors f LIMIT 3;
	PERFORM recfair.drop_model(pg_catalog.format('%s_pop', p));
	RETURN pg_catalog.format('planted %s', pg_temp.planted_calls());
END $$;

-- (pgTAP's own functions meet the planted objects too when public comes
-- first, so results are kept in psql variables and checked afterwards)
SET LOCAL search_path = public, recfair;
SELECT pg_temp.every_function('a') AS run_a \gset
SET LOCAL search_path = public, pg_catalog, recfair;
SELECT pg_temp.every_function('b') AS run_b \gset
-- the planted objects do work: an unqualified comparison in the test itself runs one
SELECT count(*) AS trap_rows FROM public.hj_a_items WHERE item_id = 1 \gset
SELECT pg_temp.planted_calls() AS trap_calls \gset
SET LOCAL search_path = public, recfair;
SELECT setval('public.hijacked', 1, false);
-- bigint * float8 has no exact operator in pg_catalog, so the planted one runs even with pg_catalog first
SELECT count(*) AS inexact_rows FROM public.hj_a_items WHERE item_id::bigint * 1.5::float8 > 0 \gset
SELECT pg_temp.planted_calls() AS inexact_calls \gset

-- remove what was planted (pgTAP itself lives in public and would meet it;
-- the cascades' NOTICEs, one per planted operator, say nothing)
SET LOCAL search_path = pg_catalog;
SET LOCAL client_min_messages = warning;
DO $$
DECLARE
	f text;
BEGIN
	-- names taken first: a CASCADE below drops some of the later ones
	FOREACH f IN ARRAY ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
			 WHERE p.pronamespace = 'public'::regnamespace
			   AND (p.proname LIKE 'hijack\_%' OR p.proname IN ('nextval', 'now', 'hashtextextended',
					'pg_advisory_xact_lock', 'hashint8extended', 'random', 'unnest', 'array_length', 'format',
					'lower', 'sum', 'count'))
			 ORDER BY p.prokind DESC)	-- aggregates before their state functions
	LOOP
		EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', f);
	END LOOP;
END $$;
SET LOCAL search_path = public, recfair;

SELECT is(:'run_a'::text, 'planted 0', 'every function with search_path = public, recfair: no planted object ran');
SELECT is(:'run_b'::text, 'planted 0', 'every function with public before pg_catalog: no planted object ran');
SELECT ok(:trap_calls > 0, '(with public before pg_catalog, an unqualified = runs the planted operator)');
SELECT ok(:inexact_calls > 0, '(bigint * float8 runs the planted operator even with pg_catalog first)');
SELECT is((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), true, 'all of this ran as a superuser');

SELECT * FROM finish();
ROLLBACK;
