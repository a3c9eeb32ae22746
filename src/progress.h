/*-------------------------------------------------------------------------
 *
 * progress.h
 *	  What a running training or evaluation shows to every session
 *	  (recfair.training_progress, progress.c), and the recfair.progress_notices
 *	  setting that decides whether it also reports to its own client.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_PROGRESS_H
#define RECFAIR_PROGRESS_H

#include "compat.h"
#include "fmgr.h"
#include "portability/instr_time.h"

/* The GUC recfair.progress_notices: a NOTICE per iteration and a summary. */
extern bool recfair_progress_notices;

typedef enum ProgressCommand
{
	PROGRESS_COMMAND_TRAIN = 1,
	PROGRESS_COMMAND_EVALUATE
} ProgressCommand;

typedef enum ProgressPhase
{
	PROGRESS_PHASE_STARTING = 0,
	PROGRESS_PHASE_READING,
	PROGRESS_PHASE_TRAINING,
	PROGRESS_PHASE_WRITING,
	PROGRESS_PHASE_EVALUATING
} ProgressPhase;

/* _PG_init: request the slots when preloaded (before PostgreSQL 17). */
/* Seconds since start: the phases' times in NOTICEs and the catalog row. */
extern double SecondsSince(instr_time start);
extern void ProgressInit(void);

/*
 * Run fn(fcinfo) as a tracked `command`: Begin, then End however it ends.
 */
extern Datum ProgressRun(ProgressCommand command,
						 Datum (*fn) (FunctionCallInfo fcinfo),
						 FunctionCallInfo fcinfo);

extern void ProgressSetModel(const char *model, int iterations);
extern void ProgressSetPhase(ProgressPhase phase);
extern void ProgressSetIteration(int iteration, double loss);

#endif							/* RECFAIR_PROGRESS_H */
