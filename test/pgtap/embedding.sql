-- pgTAP: recfair.embedding values, errors with their SQLSTATE, catalog properties
BEGIN;
SET search_path = recfair, public;
SELECT plan(85);

-- the type and its catalog properties
SELECT has_type('recfair', 'embedding', 'type recfair.embedding exists');
SELECT is(format_type('recfair.embedding'::regtype, 8), 'embedding(8)', 'typmod is the dimensions');
SELECT functions_are('recfair', ARRAY[
	'embedding_in', 'embedding_out', 'embedding_typmod_in', 'embedding_recv', 'embedding_send',
	'embedding', 'array_to_embedding', 'embedding_to_float4_array', 'embedding_to_float8_array',
	'dims', 'norm', 'normalize', 'l2_normalize', 'inner_product', 'negative_inner_product', 'cosine_similarity',
	'cosine_distance', 'l2_distance', 'embedding_add', 'embedding_sub', 'embedding_mul',
	'scalar_embedding_mul', 'embedding_eq', 'embedding_ne', 'embedding_lt', 'embedding_le',
	'embedding_gt', 'embedding_ge', 'embedding_cmp', 'embedding_hash', 'embedding_agg_accum_array', 'als_gram_accum', 'als_gram_combine', 'als_gram_final',
	'gram', 'als_normal_accum', 'als_normal_combine', 'als_normal', 'als_normal_explicit_accum', 'als_normal_explicit',
	'als_solve', 'als_solve_explicit', 'als_fit',
	'embedding_agg_combine_array',
	'embedding_sum_final_array', 'embedding_avg_final_array', 'sum', 'avg', 'build_info', 'train', 'drop_model',
	'recommend', 'similar_items', 'recommend_for_items', 'recommend_support', 'generate_dataset', 'evaluate', 'split', 'exposure_report', 'recommend_fair', 'register_tables', 'lock_model',
	'explain', 'recommend_explained', 'recommend_fair_explained', 'recommend_fair_batch', 'recommend_or_popular', 'recommend_fair_or_popular', 'recommend_all', 'build_index', 'drop_index', 'shared_models', 'recommend_fair_for_items', 'tune', 'evaluate_per_user', 'feature_map_accum', 'feature_map_combine',
	'feature_map', 'feature_map_solve', 'feature_map_apply', 'add_cold_rows', 'grant_serving', 'retrain', 'drop_split', 'rerank_fair', 'reset_fair_exposure', 'training_progress_info', 'idset_in', 'idset_out', 'idset_recv', 'idset_send', 'idset', 'ids',
	'cardinality', 'idset_eq', 'idset_ne', 'fair_top_k_accum', 'fair_top_k_combine', 'fair_top_k_serialize',
	'fair_top_k_deserialize', 'fair_top_k_final', 'fair_top_k'],
	'exactly the expected functions');
SELECT is((SELECT string_agg(proname || ':' || proparallel::text, ',' ORDER BY proname) FROM pg_proc
		   WHERE pronamespace = 'recfair'::regnamespace AND proparallel <> 's'),
	'add_cold_rows:u,build_index:u,drop_index:u,drop_model:u,drop_split:u,evaluate:r,evaluate_per_user:r,explain:r,exposure_report:r,generate_dataset:u,grant_serving:u,lock_model:u,recommend:r,recommend_all:u,recommend_explained:r,recommend_fair:u,recommend_fair_batch:r,recommend_fair_explained:u,recommend_fair_for_items:u,recommend_fair_or_popular:r,recommend_for_items:r,recommend_or_popular:r,register_tables:u,reset_fair_exposure:u,retrain:u,shared_models:r,similar_items:r,split:u,train:u,training_progress_info:r,tune:u',
	'parallel safe but for what writes (unsafe) and what reads models through SPI (restricted)');
SELECT is((SELECT string_agg(proname || ':' || provolatile::text, ',' ORDER BY proname) FROM pg_proc
		   WHERE pronamespace = 'recfair'::regnamespace AND prokind = 'f' AND provolatile <> 'i'),
	'add_cold_rows:v,build_index:v,build_info:s,drop_index:v,drop_model:v,drop_split:v,evaluate:s,evaluate_per_user:s,explain:s,exposure_report:s,generate_dataset:v,grant_serving:v,lock_model:v,recommend:s,recommend_all:v,recommend_explained:s,recommend_fair:v,recommend_fair_batch:s,recommend_fair_explained:v,recommend_fair_for_items:v,recommend_fair_or_popular:s,recommend_for_items:s,recommend_or_popular:s,register_tables:v,reset_fair_exposure:v,retrain:v,shared_models:v,similar_items:s,split:v,train:v,training_progress_info:v,tune:v',
	'the type functions and rerank_fair are immutable; reading models stable; writing volatile');
SELECT is((SELECT string_agg(proname, ',' ORDER BY proname) FROM pg_proc
		   WHERE pronamespace = 'recfair'::regnamespace AND prokind = 'f' AND NOT proisstrict),
	'als_gram_accum,als_gram_combine,als_gram_final,als_normal_accum,als_normal_combine,als_normal_explicit_accum,build_index,build_info,drop_index,embedding_agg_accum_array,embedding_agg_combine_array,embedding_avg_final_array,embedding_sum_final_array,evaluate,evaluate_per_user,explain,exposure_report,fair_top_k_accum,fair_top_k_accum,fair_top_k_combine,fair_top_k_final,feature_map_accum,feature_map_combine,generate_dataset,grant_serving,recommend,recommend_all,recommend_explained,recommend_fair,recommend_fair_batch,recommend_fair_explained,recommend_fair_for_items,recommend_fair_or_popular,recommend_for_items,recommend_or_popular,register_tables,rerank_fair,reset_fair_exposure,retrain,shared_models,similar_items,split,train,training_progress_info,tune',
	'non-strict: aggregate support, build_info, and the functions with optional (NULL) model or weight arguments');
SELECT is((SELECT string_agg(p.proname || ':' || format_type(a.aggtranstype, NULL) || ':'
		   || (a.aggserialfn <> 0)::text, ',' ORDER BY p.proname, p.pronargs) FROM pg_aggregate a
		   JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.pronamespace = 'recfair'::regnamespace AND a.aggcombinefn <> 0),
	'als_normal:double precision[]:false,als_normal_explicit:double precision[]:false,avg:double precision[]:false,fair_top_k:internal:true,fair_top_k:internal:true,feature_map:double precision[]:false,gram:double precision[]:false,sum:double precision[]:false',
	'sum, avg, the ALS aggregates and feature_map combine a double precision[] state (no serial functions needed); fair_top_k an internal one, serialized');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.<#>(recfair.embedding,recfair.embedding)')), 'double precision', 'operator <#>');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.<=>(recfair.embedding,recfair.embedding)')), 'double precision', 'operator <=>');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.<->(recfair.embedding,recfair.embedding)')), 'double precision', 'operator <->');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.+(recfair.embedding,recfair.embedding)')), 'embedding', 'operator +');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.-(recfair.embedding,recfair.embedding)')), 'embedding', 'operator -');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.*(recfair.embedding,real)')), 'embedding', 'operator * (embedding, real)');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.*(real,recfair.embedding)')), 'embedding', 'operator * (real, embedding)');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.=(recfair.embedding,recfair.embedding)')), 'boolean', 'operator =');
SELECT is((SELECT oprresult::regtype::text FROM pg_operator WHERE oid = to_regoperator('recfair.<>(recfair.embedding,recfair.embedding)')), 'boolean', 'operator <>');
SELECT is((SELECT count(*)::int FROM pg_description d JOIN pg_proc p ON d.objoid = p.oid
		   WHERE p.pronamespace = 'recfair'::regnamespace AND p.proname IN
		   ('dims', 'norm', 'normalize', 'l2_normalize', 'inner_product', 'cosine_similarity', 'sum', 'avg', 'build_info',
			'training_progress_info')),
	10, 'public functions and aggregates have comments');

-- values, against hand computation
SELECT is('[0.5,-1,2e3]'::embedding::text, '[0.5,-1,2000]', 'text output');
SELECT is(dims('[1,2,3]'), 3, 'dims');
SELECT is(norm('[3,4]'), 5::float8, 'norm');
SELECT is(recfair.normalize('[3,4]'::embedding), '[0.6,0.8]'::embedding, 'normalize');
SELECT is(recfair.normalize('[0,0]'::embedding), '[0,0]'::embedding, 'normalize leaves zero alone');
SELECT is(recfair.l2_normalize('[3,4]'::embedding), '[0.6,0.8]'::embedding, 'l2_normalize, pgvector''s name for normalize');
SELECT is(recfair.l2_normalize('[0,0,0]'::embedding), '[0,0,0]'::embedding, 'l2_normalize leaves zero alone');
SELECT is(inner_product('[1,2,3]', '[4,5,6]'), 32::float8, 'inner_product');
SELECT is('[1,2,3]'::embedding <#> '[4,5,6]', -32::float8, '<#> is the negative inner product');
SELECT is(negative_inner_product('[1,2]', '[3,4]'), -11::float8, 'negative_inner_product');
SELECT is(cosine_similarity('[1,2]', '[-2,-4]'), -1::float8, 'cosine_similarity of opposite vectors');
SELECT ok(abs(cosine_similarity('[3,0]', '[1,1]') - 1 / sqrt(2::float8)) < 1e-15, 'cosine_similarity at 45 degrees');
SELECT is('[1,0]'::embedding <=> '[0,2]', 1::float8, '<=> of orthogonal vectors');
SELECT is(cosine_distance('[2,0]', '[5,0]'), 0::float8, 'cosine_distance of parallel vectors');
SELECT ok(cosine_distance('[0,0]', '[1,1]') = 'NaN', 'cosine_distance with the zero embedding is NaN');
SELECT is('[1,2]'::embedding <-> '[4,6]', 5::float8, '<-> Euclidean distance');
SELECT is(l2_distance('[1]', '[1]'), 0::float8, 'l2_distance to itself');
SELECT is('[1,2]'::embedding + '[0.5,-3]', '[1.5,-1]'::embedding, '+');
SELECT is('[1,2]'::embedding - '[0.5,-3]', '[0.5,5]'::embedding, '-');
SELECT is('[1,-2]'::embedding * 1.5, '[1.5,-3]'::embedding, 'embedding * real');
SELECT is(-2 * '[1,-2]'::embedding, '[-2,4]'::embedding, 'real * embedding');
SELECT is((SELECT sum(e) FROM (VALUES ('[1,2]'::embedding), ('[3,-4]'), (NULL)) v(e)),
	'[4,-2]'::embedding, 'sum ignores NULL');
SELECT is((SELECT avg(e) FROM (VALUES ('[1,2]'::embedding), ('[3,-4]'), (NULL)) v(e)),
	'[2,-1]'::embedding, 'avg ignores NULL');
SELECT is((SELECT avg(e) FROM (VALUES (NULL::embedding)) v(e)), NULL, 'avg of only NULL is NULL');
SELECT is('{1,2.5}'::real[]::embedding, '[1,2.5]'::embedding, 'real[] to embedding');
SELECT is('{1,2.5}'::float8[]::embedding, '[1,2.5]'::embedding, 'double precision[] to embedding');
SELECT is('[1,2.5]'::embedding::real[], '{1,2.5}'::real[], 'embedding to real[]');
SELECT is('[0.1]'::embedding::float8[], ARRAY[0.1::real::float8], 'embedding to double precision[] is exact');
SELECT is(embedding_send('[1,-2]'), '\x000200003f800000c0000000'::bytea, 'binary send format');
SELECT is(embedding_hash('[0,1]'), embedding_hash('[-0,1]'), 'hash agrees with = on -0');
SELECT is(embedding_cmp('[1,2]', '[1,2,3]'), -1, 'shorter prefix sorts first');
SELECT ok('[1,2]'::embedding = '[1,2]' AND '[1,2]'::embedding <> '[1,3]', '= and <>');
SELECT is(build_info() ->> 'recfair_version',
	(SELECT extversion FROM pg_extension WHERE extname = 'recfair'), 'build_info: version');
SELECT ok(build_info() ->> 'openblas_config' LIKE 'OpenBLAS%', 'build_info: OpenBLAS is linked');
SELECT ok(length(build_info() ->> 'openblas_core') > 0, 'build_info: OpenBLAS core');

-- NULL in, NULL out
SELECT is(norm(NULL), NULL, 'norm(NULL)');
SELECT is(inner_product('[1]', NULL), NULL, 'inner_product with NULL');
SELECT is(NULL::embedding <-> '[1]', NULL, '<-> with NULL');

-- bad input: data exceptions (class 22) with their SQLSTATE
SELECT throws_ok($$SELECT '[NaN]'::embedding$$, '22000', 'NaN not allowed in embedding', 'NaN');
SELECT throws_ok($$SELECT '[1,Infinity]'::embedding$$, '22000', 'infinite value not allowed in embedding', 'Infinity');
SELECT throws_ok($$SELECT '[-inf]'::embedding$$, '22000', 'infinite value not allowed in embedding', '-inf');
SELECT throws_ok($$SELECT '[]'::embedding$$, '22000', 'embedding must have at least 1 dimension', 'empty');
SELECT throws_ok($$SELECT '[1,2'::embedding$$, '22P02', 'malformed embedding literal: "[1,2"', 'unterminated');
SELECT throws_ok($$SELECT '(1,2)'::embedding$$, '22P02', NULL, 'wrong brackets');
SELECT throws_ok($$SELECT '[1;2]'::embedding$$, '22P02', NULL, 'wrong separator');
SELECT throws_ok($$SELECT '[x]'::embedding$$, '22P02', NULL, 'not a number');
SELECT throws_ok($$SELECT '[1e40]'::embedding$$, '22003', NULL, 'out of range for real');
SELECT throws_ok($$SELECT ('[' || repeat('0,', 16000) || '0]')::embedding$$, '54000',
	'embedding cannot have more than 16000 dimensions', 'more than 16,000 dimensions');
SELECT throws_ok($$SELECT array_fill(1::real, ARRAY[16001])::embedding$$, '54000',
	'embedding cannot have more than 16000 dimensions', 'more than 16,000 dimensions from an array');
SELECT throws_ok($$SELECT '[1,2]'::embedding + '[1]'$$, '22000', 'different embedding dimensions 2 and 1', '+ mismatch');
SELECT throws_ok($$SELECT '[1,2]'::embedding <=> '[1]'$$, '22000', NULL, '<=> mismatch');
SELECT throws_ok($$SELECT l2_distance('[1,2]', '[1]')$$, '22000', NULL, 'l2_distance mismatch');
SELECT throws_ok($$SELECT avg(e) FROM (VALUES ('[1]'::embedding), ('[1,2]')) v(e)$$, '22000', NULL, 'avg mismatch');
SELECT throws_ok($$SELECT '[1,2]'::embedding(3)$$, '22000', 'expected 3 dimensions, not 2', 'typmod mismatch');
SELECT throws_ok($$SELECT '{1,2}'::real[]::embedding(1)$$, '22000', 'expected 1 dimensions, not 2', 'typmod mismatch from array');
SELECT throws_ok($$SELECT '[1]'::embedding(16001)$$, '22023', NULL, 'typmod above the limit');
SELECT throws_ok($$SELECT '[1]'::embedding(0)$$, '22023', NULL, 'typmod zero');
SELECT throws_ok($$SELECT '{1,NULL}'::real[]::embedding$$, '22004', 'array must not contain nulls', 'NULL element');
SELECT throws_ok($$SELECT '{{1},{2}}'::real[]::embedding$$, '2202E', 'array must be one-dimensional', '2-D array');
SELECT throws_ok($$SELECT '{NaN}'::float8[]::embedding$$, '22000', NULL, 'NaN in an array');
SELECT throws_ok($$SELECT '{1e100}'::float8[]::embedding$$, '22003', NULL, 'double out of real range');
SELECT throws_ok($$SELECT '[3e38]'::embedding * 2$$, '22003', NULL, 'overflow in *');
SELECT throws_ok($$SELECT '[3e38]'::embedding + '[3e38]'$$, '22003', NULL, 'overflow in +');
SELECT throws_ok($$SELECT '[1,1e-30]'::embedding * 1e-30$$, '22003', 'value out of range: underflow',
	'underflow in *, as real * real');
SELECT is('[0,1e-30]'::embedding * 0, '[0,0]'::embedding, 'times zero is no underflow');
SELECT throws_ok($$SELECT sum(e) FROM (VALUES ('[3e38]'::embedding), ('[3e38]')) v(e)$$, '22003', NULL, 'overflow in sum');
SELECT throws_ok($$SELECT '[1]'::embedding * 'NaN'::real$$, '22000', NULL, 'multiply by NaN');

SELECT is((SELECT count(*)::int FROM (
	SELECT p.oid FROM pg_proc p WHERE pronamespace = 'recfair'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL
	UNION ALL SELECT o.oid FROM pg_operator o WHERE oprnamespace = 'recfair'::regnamespace AND obj_description(o.oid, 'pg_operator') IS NULL
	UNION ALL SELECT t.oid FROM pg_type t WHERE typnamespace = 'recfair'::regnamespace AND t.typtype <> 'c' AND t.typelem = 0
		AND obj_description(t.oid, 'pg_type') IS NULL
	UNION ALL SELECT c.oid FROM pg_class c WHERE relnamespace = 'recfair'::regnamespace AND relkind IN ('r', 'v', 'S')
		AND obj_description(c.oid, 'pg_class') IS NULL
	UNION ALL SELECT oid FROM pg_opclass WHERE opcnamespace = 'recfair'::regnamespace AND obj_description(oid, 'pg_opclass') IS NULL) missing),
	0, 'every public object has a comment (\df+, BI tools)');
SELECT * FROM finish();
ROLLBACK;
