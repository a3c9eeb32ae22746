/*-------------------------------------------------------------------------
 *
 * explain.c
 *	  explain(user_id, item_id, model, k): why a model scores an item for a
 *	  user, as parts that sum to the score.
 *
 * Implicit ALS (Hu, Koren and Volinsky 2008, section 5): the user's factors
 * solve (Y'C_u Y + lambda_u I) x_u = Y'C_u p_u, so with W_u the inverse of
 * that matrix the score of item i is
 *
 *		y_i . x_u = sum over the user's items j of c_uj (y_i' W_u y_j),
 *
 * a weighted sum over the user's history whose weights come from the
 * user's own regularised Gram matrix: one k x k solve, W_u y_i, then a dot
 * product per history item.  The confidences c_uj are training's: the
 * model keeps each user's weights as training took them
 * (user_factors.seen_weights), so an explanation needs no access to the
 * source, cannot run code planted in it, and stays the same when the source
 * changes.  The stored x_u is the trainer's
 * (a few conjugate-gradient steps, and solved before the last item
 * half-step), so the history's sum is close to the score but not equal: the
 * difference is a part of its own, "solver residual", as is the sum of the
 * history items beyond the k largest ("other items").  The parts then sum
 * to the score that recommend() returns.
 *
 * Explicit ALS: the global mean, the user's and the item's bias, and the
 * factors' dot product.  BPR: the item bias and the dot product.
 * Popularity: the item's count.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "embedding.h"
#include "executor/spi.h"
#include "explain.h"
#include "funcapi.h"
#include "idset.h"
#include "linalg.h"
#include "options.h"
#include "serve.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

/* LAPACK (Fortran interface, from OpenBLAS) */
extern void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda,
				   double *b, const int *ldb, int *info);

typedef struct HistoryItem
{
	int64		item_id;
	double		contribution;
} HistoryItem;

static int
CompareContribution(const void *a, const void *b)
{
	const HistoryItem *x = (const HistoryItem *) a;
	const HistoryItem *y = (const HistoryItem *) b;

	if (x->contribution != y->contribution)
		return x->contribution > y->contribution ? -1 : 1;
	return x->item_id < y->item_id ? -1 : x->item_id > y->item_id;
}

/* A user's history as training weighed it: model item indexes and their weights. */
typedef struct History
{
	int			n;
	int32	   *items;
	double	   *weights;
} History;

/*
 * The user's stored row, in one read: factors into x (k floats) and the
 * bias where x is given, and with want_history the seen items the model
 * has and their weights (user_factors.seen and seen_weights; an ALS model
 * trained before 0.8.0 has no weights).  False for a user the model does
 * not know.
 */
static bool
ReadUser(const ModelCache *m, int64 user_id, float4 *x, double *bias, bool want_history, History *h)
{
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		values[2] = {CStringGetTextDatum(m->name), Int64GetDatum(user_id)};
	HeapTuple	tup;
	TupleDesc	desc;
	bool		isnull;
	Datum		seen;
	Datum		w;
	const int64 *ids;
	int32		nseen;
	float4	   *wv;
	int			nw;

	if (SPI_execute_with_args("SELECT factors, bias, seen, seen_weights FROM recfair.user_factors "
							  "WHERE model OPERATOR(pg_catalog.=) $1 AND user_id OPERATOR(pg_catalog.=) $2",
							  2, types, values, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "reading the user's row failed");
	if (SPI_processed == 0)
		return false;
	tup = SPI_tuptable->vals[0];
	desc = SPI_tuptable->tupdesc;
	if (x != NULL)
	{
		Embedding  *e = DatumGetEmbeddingP(SPI_getbinval(tup, desc, 1, &isnull));
		Datum		b = SPI_getbinval(tup, desc, 2, &isnull);

		if (e->dim != m->k)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("user %lld of model \"%s\" has %d factors, expected %d",
							(long long) user_id, m->name, e->dim, m->k)));
		memcpy(x, e->x, sizeof(float4) * m->k);
		*bias = isnull ? 0.0 : DatumGetFloat4(b);
	}
	h->n = 0;
	if (!want_history)
		return true;
	seen = SPI_getbinval(tup, desc, 3, &isnull);
	if (isnull)
		return true;
	ids = SeenItemIds(seen, SPI_gettypeid(desc, 3), &nseen);
	w = SPI_getbinval(tup, desc, 4, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("model \"%s\" has no training weights to explain its scores with", m->name),
				 errdetail("Models trained before recfair 0.8.0 store which items a user had, not their weights."),
				 errhint("Retrain the model.")));
	{
		ArrayType  *arr = DatumGetArrayTypeP(w);

		if (ARR_NDIM(arr) > 1 || ARR_HASNULL(arr) || ARR_ELEMTYPE(arr) != FLOAT4OID)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("user %lld of model \"%s\" has malformed seen_weights", (long long) user_id, m->name)));
		nw = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
		wv = (float4 *) ARR_DATA_PTR(arr);
	}
	if (nw != nseen)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("user %lld of model \"%s\" has %d seen items and %d weights", (long long) user_id,
						m->name, nseen, nw)));
	h->items = palloc(sizeof(int32) * Max(nseen, 1));
	h->weights = palloc(sizeof(double) * Max(nseen, 1));
	for (int j = 0; j < nseen; j++)
	{
		int32		pos = ItemPosition(m, ids[j]);

		if (pos < 0)
			continue;			/* not in the model's items: cannot happen for a model as trained */
		h->items[h->n] = pos;
		h->weights[h->n] = wv[j];
		h->n++;
	}
	return true;
}

/* The confidence of a stored weight (already scaled as the option confidence says). */
static double
Confidence(const ModelCache *m, double w)
{
	return m->confidence_offset + m->alpha * w;
}

static void
EmitPart(Tuplestorestate *store, TupleDesc desc, int rank, const char *part, bool has_item, int64 item_id,
		 double contribution)
{
	Datum		values[4];
	bool		nulls[4] = {false, false, !has_item, false};

	values[0] = Int32GetDatum(rank);
	values[1] = CStringGetTextDatum(part);
	values[2] = Int64GetDatum(item_id);
	values[3] = Float8GetDatum(contribution);
	tuplestore_putvalues(store, desc, values, nulls);
}

/*
 * The user's matrix Y'Y + lambda_u I + sum over the n history items of
 * (c - 1) y y' (k x k, full, in double precision), lambda_u the model's
 * regularization, times n if it is weighted.
 */
static double *
UserMatrix(const ModelCache *m, const History *h)
{
	int			k = m->k;
	double	   *a = palloc(sizeof(double) * k * k);
	double		lambda = m->weighted_regularization ? m->regularization * h->n : m->regularization;

	for (int r = 0; r < k * k; r++)
		a[r] = m->gram[r];
	for (int r = 0; r < k; r++)
		a[r * k + r] += lambda;
	for (int j = 0; j < h->n; j++)
	{
		const float4 *y = m->factors + (int64) h->items[j] * k;
		double		c1 = Confidence(m, h->weights[j]) - 1.0;

		for (int r = 0; r < k; r++)
			for (int col = 0; col < k; col++)
				a[r * k + col] += c1 * y[r] * y[col];
	}
	return a;
}

/*
 * The history's contributions to the scores of n items (model indexes
 * item_index[]): contributions[r * h->n + j] = c_j (y_r' W_u y_j), W_u the
 * inverse of the user's matrix; one solve with n right-hand sides.  False
 * if that matrix is singular (a model trained without regularization).
 */
static bool
Contributions(const ModelCache *m, const History *h, int n, const int32 *item_index, double *contributions)
{
	int			k = m->k;
	double	   *a = UserMatrix(m, h);
	double	   *z = palloc(sizeof(double) * k * Max(n, 1));
	int			info = 0;

	for (int r = 0; r < n; r++)
		for (int c = 0; c < k; c++)
			z[(int64) r * k + c] = m->factors[(int64) item_index[r] * k + c];
	BlasBackendCheck();
	dposv_("L", &k, &n, a, &k, z, &k, &info);
	BlasBackendDone();
	if (info != 0)
		return false;
	for (int r = 0; r < n; r++)
		for (int j = 0; j < h->n; j++)
		{
			const float4 *y = m->factors + (int64) h->items[j] * k;
			double		s = 0.0;

			for (int c = 0; c < k; c++)
				s += z[(int64) r * k + c] * y[c];
			contributions[(int64) r * h->n + j] = Confidence(m, h->weights[j]) * s;
		}
	return true;
}

/*
 * The top history reason for each of n items of an implicit ALS model
 * (indexes item_index[]), into arrays it allocates: the history item with
 * the largest contribution and that contribution, found[r] false where
 * there is none (the model is not implicit ALS, the user has no history
 * item, or its matrix is singular).  Runs inside an SPI connection.
 */
void
ExplainRows(const ModelCache *m, int64 user_id, int n, const int32 *item_index, RowReasons *reasons)
{
	History		h;
	double	   *contributions;

	reasons->item = palloc(sizeof(int64) * Max(n, 1));
	reasons->contribution = palloc(sizeof(double) * Max(n, 1));
	reasons->found = palloc0(sizeof(bool) * Max(n, 1));
	if (strcmp(m->algorithm, "als") != 0 || n == 0 || !ReadUser(m, user_id, NULL, NULL, true, &h) || h.n == 0)
		return;
	contributions = palloc(sizeof(double) * (int64) n * h.n);
	if (!Contributions(m, &h, n, item_index, contributions))
		return;
	for (int r = 0; r < n; r++)
		for (int j = 0; j < h.n; j++)
		{
			double		c = contributions[(int64) r * h.n + j];
			int64		id = m->item_ids[h.items[j]];

			if (!reasons->found[r] || c > reasons->contribution[r] ||
				(c == reasons->contribution[r] && id < reasons->item[r]))
			{
				reasons->found[r] = true;
				reasons->item[r] = id;
				reasons->contribution[r] = c;
			}
		}
}

/* explain(user_id, item_id, model, k): the parts of the score, summing to it. */
PG_FUNCTION_INFO_V1(recfair_explain);
Datum
recfair_explain(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int64		user_id;
	int64		item_id;
	int			k;
	ModelCache *m;
	int32		pos;
	float4	   *x;
	double		bias;
	History		history;
	double		dot = 0.0;
	int			rank = 0;

	InitMaterializedSRF(fcinfo, 0);
	CheckArgsNotNull(fcinfo, 4, (1U << 0) | (1U << 1) | (1U << 2));
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	user_id = PG_GETARG_INT64(0);
	item_id = PG_GETARG_INT64(1);
	k = PG_GETARG_INT32(3);
	if (k < 0 || k > MAX_K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("k must be between 0 and %d, not %d", MAX_K, k)));

	SPI_connect();
	m = GetModel(PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2)));
	pos = ItemPosition(m, item_id);
	x = palloc(sizeof(float4) * m->k);
	/* an unknown item or user has no score, so no parts */
	if (pos < 0 || !ReadUser(m, user_id, x, &bias, strcmp(m->algorithm, "als") == 0, &history))
	{
		SPI_finish();
		return (Datum) 0;
	}
	for (int r = 0; r < m->k; r++)
		dot += (double) x[r] * m->factors[(int64) pos * m->k + r];

	if (m->explicit_model)
	{
		EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "global mean", false, 0, m->global_mean);
		EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "user bias", false, 0, bias);
		EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "item bias", false, 0,
				 m->item_bias ? m->item_bias[pos] : 0.0);
		EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "factors", false, 0, dot);
	}
	else if (strcmp(m->algorithm, "als") == 0)
	{
		int			n = history.n;
		HistoryItem *h = palloc(sizeof(HistoryItem) * Max(n, 1));
		double	   *contributions = palloc(sizeof(double) * Max(n, 1));
		double		sum = 0.0;
		double		rest = 0.0;

		if (!Contributions(m, &history, 1, &pos, contributions))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("the user's regularised Gram matrix is singular"),
					 errdetail("A model trained without regularization has no per-item explanation.")));
		for (int j = 0; j < n; j++)
		{
			h[j].item_id = m->item_ids[history.items[j]];
			h[j].contribution = contributions[j];
		}
		qsort(h, n, sizeof(HistoryItem), CompareContribution);

		for (int j = 0; j < n; j++)
		{
			sum += h[j].contribution;
			if (j < k)
				EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "item", true, h[j].item_id, h[j].contribution);
			else
				rest += h[j].contribution;
		}
		if (n > k)
			EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "other items", false, 0, rest);
		EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "solver residual", false, 0, dot - sum);
	}
	else
	{
		/* bpr: item bias and factors; popularity: its count, as the dot product with a user of 1 */
		if (m->item_bias != NULL)
			EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank, "item bias", false, 0, m->item_bias[pos]);
		EmitPart(rsinfo->setResult, rsinfo->setDesc, ++rank,
				 strcmp(m->algorithm, "popularity") == 0 ? "popularity" : "factors", false, 0, dot);
	}
	SPI_finish();
	return (Datum) 0;
}
