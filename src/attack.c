/*-------------------------------------------------------------------------
 *
 * attack.c
 *	  Perturb a trained model's embeddings as an attack says, so that
 *	  evaluate() can report what a model loses under it (its "attacked_"
 *	  metrics beside the clean ones).
 *
 * The attack of APR (He et al., SIGIR 2018) on a factor model: every user
 * row p_u and item row q_i moves by a perturbation of norm eps chosen to
 * raise the model's pairwise ranking loss on its own training data, the sum
 * of softplus(-x_uij), x_uij = b_i - b_j + p_u . (q_i - q_j), over each
 * training pair (u, i) with one sampled item j that u does not have.  The
 * same loss serves every algorithm (for ALS it is the ranking surrogate, not
 * the training objective), so models trained differently face the same
 * attack.
 *
 *	 fgsm      one step: each row's perturbation is eps times its loss
 *	           gradient over the gradient's norm (per row, as APR does);
 *	 pgd       steps of 2.5 eps / steps along the normalized gradient at the
 *	           perturbed rows, each row projected back to norm eps;
 *	 gaussian  a random direction per row, of norm eps (the control: what
 *	           noise of the same size costs).
 *
 * The training pairs come from user_factors.seen; the negatives from a
 * seeded generator (the same ones at every PGD step).  All users are read,
 * since every user's pairs move the item rows; the test users' rows are
 * returned perturbed.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "attack.h"
#include "catalog/pg_type.h"
#include "common/pg_prng.h"
#include "compare.h"
#include "embedding.h"
#include "executor/spi.h"
#include "idmap.h"
#include "idset.h"
#include "miscadmin.h"
#include "options.h"
#include "storage/shmem.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#define ATTACK_DEFAULT_STEPS 3
#define ATTACK_DEFAULT_SEED 42
#define NEGATIVE_TRIES 16

static const char *const attack_keys[] = {"method", "eps", "steps", "seed"};

/* options->'attack' of evaluate(): {"method": fgsm | pgd | gaussian, "eps", "steps", "seed"}. */
void
ParseAttack(Jsonb *options, AttackSpec *spec)
{
	Jsonb	   *attack = OptionObject(options, "attack");
	char	   *method;

	memset(spec, 0, sizeof(*spec));
	spec->method = PERTURB_NONE;
	if (attack == NULL)
		return;
	CheckOptionKeys(attack, attack_keys, lengthof(attack_keys), NULL, 0);
	method = OptionText(attack, "method");
	if (method == NULL || !OptionPresent(attack, "eps"))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"attack\" needs a method and eps"),
				 errhint("For example options => '{\"attack\": {\"method\": \"fgsm\", \"eps\": 0.5}}'.")));
	spec->method = ParsePerturbation(method, false);
	spec->eps = OptionNumber(attack, "eps", 0.0, 0.0, 1e6);
	spec->steps = (int) OptionInteger(attack, "steps", ATTACK_DEFAULT_STEPS, 1, 100);
	spec->seed = (uint64) OptionInteger(attack, "seed", ATTACK_DEFAULT_SEED, 0, INT64CONST(9000000000000000));
}

/* Every user of the model: factors and training items (model item indexes, sorted). */
typedef struct AllUsers
{
	int32		n;
	int64	   *ids;
	float4	   *p;				/* n x k */
	int64	   *ptr;			/* n + 1 */
	int32	   *items;
} AllUsers;

/*
 * Read every user of the model through a cursor, in batches, so that only
 * the copies kept here (budgeted) grow with the number of users.
 */
static void
LoadAllUsers(const ModelCache *m, AllUsers *all, MemoryBudget *budget)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(m->name)};
	SPIPlanPtr	plan;
	Portal		portal;
	int			rc;
	int64		nitems = 0;
	int64		cap;
	int32		u = 0;
	bool		isnull;

	rc = SPI_execute_with_args("SELECT pg_catalog.count(*) FROM recfair.user_factors "
							   "WHERE model OPERATOR(pg_catalog.=) $1", 1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	all->n = (int32) DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	BudgetReserve(budget, mul_size(add_size(mul_size(sizeof(float4), m->k), 2 * sizeof(int64)), all->n),
				  "the users' factors for the attack");
	all->ids = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), Max(all->n, 1)));
	all->p = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), m->k), Max(all->n, 1)));
	all->ptr = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), all->n + 1));
	cap = Max(all->n, 16);
	BudgetReserve(budget, mul_size(sizeof(int32), cap), "the users' training items");
	all->items = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), cap));

	plan = SPI_prepare("SELECT user_id, factors, seen FROM recfair.user_factors "
					   "WHERE model OPERATOR(pg_catalog.=) $1 ORDER BY user_id", 1, types);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	portal = SPI_cursor_open(NULL, plan, values, NULL, true);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 r = 0; r < SPI_processed && u < all->n; r++, u++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			Embedding  *f;
			Datum		seen;

			all->ids[u] = DatumGetInt64(SPI_getbinval(tup, desc, 1, &isnull));
			f = DatumGetEmbeddingP(SPI_getbinval(tup, desc, 2, &isnull));
			if (f->dim != m->k)
				ereport(ERROR,
						(errcode(ERRCODE_DATA_CORRUPTED),
						 errmsg("user %lld of model \"%s\" has %d factors, expected %d",
								(long long) all->ids[u], m->name, f->dim, m->k)));
			memcpy(all->p + (int64) u * m->k, f->x, sizeof(float4) * m->k);
			all->ptr[u] = nitems;
			seen = SPI_getbinval(tup, desc, 3, &isnull);
			if (!isnull)
			{
				int32		n;
				const int64 *ids = SeenItemIds(seen, SPI_gettypeid(desc, 3), &n);

				if (nitems + n > cap)
				{
					int64		grown = Max(cap * 2, nitems + n);

					BudgetReserve(budget, mul_size(sizeof(int32), grown - cap), "the users' training items");
					cap = grown;
					all->items = repalloc_huge(all->items, mul_size(sizeof(int32), cap));
				}
				for (int32 j = 0; j < n; j++)
				{
					int32		pos = ItemPosition(m, ids[j]);

					if (pos >= 0)
						all->items[nitems++] = pos;
				}
				qsort(all->items + all->ptr[u], nitems - all->ptr[u], sizeof(int32), CompareInt32);
			}
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(portal);
	all->n = u;					/* rows a concurrent commit removed are not there */
	all->ptr[all->n] = nitems;
}

static bool
HasItem(const AllUsers *all, int32 u, int32 j)
{
	return SortedInt32Contains(all->items + all->ptr[u], all->ptr[u + 1] - all->ptr[u], j);
}

/*
 * The gradients of the summed pairwise loss at the perturbed rows
 * (p + dp, q + dq), into gp (users x k) and gq (items x k).
 */
static void
LossGradients(const ModelCache *m, const AllUsers *all, const float4 *dp, const float4 *dq, uint64 seed,
			  double *gp, double *gq)
{
	int			k = m->k;
	pg_prng_state rng;
	float4	   *pu = palloc(sizeof(float4) * k);

	memset(gp, 0, sizeof(double) * k * (Size) all->n);
	memset(gq, 0, sizeof(double) * k * (Size) m->nitems);
	pg_prng_seed(&rng, seed);
	for (int32 u = 0; u < all->n; u++)
	{
		for (int f = 0; f < k; f++)
			pu[f] = all->p[(int64) u * k + f] + dp[(int64) u * k + f];
		for (int64 x = all->ptr[u]; x < all->ptr[u + 1]; x++)
		{
			int32		i = all->items[x];
			int32		j = -1;
			double		s;
			double		g;

			for (int t = 0; t < NEGATIVE_TRIES && j < 0; t++)
			{
				int32		c = (int32) pg_prng_uint64_range(&rng, 0, m->nitems - 1);

				if (!HasItem(all, u, c))
					j = c;
			}
			if (j < 0)
				continue;
			s = m->item_bias ? m->item_bias[i] - m->item_bias[j] : 0.0;
			for (int f = 0; f < k; f++)
				s += (double) pu[f] * ((m->factors[(int64) i * k + f] + dq[(int64) i * k + f]) -
									   (m->factors[(int64) j * k + f] + dq[(int64) j * k + f]));
			g = s > 30 ? 0.0 : 1.0 / (1.0 + exp(s));	/* sigma(-x) */
			for (int f = 0; f < k; f++)
			{
				gp[(int64) u * k + f] -= g * ((m->factors[(int64) i * k + f] + dq[(int64) i * k + f]) -
											  (m->factors[(int64) j * k + f] + dq[(int64) j * k + f]));
				gq[(int64) i * k + f] -= g * pu[f];
				gq[(int64) j * k + f] += g * pu[f];
			}
		}
		if ((u & 0xFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	pfree(pu);
}

/* d (rows x k) moves by step along each row of g over its norm; then each row is clipped to eps. */
static void
StepRows(float4 *d, const double *g, int64 rows, int k, double step, double eps)
{
	for (int64 r = 0; r < rows; r++)
	{
		double		norm = 0.0;
		double		dn = 0.0;

		for (int f = 0; f < k; f++)
			norm += g[r * k + f] * g[r * k + f];
		norm = sqrt(norm);
		if (norm > 0)
			for (int f = 0; f < k; f++)
				d[r * k + f] += (float4) (step * g[r * k + f] / norm);
		for (int f = 0; f < k; f++)
			dn += (double) d[r * k + f] * d[r * k + f];
		dn = sqrt(dn);
		if (dn > eps)
			for (int f = 0; f < k; f++)
				d[r * k + f] = (float4) (d[r * k + f] * eps / dn);
	}
}

/* A random direction of norm eps per row. */
static void
RandomRows(float4 *d, int64 rows, int k, double eps, pg_prng_state *rng)
{
	for (int64 r = 0; r < rows; r++)
	{
		for (int f = 0; f < k; f++)
			d[r * k + f] = (float4) NormalDraw(rng);
		ScaleToNorm(d + r * k, k, eps);
	}
}

/*
 * The model's item factors perturbed as spec says, into item_out (nitems x
 * k), and the rows x of the users user_ids[0..nusers) into x_out (a user the
 * model does not know keeps its row).  Runs inside an SPI connection.
 */
void
PerturbModel(const ModelCache *m, const AttackSpec *spec, const int64 *user_ids, int32 nusers,
			 const float4 *x, float4 *item_out, float4 *x_out, MemoryBudget *budget)
{
	int			k = m->k;
	AllUsers	all;
	float4	   *dp;
	float4	   *dq;
	idmap_hash *index;

	LoadAllUsers(m, &all, budget);
	BudgetReserve(budget, mul_size(mul_size(sizeof(float4) + 2 * sizeof(double), k), add_size(all.n, m->nitems)),
				  "the attack's perturbations and gradients");
	dp = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), k), Max(all.n, 1)));
	dq = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), k), Max(m->nitems, 1)));
	memset(dp, 0, sizeof(float4) * k * (Size) all.n);
	memset(dq, 0, sizeof(float4) * k * (Size) m->nitems);
	if (spec->method == PERTURB_GAUSSIAN)
	{
		pg_prng_state rng;

		pg_prng_seed(&rng, spec->seed);
		RandomRows(dp, all.n, k, spec->eps, &rng);
		RandomRows(dq, m->nitems, k, spec->eps, &rng);
	}
	else
	{
		double	   *gp = MemoryContextAllocHuge(CurrentMemoryContext,
												mul_size(mul_size(sizeof(double), k), Max(all.n, 1)));
		double	   *gq = MemoryContextAllocHuge(CurrentMemoryContext,
												mul_size(mul_size(sizeof(double), k), Max(m->nitems, 1)));
		int			steps = spec->method == PERTURB_PGD ? spec->steps : 1;
		/* fgsm: one full step; pgd: 2.5 eps / steps each, projected */
		double		step = spec->method == PERTURB_PGD ? 2.5 * spec->eps / steps : spec->eps;

		for (int s = 0; s < steps; s++)
		{
			LossGradients(m, &all, dp, dq, spec->seed, gp, gq);
			StepRows(dp, gp, all.n, k, step, spec->eps);
			StepRows(dq, gq, m->nitems, k, step, spec->eps);
		}
	}

	for (int64 v = 0; v < (int64) m->nitems * k; v++)
		item_out[v] = m->factors[v] + dq[v];
	index = idmap_create(CurrentMemoryContext, Max(all.n, 16), NULL);
	for (int32 u = 0; u < all.n; u++)
	{
		bool		found;

		idmap_insert(index, all.ids[u], &found)->index = u;
	}
	for (int32 t = 0; t < nusers; t++)
	{
		IdMapEntry *e = idmap_lookup(index, user_ids[t]);

		for (int f = 0; f < k; f++)
			x_out[(int64) t * k + f] = x[(int64) t * k + f] + (e ? dp[(int64) e->index * k + f] : 0.0f);
	}
}
