-- recfair.embedding: a pg_dump / pg_restore round trip of a whole database
-- with embedding columns (the dump carries the data in text form)
CREATE DATABASE recfair_dump_src;
CREATE DATABASE recfair_dump_dst;
\c recfair_dump_src
CREATE EXTENSION recfair;
CREATE TABLE items (id int PRIMARY KEY, e recfair.embedding(4), v recfair.embedding);
SELECT setseed(0.5);
INSERT INTO items
SELECT i,
	   ARRAY[random() - 0.5, (random() - 0.5) * 1e30, (random() + 0.5) * 1e-40, i]::real[],
	   CASE WHEN i % 10 = 0 THEN NULL
			ELSE (SELECT array_agg(((random() - 0.5) * 10 ^ (random() * 60 - 30))::real)
				  FROM generate_series(1, 64 + i % 3 + i * 0)) END
FROM generate_series(1, 2000) i;
SELECT md5(string_agg(id || ':' || e::text || ':' || coalesce(v::text, '-'), ',' ORDER BY id)) AS src_md5,
	   md5(string_agg(id || ':' || e::real[]::text, ',' ORDER BY id)) AS src_array_md5
FROM items \gset
\! pg_dump --format=custom --file=results/recfair_dump.pgdump recfair_dump_src
\! pg_restore --exit-on-error --dbname=recfair_dump_dst results/recfair_dump.pgdump
\c recfair_dump_dst
SELECT count(*) AS rows,
	   md5(string_agg(id || ':' || e::text || ':' || coalesce(v::text, '-'), ',' ORDER BY id)) = :'src_md5' AS same_text,
	   md5(string_agg(id || ':' || e::real[]::text, ',' ORDER BY id)) = :'src_array_md5' AS same_values
FROM items;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
WHERE attrelid = 'items'::regclass AND attnum > 0 ORDER BY attnum;
SELECT extname, extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'recfair') AS current
FROM pg_extension WHERE extname = 'recfair';
\c contrib_regression
DROP DATABASE recfair_dump_src;
DROP DATABASE recfair_dump_dst;
