/*-------------------------------------------------------------------------
 *
 * bpr.c
 *	  Bayesian personalised ranking (Rendle et al., UAI 2009) trained with
 *	  SGD: for a user u, an item i of u's and an item j not of u's, raise
 *	  x_uij = b_i - b_j + p_u . (q_i - q_j) by minimising softplus(-x_uij)
 *	  plus L2 regularization, with item biases and uniform or
 *	  popularity-weighted negatives.  Adversarial training (APR, He et al.,
 *	  SIGIR 2018) adds weight x the same loss at embeddings perturbed by
 *	  Delta, one per row (p_u, q_i, q_j), of norm at most eps: FGSM takes
 *	  Delta along the loss gradient, PGD several projected steps, and the
 *	  controls a random direction (gaussian) or random signs (sign).
 *
 * Parallel and deterministic.  Hogwild-style SGD (threads updating shared
 * rows without locks) is fast but its result depends on timing, so two runs
 * with one seed differ.  Instead, with T threads, users and items are split
 * into T blocks each (by index modulo T) and the T x T (user block, item
 * block) strata of training pairs are visited in T sub-epochs: in sub-epoch
 * s, thread t takes the pairs of user block t and item block (t + s) mod T,
 * and draws its negatives from that item block.  No two threads touch the
 * same row at once, every pair is visited once per epoch in a seeded
 * shuffled order, and every item stays a possible negative (from its block,
 * in its sub-epoch).  The result depends on the seed and on T (the
 * recfair.threads the training ran with), not on timing.  With T = 1 this
 * is plain sequential BPR with uniform negatives over all items.
 *
 * Compute threads run only the arithmetic here (no palloc, no ereport):
 * everything they need is allocated before, on the backend thread.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "bpr.h"
#include "common/pg_prng.h"
#include "compare.h"
#include "miscadmin.h"
#include "parallel.h"
#include "storage/shmem.h"
#include "utils/memutils.h"

/* Tries to draw a negative item before the pair is skipped for this epoch. */
#define NEGATIVE_TRIES 16
/* User fairness: held-out items ranked among this many samples; in the top HELD_TOP is a hit. */
#define HELD_SAMPLE 100
#define HELD_TOP 10
/* Standard deviation of the initial factors. */
#define INIT_SCALE 0.1

/* What the compute threads share during one sub-epoch. */
typedef struct BprShared
{
	const Interactions *data;
	const BprOptions *opt;
	int			nblocks;		/* T */
	int			sub;			/* task t takes item block (t + sub) mod T */
	int			epoch;			/* 1-based */
	bool		adversarial;	/* this epoch */
	const int64 *stratum_ptr;	/* T x T + 1 */
	int32	   *pair_user;		/* training pairs grouped by stratum */
	int32	   *pair_item;
	const int32 *positives;		/* each user's items by index (user_ptr) */
	const double *cum;			/* popularity sampling: cumulative weights */
	const int64 *cum_ptr;		/* block b: cum[cum_ptr[b] .. cum_ptr[b + 1]) */
	float4	   *user_factors;
	float4	   *item_factors;
	float4	   *item_bias;		/* NULL: no biases */
	float4	   *scratch;		/* per task: 8 k */
	double	   *loss;			/* per task, this sub-epoch */
	int64	   *samples;
	double	   *group_weight;	/* per user group: this epoch's multiplier */
	const int64 *group_ptr;		/* within-group negatives: block b, group g's items */
	const int32 *group_items;	/* are group_items[group_ptr[b G + g] .. group_ptr[b G + g + 1]) */
	int64		nheld;			/* user fairness: pairs held out of training */
	int32	   *held_user;
	int32	   *held_item;
} BprShared;

static inline double
Softplus(double x)
{
	return x > 30 ? x : log1p(exp(x));
}

/* sigma(-x) = 1 / (1 + e^x), the gradient's weight for a pair at x */
static inline double
SigmoidNeg(double x)
{
	return x > 30 ? 0.0 : 1.0 / (1.0 + exp(x));
}

/* A standard normal draw (Box-Muller). */
double
NormalDraw(pg_prng_state *rng)
{
	double		u1 = pg_prng_double(rng);
	double		u2 = pg_prng_double(rng);

	if (u1 < 1e-300)
		u1 = 1e-300;
	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* Scale v (k values) to norm eps; a zero vector stays zero. */
void
ScaleToNorm(float4 *v, int k, double eps)
{
	double		norm = 0.0;

	for (int f = 0; f < k; f++)
		norm += (double) v[f] * v[f];
	norm = sqrt(norm);
	for (int f = 0; f < k; f++)
		v[f] = norm > 0 ? (float4) (v[f] * eps / norm) : 0.0f;
}

/* Shrink v to norm eps if it is longer (the projection of PGD). */
static void
ProjectToBall(float4 *v, int k, double eps)
{
	double		norm = 0.0;

	for (int f = 0; f < k; f++)
		norm += (double) v[f] * v[f];
	norm = sqrt(norm);
	if (norm > eps)
		for (int f = 0; f < k; f++)
			v[f] = (float4) (v[f] * eps / norm);
}

/* x_uij at embeddings p, qi, qj (each already perturbed or not). */
static double
PairScore(const float4 *p, const float4 *qi, const float4 *qj, double bias_gap, int k)
{
	double		x = bias_gap;

	for (int f = 0; f < k; f++)
		x += (double) p[f] * (qi[f] - qj[f]);
	return x;
}

/*
 * The perturbations du, di, dj of one training triple, each of norm at most
 * eps.  The gradients of softplus(-x) with respect to the rows are
 * -sigma(-x) (qi - qj), -sigma(-x) p and sigma(-x) p.
 */
static void
PerturbTriple(Perturbation method, double eps, int steps, pg_prng_state *rng,
			  const float4 *p, const float4 *qi, const float4 *qj, double bias_gap, int k,
			  float4 *du, float4 *di, float4 *dj)
{
	if (method == PERTURB_GAUSSIAN || method == PERTURB_SIGN)
	{
		float4	   *rows[3] = {du, di, dj};

		for (int r = 0; r < 3; r++)
		{
			for (int f = 0; f < k; f++)
				rows[r][f] = method == PERTURB_GAUSSIAN ? (float4) NormalDraw(rng)
					: (pg_prng_bool(rng) ? 1.0f : -1.0f);
			ScaleToNorm(rows[r], k, eps);
		}
		return;
	}
	memset(du, 0, sizeof(float4) * k);
	memset(di, 0, sizeof(float4) * k);
	memset(dj, 0, sizeof(float4) * k);
	for (int step = 0; step < (method == PERTURB_PGD ? steps : 1); step++)
	{
		double		x = bias_gap;
		double		g;

		for (int f = 0; f < k; f++)
			x += (double) (p[f] + du[f]) * ((qi[f] + di[f]) - (qj[f] + dj[f]));
		g = SigmoidNeg(x);
		if (method == PERTURB_FGSM)
		{
			for (int f = 0; f < k; f++)
			{
				du[f] = (float4) (-g * (qi[f] - qj[f]));
				di[f] = (float4) (-g * p[f]);
				dj[f] = (float4) (g * p[f]);
			}
			ScaleToNorm(du, k, eps);
			ScaleToNorm(di, k, eps);
			ScaleToNorm(dj, k, eps);
		}
		else
		{
			/* a step of 2.5 eps / steps along each row's normalized gradient, then project */
			double		alpha = 2.5 * eps / steps;
			double		nu = 0.0,
						ni = 0.0;

			for (int f = 0; f < k; f++)
			{
				double		a = -g * ((qi[f] + di[f]) - (qj[f] + dj[f]));
				double		b = -g * (p[f] + du[f]);

				nu += a * a;
				ni += b * b;
			}
			nu = sqrt(nu);
			ni = sqrt(ni);
			for (int f = 0; f < k; f++)
			{
				double		a = -g * ((qi[f] + di[f]) - (qj[f] + dj[f]));
				double		b = -g * (p[f] + du[f]);

				if (nu > 0)
					du[f] += (float4) (alpha * a / nu);
				if (ni > 0)
				{
					di[f] += (float4) (alpha * b / ni);
					dj[f] -= (float4) (alpha * b / ni);
				}
			}
			ProjectToBall(du, k, eps);
			ProjectToBall(di, k, eps);
			ProjectToBall(dj, k, eps);
		}
	}
}

static bool
IsPositive(const BprShared *s, int32 u, int32 j)
{
	return SortedInt32Contains(s->positives + s->data->user_ptr[u],
							   s->data->user_ptr[u + 1] - s->data->user_ptr[u], j);
}

/* A negative item for u from item block b, or -1 when every try hit a positive. */
static int32
SampleNegative(const BprShared *s, pg_prng_state *rng, int32 u, int32 i, int b)
{
	int			T = s->nblocks;
	int64		nb = (s->data->nitems - b + T - 1) / T;
	const BprOptions *opt = s->opt;

	if (nb <= 0)
		return -1;
	for (int t = 0; t < NEGATIVE_TRIES; t++)
	{
		int64		r;
		int32		j;

		if (s->group_ptr != NULL && opt->item_group[i] >= 0 && pg_prng_double(rng) < opt->within_group)
		{
			/* an item of the positive's own group, from the same block */
			int64		at = (int64) b * opt->nitem_groups + opt->item_group[i];
			int64		n = s->group_ptr[at + 1] - s->group_ptr[at];

			if (n > 0)
			{
				j = s->group_items[s->group_ptr[at] + (int64) pg_prng_uint64_range(rng, 0, n - 1)];
				if (!IsPositive(s, u, j))
					return j;
				continue;
			}
		}
		if (s->cum == NULL)
			r = (int64) pg_prng_uint64_range(rng, 0, nb - 1);
		else
		{
			const double *c = s->cum + s->cum_ptr[b];
			double		x = pg_prng_double(rng) * c[nb - 1];
			int64		lo = 0,
						hi = nb - 1;

			while (lo < hi)
			{
				int64		mid = (lo + hi) / 2;

				if (c[mid] <= x)
					lo = mid + 1;
				else
					hi = mid;
			}
			r = lo;
		}
		j = (int32) (b + T * r);
		if (!IsPositive(s, u, j))
			return j;
	}
	return -1;
}

/* One SGD step on the triple (u, i, j); returns its clean loss. */
static double
StepTriple(const BprShared *s, pg_prng_state *rng, int32 u, int32 i, int32 j, float4 *scratch)
{
	const BprOptions *opt = s->opt;
	int			k = opt->factors;
	float4	   *p = s->user_factors + (int64) u * k;
	float4	   *qi = s->item_factors + (int64) i * k;
	float4	   *qj = s->item_factors + (int64) j * k;
	float4	   *p0 = scratch;	/* p before the step */
	float4	   *du = scratch + k;
	float4	   *di = scratch + 2 * k;
	float4	   *dj = scratch + 3 * k;
	double		bias_gap = s->item_bias ? s->item_bias[i] - s->item_bias[j] : 0.0;
	double		x = PairScore(p, qi, qj, bias_gap, k);
	double		w = 1.0;		/* the triple's weight in the objective */
	double		g;
	double		ga = 0.0;
	double		lr = opt->learning_rate;
	double		reg = opt->regularization;

	if (opt->positive_weight)
		w *= opt->positive_weight[i];
	if (s->group_weight && opt->user_group[u] >= 0)
		w *= s->group_weight[opt->user_group[u]];
	g = w * SigmoidNeg(x);
	memcpy(p0, p, sizeof(float4) * k);
	if (s->adversarial)
	{
		double		xa;

		PerturbTriple(opt->adversarial, opt->adv_eps, opt->adv_steps, rng, p, qi, qj, bias_gap, k,
					  du, di, dj);
		xa = bias_gap;
		for (int f = 0; f < k; f++)
			xa += (double) (p[f] + du[f]) * ((qi[f] + di[f]) - (qj[f] + dj[f]));
		ga = w * opt->adv_weight * SigmoidNeg(xa);
	}
	/* descend: d softplus(-x) / d p = -g (qi - qj), and the adversarial term at the perturbed rows */
	for (int f = 0; f < k; f++)
	{
		double		gp = g * (qi[f] - qj[f]);
		double		gq = g * p0[f];

		if (ga != 0.0)
		{
			gp += ga * ((qi[f] + di[f]) - (qj[f] + dj[f]));
			gq += ga * (p0[f] + du[f]);
		}
		p[f] += (float4) (lr * (gp - reg * p[f]));
		qi[f] += (float4) (lr * (gq - reg * qi[f]));
		qj[f] += (float4) (lr * (-gq - reg * qj[f]));
	}
	if (s->item_bias)
	{
		s->item_bias[i] += (float4) (lr * ((g + ga) - reg * s->item_bias[i]));
		s->item_bias[j] += (float4) (lr * (-(g + ga) - reg * s->item_bias[j]));
	}
	return Softplus(-x);
}

/* A seed for (seed, epoch, sub-epoch, task): splitmix64 of the mix. */
static uint64
TaskSeed(uint64 seed, int epoch, int sub, int task)
{
	uint64		z = seed + 0x9E3779B97F4A7C15ULL * (uint64) (1 + epoch * 65536 + sub * 256 + task);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* User fairness holds a seeded tenth of the pairs out of training, to measure the groups' losses. */
static inline bool
HeldOut(const Interactions *data, const BprOptions *opt, bool user_fair, int32 u, int64 x)
{
	int32		i = data->user_items[x];
	uint64		z;

	/* only with user fairness on, users with a group, and never a user's first pair */
	if (!user_fair || opt->user_group[u] < 0 || x == data->user_ptr[u])
		return false;
	z = opt->seed ^ ((uint64) (uint32) u * 0x9E3779B97F4A7C15ULL) ^ ((uint64) (uint32) i * 0xC2B2AE3D27D4EB4FULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return (z ^ (z >> 31)) % 10 == 0;
}

/* Compute thread: the strata of tasks [start, end) in this sub-epoch. */
static void
BprWork(void *arg, int64 start, int64 end, int worker)
{
	BprShared  *s = (BprShared *) arg;
	int			T = s->nblocks;

	for (int64 t = start; t < end; t++)
	{
		int			b = (int) ((t + s->sub) % T);
		int64		stratum = t * T + b;
		int64		lo = s->stratum_ptr[stratum];
		int64		hi = s->stratum_ptr[stratum + 1];
		float4	   *scratch = s->scratch + t * 8 * (int64) s->opt->factors;
		pg_prng_state rng;
		double		loss = 0.0;
		int64		n = 0;

		pg_prng_seed(&rng, TaskSeed(s->opt->seed, s->epoch, s->sub, (int) t));
		/* a fresh shuffle of the stratum's pairs */
		for (int64 x = hi - 1; x > lo; x--)
		{
			int64		y = lo + (int64) pg_prng_uint64_range(&rng, 0, x - lo);
			int32		tu = s->pair_user[x],
						ti = s->pair_item[x];

			s->pair_user[x] = s->pair_user[y];
			s->pair_item[x] = s->pair_item[y];
			s->pair_user[y] = tu;
			s->pair_item[y] = ti;
		}
		for (int64 x = lo; x < hi; x++)
		{
			int32		u = s->pair_user[x];
			int32		j = SampleNegative(s, &rng, u, s->pair_item[x], b);
			double		l;

			if (j < 0)
				continue;
			l = StepTriple(s, &rng, u, s->pair_item[x], j, scratch);
			loss += l;
			n++;
		}
		s->loss[t] += loss;
		s->samples[t] += n;
	}
}

/*
 * User-side fairness: the next epoch's weight of each user group's triples.
 * The objective is the mean loss plus lambda times the spread of the
 * groups' mean losses, F = (1/G) sum_g |L_g - mean_h L_h|.  A triple of
 * group g moves L_g by 1/n_g of its loss, so its gradient is the BPR
 * gradient times 1 + lambda (dF/dL_g) N / n_g, with dF/dL_g = (1/G)
 * (sign_g - mean_h sign_h) (a weight below 0 is 0).  A group's "loss" L_g
 * is its miss rate on pairs held out of training (a seeded tenth of the
 * pairs): the share of held-out items that do not rank in the top HELD_TOP
 * of HELD_SAMPLE sampled items, measured after each epoch.  Neither the
 * training loss nor the held-out BPR loss would do: on MovieLens-100k both
 * were lower for women, whose test NDCG@10 is the lower, so equalizing them
 * widened the NDCG gap (docs/design-notes.md).  Groups without held-out
 * pairs keep weight 1.
 */
static void
UpdateGroupWeights(BprShared *s, int epoch)
{
	const BprOptions *opt = s->opt;
	int			G = opt->nuser_groups;
	int			k = opt->factors;
	double	   *mean = palloc0(sizeof(double) * G);
	int64	   *count = palloc0(sizeof(int64) * G);
	double		lbar = 0.0;
	double		sbar = 0.0;
	int64		total = 0;
	int			active = 0;
	pg_prng_state rng;

	pg_prng_seed(&rng, TaskSeed(opt->seed, epoch, 0, RECFAIR_MAX_THREADS));
	for (int64 x = 0; x < s->nheld; x++)
	{
		int32		u = s->held_user[x];
		int32		i = s->held_item[x];
		int			g = opt->user_group[u];
		int			above = 0;

		if (g < 0)
			continue;
		/* the held-out item's rank among HELD_SAMPLE sampled items the user does not have */
		for (int n = 0; n < HELD_SAMPLE; n++)
		{
			int32		j = (int32) pg_prng_uint64_range(&rng, 0, s->data->nitems - 1);
			double		gap = s->item_bias ? s->item_bias[i] - s->item_bias[j] : 0.0;

			if (!IsPositive(s, u, j) &&
				PairScore(s->user_factors + (int64) u * k, s->item_factors + (int64) i * k,
						  s->item_factors + (int64) j * k, gap, k) < 0)
				above++;
		}
		mean[g] += above >= HELD_TOP ? 1.0 : 0.0;	/* a miss */
		count[g]++;
		if ((x & 0x3FF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (int g = 0; g < G; g++)
	{
		if (count[g] > 0)
		{
			mean[g] /= count[g];
			lbar += mean[g];
			total += count[g];
			active++;
		}
		if (opt->user_group_loss)
			opt->user_group_loss[g] = count[g] > 0 ? mean[g] : NAN;
	}
	if (active >= 2)
	{
		lbar /= active;
		for (int g = 0; g < G; g++)
			if (count[g] > 0)
				sbar += (mean[g] > lbar) - (mean[g] < lbar);
		sbar /= active;
		for (int g = 0; g < G; g++)
		{
			double		dF;

			if (count[g] == 0)
				continue;
			dF = (((mean[g] > lbar) - (mean[g] < lbar)) - sbar) / active;
			s->group_weight[g] = Max(0.0, 1.0 + opt->user_lambda * dF * (double) total / count[g]);
		}
	}
	pfree(mean);
	pfree(count);
}

/* Factors ~ N(0, INIT_SCALE^2), seeded. */
static void
InitGaussian(float4 *m, int64 n, uint64 seed)
{
	pg_prng_state rng;

	pg_prng_seed(&rng, seed);
	for (int64 i = 0; i < n; i++)
		m[i] = (float4) (NormalDraw(&rng) * INIT_SCALE);
}

/*
 * The blocks per side: recfair.threads, at most the users and items.  The
 * model depends on it (see the top of the file), so train records it.
 */
int
BprThreads(const Interactions *data)
{
	return Max(1, Min(ParallelThreads(), Min(data->nusers, data->nitems)));
}

/*
 * Train BPR into user_factors (nusers x factors), item_factors and
 * item_bias (NULL: none).  progress runs on the backend thread after each
 * epoch with the mean clean loss softplus(-x) of its triples.
 */
void
BprTrain(const Interactions *data, const BprOptions *opt, float4 *user_factors,
		 float4 *item_factors, float4 *item_bias, MemoryBudget *budget,
		 AlsProgressFn progress, void *progress_arg)
{
	int			T = opt->threads;
	int64		nstrata = (int64) T * T;
	int64	   *stratum_ptr;
	int64	   *fill;
	int32	   *positives;
	double	   *cum = NULL;
	int64	   *cum_ptr = NULL;
	BprShared	s;
	int			k = opt->factors;
	bool		user_fair = false;

	BudgetReserve(budget, add_size(mul_size(sizeof(int32), mul_size(3, data->nnz)),
								   add_size(mul_size(sizeof(double), data->nitems),
											mul_size(sizeof(float4), mul_size(8 * k, T)))),
				  "the BPR training pairs");
	InitGaussian(user_factors, (int64) data->nusers * k, opt->seed);
	InitGaussian(item_factors, (int64) data->nitems * k, opt->seed + 1);
	if (item_bias)
		memset(item_bias, 0, mul_size(sizeof(float4), data->nitems));

	/* each user's items by index, for the negatives' membership test */
	positives = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(data->nnz, 1)));
	memcpy(positives, data->user_items, sizeof(int32) * data->nnz);
	for (int32 u = 0; u < data->nusers; u++)
	{
		int64		lo = data->user_ptr[u];

		qsort(positives + lo, data->user_ptr[u + 1] - lo, sizeof(int32), CompareInt32);
		if ((u & 0x3FF) == 0)
			CHECK_FOR_INTERRUPTS();
	}

	/* the pairs grouped by stratum (user block x item block), with a counting sort */
	stratum_ptr = palloc0(sizeof(int64) * (nstrata + 1));
	/* user fairness needs two groups with users and a weight */
	if (opt->user_group != NULL && opt->user_lambda > 0 && opt->nuser_groups >= 2)
	{
		bool	   *has = palloc0(sizeof(bool) * opt->nuser_groups);
		int			groups = 0;

		for (int32 u = 0; u < data->nusers; u++)
			if (opt->user_group[u] >= 0 && !has[opt->user_group[u]])
			{
				has[opt->user_group[u]] = true;
				groups++;
			}
		user_fair = groups >= 2;
	}
	s.nheld = 0;
	for (int32 u = 0; u < data->nusers; u++)
		for (int64 x = data->user_ptr[u]; x < data->user_ptr[u + 1]; x++)
		{
			if (HeldOut(data, opt, user_fair, u, x))
				s.nheld++;
			else
				stratum_ptr[(u % T) * T + data->user_items[x] % T + 1]++;
		}
	for (int64 st = 0; st < nstrata; st++)
		stratum_ptr[st + 1] += stratum_ptr[st];
	fill = palloc(sizeof(int64) * nstrata);
	memcpy(fill, stratum_ptr, sizeof(int64) * nstrata);
	s.pair_user = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(data->nnz, 1)));
	s.pair_item = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(data->nnz, 1)));
	BudgetReserve(budget, mul_size(2 * sizeof(int32), s.nheld), "the held-out pairs");
	s.held_user = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(s.nheld, 1)));
	s.held_item = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(s.nheld, 1)));
	s.nheld = 0;
	for (int32 u = 0; u < data->nusers; u++)
		for (int64 x = data->user_ptr[u]; x < data->user_ptr[u + 1]; x++)
		{
			int32		i = data->user_items[x];
			int64		at;

			if (HeldOut(data, opt, user_fair, u, x))
			{
				s.held_user[s.nheld] = u;
				s.held_item[s.nheld++] = i;
				continue;
			}
			at = fill[(u % T) * T + i % T]++;
			s.pair_user[at] = u;
			s.pair_item[at] = i;
		}

	if (opt->sampling == BPR_SAMPLING_POPULARITY)
	{
		int64		at = 0;

		cum = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), Max(data->nitems, 1)));
		cum_ptr = palloc(sizeof(int64) * (T + 1));
		for (int b = 0; b < T; b++)
		{
			double		total = 0.0;

			cum_ptr[b] = at;
			for (int32 i = b; i < data->nitems; i += T)
			{
				total += pow((double) (data->item_ptr[i + 1] - data->item_ptr[i]), opt->sampling_exponent);
				cum[at++] = total;
			}
		}
		cum_ptr[T] = at;
	}

	s.group_ptr = NULL;
	s.group_items = NULL;
	if (opt->item_group != NULL && opt->within_group > 0 && opt->nitem_groups > 0)
	{
		int			G = opt->nitem_groups;
		int64	   *ptr = palloc0(mul_size(sizeof(int64), add_size(mul_size(T, G), 1)));
		int64	   *at = palloc(mul_size(sizeof(int64), mul_size(T, G)));
		int32	   *items;

		BudgetReserve(budget, add_size(mul_size(sizeof(int32), data->nitems),
									   mul_size(sizeof(int64), mul_size(2, mul_size(T, G)))),
					  "the items of each group and block");
		items = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(data->nitems, 1)));

		for (int32 i = 0; i < data->nitems; i++)
			if (opt->item_group[i] >= 0)
				ptr[(int64) (i % T) * G + opt->item_group[i] + 1]++;
		for (int64 c = 0; c < (int64) T * G; c++)
			ptr[c + 1] += ptr[c];
		memcpy(at, ptr, sizeof(int64) * T * G);
		for (int32 i = 0; i < data->nitems; i++)
			if (opt->item_group[i] >= 0)
				items[at[(int64) (i % T) * G + opt->item_group[i]]++] = i;
		s.group_ptr = ptr;
		s.group_items = items;
	}
	s.data = data;
	s.opt = opt;
	s.nblocks = T;
	s.stratum_ptr = stratum_ptr;
	s.positives = positives;
	s.cum = cum;
	s.cum_ptr = cum_ptr;
	s.user_factors = user_factors;
	s.item_factors = item_factors;
	s.item_bias = item_bias;
	s.scratch = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(float4), mul_size(8 * k, T)));
	s.loss = palloc(sizeof(double) * T);
	s.samples = palloc(sizeof(int64) * T);
	s.group_weight = NULL;
	if (user_fair)
	{
		s.group_weight = palloc(sizeof(double) * opt->nuser_groups);
		for (int g = 0; g < opt->nuser_groups; g++)
			s.group_weight[g] = 1.0;
	}

	for (int epoch = 1; epoch <= opt->epochs; epoch++)
	{
		double		loss = 0.0;
		int64		samples = 0;

		s.epoch = epoch;
		s.adversarial = opt->adversarial != PERTURB_NONE && epoch >= opt->adv_start_epoch;
		memset(s.loss, 0, sizeof(double) * T);
		memset(s.samples, 0, sizeof(int64) * T);
		for (int sub = 0; sub < T; sub++)
		{
			s.sub = sub;
			ParallelForRange(T, 1, BprWork, &s);
		}
		for (int t = 0; t < T; t++)
		{
			loss += s.loss[t];
			samples += s.samples[t];
		}
		if (s.group_weight)
			UpdateGroupWeights(&s, epoch);
		progress(epoch, samples > 0 ? loss / samples : 0.0, progress_arg);
	}
}

/* The perturbation a name means; the random controls only for training. */
Perturbation
ParsePerturbation(const char *name, bool for_training)
{
	if (strcmp(name, "fgsm") == 0)
		return PERTURB_FGSM;
	if (strcmp(name, "pgd") == 0)
		return PERTURB_PGD;
	if (strcmp(name, "gaussian") == 0)
		return PERTURB_GAUSSIAN;
	if (for_training && strcmp(name, "sign") == 0)
		return PERTURB_SIGN;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown perturbation method \"%s\"", name),
			 for_training ? errhint("Use \"fgsm\", \"pgd\", \"gaussian\" or \"sign\".")
			 : errhint("Use \"fgsm\", \"pgd\" or \"gaussian\".")));
	return PERTURB_NONE;
}

const char *
PerturbationName(Perturbation p)
{
	switch (p)
	{
		case PERTURB_FGSM:
			return "fgsm";
		case PERTURB_PGD:
			return "pgd";
		case PERTURB_GAUSSIAN:
			return "gaussian";
		case PERTURB_SIGN:
			return "sign";
		default:
			return "none";
	}
}
