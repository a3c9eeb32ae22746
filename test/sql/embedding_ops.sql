-- recfair.embedding: functions, operators, comparison
SET search_path = recfair, public;

-- functions, checked against hand-computed values
SELECT dims('[1,2,3]'::embedding), norm('[3,4]'), norm('[0,0]');
-- NORMALIZE(...) is SQL syntax for Unicode normalization: the function is
-- called schema-qualified
SELECT recfair.normalize('[3,4]'), recfair.normalize('[0,0]'), recfair.normalize('[-2]');
SELECT normalize('[3,4]'::embedding);
SELECT norm(recfair.normalize('[1,2,3,4,5]')) BETWEEN 1 - 1e-7 AND 1 + 1e-7 AS unit;
SELECT inner_product('[1,2,3]', '[4,5,-6]');           -- 4 + 10 - 18 = -4
SELECT negative_inner_product('[1,2,3]', '[4,5,-6]');  -- 4
SELECT '[1,2,3]'::embedding <#> '[4,5,6]';             -- -32
SELECT inner_product('[0.1]', '[0.1]');  -- float4 0.1 squared in double
SELECT cosine_similarity('[1,0]', '[0,1]'), cosine_similarity('[1,2]', '[2,4]'),
	   cosine_similarity('[1,0]', '[-3,0]'), cosine_similarity('[1,1]', '[1,0]');
SELECT cosine_distance('[1,0]', '[0,1]'), '[1,2]'::embedding <=> '[2,4]',
	   '[1,0]'::embedding <=> '[-3,0]';
-- the zero embedding has no direction: NaN, which sorts last
SELECT cosine_similarity('[0,0]', '[1,0]'), '[1,0]'::embedding <=> '[0,0]';
SELECT l2_distance('[0,0]', '[3,4]'), '[1,1,1]'::embedding <-> '[2,2,2]';

-- arithmetic
SELECT '[1,2]'::embedding + '[3,4.5]', embedding_add('[1]', '[-1]');
SELECT '[1,2]'::embedding - '[3,4.5]', embedding_sub('[1]', '[1]');
SELECT '[1,-2]'::embedding * 2, 0.5 * '[1,-2]'::embedding, '[1,2]'::embedding * 0;
SELECT embedding_mul('[1,2]', 3), scalar_embedding_mul(3, '[1,2]');
SELECT '[3e38]'::embedding + '[3e38]';
SELECT '[-3e38]'::embedding - '[3e38]';
SELECT '[3e38]'::embedding * 10;
SELECT '[1]'::embedding * 'NaN'::real;
SELECT 'Infinity'::real * '[1]'::embedding;

-- different dimensions
SELECT '[1,2]'::embedding + '[1,2,3]';
SELECT '[1,2]'::embedding - '[1,2,3]';
SELECT '[1,2]'::embedding <#> '[1,2,3]';
SELECT '[1,2]'::embedding <=> '[1,2,3]';
SELECT '[1,2]'::embedding <-> '[1,2,3]';
SELECT inner_product('[1,2]', '[1,2,3]');
SELECT cosine_similarity('[1,2]', '[1,2,3]');

-- NULL in, NULL out
SELECT NULL::embedding + '[1]' IS NULL AS add, inner_product(NULL, '[1]') IS NULL AS ip,
	   norm(NULL) IS NULL AS norm, dims(NULL) IS NULL AS dims,
	   '[1]'::embedding * NULL::real IS NULL AS mul, recfair.normalize(NULL) IS NULL AS normalize;

-- equality and order
SELECT '[1,2]'::embedding = '[1,2]', '[1,2]'::embedding = '[1,2,3]',
	   '[0]'::embedding = '[-0]', '[1,2]'::embedding <> '[2,1]';
SELECT '[1,2]'::embedding < '[1,3]', '[1,2]'::embedding < '[1,2,0]',
	   '[2]'::embedding > '[1,9]', '[1,2]'::embedding <= '[1,2]', '[1,2]'::embedding >= '[1,3]';
SELECT embedding_eq('[1]', '[1]'), embedding_ne('[1]', '[1]'), embedding_lt('[1]', '[2]'),
	   embedding_le('[2]', '[1]'), embedding_gt('[2]', '[1]'), embedding_ge('[1]', '[2]'),
	   embedding_cmp('[1]', '[2]'), embedding_cmp('[2]', '[2]'), embedding_cmp('[1,0]', '[1]');
SELECT embedding_hash('[0]') = embedding_hash('[-0]') AS zero_hash,
	   embedding_hash('[1,2]') <> embedding_hash('[2,1]') AS order_matters;
CREATE TABLE ops_t (id int, e embedding);
INSERT INTO ops_t VALUES (1, '[2,1]'), (2, '[1,2]'), (3, '[1]'), (4, '[1,2]'), (5, '[-0,5]'), (6, '[0,5]');
SELECT e FROM ops_t ORDER BY e, id;
SELECT DISTINCT e FROM ops_t ORDER BY e;
SET enable_sort = off;
SELECT e, count(*) FROM ops_t GROUP BY e ORDER BY count(*) DESC, e::text;
RESET enable_sort;
SELECT a.id, b.id FROM ops_t a JOIN ops_t b ON a.e = b.e AND a.id < b.id ORDER BY 1;
-- nearest first by each distance
SELECT id, e <#> '[1,1]' AS neg_ip FROM ops_t WHERE dims(e) = 2 ORDER BY e <#> '[1,1]', id LIMIT 3;
SELECT id FROM ops_t WHERE dims(e) = 2 ORDER BY e <-> '[2,1]', id LIMIT 2;
