/*-------------------------------------------------------------------------
 *
 * feature_maps.c
 *	  Cold start from content: a ridge regression from items' (or users')
 *	  feature vectors to their factors, learned after training, so that an
 *	  item no one has interacted with gets factors from its features.
 *
 * With x = (features, 1) (an intercept, not regularised) and y the trained
 * factors (and the bias, for models that have one), the map W solves
 *
 *		(sum x x' + mu D) W = sum x y',		D = I but 0 for the intercept
 *
 * over the trained rows that have features.  The sums are an aggregate,
 * recfair.feature_map(features real[], target real[]), whose state is a
 * double precision array {d, t, n, A ((d+1) x (d+1)), B ((d+1) x t)}, so
 * that it combines across parallel workers and Citus shards;
 * feature_map_solve() solves it and feature_map_apply() maps a feature
 * vector.  train() (options item_features / user_features) runs the same
 * code on the registered table's column, stores W in recfair.feature_maps,
 * and gives every row of the registered table that has features but no
 * interactions its mapped factors (in item_factors or user_factors, a user
 * with no seen items); add_cold_items() does that later for rows added
 * since.
 *
 * The feature column is read without casts, as registered tables are
 * (security.c): real[], double precision[], numeric[] and integer arrays
 * and recfair.embedding are converted here; another type (pgvector's vector)
 * through its output text, "[...]" or "{...}".
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/namespace.h"
#include "compat.h"
#include "catalog/pg_type.h"
#include "embedding.h"
#include "executor/spi.h"
#include "feature_maps.h"
#include "idmap.h"
#include "idset.h"
#include "interactions.h"
#include "item_index.h"
#include "lib/stringinfo.h"
#include "linalg.h"
#include "miscadmin.h"
#include "model_store.h"
#include "security.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"

/* LAPACK (Fortran interface, from OpenBLAS) */
extern void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda,
				   double *b, const int *ldb, int *info);

#define STATE_HEADER 3

static int64
StateLength(int d, int t)
{
	return STATE_HEADER + (int64) (d + 1) * (d + 1) + (int64) (d + 1) * t;
}

/* A state array's values, checked; *d features, *t targets. */
static float8 *
MapState(ArrayType *a, int *d, int *t)
{
	float8	   *v;

	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID || ARR_DIMS(a)[0] < STATE_HEADER)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid feature map state"),
				 errdetail("The state is a one-dimensional double precision array without NULLs.")));
	v = (float8 *) ARR_DATA_PTR(a);
	if (!(v[0] >= 1 && v[0] <= FEATURE_MAX_DIM && v[0] == floor(v[0]) &&
		  v[1] >= 1 && v[1] <= EMBEDDING_MAX_DIM + 1 && v[1] == floor(v[1])) ||
		ARR_DIMS(a)[0] != StateLength((int) v[0], (int) v[1]))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid feature map state")));
	*d = (int) v[0];
	*t = (int) v[1];
	return v;
}

/* Two states, or a state and a row, of the same feature and target lengths. */
static void
CheckSameShape(int d1, int d2, int t1, int t2)
{
	if (d1 != d2 || t1 != t2)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("feature vectors of %d and %d elements, or targets of %d and %d", d1, d2, t1, t2)));
}

/* A real[] argument's values: one dimension, no NULLs, 1 .. max elements. */
static const float4 *
RealArray(ArrayType *a, const char *what, int max, int *n)
{
	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a one-dimensional array without NULLs", what)));
	*n = ARR_DIMS(a)[0];
	if (*n < 1 || *n > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must have 1 to %d elements, not %d", what, max, *n)));
	return (const float4 *) ARR_DATA_PTR(a);
}

/* Adds (x, 1) (x, 1)' to A (upper triangle) and (x, 1) y' to B; counts the row. */
static void
Accumulate(float8 *v, int d, int t, const float4 *x, const float4 *y)
{
	float8	   *a = v + STATE_HEADER;
	float8	   *b = a + (int64) (d + 1) * (d + 1);

	for (int r = 0; r <= d; r++)
	{
		float8		xr = r < d ? x[r] : 1.0;
		float8	   *row = a + (int64) r * (d + 1);

		if (xr == 0.0)
			continue;			/* one-hot and sparse features skip most rows */
		for (int c = r; c < d; c++)
			row[c] += xr * x[c];
		row[d] += xr;
		for (int c = 0; c < t; c++)
			b[(int64) r * t + c] += xr * y[c];
	}
	v[2] += 1;
}

PG_FUNCTION_INFO_V1(recfair_feature_map_accum);
Datum
recfair_feature_map_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	const float4 *x;
	const float4 *y;
	int			d;
	int			t;
	float8	   *v;

	(void) AggregateContext(fcinfo);	/* aggregates only */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(state);
	}
	x = RealArray(PG_GETARG_ARRAYTYPE_P(1), "features", FEATURE_MAX_DIM, &d);
	y = RealArray(PG_GETARG_ARRAYTYPE_P(2), "target", EMBEDDING_MAX_DIM + 1, &t);
	if (state == NULL)
	{
		int64		len = StateLength(d, t);

		if (len > MaxAllocSize / sizeof(float8) / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("a feature map of %d features and %d targets is too large", d, t)));
		state = ZeroedFloat8Array(CurrentMemoryContext, (int) len);
		v = (float8 *) ARR_DATA_PTR(state);
		v[0] = d;
		v[1] = t;
	}
	else
	{
		int			sd;
		int			st;

		v = MapState(state, &sd, &st);
		CheckSameShape(sd, d, st, t);
	}
	for (int i = 0; i < d; i++)
		if (!isfinite(x[i]))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("features must be finite")));
	Accumulate(v, d, t, x, y);
	PG_RETURN_ARRAYTYPE_P(state);
}

PG_FUNCTION_INFO_V1(recfair_feature_map_combine);
Datum
recfair_feature_map_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *s1 = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *s2 = PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1);
	float8	   *v1;
	float8	   *v2;
	int			d1,
				t1,
				d2,
				t2;
	int64		n;

	(void) AggregateContext(fcinfo);
	if (s2 == NULL)
	{
		if (s1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(s1);
	}
	v2 = MapState(s2, &d2, &t2);
	n = ARR_DIMS(s2)[0];
	if (s1 == NULL)
	{
		s1 = ZeroedFloat8Array(CurrentMemoryContext, (int) n);
		memcpy(ARR_DATA_PTR(s1), v2, sizeof(float8) * n);
		PG_RETURN_ARRAYTYPE_P(s1);
	}
	v1 = MapState(s1, &d1, &t1);
	CheckSameShape(d1, d2, t1, t2);
	for (int64 i = 2; i < n; i++)
		v1[i] += v2[i];
	PG_RETURN_ARRAYTYPE_P(s1);
}

/*
 * Solve a state for the map W ((d + 1) x t, row-major, the intercept's row
 * last); NULL if the equations are singular (no regularization and too few
 * rows).
 */
static float8 *
SolveMap(const float8 *v, int d, int t, double mu)
{
	int			n = d + 1;
	int			nrhs = t;
	int			info = 0;
	float8	   *a = palloc(sizeof(float8) * n * n);
	float8	   *b = palloc(sizeof(float8) * n * t);
	float8	   *w = palloc(sizeof(float8) * n * t);
	const float8 *sa = v + STATE_HEADER;
	const float8 *sb = sa + (int64) n * n;

	/* the upper triangle, row-major, is column-major's lower: full both ways */
	for (int r = 0; r < n; r++)
		for (int c = r; c < n; c++)
			a[(int64) r * n + c] = a[(int64) c * n + r] = sa[(int64) r * n + c];
	for (int r = 0; r < d; r++)
		a[(int64) r * n + r] += mu;
	/* B column-major: column j is target j over the n rows */
	for (int r = 0; r < n; r++)
		for (int j = 0; j < t; j++)
			b[(int64) j * n + r] = sb[(int64) r * t + j];
	BlasBackendCheck();
	dposv_("L", &n, &nrhs, a, &n, b, &n, &info);
	BlasBackendDone();
	if (info != 0)
		return NULL;
	for (int r = 0; r < n; r++)
		for (int j = 0; j < t; j++)
			w[(int64) r * t + j] = b[(int64) j * n + r];
	return w;
}

/* y = (x, 1) W for a map of d features and t targets. */
static void
ApplyMap(const float8 *w, int d, int t, const float4 *x, float4 *y)
{
	for (int j = 0; j < t; j++)
	{
		float8		s = w[(int64) d * t + j];

		for (int r = 0; r < d; r++)
			s += (float8) x[r] * w[(int64) r * t + j];
		y[j] = (float4) s;
	}
}

static void
CheckRegularization(double mu)
{
	if (isnan(mu) || mu < 0 || isinf(mu))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the feature map's regularization must be a finite, non-negative number")));
}

static void
SingularMap(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("the feature map's equations are singular"),
			 errdetail("Fewer independent feature vectors than features, and no regularization."),
			 errhint("Use a positive regularization.")));
}

/* feature_map_solve(state, regularization): the map as a (d + 1) x t array, the intercept's row last. */
PG_FUNCTION_INFO_V1(recfair_feature_map_solve);
Datum
recfair_feature_map_solve(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	double		mu = PG_GETARG_FLOAT8(1);
	int			d;
	int			t;
	float8	   *v = MapState(state, &d, &t);
	float8	   *w;
	Datum	   *elems;
	int			dims[2];
	int			lbs[2] = {1, 1};

	CheckRegularization(mu);
	w = SolveMap(v, d, t, mu);
	if (w == NULL)
		SingularMap();
	elems = palloc(sizeof(Datum) * (d + 1) * t);
	for (int64 i = 0; i < (int64) (d + 1) * t; i++)
		elems[i] = Float8GetDatum(w[i]);
	dims[0] = d + 1;
	dims[1] = t;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, NULL, 2, dims, lbs, FLOAT8OID, sizeof(float8),
											 FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* A map array's values, checked: (d + 1) x t, no NULLs. */
static const float8 *
MapValues(ArrayType *a, int *d, int *t)
{
	if (ARR_NDIM(a) != 2 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID || ARR_DIMS(a)[0] < 2 ||
		ARR_DIMS(a)[0] > FEATURE_MAX_DIM + 1 || ARR_DIMS(a)[1] < 1 || ARR_DIMS(a)[1] > EMBEDDING_MAX_DIM + 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid feature map"),
				 errdetail("A map is a two-dimensional double precision array of (features + 1) rows, without NULLs, as feature_map_solve returns.")));
	*d = ARR_DIMS(a)[0] - 1;
	*t = ARR_DIMS(a)[1];
	return (const float8 *) ARR_DATA_PTR(a);
}

/* feature_map_apply(map, features): the mapped target, real[] of t elements. */
PG_FUNCTION_INFO_V1(recfair_feature_map_apply);
Datum
recfair_feature_map_apply(PG_FUNCTION_ARGS)
{
	int			d;
	int			t;
	const float8 *w = MapValues(PG_GETARG_ARRAYTYPE_P(0), &d, &t);
	int			n;
	const float4 *x = RealArray(PG_GETARG_ARRAYTYPE_P(1), "features", FEATURE_MAX_DIM, &n);
	float4	   *y;
	Datum	   *elems;

	if (n != d)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("the map takes %d features, not %d", d, n)));
	y = palloc(sizeof(float4) * t);
	ApplyMap(w, d, t, x, y);
	elems = palloc(sizeof(Datum) * t);
	for (int j = 0; j < t; j++)
		elems[j] = Float4GetDatum(y[j]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, t, FLOAT4OID, sizeof(float4), true, TYPALIGN_INT));
}

/*
 * Training: the registered table's features
 */

/* One feature value as floats: *n elements into a palloc'd array; false if NULL-free parsing fails. */
static float4 *
FeatureValues(Datum value, Oid type, FmgrInfo *out, int *n)
{
	Oid			embedding = EmbeddingTypeOid();

	if (type == embedding)
	{
		Embedding  *e = DatumGetEmbeddingP(value);
		float4	   *x = palloc(sizeof(float4) * e->dim);

		memcpy(x, e->x, sizeof(float4) * e->dim);
		*n = e->dim;
		return x;
	}
	if (type == FLOAT4ARRAYOID || type == FLOAT8ARRAYOID || type == INT4ARRAYOID || type == INT2ARRAYOID ||
		type == INT8ARRAYOID)
	{
		ArrayType  *a = DatumGetArrayTypeP(value);
		Oid			elem = ARR_ELEMTYPE(a);
		int16		typlen;
		bool		typbyval;
		char		typalign;
		Datum	   *elems;
		bool	   *nulls;
		float4	   *x;

		if (ARR_NDIM(a) != 1)
			return NULL;
		get_typlenbyvalalign(elem, &typlen, &typbyval, &typalign);
		deconstruct_array(a, elem, typlen, typbyval, typalign, &elems, &nulls, n);
		x = palloc(sizeof(float4) * Max(*n, 1));
		for (int i = 0; i < *n; i++)
		{
			if (nulls[i])
				return NULL;
			x[i] = elem == FLOAT4OID ? DatumGetFloat4(elems[i]) :
				elem == FLOAT8OID ? (float4) DatumGetFloat8(elems[i]) :
				elem == INT4OID ? (float4) DatumGetInt32(elems[i]) :
				elem == INT2OID ? (float4) DatumGetInt16(elems[i]) : (float4) DatumGetInt64(elems[i]);
		}
		return x;
	}
	/* another type: its text, a bracketed list of numbers (pgvector's vector, numeric[]) */
	{
		char	   *text = OutputFunctionCall(out, value);
		char	   *p = text;
		char		close;
		int			cap = 16;
		float4	   *x = palloc(sizeof(float4) * cap);

		*n = 0;
		while (*p == ' ')
			p++;
		if (*p != '[' && *p != '{')
			return NULL;
		close = *p == '[' ? ']' : '}';
		p++;
		for (;;)
		{
			char	   *end;
			double		f;

			while (*p == ' ')
				p++;
			if (*p == close && *n == 0)
				return NULL;
			f = strtod(p, &end);
			if (end == p)
				return NULL;
			if (*n == cap)
			{
				cap *= 2;
				x = repalloc(x, sizeof(float4) * cap);
			}
			x[(*n)++] = (float4) f;
			p = end;
			while (*p == ' ')
				p++;
			if (*p == ',')
			{
				p++;
				continue;
			}
			if (*p == close)
				break;
			return NULL;
		}
		return x;
	}
}

/*
 * The registered table of a model's side and its key: the one this call
 * registers, else the one the model's row names.
 */
static Oid
SideTable(const char *model, bool users, Oid passed, const char *passed_key, char **key)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	char	   *table;
	Oid			relid;

	if (OidIsValid(passed))
	{
		*key = pstrdup(passed_key);
		return passed;
	}
	if (SPI_execute_with_args(users ?
							  "SELECT user_table, user_key FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1" :
							  "SELECT item_table, item_key FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
							  1, types, values, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read model \"%s\"", model);
	table = SPI_processed == 1 ? SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1) : NULL;
	*key = SPI_processed == 1 ? SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2) : NULL;
	if (table == NULL || *key == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("%s_features needs a registered %s table", users ? "user" : "item", users ? "user" : "item"),
				 users ? errhint("Pass users => 'my_users', user_key => 'user_id' to train().")
				 : errhint("Pass items => 'my_items', item_key => 'item_id' to train().")));
	relid = RangeVarGetRelid(makeRangeVarFromNameList(QualifiedNameList(table)), AccessShareLock, true);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("the %s table %s of model \"%s\" does not exist", users ? "user" : "item", table, model)));
	return relid;
}

typedef struct FeatureRows
{
	int64		n;
	int			d;
	int64	   *ids;
	float4	   *x;				/* n x d */
} FeatureRows;

/* The rows of the table that have features (a NULL key or feature is skipped). */
static void
ReadFeatureRows(const char *model, bool users, Oid relid, const char *key, const char *column, FeatureRows *rows)
{
	const char *kind = users ? "user" : "item";
	AttrNumber	key_att;
	AttrNumber	col_att;
	Oid			key_type;
	Oid			col_type;
	Oid			out_fn;
	bool		varlena;
	FmgrInfo	out;
	RegisteredRead read;
	int			rc;
	idmap_hash *seen;

	CheckColumnNameLength(column);
	key_att = get_attnum(relid, key);
	col_att = get_attnum(relid, column);
	if (col_att == InvalidAttrNumber || col_att < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", column, get_rel_name(relid)),
				 errdetail("It is the %s feature column of model \"%s\".", kind, model)));
	if (key_att == InvalidAttrNumber || key_att < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", key, get_rel_name(relid))));
	key_type = getBaseType(get_atttype(relid, key_att));
	if (key_type != INT2OID && key_type != INT4OID && key_type != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("key column \"%s\" is of type %s, not smallint, integer or bigint", key,
						format_type_be(get_atttype(relid, key_att)))));
	col_type = getBaseType(get_atttype(relid, col_att));
	getTypeOutputInfo(get_atttype(relid, col_att), &out_fn, &varlena);
	fmgr_info(out_fn, &out);

	BeginRegisteredRead(relid, key_att, col_att, model, kind, &read);
	rc = SPI_execute(psprintf("SELECT t.%s, t.%s FROM %s AS t", quote_identifier(key), quote_identifier(column),
							  quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
														 get_rel_name(relid))), true, 0);
	EndRegisteredRead(&read);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));

	rows->n = 0;
	rows->d = 0;
	rows->ids = palloc_extended(mul_size(sizeof(int64), Max(SPI_processed, 1)), MCXT_ALLOC_HUGE);
	rows->x = NULL;
	seen = idmap_create(CurrentMemoryContext, Max(SPI_processed, 16), NULL);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		bool		knull;
		bool		vnull;
		Datum		k = SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &knull);
		Datum		v = SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &vnull);
		int64		id;
		int			n;
		float4	   *x;
		bool		found;

		if ((r & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (knull || vnull)
			continue;
		id = key_type == INT8OID ? DatumGetInt64(k) : key_type == INT4OID ? DatumGetInt32(k) : DatumGetInt16(k);
		x = FeatureValues(v, col_type, &out, &n);
		if (x == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("the features of %s %lld are not a list of numbers", kind, (long long) id),
					 errdetail("Column \"%s\" is of type %s.", column, format_type_be(col_type)),
					 errhint("Use real[], double precision[], recfair.embedding or pgvector's vector, one-dimensional and without NULLs.")));
		if (rows->d == 0)
		{
			if (n < 1 || n > FEATURE_MAX_DIM)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("features must have 1 to %d elements, not %d", FEATURE_MAX_DIM, n)));
			rows->d = n;
			rows->x = palloc_extended(mul_size(mul_size(sizeof(float4), n), Max(SPI_processed, 1)), MCXT_ALLOC_HUGE);
		}
		if (n != rows->d)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("the features of %s %lld have %d elements, others %d", kind, (long long) id, n, rows->d)));
		for (int i = 0; i < n; i++)
			if (!isfinite(x[i]))
				ereport(ERROR,
						(errcode(ERRCODE_DATA_EXCEPTION),
						 errmsg("the features of %s %lld are not finite", kind, (long long) id)));
		idmap_insert(seen, id, &found);
		if (found)
			ereport(ERROR,
					(errcode(ERRCODE_CARDINALITY_VIOLATION),
					 errmsg("%s %lld has more than one row with features in %s", kind, (long long) id,
							get_rel_name(relid))));
		rows->ids[rows->n] = id;
		memcpy(rows->x + rows->n * rows->d, x, sizeof(float4) * n);
		rows->n++;
		pfree(x);
	}
	SPI_freetuptable(SPI_tuptable);
}

/*
 * The model's trained rows of a side: factors (and bias) as targets, by id.
 * Returns the targets' length t (k, or k + 1 with a bias).
 */
static int
ReadTargets(const char *model, bool users, int k, idmap_hash **index, float4 **targets, int64 *n)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	bool		has_bias = false;
	int			t;

	if (SPI_execute_with_args(users ?
							  "SELECT user_id, factors, bias FROM recfair.user_factors WHERE model OPERATOR(pg_catalog.=) $1" :
							  "SELECT item_id, factors, bias FROM recfair.item_factors WHERE model OPERATOR(pg_catalog.=) $1",
							  1, types, values, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the factors of model \"%s\"", model);
	for (uint64 r = 0; r < SPI_processed && !has_bias; r++)
	{
		bool		isnull;

		(void) SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 3, &isnull);
		has_bias = !isnull;
	}
	t = k + (has_bias ? 1 : 0);
	*n = SPI_processed;
	*targets = palloc_extended(mul_size(mul_size(sizeof(float4), t), Max(SPI_processed, 1)), MCXT_ALLOC_HUGE);
	*index = idmap_create(CurrentMemoryContext, Max(SPI_processed, 16), NULL);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		bool		isnull;
		bool		found;
		int64		id = DatumGetInt64(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		Embedding  *e = DatumGetEmbeddingP(SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull));
		Datum		b = SPI_getbinval(tup, SPI_tuptable->tupdesc, 3, &isnull);

		if (e->dim != k)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("a row of model \"%s\" has %d factors, expected %d", model, e->dim, k)));
		memcpy(*targets + (int64) r * t, e->x, sizeof(float4) * k);
		if (has_bias)
			(*targets)[(int64) r * t + k] = isnull ? 0.0f : DatumGetFloat4(b);
		idmap_insert(*index, id, &found)->index = (int32) r;
	}
	SPI_freetuptable(SPI_tuptable);
	return t;
}

/* Insert the cold rows: ids[i] with target y (n x t) into the side's factor table. */
static void
InsertColdRows(const char *model, bool users, int k, int t, const int64 *ids, const float4 *y, int64 n,
			   bool als_weights)
{
	Oid			emb = EmbeddingTypeOid();
	Oid			types[4] = {TEXTOID, INT8ARRAYOID, get_array_type(emb), FLOAT4ARRAYOID};
	Datum		values[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	Datum	   *id_d = palloc_extended(mul_size(sizeof(Datum), Max(n, 1)), MCXT_ALLOC_HUGE);
	Datum	   *emb_d = palloc_extended(mul_size(sizeof(Datum), Max(n, 1)), MCXT_ALLOC_HUGE);
	Datum	   *bias_d = palloc_extended(mul_size(sizeof(Datum), Max(n, 1)), MCXT_ALLOC_HUGE);
	Oid			relid = RecfairTableOid("user_factors");
	bool		weights_col = users && OidIsValid(relid) && get_attnum(relid, "seen_weights") != InvalidAttrNumber;

	if (n == 0)
		return;
	for (int64 i = 0; i < n; i++)
	{
		id_d[i] = Int64GetDatum(ids[i]);
		emb_d[i] = MakeEmbedding(y + i * t, k);
		bias_d[i] = Float4GetDatum(t > k ? y[i * t + k] : 0.0f);
	}
	values[0] = CStringGetTextDatum(model);
	values[1] = PointerGetDatum(construct_array(id_d, (int) n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[2] = PointerGetDatum(construct_array(emb_d, (int) n, emb, -1, false, TYPALIGN_INT));
	values[3] = PointerGetDatum(construct_array(bias_d, (int) n, FLOAT4OID, sizeof(float4), true, TYPALIGN_INT));
	if (t == k)
		nulls[3] = 'n';
	if (SPI_execute_with_args(users ?
							  psprintf("INSERT INTO recfair.user_factors (model, user_id, factors, bias, seen%s) "
									   "SELECT $1, t.id, t.f, t.b, '{}'::pg_catalog.int8[]::recfair.idset%s "
									   "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4)) "
									   "AS t(id, f, b)",
									   weights_col ? ", seen_weights" : "",
									   weights_col ? (als_weights ? ", '{}'::pg_catalog.float4[]" : ", NULL") : "") :
							  "INSERT INTO recfair.item_factors (model, item_id, factors, bias) "
							  "SELECT $1, t.id, t.f, t.b "
							  "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4)) AS t(id, f, b)",
							  4, types, values, nulls, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "could not store the cold %s rows", users ? "user" : "item");
}

/* Store (replace) the map of a model's side. */
static void
StoreMap(const char *model, bool users, const char *column, const float8 *w, int d, int t, double mu, int64 rows)
{
	Oid			types[6] = {TEXTOID, TEXTOID, TEXTOID, FLOAT8ARRAYOID, FLOAT8OID, INT8OID};
	Datum		values[6];
	Datum	   *elems = palloc(sizeof(Datum) * (d + 1) * t);
	int			dims[2] = {d + 1, t};
	int			lbs[2] = {1, 1};

	for (int64 i = 0; i < (int64) (d + 1) * t; i++)
		elems[i] = Float8GetDatum(w[i]);
	values[0] = CStringGetTextDatum(model);
	values[1] = CStringGetTextDatum(users ? "user" : "item");
	values[2] = CStringGetTextDatum(column);
	values[3] = PointerGetDatum(construct_md_array(elems, NULL, 2, dims, lbs, FLOAT8OID, sizeof(float8),
												   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[4] = Float8GetDatum(mu);
	values[5] = Int64GetDatum(rows);
	if (SPI_execute_with_args("INSERT INTO recfair.feature_maps (model, side, feature_col, map, regularization, trained_rows) "
							  "VALUES ($1, $2, $3, $4, $5, $6)", 6, types, values, NULL, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "could not store the feature map");
}

/*
 * The rows with features and no factors (no entry in trained) get the
 * map's (d = rows->d features, t targets), checked finite, stored; returns
 * how many.
 */
static int64
MapColdRows(const char *model, bool users, int k, const float8 *w, int t, const FeatureRows *rows,
			idmap_hash *trained, bool als_weights)
{
	int64	   *cold_ids = palloc_extended(mul_size(sizeof(int64), Max(rows->n, 1)), MCXT_ALLOC_HUGE);
	float4	   *cold_y = palloc_extended(mul_size(mul_size(sizeof(float4), t), Max(rows->n, 1)), MCXT_ALLOC_HUGE);
	int64		ncold = 0;

	for (int64 i = 0; i < rows->n; i++)
	{
		if (idmap_lookup(trained, rows->ids[i]) != NULL)
			continue;
		cold_ids[ncold] = rows->ids[i];
		ApplyMap(w, rows->d, t, rows->x + i * rows->d, cold_y + ncold * t);
		for (int j = 0; j < t; j++)
			if (!isfinite(cold_y[ncold * t + j]))
				ereport(ERROR,
						(errcode(ERRCODE_FLOATING_POINT_EXCEPTION),
						 errmsg("the feature map gives %s %lld non-finite factors", users ? "user" : "item",
								(long long) rows->ids[i]),
						 errhint("Scale the features down or raise the feature regularization.")));
		ncold++;
	}
	InsertColdRows(model, users, k, t, cold_ids, cold_y, ncold, als_weights);
	return ncold;
}

/*
 * After training: learn the map of one side from the stored factors and the
 * registered table's feature column, store it, and give the table's rows
 * with features and no factors their mapped ones.
 */
void
TrainFeatureMap(const char *model, bool users, Oid passed_table, const char *passed_key, const char *column,
				double mu, int k, bool als_weights, FeatureMapResult *result)
{
	char	   *key;
	Oid			relid = SideTable(model, users, passed_table, passed_key, &key);
	FeatureRows rows;
	idmap_hash *index;
	float4	   *targets;
	int64		ntargets;
	int			t;
	float8	   *state;
	float8	   *w;

	CheckRegularization(mu);
	ReadFeatureRows(model, users, relid, key, column, &rows);
	t = ReadTargets(model, users, k, &index, &targets, &ntargets);
	result->trained_rows = 0;
	result->cold_rows = 0;
	if (rows.n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("no %s has features in column \"%s\"", users ? "user" : "item", column)));
	state = palloc_extended(mul_size(sizeof(float8), StateLength(rows.d, t)), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	state[0] = rows.d;
	state[1] = t;
	for (int64 i = 0; i < rows.n; i++)
	{
		IdMapEntry *e = idmap_lookup(index, rows.ids[i]);

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (e == NULL)
			continue;
		Accumulate(state, rows.d, t, rows.x + i * rows.d, targets + (int64) e->index * t);
		result->trained_rows++;
	}
	if (result->trained_rows == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("no trained %s has features in column \"%s\"", users ? "user" : "item", column),
				 errhint("The keys of the registered table must match the %s ids of the interactions.",
						 users ? "user" : "item")));
	w = SolveMap(state, rows.d, t, mu);
	if (w == NULL)
		SingularMap();
	StoreMap(model, users, column, w, rows.d, t, mu, result->trained_rows);

	result->cold_rows = MapColdRows(model, users, k, w, t, &rows, index, als_weights);
}

/*
 * add_cold_items(model): rows added to the registered tables since training
 * get factors from the stored maps; returns how many (items and users).
 */
PG_FUNCTION_INFO_V1(recfair_add_cold_rows);
Datum
recfair_add_cold_rows(PG_FUNCTION_ARGS)
{
	char	   *model = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	int64		added = 0;
	int			k;
	bool		als;
	uint64		nmaps;
	SPITupleTable *maps;
	int32		index_lists;

	SPI_connect();
	if (!CheckModelWritable(model, "add_cold_rows", true, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("model \"%s\" does not exist", model)));
	index_lists = ModelIndexLists(model);
	if (SPI_execute_with_args("SELECT factors, algorithm OPERATOR(pg_catalog.=) 'als' FROM recfair.models "
							  "WHERE name OPERATOR(pg_catalog.=) $1", 1, types, values, NULL, false, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not read model \"%s\"", model);
	{
		bool		isnull;

		k = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		als = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	}
	if (SPI_execute_with_args("SELECT side OPERATOR(pg_catalog.=) 'user', feature_col, map FROM recfair.feature_maps "
							  "WHERE model OPERATOR(pg_catalog.=) $1 ORDER BY side", 1, types, values, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the feature maps of model \"%s\"", model);
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("model \"%s\" has no feature map", model),
				 errhint("Train it with options => '{\"item_features\": \"...\"}' (or user_features).")));
	maps = SPI_tuptable;
	nmaps = SPI_processed;
	for (uint64 m = 0; m < nmaps; m++)
	{
		bool		isnull;
		bool		users = DatumGetBool(SPI_getbinval(maps->vals[m], maps->tupdesc, 1, &isnull));
		char	   *column = SPI_getvalue(maps->vals[m], maps->tupdesc, 2);
		ArrayType  *map = DatumGetArrayTypePCopy(SPI_getbinval(maps->vals[m], maps->tupdesc, 3, &isnull));
		int			d;
		int			t;
		const float8 *w = MapValues(map, &d, &t);
		char	   *key;
		Oid			relid = SideTable(model, users, InvalidOid, NULL, &key);
		FeatureRows rows;
		idmap_hash *index;
		float4	   *targets;
		int64		ntargets;

		ReadFeatureRows(model, users, relid, key, column, &rows);
		if (rows.n > 0 && rows.d != d)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("the %s features now have %d elements; the map takes %d", users ? "user" : "item", rows.d, d),
					 errhint("Retrain the model.")));
		(void) ReadTargets(model, users, k, &index, &targets, &ntargets);
		added += MapColdRows(model, users, k, w, t, &rows, index, als && users);
	}
	/*
	 * A new version, so that serving caches load the new rows: taken first
	 * and passed, as train() does (Citus runs no volatile function on a
	 * reference table)
	 */
	if (added > 0)
	{
		Oid			vtypes[2] = {TEXTOID, INT8OID};
		Datum		vvalues[2];
		bool		isnull;

		if (SPI_execute("SELECT pg_catalog.nextval('recfair.model_version_seq'::pg_catalog.regclass)", false, 1) != SPI_OK_SELECT)
			elog(ERROR, "could not take a model version");
		vvalues[0] = values[0];
		vvalues[1] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
		if (SPI_execute_with_args("UPDATE recfair.models SET version = $2 WHERE name OPERATOR(pg_catalog.=) $1",
								  2, vtypes, vvalues, NULL, false, 0) != SPI_OK_UPDATE)
			elog(ERROR, "could not update model \"%s\"", model);
		/* an item index must hold the new items: rebuilt, as train() does */
		if (index_lists > 0)
			RebuildItemIndex(model, index_lists);
	}
	SPI_finish();
	PG_RETURN_INT64(added);
}
