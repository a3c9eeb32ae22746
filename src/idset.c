/*-------------------------------------------------------------------------
 *
 * idset.c
 *	  The recfair.idset type: a set of bigint ids (the items a user saw in
 *	  training, user_factors.seen), stored sorted and delta-coded.
 *
 * A model of 200k users that saw 45 items each writes 9M ids; as bigint[]
 * they were 60% of the bytes of user_factors and bounded how fast a model
 * could be written (docs/design-notes.md).  Sorted ids differ by small
 * amounts, so each id is stored as the difference from the previous one in
 * a variable-length integer (7 bits per byte, high bit set on every byte
 * but the last), the first one zigzag-coded so that negative ids stay short:
 * two bytes per id instead of eight for catalogs of up to about a million
 * items.  The encoding is canonical (sorted, distinct), so two sets are equal
 * exactly when their bytes are.
 *
 * In SQL the type reads and prints like a bigint array ('{3,17,42}') and
 * casts to and from bigint[]; input is sorted and duplicates are dropped.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "compat.h"
#include "fmgr.h"
#include "idset.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"

typedef struct IdSet
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	int32		count;			/* number of ids */
	uint8		data[FLEXIBLE_ARRAY_MEMBER];	/* the coded ids */
} IdSet;

#define IDSET_HEADER_SIZE offsetof(IdSet, data)
#define VARINT_MAX_BYTES 10		/* 64 bits at 7 per byte */
#define IDSET_MAX_COUNT ((int32) ((MaxAllocSize - IDSET_HEADER_SIZE) / VARINT_MAX_BYTES))

static inline uint8 *
PutVarint(uint8 *p, uint64 v)
{
	while (v >= 0x80)
	{
		*p++ = (uint8) (v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8) v;
	return p;
}

Datum
IdSetFromSorted(const int64 *ids, int32 n)
{
	IdSet	   *set;
	uint8	   *p;

	if (n > IDSET_MAX_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("an idset holds at most %d ids, not %d", IDSET_MAX_COUNT, n)));
	set = palloc(IDSET_HEADER_SIZE + (Size) n * VARINT_MAX_BYTES);
	set->count = n;
	p = set->data;
	if (n > 0)
		p = PutVarint(p, ((uint64) ids[0] << 1) ^ (uint64) (ids[0] >> 63));
	for (int32 i = 1; i < n; i++)
		p = PutVarint(p, (uint64) ids[i] - (uint64) ids[i - 1]);
	SET_VARSIZE(set, p - (uint8 *) set);
	return PointerGetDatum(set);
}

static void
Corrupt(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt recfair.idset value")));
}

/*
 * Decodes an idset datum (detoasting it) into a palloc'd array of *n ids,
 * ascending.  Corrupt bytes are an ERRCODE_DATA_CORRUPTED error.
 */
static int64 *
IdSetDecode(Datum datum, int32 *n)
{
	IdSet	   *set = (IdSet *) PG_DETOAST_DATUM(datum);
	const uint8 *p = set->data;
	const uint8 *end = (const uint8 *) set + VARSIZE(set);
	int64	   *ids;
	uint64		prev = 0;

	if (VARSIZE(set) < IDSET_HEADER_SIZE || set->count < 0 || set->count > end - p)
		Corrupt();
	ids = palloc(sizeof(int64) * Max(set->count, 1));
	for (int32 i = 0; i < set->count; i++)
	{
		uint64		v = 0;
		int			shift = 0;

		for (;;)
		{
			if (p >= end || shift >= 64)
				Corrupt();
			v |= (uint64) (*p & 0x7F) << shift;
			shift += 7;
			if ((*p++ & 0x80) == 0)
				break;
		}
		if (i == 0)
			prev = (v >> 1) ^ -(v & 1);
		else
		{
			if (v == 0 || v > (uint64) PG_INT64_MAX - prev)	/* ascending, no overflow */
				Corrupt();
			prev += v;
		}
		ids[i] = (int64) prev;
	}
	if (p != end)
		Corrupt();
	*n = set->count;
	return ids;
}

int64 *
SeenItemIds(Datum value, Oid type, int32 *n)
{
	ArrayType  *arr;
	int64	   *ids;

	if (type != INT8ARRAYOID)
		return IdSetDecode(value, n);
	arr = DatumGetArrayTypeP(value);
	if (ARR_HASNULL(arr) || ARR_ELEMTYPE(arr) != INT8OID)
		Corrupt();
	*n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	ids = palloc(sizeof(int64) * Max(*n, 1));
	memcpy(ids, ARR_DATA_PTR(arr), sizeof(int64) * *n);
	return ids;
}

static int
CompareInt64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/* Sorts ids in place, drops duplicates, and encodes them. */
static Datum
IdSetFromUnsorted(int64 *ids, int32 n)
{
	int32		kept = 0;

	qsort(ids, n, sizeof(int64), CompareInt64);
	for (int32 i = 0; i < n; i++)
		if (kept == 0 || ids[i] != ids[kept - 1])
			ids[kept++] = ids[i];
	return IdSetFromSorted(ids, kept);
}

static Datum
IdSetFromArray(ArrayType *arr)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int64	   *ids;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("an idset is made from a one-dimensional array, not %d dimensions", ARR_NDIM(arr))));
	deconstruct_array(arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &n);
	ids = palloc(sizeof(int64) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("an idset cannot contain NULL")));
		ids[i] = DatumGetInt64(elems[i]);
	}
	return IdSetFromUnsorted(ids, n);
}

/* Text input: a bigint array literal, sorted and deduplicated. */
PG_FUNCTION_INFO_V1(idset_in);
Datum
idset_in(PG_FUNCTION_ARGS)
{
	/* array_in caches in flinfo, so it is called through one */
	Datum		arr = OidInputFunctionCall(F_ARRAY_IN, PG_GETARG_CSTRING(0), INT8OID, -1);

	PG_RETURN_DATUM(IdSetFromArray(DatumGetArrayTypeP(arr)));
}

/* Text output: {id,...} ascending. */
PG_FUNCTION_INFO_V1(idset_out);
Datum
idset_out(PG_FUNCTION_ARGS)
{
	int32		n;
	int64	   *ids = IdSetDecode(PG_GETARG_DATUM(0), &n);
	StringInfoData out;
	char		buf[MAXINT8LEN + 1];

	initStringInfo(&out);
	appendStringInfoChar(&out, '{');
	for (int32 i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoChar(&out, ',');
		pg_lltoa(ids[i], buf);
		appendStringInfoString(&out, buf);
	}
	appendStringInfoChar(&out, '}');
	PG_RETURN_CSTRING(out.data);
}

/* Binary form: int4 count, then each id as int8, ascending. */
PG_FUNCTION_INFO_V1(idset_recv);
Datum
idset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		n;
	int64	   *ids;

	/* a short message is a bad value (22P03), not a protocol violation */
	if (buf->len - buf->cursor < 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("external idset value is too short: %d bytes",
						buf->len - buf->cursor)));
	n = pq_getmsgint(buf, 4);
	if (n < 0 || n > (buf->len - buf->cursor) / 8)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid idset count %d in binary input", n)));
	ids = palloc(sizeof(int64) * Max(n, 1));
	for (int32 i = 0; i < n; i++)
		ids[i] = pq_getmsgint64(buf);
	PG_RETURN_DATUM(IdSetFromUnsorted(ids, n));
}

/* Binary output: int4 count, then the int8 ids. */
PG_FUNCTION_INFO_V1(idset_send);
Datum
idset_send(PG_FUNCTION_ARGS)
{
	int32		n;
	int64	   *ids = IdSetDecode(PG_GETARG_DATUM(0), &n);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, n);
	for (int32 i = 0; i < n; i++)
		pq_sendint64(&buf, ids[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* idset(bigint[]): the set of an array's ids (NULL elements are an error). */
PG_FUNCTION_INFO_V1(idset_from_int8_array);
Datum
idset_from_int8_array(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(IdSetFromArray(PG_GETARG_ARRAYTYPE_P(0)));
}

/* ids(idset): the ids as a bigint array, ascending. */
PG_FUNCTION_INFO_V1(idset_to_int8_array);
Datum
idset_to_int8_array(PG_FUNCTION_ARGS)
{
	int32		n;
	int64	   *ids = IdSetDecode(PG_GETARG_DATUM(0), &n);
	Datum	   *elems = palloc(sizeof(Datum) * Max(n, 1));

	for (int32 i = 0; i < n; i++)
		elems[i] = Int64GetDatum(ids[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* cardinality(idset): the number of ids. */
PG_FUNCTION_INFO_V1(idset_cardinality);
Datum
idset_cardinality(PG_FUNCTION_ARGS)
{
	IdSet	   *set = (IdSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	PG_RETURN_INT32(set->count);
}

/* The encoding is canonical: equal sets have equal bytes. */
static bool
IdSetBytesEqual(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_VARLENA_P(0);
	struct varlena *b = PG_GETARG_VARLENA_P(1);

	return VARSIZE(a) == VARSIZE(b) && memcmp(VARDATA(a), VARDATA(b), VARSIZE(a) - VARHDRSZ) == 0;
}

/* idset = idset. */
PG_FUNCTION_INFO_V1(idset_eq);
Datum
idset_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(IdSetBytesEqual(fcinfo));
}

/* idset <> idset. */
PG_FUNCTION_INFO_V1(idset_ne);
Datum
idset_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!IdSetBytesEqual(fcinfo));
}
