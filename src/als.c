/*-------------------------------------------------------------------------
 *
 * als.c
 *	  Implicit-feedback ALS (Hu, Koren and Volinsky 2008), solved row by row
 *	  with a few conjugate-gradient steps (Takacs, Pilaszy and Tikk 2011) or
 *	  exactly with a Cholesky factorization from LAPACK.
 *
 * For a user u with observed items I(u), weights w and confidence
 * c = 1 + alpha * w (the paper's choice, the default) or c = alpha * w
 * (options->>'confidence' = 'alpha*w': what the widely used "implicit"
 * Python library does, see docs/design-notes.md), the new factors x solve
 *
 *		(Y'Y + lambda I + sum_i (c_i - 1) y_i y_i') x = sum_i c_i y_i
 *
 * (preference 1 for observed items, 0 elsewhere).  Y'Y + lambda I is the
 * same for every user: it is computed once per half-iteration with BLAS
 * (ssyrk), and each user only adds its own few rank-one terms.  CG never
 * forms that matrix: one step costs k^2 + 4k|I(u)| flops, starting from
 * the previous x (warm start), so 3 steps per iteration suffice.  Items are
 * solved the same way against the user factors.
 *
 * The loss reported per iteration is the weighted squared error plus the
 * regularization, divided by the total confidence over all user-item cells
 * (sum_i c_i over observed pairs + the unobserved cells, each of
 * confidence 1), which makes numbers comparable across data sizes:
 *
 *		sum_u x_u' Y'Y x_u + sum_observed [c (1 - s)^2 - s^2]
 *		+ lambda (|X|^2 + |Y|^2),	where s = x_u . y_i
 *
 * The per-row work runs on compute threads (parallel.c); each thread reads
 * shared matrices and writes only its own rows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <math.h>

#include "als.h"
#include "common/pg_prng.h"
#include "parallel.h"

#define ALS_CHUNK 64
#define MAX_THREADS_ACC 64

/* LAPACK (Fortran interface, from OpenBLAS) */
extern void spotrf_(const char *uplo, const int *n, float *a, const int *lda, int *info);
extern void spotrs_(const char *uplo, const int *n, const int *nrhs, const float *a,
					const int *lda, float *b, const int *ldb, int *info);

static inline float
Dot(const float4 *restrict a, const float4 *restrict b, int k)
{
	float		sum = 0.0f;

#pragma omp simd reduction(+:sum)
	for (int i = 0; i < k; i++)
		sum += a[i] * b[i];
	return sum;
}

static inline void
Axpy(float a, const float4 *restrict x, float4 *restrict y, int k)
{
#pragma omp simd
	for (int i = 0; i < k; i++)
		y[i] += a * x[i];
}

/* y = A x for a symmetric k x k matrix stored in full */
static inline void
SymMatVec(const float4 *restrict a, const float4 *restrict x, float4 *restrict y, int k)
{
	for (int r = 0; r < k; r++)
		y[r] = Dot(a + (int64) r * k, x, k);
}

/* Uniform in [0, 0.01): small positive starting factors, seeded. */
void
AlsInitFactors(float4 *m, int64 rows, int factors, uint64 seed)
{
	pg_prng_state rng;

	pg_prng_seed(&rng, seed);
	for (int64 i = 0; i < rows * factors; i++)
		m[i] = (float4) (pg_prng_double(&rng) * 0.01);
}

/* gram = m' m (k x k, full), with BLAS. */
void
GramMatrix(const float4 *m, int64 rows, int k, float4 *gram)
{
	cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, k, (int) rows, 1.0f, m, k,
				0.0f, gram, k);
	for (int r = 0; r < k; r++)
		for (int c = 0; c < r; c++)
			gram[r * k + c] = gram[c * k + r];
}

/*
 * Solve a x = b in place (b becomes x) for symmetric positive definite a,
 * which is overwritten.  Safe to call on a compute thread (no PostgreSQL
 * calls).  Returns false, with b unchanged, when a is not positive definite
 * (singular, e.g. without regularization): callers keep what they had.
 */
bool
CholeskySolve(float4 *a, float4 *b, int k)
{
	int			info = 0;
	int			one = 1;

	/* row-major full symmetric == column-major: "U" is fine either way */
	spotrf_("U", &k, a, &k, &info);
	if (info != 0)
		return false;
	spotrs_("U", &k, &one, a, &k, b, &k, &info);
	return info == 0;
}

typedef struct HalfStep
{
	const AlsOptions *opt;
	const int64 *ptr;			/* rows of the side being solved */
	const int32 *idx;
	const float4 *weights;
	const float4 *other;		/* fixed factors of the other side */
	const float4 *gram;			/* other' other + lambda I */
	float4	   *target;			/* factors being solved */
	float4	   *scratch;		/* per thread: 4 k vectors + k x k */
	int			k;
} HalfStep;

static void
SolveRowCG(const HalfStep *hs, int64 row, float4 *scratch)
{
	int			k = hs->k;
	double		alpha = hs->opt->alpha;
	double		offset = hs->opt->confidence_offset;
	float4	   *x = hs->target + row * k;
	float4	   *r = scratch;
	float4	   *p = scratch + k;
	float4	   *ap = scratch + 2 * k;
	float		rsold;

	/* r = b - A x */
	SymMatVec(hs->gram, x, r, k);
	for (int i = 0; i < k; i++)
		r[i] = -r[i];
	for (int64 j = hs->ptr[row]; j < hs->ptr[row + 1]; j++)
	{
		const float4 *y = hs->other + (int64) hs->idx[j] * k;
		float		c = (float) (offset + alpha * hs->weights[j]);
		float		s = Dot(y, x, k);

		Axpy(c - (c - 1.0f) * s, y, r, k);
	}
	memcpy(p, r, sizeof(float4) * k);
	rsold = Dot(r, r, k);

	for (int step = 0; step < hs->opt->cg_steps && rsold > 1e-20f; step++)
	{
		float		a;
		float		rsnew;

		SymMatVec(hs->gram, p, ap, k);
		for (int64 j = hs->ptr[row]; j < hs->ptr[row + 1]; j++)
		{
			const float4 *y = hs->other + (int64) hs->idx[j] * k;
			float		c = (float) (offset + alpha * hs->weights[j]);

			Axpy((c - 1.0f) * Dot(y, p, k), y, ap, k);
		}
		a = rsold / Dot(p, ap, k);
		Axpy(a, p, x, k);
		Axpy(-a, ap, r, k);
		rsnew = Dot(r, r, k);
		for (int i = 0; i < k; i++)
			p[i] = r[i] + (rsnew / rsold) * p[i];
		rsold = rsnew;
	}
}

static void
SolveRowCholesky(const HalfStep *hs, int64 row, float4 *scratch)
{
	int			k = hs->k;
	double		alpha = hs->opt->alpha;
	double		offset = hs->opt->confidence_offset;
	float4	   *x = hs->target + row * k;
	float4	   *b = scratch;
	float4	   *a = scratch + 4 * k;

	memcpy(a, hs->gram, sizeof(float4) * k * k);
	memset(b, 0, sizeof(float4) * k);
	for (int64 j = hs->ptr[row]; j < hs->ptr[row + 1]; j++)
	{
		const float4 *y = hs->other + (int64) hs->idx[j] * k;
		float		c = (float) (offset + alpha * hs->weights[j]);

		for (int r = 0; r < k; r++)
			Axpy((c - 1.0f) * y[r], y, a + (int64) r * k, k);
		Axpy(c, y, b, k);
	}
	if (CholeskySolve(a, b, k))
		memcpy(x, b, sizeof(float4) * k);
}

static void
HalfStepWork(void *arg, int64 start, int64 end, int worker)
{
	const HalfStep *hs = (const HalfStep *) arg;
	float4	   *scratch = hs->scratch + (int64) worker * (4 * hs->k + hs->k * hs->k);

	for (int64 row = start; row < end; row++)
	{
		if (hs->opt->solver == ALS_SOLVER_CHOLESKY)
			SolveRowCholesky(hs, row, scratch);
		else
			SolveRowCG(hs, row, scratch);
	}
}

typedef struct LossPass
{
	const Interactions *data;
	const AlsOptions *opt;
	const float4 *x;
	const float4 *y;
	const float4 *ygram;		/* Y'Y without lambda */
	float4	   *scratch;
	double		partial[MAX_THREADS_ACC * 8];	/* one cache line apart */
	int			k;
} LossPass;

static void
LossWork(void *arg, int64 start, int64 end, int worker)
{
	LossPass   *lp = (LossPass *) arg;
	int			k = lp->k;
	float4	   *tmp = lp->scratch + (int64) worker * (4 * k + k * k);
	double		sum = 0.0;

	for (int64 u = start; u < end; u++)
	{
		const float4 *x = lp->x + u * k;

		SymMatVec(lp->ygram, x, tmp, k);
		sum += Dot(x, tmp, k) + lp->opt->regularization * Dot(x, x, k);
		for (int64 j = lp->data->user_ptr[u]; j < lp->data->user_ptr[u + 1]; j++)
		{
			double		c = lp->opt->confidence_offset +
				lp->opt->alpha * lp->data->user_weights[j];
			double		s = Dot(x, lp->y + (int64) lp->data->user_items[j] * k, k);

			sum += c * (1.0 - s) * (1.0 - s) - s * s;
		}
	}
	lp->partial[worker * 8] += sum;
}

static double
ComputeLoss(const Interactions *data, const AlsOptions *opt, const float4 *x,
			const float4 *y, float4 *gram, float4 *scratch)
{
	LossPass	lp;
	int			k = opt->factors;
	double		loss = 0.0;
	double		ynorm = 0.0;
	double		cells;

	memset(&lp, 0, sizeof(lp));
	lp.data = data;
	lp.opt = opt;
	lp.x = x;
	lp.y = y;
	lp.k = k;
	lp.scratch = scratch;
	GramMatrix(y, data->nitems, k, gram);
	lp.ygram = gram;
	ParallelForRange(data->nusers, ALS_CHUNK * 4, LossWork, &lp);
	for (int t = 0; t < MAX_THREADS_ACC; t++)
		loss += lp.partial[t * 8];
	for (int64 i = 0; i < (int64) data->nitems * k; i++)
		ynorm += (double) y[i] * y[i];
	loss += opt->regularization * ynorm;

	cells = (double) data->nusers * data->nitems - data->nnz +
		opt->confidence_offset * data->nnz + opt->alpha * data->total_weight;
	return loss / cells;
}

static void
SolveSide(const AlsOptions *opt, int64 rows, const int64 *ptr, const int32 *idx,
		  const float4 *weights, const float4 *other, int64 other_rows,
		  float4 *target, float4 *gram, float4 *scratch)
{
	HalfStep	hs;
	int			k = opt->factors;

	GramMatrix(other, other_rows, k, gram);
	for (int i = 0; i < k; i++)
		gram[i * k + i] += (float4) opt->regularization;

	hs.opt = opt;
	hs.ptr = ptr;
	hs.idx = idx;
	hs.weights = weights;
	hs.other = other;
	hs.gram = gram;
	hs.target = target;
	hs.scratch = scratch;
	hs.k = k;
	ParallelForRange(rows, ALS_CHUNK, HalfStepWork, &hs);
}

/*
 * Train in place: user_factors (nusers x k) and item_factors (nitems x k)
 * hold the starting point and receive the result.
 */
void
AlsTrainImplicit(const Interactions *data, const AlsOptions *opt,
				 float4 *user_factors, float4 *item_factors,
				 AlsProgressFn progress, void *progress_arg)
{
	int			k = opt->factors;
	int			nthreads = ParallelThreads();
	float4	   *gram = palloc(sizeof(float4) * k * k);
	float4	   *scratch = palloc(sizeof(float4) * (4 * k + k * k) * nthreads);

	openblas_set_num_threads(nthreads);
	for (int it = 1; it <= opt->iterations; it++)
	{
		SolveSide(opt, data->nusers, data->user_ptr, data->user_items, data->user_weights,
				  item_factors, data->nitems, user_factors, gram, scratch);
		SolveSide(opt, data->nitems, data->item_ptr, data->item_users, data->item_weights,
				  user_factors, data->nusers, item_factors, gram, scratch);
		if (progress)
			progress(it, ComputeLoss(data, opt, user_factors, item_factors, gram, scratch),
					 progress_arg);
	}
	pfree(gram);
	pfree(scratch);
}
