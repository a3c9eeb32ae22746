-- A fresh CREATE EXTENSION recfair (sql/recfair--<current>.sql alone) makes
-- exactly the objects that installing 0.1.0 and updating through every
-- recfair--A--B.sql makes.  Each member object of the extension is described
-- as rows (object, property, value) that carry no OIDs; the description
-- after the update chain and the one after a fresh install are stored in
-- tables and compared.  Every query below the line "differences" must
-- return no rows; when one does, its rows name the object and property and
-- show the value each way (for a multi-line value such as a function's
-- definition, only the lines that differ, with their line numbers).
SET client_min_messages = warning;
SET search_path = public;	-- names outside recfair print schema-qualified

CREATE VIEW iu_members AS
SELECT d.classid, d.objid, pg_describe_object(d.classid, d.objid, 0) AS object
FROM pg_depend d
JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
WHERE e.extname = 'recfair' AND d.deptype = 'e';

-- Relations whose columns and constraints are described: tables, views and
-- sequences of the extension, and the row types of its composite types.
CREATE VIEW iu_relations AS
SELECT m.object, m.objid AS relid FROM iu_members m WHERE m.classid = 'pg_class'::regclass
UNION ALL
SELECT m.object, t.typrelid FROM iu_members m JOIN pg_type t ON t.oid = m.objid
WHERE m.classid = 'pg_type'::regclass AND t.typrelid <> 0;

CREATE VIEW iu_description AS
-- the extension itself
SELECT 'extension recfair' AS object, p.key AS property, p.value
FROM pg_extension e, jsonb_each_text(jsonb_build_object(
	'version', e.extversion, 'relocatable', e.extrelocatable,
	'schema', e.extnamespace::regnamespace::text, 'owner', pg_get_userbyid(e.extowner))) p
WHERE e.extname = 'recfair'
UNION ALL
-- every member: it exists, its comment, its initial privileges
SELECT m.object, 'member of the extension', 'yes' FROM iu_members m
UNION ALL
SELECT m.object, 'comment', d.description
FROM iu_members m JOIN pg_description d ON d.classoid = m.classid AND d.objoid = m.objid AND d.objsubid = 0
UNION ALL
SELECT m.object, 'initial privileges', i.initprivs::text
FROM iu_members m JOIN pg_init_privs i ON i.classoid = m.classid AND i.objoid = m.objid AND i.objsubid = 0
UNION ALL
-- types: every pg_type column, with OIDs as names
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid,
	jsonb_each_text(jsonb_strip_nulls(
		to_jsonb(t) - '{oid,typnamespace,typowner,typrelid,typelem,typarray,typbasetype,typcollation,typdefaultbin}'::text[]
		|| jsonb_build_object(
			'typnamespace', t.typnamespace::regnamespace::text, 'typowner', pg_get_userbyid(t.typowner),
			'typelem', format_type(nullif(t.typelem, 0), NULL), 'typarray', format_type(nullif(t.typarray, 0), NULL),
			'typbasetype', format_type(nullif(t.typbasetype, 0), NULL),
			'typcollation', (SELECT c.collname FROM pg_collation c WHERE c.oid = t.typcollation)))) p
UNION ALL
SELECT m.object, 'enum labels', string_agg(l.enumlabel, ', ' ORDER BY l.enumsortorder)
FROM iu_members m JOIN pg_enum l ON m.classid = 'pg_type'::regclass AND l.enumtypid = m.objid
GROUP BY m.object
UNION ALL
-- functions and procedures: their whole definition (signature, argument
-- names and defaults, result, language, volatility, strictness, parallel
-- safety, security, cost, rows, support, settings, body) and privileges
SELECT m.object, 'definition', pg_get_functiondef(f.oid)
FROM iu_members m JOIN pg_proc f ON m.classid = 'pg_proc'::regclass AND f.oid = m.objid
WHERE f.prokind <> 'a'
UNION ALL
SELECT m.object, 'privileges', f.proacl::text
FROM iu_members m JOIN pg_proc f ON m.classid = 'pg_proc'::regclass AND f.oid = m.objid
WHERE f.proacl IS NOT NULL
UNION ALL
-- aggregates: their pg_proc and pg_aggregate columns, with OIDs as names
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_proc f ON m.classid = 'pg_proc'::regclass AND f.oid = m.objid
JOIN pg_aggregate a ON a.aggfnoid = f.oid,
	jsonb_each_text(jsonb_strip_nulls(
		to_jsonb(f) - '{oid,pronamespace,proowner,prolang,prorettype,proargtypes,proallargtypes,provariadic,protrftypes,proargdefaults,prosqlbody,proacl}'::text[]
		|| to_jsonb(a) - '{aggfnoid,aggsortop,aggtranstype,aggmtranstype}'::text[]
		|| jsonb_build_object(
			'arguments', pg_get_function_arguments(f.oid), 'result', pg_get_function_result(f.oid),
			'pronamespace', f.pronamespace::regnamespace::text, 'proowner', pg_get_userbyid(f.proowner),
			'aggsortop', nullif(a.aggsortop, 0)::regoperator::text,
			'aggtranstype', format_type(nullif(a.aggtranstype, 0), NULL),
			'aggmtranstype', format_type(nullif(a.aggmtranstype, 0), NULL)))) p
UNION ALL
-- operators
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid,
	jsonb_each_text(jsonb_strip_nulls(
		to_jsonb(o) - '{oid,oprnamespace,oprowner,oprleft,oprright,oprresult,oprcom,oprnegate}'::text[]
		|| jsonb_build_object(
			'oprnamespace', o.oprnamespace::regnamespace::text, 'oprowner', pg_get_userbyid(o.oprowner),
			'oprleft', format_type(nullif(o.oprleft, 0), NULL), 'oprright', format_type(nullif(o.oprright, 0), NULL),
			'oprresult', format_type(nullif(o.oprresult, 0), NULL),
			'oprcom', nullif(o.oprcom, 0)::regoperator::text, 'oprnegate', nullif(o.oprnegate, 0)::regoperator::text))) p
UNION ALL
-- operator classes and families, with the operators and functions of each family
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid,
	jsonb_each_text(jsonb_strip_nulls(jsonb_build_object(
		'access method', (SELECT am.amname FROM pg_am am WHERE am.oid = c.opcmethod),
		'namespace', c.opcnamespace::regnamespace::text, 'owner', pg_get_userbyid(c.opcowner),
		'family', pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0),
		'input type', format_type(c.opcintype, NULL), 'default', c.opcdefault,
		'key type', format_type(nullif(c.opckeytype, 0), NULL)))) p
UNION ALL
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid,
	jsonb_each_text(jsonb_build_object(
		'access method', (SELECT am.amname FROM pg_am am WHERE am.oid = f.opfmethod),
		'namespace', f.opfnamespace::regnamespace::text, 'owner', pg_get_userbyid(f.opfowner))) p
UNION ALL
SELECT m.object, format('operator %s (%s, %s)', o.amopstrategy, format_type(o.amoplefttype, NULL),
						format_type(o.amoprighttype, NULL)),
	concat_ws(' ', o.amopopr::regoperator::text, 'purpose ' || o.amoppurpose::text,
			  'ordering ' || CASE WHEN o.amopsortfamily <> 0 THEN pg_describe_object('pg_opfamily'::regclass, o.amopsortfamily, 0) END)
FROM iu_members m JOIN pg_amop o ON m.classid = 'pg_opfamily'::regclass AND o.amopfamily = m.objid
UNION ALL
SELECT m.object, format('function %s (%s, %s)', p.amprocnum, format_type(p.amproclefttype, NULL),
						format_type(p.amprocrighttype, NULL)),
	p.amproc::regprocedure::text
FROM iu_members m JOIN pg_amproc p ON m.classid = 'pg_opfamily'::regclass AND p.amprocfamily = m.objid
UNION ALL
-- casts (source and target are in the object's name)
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid,
	jsonb_each_text(jsonb_strip_nulls(jsonb_build_object(
		'function', nullif(c.castfunc, 0)::regprocedure::text,
		'context', c.castcontext, 'method', c.castmethod))) p
UNION ALL
-- relations: kind, options, privileges, ...
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid,
	jsonb_each_text(jsonb_strip_nulls(jsonb_build_object(
		'relkind', c.relkind, 'relpersistence', c.relpersistence, 'relreplident', c.relreplident,
		'relrowsecurity', c.relrowsecurity, 'relforcerowsecurity', c.relforcerowsecurity,
		'relispartition', c.relispartition, 'reloptions', c.reloptions::text, 'relacl', c.relacl::text,
		'relnamespace', c.relnamespace::regnamespace::text, 'relowner', pg_get_userbyid(c.relowner),
		'access method', (SELECT am.amname FROM pg_am am WHERE am.oid = c.relam),
		'has a toast table', c.reltoastrelid <> 0,
		'view definition', CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END))) p
UNION ALL
-- ... columns by name: position (among the columns SELECT * returns), type,
-- NOT NULL, default, identity, generation, storage, compression, collation,
-- statistics target, options, privileges; and their comments.  Servers of
-- the back branches keep a version of each column in the reserved option
-- pg_attver, which changes with every ALTER and is left out.
SELECT r.object, 'column ' || a.attname,
	concat_ws(' ', 'position ' || row_number() OVER (PARTITION BY r.object ORDER BY a.attnum),
			  format_type(a.atttypid, a.atttypmod),
			  CASE WHEN a.attnotnull THEN 'NOT NULL' END,
			  'DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid),
			  'IDENTITY ' || nullif(a.attidentity, '')::text, 'GENERATED ' || nullif(a.attgenerated, '')::text,
			  'storage ' || a.attstorage::text, 'compression ' || nullif(a.attcompression, '')::text,
			  'collation ' || (SELECT c.collname FROM pg_collation c WHERE c.oid = a.attcollation),
			  'statistics ' || a.attstattarget,
			  'options ' || (SELECT array_agg(o ORDER BY o) FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_attver=%')::text,
			  'privileges ' || a.attacl::text)
FROM iu_relations r JOIN pg_attribute a ON a.attrelid = r.relid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
UNION ALL
SELECT r.object, 'column ' || a.attname || ' comment', d.description
FROM iu_relations r JOIN pg_attribute a ON a.attrelid = r.relid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = r.relid AND d.objsubid = a.attnum
UNION ALL
-- ... constraints (of tables and of domains), indexes, triggers, rules,
-- row security policies
SELECT m.object, 'constraint ' || c.conname, pg_get_constraintdef(c.oid)
FROM iu_members m JOIN pg_constraint c
	ON (m.classid = 'pg_class'::regclass AND c.conrelid = m.objid) OR (m.classid = 'pg_type'::regclass AND c.contypid = m.objid)
UNION ALL
SELECT m.object, 'index ' || i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM iu_members m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
UNION ALL
SELECT m.object, 'trigger ' || t.tgname, pg_get_triggerdef(t.oid)
FROM iu_members m JOIN pg_trigger t ON m.classid = 'pg_class'::regclass AND t.tgrelid = m.objid AND NOT t.tgisinternal
UNION ALL
SELECT m.object, 'rule ' || r.rulename, pg_get_ruledef(r.oid)
FROM iu_members m JOIN pg_rewrite r ON m.classid = 'pg_class'::regclass AND r.ev_class = m.objid AND r.rulename <> '_RETURN'
UNION ALL
SELECT m.object, 'policy ' || p.polname,
	format('%s %s to %s using %s check %s', p.polcmd, p.polpermissive, p.polroles::regrole[],
		   pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
FROM iu_members m JOIN pg_policy p ON m.classid = 'pg_class'::regclass AND p.polrelid = m.objid
UNION ALL
-- ... sequences
SELECT m.object, p.key, p.value
FROM iu_members m JOIN pg_sequence s ON m.classid = 'pg_class'::regclass AND s.seqrelid = m.objid,
	jsonb_each_text(to_jsonb(s) - '{seqrelid,seqtypid}'::text[]
					|| jsonb_build_object('seqtypid', format_type(s.seqtypid, NULL))) p
UNION ALL
-- ... and whether pg_dump dumps their rows (pg_extension_config_dump)
SELECT m.object, 'pg_extension_config_dump', format('condition %L', c.condition)
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(relid, condition)
JOIN iu_members m ON m.classid = 'pg_class'::regclass AND m.objid = c.relid
WHERE e.extname = 'recfair';

-- the update chain from the first release
DROP EXTENSION recfair CASCADE;
CREATE EXTENSION recfair VERSION '0.1.0';
ALTER EXTENSION recfair UPDATE;
CREATE TABLE iu_updated AS SELECT * FROM iu_description;

-- a fresh install of the current version
DROP EXTENSION recfair;
CREATE EXTENSION recfair;
CREATE TABLE iu_fresh AS SELECT * FROM iu_description;

SELECT u.value = f.value AS same_version, f.value = (SELECT default_version FROM pg_available_extensions
													 WHERE name = 'recfair') AS current_version
FROM iu_updated u JOIN iu_fresh f USING (object, property)
WHERE object = 'extension recfair' AND property = 'version';
-- the description covers every member
SELECT count(*) > 0 AS described FROM iu_fresh WHERE property = 'definition';
SELECT DISTINCT m.classid::regclass AS member_of_a_catalog_this_test_does_not_describe FROM iu_members m
WHERE m.classid NOT IN ('pg_type'::regclass, 'pg_proc'::regclass, 'pg_operator'::regclass, 'pg_opclass'::regclass,
						'pg_opfamily'::regclass, 'pg_cast'::regclass, 'pg_class'::regclass);

-- differences: objects made one way only
SELECT object, CASE WHEN u.object IS NULL THEN 'fresh install only' ELSE 'update chain only' END AS made_by
FROM (SELECT DISTINCT object FROM iu_updated) u FULL JOIN (SELECT DISTINCT object FROM iu_fresh) f USING (object)
WHERE u.object IS NULL OR f.object IS NULL
ORDER BY object;

-- differences: properties of objects made both ways
WITH d AS (
	SELECT object, property, u.value AS updated, f.value AS fresh,
		   coalesce(u.value, '') || coalesce(f.value, '') LIKE E'%\n%' AS multiline
	FROM iu_updated u FULL JOIN iu_fresh f USING (object, property)
	WHERE u.value IS DISTINCT FROM f.value
	  AND object IN (SELECT object FROM iu_updated INTERSECT SELECT object FROM iu_fresh)
),
-- the lines of multi-line values, numbered, repeats told apart
lu AS (
	SELECT object, property, l.n, l.line, row_number() OVER (PARTITION BY object, property, l.line ORDER BY l.n) AS k
	FROM d, regexp_split_to_table(d.updated, E'\n') WITH ORDINALITY AS l(line, n) WHERE d.multiline
),
lf AS (
	SELECT object, property, l.n, l.line, row_number() OVER (PARTITION BY object, property, l.line ORDER BY l.n) AS k
	FROM d, regexp_split_to_table(d.fresh, E'\n') WITH ORDINALITY AS l(line, n) WHERE d.multiline
),
lines AS (
	SELECT object, property, lu.n, format('line %s: %s', lu.n, lu.line) AS updated, NULL AS fresh
	FROM lu LEFT JOIN lf USING (object, property, line, k) WHERE lf.n IS NULL
	UNION ALL
	SELECT object, property, lf.n, NULL, format('line %s: %s', lf.n, lf.line)
	FROM lf LEFT JOIN lu USING (object, property, line, k) WHERE lu.n IS NULL
)
SELECT object, property, coalesce(updated, '(none)') AS after_update, coalesce(fresh, '(none)') AS after_fresh_install
FROM (
	SELECT object, property, 0 AS n, updated, fresh FROM d WHERE NOT multiline
	UNION ALL
	SELECT object, property, n, updated, fresh FROM lines
	UNION ALL
	SELECT object, property, 0, 'the same lines', 'in another order' FROM d
	WHERE multiline AND NOT EXISTS (SELECT FROM lines l WHERE l.object = d.object AND l.property = d.property)
) x
ORDER BY object, property, n, updated NULLS LAST;

DROP VIEW iu_description, iu_relations, iu_members;
DROP TABLE iu_updated, iu_fresh;
