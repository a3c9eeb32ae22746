/*-------------------------------------------------------------------------
 *
 * train_sql.h
 *	  Implicit ALS run as SQL aggregate queries (train_sql.c): on the
 *	  workers of a Citus cluster, or under parallel query on one node.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_TRAIN_SQL_H
#define RECFAIR_TRAIN_SQL_H

#include "als.h"
#include "interactions.h"

typedef struct SqlAlsRun
{
	const char *model;
	const InteractionSource *src;
	AlsOptions *opt;				/* eps and alpha resolved here */
	const char *work_schema;	/* where the work tables go (quoted) */
	const char *distributed_by; /* the source's Citus distribution column, or NULL: one node */
	AlsProgressFn progress;
	void	   *progress_arg;
	MemoryBudget *budget;
	/* results: the counts only (no matrices), and the phases' seconds */
	Interactions counts;
	double		read_s;
	double		train_s;
	double		write_s;
} SqlAlsRun;

extern bool SqlAlsTrain(SqlAlsRun *run, bool fall_back, char **reason);

#endif							/* RECFAIR_TRAIN_SQL_H */
