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
 * (preference 1 for observed items, 0 elsewhere).  With weighted
 * regularization (Zhou et al. 2008, ALS-WR) lambda is multiplied by the
 * row's number of interactions |I(u)|: rows with more data may carry larger
 * factors, and one lambda fits data sets of different density (measured in
 * docs/design-notes.md).  The weights may first be scaled (AlsScaleWeights):
 * log(1 + w / eps) for counts, or BM25.  Y'Y + lambda I is the
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
 * computed without a pass of its own (ComputeLoss).
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
#include "linalg.h"
#include "parallel.h"

#define ALS_CHUNK 64
#define MAX_THREADS_ACC RECFAIR_MAX_THREADS	/* the pool never runs more (parallel.h) */

/* The vector kernels below are compiled per CPU level (ALS_KERNEL_CLONES, als.h). */

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

/* BM25 of a weight w, given its user's length norm and its item's idf (AlsScaleWeights). */
static inline float4
Bm25(double w, double norm, double idf)
{
	return (float4) (w * (ALS_BM25_K1 + 1.0) / (ALS_BM25_K1 * norm + w) * idf);
}

/*
 * The weights as the confidence uses them, in both orders of the matrix,
 * and their new total:
 * - log: log(1 + w / eps), for counts whose large values say little more
 *   than moderate ones (a play count of 500 versus 50);
 * - bm25: w (k1 + 1) / (k1 norm_u + w) idf_i, where norm_u = 1 - b + b
 *   len_u / mean len (len_u the user's total weight) damps heavy users,
 *   and idf_i = log(nusers / (1 + n_i)) (n_i the item's users, at least a
 *   small positive value) damps popular items: the interaction matrix
 *   weighted as a term-document matrix.
 */
void
AlsScaleWeights(Interactions *data, AlsOptions *opt)
{
	double		total = 0.0;

	if (opt->weighting == ALS_WEIGHTING_RAW)
	{
		AlsResolveDefaults(opt, 1.0);
		AlsResolveRegularization(opt, data->total_weight, data->nnz);
		return;
	}
	if (opt->weighting == ALS_WEIGHTING_LOG)
	{
		if (opt->eps <= 0)
		{
			int64		at_least[ALS_EPS_EXPONENTS] = {0};

			for (int64 j = 0; j < data->nnz; j++)
			{
				int			e;

				if (data->user_weights[j] <= 0)
					continue;
				(void) frexp(data->user_weights[j], &e);	/* w >= 2^(e - 1) */
				for (e = Min(e - 1, ALS_EPS_MAX_EXP); e >= ALS_EPS_MIN_EXP; e--)
					at_least[e - ALS_EPS_MIN_EXP]++;
			}
			AlsResolveDefaults(opt, AlsEpsFromCounts(at_least, data->nnz));
		}
		else
			AlsResolveDefaults(opt, opt->eps);
		for (int64 j = 0; j < data->nnz; j++)
		{
			data->user_weights[j] = (float4) log1p(data->user_weights[j] / opt->eps);
			data->item_weights[j] = (float4) log1p(data->item_weights[j] / opt->eps);
			total += data->user_weights[j];
		}
	}
	else
	{
		float4	   *norm = palloc(sizeof(float4) * data->nusers);
		float4	   *idf = palloc(sizeof(float4) * data->nitems);
		double		mean_length = data->total_weight / Max(data->nusers, 1);

		AlsResolveDefaults(opt, 1.0);

		for (int32 u = 0; u < data->nusers; u++)
		{
			double		length = 0.0;

			for (int64 j = data->user_ptr[u]; j < data->user_ptr[u + 1]; j++)
				length += data->user_weights[j];
			norm[u] = (float4) (1.0 - ALS_BM25_B + ALS_BM25_B * length / Max(mean_length, 1e-30));
		}
		for (int32 i = 0; i < data->nitems; i++)
			idf[i] = (float4) Max(log((double) data->nusers / (1.0 + (data->item_ptr[i + 1] - data->item_ptr[i]))),
								  1e-3);
		for (int32 u = 0; u < data->nusers; u++)
			for (int64 j = data->user_ptr[u]; j < data->user_ptr[u + 1]; j++)
			{
				double		w = data->user_weights[j];

				data->user_weights[j] = Bm25(w, norm[u], idf[data->user_items[j]]);
				total += data->user_weights[j];
			}
		for (int32 i = 0; i < data->nitems; i++)
			for (int64 j = data->item_ptr[i]; j < data->item_ptr[i + 1]; j++)
			{
				double		w = data->item_weights[j];

				data->item_weights[j] = Bm25(w, norm[data->item_users[j]], idf[i]);
			}
		pfree(norm);
		pfree(idf);
	}
	data->total_weight = total;
	AlsResolveRegularization(opt, total, data->nnz);
}

/*
 * The default eps (ALS_EPS_MIN_EXP): at_least[e - ALS_EPS_MIN_EXP] is the
 * number of the n interactions that weigh at least 2^e.
 */
double
AlsEpsFromCounts(const int64 *at_least, int64 n)
{
	for (int e = ALS_EPS_MAX_EXP; e >= ALS_EPS_MIN_EXP; e--)
		if (n > 0 && at_least[e - ALS_EPS_MIN_EXP] * 2 >= n)
			return ldexp(1.0, e);
	return 1.0;
}

/* eps where it is the default, and alpha: eps for confidence log, else 1 */
void
AlsResolveDefaults(AlsOptions *opt, double eps)
{
	if (opt->weighting == ALS_WEIGHTING_LOG && opt->eps <= 0)
		opt->eps = eps;
	if (opt->alpha < 0)
		opt->alpha = opt->weighting == ALS_WEIGHTING_LOG ? opt->eps : ALS_DEFAULT_ALPHA;
}

/*
 * lambda where it is the default, from the scaled weights' total (a real,
 * as a given regularization is, so that the recorded value reproduces it).
 */
void
AlsResolveRegularization(AlsOptions *opt, double total_weight, int64 nnz)
{
	if (opt->regularization >= 0)
		return;
	if (opt->weighting == ALS_WEIGHTING_LOG && nnz > 0)
		opt->regularization = (float4) (ALS_DEFAULT_REGULARIZATION_PER_LOG_WEIGHT * total_weight / nnz);
	else
		opt->regularization = (float4) ALS_DEFAULT_REGULARIZATION;
}

/* The option confidence's value that gives these settings. */
const char *
AlsConfidenceName(const AlsOptions *opt)
{
	switch (opt->weighting)
	{
		case ALS_WEIGHTING_LOG:
			return "log";
		case ALS_WEIGHTING_BM25:
			return "bm25";
		case ALS_WEIGHTING_RAW:
			break;
	}
	return opt->confidence_offset == 0.0 ? "alpha*w" : "linear";
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

/*
 * gram = m' m (k x k, full), with BLAS on the backend's thread (single-
 * threaded: see linalg.c for why OpenBLAS never gets threads of its own).
 */
void
GramMatrix(const float4 *m, int64 rows, int k, float4 *gram)
{
	BlasBackendCheck();
	cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, k, (int) rows, 1.0f, m, k,
				0.0f, gram, k);
	BlasBackendDone();
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
	double	   *loss_partial;	/* or NULL; per thread, one cache line apart */
	int			k;
} HalfStep;

/*
 * The row's own part of the regularization, beyond the lambda I already in
 * hs->gram: lambda |I(row)| with weighted regularization, else none.
 */
static inline float
RowLambda(const HalfStep *hs, int64 row)
{
	if (!hs->opt->weighted_regularization)
		return 0.0f;
	return (float) (hs->opt->regularization * (hs->ptr[row + 1] - hs->ptr[row]));
}

static inline __attribute__((always_inline)) void
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
	float		row_lambda = RowLambda(hs, row);

	/* r = b - A x */
	SymMatVec(hs->gram, x, r, k);
	for (int i = 0; i < k; i++)
		r[i] = -r[i] - row_lambda * x[i];
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
		Axpy(row_lambda, p, ap, k);
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

static inline __attribute__((always_inline)) void
SolveRowCholesky(const HalfStep *hs, int64 row, float4 *scratch)
{
	int			k = hs->k;
	double		alpha = hs->opt->alpha;
	double		offset = hs->opt->confidence_offset;
	float4	   *x = hs->target + row * k;
	float4	   *b = scratch;
	float4	   *a = scratch + 4 * k;

	float		row_lambda = RowLambda(hs, row);

	memcpy(a, hs->gram, sizeof(float4) * k * k);
	memset(b, 0, sizeof(float4) * k);
	for (int r = 0; r < k; r++)
		a[(int64) r * k + r] += row_lambda;
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

ALS_KERNEL_CLONES static void
HalfStepWork(void *arg, int64 start, int64 end, int worker)
{
	const HalfStep *hs = (const HalfStep *) arg;
	float4	   *scratch = hs->scratch + (int64) worker * (4 * hs->k + hs->k * hs->k);

	double		loss = 0.0;

	for (int64 row = start; row < end; row++)
	{
		if (hs->opt->solver == ALS_SOLVER_CHOLESKY)
			SolveRowCholesky(hs, row, scratch);
		else
			SolveRowCG(hs, row, scratch);
		if (hs->loss_partial)
		{
			/* the observed cells' part of the loss, with the new row (see ComputeLoss) */
			const float4 *x = hs->target + row * hs->k;

			for (int64 j = hs->ptr[row]; j < hs->ptr[row + 1]; j++)
			{
				double		c = hs->opt->confidence_offset + hs->opt->alpha * hs->weights[j];
				double		s = Dot(x, hs->other + (int64) hs->idx[j] * hs->k, hs->k);

				loss += c * (1.0 - s) * (1.0 - s) - s * s;
			}
		}
	}
	if (hs->loss_partial)
		hs->loss_partial[worker * 8] += loss;
}

/*
 * The loss after an iteration, per cell of the matrix:
 *   sum over observed (u,i) of c (1 - s)^2 - s^2   (s = x_u . y_i)
 *   + sum over all (u,i) of s^2 = <X'X, Y'Y>        (Frobenius product)
 *   + lambda (|X|^2 + |Y|^2), or with weighted regularization
 *     lambda (sum_u |I(u)| |x_u|^2 + sum_i |U(i)| |y_i|^2)
 * The first sum comes from the item half-step, which has each item's users
 * at hand right after solving it; the rest from the two k x k Gram
 * matrices, so the loss costs no pass of its own over the users (it took a
 * tenth of the training time as one); the weighted norms take one pass over
 * the factors.  gram_x is X'X (+ lambda I unless weighted), as the item
 * half-step built it; gram_y receives Y'Y.
 */
static double
WeightedSquaredNorm(const float4 *m, const int64 *ptr, int64 rows, int k)
{
	double		sum = 0.0;

	for (int64 r = 0; r < rows; r++)
		sum += (double) (ptr[r + 1] - ptr[r]) * Dot(m + r * k, m + r * k, k);
	return sum;
}

static double
ComputeLoss(const Interactions *data, const AlsOptions *opt, const float4 *gram_x,
			const float4 *x, const float4 *y, float4 *gram_y, double observed)
{
	int			k = opt->factors;
	double		lambda = opt->regularization;
	double		frobenius = 0.0;
	double		penalty;
	double		cells;

	GramMatrix(y, data->nitems, k, gram_y);
	for (int i = 0; i < k * k; i++)
		frobenius += (double) gram_x[i] * gram_y[i];
	if (opt->weighted_regularization)
		penalty = lambda * (WeightedSquaredNorm(x, data->user_ptr, data->nusers, k) +
							WeightedSquaredNorm(y, data->item_ptr, data->nitems, k));
	else
	{
		double		trace_x = 0.0;

		for (int i = 0; i < k; i++)
			trace_x += gram_x[i * k + i];
		/*
		 * <X'X + lambda I, Y'Y> = <X'X, Y'Y> + lambda |Y|^2 and
		 * trace(X'X + lambda I) = |X|^2 + k lambda
		 */
		penalty = lambda * (trace_x - k * lambda);
	}
	cells = (double) data->nusers * data->nitems - data->nnz +
		opt->confidence_offset * data->nnz + opt->alpha * data->total_weight;
	return (observed + frobenius + penalty) / cells;
}

static void
SolveSide(const AlsOptions *opt, int64 rows, const int64 *ptr, const int32 *idx,
		  const float4 *weights, const float4 *other, int64 other_rows,
		  float4 *target, float4 *gram, float4 *scratch, double *loss_partial)
{
	HalfStep	hs;
	int			k = opt->factors;

	GramMatrix(other, other_rows, k, gram);
	if (!opt->weighted_regularization)	/* else per row: RowLambda */
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
	hs.loss_partial = loss_partial;
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
	float4	   *gram_y = palloc(sizeof(float4) * k * k);
	float4	   *scratch = palloc(sizeof(float4) * (4 * k + k * k) * nthreads);
	double		loss_partial[MAX_THREADS_ACC * 8];

	Assert(nthreads <= MAX_THREADS_ACC);
	for (int it = 1; it <= opt->iterations; it++)
	{
		double		observed = 0.0;

		memset(loss_partial, 0, sizeof(loss_partial));
		SolveSide(opt, data->nusers, data->user_ptr, data->user_items, data->user_weights,
				  item_factors, data->nitems, user_factors, gram, scratch, NULL);
		SolveSide(opt, data->nitems, data->item_ptr, data->item_users, data->item_weights,
				  user_factors, data->nusers, item_factors, gram, scratch, progress ? loss_partial : NULL);
		for (int t = 0; t < MAX_THREADS_ACC; t++)
			observed += loss_partial[t * 8];
		if (progress)
			progress(it, ComputeLoss(data, opt, gram, user_factors, item_factors, gram_y, observed), progress_arg);
	}
	pfree(gram);
	pfree(gram_y);
	pfree(scratch);
}
