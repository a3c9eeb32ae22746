/*-------------------------------------------------------------------------
 *
 * als.h
 *	  Alternating least squares: implicit feedback (als.c) and explicit
 *	  ratings with biases (als_explicit.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_ALS_H
#define RECFAIR_ALS_H

#include "interactions.h"

/*
 * The training kernels' small vector operations (dot products, axpy, rank-one
 * updates and k x k matrix-vector products on 64 floats) are compiled for
 * AVX-512, AVX2+FMA and baseline x86-64, and the loader picks the best the
 * CPU has (gcc's function multiversioning): PostgreSQL's build flags target
 * baseline x86-64 only.  Measured faster than OpenBLAS here, which may
 * misdetect the CPU and whose per-call overhead dominates at k = 64
 * (docs/design.md).
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define ALS_KERNEL_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define ALS_KERNEL_CLONES
#endif

typedef enum AlsSolver
{
	ALS_SOLVER_CG,
	ALS_SOLVER_CHOLESKY
} AlsSolver;

/*
 * Defaults of train()'s ALS options (jsonb, so they have no SQL default).
 * The defaults of its arguments (factors, iterations, regularization, seed)
 * are written once, in the SQL signature; legacy.c repeats the few that the
 * 0.5.0 signatures lack, and test/sql/upgrade.sql checks both give the same.
 */
#define ALS_DEFAULT_ALPHA 1.0
#define ALS_DEFAULT_WEIGHTING ALS_WEIGHTING_LOG
/*
 * The default lambda (weighted: times each row's interactions): for
 * confidence log, this factor times the mean of log(1 + w / eps) over the
 * interactions (heavier-tailed weights want more); else a constant.
 */
#define ALS_DEFAULT_REGULARIZATION_PER_LOG_WEIGHT 0.5
#define ALS_DEFAULT_REGULARIZATION 0.4
#define ALS_EXPLICIT_DEFAULT_REGULARIZATION 0.12
#define ALS_DEFAULT_CG_STEPS 3

/*
 * How the interactions' weights become the w in confidence = offset +
 * alpha * w (AlsScaleWeights): as they are, log(1 + w / eps), or BM25.
 */
typedef enum AlsWeighting
{
	ALS_WEIGHTING_RAW,
	ALS_WEIGHTING_LOG,
	ALS_WEIGHTING_BM25
} AlsWeighting;

/*
 * BM25's constants (Robertson and Zaragoza): term-frequency saturation k1
 * and length normalization b, as commonly used for implicit feedback.
 */
#define ALS_BM25_K1 100.0
#define ALS_BM25_B 0.8

/*
 * confidence log's default eps: the largest power of two 2^e, e in this
 * range, that at least half of the interactions weigh at least (about the
 * median weight, computed the same way by both engines from counts); 1 if
 * there is none.  alpha's default is then eps, so a typical interaction's
 * confidence is about 1 + w, as with the linear confidence, and only
 * weights far above the typical one are compressed.
 */
#define ALS_EPS_MIN_EXP (-24)
#define ALS_EPS_MAX_EXP 64
#define ALS_EPS_EXPONENTS (ALS_EPS_MAX_EXP - ALS_EPS_MIN_EXP + 1)

typedef struct AlsOptions
{
	int			factors;
	int			iterations;
	double		regularization;	/* < 0: the default (AlsResolveRegularization) */
	bool		weighted_regularization;	/* lambda times the row's interactions (ALS-WR) */
	double		alpha;			/* confidence = offset + alpha * weight; < 0: the default */
	double		confidence_offset;	/* 1 (Hu-Koren-Volinsky) or 0 */
	AlsWeighting weighting;
	double		eps;			/* ALS_WEIGHTING_LOG's scale; <= 0: the default */
	AlsSolver	solver;
	int			cg_steps;
	uint64		seed;
} AlsOptions;

/* Called on the backend thread after each iteration. */
typedef void (*AlsProgressFn) (int iteration, double loss, void *arg);

extern const char *AlsConfidenceName(const AlsOptions *opt);
extern double AlsEpsFromCounts(const int64 *at_least, int64 n);
extern void AlsResolveDefaults(AlsOptions *opt, double eps);
extern void AlsResolveRegularization(AlsOptions *opt, double total_weight, int64 nnz);
extern void AlsScaleWeights(Interactions *data, AlsOptions *opt);
extern void AlsInitFactors(float4 *m, int64 rows, int factors, uint64 seed);
extern void AlsTrainImplicit(const Interactions *data, const AlsOptions *opt,
							 float4 *user_factors, float4 *item_factors,
							 AlsProgressFn progress, void *progress_arg);
extern double AlsTrainExplicit(const Interactions *data, const AlsOptions *opt,
								float4 *user_factors, float4 *user_bias,
								float4 *item_factors, float4 *item_bias,
								AlsProgressFn progress, void *progress_arg);
extern void GramMatrix(const float4 *m, int64 rows, int k, float4 *gram);
extern bool CholeskySolve(float4 *a, float4 *b, int k);

#endif							/* RECFAIR_ALS_H */
