/*-------------------------------------------------------------------------
 *
 * als_agg.c
 *	  ALS as SQL aggregates, so that a half-step is one query that a user (or
 *	  Citus, on its workers) can run:
 *
 *	    gram(factors)                           the Gram matrix Y'Y
 *	    als_normal(factors, weight, alpha)      per entity, the implicit normal
 *	                                            equations' A = sum (c - 1) y y'
 *	                                            and b = sum c y, c = 1 + alpha w
 *	    als_normal_explicit(factors, rating)    A = sum y y', b = sum r y
 *	    als_solve(normal, gram, regularization) x = (Y'Y + A + lambda I)^-1 b
 *	    als_solve_explicit(normal, regularization)
 *	                                            x = (A + lambda n I)^-1 b, n
 *	                                            the entity's ratings (ALS-WR)
 *
 * The states are double precision arrays, not internal, with combine
 * functions: parallel query combines them, and Citus aggregates them
 * partially on its workers (it does so only for state types that are not
 * pseudo-types).  Layouts: gram {k, k x k sums}; normal {k, n, A (k x k,
 * upper triangle only), b (k)}.  The solves are double-precision Cholesky factorizations
 * (LAPACK's dposv).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "als.h"
#include "embedding.h"
#include "fmgr.h"
#include "linalg.h"
#include "utils/array.h"
#include "utils/builtins.h"

/* LAPACK (OpenBLAS): solve a symmetric positive definite system */

extern void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda,
				   double *b, const int *ldb, int *info);

/*
 * The values of a state array, checked: one dimension, no NULLs, float8,
 * k = v[0] a valid dimension count and the length what the layout needs
 * (extra = the entries besides k x k and k).
 */
static float8 *
StateValues(ArrayType *a, int *k, bool normal)
{
	float8	   *v;
	int64		n;
	int64		want;

	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID || ARR_DIMS(a)[0] < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid ALS aggregate state"),
				 errdetail("The state is a one-dimensional double precision array without NULLs.")));
	v = (float8 *) ARR_DATA_PTR(a);
	n = ARR_DIMS(a)[0];
	if (!(v[0] >= 1 && v[0] <= EMBEDDING_MAX_DIM && v[0] == floor(v[0])))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid ALS aggregate state"),
				 errdetail("Its first element, the number of factors, is %g.", v[0])));
	*k = (int) v[0];
	want = normal ? 2 + (int64) *k * *k + *k : 1 + (int64) *k * *k;
	if (n != want)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid ALS aggregate state"),
				 errdetail("%lld elements where %d factors need %lld.", (long long) n, *k, (long long) want)));
	return v;
}

static void
CheckFactors(int have, int k)
{
	if (have != k)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("different embedding dimensions %d and %d", k, have)));
}

/* gram transition: adds y y'. */
PG_FUNCTION_INFO_V1(als_gram_accum);
Datum
als_gram_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	Embedding  *y;
	float8	   *v;
	int			k;

	(void) AggregateContext(fcinfo);	/* aggregates only */

	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(state);
	}
	y = PG_GETARG_EMBEDDING_P(1);
	if (state == NULL)
	{
		state = ZeroedFloat8Array(CurrentMemoryContext, 1 + y->dim * y->dim);
		((float8 *) ARR_DATA_PTR(state))[0] = y->dim;
	}
	v = StateValues(state, &k, false);
	CheckFactors(y->dim, k);
	for (int r = 0; r < k; r++)
	{
		float8		yr = y->x[r];
		float8	   *row = v + 1 + (int64) r * k;

		for (int c = 0; c < k; c++)
			row[c] += yr * y->x[c];
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

/* Combine of gram and of the normal equations: adds the states element by element (k equal). */
static Datum
CombineStates(FunctionCallInfo fcinfo, bool normal)
{
	ArrayType  *s1 = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *s2 = PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1);
	float8	   *v1;
	float8	   *v2;
	int			k1;
	int			k2;
	int64		n;

	(void) AggregateContext(fcinfo);	/* aggregates only */

	if (s2 == NULL)
	{
		if (s1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(s1);
	}
	v2 = StateValues(s2, &k2, normal);
	n = ARR_DIMS(s2)[0];
	if (s1 == NULL)
	{
		s1 = ZeroedFloat8Array(CurrentMemoryContext, (int) n);
		memcpy(ARR_DATA_PTR(s1), v2, sizeof(float8) * n);
		PG_RETURN_ARRAYTYPE_P(s1);
	}
	v1 = StateValues(s1, &k1, normal);
	CheckFactors(k2, k1);
	for (int64 i = 1; i < n; i++)
		v1[i] += v2[i];
	PG_RETURN_ARRAYTYPE_P(s1);
}

PG_FUNCTION_INFO_V1(als_gram_combine);
Datum
als_gram_combine(PG_FUNCTION_ARGS)
{
	return CombineStates(fcinfo, false);
}

PG_FUNCTION_INFO_V1(als_normal_combine);
Datum
als_normal_combine(PG_FUNCTION_ARGS)
{
	return CombineStates(fcinfo, true);
}

/* gram's result: the k x k matrix as a two-dimensional double precision array. */
PG_FUNCTION_INFO_V1(als_gram_final);
Datum
als_gram_final(PG_FUNCTION_ARGS)
{
	float8	   *v;
	int			k;
	Datum	   *elems;
	int			dims[2];
	int			lbs[2] = {1, 1};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = StateValues(PG_GETARG_ARRAYTYPE_P(0), &k, false);
	elems = palloc(sizeof(Datum) * k * k);
	for (int64 i = 0; i < (int64) k * k; i++)
		elems[i] = Float8GetDatum(v[1 + i]);
	dims[0] = dims[1] = k;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, NULL, 2, dims, lbs, FLOAT8OID, sizeof(float8),
											 FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* The normal-equations state of a row, made on its first input. */
static ArrayType *
NormalState(FunctionCallInfo fcinfo, ArrayType *state, int k, float8 **v)
{
	int			have;

	(void) AggregateContext(fcinfo);	/* aggregates only: the state is updated in place */
	if (state == NULL)
	{
		state = ZeroedFloat8Array(CurrentMemoryContext, 2 + k * k + k);
		((float8 *) ARR_DATA_PTR(state))[0] = k;
	}
	*v = StateValues(state, &have, true);
	CheckFactors(k, have);
	return state;
}

/*
 * Add one interaction: A += a y y', b += coef y, n += 1 (A at v + 2, b after
 * it).  Only A's upper triangle (row-major, c >= r) is accumulated: the
 * solve reads no more, and this halves the work of the query's hottest
 * loop.  The rows are compiled for AVX-512, AVX2+FMA and baseline x86-64
 * and the loader picks one (as in als.c).
 */
ALS_KERNEL_CLONES static void
AddInteraction(float8 *restrict v, const float4 *restrict y, int k, float8 a, float8 coef)
{
	float8	   *restrict A = v + 2;
	float8	   *restrict b = v + 2 + (int64) k * k;

	v[1] += 1;
	if (a != 0.0)
		for (int r = 0; r < k; r++)
		{
			float8		ay = a * y[r];
			float8	   *restrict row = A + (int64) r * k;

#pragma omp simd
			for (int c = r; c < k; c++)
				row[c] += ay * y[c];
		}
#pragma omp simd
	for (int r = 0; r < k; r++)
		b[r] += coef * y[r];
}

/* als_normal(factors, weight, alpha): implicit feedback, confidence c = 1 + alpha w. */
PG_FUNCTION_INFO_V1(als_normal_accum);
Datum
als_normal_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	Embedding  *y;
	float8		w;
	float8		alpha;
	float8	   *v;

	/* a row without factors or weight adds nothing, like a NULL in sum() */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(state);
	}
	y = PG_GETARG_EMBEDDING_P(1);
	w = PG_GETARG_FLOAT4(2);
	alpha = PG_GETARG_FLOAT8(3);
	if (!isfinite(w) || w < 0 || !isfinite(alpha) || alpha < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("als_normal needs a finite, non-negative weight and alpha, not %g and %g", w, alpha)));
	state = NormalState(fcinfo, state, y->dim, &v);
	AddInteraction(v, y->x, y->dim, alpha * w, 1.0 + alpha * w);
	PG_RETURN_ARRAYTYPE_P(state);
}

/* als_normal_explicit(factors, rating): A += y y', b += r y. */
PG_FUNCTION_INFO_V1(als_normal_explicit_accum);
Datum
als_normal_explicit_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	Embedding  *y;
	float8		r;
	float8	   *v;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(state);
	}
	y = PG_GETARG_EMBEDDING_P(1);
	r = PG_GETARG_FLOAT8(2);
	if (!isfinite(r))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("als_normal_explicit needs a finite rating, not %g", r)));
	state = NormalState(fcinfo, state, y->dim, &v);
	AddInteraction(v, y->x, y->dim, 1.0, r);
	PG_RETURN_ARRAYTYPE_P(state);
}

/* Solve M x = b (M k x k symmetric positive definite, overwritten); false if it is not. */
static bool
SolveSpd(double *M, double *b, int k)
{
	int			info = 0;
	int			one = 1;

	/* single-threaded, with its buffer mapped (linalg.c): in a Citus worker this runs once per group */
	BlasBackendCheck();
	/* M is row-major with its upper triangle set: LAPACK's (column-major) lower */
	dposv_("L", &k, &one, M, &k, b, &k, &info);
	BlasBackendDone();
	return info == 0;
}

/* A k x k two-dimensional double precision array, without NULLs, into M (row-major). */
static void
ReadGram(ArrayType *gram, int k, double *M)
{
	if (ARR_NDIM(gram) != 2 || ARR_HASNULL(gram) || ARR_ELEMTYPE(gram) != FLOAT8OID ||
		ARR_DIMS(gram)[0] != k || ARR_DIMS(gram)[1] != k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("gram must be a %d x %d double precision matrix without NULLs", k, k),
				 errhint("Pass recfair.gram() of the other side's factors.")));
	memcpy(M, ARR_DATA_PTR(gram), sizeof(double) * k * k);
}

/* The solution as an embedding. */
static Datum
SolutionEmbedding(const double *x, int k)
{
	Embedding  *e = InitEmbedding(k);

	for (int i = 0; i < k; i++)
	{
		e->x[i] = (float4) x[i];
		if (!isfinite(e->x[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("the ALS solution is not finite")));
	}
	PG_RETURN_EMBEDDING_P(e);
}

/* The solve of either kind: M = (gram or 0) + A + lambda' I, x = M^-1 b. */
static Datum
Solve(FunctionCallInfo fcinfo, ArrayType *normal, ArrayType *gram, double regularization, bool explicit)
{
	int			k;
	float8	   *v = StateValues(normal, &k, true);
	double	   *M = palloc0(sizeof(double) * k * k);
	double	   *x = palloc(sizeof(double) * k);
	double		lambda;

	if (!isfinite(regularization) || regularization < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("regularization must be a finite, non-negative number")));
	if (gram != NULL)
		ReadGram(gram, k, M);
	for (int64 i = 0; i < (int64) k * k; i++)
		M[i] += v[2 + i];
	lambda = explicit ? regularization * v[1] : regularization;
	for (int i = 0; i < k; i++)
	{
		M[(int64) i * k + i] += lambda;
		x[i] = v[2 + (int64) k * k + i];
	}
	if (!SolveSpd(M, x, k))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the ALS normal equations are singular"),
				 errhint("Use a positive regularization.")));
	return SolutionEmbedding(x, k);
}

PG_FUNCTION_INFO_V1(als_solve);
Datum
als_solve(PG_FUNCTION_ARGS)
{
	return Solve(fcinfo, PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), PG_GETARG_FLOAT8(2), false);
}

PG_FUNCTION_INFO_V1(als_solve_explicit);
Datum
als_solve_explicit(PG_FUNCTION_ARGS)
{
	return Solve(fcinfo, PG_GETARG_ARRAYTYPE_P(0), NULL, PG_GETARG_FLOAT8(1), true);
}

/*
 * als_fit(normal, x) = x'A x - 2 x'b: with the sum of the confidences, the
 * entity's part of the weighted squared error over its observed cells,
 * sum c (1 - s)^2 - s^2 = sum c - 2 x'b + x'A x (s the predictions; see
 * als.c for the loss).  train()'s aggregate engine adds it up per item, so
 * that the loss needs no pass of its own over the interactions.
 */
PG_FUNCTION_INFO_V1(als_fit);
Datum
als_fit(PG_FUNCTION_ARGS)
{
	int			k;
	float8	   *v = StateValues(PG_GETARG_ARRAYTYPE_P(0), &k, true);
	Embedding  *x = PG_GETARG_EMBEDDING_P(1);
	const float8 *A = v + 2;
	const float8 *b = v + 2 + (int64) k * k;
	double		quad = 0.0;
	double		lin = 0.0;

	CheckFactors(x->dim, k);
	for (int r = 0; r < k; r++)
	{
		double		row = 0.0;

		/* A holds its upper triangle: the off-diagonal terms count twice */
		for (int c = r + 1; c < k; c++)
			row += A[(int64) r * k + c] * x->x[c];
		quad += x->x[r] * (A[(int64) r * k + r] * x->x[r] + 2.0 * row);
		lin += b[r] * x->x[r];
	}
	PG_RETURN_FLOAT8(quad - 2.0 * lin);
}
