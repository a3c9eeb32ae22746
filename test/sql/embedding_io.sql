-- recfair.embedding: text and binary I/O, typmod, casts
SET search_path = recfair, public;

-- text form
SELECT '[1,2,3]'::embedding;
SELECT ' [ 1.5 , -2e-3,3 ] '::embedding;
SELECT '[0.1,-0,1e10,1.5e-7]'::embedding;
-- float4 extremes and subnormals print back exactly
SELECT '[3.4028235e38,-3.4028235e38,1.1754944e-38,1e-45]'::embedding;

-- every float4 round trips exactly through text: 16,000 values spread over
-- the whole exponent range, printed exactly as real[] prints them (the
-- shortest text that reads back to the same bits)
SELECT setseed(0.25);
WITH v AS (
	SELECT array_agg(((random() * 2 - 1) * 10 ^ (random() * 74 - 37))::real) AS a
	FROM generate_series(1, 16000)
)
SELECT a::embedding::text = translate(a::text, '{}', '[]') AS prints_like_real,
	   a::embedding::text::embedding::real[] = a AS same_values,
	   a::embedding::text::embedding::text = a::embedding::text AS stable
FROM v;

-- bad text
SELECT '[NaN]'::embedding;
SELECT '[1,Infinity]'::embedding;
SELECT '[-inf,1]'::embedding;
SELECT '[]'::embedding;
SELECT '[  ]'::embedding;
SELECT ''::embedding;
SELECT '1,2'::embedding;
SELECT '[1,2'::embedding;
SELECT '[1,,2]'::embedding;
SELECT '[1 2]'::embedding;
SELECT '[1,2] x'::embedding;
SELECT '[a]'::embedding;
SELECT '[1e39]'::embedding;
SELECT '[1e-50]'::embedding;
-- 16,000 dimensions is the limit
SELECT dims(('[' || repeat('1,', 15999) || '1]')::embedding);
SELECT ('[' || repeat('1,', 16000) || '1]')::embedding;

-- typmod
SELECT '[1,2,3]'::embedding(3);
SELECT '[1,2]'::embedding(3);
SELECT '[1,2]'::embedding(0);
SELECT '[1,2]'::embedding(16001);
SELECT '[1,2]'::embedding(2, 3);
CREATE TABLE io_typmod (e embedding(3));
INSERT INTO io_typmod VALUES ('[1,2,3]');
INSERT INTO io_typmod VALUES ('[1,2]');
INSERT INTO io_typmod VALUES ('[1,2,3]'::embedding(3)), ('{4,5,6}'::real[]);
INSERT INTO io_typmod VALUES ('{4,5}'::real[]);
UPDATE io_typmod SET e = '[1,2,3,4]'::embedding WHERE false;
UPDATE io_typmod SET e = '[1,2,3,4]'::embedding;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
WHERE attrelid = 'io_typmod'::regclass AND attname = 'e';
SELECT * FROM io_typmod;

-- casts from and to arrays
SELECT '{1.5,-2,3}'::real[]::embedding;
SELECT '{0.1,2e-3}'::double precision[]::embedding;
SELECT '[0.1,-2,3.5]'::embedding::real[];
SELECT '[0.1,-2,3.5]'::embedding::double precision[];
SELECT ARRAY[1, 2]::real[]::embedding(2);
SELECT '{1,NULL}'::real[]::embedding;
SELECT '{{1,2},{3,4}}'::real[]::embedding;
SELECT '{}'::real[]::embedding;
SELECT '{NaN}'::real[]::embedding;
SELECT '{1,-Infinity}'::double precision[]::embedding;
SELECT '{1e300}'::double precision[]::embedding;
SELECT '{1e-300}'::double precision[]::embedding;
SELECT '{1,2}'::real[]::embedding(3);
SELECT NULL::real[]::embedding;

-- binary: the send format, and COPY (FORMAT binary) round trips
SELECT embedding_send('[1,-2]');
CREATE TABLE io_src (id int, e embedding);
INSERT INTO io_src VALUES (1, '[1,2,3]'), (2, '[-0.1,1e-45,3.4028235e38]'), (3, NULL),
	(4, ('[' || repeat('0.5,', 999) || '7]')::embedding);
SELECT current_setting('data_directory') || '/recfair_io.bin' AS binfile \gset
COPY io_src TO :'binfile' WITH (FORMAT binary);
CREATE TABLE io_dst (id int, e embedding);
COPY io_dst FROM :'binfile' WITH (FORMAT binary);
SELECT s.id, s.e::text = d.e::text AS same, d.e IS NULL AS null_kept
FROM io_src s JOIN io_dst d USING (id) ORDER BY id;
CREATE TABLE io_dst3 (id int, e embedding(3));
COPY io_dst3 FROM :'binfile' WITH (FORMAT binary);

-- malformed binary input, written as a COPY binary file of one column
CREATE FUNCTION io_copy_file(payload bytea) RETURNS bytea LANGUAGE sql AS $$
	SELECT '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
		|| '\x0001'::bytea || int4send(length(payload)) || payload || '\xffff'::bytea
$$;
CREATE TABLE io_bin (e embedding);
SELECT lo_from_bytea(0, io_copy_file('\x000100003f800000')) AS lo \gset
SELECT lo_export(:lo, :'binfile');
COPY io_bin FROM :'binfile' WITH (FORMAT binary);
SELECT lo_from_bytea(0, io_copy_file('\x00000000')) AS lo \gset
SELECT lo_export(:lo, :'binfile');
COPY io_bin FROM :'binfile' WITH (FORMAT binary);
SELECT lo_from_bytea(0, io_copy_file('\x3e810000')) AS lo \gset
SELECT lo_export(:lo, :'binfile');
COPY io_bin FROM :'binfile' WITH (FORMAT binary);
SELECT lo_from_bytea(0, io_copy_file('\x000100007fc00000')) AS lo \gset
SELECT lo_export(:lo, :'binfile');
COPY io_bin FROM :'binfile' WITH (FORMAT binary);
SELECT lo_from_bytea(0, io_copy_file('\x000100007f800000')) AS lo \gset
SELECT lo_export(:lo, :'binfile');
COPY io_bin FROM :'binfile' WITH (FORMAT binary);
SELECT lo_from_bytea(0, io_copy_file('\x000100013f800000')) AS lo \gset
SELECT lo_export(:lo, :'binfile');
COPY io_bin FROM :'binfile' WITH (FORMAT binary);
SELECT lo_from_bytea(0, io_copy_file('\x000200003f800000')) AS lo \gset
SELECT lo_export(:lo, :'binfile');
COPY io_bin FROM :'binfile' WITH (FORMAT binary);
SELECT * FROM io_bin;
SELECT count(lo_unlink(oid)) FROM pg_largeobject_metadata;
