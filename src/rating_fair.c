/*-------------------------------------------------------------------------
 *
 * rating_fair.c
 *	  The rating unfairness of Yao and Huang (NeurIPS 2017) in the
 *	  objective of als_explicit: options->'fairness' = {"user_group_col":
 *	  column of the user table, "term": value | absolute | underestimation |
 *	  overestimation | non_parity, "lambda": 1, "epochs": 50,
 *	  "learning_rate": 0.01}.
 *
 * The terms compare user groups' mean errors item by item (evaluate.c,
 * EmitRatingUnfairness, defines them), so they are neither squared nor
 * separable by row, and ALS's closed-form steps cannot take them.  After
 * the ALS iterations, epochs of full-batch gradient descent (Adam) move the
 * item factors and biases to minimise the mean squared error on the
 * training ratings, plus the ALS regularization, plus lambda times the
 * term measured on the training ratings; the user rows stay as ALS left
 * them.  A group's mean error on item j, d_g(j), moves with q_j by the mean
 * of its raters' p_u and with b_j by 1, so the value term (|d_a - d_b|) can
 * only be moved by the factors: the biases cancel in it.  With more than
 * two groups the term is the mean over pairs of groups, as evaluate()
 * reports it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "miscadmin.h"
#include "options.h"
#include "rating_fair.h"
#include "storage/shmem.h"
#include "utils/memutils.h"

static const char *const rating_fairness_keys[] = {"user_group_col", "term", "lambda", "epochs", "learning_rate"};
static const char *const term_names[] = {"value", "absolute", "underestimation", "overestimation", "non_parity"};

#define ADAM_BETA1 0.9
#define ADAM_BETA2 0.999
#define ADAM_EPSILON 1e-8

/* options->'fairness' of als_explicit; active is false without it. */
void
ParseRatingFairness(Jsonb *options, RatingFairness *rf)
{
	Jsonb	   *fairness = OptionObject(options, "fairness");
	char	   *term;

	memset(rf, 0, sizeof(*rf));
	if (fairness == NULL)
		return;
	CheckOptionKeys(fairness, rating_fairness_keys, lengthof(rating_fairness_keys), NULL, 0);
	rf->user_group_col = OptionText(fairness, "user_group_col");
	if (rf->user_group_col == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"fairness\" of als_explicit needs user_group_col")));
	term = OptionText(fairness, "term");
	rf->term = RATING_TERM_VALUE;
	if (term != NULL)
	{
		int			t;

		for (t = 0; t < lengthof(term_names); t++)
			if (strcmp(term, term_names[t]) == 0)
				break;
		if (t == lengthof(term_names))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown unfairness term \"%s\"", term),
					 errhint("Use \"value\", \"absolute\", \"underestimation\", \"overestimation\" or \"non_parity\".")));
		rf->term = (RatingTerm) t;
	}
	rf->lambda = OptionNumber(fairness, "lambda", 1.0, 0.0, 1e6);
	rf->epochs = (int) OptionInteger(fairness, "epochs", 50, 1, 10000);
	rf->learning_rate = OptionNumber(fairness, "learning_rate", 0.01, 1e-9, 10.0);
	rf->active = true;
}

const char *
RatingTermName(RatingTerm term)
{
	return term_names[term];
}

/* The group statistics of one pass over the training ratings. */
typedef struct GroupStats
{
	int			G;
	int32		nitems;
	int			k;
	double	   *err;			/* G x nitems: summed prediction - rating */
	int64	   *count;			/* G x nitems */
	double	   *psum;			/* G x nitems x k: summed p_u of the raters */
	double	   *group_pred;		/* G: summed predictions */
	int64	   *group_count;	/* G */
} GroupStats;

static inline double
Sign(double x)
{
	return (x > 0) - (x < 0);
}

/*
 * The term over pairs of groups, and (with gq, gb not NULL) its gradient
 * with respect to each item's factors and bias, added in.
 */
static double
TermAndGradient(const GroupStats *st, RatingTerm term, double scale, double *gq, double *gb)
{
	int			G = st->G;
	int			k = st->k;
	double		total = 0.0;
	int			pairs = 0;

	for (int a = 0; a < G; a++)
		for (int b = a + 1; b < G; b++)
		{
			int64		items = 0;
			double		sum = 0.0;

			if (st->group_count[a] == 0 || st->group_count[b] == 0)
				continue;
			if (term == RATING_TERM_NON_PARITY)
			{
				double		ya = st->group_pred[a] / st->group_count[a];
				double		yb = st->group_pred[b] / st->group_count[b];

				total += fabs(ya - yb);
				pairs++;
				if (gq == NULL)
					continue;
				for (int32 j = 0; j < st->nitems; j++)
				{
					int64		ca = (int64) a * st->nitems + j;
					int64		cb = (int64) b * st->nitems + j;
					double		s = Sign(ya - yb) * scale;

					for (int f = 0; f < k; f++)
						gq[(int64) j * k + f] += s * (st->psum[ca * k + f] / st->group_count[a] -
													  st->psum[cb * k + f] / st->group_count[b]);
					gb[j] += s * ((double) st->count[ca] / st->group_count[a] -
								  (double) st->count[cb] / st->group_count[b]);
				}
				continue;
			}
			for (int32 j = 0; j < st->nitems; j++)
			{
				int64		ca = (int64) a * st->nitems + j;
				int64		cb = (int64) b * st->nitems + j;

				if (st->count[ca] > 0 && st->count[cb] > 0)
					items++;
			}
			if (items == 0)
				continue;
			for (int32 j = 0; j < st->nitems; j++)
			{
				int64		ca = (int64) a * st->nitems + j;
				int64		cb = (int64) b * st->nitems + j;
				double		da,
							db,
							ua,
							ub,		/* the compared quantities */
							wa,
							wb;		/* d(u_g)/d(d_g) */
				double		s;

				if (st->count[ca] == 0 || st->count[cb] == 0)
					continue;
				da = st->err[ca] / st->count[ca];
				db = st->err[cb] / st->count[cb];
				RatingTermParts(term, da, db, &ua, &ub, &wa, &wb);
				sum += fabs(ua - ub);
				if (gq == NULL)
					continue;
				s = Sign(ua - ub) * scale / items;
				/* d(d_g)/d(q_j) = mean of the group's raters' p_u; d(d_g)/d(b_j) = 1 */
				for (int f = 0; f < k; f++)
					gq[(int64) j * k + f] += s * (wa * st->psum[ca * k + f] / st->count[ca] -
												  wb * st->psum[cb * k + f] / st->count[cb]);
				gb[j] += s * (wa - wb);
			}
			total += sum / items;
			pairs++;
		}
	return pairs > 0 ? total / pairs : NAN;
}

/* One pass: predictions, errors and raters' vectors per group and item; the MSE and its gradient. */
static double
Pass(const Interactions *data, const int32 *user_group, const float4 *user_factors, const float4 *user_bias,
	 const float4 *item_factors, const float4 *item_bias, double global_mean, GroupStats *st,
	 double *gq, double *gb)
{
	int			k = st->k;
	double		se = 0.0;
	int64		cells = (int64) st->G * st->nitems;

	memset(st->err, 0, sizeof(double) * cells);
	memset(st->count, 0, sizeof(int64) * cells);
	memset(st->psum, 0, sizeof(double) * cells * k);
	memset(st->group_pred, 0, sizeof(double) * st->G);
	memset(st->group_count, 0, sizeof(int64) * st->G);
	for (int32 u = 0; u < data->nusers; u++)
	{
		const float4 *p = user_factors + (int64) u * k;
		int			g = user_group[u];

		for (int64 x = data->user_ptr[u]; x < data->user_ptr[u + 1]; x++)
		{
			int32		j = data->user_items[x];
			const float4 *q = item_factors + (int64) j * k;
			double		pred = global_mean + user_bias[u] + item_bias[j];
			double		e;

			for (int f = 0; f < k; f++)
				pred += (double) p[f] * q[f];
			e = pred - data->user_weights[x];
			se += e * e;
			if (gq != NULL)
			{
				for (int f = 0; f < k; f++)
					gq[(int64) j * k + f] += 2.0 * e * p[f] / data->nnz;
				gb[j] += 2.0 * e / data->nnz;
			}
			if (g < 0)
				continue;
			{
				int64		cell = (int64) g * st->nitems + j;

				st->err[cell] += e;
				st->count[cell]++;
				for (int f = 0; f < k; f++)
					st->psum[cell * k + f] += p[f];
				st->group_pred[g] += pred;
				st->group_count[g]++;
			}
		}
		if ((u & 0x3FF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	return se / Max(data->nnz, 1);
}

/*
 * Fine-tune item_factors and item_bias (after ALS) against the mean squared
 * error, regularization and lambda times the term; rf->before and
 * rf->after get the term on the training ratings.
 */
void
RatingFairnessFineTune(const Interactions *data, RatingFairness *rf, const int32 *user_group, int ngroups,
					   const float4 *user_factors, const float4 *user_bias, float4 *item_factors,
					   float4 *item_bias, double global_mean, int k, double regularization,
					   MemoryBudget *budget)
{
	GroupStats	st;
	int64		cells = (int64) ngroups * Max(data->nitems, 1);
	int64		nq = (int64) Max(data->nitems, 1) * k;
	double	   *gq;
	double	   *gb;
	double	   *m1;
	double	   *m2;

	BudgetReserve(budget, add_size(mul_size(mul_size(sizeof(double), cells), add_size(k, 2)),
								   mul_size(mul_size(sizeof(double), 3), add_size(nq, data->nitems))),
				  "the rating fairness gradients");
	st.G = ngroups;
	st.nitems = data->nitems;
	st.k = k;
	st.err = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), cells));
	st.count = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), cells));
	st.psum = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(double), cells), k));
	st.group_pred = palloc(sizeof(double) * Max(ngroups, 1));
	st.group_count = palloc(sizeof(int64) * Max(ngroups, 1));
	/* Adam's moments for the factors, then the biases: (nq + nitems) each */
	gq = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), add_size(nq, data->nitems)));
	gb = gq + nq;
	m1 = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), add_size(nq, data->nitems)));
	m2 = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), add_size(nq, data->nitems)));
	memset(m1, 0, sizeof(double) * (nq + data->nitems));
	memset(m2, 0, sizeof(double) * (nq + data->nitems));

	Pass(data, user_group, user_factors, user_bias, item_factors, item_bias, global_mean, &st, NULL, NULL);
	rf->before = TermAndGradient(&st, rf->term, 0.0, NULL, NULL);
	for (int epoch = 1; epoch <= rf->epochs; epoch++)
	{
		int			pairs = 0;

		memset(gq, 0, sizeof(double) * (nq + data->nitems));
		Pass(data, user_group, user_factors, user_bias, item_factors, item_bias, global_mean, &st, gq, gb);
		for (int a = 0; a < ngroups; a++)
			for (int b = a + 1; b < ngroups; b++)
				if (st.group_count[a] > 0 && st.group_count[b] > 0)
					pairs++;
		(void) TermAndGradient(&st, rf->term, pairs > 0 ? rf->lambda / pairs : 0.0, gq, gb);
		/* the ALS regularization of the item rows, as the mean squared error weighs it */
		for (int32 j = 0; j < data->nitems; j++)
		{
			double		w = regularization * (data->item_ptr[j + 1] - data->item_ptr[j]) / Max(data->nnz, 1);

			for (int f = 0; f < k; f++)
				gq[(int64) j * k + f] += 2.0 * w * item_factors[(int64) j * k + f];
			gb[j] += 2.0 * w * item_bias[j];
		}
		for (int64 v = 0; v < nq + data->nitems; v++)
		{
			double		mh,
						vh;

			m1[v] = ADAM_BETA1 * m1[v] + (1 - ADAM_BETA1) * gq[v];
			m2[v] = ADAM_BETA2 * m2[v] + (1 - ADAM_BETA2) * gq[v] * gq[v];
			mh = m1[v] / (1 - pow(ADAM_BETA1, epoch));
			vh = m2[v] / (1 - pow(ADAM_BETA2, epoch));
			if (v < nq)
				item_factors[v] -= (float4) (rf->learning_rate * mh / (sqrt(vh) + ADAM_EPSILON));
			else
				item_bias[v - nq] -= (float4) (rf->learning_rate * mh / (sqrt(vh) + ADAM_EPSILON));
		}
		CHECK_FOR_INTERRUPTS();
	}
	Pass(data, user_group, user_factors, user_bias, item_factors, item_bias, global_mean, &st, NULL, NULL);
	rf->after = TermAndGradient(&st, rf->term, 0.0, NULL, NULL);
}
