/*-------------------------------------------------------------------------
 *
 * fair.h
 *	  Fair-exposure re-ranking (fair.c), item groups of a model (fair.c),
 *	  and the SQL functions built on them (fair_sql.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_FAIR_H
#define RECFAIR_FAIR_H

#include <math.h>

#include "nodes/pg_list.h"
#include "options.h"
#include "serve.h"
#include "utils/jsonb.h"

/* Amortized fair mode's score scale: the mean |best score| of its lists so far. */
typedef struct AmortizedScale
{
	double		top_sum;
	int64		lists;
} AmortizedScale;

/* What fair re-ranking keeps with a cached model version (ModelCache.fair). */
typedef struct FairModelState
{
	List	   *group_maps;		/* GroupMap per item-table column */
	AmortizedScale amortized_scale; /* recommend_fair's */
} FairModelState;

extern FairModelState *ModelFairState(ModelCache *m);

/* Amortized mode: the exposure deficit worth one unit of scaled score (fair.c). */
#define FAIR_DEFAULT_DEFICIT_SCALE 300.0
/* Candidates re-ranked per list unless the call says otherwise: 10 k, at least 100. */
#define FAIR_DEFAULT_CANDIDATES(k) Max(10 * (k), 100)

/* Exposure of rank r (1-based): 1 / log2(r + 1). */
static inline double
RankExposure(int r)
{
	return 1.0 / log2(r + 1.0);
}

/* A candidate: a caller's index (item index or array position), its score and group. */
typedef struct FairItem
{
	int32		index;
	int32		group;
	int64		id;				/* tie-break: lower id first */
	float4		score;
	float4		base;			/* the model's score, where score is boosted */
} FairItem;

typedef enum FairTargetKind
{
	TARGET_EQUAL,
	TARGET_CATALOG,
	TARGET_MERIT,
	TARGET_EXPLICIT
} FairTargetKind;

typedef struct FairTarget
{
	FairTargetKind kind;
	char	   *text;			/* as given */
	Jsonb	   *shares;			/* TARGET_EXPLICIT: {"group": share, ...} */
} FairTarget;

/*
 * Per-call state of the greedy re-ranker.  prior_exposure / prior_total
 * carry amortized exposure from earlier lists (zero otherwise).
 */
typedef struct FairParams
{
	int			ngroups;
	const double *target;		/* share per group, summing to 1 */
	double		strength;		/* 0: plain ranking .. 1: tightest parity */
	const double *prior_exposure;	/* per group, or NULL */
	double		prior_total;
	const bool *expandable;		/* partial pool: groups with items outside it, or NULL */
	bool		interruptible;	/* on the backend thread: check for cancel per position */
	/* amortized mode only: */
	const double *prior_plain;	/* per group: exposure the plain lists would have given */
	double		deficit_scale;	/* exposure deficit per unit of scaled score */
	AmortizedScale *scale_state;	/* updated by every list */
} FairParams;

/* Item groups of a model for one column of its registered item table. */
typedef struct GroupMap
{
	char		column[NAMEDATALEN];
	int			ngroups;
	char	  **names;			/* NULL for the NULL group */
	int32	   *group_of_item;	/* by model item index */
	int32	   *items_in_group;	/* model items per group */
	idmap_hash *name_index;		/* hash of a group's name -> group */
	int			null_group;		/* the NULL group, or -1 */
	/* lifetime (GetGroupMap): */
	MemoryContext cxt;			/* holds this map */
	Oid			relid;			/* the item table */
	Oid			loaded_by;		/* the role that read it */
	bool		row_security;	/* the table has row security: this transaction only */
	bool		provisional;	/* read in the current transaction */
	bool		said_cannot_act;	/* recommend_fair's NOTICE, once per map */
} GroupMap;

extern int	GroupOfName(const GroupMap *gm, const char *name);
extern int	CompareFairItems(const void *a, const void *b);
extern int	FairRerank(const FairItem *sorted, int ncands, int k, const FairParams *p,
					   FairItem *out, bool *taken, double *got, int32 *next);
extern void CheckStrength(double strength);

/*
 * The fair-list settings that recommend_fair(), evaluate() and
 * exposure_report() take, each as the argument of the same name; options
 * holds only deficit_scale.  FairArgs gives their positions in a function's
 * signature.
 */
typedef struct FairArgs
{
	int			target;
	int			strength;
	int			candidates;		/* NULL: FAIR_DEFAULT_CANDIDATES(k) */
	int			amortized;
	int			options;
	const char *extra_option;	/* another options key the function reads, or NULL */
} FairArgs;

typedef struct FairSettings
{
	FairTarget	target;
	double		strength;
	int			ncandidates;
	bool		amortized;
	double		deficit_scale;
} FairSettings;

extern void ParseFairSettings(FunctionCallInfo fcinfo, const FairArgs *args, int k,
							  const MovedOption *moved, int nmoved, FairSettings *out);
extern void ParseFairTarget(const char *text, FairTarget *target);
extern void TargetShares(const FairTarget *target, const GroupMap *groups,
						 const FairItem *cands, int ncands, double *shares);
/* The rows of a registered table, numbered by QueryRegisteredGroups. */
typedef struct RegisteredGroups
{
	int64		nrows;
	int64	   *keys;
	bool	   *has_key;		/* false: a NULL key */
	int32	   *group;			/* the row's group */
	char	  **values;			/* the row's group value as text, or NULL */
	int			ngroups;
} RegisteredGroups;

extern int	QueryRegisteredGroups(const char *model, bool users, const char *column, Oid *relid_out,
								  RegisteredGroups *rows);
extern int	QueryTableGroups(Oid relid, const char *key, const char *column, const char *model,
							 const char *kind, Oid *relid_out, RegisteredGroups *rows);
extern void AssignGroups(const RegisteredGroups *rows, idmap_hash *index, int32 *group_of, char **names);
extern const GroupMap *GetGroupMap(ModelCache *m, const char *group_col);
extern void FairRowValues(const FairItem *out, int i, const GroupMap *gm, Datum *values, bool *nulls);
extern Size FairPoolCapacity(const GroupMap *gm, int k, int ncandidates);
/* A FairParams for one list: no prior exposure, no partial pool, not amortized. */
static inline void
InitFairParams(FairParams *p, int ngroups, const double *target, double strength)
{
	memset(p, 0, sizeof(FairParams));
	p->ngroups = ngroups;
	p->target = target;
	p->strength = strength;
}

/*
 * What the fair lists of recommend_fair, evaluate and exposure_report are
 * made of (BuildFairList): the same for every list of a call.
 */
typedef struct FairListInput
{
	const ModelCache *m;
	const GroupMap *gm;
	int			k;
	int			ncandidates;	/* at most the model's items */
	bool		merit;			/* shares from each list's candidates */
	const double *fixed_shares; /* the shares otherwise */
	double		strength;
	bool		amortized;
	double		deficit_scale;	/* amortized mode */
	AmortizedScale *scale_state;	/* amortized mode */
	const char *state_target;	/* recommend_fair's amortized state: its target key */
	bool		interruptible;	/* on the backend thread */
	bool		top_only;		/* scores hold only the top candidates (int8 copy): see below */
} FairListInput;

/*
 * BuildFairList's answer, with top_only, when the top candidates cannot
 * make the list (a group outside them must take a position): the caller
 * scores each group's best too and builds it again.
 */
#define FAIR_LIST_NEEDS_GROUPS (-2)

/* Amortized mode: the exposure of earlier lists (see FairParams). */
typedef struct FairPrior
{
	const double *exposure;
	const double *plain;
	double		total;
} FairPrior;

/* One worker's buffers for BuildFairList (AllocFairListScratch). */
typedef struct FairListScratch
{
	FairItem   *pool;			/* FairPoolCapacity() */
	Candidate  *pool_scratch;	/* ncandidates */
	int32	   *per_group;		/* 4 x ngroups */
	bool	   *expandable;		/* ngroups */
	bool	   *taken;			/* FairPoolCapacity() */
	double	   *got;			/* ngroups; amortized mode: the prices */
	int32	   *next;			/* ngroups */
	double	   *shares;			/* ngroups: merit shares */
	double	   *merit_mass;		/* ngroups, or NULL: add each pool's positive scores per group */
	int			npool;			/* the first pool's size, after FairListPool */
} FairListScratch;

extern FairListScratch *AllocFairListScratch(const FairListInput *in, int nworkers);
extern int	FairListPool(const FairListInput *in, FairListScratch *s, const float4 *scores);
extern int	BuildFairList(const FairListInput *in, FairListScratch *s, const float4 *scores,
						  const FairPrior *prior, FairItem *out);
extern int	RerankCandidates(int n, const int64 *ids, const float4 *scores, char *const *groups,
							 int k, const FairTarget *target, double strength, const char *what,
							 GroupMap *gm, FairItem **out);

#endif							/* RECFAIR_FAIR_H */
