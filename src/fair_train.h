/*-------------------------------------------------------------------------
 *
 * fair_train.h
 *	  Fairness in bpr's training objective (fair_train.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_FAIR_TRAIN_H
#define RECFAIR_FAIR_TRAIN_H

#include "bpr.h"
#include "fair.h"
#include "lib/stringinfo.h"

typedef struct FairTraining
{
	bool		active;
	char	   *user_group_col;
	double		user_lambda;
	int			nuser_groups;
	char	  **user_group_names;
	double	   *user_group_loss;	/* the groups' mean losses, last epoch */
	char	   *item_group_col;
	FairTarget	target;
	double		item_lambda;
	double		within_group;	/* share of negatives from the positive's group */
	int			nitem_groups;
	char	  **item_group_names;
	double	   *item_group_weight;	/* each group's positive-pair weight */
} FairTraining;

extern void ParseFairTraining(Jsonb *options, FairTraining *ft);
extern void PrepareFairTraining(FairTraining *ft, const char *model, const Interactions *data, Oid users_relid,
								const char *user_key, Oid items_relid, const char *item_key, BprOptions *bopt);
extern int	ReadUserGroups(const char *model, Oid users_relid, const char *user_key, const char *column,
						   const Interactions *data, int32 **group_of, char ***names);
extern void AppendFairTrainingJson(StringInfo buf, const FairTraining *ft);

#endif							/* RECFAIR_FAIR_TRAIN_H */
