/*-------------------------------------------------------------------------
 *
 * feature_maps.h
 *	  Cold start from content: maps from feature vectors to factors
 *	  (feature_maps.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_FEATURE_MAPS_H
#define RECFAIR_FEATURE_MAPS_H

/* The most features a map takes: its equations are (d + 1)^2 doubles. */
#define FEATURE_MAX_DIM 2048

/* train()'s default for the option feature_regularization (docs/design-notes.md, "Cold start"). */
#define FEATURE_DEFAULT_REGULARIZATION 1.0

typedef struct FeatureMapResult
{
	int64		trained_rows;	/* rows with factors and features: the map's data */
	int64		cold_rows;		/* rows with features and no factors: mapped */
} FeatureMapResult;

extern void TrainFeatureMap(const char *model, bool users, Oid passed_table, const char *passed_key,
							const char *column, double mu, int k, bool als_weights, FeatureMapResult *result);

#endif							/* RECFAIR_FEATURE_MAPS_H */
