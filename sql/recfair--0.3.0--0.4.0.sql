/* recfair 0.3.0 -> 0.4.0: user_factors.seen as a compact id set */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.4.0'" to load this file. \quit

/*
 * recfair.idset: the items a user saw in training, sorted and delta-coded
 * (about two bytes per id instead of eight; src/idset.c).  It reads and
 * prints like a bigint array and casts to and from bigint[].
 */
CREATE TYPE recfair.idset;

CREATE FUNCTION recfair.idset_in(cstring) RETURNS recfair.idset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.idset_out(recfair.idset) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.idset_recv(internal) RETURNS recfair.idset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.idset_send(recfair.idset) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE recfair.idset (
	INPUT = recfair.idset_in,
	OUTPUT = recfair.idset_out,
	RECEIVE = recfair.idset_recv,
	SEND = recfair.idset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = external
);
COMMENT ON TYPE recfair.idset IS
	'set of bigint ids stored sorted and delta-coded, written like a bigint array {3,17,42}; casts to and from bigint[]';
COMMENT ON FUNCTION recfair.idset_in(cstring) IS 'text input of recfair.idset: a bigint array literal, sorted and deduplicated';
COMMENT ON FUNCTION recfair.idset_out(recfair.idset) IS 'text output of recfair.idset: {id,id,...} ascending';
COMMENT ON FUNCTION recfair.idset_recv(internal) IS 'binary input of recfair.idset: int4 count, then int8 ids';
COMMENT ON FUNCTION recfair.idset_send(recfair.idset) IS 'binary output of recfair.idset: int4 count, then int8 ids ascending';

CREATE FUNCTION recfair.idset(bigint[]) RETURNS recfair.idset
	AS 'MODULE_PATHNAME', 'idset_from_int8_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset(bigint[]) IS 'the set of the ids of a bigint array (sorted, duplicates dropped; NULL elements are an error)';
CREATE FUNCTION recfair.ids(recfair.idset) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'idset_to_int8_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.ids(recfair.idset) IS 'the ids of a set as a bigint array, ascending';
CREATE FUNCTION recfair.cardinality(recfair.idset) RETURNS integer
	AS 'MODULE_PATHNAME', 'idset_cardinality' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.cardinality(recfair.idset) IS 'the number of ids in a set';
CREATE CAST (bigint[] AS recfair.idset) WITH FUNCTION recfair.idset(bigint[]) AS ASSIGNMENT;
CREATE CAST (recfair.idset AS bigint[]) WITH FUNCTION recfair.ids(recfair.idset) AS ASSIGNMENT;

CREATE FUNCTION recfair.idset_eq(recfair.idset, recfair.idset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_eq(recfair.idset, recfair.idset) IS 'implementation of = for recfair.idset';
CREATE FUNCTION recfair.idset_ne(recfair.idset, recfair.idset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_ne(recfair.idset, recfair.idset) IS 'implementation of <> for recfair.idset';
CREATE OPERATOR recfair.= (
	LEFTARG = recfair.idset, RIGHTARG = recfair.idset, PROCEDURE = recfair.idset_eq,
	COMMUTATOR = OPERATOR(recfair.=), NEGATOR = OPERATOR(recfair.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel
);
COMMENT ON OPERATOR recfair.= (recfair.idset, recfair.idset) IS 'the two sets hold the same ids';
CREATE OPERATOR recfair.<> (
	LEFTARG = recfair.idset, RIGHTARG = recfair.idset, PROCEDURE = recfair.idset_ne,
	COMMUTATOR = OPERATOR(recfair.<>), NEGATOR = OPERATOR(recfair.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR recfair.<> (recfair.idset, recfair.idset) IS 'the two sets differ';

/* Existing models keep their seen items, converted. */
ALTER TABLE recfair.user_factors ALTER COLUMN seen TYPE recfair.idset USING recfair.idset(seen);
ALTER TABLE recfair.user_factors ALTER COLUMN seen SET STORAGE EXTERNAL;
COMMENT ON COLUMN recfair.user_factors.seen IS
	'the items the user interacted with in training, which recommend() excludes (cast to bigint[] to read them as an array)';
