/*-------------------------------------------------------------------------
 *
 * interactions.h
 *	  Reading an interaction source (table, view or query) into a sparse
 *	  user x item matrix, held both by user (CSR) and by item (CSC), and the
 *	  memory budget that bounds training.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_INTERACTIONS_H
#define RECFAIR_INTERACTIONS_H

#include "fmgr.h"

/* The GUC recfair.training_memory_limit, in kB. */
extern int	recfair_training_memory_limit_kb;

/* Bytes reserved against recfair.training_memory_limit. */
typedef struct MemoryBudget
{
	Size		used;
} MemoryBudget;

extern void BudgetReserve(MemoryBudget *budget, Size bytes, const char *what);

/*
 * A source of rows: a relation (a regclass argument) or the text of one
 * query (a *_query argument), never both.
 */
typedef struct InteractionSource
{
	Oid			relid;			/* a table or view, or InvalidOid */
	const char *query;			/* else the text of a query */
	const char *user_col;
	const char *item_col;
	const char *weight_col;		/* NULL: every interaction weighs 1 */
	const char *weight_arg;		/* the argument naming it, for hints (NULL: weight_col) */
	bool		keep_max;		/* duplicate pairs: the largest weight, not the sum */
	bool		allow_empty;	/* no rows is not an error (evaluation) */
} InteractionSource;

typedef struct Interactions
{
	int32		nusers;
	int32		nitems;
	int64		nnz;			/* distinct (user, item) pairs */
	int64		rows_read;		/* rows used from the source */
	int64		rows_null_id;	/* rows skipped because an id was NULL */
	int64		rows_null_weight;	/* rows skipped because the weight was NULL */
	double		total_weight;	/* sum of all weights */
	int64	   *user_ids;		/* dense index -> external id */
	int64	   *item_ids;
	int64	   *user_ptr;		/* by user: rows user_ptr[u] .. user_ptr[u+1] */
	int32	   *user_items;		/* item indexes, ascending by item id */
	float4	   *user_weights;
	int64	   *item_ptr;		/* by item */
	int32	   *item_users;		/* sorted user indexes */
	float4	   *item_weights;
	int32	   *items_by_id;	/* item indexes in ascending order of id */
} Interactions;

extern void SourceFromArgs(FunctionCallInfo fcinfo, int relarg, int queryarg, InteractionSource *src);
extern char *SourceFromClause(const InteractionSource *src);
extern char *SourceDescription(const InteractionSource *src);
extern void CheckColumnNameLength(const char *col);
extern void CheckIdType(Oid type, const char *col);
extern void CheckWeightType(Oid type, const char *col);
extern void ReportSkippedRows(const InteractionSource *src, int64 null_id, int64 null_weight, int64 kept);
extern char *CitusDistributionColumn(Oid relid);
extern Interactions *ReadInteractions(const InteractionSource *src, MemoryBudget *budget);

#endif							/* RECFAIR_INTERACTIONS_H */
